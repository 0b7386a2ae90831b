import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

const URL = '/api/surveys/example/responses'
const REVIEWS = '/api/surveys/example/reviews'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterEach(async () => {
  await t.close()
})

interface Stored {
  id: string
  status: string
  review: { status: string; note: string | null; at: string | null }
}
interface ErrorBody {
  error: { code: string; message: string; details: { field?: string; message: string }[] }
}

async function create(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.send('POST', URL, token, body)
  expect(res.status).toBe(201)
  return ((await res.json()) as Stored).id
}

async function stored(id: string) {
  return t.db.kysely
    .selectFrom('responses')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

describe('POST /api/surveys/:id/reviews: the note belongs to one decision', () => {
  it('stores no note for a note-less approval after a rejection with a note', async () => {
    const id = await create(t.partnerA, { answers: exampleAnswers() })
    const reject = await t.send('POST', REVIEWS, t.admin, {
      ids: [id],
      status: 'rejected',
      note: 'duplicate of FR-93 #2',
    })
    expect(reject.status).toBe(200)
    expect((await stored(id)).review_note).toBe('duplicate of FR-93 #2')
    const approve = await t.send('POST', REVIEWS, t.admin, { ids: [id], status: 'approved' })
    expect(approve.status).toBe(200)
    const row = await stored(id)
    expect(row.review_status).toBe('approved')
    expect(row.review_note).toBeNull()
    const read = (await (await t.send('GET', `/api/responses/${id}`, t.admin)).json()) as Stored
    expect(read.review).toMatchObject({ status: 'approved', note: null })
    const audit = await listAudit(t.db.kysely, { entity: 'response', entityId: id })
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['response.submit', expect.any(String)],
      ['response.review.rejected', JSON.stringify({ note: 'duplicate of FR-93 #2' })],
      ['response.review.approved', null],
    ])
  })
})

describe('POST /api/surveys/:id/reviews: drafts are not reviewed', () => {
  it('refuses to review a draft (409 naming it) and changes nothing', async () => {
    const draft = await create(t.partnerA, { answers: { stakeholder: 'bank' }, draft: true })
    const res = await t.send('POST', REVIEWS, t.admin, { ids: [draft], status: 'approved' })
    expect(res.status).toBe(409)
    const body = (await res.json()) as ErrorBody
    expect(body.error.code).toBe('review_of_draft')
    expect(body.error.message).toContain(draft)
    expect((await stored(draft)).review_status).toBe('pending')
  })

  it('refuses a bulk review that includes drafts, listing them, and changes none of the ids', async () => {
    const submitted = await create(t.partnerA, { answers: exampleAnswers() })
    const draftA = await create(t.partnerA, { answers: { stakeholder: 'bank' }, draft: true })
    const draftB = await create(t.partnerB, { answers: { stakeholder: 'mfi' }, draft: true })
    const res = await t.send('POST', REVIEWS, t.admin, {
      ids: [submitted, draftA, 'no-such-id', draftB],
      status: 'rejected',
      note: 'spam',
    })
    expect(res.status).toBe(409)
    const body = (await res.json()) as ErrorBody
    expect(body.error.message).toContain(draftA)
    expect(body.error.message).toContain(draftB)
    expect(body.error.message).not.toContain(submitted)
    expect(body.error.details.map((d) => d.message).sort()).toEqual(
      [draftA, draftB].map((id) => `${id} is a draft`).sort(),
    )
    for (const id of [submitted, draftA, draftB]) {
      const row = await stored(id)
      expect([row.review_status, row.review_note]).toEqual(['pending', null])
    }
    expect((await listAudit(t.db.kysely)).some((a) => a.action.startsWith('response.review'))).toBe(
      false,
    )
  })

  it('resets an approval given to a draft (before drafts were refused) when it is submitted', async () => {
    const draft = await create(t.partnerA, { answers: { stakeholder: 'bank' }, draft: true })
    // Data stored before drafts were refused review: a draft approved with a note.
    await t.db.kysely
      .updateTable('responses')
      .set({
        review_status: 'approved',
        review_note: 'looks fine',
        reviewed_by: 'token:1',
        reviewed_at: '2026-01-02T00:00:00.000Z',
      })
      .where('id', '=', draft)
      .execute()
    const submit = await t.send('PUT', `/api/responses/${draft}`, t.partnerA, {
      answers: exampleAnswers(),
    })
    expect(submit.status).toBe(200)
    expect(((await submit.json()) as Stored).review).toEqual({
      status: 'pending',
      note: null,
      at: null,
    })
    const row = await stored(draft)
    expect([row.review_status, row.review_note, row.reviewed_by, row.reviewed_at]).toEqual([
      'pending',
      null,
      null,
      null,
    ])
    const reset = (await listAudit(t.db.kysely, { entityId: draft })).find(
      (a) => a.action === 'response.review.reset',
    )
    expect(JSON.parse(reset?.details ?? '{}')).toMatchObject({
      previous: 'approved',
      reason: 'edited',
    })
  })
})
