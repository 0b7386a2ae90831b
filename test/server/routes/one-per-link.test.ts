import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { insertResponse } from '../../../server/db/repositories/responses.ts'
import { isRecord } from '../../../surveys/json.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { walkElements } from '../../../surveys/walk.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

/** The example questionnaire twice: `ballot` declares one response per link, `open` does not. */
function surveys(): Record<string, SurveyJson> {
  const json = JSON.parse(
    readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'),
  ) as SurveyJson
  const gapkit = json.gapkit as Record<string, unknown>
  return { ballot: { ...json, gapkit: { ...gapkit, onePerLink: true } }, open: json }
}

const BALLOT = '/api/surveys/ballot/responses'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp(surveys())
})
afterEach(async () => {
  await t.close()
})

interface View {
  id: string
  status: string
  answers: Record<string, unknown>
  submissionKey: string | null
  review: { status: string; note: string | null }
}
interface ErrorBody {
  error: { code: string; message: string }
}

const answers = (satisfaction: number) => ({ ...exampleAnswers(), satisfaction })

async function post(token: string, body: Record<string, unknown>, url = BALLOT) {
  const res = await t.send('POST', url, token, body)
  return { status: res.status, body: (await res.json()) as View & ErrorBody }
}

async function historyRows(id: string) {
  return t.db.kysely
    .selectFrom('response_history')
    .selectAll()
    .where('response_id', '=', id)
    .orderBy('id')
    .execute()
}

describe('onePerLink: a second submission from the same link replaces the first', () => {
  it('keeps one response with the first id and the new answers; the old ones go to history', async () => {
    const first = await post(t.partnerA, { answers: answers(2), submissionKey: 'k1' })
    expect(first.status).toBe(201)
    await t.send('POST', '/api/surveys/ballot/reviews', t.admin, {
      ids: [first.body.id],
      status: 'approved',
      note: 'ok',
    })
    const second = await post(t.partnerA, { answers: answers(5), submissionKey: 'k2' })
    expect(second.status).toBe(200)
    expect(second.body.id).toBe(first.body.id)
    expect(second.body.answers.satisfaction).toBe(5)
    expect(second.body.review).toMatchObject({ status: 'pending', note: null })
    expect(await t.count({ survey: 'ballot' })).toBe(1)

    const history = await historyRows(first.body.id)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ survey: 'ballot', reason: 'replaced', status: 'submitted' })
    expect(JSON.parse(history[0]?.answers ?? '{}').satisfaction).toBe(2)
    const actions = (await listAudit(t.db.kysely, { entityId: first.body.id })).map((a) => a.action)
    expect(actions).toEqual([
      'response.submit',
      'response.review.approved',
      'response.review.reset',
      'response.replace',
    ])
  })

  it('answers a retry of either key with the one response (200), changing nothing', async () => {
    const first = await post(t.partnerA, { answers: answers(2), submissionKey: 'k1' })
    await post(t.partnerA, { answers: answers(5), submissionKey: 'k2' })
    for (const key of ['k2', 'k1']) {
      const retry = await post(t.partnerA, { answers: answers(3), submissionKey: key })
      expect(retry.status, key).toBe(200)
      expect(retry.body.id).toBe(first.body.id)
      expect(retry.body.answers.satisfaction).toBe(5)
    }
    expect(await historyRows(first.body.id)).toHaveLength(1)
  })

  it('stores one row when two second submissions from one link arrive at once', async () => {
    const first = await post(t.partnerA, { answers: answers(1), submissionKey: 'k0' })
    const results = await Promise.all(
      [2, 3, 4, 5].map((s) => post(t.partnerA, { answers: answers(s), submissionKey: `k${s}` })),
    )
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(new Set(results.map((r) => r.body.id))).toEqual(new Set([first.body.id]))
    expect(await t.count({ survey: 'ballot' })).toBe(1)
    expect(await historyRows(first.body.id)).toHaveLength(4)
  })

  it('also keeps one row when the very first submissions race', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((s) => post(t.partnerA, { answers: answers(s), submissionKey: `r${s}` })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201])
    expect(await t.count({ survey: 'ballot' })).toBe(1)
  })

  it('resumes the link’s draft from a new device instead of starting a second one', async () => {
    const draft = await post(t.partnerA, {
      answers: { stakeholder: 'bank' },
      draft: true,
      submissionKey: 'device-1',
    })
    expect(draft.status).toBe(201)
    const other = await post(t.partnerA, {
      answers: { stakeholder: 'mfi' },
      draft: true,
      submissionKey: 'device-2',
    })
    expect(other.status).toBe(200)
    expect(other.body).toMatchObject({ id: draft.body.id, status: 'draft' })
    expect(other.body.answers).toEqual({ stakeholder: 'mfi' })
    const submitted = await post(t.partnerA, { answers: answers(4), submissionKey: 'device-3' })
    expect(submitted.body).toMatchObject({ id: draft.body.id, status: 'submitted' })
    expect(await t.count({ survey: 'ballot' })).toBe(1)
    // Each device's draft answers stay in the history: nothing typed is lost.
    const history = await historyRows(draft.body.id)
    expect(
      history.map((h) => [h.reason, h.status, h.submission_key, JSON.parse(h.answers)]),
    ).toEqual([
      ['replaced', 'draft', 'device-1', { stakeholder: 'bank' }],
      ['replaced', 'draft', 'device-2', { stakeholder: 'mfi' }],
    ])
  })

  it('refuses a new draft once the link has submitted (409), keeping the counted ballot', async () => {
    const first = await post(t.partnerA, { answers: answers(2) })
    const draft = await post(t.partnerA, { answers: { stakeholder: 'bank' }, draft: true })
    expect(draft.status).toBe(409)
    expect(draft.body.error.code).toBe('already_submitted')
    const stored = await t.send('GET', `/api/responses/${first.body.id}`, t.partnerA)
    expect(((await stored.json()) as View).status).toBe('submitted')
  })

  it('starts a new response in a new wave', async () => {
    const first = await post(t.partnerA, { answers: answers(2) })
    // As if it came in last year's round (the default wave moved on since).
    await t.db.kysely
      .updateTable('responses')
      .set({ wave: '2025' })
      .where('id', '=', first.body.id)
      .execute()
    const next = await post(t.partnerA, { answers: answers(5) })
    expect(next.status).toBe(201)
    expect(next.body.id).not.toBe(first.body.id)
    expect(await t.count({ survey: 'ballot' })).toBe(2)
  })

  it('keeps links, regions, admins and questionnaires without the setting apart', async () => {
    await post(t.partnerA, { answers: answers(2) })
    await post(t.partnerB, { answers: answers(3) })
    // The admin enters responses on behalf of regions: each one counts.
    for (const s of [4, 5]) {
      const res = await post(t.admin, { answers: answers(s), region: 'FR-93' })
      expect(res.status).toBe(201)
    }
    for (const s of [1, 2]) {
      expect(
        (await post(t.partnerA, { answers: answers(s) }, '/api/surveys/open/responses')).status,
      ).toBe(201)
    }
    expect(await t.count({ survey: 'ballot' })).toBe(4)
    expect(await t.count({ survey: 'open' })).toBe(2)
  })
})

describe('the shipped best-practice vote', () => {
  const VOTE = '/api/surveys/best-practice-vote'
  const cells = (n: number) => ({
    relevance: n,
    evidence: n,
    sustainability: n,
    transferability: n,
    vulnerable_reach: n,
    innovation: n,
  })
  /** A valid ballot of a FR-93 voter ranking `first` first. */
  function ballot(app: TestApp, first: string) {
    const json = app.registry.get('best-practice-vote')?.json ?? {}
    const found = [...walkElements(json)].find((e) => e.element.name === 'scores')
    const rows = Array.isArray(found?.element.rows) ? found.element.rows : []
    const codes = rows.map((r) => (isRecord(r) ? String(r.value) : String(r)))
    const scores = Object.fromEntries(
      codes.filter((c) => !c.startsWith('FR-93:')).map((c) => [c, cells(3)]),
    )
    return { scores, top3: [first] }
  }
  interface VoteDoc {
    special: { ballots: number; notes: string[]; practices: { value: string; borda: number }[] }
  }

  it('declares one response per link, and counts one ballot per link, also of older data', async () => {
    const app = await createTestApp()
    try {
      expect(app.registry.get('best-practice-vote')?.gapkit.onePerLink).toBe(true)
      const first = await app.send('POST', `${VOTE}/responses`, app.partnerA, {
        answers: ballot(app, 'IT-BO:permicro'),
      })
      expect(first.status, await first.clone().text()).toBe(201)
      const second = await app.send('POST', `${VOTE}/responses`, app.partnerA, {
        answers: ballot(app, 'SE-VG:jak-bank'),
      })
      expect(second.status).toBe(200)
      const stored = await app.db.kysely
        .selectFrom('responses')
        .selectAll()
        .where('survey', '=', 'best-practice-vote')
        .executeTakeFirstOrThrow()
      // An earlier ballot of the same link, stored before one response per link was enforced.
      const at = '2025-01-01T00:00:00.000Z'
      await insertResponse(app.db.kysely, {
        ...stored,
        id: '00000000-0000-7000-8000-000000000001',
        answers: JSON.stringify(ballot(app, 'RO-BI:good-bee')),
        submitted_at: at,
        created_at: at,
        updated_at: at,
        submission_key: null,
      })
      // The lead partner enters two ballots for a region: no link, both count.
      for (const top of ['RO-BI:good-bee', 'RO-BI:good-bee']) {
        const res = await app.send('POST', `${VOTE}/responses`, app.admin, {
          answers: ballot(app, top),
          region: 'FR-93',
        })
        expect(res.status).toBe(201)
      }
      const res = await app.send('GET', `${VOTE}/analysis`, app.admin)
      expect(res.status).toBe(200)
      const doc = (await res.json()) as VoteDoc
      expect(doc.special.ballots).toBe(3)
      const borda = Object.fromEntries(doc.special.practices.map((p) => [p.value, p.borda]))
      expect([borda['SE-VG:jak-bank'], borda['IT-BO:permicro'], borda['RO-BI:good-bee']]).toEqual([
        3, 0, 6,
      ])
      expect(doc.special.notes).toContain(
        'Only the latest ballot of each partner link counts: 1 earlier one(s) left out.',
      )
    } finally {
      await app.close()
    }
  })
})
