import type { Kysely } from 'kysely'
import type { Database, ResponseRow } from '../schema.ts'

/** Which responses an export reads. */
export interface ExportFilter {
  survey: string
  region?: string
  wave?: string
  /** Absent: drafts and submitted responses. */
  status?: ResponseRow['status']
  /** Absent: every review; `not-rejected` leaves out rejected responses. */
  review?: 'not-rejected' | 'approved'
}

/** A stored response (the columns an export shows) with its region's display name. */
export type ExportRow = Pick<
  ResponseRow,
  | 'id'
  | 'survey'
  | 'version'
  | 'region_id'
  | 'wave'
  | 'language'
  | 'status'
  | 'answers'
  | 'group_name'
  | 'created_at'
  | 'updated_at'
  | 'submitted_at'
  | 'submission_key'
  | 'review_status'
  | 'review_note'
  | 'reviewed_at'
> & { region_name: string }

/** One questionnaire version used by the responses of an export. */
export interface ExportVersion {
  version: string
  definition: string
  first_seen_at: string
  responses: number
}

function narrow(db: Kysely<Database>, filter: ExportFilter) {
  let q = db.selectFrom('responses').where('responses.survey', '=', filter.survey)
  if (filter.region !== undefined) q = q.where('responses.region_id', '=', filter.region)
  if (filter.wave !== undefined) q = q.where('responses.wave', '=', filter.wave)
  if (filter.status !== undefined) q = q.where('responses.status', '=', filter.status)
  if (filter.review === 'not-rejected') q = q.where('responses.review_status', '!=', 'rejected')
  if (filter.review === 'approved') q = q.where('responses.review_status', '=', 'approved')
  return q
}

const COLUMNS = [
  'responses.id',
  'responses.survey',
  'responses.version',
  'responses.region_id',
  'responses.wave',
  'responses.language',
  'responses.status',
  'responses.answers',
  'responses.group_name',
  'responses.created_at',
  'responses.updated_at',
  'responses.submitted_at',
  'responses.submission_key',
  'responses.review_status',
  'responses.review_note',
  'responses.reviewed_at',
  'regions.name as region_name',
] as const

/**
 * The responses of an export, oldest first (`created_at`, then `id`), read in pages of
 * `pageSize` by keyset pagination: memory stays constant and the database connection is free
 * between pages, so a slow download never blocks other requests. Responses stored while the
 * export runs may or may not appear.
 */
export async function* streamResponses(
  db: Kysely<Database>,
  filter: ExportFilter,
  pageSize = 1000,
): AsyncGenerator<ExportRow[]> {
  let after: { created_at: string; id: string } | null = null
  for (;;) {
    let q = narrow(db, filter)
      .innerJoin('regions', 'regions.id', 'responses.region_id')
      .select(COLUMNS)
    if (after) {
      // A row-value comparison lets an index on (survey, created_at, id) seek to the page.
      const { created_at, id } = after
      q = q.where((eb) =>
        eb(eb.refTuple('responses.created_at', 'responses.id'), '>', eb.tuple(created_at, id)),
      )
    }
    const page: ExportRow[] = await q
      .orderBy('responses.created_at')
      .orderBy('responses.id')
      .limit(pageSize)
      .execute()
    if (page.length > 0) yield page
    const last = page.at(-1)
    if (!last || page.length < pageSize) return
    after = { created_at: last.created_at, id: last.id }
  }
}

/**
 * The questionnaire versions answered by the responses of an export, with their stored JSON
 * and how many of those responses answered each; oldest version first.
 */
export async function listExportVersions(
  db: Kysely<Database>,
  filter: ExportFilter,
): Promise<ExportVersion[]> {
  // Count first, then fetch each definition once: grouping rows that carry the definition text
  // would sort every response together with its questionnaire's whole JSON.
  const counts = await narrow(db, filter)
    .select((eb) => ['responses.version', eb.fn.countAll<number | bigint>().as('responses')])
    .groupBy('responses.version')
    .execute()
  if (counts.length === 0) return []
  const byVersion = new Map(counts.map((c) => [c.version, Number(c.responses)]))
  const rows = await db
    .selectFrom('survey_versions')
    .select(['version', 'definition', 'first_seen_at'])
    .where('survey', '=', filter.survey)
    .where('version', 'in', [...byVersion.keys()])
    .orderBy('first_seen_at')
    .orderBy('version')
    .execute()
  return rows.map((r) => ({ ...r, responses: byVersion.get(r.version) ?? 0 }))
}

/** The regions of an export's responses, by id. */
export async function listExportRegions(
  db: Kysely<Database>,
  filter: ExportFilter,
): Promise<{ id: string; name: string }[]> {
  return narrow(db, filter)
    .innerJoin('regions', 'regions.id', 'responses.region_id')
    .select(['regions.id', 'regions.name'])
    .distinct()
    .orderBy('regions.id')
    .execute()
}

/** The survey and id-or-key matches of a response about to be imported, if any exist. */
export async function findImportMatch(
  db: Kysely<Database>,
  survey: string,
  id: string,
  submissionKey: string | null,
): Promise<{ id: string; survey: string } | undefined> {
  let q = db.selectFrom('responses').select(['id', 'survey'])
  q =
    submissionKey === null
      ? q.where('id', '=', id)
      : q.where((eb) =>
          eb.or([
            eb('id', '=', id),
            eb.and([eb('survey', '=', survey), eb('submission_key', '=', submissionKey)]),
          ]),
        )
  return q.executeTakeFirst()
}
