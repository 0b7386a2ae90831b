/**
 * The paired (current, target) answers of one dimension in one cell, as the gap figures read
 * them: mean current, mean target and the gaps target − current — from the pair counts in
 * `counts` mode, or from every pair in response order in `ordered` mode.
 */

import { type MeanSample, sampleOf } from './mean-intervals.ts'
import type { AnswerLayout } from './tally/encode.ts'
import type { DimensionPlan, DimensionTally } from './tally/types.ts'
import { countPairs, countValues, sampleOfCounts, type ValueCounts } from './tally/value-counts.ts'

/** What a dimension cell and its tests need. */
export interface PairSample {
  n: number
  /** Mean current and target of the paired respondents; null without pairs. */
  current: number | null
  target: number | null
  /** The gaps, for the mean, sd and interval. */
  gaps: MeanSample
  /** The gaps as counts (for the rank test in `counts` mode). */
  gapCounts: ValueCounts
  /** The gaps in response order (`ordered` mode), for a rank test that may permute them. */
  ordered: number[] | null
}

function averageOf(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/** Mean of pair counts' values: integer scale points, so Σ value × count is exact. */
function weightedMean(scale: readonly number[], totals: Float64Array, n: number): number | null {
  if (n === 0) return null
  let sum = 0
  totals.forEach((count, i) => {
    sum += (scale[i] ?? 0) * count
  })
  return sum / n
}

/**
 * Summarises a dimension tally.
 *
 * @example
 * summarizePairs(group.dims[0], plans[0], layout).gaps.sum() // Σ (target − current)
 */
export function summarizePairs(
  dim: DimensionTally,
  plan: DimensionPlan,
  layout: AnswerLayout,
): PairSample {
  if (!dim.pairs) {
    const gaps = dim.target.map((t, i) => t - (dim.current[i] ?? 0))
    return {
      n: dim.n,
      current: averageOf(dim.current),
      target: averageOf(dim.target),
      gaps: sampleOf(gaps),
      gapCounts: countValues(gaps),
      ordered: gaps,
    }
  }
  const cs = layout.items[plan.current]?.scale ?? []
  const ts = layout.items[plan.target]?.scale ?? []
  const byCurrent = new Float64Array(plan.currentPoints)
  const byTarget = new Float64Array(plan.targetPoints)
  const gapPairs: [number, number][] = []
  for (let c = 0; c < plan.currentPoints; c++) {
    for (let t = 0; t < plan.targetPoints; t++) {
      const count = dim.pairs[c * plan.targetPoints + t] ?? 0
      if (count === 0) continue
      byCurrent[c] = (byCurrent[c] ?? 0) + count
      byTarget[t] = (byTarget[t] ?? 0) + count
      gapPairs.push([(ts[t] ?? 0) - (cs[c] ?? 0), count])
    }
  }
  const gapCounts = countPairs(gapPairs)
  // Small cells are bootstrapped over their gaps in response order, which the tally kept.
  const order =
    dim.n === dim.seq.length ? dim.target.map((t, i) => t - (dim.current[i] ?? 0)) : null
  return {
    n: dim.n,
    current: weightedMean(cs, byCurrent, dim.n),
    target: weightedMean(ts, byTarget, dim.n),
    gaps: sampleOfCounts(gapCounts, order),
    gapCounts,
    ordered: null,
  }
}
