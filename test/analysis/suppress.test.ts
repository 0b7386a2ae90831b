import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import { planSuppression } from '../../analysis/suppress.ts'
import type { AnalysisDocument } from '../../analysis/types.ts'
import {
  loadGapSurvey,
  REGION_NAMES,
  syntheticResponses,
} from '../fixtures/analysis/gap-responses.ts'

describe('planSuppression', () => {
  const cell = (key: string, n: number, k = 5) => ({ key, small: n < k, sizes: [n] })

  it('hides the smallest visible cell when a lone hidden cell could be derived from the total', () => {
    const plan = planSuppression([cell('A', 8), cell('B', 6), cell('C', 3)], 5, {
      overallSmall: false,
    })
    expect([...plan.hidden]).toEqual([
      ['C', 'small'],
      ['B', 'complementary'],
    ])
    expect(plan.overall).toBe(false)
  })

  it('needs nothing more when the hidden cells already hold k respondents together', () => {
    const plan = planSuppression([cell('A', 9), cell('B', 3), cell('C', 4)], 5, {
      overallSmall: false,
    })
    expect([...plan.hidden.keys()]).toEqual(['B', 'C'])
    expect(plan.overall).toBe(false)
  })

  it('needs nothing when the hidden cells are empty', () => {
    const plan = planSuppression([cell('A', 9), cell('B', 0)], 5, { overallSmall: false })
    expect([...plan.hidden.keys()]).toEqual(['B'])
    expect(plan.overall).toBe(false)
  })

  it('hides the overall when even hiding everything cannot reach k', () => {
    const plan = planSuppression([cell('A', 2), cell('B', 1)], 5, { overallSmall: false })
    expect(plan.overall).toBe('complementary')
    expect(planSuppression([cell('A', 2)], 5, { overallSmall: true }).overall).toBe('small')
  })

  it('protects every size measure, e.g. the "don\'t know" count beside n', () => {
    // C has no usable answer but 3 "don't know": overall dk − visible dk would reveal them.
    const cells = [
      { key: 'A', small: false, sizes: [8, 9] },
      { key: 'B', small: false, sizes: [6, 6] },
      { key: 'C', small: true, sizes: [0, 3] },
    ]
    const plan = planSuppression(cells, 5, { overallSmall: false })
    expect(plan.hidden.get('B')).toBe('complementary')
  })

  it('starts from forced cells and keeps the rule for them too', () => {
    const plan = planSuppression([cell('A', 8), cell('B', 6), cell('C', 3)], 5, {
      overallSmall: false,
      forced: new Set(['A']),
    })
    // A (8) forced and C (3) small already hold 11 ≥ 5: B stays visible.
    expect([...plan.hidden]).toEqual([
      ['A', 'complementary'],
      ['C', 'small'],
    ])
  })
})

/** Every object found under a `groups.<key>` entry anywhere in the document. */
function cellsOf(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    for (const v of value) cellsOf(v, key, out)
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'groups' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        if (key in v) out.push((v as Record<string, unknown>)[key])
      }
      cellsOf(v, key, out)
    }
  }
  return out
}

/** n of a cell, whatever its table (nFrom + nTo for waves). */
function sizeOf(cell: Record<string, unknown>): number[] {
  if (typeof cell.n === 'number') return [cell.n]
  return [Number(cell.nFrom ?? 0), Number(cell.nTo ?? 0)]
}

describe('analyzeSurvey small-group suppression (A n = 8, B n = 6, C n = 3, k = 5)', () => {
  const doc: AnalysisDocument = analyzeSurvey({
    survey: loadGapSurvey(5),
    responses: [
      ...syntheticResponses('A', 8),
      ...syntheticResponses('B', 6, 100),
      ...syntheticResponses('C', 3, 200),
    ],
    regionNames: REGION_NAMES,
    options: { resamples: 200, wave: null },
  })

  it('keeps the n of a small group and marks it suppressed', () => {
    expect(doc.suppressBelow).toBe(5)
    expect(doc.groups.find((g) => g.key === 'C')).toEqual({
      key: 'C',
      label: 'Centre',
      n: 3,
      suppressed: true,
    })
  })

  it('shows no figure of the group of 3 anywhere: only n and the suppression flag', () => {
    const cells = cellsOf(doc, 'C')
    // questions, dimensions, IPA cross-hairs and waves all have a C entry.
    expect(cells.length).toBe(doc.questions.length + 2 * doc.dimensions.length + 1)
    for (const cell of cells) {
      if (cell === null) continue // IPA cross-hairs of a group without visible dimensions
      expect(cell).toMatchObject({ suppressed: true })
      for (const key of Object.keys(cell as object)) {
        expect(['n', 'nFrom', 'nTo', 'suppressed', 'reason']).toContain(key)
      }
    }
    expect(doc.ipa?.groups.C).toBeNull()
  })

  it('hides B as its complement wherever C has answers and the overall is shown', () => {
    const satisfaction = doc.questions.find((q) => q.name === 'satisfaction')
    expect(satisfaction?.groups.C).toEqual({ n: 3, suppressed: true })
    expect(satisfaction?.groups.B).toEqual({ n: 6, suppressed: true, reason: 'complementary' })
    expect(satisfaction?.groups.A).toMatchObject({ n: 8, mean: expect.any(Number) })
    expect(satisfaction?.overall).toMatchObject({ n: 17, mean: expect.any(Number) })
  })

  it('never lets "overall minus the visible cells" describe fewer than k respondents', () => {
    const tables = [
      ...doc.questions.filter((q) => q.kind !== 'text'),
      ...doc.dimensions,
      ...(doc.waves?.dimensions ?? []),
    ]
    for (const table of tables) {
      if ('suppressed' in table.overall) continue
      const hidden = Object.values(table.groups).filter((c) => 'suppressed' in c)
      const sums = [0, 0]
      for (const cell of hidden) {
        sizeOf(cell as unknown as Record<string, unknown>).forEach((s, i) => {
          sums[i] = (sums[i] ?? 0) + s
        })
      }
      for (const sum of sums) expect(sum === 0 || sum >= 5).toBe(true)
    }
  })

  it('runs no test when only one group stays visible, and says so', () => {
    expect(doc.tests.family).toBe(0)
    expect(doc.notes).toContain(
      'No item had two visible groups with answers to compare, so no p-values were computed.',
    )
  })
})
