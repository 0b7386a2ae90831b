/**
 * Reads one item's tally out of a group's cells (see `tally/types.ts`) in the shapes the cell
 * descriptions take — value counts for numbers, key counts for choices, positions and points
 * for rankings — and adds groups together for the overall column.
 */

import type { ItemSpec } from '../questions.ts'
import { FREE, type GroupTally, type SlotPlan } from './types.ts'
import { countPairs, type ValueCounts } from './value-counts.ts'

/** Numeric answers of one group: the sample, the tally rows in first-answer order, and dk. */
export interface NumericTally {
  sample: ValueCounts
  /**
   * (value, count) in the order the values were first given — the row order of the tally that
   * the per-group sums are taken in.
   */
  entries: [value: number, count: number][]
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

/** Where item j's slots are, and how many points or options it has. */
function slotsOf(slots: SlotPlan, j: number): { at: number; size: number } {
  return { at: slots.base[j] ?? 0, size: slots.points[j] ?? 0 }
}

/** Entries (value, count) of free numbers, in first-given order, as a `Map` keeps them. */
function entriesOf(values: Float64Array): [number, number][] {
  const map = new Map<number, number>()
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1)
  return [...map]
}

/**
 * The numeric tally of item j in one group.
 *
 * @example
 * numericTally(item, group, slots, j).sample // { values: [1, 2, 4], counts: [3, 5, 2], n: 10 }
 */
export function numericTally(
  item: ItemSpec,
  group: GroupTally,
  slots: SlotPlan,
  j: number,
): NumericTally {
  const { at, size } = slotsOf(slots, j)
  const dk = group.cells[at] ?? 0
  let entries: [number, number][]
  if (slots.kind[j] === FREE) entries = entriesOf(group.free[j]?.values() ?? new Float64Array())
  else {
    const given: { value: number; count: number; first: number }[] = []
    for (let i = 0; i < size; i++) {
      const count = group.cells[at + 1 + i] ?? 0
      if (count === 0) continue
      const first = group.cells[at + 1 + size + i] ?? 0
      given.push({ value: item.scale?.[i] ?? Number.NaN, count, first })
    }
    entries = given.sort((a, b) => a.first - b.first).map((g) => [g.value, g.count])
  }
  return { sample: countPairs(entries), entries, dk }
}

/** The union of numeric tallies; entries follow the groups' order, as in one tally frame. */
export function mergeNumeric(tallies: readonly NumericTally[]): NumericTally {
  const entries = tallies.flatMap((t) => t.entries)
  return {
    sample: countPairs(entries),
    entries,
    dk: tallies.reduce((s, t) => s + t.dk, 0),
  }
}

/** The key tally of a choice or multi-select item j in one group. */
export function keyTally(item: ItemSpec, group: GroupTally, slots: SlotPlan, j: number): KeyTally {
  const { at, size } = slotsOf(slots, j)
  const counts = new Map<string, number>()
  for (let i = 0; i < size; i++) {
    const count = group.cells[at + 2 + i] ?? 0
    const value = item.options[i]?.value
    if (count > 0 && value !== undefined && !counts.has(value)) counts.set(value, count)
  }
  for (const [key, count] of group.extras[j] ?? []) counts.set(key, count)
  return { n: group.cells[at] ?? 0, dk: group.cells[at + 1] ?? 0, counts }
}

function addCounts(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count)
}

/** The union of key tallies. */
export function mergeKeys(tallies: readonly KeyTally[]): KeyTally {
  const out: KeyTally = { n: 0, dk: 0, counts: new Map() }
  for (const t of tallies) {
    out.n += t.n
    out.dk += t.dk
    addCounts(out.counts, t.counts)
  }
  return out
}

/** The ranking tally of item j in one group (known options only). */
export function rankTally(
  item: ItemSpec,
  group: GroupTally,
  slots: SlotPlan,
  j: number,
): RankTally {
  const { at, size } = slotsOf(slots, j)
  const tally: RankTally = {
    n: group.cells[at] ?? 0,
    counts: new Map(),
    positions: new Map(),
    points: new Map(),
  }
  for (let i = 0; i < size; i++) {
    const value = item.options[i]?.value
    const placed = group.cells[at + 1 + i] ?? 0
    if (value === undefined || placed === 0 || tally.counts.has(value)) continue
    tally.counts.set(value, placed)
    tally.positions.set(value, group.cells[at + 1 + size + i] ?? 0)
    tally.points.set(value, group.cells[at + 1 + 2 * size + i] ?? 0)
  }
  return tally
}

/** The union of ranking tallies. */
export function mergeRanks(tallies: readonly RankTally[]): RankTally {
  const out: RankTally = { n: 0, counts: new Map(), positions: new Map(), points: new Map() }
  for (const t of tallies) {
    out.n += t.n
    addCounts(out.counts, t.counts)
    addCounts(out.positions, t.positions)
    addCounts(out.points, t.points)
  }
  return out
}

/** Respondents who answered open item j in one group. */
export function textCount(group: GroupTally, slots: SlotPlan, j: number): number {
  return group.cells[slots.base[j] ?? 0] ?? 0
}
