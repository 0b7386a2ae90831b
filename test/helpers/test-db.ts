/**
 * The database the suite runs on: SQLite files (the default) or PostgreSQL when
 * `GAPKIT_TEST_DATABASE=postgres`, each test on a schema of its own in the database of
 * `GAPKIT_TEST_POSTGRES_URL` (default postgres://gapkit:gapkit@localhost:5432/gapkit_test), as
 * Kysely's own tests run one suite on several dialects.
 */
import crypto from 'node:crypto'
import path from 'node:path'
import pg from 'pg'

export type TestDatabase = 'sqlite' | 'postgres'

/** The database of this run. */
export const TEST_DATABASE: TestDatabase =
  process.env.GAPKIT_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

/** Whether this run is on PostgreSQL. */
export const ON_POSTGRES = TEST_DATABASE === 'postgres'

/** The PostgreSQL database the tests make their schemas in. */
export const TEST_POSTGRES_URL =
  process.env.GAPKIT_TEST_POSTGRES_URL || 'postgres://gapkit:gapkit@localhost:5432/gapkit_test'

/**
 * Prefix of the test schemas, named `gapkit_t_<pid>_<random>` after the process that made them:
 * a run drops those of processes no longer alive (a crashed run's), never those of another run in
 * progress on the same database.
 */
export const TEST_SCHEMA_PREFIX = 'gapkit_t_'

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A new empty schema and a URL whose connections work in it (`search_path`). */
export async function createTestSchema(): Promise<string> {
  const schema = `${TEST_SCHEMA_PREFIX}${process.pid}_${crypto.randomBytes(6).toString('hex')}`
  await admin((c) => c.query(`create schema ${schema}`))
  const url = new URL(TEST_POSTGRES_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

/** The schema a test URL works in, or null for a SQLite target. */
function schemaOf(target: string): string | null {
  if (!/^postgres(ql)?:/.test(target)) return null
  const options = new URL(target).searchParams.get('options') ?? ''
  const match = /search_path=(\w+)/.exec(options)
  return match?.[1]?.startsWith(TEST_SCHEMA_PREFIX) ? match[1] : null
}

/**
 * A fresh database for one test: `file` in `dir` on SQLite, a new schema on PostgreSQL. What
 * `createDb`, `--db` and `DATABASE_URL` take.
 */
export async function testDatabaseTarget(dir: string, file = 'test.db'): Promise<string> {
  return ON_POSTGRES ? createTestSchema() : path.join(dir, file)
}

/** Drops a test schema (nothing for a SQLite file: its folder is removed with the test). */
export async function dropTestDatabase(target: string): Promise<void> {
  const schema = schemaOf(target)
  if (schema) await admin((c) => c.query(`drop schema if exists ${schema} cascade`))
}

/** Whether the process `pid` of this machine is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Drops the test schemas a crashed run left behind (a global setup, before the run): those whose
 * process is gone. Runs in progress at the same time (other terminals on the same database) keep
 * theirs; a schema named without a process is left alone.
 */
export async function dropStaleTestSchemas(): Promise<number> {
  return admin(async (c) => {
    const { rows } = await c.query<{ name: string }>(
      'select nspname as name from pg_namespace where nspname like $1',
      [`${TEST_SCHEMA_PREFIX}%`],
    )
    let dropped = 0
    for (const { name } of rows) {
      const pid = /^gapkit_t_(\d+)_[0-9a-f]+$/.exec(name)?.[1]
      if (!pid || alive(Number(pid))) continue
      await c.query(`drop schema if exists ${name} cascade`)
      dropped++
    }
    return dropped
  })
}

/** The test database's URL without its password, for skip reasons and messages. */
export const SHOWN_POSTGRES_URL = TEST_POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')

/**
 * Whether PostgreSQL is there for the tests that need it whatever the run's database (several
 * instances, `gapkit copy`): always on a PostgreSQL run (where its absence must fail), else when
 * the test database answers within 3 s. A SQLite run on a machine without PostgreSQL skips them.
 */
export async function postgresAvailable(): Promise<boolean> {
  if (ON_POSTGRES) return true
  const client = new pg.Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}
