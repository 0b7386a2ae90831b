/**
 * What every report composer shares: the document, the language's strings and formats, group
 * labels, and the pool of charts (each chart is placed exactly once, numbered in order).
 */
import type {
  AnalysisDocument,
  DimensionCell,
  DimensionSummary,
  GroupEntry,
  NumericCell,
  SuppressedCell,
} from '../../analysis/types.ts'
import { groupLabels, isSuppressed } from '../charts/read-document.ts'
import type { ChartEntry } from '../charts/registry.ts'
import type { ReportFormat, ReportLanguage } from './format.ts'
import { reportFormat, reportLanguage } from './format.ts'
import type { ReportBlock, ReportCell } from './model.ts'
import type { GroupWord, GroupWordForms, ReportText } from './text/index.ts'
import { reportText } from './text/index.ts'

/** Charts not yet placed, in list order; taking one numbers it as the next figure. */
export interface ChartPool {
  /** The chart with this id as a block, or null when absent or already placed. */
  take: (id: string) => ReportBlock | null
  /** Every remaining chart whose id matches, in list order. */
  takeWhere: (match: (chart: ChartEntry) => boolean) => ReportBlock[]
  /** Ids placed so far, in order. */
  placed: () => string[]
}

/** Everything a composer reads. */
export interface ComposeContext {
  doc: AnalysisDocument
  lang: ReportLanguage
  text: ReportText
  fmt: ReportFormat
  k: number
  /** Unique display label of each group key. */
  labels: Map<string, string>
  word: GroupWordForms
  charts: ChartPool
}

/** Builds the context of one report. */
export function createContext(
  doc: AnalysisDocument,
  charts: readonly ChartEntry[],
  locale: string,
): ComposeContext {
  const text = reportText(locale)
  const wordKey: GroupWord = doc.by === 'region' ? 'region' : doc.by === 'wave' ? 'wave' : 'group'
  return {
    doc,
    lang: reportLanguage(locale),
    text,
    fmt: reportFormat(locale),
    k: doc.suppressBelow,
    labels: groupLabels(doc),
    word: text.groupWord[wordKey],
    charts: createChartPool(charts),
  }
}

function createChartPool(charts: readonly ChartEntry[]): ChartPool {
  const remaining = new Map(charts.map((c) => [c.id, c]))
  const order: string[] = []
  const place = (chart: ChartEntry): ReportBlock => {
    remaining.delete(chart.id)
    order.push(chart.id)
    return { kind: 'chart', id: chart.id, title: chart.title, number: order.length }
  }
  return {
    take: (id) => {
      const chart = remaining.get(id)
      return chart ? place(chart) : null
    },
    takeWhere: (match) => [...remaining.values()].filter(match).map(place),
    placed: () => [...order],
  }
}

/** The chart part of an id (`survey.chart.subject` → `chart`). */
export function chartKind(chart: ChartEntry): string {
  return chart.id.split('.')[1] ?? ''
}

/** A text cell. */
export function cell(text: string): ReportCell {
  return { text }
}

/** A figure cell (right-aligned). */
export function num(text: string): ReportCell {
  return { text, numeric: true }
}

/** A greyed cell: suppressed, hidden or missing. */
export function muted(text: string): ReportCell {
  return { text, muted: true, numeric: true }
}

/** The cell of a suppressed entry: "hidden" for complementary suppression, else "n < k". */
export function suppressedCell(ctx: ComposeContext, entry: { reason?: string }): ReportCell {
  return muted(entry.reason === 'complementary' ? ctx.text.hidden : ctx.text.suppressed(ctx.k))
}

/** A group's cell of a dimension, or null when it is suppressed or absent. */
export function visibleDimensionCell(
  cell: DimensionCell | SuppressedCell | undefined,
): DimensionCell | null {
  return cell && !isSuppressed(cell) ? cell : null
}

/** A group's entry of a record (own keys only: group keys are data). */
export function groupEntry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** A dimension figure of a group as a cell: the figure, "n < k", "hidden" or a dash. */
export function dimensionFigure(
  ctx: ComposeContext,
  entry: DimensionCell | SuppressedCell | undefined,
  figure: (cell: DimensionCell) => string,
): ReportCell {
  if (!entry) return muted(ctx.fmt.decimal(null))
  if (isSuppressed(entry)) return suppressedCell(ctx, entry)
  return num(figure(entry))
}

/** Dimensions in ranking order (largest overall gap first), optionally of one kind. */
export function rankedDimensions(
  doc: AnalysisDocument,
  kind?: DimensionSummary['kind'],
): DimensionSummary[] {
  const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
  return doc.dimensions
    .filter((d) => kind === undefined || d.kind === kind)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (order.get(a.d.id) ?? 1e9 + a.i) - (order.get(b.d.id) ?? 1e9 + b.i))
    .map((x) => x.d)
}

/**
 * A statistic of a numeric cell as text; years (every answer a whole number in 1900–2100) get
 * no thousands separator and no decimals: a year is written as a year (the analysis gives
 * whole-number answers a median that was answered, see `NumericCell.median`).
 */
export function numericText(
  ctx: ComposeContext,
  entry: NumericCell,
  value: number | null,
  digits: number,
): string {
  const { min, max } = entry
  const year =
    min !== null &&
    max !== null &&
    Number.isInteger(min) &&
    Number.isInteger(max) &&
    min >= 1900 &&
    max <= 2100
  return year ? ctx.fmt.plain(value, 0) : ctx.fmt.decimal(value, digits)
}

/** The header cell of a group: its label. */
export function groupLabel(ctx: ComposeContext, group: GroupEntry): string {
  return ctx.labels.get(group.key) ?? group.key
}

/** Table head "first column, All, every group". */
export function groupHead(ctx: ComposeContext, first: string, extra: string[] = []): string[] {
  return [first, ctx.text.all, ...ctx.doc.groups.map((g) => groupLabel(ctx, g)), ...extra]
}

/** Drops the part of a matrix item title before its first " — " (the question heading). */
export function itemLabel(title: string, heading: string): string {
  return title.startsWith(`${heading} — `) ? title.slice(heading.length + 3) : title
}

/** The heading of a question: its title up to the first " — " (matrix items add rows). */
export function questionHeading(title: string): string {
  const at = title.indexOf(' — ')
  return at < 0 ? title : title.slice(0, at)
}
