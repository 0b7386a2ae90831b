import { describe, expect, it } from 'vitest'
import {
  chiSquare,
  compareCategorical,
  fisherExact2x2,
} from '../../../analysis/stats/contingency.ts'
import { expectAbsolute, expectRelative, reference } from './reference.ts'

describe('chiSquare', () => {
  it('reproduces the DOMAIN.md table: χ² = 7.3956, p = 0.024778, V = 0.4247', () => {
    const result = chiSquare([
      [12, 5, 3],
      [4, 9, 8],
    ])
    expect(result.statistic).toBeCloseTo(7.3956, 4)
    expectAbsolute(result.p, 0.024778, 1e-6)
    expect(result.cramersV).toBeCloseTo(0.4247, 4)
  })

  it.each(reference.chiSquare)('matches SciPy chi2_contingency: $name', (fixture) => {
    const result = chiSquare(fixture.table)
    expectRelative(result.statistic, fixture.statistic)
    expect(result.df).toBe(fixture.df)
    expectAbsolute(result.p, fixture.p)
    expectRelative(result.cramersV, fixture.cramersV)
    expectRelative(result.minExpected, fixture.minExpected)
  })

  it.each([
    { table: [[3, 4, 5]], reason: /2 non-empty rows/ },
    {
      table: [
        [3, 0],
        [4, 0],
      ],
      reason: /2 non-empty columns/,
    },
    {
      table: [
        [0, 0],
        [0, 0],
      ],
      reason: /2 non-empty rows/,
    },
    { table: [], reason: /empty/ },
    { table: [[1, 2], [3]], reason: /different lengths/ },
    {
      table: [
        [1, -2],
        [3, 4],
      ],
      reason: /non-negative/,
    },
  ])('returns p: null with a reason for $table', ({ table, reason }) => {
    const result = chiSquare(table)
    expect(result.p).toBeNull()
    expect(result.statistic).toBeNull()
    if (result.p === null) expect(result.reason).toMatch(reason)
  })
})

describe('fisherExact2x2', () => {
  it('reproduces the DOMAIN.md table: p = 0.0027594562', () => {
    expectAbsolute(
      fisherExact2x2([
        [1, 9],
        [11, 3],
      ]).p,
      0.0027594562,
      1e-10,
    )
  })

  it.each(reference.fisher)('matches SciPy fisher_exact: $name', (fixture) => {
    const result = fisherExact2x2(fixture.table)
    expectAbsolute(result.p, fixture.p, 1e-9)
    if (fixture.oddsRatio === null) expect(result.oddsRatio).toBeNull()
    else if (fixture.oddsRatio === 'Infinity')
      expect(result.oddsRatio).toBe(Number.POSITIVE_INFINITY)
    else expectRelative(result.oddsRatio, Number(fixture.oddsRatio))
  })

  it('returns p: null with a reason for tables it cannot test', () => {
    const wide = fisherExact2x2([
      [1, 2, 3],
      [4, 5, 6],
    ])
    expect(wide.p).toBeNull()
    if (wide.p === null) expect(wide.reason).toMatch(/2×2/)
    const fractional = fisherExact2x2([
      [1.5, 2],
      [3, 4],
    ])
    if (fractional.p === null) expect(fractional.reason).toMatch(/integers/)
    else expect.fail('fractional counts were tested')
  })
})

describe('compareCategorical', () => {
  it('uses Fisher for a 2×2 table with an expected count below 5', () => {
    const result = compareCategorical([
      [8, 2],
      [1, 5],
    ])
    expect(result.test).toBe('fisher')
    expectAbsolute(result.p, 0.034965034965034975, 1e-9)
    if (result.test === 'fisher') {
      expect(result.note).toMatch(/Fisher.*< 5/)
      expect(result.oddsRatio).toBe(20)
      expect(result.cramersV).toBeGreaterThan(0)
    }
  })

  it('uses χ² when every expected count is at least 5, even for a 2×2 table', () => {
    // Expected counts of [[1,9],[11,3]] are exactly 5, 5, 7 and 7.
    const result = compareCategorical([
      [1, 9],
      [11, 3],
    ])
    expect(result.test).toBe('chi-square')
    if (result.test === 'chi-square') expect(result.note).toMatch(/at least 5/)
  })

  it('uses χ² for larger tables and flags small expected counts', () => {
    const result = compareCategorical([
      [3, 5, 2],
      [1, 4, 6],
      [7, 2, 1],
    ])
    expect(result.test).toBe('chi-square')
    if (result.test === 'chi-square') {
      expect(result.note).toMatch(/approximate/)
      expect(result.df).toBe(4)
    }
  })

  it('drops an all-zero column before choosing, so a 2×3 can become a 2×2 Fisher test', () => {
    const result = compareCategorical([
      [8, 0, 2],
      [1, 0, 5],
    ])
    expect(result.test).toBe('fisher')
    expectAbsolute(result.p, 0.034965034965034975, 1e-9)
  })

  it('passes on the reason when no test is possible', () => {
    const result = compareCategorical([
      [4, 6],
      [0, 0],
    ])
    expect(result).toEqual({
      test: null,
      p: null,
      reason: expect.stringMatching(/2 non-empty rows/),
    })
  })
})
