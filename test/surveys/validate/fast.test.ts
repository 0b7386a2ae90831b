/**
 * Differential test of the fast validator against the reference (survey-core plus Gapkit's own
 * checks) on microfinance-gap and the two validation fixtures, and the fast path's fallbacks.
 * The other shipped questionnaires are in fast-validate-registry.test.ts (a second worker).
 * `FAST_VALIDATE_CASES` sets the number of mutated answer sets per questionnaire (300; 2000 for
 * the full differential), `FAST_VALIDATE_SEED` shifts the seeds.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateDemoResponses } from '../../../demo/index.ts'
import { loadSurvey, loadSurveyRegistry } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { compileFastValidator } from '../../../surveys/validate/fast/index.ts'
import { compileReferenceValidator } from '../../../surveys/validate/index.ts'
import { exampleAnswers, validationFixtureAnswers } from '../../helpers/valid-answers.ts'
import { CASES, expectAgreement } from './fast-differential.ts'

const read = (file: string): SurveyJson =>
  JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8'))

const registry = loadSurveyRegistry('surveys/definitions')
const gap = registry.get('microfinance-gap')
const fixtures = [
  {
    id: 'validation-fixture',
    json: read('../../fixtures/validation-survey.json'),
    valid: validationFixtureAnswers(),
  },
  { id: 'example', json: read('../../fixtures/surveys/example.json'), valid: exampleAnswers() },
]
const demo = generateDemoResponses(registry.list(), { responses: 300, seed: 7 })

describe('fast validator: microfinance-gap and the validation fixtures', () => {
  it('compiles every shipped questionnaire and both fixtures', () => {
    for (const s of registry.list()) expect(s.validator.fastPath).toEqual({ enabled: true })
    for (const f of fixtures) expect(compileFastValidator(f.json).fast).toBe(true)
  })

  it('accepts every demo response of microfinance-gap, as the reference does', () => {
    const fast = compileFastValidator(gap?.json ?? {})
    if (!fast.fast || !gap) throw new Error('no fast path')
    const responses = demo.filter((d) => d.survey === gap.id)
    expect(responses.length).toBeGreaterThan(100)
    for (const d of responses) {
      const opts = { mode: d.draft ? 'draft' : 'submit', variables: { region: d.region } } as const
      expect(fast.check(d.answers, opts)).toEqual({ ok: true })
      expect(gap.validator.validate(d.answers, opts)).toEqual({ ok: true, answers: d.answers })
    }
  })

  it('accepts the hand-written valid answers of both fixtures', () => {
    for (const f of fixtures) {
      const fast = compileFastValidator(f.json)
      if (!fast.fast) throw new Error(f.id)
      const opts = { mode: 'submit', variables: { region: 'SI-HEART' } } as const
      expect(fast.check(f.valid, opts)).toEqual({ ok: true })
      expect(compileReferenceValidator(f.json).validate(f.valid, opts).ok).toBe(true)
    }
  })

  it(`agrees with the reference on ${CASES} mutated microfinance-gap answer sets`, () => {
    const bases = demo
      .filter((d) => d.survey === 'microfinance-gap')
      .map((d) => ({ answers: d.answers, region: d.region }))
    expectAgreement('microfinance-gap', gap?.json ?? {}, bases, 101)
  }, 600_000)

  for (const [i, f] of fixtures.entries()) {
    it(`agrees with the reference on ${CASES} mutated ${f.id} answer sets`, () => {
      const loaded = loadSurvey(f.id, f.json)
      const generated = generateDemoResponses([loaded], { responses: 60, seed: 5 + i })
      // Generic demo answers often break these fixtures' regex and expression validators: every
      // other base is the hand-written valid set, so that accepted answer sets are common too.
      const bases = generated.flatMap((d, k) => [
        { answers: f.valid, region: k % 2 === 0 ? 'SI-HEART' : 'FR-93' },
        { answers: d.answers, region: d.region },
      ])
      expectAgreement(f.id, f.json, bases, 202 + i)
    }, 600_000)
  }
})
