/**
 * Per-question summaries by group and overall, with small-cell suppression applied and, when
 * asked, an exploratory test across the visible groups.
 */

import { compareCounts, compareOrdinalCounts } from './compare-groups.ts'
import { describeChoice, describeNumeric, describeRanking } from './describe-cells.ts'
import { compareKeys } from './group-responses.ts'
import type { ResampleSettings } from './mean-intervals.ts'
import type { ItemSpec } from './questions.ts'
import { hiddenCell, planSuppression } from './suppress.ts'
import { aggregateTally, type TallyRow, type ValueAggregate } from './tally/frame.ts'
import {
  type KeyTally,
  keyTally,
  mergeKeys,
  mergeNumeric,
  mergeRanks,
  type NumericTally,
  numericTally,
  rankTally,
  textCount,
} from './tally/item-tallies.ts'
import { FREE, type GroupTally, SCALED, type SlotPlan } from './tally/types.ts'
import { NO_VALUES, type ValueCounts } from './tally/value-counts.ts'
import type {
  GroupTest,
  OptionLabel,
  QuestionCell,
  QuestionSummary,
  SuppressedCell,
} from './types.ts'

/** Options of {@link summarizeQuestions}. */
export interface SummarySettings extends ResampleSettings {
  /** Suppression threshold: cells with n below it show only n. */
  k: number
  /** Whether to test across groups at all (false for one respondent per group). */
  runTests: boolean
}

/** The summaries, and every test they hold (for the document-wide p-value adjustment). */
export interface QuestionsResult {
  questions: QuestionSummary[]
  tests: GroupTest[]
}

/** A cell before suppression, with what a test needs. */
interface RawCell {
  cell: QuestionCell
  dk: number
  /** Numeric items: the values; choice items: the tally. */
  values?: ValueCounts
  tally?: KeyTally
}

const OVERALL = '\u0000overall'

/**
 * n, sum, mean, min and max of every numeric item per group and overall. Items on a scale go
 * through danfo as one small tally frame (groups × items × scale points); free numbers, whose
 * tally can hold as many rows as answers, are summed by a plain loop in the same order.
 */
function aggregateNumeric(
  items: readonly ItemSpec[],
  slots: SlotPlan,
  groups: readonly GroupTally[],
  numeric: Map<number, NumericTally[]>,
) {
  const rows: TallyRow[] = []
  const lookup = new Map<string, ValueAggregate>()
  items.forEach((item, j) => {
    const tallies = numeric.get(j)
    if (!tallies) return
    if (slots.kind[j] === SCALED) {
      groups.forEach((group, g) => {
        for (const [value, count] of tallies[g]?.entries ?? []) {
          rows.push({ group: group.key, item: item.path, value, count })
        }
      })
      return
    }
    groups.forEach((group, g) => {
      const a = aggregateEntries(item.path, tallies[g]?.entries ?? [])
      if (a) lookup.set(`${item.path}\u0000${group.key}`, a)
    })
    const all = aggregateEntries(
      item.path,
      tallies.flatMap((t) => t.entries),
    )
    if (all) lookup.set(`${item.path}\u0000${OVERALL}`, all)
  })
  const { groups: byGroup, overall } = aggregateTally(rows)
  for (const a of byGroup) lookup.set(`${a.item}\u0000${a.group}`, a)
  for (const a of overall) lookup.set(`${a.item}\u0000${OVERALL}`, a)
  return lookup
}

/** The aggregate of tally rows as danfo computes it: Σ in row order, min and max by reduce. */
function aggregateEntries(item: string, entries: readonly [number, number][]) {
  const kept = entries.filter(([, count]) => count > 0)
  const [first, ...rest] = kept
  if (!first) return undefined
  let n = first[1]
  let sum = first[0] * first[1]
  let min = first[0]
  let max = first[0]
  for (const [value, count] of rest) {
    n = n + count
    sum = sum + value * count
    // biome-ignore lint/complexity/useMathMinMax: the comparison danfo's reduce makes
    min = min < value ? min : value
    // biome-ignore lint/complexity/useMathMinMax: the comparison danfo's reduce makes
    max = max > value ? max : value
  }
  return { item, n, sum, mean: sum / n, min, max }
}

/** Option keys of a choice item: its options, then any other value given, sorted. */
function choiceKeys(options: readonly OptionLabel[], overall: KeyTally): OptionLabel[] {
  const known = new Set(options.map((o) => o.value))
  const extra = [...overall.counts.keys()].filter((k) => !known.has(k)).sort(compareKeys)
  return [...options, ...extra.map((value) => ({ value, label: value }))]
}

/** Raw cells of item j: one per group, then the overall. */
function describeItem(
  item: ItemSpec,
  j: number,
  slots: SlotPlan,
  groups: readonly GroupTally[],
  numeric: Map<number, NumericTally[]>,
  aggregates: Map<string, ValueAggregate>,
  settings: SummarySettings,
): { keys: OptionLabel[]; raw: RawCell[]; overall: RawCell } {
  const aggregate = (key: string) => aggregates.get(`${item.path}\u0000${key}`)
  switch (item.kind) {
    case 'numeric': {
      const tallies = numeric.get(j) ?? []
      const cellOf = (tally: NumericTally, key: string): RawCell => ({
        cell: describeNumeric(item, tally, aggregate(key), settings),
        dk: tally.dk,
        values: tally.sample,
      })
      const raw = groups.map((g, i) => cellOf(tallies[i] ?? mergeNumeric([]), g.key))
      return { keys: item.options, raw, overall: cellOf(mergeNumeric(tallies), OVERALL) }
    }
    case 'choice':
    case 'choices': {
      const tallies = groups.map((g) => keyTally(item, g, slots, j))
      const all = mergeKeys(tallies)
      const keys = choiceKeys(item.options, all)
      const values = keys.map((k) => k.value)
      const cellOf = (tally: KeyTally): RawCell => ({
        cell: describeChoice(values, tally),
        dk: tally.dk,
        tally,
      })
      return { keys, raw: tallies.map(cellOf), overall: cellOf(all) }
    }
    case 'ranking': {
      const tallies = groups.map((g) => rankTally(item, g, slots, j))
      const cellOf = (cell: ReturnType<typeof describeRanking>) => ({ cell, dk: 0 })
      const raw = tallies.map((t) => cellOf(describeRanking(item, t)))
      return {
        keys: item.options,
        raw,
        overall: cellOf(describeRanking(item, mergeRanks(tallies))),
      }
    }
    case 'text': {
      const counts = groups.map((g) => textCount(g, slots, j))
      const total = counts.reduce((s, c) => s + c, 0)
      return {
        keys: item.options,
        raw: counts.map((n) => ({ cell: { n }, dk: 0 })),
        overall: { cell: { n: total }, dk: 0 },
      }
    }
  }
}

/** Tests of one item across its visible groups; fills `tests` with every test run. */
function testItem(
  kind: ItemSpec['kind'],
  visible: { key: string; raw: RawCell }[],
  keys: readonly OptionLabel[],
  settings: SummarySettings,
): { test: GroupTest | null; optionTests: Record<string, GroupTest | null> | null } {
  const used = visible.filter((v) => v.raw.cell.n > 0)
  if (kind === 'choices') {
    const optionTests: Record<string, GroupTest | null> = {}
    for (const { value } of keys) {
      const rows = used.map(({ key, raw }) => {
        const yes = raw.tally?.counts.get(value) ?? 0
        return { key, counts: [yes, raw.cell.n - yes] }
      })
      optionTests[value] = settings.runTests ? compareCounts(rows) : null
    }
    return { test: null, optionTests }
  }
  if (!settings.runTests) return { test: null, optionTests: null }
  if (kind === 'numeric') {
    const samples = used.map(({ key, raw }) => ({ key, values: raw.values ?? NO_VALUES }))
    return { test: compareOrdinalCounts(samples, { seed: settings.seed }), optionTests: null }
  }
  if (kind === 'choice') {
    const rows = used.map(({ key, raw }) => ({
      key,
      counts: keys.map((k) => raw.tally?.counts.get(k.value) ?? 0),
    }))
    return { test: compareCounts(rows), optionTests: null }
  }
  return { test: null, optionTests: null }
}

/**
 * Summarises every item by group and overall (the union of the groups). Each cell whose n is
 * below k — and each cell hidden by complementary suppression — shows only `{ n, suppressed }`;
 * tests use the visible groups with at least one answer.
 *
 * @example
 * summarizeQuestions(items, slots, tally.groups, { k: 5, seed: 1, resamples: 2000, runTests: true })
 */
export function summarizeQuestions(
  items: readonly ItemSpec[],
  slots: SlotPlan,
  groups: readonly GroupTally[],
  settings: SummarySettings,
): QuestionsResult {
  const numeric = new Map<number, NumericTally[]>()
  items.forEach((item, j) => {
    if (slots.kind[j] === SCALED || slots.kind[j] === FREE) {
      numeric.set(
        j,
        groups.map((g) => numericTally(item, g, slots, j)),
      )
    }
  })
  const aggregates = aggregateNumeric(items, slots, groups, numeric)
  const tests: GroupTest[] = []
  const questions = items.map((item, j): QuestionSummary => {
    const described = describeItem(item, j, slots, groups, numeric, aggregates, settings)
    const { keys, overall } = described
    const raw = groups.map((g, i) => ({ key: g.key, raw: described.raw[i] ?? overall }))
    const protect = item.kind !== 'text'
    const plan = planSuppression(
      raw.map(({ key, raw: r }) => ({
        key,
        small: r.cell.n < settings.k,
        sizes: protect ? [r.cell.n, r.cell.n + r.dk] : [],
      })),
      settings.k,
      { overallSmall: overall.cell.n < settings.k },
    )
    const cells: Record<string, QuestionCell | SuppressedCell> = {}
    for (const { key, raw: r } of raw) {
      const reason = plan.hidden.get(key)
      cells[key] = reason ? hiddenCell(r.cell.n, reason) : r.cell
    }
    const visible = raw.filter(({ key }) => !plan.hidden.has(key))
    const { test, optionTests } = testItem(item.kind, visible, keys, settings)
    if (test) tests.push(test)
    for (const t of Object.values(optionTests ?? {})) if (t) tests.push(t)
    return {
      name: item.path,
      question: item.question,
      type: item.type,
      cellType: item.cellType,
      kind: item.kind,
      title: item.title,
      options: keys,
      groups: cells,
      overall: plan.overall ? hiddenCell(overall.cell.n, plan.overall) : overall.cell,
      test,
      optionTests,
    }
  })
  return { questions, tests }
}
