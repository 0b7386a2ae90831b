/**
 * On PostgreSQL, opening a database (and so Kysely's migrator, which introspects the tables)
 * must not fail while another schema of the same database is being dropped: Kysely's own
 * introspector scanned every schema and failed with "schema … does not exist", so `gapkit`
 * commands failed at random while other tests dropped their schemas.
 */
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../../server/db/create-db.ts'
import {
  createTestSchema,
  dropTestDatabase,
  ON_POSTGRES,
  TEST_POSTGRES_URL,
  TEST_SCHEMA_PREFIX,
} from '../../helpers/test-db.ts'

describe.skipIf(!ON_POSTGRES)('PostgreSQL introspection', () => {
  it('opens and introspects its schema while other schemas are created and dropped', async () => {
    const url = await createTestSchema()
    const other = new pg.Client({ connectionString: TEST_POSTGRES_URL })
    await other.connect()
    let stop = false
    const churn = (async () => {
      for (let i = 0; !stop; i++) {
        // Named as the test schemas are (this process, hex), so a crashed run's are cleaned up.
        const schema = `${TEST_SCHEMA_PREFIX}${process.pid}_c0ffee0${i % 4}`
        await other.query(`create schema if not exists ${schema}`)
        await other.query(`create table if not exists ${schema}.t (a int)`)
        await other.query(`drop schema ${schema} cascade`)
      }
    })()
    const failures: string[] = []
    try {
      for (let i = 0; i < 60; i++) {
        try {
          const db = await createDb(url)
          try {
            const tables = await db.kysely.introspection.getTables()
            expect(tables.map((t) => t.name)).toContain('responses')
            expect(new Set(tables.map((t) => t.schema)).size).toBe(1)
          } finally {
            await db.close()
          }
        } catch (error) {
          failures.push(String(error))
        }
      }
    } finally {
      stop = true
      await churn
      await other.end()
      await dropTestDatabase(url)
    }
    expect(failures).toEqual([])
  }, 60_000)
})
