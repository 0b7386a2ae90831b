import path from 'node:path'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../../server/db/create-db.ts'
import { migrations } from '../../../server/db/migrations/index.ts'
import SQLite from '../../../server/db/sqlite/driver.ts'
import { tempDir } from '../../helpers/test-app.ts'

describe('migrations', () => {
  it('apply one that lands after a later key was already applied (work merged out of order)', async () => {
    const file = path.join(tempDir(), 'unordered.db')
    // A database migrated before the collection targets arrived, but after a later key.
    const earlier = Object.fromEntries(
      Object.entries(migrations).filter(([key]) => key !== '2026-12-07-007-collection-targets'),
    )
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(file) }) })
    const result = await new Migrator({
      db: old,
      provider: { getMigrations: async () => earlier },
    }).migrateToLatest()
    expect(result.error).toBeUndefined()
    await old.destroy()

    const db = await createDb(file)
    try {
      const tables = await db.kysely.introspection.getTables()
      expect(tables.map((t) => t.name)).toContain('collection_targets')
    } finally {
      await db.close()
    }
  })
})
