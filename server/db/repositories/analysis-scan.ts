/**
 * Storage of the analysis code texts (`analysis_rows`, see the 2026-11-23-004 migration): what
 * is missing or outdated, writing new texts, and reading them back in response id order, page by
 * page, with the review, status and wave filters applied in SQL.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { onPostgres } from '../dialect.ts'
import type { AnalysisRowTable, Database, ReviewStatus } from '../schema.ts'

/** A response to encode: its filter columns and its answer JSON. */
export interface UncodedResponse {
  id: string
  region_id: string
  wave: string
  status: 'draft' | 'submitted'
  review_status: ReviewStatus
  version: string
  answers: string
}

/** A stored code text as the analysis reads it (the shape of the tally's rows). */
export interface CodedResponse {
  id: string
  region: string
  wave: string
  version: string
  codes: string
}

/** Which code texts to read: one survey and layout, with the document's response filters. */
export interface CodedRowFilter {
  survey: string
  layout: string
  /** Only this wave. */
  wave?: string
  /** Only submitted responses; drafts too when absent. */
  status?: 'submitted'
  /** `not-rejected` leaves out rejected responses; `approved` keeps approved ones only. */
  review: 'not-rejected' | 'approved'
}

const UNCODED = [
  'responses.id',
  'responses.region_id',
  'responses.wave',
  'responses.status',
  'responses.review_status',
  'responses.version',
  'responses.answers',
] as const

/**
 * Runs `fn` in a write transaction taken at once (`begin immediate`), so that the answers read
 * and the code texts written cannot be separated by another writer; inside a caller's transaction,
 * in that one.
 *
 * On PostgreSQL the transaction first locks `responses` in SHARE ROW EXCLUSIVE mode: readers go
 * on, but every insert, update or delete of a response, from this process or another instance,
 * waits until it commits, and so does another `withWriteLock` (the mode conflicts with itself).
 */
export async function withWriteLock<T>(
  db: Kysely<Database>,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db)
  if (onPostgres(db)) {
    return db.transaction().execute(async (trx) => {
      await sql`lock table responses in share row exclusive mode`.execute(trx)
      return fn(trx)
    })
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn)
    try {
      const result = await fn(conn)
      await sql`commit`.execute(conn)
      return result
    } catch (error) {
      await sql`rollback`.execute(conn)
      throw error
    }
  })
}

/**
 * `column = value` that SQLite's planner must not answer from an index on `column` (a unary `+`
 * makes it an expression); PostgreSQL's planner needs no such hint.
 */
function unindexed(db: Kysely<Database>, column: string, value: string): RawBuilder<boolean> {
  return onPostgres(db)
    ? sql<boolean>`${sql.ref(column)} = ${value}`
    : sql<boolean>`+${sql.ref(column)} = ${value}`
}

/** Responses of a survey queued for encoding (new, or their answers changed), by id. */
export async function listPendingResponses(
  db: Kysely<Database>,
  survey: string,
  limit: number,
): Promise<UncodedResponse[]> {
  return db
    .selectFrom('analysis_pending')
    .innerJoin('responses', (join) =>
      join
        .onRef('responses.survey', '=', 'analysis_pending.survey')
        .onRef('responses.id', '=', 'analysis_pending.response_id'),
    )
    .select(UNCODED)
    .where('analysis_pending.survey', '=', survey)
    .orderBy('analysis_pending.response_id')
    .limit(limit)
    .execute()
}

/** How many responses of the survey are queued for encoding. */
export async function countPendingResponses(db: Kysely<Database>, survey: string): Promise<number> {
  const row = await db
    .selectFrom('analysis_pending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey', '=', survey)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Whether the survey has code texts in another layout than `layout` (a questionnaire change):
 * two seeks on the layout index, however many texts there are.
 */
export async function hasOtherLayouts(
  db: Kysely<Database>,
  survey: string,
  layout: string,
): Promise<boolean> {
  for (const op of ['<', '>'] as const) {
    const row = await db
      .selectFrom('analysis_rows')
      .select('layout')
      .where('survey', '=', survey)
      .where('layout', op, layout)
      .limit(1)
      .executeTakeFirst()
    if (row) return true
  }
  return false
}

/**
 * Responses of the survey without a code text for `layout`, in id order after `afterId`: the
 * catch-up after a questionnaire change or for responses stored before code texts existed. Id
 * order makes the code text inserts appends to the primary key rather than writes all over it.
 */
export async function listUncodedResponses(
  db: Kysely<Database>,
  filter: { survey: string; layout: string; afterId: string; limit: number },
): Promise<UncodedResponse[]> {
  return (
    db
      .selectFrom('responses')
      .select(UNCODED)
      // `+survey`: walk the id index (in order) rather than a survey index plus a sort.
      .where(unindexed(db, 'responses.survey', filter.survey))
      .where('responses.id', '>', filter.afterId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('analysis_rows')
              .select('analysis_rows.response_id')
              .whereRef('analysis_rows.survey', '=', 'responses.survey')
              .whereRef('analysis_rows.response_id', '=', 'responses.id')
              .where('analysis_rows.layout', '=', filter.layout),
          ),
        ),
      )
      .orderBy('responses.id')
      .limit(filter.limit)
      .execute()
  )
}

/** Rows per insert statement. */
const CHUNK = 500

/** Writes (or replaces) code texts and takes their responses off the queue. */
export async function saveCodedRows(
  db: Kysely<Database>,
  rows: readonly AnalysisRowTable[],
): Promise<void> {
  const first = rows[0]
  if (!first) return
  // 9 parameters a row; SQLite allows 32,766 since 3.32.
  for (let from = 0; from < rows.length; from += CHUNK) {
    const chunk = rows.slice(from, from + CHUNK)
    await db
      .insertInto('analysis_rows')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['survey', 'response_id']).doUpdateSet((eb) => ({
          layout: eb.ref('excluded.layout'),
          region_id: eb.ref('excluded.region_id'),
          wave: eb.ref('excluded.wave'),
          status: eb.ref('excluded.status'),
          review_status: eb.ref('excluded.review_status'),
          version: eb.ref('excluded.version'),
          codes: eb.ref('excluded.codes'),
        })),
      )
      .execute()
    await db
      .deleteFrom('analysis_pending')
      .where('survey', '=', first.survey)
      .where(
        'response_id',
        'in',
        chunk.map((r) => r.response_id),
      )
      .execute()
  }
}

/** Responses of the survey, and its code texts in `layout`: equal when every text is there. */
export async function countCodedCoverage(
  db: Kysely<Database>,
  survey: string,
  layout: string,
): Promise<{ responses: number; coded: number }> {
  const responses = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey', '=', survey)
    .executeTakeFirstOrThrow()
  const coded = await db
    .selectFrom('analysis_rows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey', '=', survey)
    .where('layout', '=', layout)
    .executeTakeFirstOrThrow()
  return { responses: Number(responses.n), coded: Number(coded.n) }
}

/**
 * The code texts that pass the filter, in response id order, `pageSize` rows at a time (keyset
 * pages on the primary key, so each page is one range read).
 */
export async function* scanCodedRows(
  db: Kysely<Database>,
  filter: CodedRowFilter,
  pageSize = 5000,
): AsyncGenerator<CodedResponse[]> {
  let after: string | null = null
  for (;;) {
    let q = db
      .selectFrom('analysis_rows')
      .select(['response_id as id', 'region_id as region', 'wave', 'version', 'codes'])
      .where('survey', '=', filter.survey)
      .where(unindexed(db, 'layout', filter.layout))
    if (filter.wave !== undefined) q = q.where('wave', '=', filter.wave)
    if (filter.status) q = q.where('status', '=', filter.status)
    if (filter.review === 'not-rejected') q = q.where('review_status', '!=', 'rejected')
    if (filter.review === 'approved') q = q.where('review_status', '=', 'approved')
    if (after !== null) q = q.where('response_id', '>', after)
    const page = await q.orderBy('response_id').limit(pageSize).execute()
    if (page.length > 0) yield page
    if (page.length < pageSize) return
    after = page[page.length - 1]?.id ?? null
  }
}

/**
 * Counted responses of the survey per wave (every wave, whatever the document's wave): what
 * the analysis chooses its default wave and checks requested waves from.
 */
export async function countResponsesByWave(
  db: Kysely<Database>,
  filter: Omit<CodedRowFilter, 'layout' | 'wave'>,
): Promise<{ wave: string; n: number }[]> {
  let q = db
    .selectFrom('responses')
    .select((eb) => ['wave', eb.fn.countAll<number>().as('n')])
    .where('survey', '=', filter.survey)
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.review === 'not-rejected') q = q.where('review_status', '!=', 'rejected')
  if (filter.review === 'approved') q = q.where('review_status', '=', 'approved')
  const rows = await q.groupBy('wave').execute()
  return rows.map((r) => ({ wave: r.wave, n: Number(r.n) }))
}
