/**
 * The room a chart gets and how its labels fit into it. Every chart is built to show at full
 * size in the report's narrowest column, so no text is ever scaled below `MIN_FONT_SIZE`: long
 * labels wrap onto lines, small multiples wrap into rows.
 */
import { textWidth } from '../draw/font-metrics.ts'

/**
 * Widest SVG of any chart, padding included: an A4 portrait page at the report's print margins
 * is 182 mm ≈ 688 px, the report's column on a 720 px screen 696 px.
 */
export const MAX_CHART_WIDTH = 680

/** Tallest SVG of any chart: one A4 portrait page (265 mm ≈ 1000 px) with its caption. */
export const MAX_CHART_HEIGHT = 900

/** No chart text is smaller (px, at the chart's own size). */
export const MIN_FONT_SIZE = 9

/** Chart padding on each side (`config.padding`). */
export const CHART_PADDING = 12

/** Line height of multi-line axis labels, per px of font size. */
export const LINE_HEIGHT = 1.2

/**
 * Breaks a label into at most `maxLines` lines no wider than `width` px, at spaces and after
 * hyphens; the last line ends in "…" when the label does not fit.
 * @example wrapLabel('Seine-Saint-Denis', 70, 11) // ['Seine-Saint-', 'Denis']
 */
export function wrapLabel(
  text: string,
  width: number,
  fontSize: number,
  maxLines = 3,
  bold = false,
): string[] {
  const pieces = text
    .trim()
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=-)(?=.)/).map((part, i) => ({ part, space: i === 0 })))
  const fits = (line: string) => textWidth(line, fontSize, bold) <= width
  const lines: string[] = []
  let line = ''
  for (const { part, space } of pieces) {
    const joined = line === '' ? part : `${line}${space ? ' ' : ''}${part}`
    if (line === '' || fits(joined)) line = joined
    else {
      lines.push(line)
      line = part
    }
  }
  if (line !== '') lines.push(line)
  if (lines.length === 0) return ['']
  const kept = lines.slice(0, maxLines)
  const cut = lines.length > maxLines
  // A word wider than the line, or text beyond the last line, ends in "…".
  return kept.map((l, i) =>
    (i === kept.length - 1 && cut) || !fits(l) ? ellipsis(l, (s) => fits(s)) : l,
  )
}

/** The line shortened until it fits with "…". */
function ellipsis(line: string, fits: (s: string) => boolean): string {
  let chars = Array.from(line)
  while (chars.length > 1 && !fits(`${chars.join('').trimEnd()}…`)) {
    chars = chars.slice(0, -1)
  }
  return `${chars.join('').trimEnd()}…`
}

/** Width in px of the widest line. */
export function linesWidth(lines: readonly string[], fontSize: number, bold = false): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, fontSize, bold)))
}

/**
 * Lines joined for a data value that `MULTILINE_LABEL` splits again. With `pad`, empty lines
 * come first so that every label has `pad` lines: Vega grows a multi-line label downwards from
 * its first line, so a label above a plot must have its last line at a fixed place.
 */
export function joinLines(lines: readonly string[], pad = 0): string {
  const blank = Array.from({ length: Math.max(0, pad - lines.length) }, () => '')
  return [...blank, ...lines].join('\n')
}

/** Axis or header `labelExpr` that draws a `joinLines` value on its lines. */
export const MULTILINE_LABEL = "split(datum.label, '\\n')"

/**
 * Columns of small multiples that fit `width` px: panels of `panel` px plus `gap` between them,
 * after `fixed` px (axis labels, padding).
 */
export function fittingColumns(width: number, fixed: number, panel: number, gap: number): number {
  return Math.max(1, Math.floor((width - fixed + gap) / (panel + gap)))
}

/**
 * Small-multiple panels with headers wrapped to the panel width: the name on at most two lines
 * (bold, as `PANEL_HEADER` draws it), then its n line.
 */
export function fitPanelHeaders<T extends { name: string; label: string }>(
  panels: T[],
  width: number,
  fontSize = 12,
): T[] {
  return panels.map((p) => {
    const [, ...rest] = p.label.split('\n')
    const name = wrapLabel(p.name.replace(/\n/g, ' '), width, fontSize, 2, true)
    return { ...p, label: [...name, ...rest].join('\n') }
  })
}

/** Font and line height of row labels beside small multiples. */
export const ROW_LABEL_FONT = 10
export const ROW_LABEL_LINE = 11
/** Space between small-multiple panels. */
export const PANEL_GAP = 12

/** Row labels and panel columns of small multiples that share their rows (a wrapped facet). */
export interface FacetLayout {
  /** Width of the row labels (px). */
  labelWidth: number
  columns: number
  /** Width of one panel (px). */
  panel: number
  /** A row label as a `joinLines` value for `MULTILINE_LABEL`. */
  label: (text: string) => string
  /** Height of a row (px): one or two label lines. */
  rowStep: number
}

/** Sizes `facetLayout` works with. */
export interface FacetNeeds {
  /** Row labels, one per row of a panel. */
  labels: string[]
  panels: number
  /** Panel widths (px): the preferred least, the most, and the least when height is short. */
  minPanel: number
  maxPanel: number
  hardMinPanel?: number
  /** Height of one panel's header, axis and spacing, and of the chart's title and legend. */
  panelChrome: number
  chrome: number
}

/**
 * Row labels on up to two lines of at most 200 px, then as many panel columns of `minPanel`
 * to `maxPanel` px as fit beside them in the chart width. When the rows of panels would be
 * taller than `MAX_CHART_HEIGHT`, more and narrower columns (down to `hardMinPanel`), then
 * one-line row labels.
 */
export function facetLayout(needs: FacetNeeds): FacetLayout {
  // Axis label padding and the last panel's overhanging tick label.
  const room = MAX_CHART_WIDTH - 2 * CHART_PADDING - 24
  const widest = Math.max(0, ...needs.labels.map((l) => linesWidth([l], ROW_LABEL_FONT)))
  const labelWidth = Math.min(200, Math.ceil(widest))
  const columnsAt = (least: number) =>
    Math.max(1, Math.min(needs.panels, fittingColumns(room, labelWidth, least, PANEL_GAP)))
  const most = columnsAt(needs.hardMinPanel ?? needs.minPanel)
  const height = (columns: number, step: number) =>
    Math.ceil(needs.panels / columns) * (needs.labels.length * step + needs.panelChrome) +
    needs.chrome
  const wrap = (lines: number) => (text: string) =>
    joinLines(wrapLabel(text, labelWidth, ROW_LABEL_FONT, lines))
  const twoLines = needs.labels.some((l) => wrap(2)(l).includes('\n'))
  let lines = twoLines ? 2 : 1
  const step = () => (lines === 2 ? 2 * ROW_LABEL_LINE + 1 : 18)
  let columns = columnsAt(needs.minPanel)
  while (height(columns, step()) > MAX_CHART_HEIGHT && columns < most) columns++
  if (height(columns, step()) > MAX_CHART_HEIGHT) lines = 1
  const panel = Math.min(
    needs.maxPanel,
    Math.floor((room - labelWidth - (columns - 1) * PANEL_GAP) / columns),
  )
  return { labelWidth, columns, panel, label: wrap(lines), rowStep: step() }
}

/** The y axis of `facetLayout` rows: multi-line labels of the row label font. */
export function rowLabelAxis(layout: FacetLayout) {
  return {
    labelExpr: MULTILINE_LABEL,
    labelFontSize: ROW_LABEL_FONT,
    labelLineHeight: ROW_LABEL_LINE,
    labelLimit: layout.labelWidth,
  }
}
