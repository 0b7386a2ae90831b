/**
 * Server-side answer validation against `test/fixtures/validation-survey.json`, a questionnaire
 * with one question of every kind the validator checks (English and French).
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createModel, surveyJsonErrors } from '../../../surveys/survey-model.ts'
import type { Answers, SurveyJson, ValidationIssue } from '../../../surveys/types.ts'
import {
  compileValidator,
  UnsupportedQuestionnaireError,
  type ValidateCallOptions,
} from '../../../surveys/validate/index.ts'
import { validationFixtureAnswers } from '../../helpers/valid-answers.ts'

const FIXTURE = new URL('../../fixtures/validation-survey.json', import.meta.url)
const fixture: SurveyJson = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'))
const validator = compileValidator(fixture)

const submit: ValidateCallOptions = { mode: 'submit', variables: { region: 'SI-HEART' } }
const draft: ValidateCallOptions = { mode: 'draft', variables: { region: 'SI-HEART' } }

const valid = validationFixtureAnswers

function changed(patch: Answers, ...remove: string[]): Answers {
  const answers = { ...valid(), ...patch }
  for (const key of remove) delete answers[key]
  return answers
}

function issues(answers: unknown, opts: ValidateCallOptions = submit): ValidationIssue[] {
  const result = validator.validate(answers, opts)
  return result.ok ? [] : result.errors
}

/** Asserts that exactly `path` is flagged, with a message; returns that message. */
function onlyFlagged(answers: unknown, path: string, opts = submit): string {
  const found = issues(answers, opts)
  expect(found.map((i) => i.question)).toEqual([path])
  const message = found[0]?.message ?? ''
  expect(message).not.toBe('')
  return message
}

function expectValid(answers: Answers, opts = submit) {
  const result = validator.validate(answers, opts)
  expect(result).toEqual({ ok: true, answers })
}

describe('the fixture', () => {
  it('loads without jsonErrors and keeps the registered gapkit block', () => {
    expect(surveyJsonErrors(fixture)).toEqual([])
    expect(createModel(fixture).toJSON().gapkit).toEqual(fixture.gapkit)
  })

  it('names the element and property of a jsonError', () => {
    const errors = surveyJsonErrors({ elements: [{ type: 'text', name: 'q1', colour: 'red' }] })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('"q1"')
    expect(errors[0]).toContain('colour')
  })

  it('accepts the full valid answer set and returns the input unchanged', () => {
    const answers = valid()
    const result = validator.validate(answers, submit)
    expect(result.ok && result.answers).toBe(answers)
    expect(answers).toEqual(valid())
  })

  it('refuses questionnaires whose answers cannot be checked', () => {
    const json = {
      elements: [{ type: 'dropdown', name: 'c', choicesByUrl: { url: 'https://x.test/c' } }],
    }
    expect(() => compileValidator(json)).toThrow(UnsupportedQuestionnaireError)
  })
})

describe('validate', () => {
  it('1. rejects answers that are not a plain object', () => {
    for (const bad of [null, [], 'answers', 42, [{ org_name: 'x' }]]) {
      expect(issues(bad)).toEqual([{ question: '', message: expect.stringMatching(/object/) }])
    }
  })

  it('2. requires answers on submit: questions, matrix rows, matrixdropdown cells', () => {
    onlyFlagged(changed({}, 'org_name'), 'org_name')
    const fr = onlyFlagged(changed({}, 'org_name'), 'org_name', { ...submit, locale: 'fr' })
    expect(fr).toBe('La réponse à cette question est obligatoire.')
    onlyFlagged(changed({ performance: { regulation: 2 } }), 'performance')
    const noCell = { y2023: { borrowers: 1 }, y2024: { product: 'savings' } }
    onlyFlagged(changed({ indicators: noCell }), 'indicators.y2024.borrowers')
    onlyFlagged(changed({ area: 'other' }, 'area-Comment'), 'area')
    expectValid(changed({ area: 'rural' }, 'area-Comment'))
  })

  it('2. skips completeness in draft mode but still rejects unknown choices', () => {
    expectValid({}, draft)
    expectValid({ org_name: 'Coop', products: ['savings'], performance: { funding: 1 } }, draft)
    // An expression validator that reads a still-empty answer waits for it in a draft.
    expectValid({ women_staff: 5 }, draft)
    onlyFlagged(changed({ women_staff: 5 }, 'staff'), 'women_staff')
    onlyFlagged({ products: ['savings', 'gold'] }, 'products', draft)
    onlyFlagged({ org_name: 'x'.repeat(21) }, 'org_name', draft)
  })

  it('3. runs validators, lengths and number ranges', () => {
    const regex = onlyFlagged(changed({ code: 'ab123' }), 'code')
    expect(regex).toBe('The answer is not in the expected format.')
    onlyFlagged(changed({ email: 'not-an-address' }), 'email')
    onlyFlagged(changed({ age: 12 }), 'age')
    onlyFlagged(changed({ age: 121 }), 'age')
    onlyFlagged(changed({ age: '45' }), 'age')
    expect(onlyFlagged(changed({ staff: 5000 }), 'staff')).toBe('Between 0 and 1000.')
    const fr = onlyFlagged(changed({ women_staff: 13 }), 'women_staff', { ...submit, locale: 'fr' })
    expect(fr).toBe("Les femmes ne peuvent pas dépasser l'effectif.")
    onlyFlagged(changed({ founded: '2999-01-01' }), 'founded')
    onlyFlagged(changed({ motto: 'ab' }), 'motto')
    onlyFlagged(changed({ motto: 'x'.repeat(31) }), 'motto')
    onlyFlagged(changed({ org_name: 'x'.repeat(21) }), 'org_name')
    onlyFlagged(changed({ notes: 'x'.repeat(51) }), 'notes')
    expectValid(changed({ age: 18, staff: 0, women_staff: 0, founded: '1990-01-31', motto: 'abc' }))
  })

  it('4. rejects values that are not (visible) choices', () => {
    onlyFlagged(changed({ area: 'coastal' }, 'area-Comment'), 'area')
    onlyFlagged(changed({ channel: 'post' }, 'agent_count'), 'channel')
    onlyFlagged(changed({ products: ['savings', 'Credit'] }), 'products')
    onlyFlagged(changed({ tags: ['women', 'elders'] }), 'tags')
    onlyFlagged(changed({ logo: 'cat' }), 'logo')
    onlyFlagged(changed({ priorities: ['trust', 'access', 'price'] }), 'priorities')
    // `choicesVisibleIf: {item} notcontains {region}`: no vote for one's own region.
    onlyFlagged(changed({ vote: ['SI-HEART'] }), 'vote')
    expectValid(changed({ vote: ['SI-HEART'] }), { ...submit, variables: { region: 'FR-93' } })
    onlyFlagged(changed({ vote: ['none', 'FR-93'] }), 'vote')
    expectValid(changed({ vote: ['none'] }))
    onlyFlagged(changed({ area: 'rural' }), 'area-Comment')
  })

  it('5. rejects unknown question names, allowing comments where they exist', () => {
    const fr = onlyFlagged(changed({ orgname: 'x' }), 'orgname', { ...submit, locale: 'fr' })
    expect(fr).toBe('Ce questionnaire ne contient pas de question nommée « orgname ».')
    // An unknown locale falls back to the questionnaire's language.
    const de = onlyFlagged(changed({ orgname: 'x' }), 'orgname', { ...submit, locale: 'de' })
    expect(de).toBe('There is no question named “orgname” in this questionnaire.')
    onlyFlagged(changed({ 'org_name-Comment': 'x' }), 'org_name-Comment')
    expectValid(changed({ 'area-Comment': 'Peri-urban' }))
  })

  it('6. rejects answers to hidden questions on submit and keeps them in drafts', () => {
    const hidden = changed({ products: ['savings', 'insurance'] })
    const message = onlyFlagged(hidden, 'loan_size')
    expect(message).toContain('not shown')
    onlyFlagged(changed({ member: false }), 'network_name')
    onlyFlagged(changed({ channel: 'branch' }), 'agent_count')
    const result = validator.validate(hidden, draft)
    expect(result.ok && result.answers.loan_size).toBe(800)
    onlyFlagged(changed({ products: ['savings'], loan_size: 'big' }), 'loan_size', draft)
  })

  it('7. checks matrix rows and columns and matrixdropdown cells', () => {
    onlyFlagged(
      changed({ performance: { regulation: 3, funding: 5, other: 1 } }),
      'performance.other',
    )
    onlyFlagged(changed({ performance: { regulation: 9, funding: 5 } }), 'performance.regulation')
    const cells = (y2023: Answers, extra: Answers = {}) =>
      changed({ indicators: { y2023, y2024: { borrowers: 12 }, ...extra } })
    onlyFlagged(cells({ borrowers: 1 }, { y2099: { borrowers: 1 } }), 'indicators.y2099')
    onlyFlagged(cells({ borrowers: 1, size: 3 }), 'indicators.y2023.size')
    onlyFlagged(cells({ borrowers: 1, product: 'gold' }), 'indicators.y2023.product')
    onlyFlagged(cells({ borrowers: -1 }), 'indicators.y2023.borrowers')
    onlyFlagged(cells({ borrowers: 'ten' }), 'indicators.y2023.borrowers')
    onlyFlagged(cells({ borrowers: 1, quality: 4 }), 'indicators.y2023.quality')
    expectValid(cells({ borrowers: 0, product: 'savings', quality: 3 }))
  })

  it('8. enforces minSelectedChoices (submit only) and maxSelectedChoices', () => {
    const products = ['savings', 'credit', 'insurance', 'leasing']
    onlyFlagged(changed({ products }), 'products')
    onlyFlagged(changed({ products: ['insurance'] }, 'loan_size'), 'products')
    expectValid(changed({ products: ['insurance'] }, 'loan_size'), draft)
    expectValid(changed({ products: products.slice(0, 3) }))
  })

  it('9. rejects ratings outside the scale', () => {
    for (const satisfaction of [0, 6, 4.5, '4', [4]]) {
      onlyFlagged(changed({ satisfaction }), 'satisfaction')
    }
    onlyFlagged(changed({ effort: 3 }), 'effort')
    expectValid(changed({ satisfaction: 1, effort: 10 }))
  })

  it('10. rejects non-boolean values, respecting valueTrue/valueFalse', () => {
    onlyFlagged(changed({ member: 'yes' }, 'network_name'), 'member')
    onlyFlagged(changed({ member: 1 }, 'network_name'), 'member')
    const message = onlyFlagged(changed({ consent: true }), 'consent')
    expect(message).toBe('The answer must be yes or no.')
    expectValid(changed({ member: false, consent: 'no' }, 'network_name'))
  })

  it('11. rejects wrong JSON types', () => {
    onlyFlagged(changed({ org_name: { first: 'Coop' } }), 'org_name')
    onlyFlagged(changed({ notes: 42 }), 'notes')
    onlyFlagged(changed({ products: 'savings' }, 'loan_size'), 'products')
    onlyFlagged(changed({ priorities: 'trust' }), 'priorities')
    onlyFlagged(changed({ priorities: ['trust', 'trust', 'cost'] }), 'priorities')
    onlyFlagged(changed({ priorities: ['trust'] }), 'priorities')
    onlyFlagged(changed({ performance: 'good' }), 'performance')
    onlyFlagged(changed({ indicators: [] }), 'indicators')
    onlyFlagged(changed({ indicators: { y2023: 5, y2024: { borrowers: 1 } } }), 'indicators.y2023')
    expectValid(changed({ notes: null, tags: null }))
  })

  it('12. never changes values: the input is neither mutated nor rewritten', () => {
    const answers = changed({
      products: ['savings', 'gold'],
      indicators: { y2023: { product: 3 } },
    })
    const before = structuredClone(answers)
    expect(validator.validate(answers, submit).ok).toBe(false)
    expect(validator.validate(answers, draft).ok).toBe(false)
    expect(answers).toEqual(before)
  })

  it('gives stable verdicts over 100 alternating calls (no state leaks)', () => {
    const good = valid()
    const bad = changed({ vote: ['SI-HEART'], satisfaction: 9, member: false })
    const expected = issues(bad)
    expect(expected.map((i) => i.question)).toEqual(['vote', 'satisfaction', 'network_name'])
    for (let i = 0; i < 100; i++) {
      const locale = i % 3 === 0 ? 'fr' : 'en'
      if (i % 2 === 0) {
        expect(validator.validate(good, { ...submit, locale })).toEqual({ ok: true, answers: good })
      } else {
        // Another region, mode and locale in between must not leak into the next call.
        const other = issues(bad, { mode: 'draft', locale: 'fr', variables: { region: 'FR-93' } })
        expect(other.map((issue) => issue.question)).toEqual(['satisfaction'])
        expect(issues(bad, { ...submit, locale: 'en' })).toEqual(expected)
      }
    }
    expect(issues({}, { mode: 'draft' })).toEqual([])
    // Variables are reset: without `region`, no region's practice is offered for a vote.
    expect(issues(good, { mode: 'submit' }).map((issue) => issue.question)).toEqual(['vote'])
  })
})
