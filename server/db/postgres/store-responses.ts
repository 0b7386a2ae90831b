/**
 * `storeResponses` (response-writer.ts) on PostgreSQL: a batch of writes in four statements
 * rather than five round trips per write. The questionnaire versions, then every response in one
 * multi-row insert (`on conflict do nothing`: a submission key already stored, by this batch or
 * by another instance, inserts nothing), then the responses of the keys that were there already,
 * then the audit entries of the new ones. PostgreSQL waits for a concurrent insert of the same
 * key to commit or roll back before deciding, so two instances never both store one key.
 *
 * When the batch fails as a whole (one bad write: a missing region, a constraint), it is rolled
 * back to its savepoint and stored again write by write by the Kysely reference, so the bad write
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
  fallback: (trx: Kysely<Database>) => Promise<(WriteResult | Error)[]>,
): Promise<(WriteResult | Error)[]> {
  const run = async (trx: Kysely<Database>) => {
    await sql`savepoint gapkit_batch`.execute(trx)
    try {
      const results = await storeBatch(trx, writes)
      await sql`release savepoint gapkit_batch`.execute(trx)
      return results
    } catch {
      await sql`rollback to savepoint gapkit_batch`.execute(trx)
      await sql`release savepoint gapkit_batch`.execute(trx)
      return fallback(trx)
    }
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

async function storeBatch(
  trx: Kysely<Database>,
  arrived: readonly ResponseWrite[],
): Promise<WriteResult[]> {
  // In submission-key order, as the reference stores them: a batch inserting keys another
  // instance's open batch holds waits for it, and in one order for all it never waits in a
  // circle (a deadlock PostgreSQL would break by failing the batch).
  const writes = [...arrived].sort(byKey)
  // Each version once, first seen at the time of the first write that brings it.
  const versions = new Map<string, ResponseWrite>()
  for (const w of writes) {
    const key = w.version && `${w.version.survey}\u0000${w.version.version}`
    if (key && !versions.has(key)) versions.set(key, w)
  }
  if (versions.size > 0) {
    await trx
      .insertInto('survey_versions')
      .values(
        [...versions.values()].flatMap((w) =>
          w.version ? [{ ...w.version, first_seen_at: w.now }] : [],
        ),
      )
      .onConflict((oc) => oc.columns(['survey', 'version']).doNothing())
      .execute()
  }
  const inserted = await trx
    .insertInto('responses')
    .values(writes.map((w) => responseValues(w.response)))
    .onConflict((oc) => oc.columns(['survey', 'submission_key']).doNothing())
    .returningAll()
    .execute()
  const byId = new Map(inserted.map((r) => [r.id, r]))
  // The writes whose key was stored already (before, or earlier in this batch).
  const known = new Map<string, ResponseRow>()
  const missing = writes.filter((w) => !byId.has(w.response.id))
  if (missing.length > 0) {
    const rows = await trx
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
    for (const r of rows) known.set(`${r.survey}\u0000${r.submission_key}`, r)
  }
  const stored = new Map<ResponseWrite, WriteResult>()
  for (const w of writes) {
    const row = byId.get(w.response.id)
    const first = known.get(`${w.response.survey}\u0000${w.response.submission_key}`)
    if (row) stored.set(w, { row, created: true })
    else if (first) stored.set(w, { row: first, created: false })
    else throw new Error(`response with submission key ${w.response.submission_key} vanished`)
  }
  const audits = writes.flatMap((w) =>
    stored.get(w)?.created ? [auditValues(w.audit, w.now)] : [],
  )
  if (audits.length > 0) await trx.insertInto('audit_log').values(audits).execute()
  return arrived.map((w) => {
    const result = stored.get(w)
    if (!result) throw new Error('a write of the batch has no result')
    return result
  })
}
