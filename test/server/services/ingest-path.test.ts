import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sqliteConnection } from '../../../server/db/create-db.ts'
import { type ResponseWrite, storeResponses } from '../../../server/db/response-writer.ts'
import { withRawSqlite } from '../../../server/db/sqlite/dialect.ts'
import { newResponseId } from '../../../server/ids.ts'
import { listen } from '../../helpers/browser.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { ON_POSTGRES } from '../../helpers/test-db.ts'

// The submission path as the server runs it: concurrent submissions share a transaction
// (group commit), the body limit reads only the declared length, and the raw statements wait
// for Kysely's transactions like any query.

// Wrapped, not replaced: every raw statement runs the real withRawSqlite, and a test can see
// when a request has reached the database and what state the connection was in when it ran.
vi.mock(import('../../../server/db/sqlite/dialect.ts'), async (importOriginal) => {
  const original = await importOriginal()
  // vitest's Mock type loses the generics of the function it wraps; the call is the same.
  const spied = vi.fn(original.withRawSqlite) as typeof original.withRawSqlite
  return { ...original, withRawSqlite: spied }
})

const SURVEYS = path.join(FIXTURES, 'surveys')
const URL = '/api/surveys/example/responses'
const answers = { consent: true, stakeholder: 'mfi', satisfaction: 4, barriers: ['cost'] }

let t: TestApp
beforeEach(async () => {
  // The questionnaire publications are looked at once, by the first request (see below).
  t = await createTestApp(SURVEYS, { bodyLimit: 4096, registryMaxAge: 60_000 })
})
afterEach(async () => {
  await t.close()
})

const auditCount = async (action: string) =>
  (await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', action).execute())
    .length

describe('concurrent submissions', () => {
  it('stores 40 at once from two regions, each once, with one audit entry each', async () => {
    const submit = (i: number) =>
      t.send('POST', URL, i % 2 ? t.partnerB : t.partnerA, {
        answers: { ...answers, satisfaction: (i % 5) + 1 },
        submissionKey: `k-${i}`,
      })
    const sends = Array.from({ length: 40 }, (_, i) => submit(i))
    // Five retries of keys sent in the same turn: each returns the first response.
    const retries = Array.from({ length: 5 }, (_, i) => submit(i))
    const first = await Promise.all(sends)
    const again = await Promise.all(retries)
    // Of each key's two requests one stores (201), the other gets the same response (200).
    const statuses = first.map((r) => r.status)
    expect(statuses.slice(5)).toEqual(Array(35).fill(201))
    for (let i = 0; i < 5; i++) {
      expect([statuses[i], again[i]?.status].sort()).toEqual([200, 201])
    }
    const bodies = (await Promise.all(first.map((r) => r.json()))) as {
      id: string
      region: string
      answers: { satisfaction: number }
    }[]
    const retried = (await Promise.all(again.map((r) => r.json()))) as { id: string }[]
    expect(retried.map((r) => r.id)).toEqual(bodies.slice(0, 5).map((b) => b.id))
    expect(await t.count()).toBe(40)
    expect(await auditCount('response.submit')).toBe(40)
    const stored = await t.db.kysely.selectFrom('responses').selectAll().execute()
    for (const [i, body] of bodies.entries()) {
      const row = stored.find((r) => r.id === body.id)
      expect(row?.region_id).toBe(i % 2 ? 'SI-HEART' : 'FR-93')
      expect(row?.submission_key).toBe(`k-${i}`)
      expect(JSON.parse(row?.answers ?? '{}').satisfaction).toBe((i % 5) + 1)
      expect(body.answers.satisfaction).toBe((i % 5) + 1)
    }
  })

  it('rolls back a failing write alone and reports it to its caller', async () => {
    const survey = t.registry.get('example')
    if (!survey) throw new Error('no example questionnaire')
    const now = '2026-02-01T00:00:00.000Z'
    const write = (id: string, region: string): ResponseWrite => ({
      response: {
        id,
        survey: survey.id,
        version: survey.version,
        region_id: region,
        wave: '2026',
        language: 'en',
        status: 'submitted',
        answers: JSON.stringify(answers),
        created_at: now,
        updated_at: now,
        submitted_at: now,
        submission_key: null,
      },
      audit: { actor: 'cli', action: 'response.test', entity: 'response', entityId: id },
      version: { survey: survey.id, version: survey.version, definition: survey.definition },
      now,
    })
    // The middle one names a region that does not exist: its foreign key fails.
    const results = await storeResponses(t.db.kysely, [
      write('r-1', 'FR-93'),
      write('r-2', 'XX-NOWHERE'),
      write('r-3', 'SI-HEART'),
    ])
    expect(results[0]).toMatchObject({ created: true, row: { id: 'r-1' } })
    expect(results[1]).toBeInstanceOf(Error)
    // SQLite: FOREIGN KEY constraint failed; PostgreSQL: violates foreign key constraint.
    expect(String(results[1])).toMatch(/foreign key/i)
    expect(results[2]).toMatchObject({ created: true, row: { id: 'r-3' } })
    const ids = await t.db.kysely.selectFrom('responses').select('id').orderBy('id').execute()
    expect(ids.map((r) => r.id)).toEqual(['r-1', 'r-3'])
    expect(await auditCount('response.test')).toBe(2)
  })

  // SQLite has one connection: a raw statement must queue behind a Kysely transaction that holds
  // it rather than run inside it. PostgreSQL's pool gives each its own connection (next test).
  it.skipIf(ON_POSTGRES)(
    'waits for a Kysely transaction in progress and survives its rollback',
    async () => {
      // The app's look at the questionnaire publications (a Kysely read) is done now, so the
      // request below reaches the database first through its raw token lookup.
      expect((await t.app.request('/healthz')).status).toBe(200)
      let release = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      const transaction = t.db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('regions')
          .values({ id: 'XX-TMP', name: 'temporary', created_at: '2026-02-01' })
          .execute()
        await gate
        throw new Error('rolled back on purpose')
      })
      const raw = vi.mocked(withRawSqlite)
      const real = raw.getMockImplementation()
      if (!real) throw new Error('withRawSqlite is wrapped at the top of this file')
      // For each raw statement: was a transaction open on the connection when it ran?
      const inTransaction: boolean[] = []
      raw.mockClear()
      raw.mockImplementation((db, fn) =>
        real(db, (connection) => {
          inTransaction.push(sqliteConnection(t.db).inTransaction)
          return fn(connection)
        }),
      )
      try {
        let answered = false
        const post = t.send('POST', URL, t.partnerA, { answers }).then((r) => {
          answered = true
          return r
        })
        // The request's first statement (its token lookup) is a raw one: once called, it is queued
        // for the connection the transaction holds, and cannot run before the transaction ends.
        await vi.waitFor(() => expect(raw).toHaveBeenCalled(), { timeout: 20_000, interval: 5 })
        expect(inTransaction).toEqual([])
        expect(answered).toBe(false)
        release()
        await expect(transaction).rejects.toThrow('rolled back on purpose')
        expect((await post).status).toBe(201)
        expect(inTransaction.length).toBeGreaterThan(0)
        expect(inTransaction).not.toContain(true)
      } finally {
        raw.mockReset()
      }
      expect(await t.count()).toBe(1)
      const temporary = await t.db.kysely
        .selectFrom('regions')
        .select('id')
        .where('id', '=', 'XX-TMP')
        .execute()
      expect(temporary).toEqual([])
    },
  )

  // On PostgreSQL a request does not wait for a transaction another connection of the pool holds,
  // and is not part of it: committed while it is still open, the response survives its rollback.
  it.runIf(ON_POSTGRES)(
    'runs beside a Kysely transaction in progress and survives its rollback',
    async () => {
      expect((await t.app.request('/healthz')).status).toBe(200)
      let release = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      let inserted = () => {}
      const begun = new Promise<void>((resolve) => {
        inserted = resolve
      })
      const transaction = t.db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('regions')
          .values({ id: 'XX-TMP', name: 'temporary', created_at: '2026-02-01' })
          .execute()
        inserted()
        await gate
        throw new Error('rolled back on purpose')
      })
      await begun
      try {
        const post = await t.send('POST', URL, t.partnerA, { answers })
        expect(post.status).toBe(201)
        // Stored and visible to every connection while the transaction is still open.
        expect(await t.count()).toBe(1)
      } finally {
        release()
      }
      await expect(transaction).rejects.toThrow('rolled back on purpose')
      expect(await t.count()).toBe(1)
      const temporary = await t.db.kysely
        .selectFrom('regions')
        .select('id')
        .where('id', '=', 'XX-TMP')
        .execute()
      expect(temporary).toEqual([])
    },
  )
})

describe('request bodies over a real socket', () => {
  it('stores a submission, and refuses declared and chunked bodies over the limit', async () => {
    const server = await listen(t)
    try {
      const headers = {
        Authorization: `Bearer ${t.partnerA}`,
        'Content-Type': 'application/json',
      }
      const ok = await fetch(`${server.url}${URL}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ answers, submissionKey: 'socket-1' }),
      })
      expect(ok.status).toBe(201)
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff')

      const big = JSON.stringify({ answers: { ...answers, biggest_gap: 'x'.repeat(5000) } })
      const declared = await fetch(`${server.url}${URL}`, { method: 'POST', headers, body: big })
      expect(declared.status).toBe(413)
      expect(declared.headers.get('x-content-type-options')).toBe('nosniff')
      expect(((await declared.json()) as { error: { code: string } }).error.code).toBe(
        'payload_too_large',
      )

      const bytes = new TextEncoder().encode(big)
      const chunked = await fetch(`${server.url}${URL}`, {
        method: 'POST',
        headers,
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 1000)
              controller.enqueue(bytes.slice(i, i + 1000))
            controller.close()
          },
        }),
        duplex: 'half',
      } as RequestInit)
      expect(chunked.status).toBe(413)
      expect(await t.count()).toBe(1)
    } finally {
      await server.close()
    }
  })
})

describe('every kind of response', () => {
  it('carries X-Content-Type-Options: nosniff', async () => {
    const page = await t.app.request(`/s/example?t=${t.partnerA}`)
    const asset = /\/assets\/[^"]+\.js/.exec(await page.text())?.[0]
    const responses = [
      page,
      await t.app.request(asset ?? '/assets/none'),
      await t.app.request('/healthz'),
      await t.app.request('/no/such/route'),
      await t.send('POST', URL, t.partnerA, { answers: { stakeholder: 'alien' } }),
      await t.send('POST', URL, null, { answers }),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 422, 401])
    for (const r of responses) expect(r.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('response ids', () => {
  it('are UUID version 7: unique, random after the time, in the order they were made', async () => {
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    const ids = Array.from({ length: 10_000 }, (_, i) => newResponseId(1_700_000_000_000 + i))
    for (const id of ids.slice(0, 100)) expect(id).toMatch(v7)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    // The same millisecond: the random bits differ.
    expect(newResponseId(1)).not.toBe(newResponseId(1))
    const res = await t.send('POST', URL, t.partnerA, { answers })
    expect(((await res.json()) as { id: string }).id).toMatch(v7)
  })
})

describe('compression', () => {
  it('gzips large API responses on request, and says Vary: Accept-Encoding either way', async () => {
    const url = `/api/surveys/example?t=${t.partnerA}`
    const plain = await t.app.request(url)
    const zipped = await t.app.request(url, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    for (const r of [plain, zipped]) expect(r.headers.get('vary')).toBe('Accept-Encoding')
    const body = new Uint8Array(await zipped.arrayBuffer())
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual(await plain.json())
    const posted = await t.send('POST', URL, t.partnerA, { answers })
    expect(posted.headers.get('vary')).toBe('Accept-Encoding')
  })
})
