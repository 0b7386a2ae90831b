import { type Kysely, sql } from 'kysely'
import { onPostgres } from '../dialect.ts'
import type { Database, NewResponse, ResponseRow, ReviewStatus } from '../schema.ts'
import { type RawSqlite, withRawSqlite } from '../sqlite/dialect.ts'

const INSERT_RESPONSE = `insert into responses (id, survey, version, region_id, wave, language,
  status, answers, group_name, token_id, created_at, updated_at, submitted_at, submission_key,
  review_status, review_note, reviewed_at, reviewed_by)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (survey, submission_key) do nothing returning *`
const FIND_BY_KEY = 'select * from responses where survey = ? and submission_key = ?'

/**
 * Inserts a response on the raw connection (prepared statements; see `withRawSqlite`). With a
 * `submission_key` already used for this survey, nothing is inserted and the first response is
 * returned with `created: false` — the unique index decides, so concurrent duplicates cannot
 * both land.
 */
export function insertResponseRaw(
  raw: RawSqlite,
  r: NewResponse,
): { row: ResponseRow; created: boolean } {
  const inserted = raw
    .prepare(INSERT_RESPONSE)
    .get(
      r.id,
      r.survey,
      r.version,
      r.region_id,
      r.wave,
      r.language,
      r.status,
      r.answers,
      r.group_name ?? null,
      r.token_id ?? null,
      r.created_at,
      r.updated_at,
      r.submitted_at ?? null,
      r.submission_key ?? null,
      r.review_status ?? 'pending',
      r.review_note ?? null,
      r.reviewed_at ?? null,
      r.reviewed_by ?? null,
    ) as ResponseRow | undefined
  if (inserted) return { row: inserted, created: true }
  const key = r.submission_key
  if (key == null) throw new Error('insert returned no row without a submission key')
  const existing = raw.prepare(FIND_BY_KEY).get(r.survey, key) as ResponseRow | undefined
  if (!existing) throw new Error(`response with submission key ${key} vanished`)
  return { row: existing, created: false }
}

/**
 * Inserts a response (inside `db` when it is a transaction): `insertResponseKysely`, as prepared
 * statements on SQLite.
 */
export async function insertResponse(
  db: Kysely<Database>,
  response: NewResponse,
): Promise<{ row: ResponseRow; created: boolean }> {
  if (onPostgres(db)) return insertResponseKysely(db, response)
  return withRawSqlite(db, (raw) => insertResponseRaw(raw, response))
}

/** Every column of a new response, the optional ones null (as the raw insert binds them). */
export function responseValues(r: NewResponse): NewResponse {
  return {
    ...r,
    group_name: r.group_name ?? null,
    token_id: r.token_id ?? null,
    submitted_at: r.submitted_at ?? null,
    submission_key: r.submission_key ?? null,
    review_status: r.review_status ?? 'pending',
    review_note: r.review_note ?? null,
    reviewed_at: r.reviewed_at ?? null,
    reviewed_by: r.reviewed_by ?? null,
  }
}

/**
 * The reference of `insertResponseRaw`: with a `submission_key` already used for this survey,
 * nothing is inserted and the first response is returned with `created: false`. On PostgreSQL
 * a concurrent insert of the same key (another instance) waits for the first to commit, then
 * inserts nothing; the lookup that follows sees the committed row.
 */
export async function insertResponseKysely(
  db: Kysely<Database>,
  r: NewResponse,
): Promise<{ row: ResponseRow; created: boolean }> {
  const inserted = await db
    .insertInto('responses')
    .values(responseValues(r))
    .onConflict((oc) => oc.columns(['survey', 'submission_key']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (inserted) return { row: inserted, created: true }
  const key = r.submission_key
  if (key == null) throw new Error('insert returned no row without a submission key')
  const existing = await findResponseByKey(db, r.survey, key)
  if (!existing) throw new Error(`response with submission key ${key} vanished`)
  return { row: existing, created: false }
}

export async function findResponseByKey(
  db: Kysely<Database>,
  survey: string,
  submissionKey: string,
): Promise<ResponseRow | undefined> {
  return db
    .selectFrom('responses')
    .selectAll()
    .where('survey', '=', survey)
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst()
}

export async function findResponse(
  db: Kysely<Database>,
  id: string,
): Promise<ResponseRow | undefined> {
  return db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Updates a draft; only drafts change (a submitted response is final). */
export async function updateDraft(
  db: Kysely<Database>,
  id: string,
  change: Pick<ResponseRow, 'answers' | 'language' | 'status' | 'updated_at' | 'submitted_at'> & {
    version: string
  },
): Promise<ResponseRow | undefined> {
  return db
    .updateTable('responses')
    .set(change)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst()
}

export interface ResponseFilter {
  survey: string
  region?: string
  wave?: string
  status?: ResponseRow['status']
  /** `not-rejected` leaves out rejected responses; `approved` keeps approved ones only. */
  review?: 'not-rejected' | 'approved'
}

/** Responses of one survey, oldest first, optionally narrowed. */
export async function listResponses(
  db: Kysely<Database>,
  filter: ResponseFilter,
): Promise<ResponseRow[]> {
  let q = db.selectFrom('responses').selectAll().where('survey', '=', filter.survey)
  if (filter.region) q = q.where('region_id', '=', filter.region)
  if (filter.wave) q = q.where('wave', '=', filter.wave)
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.review === 'not-rejected') q = q.where('review_status', '!=', 'rejected')
  if (filter.review === 'approved') q = q.where('review_status', '=', 'approved')
  return q.orderBy('created_at').orderBy('id').execute()
}

export async function countResponses(
  db: Kysely<Database>,
  filter: Partial<ResponseFilter> = {},
): Promise<number> {
  let q = db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n'))
  if (filter.survey) q = q.where('survey', '=', filter.survey)
  if (filter.region) q = q.where('region_id', '=', filter.region)
  if (filter.wave) q = q.where('wave', '=', filter.wave)
  if (filter.status) q = q.where('status', '=', filter.status)
  const row = await q.executeTakeFirstOrThrow()
  return Number(row.n)
}

/** SQLite's limit on bound parameters is far above this; it keeps each statement small. */
const ID_CHUNK = 500

/** Which of `ids` are drafts of `survey`, sorted. */
export async function listDraftIds(
  db: Kysely<Database>,
  survey: string,
  ids: readonly string[],
): Promise<string[]> {
  const out: string[] = []
  for (let from = 0; from < ids.length; from += ID_CHUNK) {
    const rows = await db
      .selectFrom('responses')
      .select('id')
      .where('survey', '=', survey)
      .where('status', '=', 'draft')
      .where('id', 'in', ids.slice(from, from + ID_CHUNK))
      .execute()
    out.push(...rows.map((r) => r.id))
  }
  return out.sort()
}

/**
 * Sets the review of submitted responses of one survey (a draft is never reviewed: its answers
 * may still change); the note is that of this decision, `null` clearing an earlier one. Returns
 * the ids that changed.
 */
export async function setReviewStatus(
  db: Kysely<Database>,
  survey: string,
  ids: string[],
  review: { status: ReviewStatus; note: string | null; by: string; at: string },
): Promise<string[]> {
  const changed: string[] = []
  for (let from = 0; from < ids.length; from += ID_CHUNK) {
    const rows = await db
      .updateTable('responses')
      .set({
        review_status: review.status,
        review_note: review.note,
        reviewed_at: review.at,
        reviewed_by: review.by,
      })
      .where('survey', '=', survey)
      .where('status', '=', 'submitted')
      .where('id', 'in', ids.slice(from, from + ID_CHUNK))
      .returning('id')
      .execute()
    changed.push(...rows.map((r) => r.id))
  }
  return changed.sort()
}

/**
 * The response of one partner link (token) to a questionnaire in one wave: its submitted one
 * (the latest, for data stored before one response per link was enforced), else its latest draft.
 */
export async function findLinkResponse(
  db: Kysely<Database>,
  link: { survey: string; tokenId: number; wave: string },
): Promise<ResponseRow | undefined> {
  return db
    .selectFrom('responses')
    .selectAll()
    .where('survey', '=', link.survey)
    .where('token_id', '=', link.tokenId)
    .where('wave', '=', link.wave)
    .orderBy(sql`status = 'submitted'`, 'desc')
    .orderBy(sql`coalesce(submitted_at, updated_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** New answers for a stored response, and whether its review goes back to pending. */
export interface AnswerChange {
  answers: string
  version: string
  language: string
  status: ResponseRow['status']
  updated_at: string
  submitted_at: string | null
  /** Omitted: the key stays. */
  submission_key?: string | null
  /** Back to pending, without note or reviewer: nobody has reviewed these answers. */
  resetReview: boolean
}

/** Replaces a response's answers (any status); the changed row, or undefined without it. */
export async function changeAnswers(
  db: Kysely<Database>,
  id: string,
  change: AnswerChange,
): Promise<ResponseRow | undefined> {
  const { resetReview, ...columns } = change
  const review = resetReview
    ? {
        review_status: 'pending' as const,
        review_note: null,
        reviewed_at: null,
        reviewed_by: null,
      }
    : {}
  return db
    .updateTable('responses')
    .set({ ...columns, ...review })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/**
 * Deletes a response; its code texts and queue entry go with it (triggers of the 004
 * migration) and its history (foreign key, cascade). The deleted row, or undefined.
 */
export async function deleteResponse(
  db: Kysely<Database>,
  id: string,
): Promise<ResponseRow | undefined> {
  return db.deleteFrom('responses').where('id', '=', id).returningAll().executeTakeFirst()
}

/**
 * Moves the write-ahead log into the database file and empties it, so that the pages holding
 * erased rows are gone from the log (with `secure_delete`, they are zeroed in the file itself).
 * False when a reader still needs the log: it is emptied by a later checkpoint.
 *
 * On PostgreSQL: VACUUM of the tables that hold answers, so the erased rows' space is marked
 * free for reuse (PostgreSQL does not zero it; `VACUUM FULL` would rewrite the tables but lock
 * them against every submission meanwhile).
 */
export async function checkpointWal(db: Kysely<Database>): Promise<boolean> {
  if (onPostgres(db)) {
    if (db.isTransaction) return false
    await sql`vacuum responses, response_history, analysis_rows, audit_log`.execute(db)
    return true
  }
  const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db)
  return rows[0]?.busy === 0
}
