/**
 * `storeResponses` (response-writer.ts) on SQLite: the same writes as the Kysely reference, run
 * as prepared statements in one synchronous better-sqlite3 transaction, each write in a nested
 * one (a savepoint). Kysely's per-query cost was most of a submission's time under load.
 */
import type { Kysely } from 'kysely'
import { writeAuditRaw } from '../repositories/audit.ts'
import { insertResponseRaw } from '../repositories/responses.ts'
import { ensureSurveyVersionRaw } from '../repositories/survey-versions.ts'
import type { ResponseWrite, WriteResult } from '../response-writer.ts'
import type { Database } from '../schema.ts'
import { type RawSqlite, withRawSqlite } from './dialect.ts'

function storeOne(raw: RawSqlite, w: ResponseWrite): WriteResult {
  if (w.version) ensureSurveyVersionRaw(raw, w.version, w.now)
  const result = insertResponseRaw(raw, w.response)
  if (result.created) writeAuditRaw(raw, w.audit, w.now)
  return result
}

/** Stores the writes in one transaction (inside `db` when it is one), each in a savepoint. */
export function storeResponsesSqlite(
  db: Kysely<Database>,
  writes: readonly ResponseWrite[],
): Promise<(WriteResult | Error)[]> {
  return withRawSqlite(db, (raw) => {
    const one = raw.transaction((w: ResponseWrite) => storeOne(raw, w))
    const all = raw.transaction(() =>
      writes.map((w) => {
        try {
          return one(w)
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error))
        }
      }),
    )
    return all()
  })
}
