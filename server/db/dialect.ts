/**
 * Which database a Kysely handle (or a transaction of it) talks to. Gapkit runs on SQLite (the
 * embedded default) or PostgreSQL; the repositories are Kysely queries that run on both, and the
 * few paths with a dialect module of their own (the SQLite hot path, PostgreSQL's locks) ask here.
 */
import { type Kysely, PostgresAdapter } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

/** The dialect of `db`: PostgreSQL when its adapter is Kysely's, else SQLite. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/** Whether `db` is on PostgreSQL. */
export function onPostgres<DB>(db: Kysely<DB>): boolean {
  return dialectOf(db) === 'postgres'
}

/** Whether a database target (`--db`, `DATABASE_URL`) is a PostgreSQL URL rather than a file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target)
}

/** A PostgreSQL URL without its password, for messages and logs. */
export function redactUrl(target: string): string {
  if (!isPostgresUrl(target)) return target
  try {
    const url = new URL(target)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return 'postgres://…'
  }
}
