import fs from 'node:fs'
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import { isPostgresUrl } from '../../../server/db/dialect.ts'
import { migrations } from '../../../server/db/migrations/index.ts'
import { openPostgres } from '../../../server/db/postgres/open.ts'
import { upsertRegion } from '../../../server/db/repositories/regions.ts'
import { insertResponseKysely } from '../../../server/db/repositories/responses.ts'
import { ensureSurveyVersionKysely } from '../../../server/db/repositories/survey-versions.ts'
import SQLite from '../../../server/db/sqlite/driver.ts'
import { tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

const NOW = '2026-01-01T00:00:00.000Z'

let dir: string
/** The test database: a SQLite file, or a PostgreSQL URL on a schema of its own. */
let target: string
beforeEach(async () => {
  dir = tempDir()
  target = await testDatabaseTarget(dir, 'unordered.db')
})
afterEach(async () => {
  await dropTestDatabase(target)
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A bare Kysely handle on the test database, migrated by `Migrator` as given. */
async function migrateWith(provided: typeof migrations): Promise<void> {
  const db = isPostgresUrl(target)
    ? openPostgres(target).kysely
    : new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(target) }) })
  try {
    // On PostgreSQL the migration tables go in the test's schema, as `migrate` puts them.
    const schema = isPostgresUrl(target)
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined
    const result = await new Migrator({
      db,
      provider: { getMigrations: async () => provided },
      ...(schema ? { migrationTableSchema: schema } : {}),
    }).migrateToLatest()
    expect(result.error).toBeUndefined()
  } finally {
    await db.destroy()
  }
}

describe('migrations', () => {
  it('apply one that lands after a later key was already applied (work merged out of order)', async () => {
    // A database migrated before the collection targets arrived, but after a later key.
    await migrateWith(
      Object.fromEntries(
        Object.entries(migrations).filter(([key]) => key !== '2026-12-07-007-collection-targets'),
      ),
    )
    const db = await createDb(target)
    try {
      expect(db.migrated).toEqual(['2026-12-07-007-collection-targets'])
      const tables = await db.kysely.introspection.getTables()
      expect(tables.map((t) => t.name)).toContain('collection_targets')
    } finally {
      await db.close()
    }
  })
})

// The analysis queue is kept by triggers on `responses`: SQL triggers on SQLite, plpgsql trigger
// functions on PostgreSQL. The same steps on either run show that both do the same.
describe('the analysis queue triggers', () => {
  let db: Db
  beforeEach(async () => {
    db = await createDb(target)
    for (const id of ['FR-93', 'SI-HEART']) await upsertRegion(db.kysely, { id, name: id }, NOW)
    await ensureSurveyVersionKysely(
      db.kysely,
      { survey: 'example', version: 'v1', definition: '{}' },
      NOW,
    )
  })
  afterEach(async () => {
    await db.close()
  })

  const insert = (id: string) =>
    insertResponseKysely(db.kysely, {
      id,
      survey: 'example',
      version: 'v1',
      region_id: 'FR-93',
      wave: '2026',
      language: 'en',
      status: 'submitted',
      answers: '{"q":1}',
      created_at: NOW,
      updated_at: NOW,
      submitted_at: NOW,
      submission_key: null,
    })
  const pending = async () =>
    (
      await db.kysely
        .selectFrom('analysis_pending')
        .selectAll()
        .orderBy('survey')
        .orderBy('response_id')
        .execute()
    ).map((r) => `${r.survey}/${r.response_id}`)
  const rows = () =>
    db.kysely
      .selectFrom('analysis_rows')
      .select(['response_id', 'region_id', 'wave', 'status', 'review_status', 'codes'])
      .orderBy('response_id')
      .execute()
  /** What the analysis does: it encodes the queued responses and empties the queue. */
  const encode = async (ids: string[]) => {
    for (const id of ids) {
      await db.kysely
        .insertInto('analysis_rows')
        .values({
          survey: 'example',
          response_id: id,
          layout: 'L1',
          region_id: 'FR-93',
          wave: '2026',
          status: 'submitted',
          review_status: 'pending',
          version: 'v1',
          codes: `codes of ${id}`,
        })
        .execute()
    }
    await db.kysely.deleteFrom('analysis_pending').execute()
  }

  it('queue an inserted response', async () => {
    await insert('r-1')
    await insert('r-2')
    expect(await pending()).toEqual(['example/r-1', 'example/r-2'])
    expect(await rows()).toEqual([])
  })

  it('re-queue a response whose answers change and drop its code text', async () => {
    await insert('r-1')
    await insert('r-2')
    await encode(['r-1', 'r-2'])
    expect(await pending()).toEqual([])
    await db.kysely
      .updateTable('responses')
      .set({ answers: '{"q":2}' })
      .where('id', '=', 'r-1')
      .execute()
    expect(await pending()).toEqual(['example/r-1'])
    expect((await rows()).map((r) => r.response_id)).toEqual(['r-2'])
    // Changed again before the analysis ran: still queued once.
    await db.kysely
      .updateTable('responses')
      .set({ answers: '{"q":3}' })
      .where('id', '=', 'r-1')
      .execute()
    expect(await pending()).toEqual(['example/r-1'])
  })

  it('update the filter copies of a code text without re-queueing it', async () => {
    await insert('r-1')
    await insert('r-2')
    await encode(['r-1', 'r-2'])
    await db.kysely
      .updateTable('responses')
      .set({ region_id: 'SI-HEART', wave: '2027', status: 'draft', review_status: 'rejected' })
      .where('id', '=', 'r-1')
      .execute()
    expect(await pending()).toEqual([])
    expect(await rows()).toEqual([
      {
        response_id: 'r-1',
        region_id: 'SI-HEART',
        wave: '2027',
        status: 'draft',
        review_status: 'rejected',
        codes: 'codes of r-1',
      },
      {
        response_id: 'r-2',
        region_id: 'FR-93',
        wave: '2026',
        status: 'submitted',
        review_status: 'pending',
        codes: 'codes of r-2',
      },
    ])
  })

  it('remove the code text and the queue entry of a deleted response', async () => {
    await insert('r-1')
    await insert('r-2')
    await insert('r-3')
    await encode(['r-1', 'r-2'])
    await db.kysely
      .updateTable('responses')
      .set({ answers: '{"q":2}' })
      .where('id', '=', 'r-2')
      .execute()
    await insert('r-4')
    expect(await pending()).toEqual(['example/r-2', 'example/r-4'])
    await db.kysely.deleteFrom('responses').where('id', 'in', ['r-1', 'r-2', 'r-4']).execute()
    expect(await pending()).toEqual([])
    expect(await rows()).toEqual([])
    await encode(['r-3'])
    await db.kysely.deleteFrom('responses').where('id', '=', 'r-3').execute()
    expect(await rows()).toEqual([])
  })
})
