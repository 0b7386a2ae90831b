/**
 * Tests of association in contingency tables (rows = groups such as regions, columns =
 * answer options): Pearson χ² with Cramér's V, Fisher's exact test for 2×2 tables, and a
 * chooser between them. Tables that admit no test give `p: null` and a `reason`.
 */

import { chiSquareSf, hypergeometricLogPmf } from './distributions.ts'

/** A Pearson χ² test that could be computed. */
export interface ChiSquareTest {
  statistic: number
  /** (r − 1)(c − 1) of the table after dropping all-zero rows and columns. */
  df: number
  p: number
  /** √(χ² / (N · (min(r, c) − 1))), in [0, 1]. */
  cramersV: number
  /** Smallest expected count; below 5 the χ² approximation is doubtful. */
  minExpected: number
  /** Total count N. */
  n: number
}

/** A χ² test that the table cannot support. */
export interface ChiSquareUntestable {
  statistic: null
  df: null
  p: null
  cramersV: null
  minExpected: null
  n: number
  reason: string
}

export type ChiSquareResult = ChiSquareTest | ChiSquareUntestable

/** Fisher's exact test on a 2×2 table. */
export type FisherResult =
  | {
      /** Two-sided p-value (SciPy `fisher_exact`). */
      p: number
      /**
       * Sample odds ratio (a·d)/(b·c); `Infinity` when b·c = 0, `null` when a row or column
       * is all zero (p is then 1).
       */
      oddsRatio: number | null
    }
  | { p: null; oddsRatio: null; reason: string }

/** Which test {@link compareCategorical} ran, with its result and a sentence saying why. */
export type CategoricalComparison =
  | ({ test: 'chi-square'; note: string } & ChiSquareTest)
  | {
      test: 'fisher'
      note: string
      p: number
      oddsRatio: number | null
      /** Cramér's V (= |φ| for 2×2), so effect sizes compare across items. */
      cramersV: number
      minExpected: number
      n: number
    }
  | { test: null; p: null; reason: string }

/** Why the table is not a table of counts, or null when it is. */
function findTableProblem(table: readonly (readonly number[])[]): string | null {
  const width = table[0]?.length ?? 0
  if (table.length === 0 || width === 0) return 'the table is empty'
  if (table.some((row) => row.length !== width)) return 'rows have different lengths'
  if (table.some((row) => row.some((v) => !(Number.isFinite(v) && v >= 0)))) {
    return 'counts must be finite and non-negative'
  }
  return null
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0)
}

/** The table without rows and columns whose counts are all zero (they carry no information). */
function dropEmptyMargins(table: readonly (readonly number[])[]): number[][] {
  const rows = table.filter((row) => sum(row) > 0)
  const width = rows[0]?.length ?? 0
  const keep = Array.from({ length: width }, (_, j) => rows.some((row) => (row[j] ?? 0) > 0))
  return rows.map((row) => row.filter((_, j) => keep[j]))
}

/**
 * Pearson χ² test of independence without continuity correction (SciPy
 * `chi2_contingency(table, correction=False)`), after dropping all-zero rows and columns.
 * Fewer than 2 non-empty rows or columns, or entries that are not counts, give `p: null`.
 *
 * @example
 * chiSquare([[12, 5, 3], [4, 9, 8]]) // { statistic: 7.3956, df: 2, p: 0.024778, cramersV: 0.4247, … }
 */
export function chiSquare(table: readonly (readonly number[])[]): ChiSquareResult {
  const problem = findTableProblem(table)
  const reduced = problem === null ? dropEmptyMargins(table) : []
  const n = sum(reduced.map(sum))
  const untestable = (reason: string): ChiSquareUntestable => ({
    statistic: null,
    df: null,
    p: null,
    cramersV: null,
    minExpected: null,
    n,
    reason,
  })
  if (problem !== null) return untestable(problem)
  const rowTotals = reduced.map(sum)
  const columnTotals = (reduced[0] ?? []).map((_, j) => sum(reduced.map((row) => row[j] ?? 0)))
  const r = rowTotals.length
  const c = columnTotals.length
  if (r < 2 || c < 2) {
    return untestable(`needs at least 2 non-empty rows and 2 non-empty columns, got ${r}×${c}`)
  }

  let statistic = 0
  let minExpected = Number.POSITIVE_INFINITY
  for (const [i, row] of reduced.entries()) {
    for (const [j, observed] of row.entries()) {
      const expected = ((rowTotals[i] ?? 0) * (columnTotals[j] ?? 0)) / n
      statistic += (observed - expected) ** 2 / expected
      minExpected = Math.min(minExpected, expected)
    }
  }
  const df = (r - 1) * (c - 1)
  return {
    statistic,
    df,
    p: chiSquareSf(statistic, df),
    cramersV: Math.sqrt(statistic / (n * (Math.min(r, c) - 1))),
    minExpected,
    n,
  }
}

/** Relative tolerance for "as probable as the observed table" (as in R's fisher.test). */
const FISHER_TOLERANCE = 1e-7

/**
 * Two-sided Fisher exact test for a 2×2 table of counts (SciPy `fisher_exact`): the total
 * probability, under fixed margins, of all tables no more probable than the observed one.
 * A table that is not 2×2 or holds non-integer counts gives `p: null` with a `reason`.
 *
 * @example
 * fisherExact2x2([[1, 9], [11, 3]]) // { p: 0.0027594562, oddsRatio: 0.0303 }
 */
export function fisherExact2x2(table: readonly (readonly number[])[]): FisherResult {
  const [a = -1, b = -1] = table[0] ?? []
  const [c = -1, d = -1] = table[1] ?? []
  const cells = [a, b, c, d]
  if (table.length !== 2 || table.some((row) => row.length !== 2)) {
    return { p: null, oddsRatio: null, reason: 'Fisher exact test needs a 2×2 table' }
  }
  if (!cells.every((v) => Number.isInteger(v) && v >= 0)) {
    return { p: null, oddsRatio: null, reason: 'counts must be non-negative integers' }
  }
  const row1 = a + b
  const row2 = c + d
  const column1 = a + c
  if (row1 === 0 || row2 === 0 || column1 === 0 || b + d === 0) return { p: 1, oddsRatio: null }

  const oddsRatio = b * c === 0 ? Number.POSITIVE_INFINITY : (a * d) / (b * c)
  // The top-left cell is hypergeometric given the margins; sum every outcome at most as
  // probable as the observed one.
  const total = row1 + row2
  const logObserved = hypergeometricLogPmf(a, total, row1, column1)
  const cutoff = logObserved + Math.log1p(FISHER_TOLERANCE)
  let p = 0
  for (let k = Math.max(0, column1 - row2); k <= Math.min(row1, column1); k++) {
    const logP = hypergeometricLogPmf(k, total, row1, column1)
    if (logP <= cutoff) p += Math.exp(logP)
  }
  return { p: Math.min(1, p), oddsRatio }
}

/**
 * Compare a categorical answer across groups: Fisher's exact test when the table (after
 * dropping all-zero rows and columns) is 2×2 with any expected count below 5, otherwise
 * Pearson χ². `test` says which ran and `note` says why, ready for a method section.
 *
 * @example
 * compareCategorical([[1, 9], [11, 3]]).test // 'fisher'
 */
export function compareCategorical(table: readonly (readonly number[])[]): CategoricalComparison {
  const chi = chiSquare(table)
  if (chi.p === null) return { test: null, p: null, reason: chi.reason }
  const expected = chi.minExpected.toFixed(2)
  if (chi.df === 1 && chi.minExpected < 5) {
    const fisher = fisherExact2x2(dropEmptyMargins(table))
    if (fisher.p !== null) {
      return {
        test: 'fisher',
        note: `Fisher exact test: 2×2 table with a smallest expected count of ${expected} (< 5)`,
        p: fisher.p,
        oddsRatio: fisher.oddsRatio,
        cramersV: chi.cramersV,
        minExpected: chi.minExpected,
        n: chi.n,
      }
    }
  }
  const note =
    chi.minExpected < 5
      ? `Pearson χ²: smallest expected count ${expected} (< 5), so the p-value is approximate`
      : `Pearson χ²: every expected count is at least 5`
  return { test: 'chi-square', note, ...chi }
}
