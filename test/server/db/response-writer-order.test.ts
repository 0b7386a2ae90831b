/**
 * Two group-commit batches on PostgreSQL holding the same submission keys in opposite orders (a
 * client's retry reaching another instance while its first try is still in a batch): both
 * finish, one storing each key, the other answering with the stored response. Before the writes
 * were ordered by key, PostgreSQL found deadlocks (each after its deadlock_timeout, 1 s) and
 * failed writes. Needs PostgreSQL whatever the run's database: skipped only when it is not
 * reachable on a SQLite run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import {
  type ResponseWrite,
  storeResponses,
  storeResponsesKysely,
} from '../../../server/db/response-writer.ts'
import { newResponseId } from '../../../server/ids.ts'
import { createPartnerLink } from '../../../server/services/partner-links.ts'
import { createTestSchema, dropTestDatabase, postgresAvailable } from '../../helpers/test-db.ts'

const POSTGRES_UP = await postgresAvailable()
if (!POSTGRES_UP) console.warn('response-writer-order: skipped, PostgreSQL not reachable')

const now = '2026-12-07T12:00:00.000Z'
const write = (key: string): ResponseWrite => ({
  response: {
    id: newResponseId(),
    survey: 'example',
    version: 'v1',
    region_id: 'FR-93',
    wave: '2026',
    language: 'en',
    status: 'submitted',
    answers: '{}',
    group_name: null,
    token_id: null,
    created_at: now,
    updated_at: now,
    submitted_at: now,
    submission_key: key,
  },
  audit: { actor: 'cli', action: 'response.create', entity: 'response', entityId: key },
  now,
})

describe.skipIf(!POSTGRES_UP)(
  `storeResponsesKysely on PostgreSQL${POSTGRES_UP ? '' : ' (skipped: PostgreSQL not reachable)'}`,
  () => {
    let url = ''
    let db: Db
    beforeAll(async () => {
      url = await createTestSchema()
      db = await createDb(url, { poolSize: 4 })
      const region = { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'p' }
      await createPartnerLink(db.kysely, region, 'cli', now)
      await db.kysely
        .insertInto('survey_versions')
        .values({ survey: 'example', version: 'v1', definition: '{}', first_seen_at: now })
        .execute()
    })
    afterAll(async () => {
      await db?.close()
      if (url) await dropTestDatabase(url)
    })

    it.each([
      ['the reference, write by write', storeResponsesKysely, 'k'],
      ['the batch path (storeResponses)', storeResponses, 'b'],
    ] as const)(
      '%s: batches holding keys in opposite orders do not deadlock',
      async (_, store, prefix) => {
        const keys = Array.from({ length: 40 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`)
        const [up, down] = await Promise.all([
          store(db.kysely, keys.map(write)),
          store(db.kysely, [...keys].reverse().map(write)),
        ])
        const errors = [...(up ?? []), ...(down ?? [])].filter((r) => r instanceof Error)
        expect(errors.map((e) => (e as Error).message)).toEqual([])
        // Results come back in the order of the writes given, whatever order they ran in.
        const idOf = new Map<string, string>()
        for (const [i, r] of (up ?? []).entries()) {
          if (r instanceof Error) continue
          expect(r.row.submission_key).toBe(keys[i])
          idOf.set(keys[i] ?? '', r.row.id)
        }
        for (const [i, r] of (down ?? []).entries()) {
          if (r instanceof Error) continue
          const key = keys[keys.length - 1 - i] ?? ''
          expect(r.row.submission_key).toBe(key)
          expect(r.row.id).toBe(idOf.get(key))
        }
        const created = [...(up ?? []), ...(down ?? [])].filter(
          (r) => !(r instanceof Error) && r.created,
        )
        expect(created).toHaveLength(40)
        const rows = await db.kysely
          .selectFrom('responses')
          .select('submission_key')
          .where('submission_key', 'like', `${prefix}-%`)
          .execute()
        expect(rows).toHaveLength(40)
      },
    )
  },
)
