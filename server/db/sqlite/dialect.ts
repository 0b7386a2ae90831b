/**
 * Kysely's SQLite dialect for better-sqlite3, with two changes that matter under load:
 *
 * - Prepared statements are kept per SQL text. Kysely's own driver prepares every statement
 *   again for each query; with a handful of distinct statements per request that preparation
 *   was the largest single cost of a submission (profiled: 1 s of 17 s under 50 connections).
 * - Callers waiting for the one connection are served first come, first served. Kysely's own
 *   mutex wakes every waiter on each release and lets them race again, so 50 concurrent
 *   requests cost O(n²) wake-ups per round and an unlucky request could wait for many rounds.
 *
 * Everything else (transactions, savepoints, the query compiler) is Kysely's SQLite support.
 */
import type SQLite from 'better-sqlite3'
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
  SqliteDriver,
} from 'kysely'

/** How many distinct statements stay prepared; the oldest is dropped beyond this. */
const STATEMENT_CACHE_SIZE = 256

/** A lock that hands the connection to waiters in the order they asked. */
class FifoLock {
  #held = false
  readonly #waiting: (() => void)[] = []

  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  unlock(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#held = false
  }
}

/** The connection's own database, for the hot paths that run prepared statements directly. */
export interface RawSqlite {
  /** A prepared statement for `sql`, from the connection's cache. */
  prepare(sql: string): SQLite.Statement
  /** better-sqlite3's transaction wrapper: nested calls become savepoints. */
  transaction: SQLite.Database['transaction']
}

class CachingConnection implements DatabaseConnection {
  readonly #db: SQLite.Database
  readonly #statements = new Map<string, SQLite.Statement>()
  readonly raw: RawSqlite

  constructor(db: SQLite.Database) {
    this.#db = db
    this.raw = { prepare: (sql) => this.#prepare(sql), transaction: db.transaction.bind(db) }
  }

  #prepare(sql: string): SQLite.Statement {
    const cached = this.#statements.get(sql)
    if (cached) return cached
    const stmt = this.#db.prepare(sql)
    if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value
      if (oldest !== undefined) this.#statements.delete(oldest)
    }
    this.#statements.set(sql, stmt)
    return stmt
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepare(compiled.sql)
    if (stmt.reader) return Promise.resolve({ rows: stmt.all(compiled.parameters) as R[] })
    const { changes, lastInsertRowid } = stmt.run(compiled.parameters)
    return Promise.resolve({
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    })
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) {
      throw new Error('SQLite streams only select queries')
    }
    // A statement of its own: an open iterator keeps its statement busy until it ends.
    const stmt = this.#db.prepare(compiled.sql)
    for (const row of stmt.iterate(compiled.parameters)) yield { rows: [row as R] }
  }
}

class CachingSqliteDriver extends SqliteDriver implements Driver {
  readonly #db: SQLite.Database
  readonly #lock = new FifoLock()
  #connection: CachingConnection | undefined

  constructor(db: SQLite.Database) {
    super({ database: db })
    this.#db = db
  }

  override async init(): Promise<void> {
    this.#connection = new CachingConnection(this.#db)
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.lock()
    if (!this.#connection) throw new Error('the SQLite driver is not initialised')
    return this.#connection
  }

  override async releaseConnection(): Promise<void> {
    this.#lock.unlock()
  }

  override async destroy(): Promise<void> {
    this.#db.close()
  }
}

/** The dialect for one better-sqlite3 database. */
export class CachingSqliteDialect extends SqliteDialect {
  readonly #db: SQLite.Database

  constructor(db: SQLite.Database) {
    super({ database: db })
    this.#db = db
  }

  override createDriver(): Driver {
    return new CachingSqliteDriver(this.#db)
  }
}

/**
 * Runs `fn` synchronously on the raw connection while holding it the way Kysely does: no other
 * query, transaction or stream runs on it meanwhile. When `db` is a Kysely transaction, `fn`
 * runs inside that transaction. For the few paths where Kysely's per-query cost matters.
 */
export function withRawSqlite<DB, T>(db: Kysely<DB>, fn: (raw: RawSqlite) => T): Promise<T> {
  return db.getExecutor().provideConnection(async (connection) => {
    if (!(connection instanceof CachingConnection)) {
      throw new Error('this database was not opened by createDb (Gapkit SQLite)')
    }
    return fn(connection.raw)
  })
}
