/**
 * Exploratory tests across groups: Kruskal–Wallis for ordinal and numeric answers (and paired
 * gaps), χ² or Fisher for categorical ones, with p-values adjusted (Holm and
 * Benjamini–Hochberg) over every test of the document.
 */

import { adjustPValues, compareCategorical, kruskalWallis } from './stats/index.ts'
import { expandGroups, kruskalWallisCounts } from './stats/kruskal-counts.ts'
import type { KruskalWallisResult } from './stats/rank-tests.ts'
import type { ValueCounts } from './tally/value-counts.ts'
import type { GroupTest } from './types.ts'

/** The values of one group for a rank test. */
export interface GroupSample {
  key: string
  values: readonly number[]
}

/** The counts of one group (one row of a contingency table). */
export interface GroupCounts {
  key: string
  counts: readonly number[]
}

/** Options of {@link compareOrdinal}. */
export interface CompareOptions {
  /** Seed of the permutation p-value (used when a group has fewer than 5 values). */
  seed: number
}

/** Permutations for the small-group p-value: 9999, fewer (≥ 999) for very large samples. */
function permutationsFor(n: number): number {
  return Math.max(999, Math.min(9999, Math.floor(2e7 / Math.max(1, n))))
}

type TestFigures = Pick<GroupTest, 'statistic' | 'df' | 'p' | 'effect' | 'method'>

const NO_FIGURES: TestFigures = { statistic: null, df: null, p: null, effect: null, method: null }

/** A test with its keys in the document's fixed order; p-values are adjusted later. */
function buildTest(
  name: GroupTest['name'],
  figures: TestFigures,
  groups: string[],
  n: number,
  note: string,
): GroupTest {
  return {
    name,
    statistic: figures.statistic,
    df: figures.df,
    p: figures.p,
    pHolm: null,
    pBH: null,
    effect: figures.effect,
    method: figures.method,
    groups,
    n,
    exploratory: true,
    note,
  }
}

/** The document's test from a Kruskal–Wallis result. */
function ordinalTest(
  result: KruskalWallisResult,
  groups: string[],
  n: number,
  permutations: number,
): GroupTest {
  if (result.p === null) {
    return buildTest('kruskal-wallis', NO_FIGURES, groups, n, `No test: ${result.reason}`)
  }
  const note =
    result.method === 'permutation'
      ? `Kruskal–Wallis H (tie-corrected); permutation p-value (${permutations} permutations) because a group has fewer than 5 values`
      : 'Kruskal–Wallis H (tie-corrected); χ² approximation with k − 1 df'
  const figures: TestFigures = {
    statistic: result.statistic,
    df: result.df,
    p: result.p,
    effect: { name: 'epsilon-squared', value: result.epsilonSquared },
    method: result.method,
  }
  return buildTest('kruskal-wallis', figures, groups, n, note)
}

/**
 * Kruskal–Wallis across groups (tie-corrected; permutation p-value when a group has fewer than
 * 5 values), effect size ε². Groups without values are left out; `null` when fewer than 2
 * groups remain.
 *
 * @example
 * compareOrdinal([{ key: 'A', values: [2, 3, 3] }, { key: 'B', values: [4, 5, 4] }], { seed: 1 })
 */
export function compareOrdinal(
  samples: readonly GroupSample[],
  options: CompareOptions,
): GroupTest | null {
  const used = samples.filter((s) => s.values.length > 0)
  if (used.length < 2) return null
  const n = used.reduce((sum, s) => sum + s.values.length, 0)
  const permutations = permutationsFor(n)
  const result = kruskalWallis(
    used.map((s) => s.values),
    { seed: options.seed, permutations },
  )
  return ordinalTest(
    result,
    used.map((s) => s.key),
    n,
    permutations,
  )
}

/**
 * {@link compareOrdinal} for groups given as value counts (the values ascending in each group):
 * the same test, computed from the counts unless a group is small enough for a permutation
 * p-value.
 *
 * @example
 * compareOrdinalCounts([{ key: 'A', values: countValues([2, 3, 3]) }, …], { seed: 1 })
 */
export function compareOrdinalCounts(
  samples: readonly { key: string; values: ValueCounts }[],
  options: CompareOptions,
): GroupTest | null {
  const used = samples.filter((s) => s.values.n > 0)
  if (used.length < 2) return null
  const n = used.reduce((sum, s) => sum + s.values.n, 0)
  const permutations = permutationsFor(n)
  const counts = used.map((s) => s.values)
  const result =
    kruskalWallisCounts(counts) ??
    kruskalWallis(expandGroups(counts), { seed: options.seed, permutations })
  return ordinalTest(
    result,
    used.map((s) => s.key),
    n,
    permutations,
  )
}

/**
 * χ² (Cramér's V) or, for a sparse 2×2 table, Fisher's exact test of counts across groups.
 * Groups without counts are left out; `null` when fewer than 2 groups remain.
 *
 * @example
 * compareCounts([{ key: 'A', counts: [1, 9] }, { key: 'B', counts: [11, 3] }])?.name // 'fisher'
 */
export function compareCounts(rows: readonly GroupCounts[]): GroupTest | null {
  const used = rows.filter((r) => r.counts.some((c) => c > 0))
  if (used.length < 2) return null
  const groups = used.map((r) => r.key)
  const n = used.reduce((sum, r) => sum + r.counts.reduce((s, c) => s + c, 0), 0)
  const result = compareCategorical(used.map((r) => r.counts))
  if (result.test === null) {
    return buildTest('chi-square', NO_FIGURES, groups, n, `No test: ${result.reason}`)
  }
  const effect = { name: 'cramers-v' as const, value: result.cramersV }
  if (result.test === 'fisher') {
    const figures: TestFigures = { statistic: null, df: 1, p: result.p, effect, method: 'exact' }
    return buildTest('fisher', figures, groups, n, result.note)
  }
  const { statistic, df, p } = result
  return buildTest(
    'chi-square',
    { statistic, df, p, effect, method: 'asymptotic' },
    groups,
    n,
    result.note,
  )
}

/**
 * Fills `pHolm` and `pBH` of every test in place, adjusting over all tests with a p-value (the
 * document is one family). Returns the family size.
 *
 * @example
 * adjustTests([testA, testB]) // 2; testA.pHolm is now set
 */
export function adjustTests(tests: readonly GroupTest[]): number {
  const p = tests.map((t) => t.p)
  const holm = adjustPValues(p, 'holm')
  const bh = adjustPValues(p, 'bh')
  for (const [i, test] of tests.entries()) {
    test.pHolm = holm[i] ?? null
    test.pBH = bh[i] ?? null
  }
  return p.filter((v) => v !== null).length
}
