/**
 * Diverging stacked bars of one Likert item (a rating or a matrix row) by group: low answers to
 * the left of zero, high ones to the right, the neutral middle point split across zero. The
 * stacking is computed here so the category order is explicit and never re-sorted by Vega.
 */
import type { TopLevelSpec } from 'vega-lite'
import type { AnalysisDocument, QuestionSummary } from '../../analysis/types.ts'
import { textWidth } from '../draw/font-metrics.ts'
import { CHART_PADDING, linesWidth, MAX_CHART_WIDTH } from './layout.ts'
import { findQuestion, groupLabels, isNumericCell, isSuppressed } from './read-document.ts'
import type { ChartOptions } from './theme.ts'
import {
  chartConfig,
  chartTitle,
  divergingColours,
  round,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** Widest plot: room for a five-point legend on one line. */
const MAX_PLOT = 520

/** Row labels (group and n) longer than this are cut with "…". */
const LABEL_LIMIT = 220

/** One coloured segment of one row. */
interface Segment {
  row: string
  category: string
  x0: number
  x1: number
  percent: number
  mid: number
  dark: boolean
}

/** A row with no figures: suppressed or empty. */
interface EmptyRow {
  row: string
  note: string
}

/**
 * Likert distribution of `name` (e.g. `performance.regulation`): "All" then every group.
 * @example likertBars(doc, { locale: 'en' }, 'performance.regulation')
 */
export function likertBars(
  doc: AnalysisDocument,
  options: ChartOptions,
  name: string,
): TopLevelSpec {
  const question = findQuestion(doc, name)
  if (!question) throw new Error(`${doc.survey}: no question "${name}"`)
  const text = textFor(options)
  const k = doc.suppressBelow
  const scale = likertScale(question)
  if (scale.length < 2) throw new Error(`${doc.survey}: "${name}" has no scale`)
  const colours = divergingColours(scale.length)
  const middle = scale.length % 2 === 1 ? (scale.length - 1) / 2 : -1
  const labels = groupLabels(doc)
  const rows = [
    { key: null, label: text.allGroups, cell: question.overall },
    ...doc.groups.map((g) => ({
      key: g.key,
      label: labels.get(g.key) ?? g.key,
      cell: Object.hasOwn(question.groups, g.key) ? question.groups[g.key] : undefined,
    })),
  ]
  const segments: Segment[] = []
  const empty: EmptyRow[] = []
  const order: string[] = []
  let extent = 0
  let dk = 0
  for (const r of rows) {
    const cell = r.cell
    if (!cell || isSuppressed(cell) || !isNumericCell(cell) || !cell.counts || cell.n === 0) {
      const hidden = cell && isSuppressed(cell) && cell.reason === 'complementary'
      const note = hidden
        ? text.hiddenCell
        : cell && isSuppressed(cell)
          ? text.suppressedCell(k)
          : text.noData
      order.push(r.label)
      empty.push({ row: r.label, note })
      continue
    }
    if (r.key === null) dk = cell.dk
    const counts = cell.counts
    const row = text.panelN(r.label, cell.n)
    order.push(row)
    const share = scale.map((p) => (100 * (counts[p.value] ?? 0)) / cell.n)
    const neutral = middle >= 0 ? (share[middle] ?? 0) : 0
    // Walk outwards from zero on each side so the categories next to neutral touch it.
    let left = -neutral / 2
    let right = neutral / 2
    const placed: [number, number][] = scale.map(() => [0, 0])
    for (let i = (middle >= 0 ? middle : scale.length / 2) - 1; i >= 0; i--) {
      const w = share[i] ?? 0
      placed[i] = [left - w, left]
      left -= w
    }
    for (let i = middle >= 0 ? middle + 1 : scale.length / 2; i < scale.length; i++) {
      const w = share[i] ?? 0
      placed[i] = [right, right + w]
      right += w
    }
    if (middle >= 0) placed[middle] = [-neutral / 2, neutral / 2]
    extent = Math.max(extent, -left, right)
    scale.forEach((p, i) => {
      const [x0, x1] = placed[i] ?? [0, 0]
      const percent = share[i] ?? 0
      if (percent <= 0) return
      segments.push({
        row,
        category: p.label,
        x0: round(x0, 2),
        x1: round(x1, 2),
        percent: round(percent, 1),
        mid: round((x0 + x1) / 2, 2),
        dark: i === 0 || i === scale.length - 1,
      })
    })
  }
  const bound = Math.min(100, Math.max(50, Math.ceil(extent / 25) * 25))
  const domain = [-bound, bound]
  const y = {
    field: 'row',
    type: 'nominal' as const,
    sort: order,
    title: null,
    axis: { labelLimit: LABEL_LIMIT },
  }
  const x = {
    type: 'quantitative' as const,
    scale: { domain, nice: false },
    title: text.share,
    axis: { labelExpr: "format(abs(datum.value), 'd')", values: ticks(bound) },
  }
  // A matrix row's title is "Question — Row": the row is what this chart is about.
  const [head, ...rest] = question.title.split(' — ')
  const title = rest.length > 0 ? rest.join(' — ') : question.title
  const notes = rest.length > 0 && head ? [head] : []
  const overall = isNumericCell(question.overall) ? question.overall.n : 0
  notes.push(text.n(overall), text.likertSubtitle)
  if (dk > 0) notes.push(text.dkNote(dk))
  notes.push(text.suppressedNote(k))
  if (empty.some((e) => e.note === text.hiddenCell)) notes.push(text.hiddenNote)
  // The plot takes what the row labels leave of the chart width.
  const labelWidth = Math.min(LABEL_LIMIT, Math.ceil(linesWidth(order, 11)))
  const width = Math.min(MAX_PLOT, MAX_CHART_WIDTH - 2 * CHART_PADDING - labelWidth - 40)
  // The legend starts under the plot: on one line when it fits there, else in as many columns
  // as fit.
  const entries = scale.map((p) => textWidth(p.label, 11) + 30)
  const room = MAX_CHART_WIDTH - 2 * CHART_PADDING - labelWidth - 12
  const legendColumns =
    entries.reduce((a, b) => a + b, 0) <= room
      ? scale.length
      : Math.max(1, Math.min(scale.length, Math.floor(room / Math.max(...entries))))
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, notes),
    config: chartConfig(options),
    width,
    height: { step: 24 },
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: { band: 0.75 } },
        encoding: {
          y,
          x: { ...x, field: 'x0' },
          x2: { field: 'x1' },
          color: {
            field: 'category',
            type: 'nominal',
            title: null,
            scale: { domain: scale.map((p) => p.label), range: colours },
            legend: {
              orient: 'bottom',
              direction: 'horizontal',
              columns: legendColumns,
            },
          },
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#333333', strokeWidth: 1 },
        encoding: { x: { ...x, field: 'zero' } },
      },
      {
        data: { values: segments },
        transform: [{ filter: 'datum.percent >= 8' }],
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          y,
          x: { ...x, field: 'mid' },
          text: { field: 'percent', type: 'quantitative', format: '.0f' },
          color: { condition: { test: 'datum.dark', value: 'white' }, value: 'black' },
        },
      },
      {
        data: { values: empty },
        mark: { type: 'text', fontSize: 10, color: '#555555' },
        encoding: { y, x: { ...x, datum: 0 }, text: { field: 'note' } },
      },
    ],
  }
}

/** Scale points of a Likert item in ascending order, with their labels. */
export function likertScale(question: QuestionSummary): { value: string; label: string }[] {
  return question.options
    .filter((o) => Number.isFinite(Number(o.value)))
    .sort((a, b) => Number(a.value) - Number(b.value))
}

function ticks(bound: number): number[] {
  const step = bound > 50 ? 25 : 10
  const values: number[] = []
  for (let v = -bound; v <= bound; v += step) values.push(v)
  return values
}
