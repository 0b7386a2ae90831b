/**
 * Describes one group's answers to one item (a cell of the document), before any suppression:
 * counts with Wilson intervals for choices, descriptives with a bootstrap interval for numbers,
 * positions and Borda points for rankings. Tallies come from `item-tallies.ts`.
 */

import { estimateMeanInterval, type ResampleSettings } from './mean-intervals.ts'
import type { ItemSpec } from './questions.ts'
import { wilsonInterval } from './stats/index.ts'
import type { ValueAggregate } from './tally/frame.ts'
import type { KeyTally, NumericTally, RankTally } from './tally/item-tallies.ts'
import {
  observedQuartilesAscending,
  quartilesAscending,
  sampleOfCounts,
  sdAscending,
} from './tally/value-counts.ts'
import type { ChoiceCell, Interval, NumericCell, RankingCell, TopBox } from './types.ts'

/** Wilson interval of x of n, in percent. */
function percentInterval(x: number, n: number): Interval | null {
  const interval = wilsonInterval(x, n)
  return interval ? [interval[0] * 100, interval[1] * 100] : null
}

/** Counts, percentages of n and Wilson intervals for every key, in the order of `keys`. */
export function describeChoice(keys: readonly string[], tally: KeyTally): ChoiceCell {
  const counts: Record<string, number> = {}
  const percent: Record<string, number | null> = {}
  const ci95: Record<string, Interval | null> = {}
  for (const key of keys) {
    const x = tally.counts.get(key) ?? 0
    counts[key] = x
    percent[key] = tally.n === 0 ? null : (100 * x) / tally.n
    ci95[key] = percentInterval(x, tally.n)
  }
  return { n: tally.n, dk: tally.dk, counts, percent, ci95 }
}

function countOf(tally: NumericTally, value: number): number {
  const at = tally.sample.values.indexOf(value === 0 ? 0 : value)
  return at < 0 ? 0 : (tally.sample.counts[at] ?? 0)
}

function topBox(item: ItemSpec, tally: NumericTally, n: number): TopBox | null {
  const scale = item.scale
  if (!scale || scale.length < 3) return null
  const top = [...scale].sort((a, b) => b - a).slice(0, 2)
  const count = top.reduce((sum, v) => sum + countOf(tally, v), 0)
  return { count, percent: n === 0 ? null : (100 * count) / n, ci95: percentInterval(count, n) }
}

/**
 * Descriptives of a numeric cell. n, mean, min and max come from the tally aggregate (danfo);
 * sd, quartiles and the interval from the value counts, with the arithmetic of the sorted
 * sample, so the result is independent of the order of the responses. Quartiles interpolate
 * (type 7), except for a free number whose answers are all whole numbers: there each quartile
 * is an answer somebody gave (type 1), so a median year is a year, never 2023.5.
 */
export function describeNumeric(
  item: ItemSpec,
  tally: NumericTally,
  aggregate: ValueAggregate | undefined,
  settings: ResampleSettings,
): NumericCell {
  const whole = !item.scale && tally.sample.values.every(Number.isInteger)
  const q = whole ? observedQuartilesAscending(tally.sample) : quartilesAscending(tally.sample)
  let counts: Record<string, number> | null = null
  if (item.scale) {
    counts = {}
    for (const point of item.scale) counts[String(point)] = countOf(tally, point)
  }
  const n = aggregate?.n ?? 0
  return {
    n,
    dk: tally.dk,
    mean: aggregate?.mean ?? null,
    sd: sdAscending(tally.sample),
    median: q?.median ?? null,
    q1: q?.q1 ?? null,
    q3: q?.q3 ?? null,
    min: aggregate?.min ?? null,
    max: aggregate?.max ?? null,
    ci95: estimateMeanInterval(sampleOfCounts(tally.sample), settings),
    counts,
    top2: topBox(item, tally, n),
  }
}

/** Times placed, mean position and Borda points of every option, in option order. */
export function describeRanking(item: ItemSpec, tally: RankTally): RankingCell {
  const counts: Record<string, number> = {}
  const meanRank: Record<string, number | null> = {}
  const points: Record<string, number> = {}
  for (const { value } of item.options) {
    const placed = tally.counts.get(value) ?? 0
    counts[value] = placed
    meanRank[value] = placed === 0 ? null : (tally.positions.get(value) ?? 0) / placed
    points[value] = tally.points.get(value) ?? 0
  }
  return { n: tally.n, counts, meanRank, points }
}
