/**
 * Hard limits of validation (surveys/validate/limits.ts, issues.ts): sizes checked first, at
 * most 100 problems listed, default text lengths, an emptied number field, and a bounded cost
 * for hostile answer sets. Every case runs through the fast path and the reference, which must
 * agree.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSurveyRegistry } from '../../../surveys/registry.ts'
import type { Answers, SurveyJson, ValidationResult } from '../../../surveys/types.ts'
import { compileFastValidator, type FastVerdict } from '../../../surveys/validate/fast/index.ts'
import {
  compileReferenceValidator,
  compileValidator,
  type ValidateCallOptions,
} from '../../../surveys/validate/index.ts'
import { MAX_ISSUES } from '../../../surveys/validate/issues.ts'
import {
  ANSWER_LIMITS,
  DEFAULT_TEXT_LENGTH,
  findLimitBreach,
} from '../../../surveys/validate/limits.ts'
import { validationFixtureAnswers } from '../../helpers/valid-answers.ts'

const fixture: SurveyJson = JSON.parse(
  fs.readFileSync(new URL('../../fixtures/validation-survey.json', import.meta.url), 'utf8'),
)
const gap = loadSurveyRegistry('surveys/definitions').get('microfinance-gap')?.json ?? {}
const submit: ValidateCallOptions = { mode: 'submit', variables: { region: 'SI-HEART' } }
const draft: ValidateCallOptions = { mode: 'draft', variables: { region: 'SI-HEART' } }

function validators(json: SurveyJson) {
  const fast = compileFastValidator(json)
  if (!fast.fast) throw new Error(`no fast path: ${fast.reason}`)
  return { fast, reference: compileReferenceValidator(json), combined: compileValidator(json) }
}
const onFixture = validators(fixture)
const onGap = validators(gap)

/** Both validators on one answer set: the same verdict and the same flagged paths. */
function check(answers: unknown, opts = submit, v = onFixture): ValidationResult {
  const verdict: FastVerdict = v.fast.check(answers, opts)
  const result = v.reference.validate(answers, opts)
  const paths = result.ok ? [] : [...new Set(result.errors.map((e) => e.question))].sort()
  if (verdict.ok === 'defer') expect(result.ok).toBe(false)
  else expect(verdict).toEqual(result.ok ? { ok: true } : { ok: false, paths })
  expect(v.combined.validate(answers, opts)).toEqual(result)
  return result
}

const withAnswers = (patch: Answers): Answers => ({ ...validationFixtureAnswers(), ...patch })

describe('size limits, checked before anything else', () => {
  it('finds the first limit an answer set breaks', () => {
    expect(findLimitBreach({ a: 1, b: [1, 2] })).toBeNull()
    expect(findLimitBreach({ a: [1, 2, 3] }, { ...ANSWER_LIMITS, maxValues: 3 })).toEqual({
      key: 'tooManyValues',
      limit: 3,
    })
    expect(findLimitBreach({ a: [[[1]]] }, { ...ANSWER_LIMITS, maxDepth: 3 })).toEqual({
      key: 'tooDeep',
      limit: 3,
    })
    expect(findLimitBreach({ ['x'.repeat(201)]: 1 })).toEqual({ key: 'keyTooLong', limit: 200 })
  })

  it('rejects an oversized answer set with one message for the whole, in both validators', () => {
    const rows = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`r${i}`, 1]))
    const result = check({ performance: rows })
    expect(result).toEqual({
      ok: false,
      errors: [{ question: '', message: expect.stringContaining('more than 10000 values') }],
    })
    let deep: unknown = 1
    for (let i = 0; i < 40; i++) deep = [deep]
    expect(check({ code: deep }).ok).toBe(false)
  })
})

describe('at most 100 problems listed', () => {
  it('lists the first 100 unknown rows and says how many more there were', () => {
    const rows = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`r${i}`, 1]))
    const result = check({ importance: rows }, submit, onGap)
    if (result.ok) throw new Error('accepted')
    expect(result.errors).toHaveLength(MAX_ISSUES + 1)
    expect(result.omitted).toBe(4_900)
    expect(result.errors.at(-1)).toEqual({
      question: '',
      message: '4900 more problems were found: only the first 100 are listed.',
    })
    expect(result.errors[0]).toEqual({
      question: 'importance.r0',
      message: 'There is no row “r0” in this matrix.',
    })
  })

  // Growth, not a time budget (speed is measured in bench/): the fastest of 5 runs of each
  // size, compared. Linear work gives about 10× for 10× the rows; the quadratic scan this
  // guards against gave about 100×.
  it('validates unknown rows in time linear in their number (it was quadratic)', () => {
    const validator = onGap.combined
    const fastest = (count: number) => {
      const rows = Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}`, 1]))
      const text = JSON.stringify({ importance: rows })
      validator.validate(JSON.parse(text), submit) // warm-up: the first call compiles the fast path
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const answers = JSON.parse(text)
        const started = performance.now()
        expect(validator.validate(answers, submit).ok).toBe(false)
        times.push(performance.now() - started)
      }
      return Math.min(...times)
    }
    const small = fastest(900)
    const large = fastest(9_000)
    expect(large / Math.max(small, 0.05)).toBeLessThan(35)
  })

  it('keeps a list of thousands of unknown choices away from survey-core', () => {
    const barriers = Array.from({ length: 9_000 }, (_, i) => `b${i}`)
    const result = check({ barriers }, draft, onGap)
    expect(result).toEqual({
      ok: false,
      errors: [{ question: 'barriers', message: 'At most 1000 entries are allowed here.' }],
    })
    // Cut before survey-core: 9,000 entries cost about what 1,001 do (the fastest of 5 runs of
    // each); inside survey-core they took 100–600 ms, growing with the list.
    const fastest = (count: number) => {
      const text = JSON.stringify({ barriers: Array.from({ length: count }, (_, i) => `b${i}`) })
      onGap.reference.validate(JSON.parse(text), draft)
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const answers = JSON.parse(text)
        const started = performance.now()
        onGap.reference.validate(answers, draft)
        times.push(performance.now() - started)
      }
      return Math.min(...times)
    }
    const atCap = fastest(1_001)
    expect(fastest(9_000) / Math.max(atCap, 0.05)).toBeLessThan(4)
  })

  it('quotes a long value in a message cut to 80 characters', () => {
    const result = check(withAnswers({ channel: 'x'.repeat(5_000) }))
    if (result.ok) throw new Error('accepted')
    const message = result.errors[0]?.message ?? ''
    expect(message.length).toBeLessThan(200)
    expect(message).toContain('…')
  })
})

describe('text lengths', () => {
  it('limits texts without maxLength to the documented defaults', () => {
    const { text, comment, other } = DEFAULT_TEXT_LENGTH
    expect(check(withAnswers({ network_name: 'a'.repeat(text) })).ok).toBe(true)
    expect(check(withAnswers({ network_name: 'a'.repeat(text + 1) }))).toEqual({
      ok: false,
      errors: [
        { question: 'network_name', message: `Please enter no more than ${text} character(s).` },
      ],
    })
    expect(check(withAnswers({ 'area-Comment': 'a'.repeat(other) })).ok).toBe(true)
    // Once the text is taken out, "Other" has no text: survey-core says so too.
    const tooLong = check(withAnswers({ 'area-Comment': 'a'.repeat(other + 1) }))
    expect(tooLong.ok ? [] : tooLong.errors).toContainEqual({
      question: 'area-Comment',
      message: `Please enter no more than ${other} character(s).`,
    })
    const big = { elements: [{ type: 'comment', name: 'story' }] }
    const v = validators(big)
    expect(check({ story: 'a'.repeat(comment) }, submit, v).ok).toBe(true)
    expect(check({ story: 'a'.repeat(comment + 1) }, submit, v).ok).toBe(false)
    // An "Other" text in a draft too: drafts are checked for everything but completeness.
    expect(check(withAnswers({ 'area-Comment': 'a'.repeat(1_000_000) }), draft).ok).toBe(false)
  })

  it('judges a text over its limit before the live checks, in both validators', () => {
    const json = {
      elements: [
        { type: 'text', name: 'a', maxLength: 3 },
        { type: 'text', name: 'b', visibleIf: '{a} notempty' },
      ],
    }
    const v = validators(json)
    // The long text is taken out first: "b" is then not shown, and its answer is refused too.
    const result = check({ a: 'abcd', b: 'x' }, submit, v)
    expect(result.ok ? [] : result.errors.map((e) => e.question)).toEqual(['a', 'b'])
    expect(check({ a: 'abc', b: 'x' }, submit, v).ok).toBe(true)
  })

  it("follows the questionnaire's own limits: the question's, then the survey's", () => {
    const json = {
      maxTextLength: 5_000,
      maxCommentLength: 3,
      elements: [
        { type: 'text', name: 'short', maxLength: 4 },
        { type: 'text', name: 'long' },
        { type: 'radiogroup', name: 'pick', choices: ['a'], showOtherItem: true },
      ],
    }
    const v = validators(json)
    expect(check({ short: 'abcde' }, submit, v).ok).toBe(false)
    expect(check({ long: 'a'.repeat(5_000) }, submit, v).ok).toBe(true)
    expect(check({ pick: 'other', 'pick-Comment': 'abcd' }, submit, v).ok).toBe(false)
    expect(check({ pick: 'other', 'pick-Comment': 'abc' }, submit, v).ok).toBe(true)
  })
})

describe('an emptied number field', () => {
  it('is no answer, as in survey-core: accepted when optional, required when required', () => {
    expect(check(withAnswers({ age: '' }))).toEqual({
      ok: true,
      answers: withAnswers({ age: '' }),
    })
    expect(check(withAnswers({ age: '' }), draft).ok).toBe(true)
    expect(check(withAnswers({ age: 'abc' })).ok).toBe(false)
    const required = {
      elements: [{ type: 'text', name: 'n', inputType: 'number', isRequired: true }],
    }
    const v = validators(required)
    const result = check({ n: '' }, submit, v)
    expect(result).toEqual({ ok: false, errors: [{ question: 'n', message: expect.any(String) }] })
    expect(check({ n: '' }, draft, v).ok).toBe(true)
  })
})
