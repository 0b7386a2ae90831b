/**
 * Rank tests for comparing ordinal answers between groups (regions, stakeholder types):
 * Kruskal–Wallis for k groups and Mann–Whitney U for two, both with tie correction.
 *
 * Small groups get a seeded Monte-Carlo permutation p-value (the χ²/normal approximations are
 * poor below about 5 values per group); the asymptotic p-value is always reported beside it.
 * Inputs that admit no test give `p: null` and a `reason`, never NaN and never a throw.
 */

import { chiSquareSf, normalSf } from './distributions.ts'
import { createRandom, shuffleInPlace } from './random.ts'

/** Options shared by the rank tests. */
export interface RankTestOptions {
  /** Seed of the permutation generator. Default 1 (fixed, so reports are reproducible). */
  seed?: number
  /** Number of random permutations B; p = (b + 1)/(B + 1). Default 9999. */
  permutations?: number
  /** Use the permutation p-value when any group has fewer values than this. Default 5. */
  minAsymptoticSize?: number
}

/** How `p` was obtained. */
export type RankTestMethod = 'asymptotic' | 'permutation'

/** A Kruskal–Wallis test that could be computed. */
export interface KruskalWallisTest {
  /** H, corrected for ties. */
  statistic: number
  /** k − 1. */
  df: number
  /** The p-value to report: permutation when `method` is 'permutation', else asymptotic. */
  p: number
  /** χ² approximation with k − 1 df (SciPy `kruskal`). */
  pAsymptotic: number
  /** Effect size ε² = H / (N − 1). */
  epsilonSquared: number
  method: RankTestMethod
  /** Values per group, in input order. */
  sizes: number[]
}

/** A Kruskal–Wallis comparison that the data cannot support. */
export interface KruskalWallisUntestable {
  statistic: null
  df: null
  p: null
  pAsymptotic: null
  epsilonSquared: null
  method: null
  sizes: number[]
  reason: string
}

export type KruskalWallisResult = KruskalWallisTest | KruskalWallisUntestable

/** A Mann–Whitney test that could be computed. */
export interface MannWhitneyTest {
  /** U for the first sample: the number of pairs (a, b) with a > b, ties counting ½. */
  U: number
  /** The p-value to report (two-sided): permutation or asymptotic, see `method`. */
  p: number
  /** Normal approximation with tie and continuity correction (SciPy `mannwhitneyu`). */
  pAsymptotic: number
  /** r = 2U/(n₁n₂) − 1, in [−1, 1]; positive when the first sample tends to be larger. */
  rankBiserial: number
  method: RankTestMethod
  sizes: [number, number]
}

/** A Mann–Whitney comparison that the data cannot support. */
export interface MannWhitneyUntestable {
  U: null
  p: null
  pAsymptotic: null
  rankBiserial: null
  method: null
  sizes: [number, number]
  reason: string
}

export type MannWhitneyResult = MannWhitneyTest | MannWhitneyUntestable

/** Scores of permuted arrangements within this relative distance count as ties with the data. */
const RELATIVE_TOLERANCE = 1e-12

/** Midranks (average rank for tied values) and the tie term Σ(t³ − t) over tie groups. */
function rankWithTies(values: readonly number[]): { ranks: Float64Array; tieSum: number } {
  const sorted = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value)
  const ranks = new Float64Array(values.length)
  let tieSum = 0
  let start = 0
  while (start < sorted.length) {
    let end = start + 1
    while (end < sorted.length && sorted[end]?.value === sorted[start]?.value) end++
    // Positions start … end − 1 hold ranks start + 1 … end; each gets their mean.
    const midrank = (start + 1 + end) / 2
    for (const entry of sorted.slice(start, end)) ranks[entry.index] = midrank
    const t = end - start
    tieSum += t ** 3 - t
    start = end
  }
  return { ranks, tieSum }
}

/** Why the groups admit no rank test, or null when they do. */
function findProblem(groups: readonly (readonly number[])[]): string | null {
  if (groups.length < 2) return `needs at least 2 groups, got ${groups.length}`
  for (const [i, group] of groups.entries()) {
    if (group.length === 0) return `group ${i + 1} has no values`
    if (!group.every(Number.isFinite)) return `group ${i + 1} has a value that is not a number`
  }
  return null
}

const ALL_EQUAL = 'all values are equal, so there is no ordering to compare'

/** Σ Rᵢ²/nᵢ over consecutive groups of `sizes` in `ranks`; H grows with it for fixed ties. */
function rankSumScore(ranks: Float64Array, sizes: readonly number[]): number {
  let score = 0
  let start = 0
  for (const size of sizes) {
    let sum = 0
    for (let i = start; i < start + size; i++) sum += ranks[i] ?? 0
    score += (sum * sum) / size
    start += size
  }
  return score
}

/**
 * Monte-Carlo permutation p-value (b + 1)/(B + 1): b counts the random relabellings whose
 * score is at least the observed one; the +1 counts the data themselves, so p is never 0.
 */
function permutationP(
  ranks: Float64Array,
  score: (ranks: Float64Array) => number,
  options: RankTestOptions,
): number {
  const { seed = 1, permutations = 9999 } = options
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`permutations must be a positive integer, got ${permutations}`)
  }
  const observed = score(ranks)
  const threshold = observed - Math.abs(observed) * RELATIVE_TOLERANCE
  const random = createRandom(seed)
  const shuffled = Float64Array.from(ranks)
  let atLeast = 0
  for (let b = 0; b < permutations; b++) {
    shuffleInPlace(shuffled, random)
    if (score(shuffled) >= threshold) atLeast++
  }
  return (atLeast + 1) / (permutations + 1)
}

/**
 * Kruskal–Wallis H test with tie correction, χ² with k − 1 df (SciPy `kruskal`). When any
 * group has fewer than `minAsymptoticSize` values, `p` is a seeded Monte-Carlo permutation
 * p-value and `method` is 'permutation'; `pAsymptotic` is always given.
 *
 * Fewer than 2 groups, an empty group (drop regions without answers first), a non-finite value
 * or all values equal give `p: null` with a `reason`.
 *
 * @example
 * kruskalWallis([[2, 3, 3, 4, 2, 3], [4, 5, 4, 3, 5], [1, 2, 2, 3, 1, 2, 2]])
 * // { statistic: 11.084057, df: 2, p: 0.0039186, epsilonSquared: 0.652, method: 'asymptotic', … }
 */
export function kruskalWallis(
  groups: readonly (readonly number[])[],
  options: RankTestOptions = {},
): KruskalWallisResult {
  const sizes = groups.map((group) => group.length)
  const untestable = (reason: string): KruskalWallisUntestable => ({
    statistic: null,
    df: null,
    p: null,
    pAsymptotic: null,
    epsilonSquared: null,
    method: null,
    sizes,
    reason,
  })
  const problem = findProblem(groups)
  if (problem !== null) return untestable(problem)

  const pooled = groups.flat()
  const n = pooled.length
  const { ranks, tieSum } = rankWithTies(pooled)
  if (tieSum === n ** 3 - n) return untestable(ALL_EQUAL)

  const tieCorrection = 1 - tieSum / (n ** 3 - n)
  const score = (r: Float64Array) => rankSumScore(r, sizes)
  // Rounding can leave H a hair below 0 when the groups are identical.
  const statistic = Math.max(0, ((12 / (n * (n + 1))) * score(ranks) - 3 * (n + 1)) / tieCorrection)
  const df = groups.length - 1
  const pAsymptotic = chiSquareSf(statistic, df)
  const small = sizes.some((size) => size < (options.minAsymptoticSize ?? 5))
  return {
    statistic,
    df,
    p: small ? permutationP(ranks, score, options) : pAsymptotic,
    pAsymptotic,
    epsilonSquared: statistic / (n - 1),
    method: small ? 'permutation' : 'asymptotic',
    sizes,
  }
}

/**
 * Two-sided Mann–Whitney U test of `a` against `b`, tie-corrected, normal approximation with
 * continuity correction (SciPy `mannwhitneyu(a, b, alternative='two-sided',
 * method='asymptotic', use_continuity=True)`). When either sample has fewer than
 * `minAsymptoticSize` values, `p` is a seeded Monte-Carlo permutation p-value on |U − n₁n₂/2|.
 *
 * An empty sample, a non-finite value or all values equal give `p: null` with a `reason`.
 *
 * @example
 * mannWhitney([2, 3, 3, 4, 2, 3], [4, 5, 4, 3, 5])
 * // { U: 3.5, p: 0.037016, rankBiserial: -0.767, method: 'asymptotic', … }
 */
export function mannWhitney(
  a: readonly number[],
  b: readonly number[],
  options: RankTestOptions = {},
): MannWhitneyResult {
  const sizes: [number, number] = [a.length, b.length]
  const untestable = (reason: string): MannWhitneyUntestable => ({
    U: null,
    p: null,
    pAsymptotic: null,
    rankBiserial: null,
    method: null,
    sizes,
    reason,
  })
  const problem = findProblem([a, b])
  if (problem !== null) return untestable(problem)

  const [n1, n2] = sizes
  const n = n1 + n2
  const { ranks, tieSum } = rankWithTies([...a, ...b])
  if (tieSum === n ** 3 - n) return untestable(ALL_EQUAL)

  const expectedRankSum = (n1 * (n + 1)) / 2
  const deviation = (r: Float64Array) => {
    let sum = 0
    for (let i = 0; i < n1; i++) sum += r[i] ?? 0
    return Math.abs(sum - expectedRankSum)
  }
  // U − n₁n₂/2 equals R₁ − n₁(n + 1)/2, so the rank-sum deviation is the U deviation.
  const signedDeviation = ranks.subarray(0, n1).reduce((s, r) => s + r, 0) - expectedRankSum
  const U = (n1 * n2) / 2 + signedDeviation
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieSum / (n * (n - 1))))
  const z = (Math.abs(signedDeviation) - 0.5) / sigma
  const pAsymptotic = Math.min(1, 2 * normalSf(z))
  const small = Math.min(n1, n2) < (options.minAsymptoticSize ?? 5)
  return {
    U,
    p: small ? permutationP(ranks, deviation, options) : pAsymptotic,
    pAsymptotic,
    rankBiserial: (2 * U) / (n1 * n2) - 1,
    method: small ? 'permutation' : 'asymptotic',
    sizes,
  }
}
