/**
 * Kruskal–Wallis from value counts: the tie-corrected H of `stats/rank-tests.ts`, computed from
 * how often each distinct value occurs in each group instead of ranking every answer. Midranks
 * are half-integers, so every rank sum below 2^52 is exact and H has the same bits as the
 * ranked computation; only the permutation p-value (a group under 5 values) needs the values.
 */

import { expandValues, type ValueCounts } from '../tally/value-counts.ts'
import { chiSquareSf } from './index.ts'
import type { KruskalWallisResult } from './rank-tests.ts'

/** Reasons worded as `kruskalWallis` words them (the document quotes them in its notes). */
const ALL_EQUAL = 'all values are equal, so there is no ordering to compare'

/** Below this many values in a group the rank test takes a permutation p-value. */
export const MIN_ASYMPTOTIC_SIZE = 5

function untestable(sizes: number[], reason: string): KruskalWallisResult {
  return {
    statistic: null,
    df: null,
    p: null,
    pAsymptotic: null,
    epsilonSquared: null,
    method: null,
    sizes,
    reason,
  }
}

/**
 * Kruskal–Wallis H across groups given as value counts, with the χ² p-value. Returns `null`
 * when a group has fewer than {@link MIN_ASYMPTOTIC_SIZE} values: the permutation p-value then
 * depends on the order of the values, so the caller runs `kruskalWallis` on them instead.
 *
 * @example
 * kruskalWallisCounts([countValues([2, 3, 3, 4, 2, 3]), countValues([4, 5, 4, 3, 5])])
 * // { statistic: …, df: 1, p: …, method: 'asymptotic', … } — as kruskalWallis on the arrays
 */
export function kruskalWallisCounts(groups: readonly ValueCounts[]): KruskalWallisResult | null {
  const sizes = groups.map((g) => g.n)
  if (groups.length < 2) return untestable(sizes, `needs at least 2 groups, got ${groups.length}`)
  for (const [i, size] of sizes.entries()) {
    if (size === 0) return untestable(sizes, `group ${i + 1} has no values`)
  }
  if (sizes.some((size) => size < MIN_ASYMPTOTIC_SIZE)) return null

  const pooled = new Map<number, number>()
  for (const g of groups) {
    g.values.forEach((v, i) => {
      pooled.set(v, (pooled.get(v) ?? 0) + (g.counts[i] ?? 0))
    })
  }
  const distinct = [...pooled.keys()].sort((a, b) => a - b)
  const midrank = new Map<number, number>()
  let tieSum = 0
  let start = 0
  for (const value of distinct) {
    const t = pooled.get(value) ?? 0
    const end = start + t
    midrank.set(value, (start + 1 + end) / 2)
    tieSum += t ** 3 - t
    start = end
  }
  const n = start
  if (tieSum === n ** 3 - n) return untestable(sizes, ALL_EQUAL)

  const tieCorrection = 1 - tieSum / (n ** 3 - n)
  let score = 0
  for (const g of groups) {
    let sum = 0
    g.values.forEach((v, i) => {
      sum += (midrank.get(v) ?? 0) * (g.counts[i] ?? 0)
    })
    score += (sum * sum) / g.n
  }
  const statistic = Math.max(0, ((12 / (n * (n + 1))) * score - 3 * (n + 1)) / tieCorrection)
  const df = groups.length - 1
  const pAsymptotic = chiSquareSf(statistic, df)
  return {
    statistic,
    df,
    p: pAsymptotic,
    pAsymptotic,
    epsilonSquared: statistic / (n - 1),
    method: 'asymptotic',
    sizes,
  }
}

/** The groups' values expanded ascending, for the permutation path of `kruskalWallis`. */
export function expandGroups(groups: readonly ValueCounts[]): number[][] {
  return groups.map(expandValues)
}
