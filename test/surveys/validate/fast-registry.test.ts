/**
 * Differential test of the fast validator on the other shipped questionnaires (a second file so
 * that vitest runs it in a second worker), and the fallback to the reference for questionnaires
 * the compiler does not cover.
 */
import { describe, expect, it } from 'vitest'
import { generateDemoResponses } from '../../../demo/index.ts'
import { loadSurveyRegistry } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { compileFastValidator } from '../../../surveys/validate/fast/index.ts'
import { compileReferenceValidator, compileValidator } from '../../../surveys/validate/index.ts'
import { CASES, expectAgreement } from './fast-differential.ts'

const registry = loadSurveyRegistry('surveys/definitions')
const demo = generateDemoResponses(registry.list(), { responses: 300, seed: 9 })
const OTHERS = ['best-practice-vote', 'codesign-challenge', 'good-practice', 'mfi-indicators']

describe('fast validator: the other shipped questionnaires', () => {
  it('accepts every demo response (drafts in draft mode), as the reference does', () => {
    const fasts = new Map(registry.list().map((s) => [s.id, compileFastValidator(s.json)]))
    for (const d of demo) {
      const survey = registry.get(d.survey)
      const fast = fasts.get(d.survey)
      if (!survey || !fast?.fast) throw new Error(d.survey)
      const opts = { mode: d.draft ? 'draft' : 'submit', variables: { region: d.region } } as const
      expect(fast.check(d.answers, opts)).toEqual({ ok: true })
      expect(survey.validator.validate(d.answers, opts)).toEqual({ ok: true, answers: d.answers })
    }
  }, 600_000)

  OTHERS.forEach((id, i) => {
    it(`agrees with the reference on ${CASES} mutated ${id} answer sets`, () => {
      const bases = demo
        .filter((d) => d.survey === id)
        .map((d) => ({ answers: d.answers, region: d.region }))
      expect(bases.length).toBeGreaterThan(0)
      expectAgreement(id, registry.get(id)?.json ?? {}, bases, 303 + i)
    }, 600_000)
  })
})

describe('fallback to the reference', () => {
  const cases: [string, SurveyJson, RegExp][] = [
    [
      'enableIf',
      {
        elements: [
          { type: 'text', name: 'a', enableIf: '{b} = 1' },
          { type: 'text', name: 'b' },
        ],
      },
      /enableIf/,
    ],
    [
      'defaultValue',
      { elements: [{ type: 'text', name: 'a', defaultValue: 'x' }] },
      /defaultValue/,
    ],
    [
      'an element property in a condition',
      {
        elements: [
          { type: 'text', name: 'a', visibleIf: '{$b.isVisible} = true' },
          { type: 'text', name: 'b' },
        ],
      },
      /element property/,
    ],
    [
      'a function that reads the survey',
      { elements: [{ type: 'text', name: 'a', visibleIf: "isContainerReady('p')" }] },
      /isContainerReady/,
    ],
    [
      'a dynamic panel',
      {
        elements: [
          { type: 'paneldynamic', name: 'p', templateElements: [{ type: 'text', name: 'x' }] },
        ],
      },
      /paneldynamic/,
    ],
    [
      'a name that is also a matrix row',
      {
        elements: [
          { type: 'matrix', name: 'm', rows: ['a'], columns: [1], visibleIf: '{a} = 1' },
          { type: 'text', name: 'a' },
        ],
      },
      /names a key of its owner/,
    ],
  ]
  for (const [what, json, reason] of cases) {
    it(`sends a questionnaire with ${what} to the reference`, () => {
      const fast = compileFastValidator(json)
      expect(fast.fast).toBe(false)
      if (!fast.fast) expect(fast.reason).toMatch(reason)
      const validator = compileValidator(json)
      expect(validator.fastPath?.enabled).toBe(false)
      const reference = compileReferenceValidator(json)
      for (const answers of [{}, { a: 'x' }, { zz: 1 }]) {
        const opts = { mode: 'submit' } as const
        expect(validator.validate(answers, opts)).toEqual(reference.validate(answers, opts))
      }
    })
  }

  it('defers an unknown choice that a condition reads, and the reference rejects it', () => {
    const json = registry.get('microfinance-gap')?.json ?? {}
    const fast = compileFastValidator(json)
    if (!fast.fast) throw new Error('no fast path')
    const answers = { consent: true, guarantee_scheme: 'maybe', guarantee_coverage: 50 }
    const verdict = fast.check(answers, { mode: 'submit' })
    expect(verdict.ok).toBe('defer')
    const result = compileValidator(json).validate(answers, { mode: 'submit' })
    expect(result.ok).toBe(false)
    expect(result).toEqual(compileReferenceValidator(json).validate(answers, { mode: 'submit' }))
  })
})
