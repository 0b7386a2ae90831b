/**
 * The one module that uses danfo. It aggregates tallies of numeric answers — (group, item,
 * value, count) rows, already compressed by a plain loop — into n, sum, mean, min and max per
 * group × item and per item overall. A tally stays small (groups × items × scale points) even
 * for 100k responses, which keeps danfo's per-row cost off the raw answers. DataFrames never
 * leave this file: callers get plain objects.
 */

import { createRequire } from 'node:module'
import type * as Danfo from 'danfojs-node'

type DataFrame = Danfo.DataFrame

let danfo: typeof Danfo | undefined

/**
 * danfo, loaded at the first aggregation rather than with this module: with TensorFlow.js it
 * takes about a second to load, which `serve` (until the first analysis), `--help` and every
 * command that never aggregates would otherwise pay. danfojs-node is CommonJS, so a plain
 * require loads it synchronously and the analysis stays synchronous.
 */
function loadDanfo(): typeof Danfo {
  if (!danfo) {
    danfo = createRequire(import.meta.url)('danfojs-node') as typeof Danfo
    // Silences the tfjs banner; once per process.
    danfo.tensorflow.enableProdMode()
  }
  return danfo
}

/** How many respondents in `group` gave `value` to `item`. */
export interface TallyRow {
  group: string
  item: string
  value: number
  count: number
}

/** Aggregate of one item's values in one group (or overall). */
export interface ValueAggregate {
  item: string
  n: number
  sum: number
  mean: number
  min: number
  max: number
}

/** {@link ValueAggregate} of one group. */
export interface GroupAggregate extends ValueAggregate {
  group: string
}

/** Per group × item, and per item over all groups; both sorted by item then group. */
export interface TallyAggregates {
  groups: GroupAggregate[]
  overall: ValueAggregate[]
}

function columnIndex(columns: readonly string[], name: string): number {
  const index = columns.indexOf(name)
  if (index < 0) throw new Error(`danfo aggregation lost the column "${name}"`)
  return index
}

function readNumber(row: readonly unknown[], index: number): number {
  const v = row[index]
  if (typeof v !== 'number')
    throw new Error(`expected a number in column ${index}, got ${String(v)}`)
  return v
}

/** Rows of a danfo frame as plain arrays (danfo types its `values` loosely). */
function rowsOf(frame: DataFrame): unknown[][] {
  const values: unknown = frame.values
  if (!Array.isArray(values)) return []
  return values.filter((row): row is unknown[] => Array.isArray(row))
}

const AGGREGATION = { count: ['sum'], weighted: ['sum'], value: ['min', 'max'] }

/**
 * Reads `<key columns>, count_sum, weighted_sum, value_min, value_max` into aggregates; `keys`
 * are integer codes, because danfo joins composite keys with "-" (and "FR-93" has one).
 */
function readAggregates(frame: DataFrame, keys: readonly string[]) {
  const columns = frame.columns
  const at = {
    keys: keys.map((k) => columnIndex(columns, k)),
    n: columnIndex(columns, 'count_sum'),
    sum: columnIndex(columns, 'weighted_sum'),
    min: columnIndex(columns, 'value_min'),
    max: columnIndex(columns, 'value_max'),
  }
  return rowsOf(frame).map((row) => {
    const n = readNumber(row, at.n)
    const sum = readNumber(row, at.sum)
    return {
      codes: at.keys.map((index) => readNumber(row, index)),
      n,
      sum,
      mean: sum / n,
      min: readNumber(row, at.min),
      max: readNumber(row, at.max),
    }
  })
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function decode(names: readonly string[], code: number | undefined): string {
  const name = code === undefined ? undefined : names[code]
  if (name === undefined) throw new Error(`danfo aggregation returned an unknown code ${code}`)
  return name
}

/**
 * n (Σ count), sum (Σ value·count), mean, min and max of each item per group and overall,
 * computed with danfo `groupby().agg()`. Rows with a zero count are ignored.
 *
 * @example
 * aggregateTally([{ group: 'A', item: 'q', value: 4, count: 2 }, { group: 'B', item: 'q', value: 2, count: 1 }])
 * // { groups: [{ group: 'A', item: 'q', n: 2, sum: 8, mean: 4, … }, …], overall: [{ item: 'q', n: 3, sum: 10, … }] }
 */
export function aggregateTally(rows: readonly TallyRow[]): TallyAggregates {
  const kept = rows.filter((r) => r.count > 0)
  // danfo cannot build a frame without rows.
  if (kept.length === 0) return { groups: [], overall: [] }
  const groupNames = [...new Set(kept.map((r) => r.group))].sort(compareText)
  const itemNames = [...new Set(kept.map((r) => r.item))].sort(compareText)
  const groupCode = new Map(groupNames.map((name, code) => [name, code]))
  const itemCode = new Map(itemNames.map((name, code) => [name, code]))
  const frame = new (loadDanfo().DataFrame)({
    group: kept.map((r) => groupCode.get(r.group) ?? -1),
    item: kept.map((r) => itemCode.get(r.item) ?? -1),
    value: kept.map((r) => r.value),
    count: kept.map((r) => r.count),
  })
  // Plain JS arithmetic under the hood: no float32 rounding, large amounts stay exact.
  frame.addColumn('weighted', frame.column('value').mul(frame.column('count')), { inplace: true })
  const groups = readAggregates(frame.groupby(['group', 'item']).agg(AGGREGATION), [
    'group',
    'item',
  ])
    .map(({ codes: [group, item], ...rest }) => ({ group, item, ...rest }))
    .sort((a, b) => (a.item ?? 0) - (b.item ?? 0) || (a.group ?? 0) - (b.group ?? 0))
    .map(({ group, item, ...rest }) => ({
      group: decode(groupNames, group),
      item: decode(itemNames, item),
      ...rest,
    }))
  const overall = readAggregates(frame.groupby(['item']).agg(AGGREGATION), ['item'])
    .map(({ codes: [item], ...rest }) => ({ item, ...rest }))
    .sort((a, b) => (a.item ?? 0) - (b.item ?? 0))
    .map(({ item, ...rest }) => ({ item: decode(itemNames, item), ...rest }))
  return { groups, overall }
}
