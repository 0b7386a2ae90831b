/**
 * The three ways new responses are stored — the Kysely reference, SQLite's prepared statements
 * and PostgreSQL's multi-row batch — give the same results and leave the same rows, on the
 * run's database (SQLite, or PostgreSQL with GAPKIT_TEST_DATABASE=postgres).
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import { storeResponsesPostgres } from '../../../server/db/postgres/store-responses.ts'
import { upsertRegion } from '../../../server/db/repositories/regions.ts'
import {
  type ResponseWrite,
  storeResponses,
  storeResponsesKysely,
  type WriteResult,
} from '../../../server/db/response-writer.ts'
import { tempDir } from '../../helpers/test-app.ts'
import {
  dropTestDatabase,
  ON_POSTGRES,
  TEST_DATABASE,
  testDatabaseTarget,
} from '../../helpers/test-db.ts'

const NOW = '2026-03-01T10:00:00.000Z'
const VERSION = { survey: 's', version: 'v1', definition: '{"pages":[]}' }

const opened: { db: Db; dir: string }[] = []
afterEach(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.close()
    await dropTestDatabase(db.target)
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

async function freshDb(): Promise<Db> {
  const dir = tempDir()
  const db = await createDb(await testDatabaseTarget(dir))
  opened.push({ db, dir })
  await upsertRegion(db.kysely, { id: 'FR-93', name: 'Seine-Saint-Denis' }, NOW)
  return db
}

function write(n: number, key: string | null, region = 'FR-93'): ResponseWrite {
  return {
    response: {
      id: `r-${String(n).padStart(3, '0')}`,
      survey: 's',
      version: 'v1',
      region_id: region,
      wave: '2026',
      language: 'en',
      status: 'submitted',
      answers: JSON.stringify({ q: n }),
      created_at: NOW,
      updated_at: NOW,
      submitted_at: NOW,
      submission_key: key,
    },
    audit: { actor: 'test', action: 'response.create', entity: 'response', entityId: `r-${n}` },
    version: VERSION,
    now: NOW,
  }
}

/** What a result says, comparable across runs: the stored id, or the error's kind. */
function outcome(r: WriteResult | Error): string {
  return r instanceof Error ? 'error' : `${r.row.id} ${r.created ? 'created' : 'known'}`
}

async function tables(db: Db) {
  const k = db.kysely
  return {
    responses: await k.selectFrom('responses').selectAll().orderBy('id').execute(),
    versions: await k.selectFrom('survey_versions').selectAll().execute(),
    // By entity: each path writes the audit entries of a batch in its own order (the reference
    // and PostgreSQL by submission key, SQLite as the writes arrived).
    audit: await k
      .selectFrom('audit_log')
      .select(['actor', 'entity_id'])
      .orderBy('entity_id')
      .execute(),
    pending: await k.selectFrom('analysis_pending').selectAll().orderBy('response_id').execute(),
  }
}

describe(`storing new responses (${TEST_DATABASE})`, () => {
  it('gives the reference results: new, repeated in the batch, stored before, and one bad write alone', async () => {
    const earlier = [write(1, 'k1')]
    const batch = [
      write(2, 'k2'),
      write(3, 'k1'), // a key stored by an earlier batch
      write(4, 'k4'),
      write(5, 'k4'), // a key repeated within this batch
      write(6, null), // no key
      write(7, 'k7', 'NOWHERE'), // an unknown region: this write alone fails
      write(8, 'k8'),
    ]
    const runs: { results: string[]; rows: Awaited<ReturnType<typeof tables>> }[] = []
    for (const store of [storeResponses, storeResponsesKysely]) {
      const db = await freshDb()
      await store(db.kysely, earlier)
      const results = (await store(db.kysely, batch)).map(outcome)
      runs.push({ results, rows: await tables(db) })
    }
    const [fast, reference] = runs
    expect(fast?.results).toEqual([
      'r-002 created',
      'r-001 known',
      'r-004 created',
      'r-004 known',
      'r-006 created',
      'error',
      'r-008 created',
    ])
    expect(fast).toEqual(reference)
    expect(fast?.rows.responses.map((r) => r.id)).toEqual([
      'r-001',
      'r-002',
      'r-004',
      'r-006',
      'r-008',
    ])
    // One audit entry per stored response; one version row.
    expect(fast?.rows.audit.map((a) => a.entity_id)).toEqual(['r-1', 'r-2', 'r-4', 'r-6', 'r-8'])
    expect(fast?.rows.versions).toHaveLength(1)
    // The analysis queue (triggers of each database) holds every stored response.
    expect(fast?.rows.pending.map((p) => p.response_id)).toEqual([
      'r-001',
      'r-002',
      'r-004',
      'r-006',
      'r-008',
    ])
  })

  it('stores a batch of 200 in one go, each once', async () => {
    const db = await freshDb()
    const writes = Array.from({ length: 200 }, (_, i) => write(i, `key-${i % 150}`))
    const results = await storeResponses(db.kysely, writes)
    expect(results.filter((r) => !(r instanceof Error) && r.created)).toHaveLength(150)
    expect(results.filter((r) => r instanceof Error)).toHaveLength(0)
    const n = await db.kysely
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(150)
  })

  it.runIf(ON_POSTGRES)(
    'stores a clean batch in multi-row statements, one bad write one at a time',
    async () => {
      const db = await freshDb()
      let fallbacks = 0
      const oneByOne =
        (writes: ResponseWrite[]) => (trx: Parameters<typeof storeResponsesKysely>[0]) => {
          fallbacks++
          return storeResponsesKysely(trx, writes)
        }
      const clean = [write(1, 'a'), write(2, 'b'), write(3, 'a')]
      const results = await storeResponsesPostgres(db.kysely, clean, oneByOne(clean))
      expect(results.map(outcome)).toEqual(['r-001 created', 'r-002 created', 'r-001 known'])
      expect(fallbacks).toBe(0)
      const bad = [write(4, 'c'), write(5, 'd', 'NOWHERE')]
      const after = await storeResponsesPostgres(db.kysely, bad, oneByOne(bad))
      expect(after.map(outcome)).toEqual(['r-004 created', 'error'])
      expect(fallbacks).toBe(1)
    },
  )
})
