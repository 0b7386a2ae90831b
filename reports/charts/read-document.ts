/**
 * Typed reading of the analysis document for the chart builders: cell kinds, suppression,
 * display labels and the special tally. Charts read the document only, never raw answers.
 */
import type { SpecialTallies } from '../../analysis/special/index.ts'
import type {
  AnalysisDocument,
  ChoiceCell,
  DimensionCell,
  DimensionSummary,
  GroupEntry,
  NumericCell,
  QuestionCell,
  QuestionSummary,
  RankingCell,
  SuppressedCell,
} from '../../analysis/types.ts'

/** A hidden cell: shown as "n < k", never as figures. */
export function isSuppressed<T extends object>(cell: T): cell is Extract<T, { suppressed: true }> {
  return 'suppressed' in cell && cell.suppressed === true
}

/** A rating / numeric summary (has a mean). */
export function isNumericCell(cell: QuestionCell | SuppressedCell): cell is NumericCell {
  return !isSuppressed(cell) && 'mean' in cell
}

/** A choice / multi-select summary (has percentages). */
export function isChoiceCell(cell: QuestionCell | SuppressedCell): cell is ChoiceCell {
  return !isSuppressed(cell) && 'percent' in cell
}

/** A ranking summary (has Borda points). */
export function isRankingCell(cell: QuestionCell | SuppressedCell): cell is RankingCell {
  return !isSuppressed(cell) && 'points' in cell
}

/** The dimension cell of a group, or null when suppressed or absent. */
export function dimensionCell(dimension: DimensionSummary, key: string): DimensionCell | null {
  const cell = Object.hasOwn(dimension.groups, key) ? dimension.groups[key] : undefined
  return cell && !isSuppressed(cell) ? cell : null
}

/** The question summary at a path (`q`, `q.row`, `q.row.column`), or null. */
export function findQuestion(doc: AnalysisDocument, name: string): QuestionSummary | null {
  return doc.questions.find((q) => q.name === name) ?? null
}

/**
 * Display label of every group, made unique (a duplicate label gets its key appended) so a
 * nominal axis never merges two groups.
 */
export function groupLabels(doc: AnalysisDocument): Map<string, string> {
  const seen = new Map<string, number>()
  for (const g of doc.groups) seen.set(g.label, (seen.get(g.label) ?? 0) + 1)
  return new Map(
    doc.groups.map((g) => {
      const label = g.label.trim() === '' ? g.key : g.label
      return [g.key, (seen.get(g.label) ?? 0) > 1 ? `${label} (${g.key})` : label]
    }),
  )
}

/** Groups with figures (n ≥ k), in document order. */
export function visibleGroups(doc: AnalysisDocument): GroupEntry[] {
  return doc.groups.filter((g) => !g.suppressed)
}

/** Numeric scale points of a question (its options that are numbers), ascending. */
export function scalePoints(question: QuestionSummary | null): number[] {
  if (!question) return []
  return question.options
    .map((o) => Number(o.value))
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b)
}

/** Scale domain [min, max] of a dimension from its current question's scale (1–5 if unknown). */
export function dimensionDomain(
  doc: AnalysisDocument,
  dimension: DimensionSummary,
): [number, number] {
  const points = [
    ...scalePoints(findQuestion(doc, dimension.current)),
    ...scalePoints(findQuestion(doc, dimension.target)),
  ]
  if (points.length < 2) return [1, 5]
  return [Math.min(...points), Math.max(...points)]
}

/** The special tally of the document, checked by its `kind`; null when there is none. */
export function specialTally(doc: AnalysisDocument): SpecialTallies | null {
  const special = doc.special as { kind?: unknown } | null | undefined
  if (!special || typeof special !== 'object') return null
  const kind = special.kind
  return kind === 'vote' || kind === 'codesign' || kind === 'indicators'
    ? (special as SpecialTallies)
    : null
}

/** Turns any label into an id part: lower case, [a-z0-9-] only. */
export function slug(value: string): string {
  const cleaned = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return cleaned === '' ? 'item' : cleaned
}

/** A small-multiple panel: the whole sample (`key` null) or one visible group. */
export interface Panel {
  key: string | null
  /** Group name (or "All"). */
  name: string
  /** Header text: the name with the panel's n. */
  label: string
}

/**
 * Panels for small multiples: "All" first, then each group with figures, in document order.
 * Labels are two lines, name then n (see `PANEL_HEADER`).
 */
export function chartPanels(
  doc: AnalysisDocument,
  allLabel: string,
  nLine: (n: number) => string,
): Panel[] {
  const labels = groupLabels(doc)
  return [
    { key: null, name: allLabel, label: panelLabel(allLabel, nLine(doc.n)) },
    ...visibleGroups(doc).map((g) => {
      const name = labels.get(g.key) ?? g.key
      return { key: g.key, name, label: panelLabel(name, nLine(g.n)) }
    }),
  ]
}

/** A two-line panel header: the name, then a line such as "n = 34". */
export function panelLabel(name: string, second: string): string {
  return `${name.replace(/\n/g, ' ')}\n${second}`
}

/** Facet header that prints a `panelLabel` on two lines, left-aligned. */
export const PANEL_HEADER = {
  labelExpr: "split(datum.value, '\\n')",
  labelAnchor: 'start' as const,
  labelAlign: 'left' as const,
}
