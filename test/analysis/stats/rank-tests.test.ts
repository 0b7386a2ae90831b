import { describe, expect, it } from 'vitest'
import { kruskalWallis, mannWhitney } from '../../../analysis/stats/rank-tests.ts'
import { expectAbsolute, expectRelative, reference } from './reference.ts'

const A = [2, 3, 3, 4, 2, 3]
const B = [4, 5, 4, 3, 5]
const C = [1, 2, 2, 3, 1, 2, 2]

describe('kruskalWallis', () => {
  it('reproduces the DOMAIN.md toy data: H = 11.084057, p = 0.0039186', () => {
    const result = kruskalWallis([A, B, C])
    expect(result.method).toBe('asymptotic')
    expectRelative(result.statistic, 11.084057)
    expectAbsolute(result.p, 0.0039186, 1e-7)
    expectRelative(result.epsilonSquared, 11.084057058946932 / 17)
  })

  it.each(reference.kruskal)('matches SciPy kruskal: $name', (fixture) => {
    const result = kruskalWallis(fixture.groups)
    expectRelative(result.statistic, fixture.statistic)
    expect(result.df).toBe(fixture.df)
    expectAbsolute(result.pAsymptotic, fixture.p)
    expectRelative(result.epsilonSquared, fixture.epsilonSquared)
    expect(result.sizes).toEqual(fixture.groups.map((g) => g.length))
    const small = fixture.groups.some((g) => g.length < 5)
    expect(result.method).toBe(small ? 'permutation' : 'asymptotic')
    if (!small) expect(result.p).toBe(result.pAsymptotic)
  })

  it.each(reference.kruskalExact)(
    'permutation p is within 0.02 of the exact p: $name',
    (fixture) => {
      const result = kruskalWallis(fixture.groups, { seed: 17 })
      expect(result.method).toBe('permutation')
      expectRelative(result.statistic, fixture.statistic)
      expectAbsolute(result.pAsymptotic, fixture.pAsymptotic)
      expectAbsolute(result.p, fixture.pExact, 0.02)
    },
  )

  it('gives the same permutation p for the same seed and a nearby one for another seed', () => {
    const groups = reference.kruskalExact[1]?.groups ?? []
    const first = kruskalWallis(groups, { seed: 5 }).p
    expect(kruskalWallis(groups, { seed: 5 }).p).toBe(first)
    const other = kruskalWallis(groups, { seed: 6 }).p
    expect(other).not.toBe(first)
    expectAbsolute(other, first ?? 0, 0.02)
  })

  it('lets the caller choose the permutation threshold and count', () => {
    const always = kruskalWallis([A, B, C], { minAsymptoticSize: 100, permutations: 999 })
    expect(always.method).toBe('permutation')
    // p = (b + 1)/(B + 1) with B = 999, so p is a multiple of 1/1000.
    expect(Math.round((always.p ?? 0) * 1000)).toBeCloseTo((always.p ?? 0) * 1000, 9)
    const never = kruskalWallis([[1, 2], [3, 4], [5]], { minAsymptoticSize: 0 })
    expect(never.method).toBe('asymptotic')
  })

  it.each([
    { groups: [[1, 2, 3]], reason: /at least 2 groups/ },
    { groups: [], reason: /at least 2 groups/ },
    { groups: [[1, 2], []], reason: /group 2 has no values/ },
    {
      groups: [
        [3, 3],
        [3, 3, 3],
      ],
      reason: /all values are equal/,
    },
    {
      groups: [
        [1, Number.NaN],
        [2, 3],
      ],
      reason: /not a number/,
    },
  ])('returns p: null with a reason for degenerate input ($reason)', ({ groups, reason }) => {
    const result = kruskalWallis(groups)
    expect(result.p).toBeNull()
    expect(result.statistic).toBeNull()
    if (result.p === null) expect(result.reason).toMatch(reason)
  })
})

describe('mannWhitney', () => {
  it('reproduces the DOMAIN.md toy data: A vs B U₁ = 3.5, p = 0.037016', () => {
    const result = mannWhitney(A, B)
    expect(result.U).toBe(3.5)
    expect(result.method).toBe('asymptotic')
    expectAbsolute(result.p, 0.037016, 1e-6)
    expectRelative(result.rankBiserial, 2 * (3.5 / 30) - 1)
  })

  it.each(reference.mannWhitney)('matches SciPy mannwhitneyu: $name', (fixture) => {
    const result = mannWhitney(fixture.a, fixture.b)
    expectRelative(result.U, fixture.U)
    expectAbsolute(result.pAsymptotic, fixture.p)
    expectRelative(result.rankBiserial, fixture.rankBiserial)
    const small = Math.min(fixture.a.length, fixture.b.length) < 5
    expect(result.method).toBe(small ? 'permutation' : 'asymptotic')
  })

  it.each(reference.mannWhitneyExact)(
    'permutation p is within 0.02 of the exact p: $name',
    (fixture) => {
      const result = mannWhitney(fixture.a, fixture.b, { seed: 3 })
      expect(result.method).toBe('permutation')
      expectRelative(result.U, fixture.U)
      expectAbsolute(result.pAsymptotic, fixture.pAsymptotic)
      expectAbsolute(result.p, fixture.pExact, 0.02)
      expect(mannWhitney(fixture.a, fixture.b, { seed: 3 }).p).toBe(result.p)
    },
  )

  it('is symmetric: swapping the samples mirrors U and r and keeps p', () => {
    const ab = mannWhitney(A, B)
    const ba = mannWhitney(B, A)
    expect(ba.U).toBe(30 - 3.5)
    expect(ba.p).toBe(ab.p)
    expectRelative(ba.rankBiserial, -(ab.rankBiserial ?? 0))
  })

  it.each([
    { a: [], b: [1, 2], reason: /group 1 has no values/ },
    { a: [2, 2, 2], b: [2, 2], reason: /all values are equal/ },
    { a: [1, Number.POSITIVE_INFINITY], b: [2, 3], reason: /not a number/ },
  ])('returns p: null with a reason for degenerate input ($reason)', ({ a, b, reason }) => {
    const result = mannWhitney(a, b)
    expect(result.p).toBeNull()
    expect(result.U).toBeNull()
    if (result.p === null) expect(result.reason).toMatch(reason)
  })
})
