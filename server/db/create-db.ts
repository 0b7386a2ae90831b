import fs from 'node:fs'
import path from 'node:path'
import type SQLite from 'better-sqlite3'
import { Kysely, Migrator, sql } from 'kysely'
import type { Synchronous } from '../config.ts'
import { type DialectName, isPostgresUrl, redactUrl } from './dialect.ts'
import { migrations } from './migrations/index.ts'
import { openPostgres } from './postgres/open.ts'
import { privateDatabase } from './private-files.ts'
import type { Database } from './schema.ts'
import { CachingSqliteDialect } from './sqlite/dialect.ts'
import SQLiteDriver from './sqlite/driver.ts'

/** A ready database handle; on SQLite, also the raw connection (backup, file operations). */
export interface Db {
  kysely: Kysely<Database>
  dialect: DialectName
  /** The file, `:memory:` or the PostgreSQL URL it was opened from. */
  target: string
  /** The SQLite connection; absent on PostgreSQL. */
  sqlite?: SQLite.Database
  /** The migrations this opening applied (names, in the order run); empty when up to date. */
  migrated: string[]
  close(): Promise<void>
}

/** How a database is opened. */
export interface DbOptions {
  /**
   * `full` (default): a commit returns once the WAL is on disk, so an acknowledged submission
   * survives a power cut or an OS crash. `normal`: the WAL is synced at checkpoints only, faster,
   * and a crash of the machine (not of the process) can lose the last commits.
   */
  synchronous?: Synchronous
  /** PostgreSQL: pooled connections (default 10). */
  poolSize?: number
}

/**
 * Opens the database `target` names, a PostgreSQL URL (`postgres://…`) or a SQLite file, and
 * applies pending migrations.
 */
export async function createDb(target: string, options: DbOptions = {}): Promise<Db> {
  return isPostgresUrl(target) ? createPostgresDb(target, options) : createSqliteDb(target, options)
}

/**
 * Opens the PostgreSQL database at `url` (a pool of connections) and applies pending
 * migrations; several processes may do so at once (Kysely's migrator takes a lock).
 */
async function createPostgresDb(url: string, options: DbOptions): Promise<Db> {
  const { kysely } = openPostgres(url, { max: options.poolSize })
  try {
    await sql`select 1`.execute(kysely)
  } catch (error) {
    await kysely.destroy()
    throw new Error(`cannot reach PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`)
  }
  const migrated = await migrateOrClose(kysely)
  return { kysely, dialect: 'postgres', target: url, migrated, close: () => kysely.destroy() }
}

/**
 * Opens (creating if needed) the SQLite database at `file`, readable by its owner only (0600,
 * and so its WAL and SHM files), with WAL, `synchronous` (FULL unless asked), foreign keys, a
 * busy timeout and `secure_delete`, and applies pending migrations.
 */
async function createSqliteDb(file: string, options: DbOptions): Promise<Db> {
  if (file !== ':memory:') {
    // New folders private too (0700); an existing folder is left as it is.
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 })
    privateDatabase(file)
  }
  const sqlite = new SQLiteDriver(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Deleted and overwritten content is zeroed rather than left in free space, so an erased
  // response (DELETE /api/responses/:id) leaves no answer behind in the file.
  sqlite.pragma('secure_delete = ON')
  const kysely = new Kysely<Database>({ dialect: new CachingSqliteDialect(sqlite) })
  const migrated = await migrateOrClose(kysely)
  return {
    kysely,
    dialect: 'sqlite',
    target: file,
    migrated,
    sqlite,
    async close() {
      await kysely.destroy()
    },
  }
}

/** `migrate`, closing the database when it fails (no pool or file handle left open). */
async function migrateOrClose(kysely: Kysely<Database>): Promise<string[]> {
  try {
    return await migrate(kysely)
  } catch (error) {
    await kysely.destroy()
    throw error
  }
}

/**
 * Applies every pending migration and returns their names; throws with the failing migration's
 * name.
 */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  // On PostgreSQL the migrator's own tables are those of the schema the database works in:
  // its introspector (postgres/introspector.ts) looks at `current_schema()` only.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Work on separate features lands migrations out of key order (008 before 006 and 007): a
    // database already past a later key still gets an earlier one that is new to it. Each
    // migration stands alone (its own tables or columns), so the order between them is free.
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`database migration ${failed} failed: ${String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Every migration Gapkit knows, by name in key order. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort()
}

/** The SQLite connection of `db`; an error naming `what` on PostgreSQL. */
export function sqliteConnection(db: Db, what = 'this operation'): SQLite.Database {
  if (!db.sqlite) throw new Error(`${what} needs a SQLite database (this one is ${db.dialect})`)
  return db.sqlite
}

/** What a log line names the database by: `SQLite data/gapkit.db`, or the URL without password. */
export function databaseLabel(db: Db): string {
  return db.dialect === 'postgres' ? `PostgreSQL ${redactUrl(db.target)}` : `SQLite ${db.target}`
}
