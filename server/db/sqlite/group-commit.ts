/**
 * The write path of new responses: the response, the questionnaire version it answers (first
 * time only) and its audit entry, stored with prepared statements in one SQLite transaction.
 *
 * Under load, writes arriving in the same turn of the event loop share one transaction (group
 * commit): a commit writes the WAL frames of every page it touched, so ten responses in one
 * transaction cost less than half of ten transactions (measured: 200 µs a response alone, 88 µs
 * in tens). Each write keeps a savepoint of its own, so one failing write is rolled back alone
 * and reported to its own caller; a response is acknowledged only once its transaction commits.
 */
import type { Kysely } from 'kysely'
import { type AuditEntry, writeAuditRaw } from '../repositories/audit.ts'
import { insertResponseRaw } from '../repositories/responses.ts'
import { ensureSurveyVersionRaw } from '../repositories/survey-versions.ts'
import type { Database, NewResponse, ResponseRow } from '../schema.ts'
import { type RawSqlite, withRawSqlite } from './dialect.ts'

/** One new response to store. */
export interface ResponseWrite {
  response: NewResponse
  /** Stored with the response when it is new (not for a repeated submission key). */
  audit: AuditEntry
  /** The questionnaire version, recorded the first time it is seen. */
  version?: { survey: string; version: string; definition: string }
  now: string
}

/** The stored row; `created` is false when the submission key was used already. */
export interface WriteResult {
  row: ResponseRow
  created: boolean
}

function storeOne(raw: RawSqlite, w: ResponseWrite): WriteResult {
  if (w.version) ensureSurveyVersionRaw(raw, w.version, w.now)
  const result = insertResponseRaw(raw, w.response)
  if (result.created) writeAuditRaw(raw, w.audit, w.now)
  return result
}

/**
 * Stores the writes in one transaction (or inside `db` when it is a transaction), each in a
 * savepoint: the result of each write, or the error that rolled back that write alone.
 */
export function storeResponses(
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

interface Queued {
  write: ResponseWrite
  resolve: (result: WriteResult) => void
  reject: (error: Error) => void
}

/**
 * Group commit for concurrent requests: `write` queues a response, and the writes queued in one
 * turn of the event loop (at most `maxBatch`) are stored together by `storeResponses`.
 */
export class ResponseWriter {
  readonly #db: Kysely<Database>
  readonly #maxBatch: number
  #queue: Queued[] = []
  #scheduled = false

  constructor(db: Kysely<Database>, maxBatch = 200) {
    this.#db = db
    this.#maxBatch = maxBatch
  }

  /** Stores one response; resolves once its transaction has committed. */
  write(write: ResponseWrite): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ write, resolve, reject })
      this.#schedule()
    })
  }

  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      void this.#flush()
    })
  }

  async #flush(): Promise<void> {
    const batch = this.#queue.splice(0, this.#maxBatch)
    if (this.#queue.length > 0) this.#schedule()
    if (batch.length === 0) return
    try {
      const results = await storeResponses(
        this.#db,
        batch.map((q) => q.write),
      )
      for (const [i, q] of batch.entries()) {
        const result = results[i]
        if (result === undefined) q.reject(new Error('no result for a queued response'))
        else if (result instanceof Error) q.reject(result)
        else q.resolve(result)
      }
    } catch (error) {
      // The transaction itself failed (e.g. the commit): nothing of this batch is stored.
      for (const q of batch) q.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
}
