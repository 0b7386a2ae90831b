import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dumpText } from '../../helpers/dump-tables.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { ON_POSTGRES } from '../../helpers/test-db.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

const SURVEYS = path.join(FIXTURES, 'surveys')
const URL = '/api/surveys/example/responses'

const valid = exampleAnswers

let t: TestApp
beforeEach(async () => {
  t = await createTestApp(SURVEYS)
})
afterEach(async () => {
  await t.close()
})

interface ErrorBody {
  error: { code: string; message: string; details: { question?: string; message: string }[] }
}

describe('POST /api/surveys/:id/responses', () => {
  it('stores a valid submission with the region, version and language of its link', async () => {
    const res = await t.send('POST', URL, t.partnerA, { answers: valid(), language: 'fr' })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: string; status: string; region: string }
    expect(body.status).toBe('submitted')
    expect(body.region).toBe('FR-93')
    const stored = await t.db.kysely
      .selectFrom('responses')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(stored.region_id).toBe('FR-93')
    expect(stored.language).toBe('fr')
    expect(stored.group_name).toBe('mfi')
    expect(stored.version).toBe(t.registry.get('example')?.version)
    expect(JSON.parse(stored.answers)).toEqual(valid())
    const version = await t.db.kysely
      .selectFrom('survey_versions')
      .select('definition')
      .where('version', '=', stored.version)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(version.definition).title.default).toBe('Example ecosystem check')
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', body.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['response.submit'])
  })

  const invalid: [string, (a: Record<string, unknown>) => void, string][] = [
    ['a missing required answer', (a) => delete a.satisfaction, 'satisfaction'],
    [
      'a number outside its numeric validator',
      (a) => (a.guarantee_coverage = 150),
      'guarantee_coverage',
    ],
    ['a text failing its regex', (a) => (a.code = 'abc'), 'code'],
    ['an invalid e-mail', (a) => (a.email = 'not-an-email'), 'email'],
    ['a failing expression validator', (a) => (a.women = 60), 'women'],
    ['a choice not in the list', (a) => (a.stakeholder = 'alien'), 'stakeholder'],
    ['a question that does not exist', (a) => (a.no_such_question = 1), 'no_such_question'],
    [
      'an answer to a question hidden by visibleIf',
      (a) => {
        a.guarantee = 'no'
        a.guarantee_coverage = 50
      },
      'guarantee_coverage',
    ],
    [
      'an unknown matrix row',
      (a) => (a.performance = { regulation: 2, nowhere: 3 }),
      'performance',
    ],
    [
      'a matrix value not in its columns',
      (a) => (a.performance = { regulation: 9 }),
      'performance',
    ],
    [
      'a matrixdropdown cell outside its choices',
      (a) => (a.maturity = { coordination: { current: 9, target: 3 } }),
      'maturity',
    ],
    [
      'an unknown matrixdropdown column',
      (a) => (a.maturity = { coordination: { current: 1, wished: 3 } }),
      'maturity',
    ],
    [
      'more choices than maxSelectedChoices',
      (a) => (a.barriers = ['cost', 'collateral', 'awareness']),
      'barriers',
    ],
    ['a rating outside its scale', (a) => (a.satisfaction = 7), 'satisfaction'],
    ['a non-boolean boolean', (a) => (a.consent = 'yes'), 'consent'],
    ['a text longer than maxLength', (a) => (a.biggest_gap = 'x'.repeat(201)), 'biggest_gap'],
  ]
  for (const [kind, spoil, question] of invalid) {
    it(`rejects ${kind} with 422 and stores nothing`, async () => {
      const answers: Record<string, unknown> = valid()
      spoil(answers)
      const res = await t.send('POST', URL, t.partnerA, { answers })
      expect(res.status).toBe(422)
      const body = (await res.json()) as ErrorBody
      expect(body.error.code).toBe('invalid_answers')
      const flagged = body.error.details.map((d) => d.question ?? '')
      expect(flagged.some((q) => q === question || q.startsWith(`${question}.`))).toBe(true)
      for (const d of body.error.details) expect(d.message.length).toBeGreaterThan(0)
      expect(await t.count()).toBe(0)
    })
  }

  it('gives validation messages in the respondent language', async () => {
    const answers: Record<string, unknown> = valid()
    answers.code = 'abc'
    const res = await t.send('POST', URL, t.partnerA, { answers, language: 'fr' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as ErrorBody
    expect(body.error.details.find((d) => d.question === 'code')?.message).toBe(
      'Utilisez la forme XX-123',
    )
  })

  it('accepts an incomplete draft but still rejects unknown choices in it', async () => {
    const draft = await t.send('POST', URL, t.partnerA, {
      answers: { stakeholder: 'bank' },
      draft: true,
    })
    expect(draft.status).toBe(201)
    expect(((await draft.json()) as { status: string }).status).toBe('draft')
    const bad = await t.send('POST', URL, t.partnerA, {
      answers: { stakeholder: 'alien' },
      draft: true,
    })
    expect(bad.status).toBe(422)
    expect(await t.count()).toBe(1)
  })

  it('returns the first response for a repeated submissionKey, also 20 at once', async () => {
    const sends = Array.from({ length: 20 }, () =>
      t.send('POST', URL, t.partnerA, { answers: valid(), submissionKey: 'key-1' }),
    )
    const responses = await Promise.all(sends)
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200)).toHaveLength(19)
    const ids = new Set(
      await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)),
    )
    expect(ids.size).toBe(1)
    expect(await t.count()).toBe(1)
  })

  it('does not hand one region the response of another through a reused key', async () => {
    expect(
      (await t.send('POST', URL, t.partnerA, { answers: valid(), submissionKey: 'k' })).status,
    ).toBe(201)
    const res = await t.send('POST', URL, t.partnerB, { answers: valid(), submissionKey: 'k' })
    expect(res.status).toBe(409)
    expect(JSON.stringify(await res.json())).not.toContain('anna@example.org')
  })
})

describe('draft, update and submit', () => {
  it('updates a draft, submits it, then refuses further changes', async () => {
    const created = await t.send('POST', URL, t.partnerA, {
      answers: { stakeholder: 'bank' },
      draft: true,
    })
    const { id } = (await created.json()) as { id: string }
    const put = await t.send('PUT', `/api/responses/${id}`, t.partnerA, {
      answers: { stakeholder: 'mfi' },
      draft: true,
    })
    expect(put.status).toBe(200)
    const incomplete = await t.send('PUT', `/api/responses/${id}`, t.partnerA, {
      answers: { stakeholder: 'mfi' },
    })
    expect(incomplete.status).toBe(422)
    const submit = await t.send('PUT', `/api/responses/${id}`, t.partnerA, { answers: valid() })
    expect(submit.status).toBe(200)
    expect(((await submit.json()) as { status: string }).status).toBe('submitted')
    const again = await t.send('PUT', `/api/responses/${id}`, t.partnerA, {
      answers: valid(),
      draft: true,
    })
    expect(again.status).toBe(409)
    const read = await t.send('GET', `/api/responses/${id}`, t.partnerA)
    expect(((await read.json()) as { answers: unknown }).answers).toEqual(valid())
  })
})

describe('regions and tokens', () => {
  it('keeps partner B out of region A (403) and anyone without a token out (401)', async () => {
    const created = await t.send('POST', URL, t.partnerA, { answers: valid() })
    const { id } = (await created.json()) as { id: string }
    expect((await t.send('GET', `/api/responses/${id}`, t.partnerB)).status).toBe(403)
    expect(
      (await t.send('PUT', `/api/responses/${id}`, t.partnerB, { answers: valid() })).status,
    ).toBe(403)
    const list = await t.send('GET', `${URL}?region=FR-93`, t.partnerB)
    expect(list.status).toBe(403)
    const own = await t.send('GET', URL, t.partnerB)
    expect(own.status).toBe(200)
    expect(((await own.json()) as { responses: unknown[] }).responses).toHaveLength(0)
    const forA = await t.send('GET', URL, t.partnerA)
    expect(((await forA.json()) as { responses: unknown[] }).responses).toHaveLength(1)
    const adminList = await t.send('GET', URL, t.admin)
    expect(((await adminList.json()) as { responses: unknown[] }).responses).toHaveLength(1)
    const writeOther = await t.send('POST', URL, t.partnerB, { answers: valid(), region: 'FR-93' })
    expect(writeOther.status).toBe(403)
    expect((await t.send('POST', URL, null, { answers: valid() })).status).toBe(401)
    expect((await t.send('GET', '/api/surveys', null)).status).toBe(401)
    expect((await t.send('GET', '/api/surveys', 'gkp_forged')).status).toBe(401)
    expect((await t.send('GET', `/api/surveys?t=${t.partnerA}`, null)).status).toBe(200)
    expect(await t.count({ region: 'FR-93' })).toBe(1)
  })

  it('stores no plaintext token in any table', async () => {
    await t.send('POST', URL, t.partnerA, { answers: valid() })
    const stored = await dumpText(t.db)
    // The dump holds the tokens' rows and the response (it is not empty by mistake).
    expect(stored).toContain('[tokens]')
    expect(stored).toContain('Partner A')
    expect(stored).toContain('FR-93')
    for (const token of [t.admin, t.partnerA, t.partnerB]) {
      expect(stored.includes(token)).toBe(false)
      expect(stored.includes(token.slice(4))).toBe(false)
    }
  })

  // The bytes of the SQLite file and its WAL (free pages, indexes, journal) besides the rows: a
  // PostgreSQL database has no file of its own to read (its rows are checked above).
  it.skipIf(ON_POSTGRES)('stores no plaintext token anywhere in the SQLite file', async () => {
    await t.send('POST', URL, t.partnerA, { answers: valid() })
    await t.db.close()
    const fs = await import('node:fs')
    const bytes = fs.readFileSync(path.join(t.dir, 'test.db')).toString('latin1')
    const wal = fs.existsSync(path.join(t.dir, 'test.db-wal'))
      ? fs.readFileSync(path.join(t.dir, 'test.db-wal')).toString('latin1')
      : ''
    for (const token of [t.admin, t.partnerA, t.partnerB]) {
      expect(bytes.includes(token) || wal.includes(token)).toBe(false)
      const secret = token.slice(4)
      expect(bytes.includes(secret) || wal.includes(secret)).toBe(false)
    }
    t = await createTestApp(SURVEYS)
  })
})

describe('bad requests', () => {
  it('answers malformed JSON, a 2 MB body and text/plain with JSON 4xx, then keeps serving', async () => {
    const malformed = await t.app.request(URL, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.partnerA}`, 'Content-Type': 'application/json' },
      body: '{"answers": {',
    })
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as ErrorBody).error.code).toBe('bad_request')

    const huge = await t.app.request(URL, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.partnerA}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { biggest_gap: 'x'.repeat(2 * 1024 * 1024) } }),
    })
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as ErrorBody).error.code).toBe('payload_too_large')

    const plain = await t.app.request(URL, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.partnerA}`, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ answers: valid() }),
    })
    expect(plain.status).toBe(415)
    expect(((await plain.json()) as ErrorBody).error.code).toBe('unsupported_media_type')

    const wrongShape = await t.send('POST', URL, t.partnerA, { answers: valid(), draft: 'yes' })
    expect(wrongShape.status).toBe(400)
    const notObject = await t.send('POST', URL, t.partnerA, { answers: [1, 2] })
    expect(notObject.status).toBe(422)

    expect(await t.count()).toBe(0)
    const ok = await t.send('POST', URL, t.partnerA, { answers: valid() })
    expect(ok.status).toBe(201)
    const health = await t.app.request('/healthz')
    expect(health.status).toBe(200)
  })

  it('never leaks a stack trace for unknown routes or questionnaires', async () => {
    const res = await t.send('POST', '/api/surveys/nope/responses', t.partnerA, { answers: {} })
    expect(res.status).toBe(404)
    const text = await res.text()
    expect(text).not.toMatch(/at .*\.ts:\d+/)
    expect((await t.app.request('/api/nothing')).status).toBe(404)
  })
})

describe('the shipped indicator report', () => {
  it('refuses more women borrowers than borrowers through the API', async () => {
    const app = await createTestApp()
    try {
      const answers = {
        period_type: 'quarterly',
        period_end: '2025-03-31',
        institution: 'Kondo Jigima',
        branch: 'Caisse de Fana',
        branch_region: 'koulikoro',
        members: 5000,
        borrowers_active: 1000,
        borrowers_women: 1200,
        portfolio_outstanding_xof: 250_000_000,
        par30_pct: 4.5,
        data_source: 'mis',
      }
      const url = '/api/surveys/mfi-indicators/responses'
      const res = await app.send('POST', url, app.partnerA, { answers, language: 'fr' })
      expect(res.status).toBe(422)
      const body = (await res.json()) as ErrorBody
      expect(body.error.details.map((d) => d.question)).toContain('borrowers_women')
      expect(await app.count()).toBe(0)
      const ok = await app.send('POST', url, app.partnerA, {
        answers: { ...answers, borrowers_women: 640 },
      })
      expect(ok.status).toBe(201)
    } finally {
      await app.close()
    }
  })
})
