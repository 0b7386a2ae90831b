/**
 * Per-question summaries by group and overall, with small-cell suppression applied and, when
 * asked, an exploratory test across the visible groups.
 */

import { compareCounts, compareOrdinal } from './compare-groups.ts'
import {
  describeChoice,
  describeNumeric,
  describeRanking,
  type KeyTally,
  tallyKeys,
  tallyNumeric,
  tallyRanking,
} from './describe-cells.ts'
import { type ItemColumn, USABLE } from './flatten-answers.ts'
import { aggregateTally, type TallyRow, type ValueAggregate } from './frame.ts'
import { compareKeys, type ResponseGroup } from './group-responses.ts'
import type { ResampleSettings } from './mean-intervals.ts'
import { hiddenCell, planSuppression } from './suppress.ts'
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
  values?: number[]
  tally?: KeyTally
}

const OVERALL = '\u0000overall'

function allIndices(groups: readonly ResponseGroup[]): number[] {
  return groups.flatMap((g) => g.indices)
}

/** Tally rows of every numeric item per group and overall, aggregated by danfo in one frame. */
function aggregateNumeric(columns: readonly ItemColumn[], groups: readonly ResponseGroup[]) {
  const rows: TallyRow[] = []
  for (const column of columns) {
    if (column.kind !== 'numeric') continue
    for (const group of groups) {
      for (const [value, count] of tallyNumeric(column, group.indices).counts) {
        rows.push({ group: group.key, item: column.item.path, value, count })
      }
    }
  }
  const { groups: byGroup, overall } = aggregateTally(rows)
  const lookup = new Map<string, ValueAggregate>()
  for (const a of byGroup) lookup.set(`${a.item}\u0000${a.group}`, a)
  for (const a of overall) lookup.set(`${a.item}\u0000${OVERALL}`, a)
  return lookup
}

/** Option keys of a choice item: its options, then any other value given, sorted. */
function choiceKeys(options: readonly OptionLabel[], overall: KeyTally): OptionLabel[] {
  const known = new Set(options.map((o) => o.value))
  const extra = [...overall.counts.keys()].filter((k) => !known.has(k)).sort(compareKeys)
  return [...options, ...extra.map((value) => ({ value, label: value }))]
}

function describeCell(
  column: ItemColumn,
  indices: readonly number[],
  keys: readonly OptionLabel[],
  aggregate: ValueAggregate | undefined,
  settings: SummarySettings,
): RawCell {
  switch (column.kind) {
    case 'numeric': {
      const tally = tallyNumeric(column, indices)
      const { cell, values } = describeNumeric(column.item, tally, aggregate, settings)
      return { cell, dk: tally.dk, values }
    }
    case 'choice':
    case 'choices': {
      const tally = tallyKeys(column, indices)
      const cell = describeChoice(
        keys.map((k) => k.value),
        tally,
      )
      return { cell, dk: tally.dk, tally }
    }
    case 'ranking':
      return { cell: describeRanking(column.item, tallyRanking(column, indices)), dk: 0 }
    case 'text': {
      let n = 0
      for (const i of indices) if (column.state[i] === USABLE) n++
      return { cell: { n }, dk: 0 }
    }
  }
}

/** Tests of one item across its visible groups; fills `tests` with every test run. */
function testItem(
  column: ItemColumn,
  visible: { key: string; raw: RawCell }[],
  keys: readonly OptionLabel[],
  settings: SummarySettings,
): { test: GroupTest | null; optionTests: Record<string, GroupTest | null> | null } {
  const used = visible.filter((v) => v.raw.cell.n > 0)
  if (column.kind === 'choices') {
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
  if (column.kind === 'numeric') {
    const samples = used.map(({ key, raw }) => ({ key, values: raw.values ?? [] }))
    return { test: compareOrdinal(samples, { seed: settings.seed }), optionTests: null }
  }
  if (column.kind === 'choice') {
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
 * summarizeQuestions(columns, plan.groups, { k: 5, seed: 1, resamples: 2000, runTests: true })
 */
export function summarizeQuestions(
  columns: readonly ItemColumn[],
  groups: readonly ResponseGroup[],
  settings: SummarySettings,
): QuestionsResult {
  const aggregates = aggregateNumeric(columns, groups)
  const everyone = allIndices(groups)
  const tests: GroupTest[] = []
  const questions = columns.map((column): QuestionSummary => {
    const { item } = column
    const keys =
      column.kind === 'choice' || column.kind === 'choices'
        ? choiceKeys(item.options, tallyKeys(column, everyone))
        : item.options
    const cellOf = (indices: readonly number[], key: string) =>
      describeCell(column, indices, keys, aggregates.get(`${item.path}\u0000${key}`), settings)
    const raw = groups.map((g) => ({ key: g.key, raw: cellOf(g.indices, g.key) }))
    const overall = cellOf(everyone, OVERALL)

    const protect = column.kind !== 'text'
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
    const { test, optionTests } = testItem(column, visible, keys, settings)
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
