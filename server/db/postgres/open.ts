/**
 * A PostgreSQL database through a `pg` connection pool and Kysely's PostgresDialect.
 *
 * Numbers come back as numbers: `count(*)` and `sum()` are `bigint` in PostgreSQL, which `pg`
 * returns as strings; Gapkit's counts stay far below 2^53, so they are parsed (for this pool
 * only, not for every `pg` user in the process).
 */
import { Kysely } from 'kysely'
import pg from 'pg'
import type { Database } from '../schema.ts'
import { CurrentSchemaPostgresDialect } from './introspector.ts'

/** pg's type ids: int8 (bigint) and numeric. */
const INT8 = 20
const NUMERIC = 1700

function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) return Number
  return (pg.types.getTypeParser as (oid: number, format?: string) => (v: string) => unknown)(
    oid,
    format,
  )
}

export interface PostgresOptions {
  /** Pooled connections (default 10). */
  max?: number
}

/** A pool and its Kysely handle for `url`. Connects lazily, at the first query. */
export function openPostgres(
  url: string,
  options: PostgresOptions = {},
): {
  kysely: Kysely<Database>
  pool: pg.Pool
} {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: 'gapkit',
    types: { getTypeParser: typeParser } as pg.CustomTypesConfig,
  })
  // A pooled idle connection that the server drops (restart, failover) must not end the
  // process: the pool discards it and the next query opens a new one.
  pool.on('error', () => {})
  // Introspection (Kysely's migrator asks it which tables exist) reads the current schema only.
  const kysely = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) })
  return { kysely, pool }
}
