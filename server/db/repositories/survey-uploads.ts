import { type Kysely, sql } from 'kysely'
import type { Database, NewSurveyUpload, SurveyUploadRow } from '../schema.ts'
import type { RawSqlite } from '../sqlite/dialect.ts'

/** Every column but the uploaded file (large, and read by nothing that lists uploads). */
const COLUMNS = [
  'id',
  'survey',
  'version',
  'file_name',
  'kind',
  'definition',
  'title',
  'questions',
  'locales',
  'problems',
  'status',
  'replaces',
  'uploaded_at',
  'uploaded_by',
  'published_at',
  'published_by',
  'published_seq',
  'discarded_at',
  'discarded_by',
] as const

export type SurveyUploadRecord = Omit<SurveyUploadRow, 'original'>

export async function insertSurveyUpload(
  db: Kysely<Database>,
  row: NewSurveyUpload,
): Promise<void> {
  await db.insertInto('survey_uploads').values(row).execute()
}

export async function findSurveyUpload(
  db: Kysely<Database>,
  id: string,
): Promise<SurveyUploadRecord | undefined> {
  return db.selectFrom('survey_uploads').select(COLUMNS).where('id', '=', id).executeTakeFirst()
}

/** Every upload, newest first (ties: the id, so the order is fixed). */
export async function listSurveyUploads(db: Kysely<Database>): Promise<SurveyUploadRecord[]> {
  return db
    .selectFrom('survey_uploads')
    .select(COLUMNS)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/**
 * The number of the latest publication (0 before any): one indexed read, which a process polls
 * to learn that another one has published.
 */
export async function latestPublication(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('survey_uploads')
    .select((eb) => eb.fn.max('published_seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

/** The uploads served now: per questionnaire id, its latest publication; by id. */
export async function listServedUploads(db: Kysely<Database>): Promise<SurveyUploadRecord[]> {
  const rows = await db
    .selectFrom('survey_uploads')
    .select(COLUMNS)
    .where('status', '=', 'published')
    .orderBy('published_seq')
    .execute()
  const latest = new Map(rows.map((r) => [r.survey, r]))
  return [...latest.values()].sort((a, b) => (a.survey < b.survey ? -1 : 1))
}

const MARK_PUBLISHED = `update survey_uploads set status = 'published', replaces = ?,
  published_at = ?, published_by = ?,
  published_seq = (select coalesce(max(published_seq), 0) + 1 from survey_uploads)
  where id = ? and status = 'draft'`

/**
 * Marks a draft published with the next publication number, counted in the statement itself;
 * false when it is no longer a draft (another request got there first). Raw, to run inside a
 * synchronous write transaction with the other writes of a publication.
 */
export function markUploadPublishedRaw(
  raw: RawSqlite,
  id: string,
  change: { replaces: string | null; actor: string; now: string },
): boolean {
  const result = raw.prepare(MARK_PUBLISHED).run(change.replaces, change.now, change.actor, id)
  return result.changes > 0
}

/** The reference of `markUploadPublishedRaw`, as a Kysely query (the same statement). */
export async function markUploadPublished(
  db: Kysely<Database>,
  id: string,
  change: { replaces: string | null; actor: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('survey_uploads')
    .set({
      status: 'published',
      replaces: change.replaces,
      published_at: change.now,
      published_by: change.actor,
      published_seq: sql<number>`(select coalesce(max(published_seq), 0) + 1 from survey_uploads)`,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Marks a draft discarded; false when it is no longer a draft. */
export async function markUploadDiscarded(
  db: Kysely<Database>,
  id: string,
  change: { actor: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('survey_uploads')
    .set({ status: 'discarded', discarded_at: change.now, discarded_by: change.actor })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
