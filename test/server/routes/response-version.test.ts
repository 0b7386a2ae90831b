import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureSurveyVersion } from '../../../server/db/repositories/survey-versions.ts'
import { surveyVersion } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

/**
 * Version 1 of the example asks for a contact e-mail; version 2 (the file today) dropped that
 * question, so an answer to it is valid for version 1 only.
 */
const v1 = JSON.parse(
  readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'),
) as SurveyJson
const v2 = structuredClone(v1)
const pages = v2.pages as { elements: { name: string }[] }[]
const first = pages[0]
if (first) first.elements = first.elements.filter((e) => e.name !== 'email')

const URL = '/api/surveys/example/responses'
const answersV1 = () => ({ ...exampleAnswers(), email: 'desk@coop.ml' })
const answersV2 = () => {
  const { email: _, ...rest } = exampleAnswers()
  return rest
}

let t: TestApp
beforeEach(async () => {
  t = await createTestApp({ example: v2 })
  await ensureSurveyVersion(
    t.db.kysely,
    { survey: 'example', version: surveyVersion(v1), definition: JSON.stringify(v1) },
    '2026-01-01T00:00:00.000Z',
  )
})
afterEach(async () => {
  await t.close()
})

const stored = async (id: string) =>
  t.db.kysely.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('a response names the questionnaire version it answered', () => {
  it('is checked against that stored version and recorded with it', async () => {
    const version = surveyVersion(v1)
    const res = await t.send('POST', URL, t.partnerA, {
      answers: answersV1(),
      submissionKey: 'queued-offline',
      version,
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: string; version: string }
    expect(body.version).toBe(version)
    expect((await stored(body.id)).version).toBe(version)
    // The same answers against the current version: the e-mail question no longer exists.
    const now = await t.send('POST', URL, t.partnerA, { answers: answersV1() })
    expect(now.status).toBe(422)
  })

  it('submits a draft by its id against the version named, and moves it there', async () => {
    const version = surveyVersion(v1)
    const draft = await t.send('POST', URL, t.partnerA, {
      answers: { stakeholder: 'mfi' },
      draft: true,
    })
    expect(draft.status).toBe(201)
    const { id } = (await draft.json()) as { id: string }
    expect((await stored(id)).version).toBe(t.registry.get('example')?.version)
    const put = await t.send('PUT', `/api/responses/${id}`, t.partnerA, {
      answers: answersV1(),
      version,
    })
    expect(put.status).toBe(200)
    const row = await stored(id)
    expect([row.status, row.version]).toEqual(['submitted', version])
  })

  it('refuses a version the server never handed out, naming the current one', async () => {
    const res = await t.send('POST', URL, t.partnerA, {
      answers: answersV2(),
      version: 'ffffffffffffffff',
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { message: string } }
    expect(body.error.message).toContain('ffffffffffffffff')
    expect(body.error.message).toContain(t.registry.get('example')?.version ?? '?')
    expect(await t.count()).toBe(0)
  })

  it('takes the current version when none is named, or when it is named', async () => {
    const current = t.registry.get('example')?.version
    for (const extra of [{}, { version: current }]) {
      const res = await t.send('POST', URL, t.partnerA, { answers: answersV2(), ...extra })
      expect(res.status).toBe(201)
      expect(((await res.json()) as { version: string }).version).toBe(current)
    }
  })
})
