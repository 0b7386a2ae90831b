/**
 * Property-based fuzz test of the responses API (fast-check): arbitrary JSON bodies and answer
 * shapes drawn from each shipped questionnaire's own questions, rows, columns and choices, mixed
 * with wrong types, unknown names, emptied fields, long texts and hostile sizes, sent as
 * creations, drafts and draft updates. Whatever the body: never a 500, never an invalid
 * response stored (every stored one passes the reference validator again), and never more than
 * 50 ms of work on the event loop for one request.
 */

import fs from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LIMITS } from '../../../server/config.ts'
import { isRecord } from '../../../surveys/json.ts'
import { createModel } from '../../../surveys/survey-model.ts'
import { compileReferenceValidator } from '../../../surveys/validate/index.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'
import { describeQuestions, type QuestionInfo } from '../../surveys/validate/fast-cases.ts'

const SURVEYS = ['microfinance-gap', 'good-practice', 'codesign-challenge', 'mfi-indicators']
const EXPECTED = new Set([200, 201, 400, 403, 404, 409, 413, 415, 422])
/** The budget of one request's synchronous work (issue 16). */
const BUDGET_MS = 50

let t: TestApp
beforeAll(async () => {
  t = await createTestApp(undefined, { limits: NO_LIMITS })
})
afterAll(async () => {
  await t.close()
})

const wild = fc.oneof(
  fc.constantFrom('', ' ', null, 0, -1, 1.5, 1e21, true, 'other', 'dk', [], {}),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
)

/** A value for one question: mostly of its own shape, sometimes anything at all. */
function valueFor(q: QuestionInfo): fc.Arbitrary<unknown> {
  const choice = q.choices.length > 0 ? fc.constantFrom(...q.choices) : wild
  const cell = (values: unknown[]) => (values.length > 0 ? fc.constantFrom(...values) : wild)
  const own: fc.Arbitrary<unknown>[] = [wild]
  if (q.kind === 'choice' || q.kind === 'rating') {
    own.push(q.scale.length > 0 ? fc.constantFrom(...q.scale) : choice)
  }
  if (q.kind === 'choices' || q.kind === 'ranking') {
    own.push(fc.uniqueArray(choice, { maxLength: q.choices.length + 1 }), fc.array(wild))
  }
  if (q.kind === 'text' || q.kind === 'comment') {
    own.push(fc.string({ maxLength: 50 }), fc.constantFrom('a'.repeat(1_001), 'é'.repeat(12_000)))
  }
  if (q.kind === 'number') own.push(fc.double(), fc.constantFrom('', '12', 'abc'))
  if (q.kind === 'boolean' && q.booleans.length > 0) own.push(fc.constantFrom(...q.booleans))
  if (q.kind === 'matrix' && q.rows.length > 0) {
    const rows = [...q.rows, 'unknown-row']
    own.push(fc.dictionary(fc.constantFrom(...rows), cell(q.columns)))
  }
  if (q.kind === 'matrixdropdown' && q.rows.length > 0) {
    const columns = q.cells.map((c) => c.name)
    const row = fc.dictionary(fc.constantFrom(...columns, 'nope'), cell(q.cells[0]?.values ?? []))
    own.push(fc.dictionary(fc.constantFrom(...q.rows, 'x'), row))
  }
  return fc.oneof(...own)
}

/** Answers of one questionnaire: some of its questions, "Other" texts, unknown names. */
function answersFor(questions: QuestionInfo[]): fc.Arbitrary<unknown> {
  const entry = fc.oneof(
    ...questions.map((q) => valueFor(q).map((v) => [q.name, v] as const)),
    fc
      .constantFrom(...questions.filter((q) => q.other).map((q) => `${q.name}-Comment`), 'zzz')
      .chain((name) => fc.oneof(fc.string(), wild).map((v) => [name, v] as const)),
  )
  const record = fc.array(entry, { maxLength: 12 }).map((pairs) => Object.fromEntries(pairs))
  // Some of the questionnaire's own values only: often a valid draft, sometimes a submission.
  const plausible = fc
    .subarray(questions)
    .chain((qs) => fc.tuple(...qs.map((q) => valueFor(q).map((v) => [q.name, v] as const))))
    .map((pairs) => Object.fromEntries(pairs))
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 3, arbitrary: plausible },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: wild },
  )
}

/** A hostile size now and then: many unknown rows, deep nesting, a huge text. */
const hostile = fc.constantFrom(
  { importance: Object.fromEntries(Array.from({ length: 9_000 }, (_, i) => [`r${i}`, 1])) },
  { importance: Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`r${i}`, 1])) },
  { barriers: Array.from({ length: 9_000 }, (_, i) => `b${i}`) },
  { biggest_gap: 'x'.repeat(900_000) },
  { 'stakeholder_type-Comment': 'y'.repeat(500_000), stakeholder_type: 'other' },
)

interface Sent {
  status: number
  /** The event loop's own work for the request, in ms (see `mainThreadNs`). */
  ms: number
  body: unknown
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`

/**
 * Nanoseconds the main thread (the event loop) has spent on a CPU, from Linux's schedstat:
 * neither time waiting for a CPU on a busy machine nor V8's compiler and GC threads count.
 * Null where the kernel does not offer it.
 */
function mainThreadNs(): number | null {
  try {
    return Number(fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[0])
  } catch {
    return null
  }
}

async function sendOnce(method: string, url: string, body: string): Promise<Sent> {
  const thread = mainThreadNs()
  const started = performance.now()
  const cpu = process.cpuUsage()
  const res = await t.app.request(url, {
    method,
    headers: { authorization: `Bearer ${t.partnerA}`, 'content-type': 'application/json' },
    body,
  })
  const text = await res.text()
  const used = process.cpuUsage(cpu)
  const threadAfter = mainThreadNs()
  // Without schedstat, two upper bounds of the event loop's own work: the wall time also counts
  // other processes on a busy machine, the process's CPU time also V8's other threads.
  const ms =
    thread !== null && threadAfter !== null
      ? (threadAfter - thread) / 1e6
      : Math.min(performance.now() - started, (used.user + used.system) / 1000)
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: res.status, ms, body: parsed }
}

/**
 * Sends one request and times it. A time over the budget is measured again (the same request,
 * up to four times more) and the least is kept: a slice of time can belong to another process
 * or to V8 compiling in the background, never less than the request's own work.
 */
async function send(method: string, url: string, body: string): Promise<Sent> {
  const first = await sendOnce(method, url, body)
  let ms = first.ms
  for (let i = 0; i < 4 && ms >= BUDGET_MS; i++) {
    ms = Math.min(ms, (await sendOnce(method, url, body)).ms)
  }
  return { ...first, ms }
}

describe('fuzzing the responses API', () => {
  it('never answers 500, never stores an invalid response, never blocks for 50 ms', async () => {
    const times: number[] = []
    const created: { id: string; survey: string }[] = []
    for (const survey of SURVEYS) {
      const questions = describeQuestions(createModel(t.registry.get(survey)?.json ?? {}))
      const url = `/api/surveys/${survey}/responses`
      // The first requests of a questionnaire compile its fast path and warm survey-core's
      // checks, once per process.
      await send('POST', url, JSON.stringify({ answers: {}, draft: true }))
      for (let i = 0; i < 3; i++) await send('POST', url, JSON.stringify({ answers: { x: i } }))
      const body = fc.record(
        {
          answers: fc.oneof(
            { weight: 9, arbitrary: answersFor(questions) },
            { weight: 1, arbitrary: hostile },
          ),
          draft: fc.boolean(),
          language: fc.constantFrom('en', 'fr', 'xx'),
          submissionKey: fc.string({ minLength: 1, maxLength: 8 }),
        },
        { requiredKeys: ['answers'] },
      )
      const text = fc.oneof(
        { weight: 12, arbitrary: body.map((b) => JSON.stringify(b)) },
        { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
      )
      await fc.assert(
        fc.asyncProperty(text, fc.boolean(), async (payload, update) => {
          const target = update ? created.find((c) => c.survey === survey) : undefined
          const sent = target
            ? await send('PUT', `/api/responses/${target.id}`, payload)
            : await send('POST', url, payload)
          expect(EXPECTED.has(sent.status), `${sent.status} ${JSON.stringify(sent.body)}`).toBe(
            true,
          )
          times.push(sent.ms)
          if (process.env.FUZZ_DEBUG && sent.ms > 30) {
            console.log(sent.ms.toFixed(1), sent.status, survey, payload.slice(0, 200))
          }
          if (sent.status === 201 && isRecord(sent.body) && typeof sent.body.id === 'string') {
            created.push({ id: sent.body.id, survey })
          }
        }),
        { numRuns: 60, seed: 1616 + SURVEYS.indexOf(survey) },
      )
    }
    // Every stored response passes the reference validator again, in its own mode.
    const rows = await t.db.kysely
      .selectFrom('responses')
      .select(['survey', 'region_id', 'status', 'answers'])
      .execute()
    expect(rows.length).toBeGreaterThan(SURVEYS.length * 3)
    const references = new Map(
      SURVEYS.map((s) => [s, compileReferenceValidator(t.registry.get(s)?.json ?? {})]),
    )
    for (const row of rows) {
      const mode = row.status === 'draft' ? 'draft' : 'submit'
      const result = references
        .get(row.survey)
        ?.validate(JSON.parse(row.answers), { mode, variables: { region: row.region_id } })
      expect(result?.ok, row.answers.slice(0, 300)).toBe(true)
    }
    times.sort((a, b) => a - b)
    const worst = times.at(-1) ?? 0
    console.log(
      `fuzz: ${times.length} requests, ${rows.length} stored; time per request median ` +
        `${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    )
    expect(worst).toBeLessThan(BUDGET_MS)
  }, 120_000)
})
