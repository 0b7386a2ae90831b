/**
 * Tallies and describes one group's answers to one item (a cell of the document), before any
 * suppression: counts with Wilson intervals for choices, descriptives with a bootstrap interval
 * for numbers, positions and Borda points for rankings.
 */

import { DONT_KNOW, type ItemColumn, USABLE } from './flatten-answers.ts'
import type { ValueAggregate } from './frame.ts'
import { estimateMeanInterval, type ResampleSettings } from './mean-intervals.ts'
import type { ItemSpec } from './questions.ts'
import { quartiles, sd, wilsonInterval } from './stats/index.ts'
import type { ChoiceCell, Interval, NumericCell, RankingCell, TopBox } from './types.ts'

type Column<K extends ItemColumn['kind']> = Extract<ItemColumn, { kind: K }>

/** Scale values of a numeric item in one group: how often each value was given. */
export interface NumericTally {
  counts: Map<number, number>
  dk: number
}

/** Answers to a choice or multi-select item in one group. */
export interface KeyTally {
  /** Respondents with a usable answer. */
  n: number
  dk: number
  /** Respondents per option (for a multi-select, each option counts once per respondent). */
  counts: Map<string, number>
}

/** Answers to a ranking item in one group. */
export interface RankTally {
  n: number
  counts: Map<string, number>
  positions: Map<string, number>
  points: Map<string, number>
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by)
}

/** Counts each scale value (and the dk answers) of the responses at `indices`. */
export function tallyNumeric(column: Column<'numeric'>, indices: readonly number[]): NumericTally {
  const counts = new Map<number, number>()
  let dk = 0
  for (const i of indices) {
    const state = column.state[i]
    if (state === USABLE) bump(counts, column.values[i] ?? Number.NaN)
    else if (state === DONT_KNOW) dk++
  }
  return { counts, dk }
}

/** Counts the options chosen by the responses at `indices` (choice or multi-select). */
export function tallyKeys(
  column: Column<'choice'> | Column<'choices'>,
  indices: readonly number[],
): KeyTally {
  const counts = new Map<string, number>()
  let n = 0
  let dk = 0
  for (const i of indices) {
    const state = column.state[i]
    if (state === DONT_KNOW) dk++
    if (state !== USABLE) continue
    n++
    const value = column.values[i]
    if (typeof value === 'string') bump(counts, value)
    else if (Array.isArray(value)) for (const key of value) bump(counts, key)
  }
  return { n, dk, counts }
}

/**
 * Positions and Borda points of the known options ranked by the responses at `indices`: the
 * first place gets `item.rankPoints` points, each next place one fewer (never below 0).
 */
export function tallyRanking(column: Column<'ranking'>, indices: readonly number[]): RankTally {
  const known = new Set(column.item.options.map((o) => o.value))
  const tally: RankTally = { n: 0, counts: new Map(), positions: new Map(), points: new Map() }
  for (const i of indices) {
    const ranked = (column.values[i] ?? []).filter((key) => known.has(key))
    if (ranked.length === 0) continue
    tally.n++
    for (const [position, key] of ranked.entries()) {
      bump(tally.counts, key)
      bump(tally.positions, key, position + 1)
      bump(tally.points, key, Math.max(0, column.item.rankPoints - position))
    }
  }
  return tally
}

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

/** The tally's values, ascending, each repeated by its count. */
export function expandTally(tally: NumericTally): number[] {
  const values: number[] = []
  for (const value of [...tally.counts.keys()].sort((a, b) => a - b)) {
    const count = tally.counts.get(value) ?? 0
    for (let c = 0; c < count; c++) values.push(value)
  }
  return values
}

function topBox(item: ItemSpec, tally: NumericTally, n: number): TopBox | null {
  const scale = item.scale
  if (!scale || scale.length < 3) return null
  const top = [...scale].sort((a, b) => b - a).slice(0, 2)
  const count = top.reduce((sum, v) => sum + (tally.counts.get(v) ?? 0), 0)
  return { count, percent: n === 0 ? null : (100 * count) / n, ci95: percentInterval(count, n) }
}

/**
 * Descriptives of a numeric cell. n, mean, min and max come from the danfo aggregate; sd,
 * quartiles and the interval from the expanded (sorted) values, which are returned for the
 * tests too. Sorted values make the result independent of the order of the responses.
 */
export function describeNumeric(
  item: ItemSpec,
  tally: NumericTally,
  aggregate: ValueAggregate | undefined,
  settings: ResampleSettings,
): { cell: NumericCell; values: number[] } {
  const values = expandTally(tally)
  const q = quartiles(values)
  let counts: Record<string, number> | null = null
  if (item.scale) {
    counts = {}
    for (const point of item.scale) counts[String(point)] = tally.counts.get(point) ?? 0
  }
  const n = aggregate?.n ?? 0
  const cell: NumericCell = {
    n,
    dk: tally.dk,
    mean: aggregate?.mean ?? null,
    sd: sd(values),
    median: q?.median ?? null,
    q1: q?.q1 ?? null,
    q3: q?.q3 ?? null,
    min: aggregate?.min ?? null,
    max: aggregate?.max ?? null,
    ci95: estimateMeanInterval(values, settings),
    counts,
    top2: topBox(item, tally, n),
  }
  return { cell, values }
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
