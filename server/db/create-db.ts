import fs from 'node:fs'
import path from 'node:path'
import type SQLite from 'better-sqlite3'
import { Kysely, Migrator } from 'kysely'
import type { Synchronous } from '../config.ts'
import { migrations } from './migrations/index.ts'
import { privateDatabase } from './private-files.ts'
import type { Database } from './schema.ts'
import { CachingSqliteDialect } from './sqlite/dialect.ts'
import SQLiteDriver from './sqlite/driver.ts'

/** A ready database handle and the raw connection for SQLite-only operations (backup). */
export interface Db {
  kysely: Kysely<Database>
  sqlite: SQLite.Database
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
}

/**
 * Opens (creating if needed) the SQLite database at `file`, readable by its owner only (0600,
 * and so its WAL and SHM files), with WAL, `synchronous` (FULL unless asked), foreign keys, a
 * busy timeout and `secure_delete`, and applies pending migrations.
 */
export async function createDb(file: string, options: DbOptions = {}): Promise<Db> {
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
  try {
    await migrate(kysely)
  } catch (error) {
    await kysely.destroy()
    throw error
  }
  return {
    kysely,
    sqlite,
    async close() {
      await kysely.destroy()
    },
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(db: Kysely<Database>): Promise<void> {
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
}
