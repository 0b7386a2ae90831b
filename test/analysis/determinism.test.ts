import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import type { AnalysisInput } from '../../analysis/input.ts'
import type { AnalysisDocument } from '../../analysis/types.ts'
import {
  handResponses,
  loadGapSurvey,
  REGION_NAMES,
  syntheticResponses,
} from '../fixtures/analysis/gap-responses.ts'

function input(overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    survey: loadGapSurvey(5),
    responses: [
      ...syntheticResponses('A', 9),
      ...syntheticResponses('B', 7, 50),
      ...syntheticResponses('C', 12, 80),
    ],
    regionNames: REGION_NAMES,
    options: { resamples: 200, wave: null },
    ...overrides,
  }
}

/** Every number in a JSON value. */
function numbersOf(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value)
  else if (Array.isArray(value)) for (const v of value) numbersOf(v, out)
  else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) numbersOf(v, out)
  }
  return out
}

describe('analyzeSurvey determinism', () => {
  it('gives byte-identical JSON for the same input, and for the responses in another order', () => {
    const first = JSON.stringify(analyzeSurvey(input()))
    const again = JSON.stringify(analyzeSurvey(input()))
    const reversed = input()
    reversed.responses.reverse()
    expect(again).toBe(first)
    expect(JSON.stringify(analyzeSurvey(reversed))).toBe(first)
  })

  it('changes the intervals, not the point estimates, with another seed', () => {
    const overall = (doc: AnalysisDocument) =>
      doc.dimensions.map((d) => ('gap' in d.overall ? d.overall : null))
    const one = overall(analyzeSurvey(input()))
    const other = overall(
      analyzeSurvey(input({ options: { resamples: 200, wave: null, seed: 7 } })),
    )
    expect(other.map((c) => c?.gap)).toEqual(one.map((c) => c?.gap))
    expect(other.map((c) => c?.ci95)).not.toEqual(one.map((c) => c?.ci95))
  })

  it('holds only finite numbers rounded to 4 decimals (or 4 significant digits near 0)', () => {
    const doc = analyzeSurvey(input())
    const numbers = numbersOf(doc)
    expect(numbers.length).toBeGreaterThan(500)
    for (const x of numbers) {
      expect(Number.isFinite(x)).toBe(true)
      if (Math.abs(x) >= 1e-4) expect(Math.round(x * 1e4) / 1e4).toBe(x)
    }
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/)
  })

  it('runs tests when at least two groups reach k', () => {
    const doc = analyzeSurvey(input())
    expect(doc.tests.skipped).toBeNull()
    expect(doc.tests.family).toBeGreaterThan(0)
    expect(doc.tests.adjustment).toEqual(['holm', 'bh'])
  })
})

describe('one respondent per group (consolidated partner questionnaires)', () => {
  const responses = handResponses()
    .filter((r) => r.status === 'submitted')
    .map((r, i) => ({ ...r, region: ['N', 'S', 'C', 'E', 'W'][i] ?? 'X' }))

  const check = (doc: AnalysisDocument) => {
    expect(doc.groups.every((g) => g.n === 1)).toBe(true)
    expect(doc.tests.family).toBe(0)
    expect(doc.tests.skipped).toMatch(/only description is honest/)
    expect(doc.notes).toContain(doc.tests.skipped)
    for (const q of doc.questions) {
      expect(q.test).toBeNull()
      for (const t of Object.values(q.optionTests ?? {})) expect(t).toBeNull()
    }
    for (const d of doc.dimensions) expect(d.test).toBeNull()
  }

  it('runs no tests even when nothing is suppressed (k = 1)', () => {
    const doc = analyzeSurvey({
      survey: loadGapSurvey(1),
      responses,
      regionNames: REGION_NAMES,
      options: { resamples: 200, wave: null },
    })
    check(doc)
    // Description stays: with k = 1 each partner's answer is shown.
    expect(doc.questions.find((q) => q.name === 'satisfaction')?.groups.N).toMatchObject({
      n: 1,
      mean: 4,
    })
  })

  it('runs no tests with the default k either, where every group is suppressed', () => {
    const doc = analyzeSurvey({
      survey: loadGapSurvey(),
      responses,
      regionNames: REGION_NAMES,
      options: { resamples: 200, wave: null },
    })
    check(doc)
  })
})
