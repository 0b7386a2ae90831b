/**
 * `storeResponses` (response-writer.ts) on PostgreSQL: a whole batch in one statement, one round
 * trip. Data-modifying `with` clauses over arrays (`unnest`, so the statement's text is the same
 * for every batch size) record the questionnaire versions, insert every response (`on conflict
 * do nothing`: a submission key already stored, by this batch or by another instance, inserts
 * nothing) and the audit entries of those inserted, and return the inserted rows; a single
 * statement is atomic, so it needs no transaction of its own. Only when a key was stored already
 * does a second query read the first response of that key. PostgreSQL waits for a concurrent
 * insert of the same key to commit or roll back before deciding, so two instances never both
 * store one key; the rows go in submission-key order, so two batches never wait in a circle.
 *
 * When the batch fails as a whole (one bad write: a missing region, a constraint), nothing of it
 * is stored, and it is stored again write by write by the Kysely reference, so the bad write
 * fails alone and the others are stored.
 */
import { type Kysely, sql } from 'kysely'
import { auditValues } from '../repositories/audit.ts'
import { responseValues } from '../repositories/responses.ts'
import { byKey, type ResponseWrite, type WriteResult } from '../response-writer.ts'
import type { Database, ResponseRow } from '../schema.ts'

/** The batch path; `fallback` stores the writes one by one when it fails. */
export async function storeResponsesPostgres(
  db: Kysely<Database>,
  writes: readonly ResponseWrite[],
  fallback: (db: Kysely<Database>) => Promise<(WriteResult | Error)[]>,
): Promise<(WriteResult | Error)[]> {
  if (!db.isTransaction) {
    try {
      return await storeBatch(db, writes)
    } catch {
      return fallback(db)
    }
  }
  // Inside a caller's transaction a failed statement would abort it: a savepoint keeps it.
  await sql`savepoint gapkit_batch`.execute(db)
  try {
    const results = await storeBatch(db, writes)
    await sql`release savepoint gapkit_batch`.execute(db)
    return results
  } catch {
    await sql`rollback to savepoint gapkit_batch`.execute(db)
    await sql`release savepoint gapkit_batch`.execute(db)
    return fallback(db)
  }
}

/** `values` as a text array parameter (`$n::text[]`). */
const texts = (values: (string | null | undefined)[]) =>
  sql`${values.map((v) => v ?? null)}::text[]`

async function storeBatch(
  db: Kysely<Database>,
  arrived: readonly ResponseWrite[],
): Promise<WriteResult[]> {
  const writes = [...arrived].sort(byKey)
  // Each version once, first seen at the time of the first write that brings it.
  const versions = new Map<string, ResponseWrite>()
  for (const w of writes) {
    const key = w.version && `${w.version.survey}\u0000${w.version.version}`
    if (key && !versions.has(key)) versions.set(key, w)
  }
  const v = [...versions.values()].flatMap((w) => (w.version ? [{ ...w.version, at: w.now }] : []))
  const r = writes.map((w) => responseValues(w.response))
  const a = writes.map((w) => auditValues(w.audit, w.now))
  const col = <K extends keyof (typeof r)[number]>(k: K) => r.map((x) => x[k] as string | null)
  const { rows: inserted } = await sql<ResponseRow>`
    with v as (
      insert into survey_versions (survey, version, definition, first_seen_at)
      select * from unnest(${texts(v.map((x) => x.survey))}, ${texts(v.map((x) => x.version))},
        ${texts(v.map((x) => x.definition))}, ${texts(v.map((x) => x.at))})
      on conflict (survey, version) do nothing
    ), input as (
      select * from unnest(
        ${texts(col('id'))}, ${texts(col('survey'))}, ${texts(col('version'))},
        ${texts(col('region_id'))}, ${texts(col('wave'))}, ${texts(col('language'))},
        ${texts(col('status'))}, ${texts(col('answers'))}, ${texts(col('group_name'))},
        ${sql`${r.map((x) => x.token_id ?? null)}::integer[]`}, ${texts(col('created_at'))},
        ${texts(col('updated_at'))}, ${texts(col('submitted_at'))},
        ${texts(col('submission_key'))}, ${texts(col('review_status'))},
        ${texts(col('review_note'))}, ${texts(col('reviewed_at'))}, ${texts(col('reviewed_by'))},
        ${texts(a.map((x) => x.at))}, ${texts(a.map((x) => x.actor))},
        ${texts(a.map((x) => x.action))}, ${texts(a.map((x) => x.entity))},
        ${texts(a.map((x) => x.entity_id))}, ${texts(a.map((x) => x.details))}
      ) with ordinality as i (id, survey, version, region_id, wave, language, status, answers,
        group_name, token_id, created_at, updated_at, submitted_at, submission_key,
        review_status, review_note, reviewed_at, reviewed_by,
        a_at, a_actor, a_action, a_entity, a_entity_id, a_details, n)
    ), r as (
      insert into responses (id, survey, version, region_id, wave, language, status, answers,
        group_name, token_id, created_at, updated_at, submitted_at, submission_key,
        review_status, review_note, reviewed_at, reviewed_by)
      select id, survey, version, region_id, wave, language, status, answers, group_name,
        token_id, created_at, updated_at, submitted_at, submission_key, review_status,
        review_note, reviewed_at, reviewed_by
      from input order by n
      on conflict (survey, submission_key) do nothing
      returning *
    ), a as (
      insert into audit_log (at, actor, action, entity, entity_id, details)
      select i.a_at, i.a_actor, i.a_action, i.a_entity, i.a_entity_id, i.a_details
      from input i join r on r.id = i.id order by i.n
    )
    select * from r`.execute(db)
  const byId = new Map(inserted.map((row) => [row.id, row]))
  // The writes whose key was stored already (before, or earlier in this batch).
  const known = new Map<string, ResponseRow>()
  const missing = writes.filter((w) => !byId.has(w.response.id))
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('responses')
      .selectAll()
      .where((eb) =>
        eb.or(
          missing.map((w) => {
            const key = w.response.submission_key
            if (key == null) throw new Error('insert returned no row without a submission key')
            return eb.and([eb('survey', '=', w.response.survey), eb('submission_key', '=', key)])
          }),
        ),
      )
      .execute()
    for (const row of rows) known.set(`${row.survey}\u0000${row.submission_key}`, row)
  }
  return arrived.map((w) => {
    const row = byId.get(w.response.id)
    if (row) return { row, created: true }
    const first = known.get(`${w.response.survey}\u0000${w.response.submission_key}`)
    if (!first)
      throw new Error(`response with submission key ${w.response.submission_key} vanished`)
    return { row: first, created: false }
  })
}
