/**
 * Importance–performance analysis: one scatter panel per group on the same axes, with the
 * panel's grand-mean cross-hairs, the diagonal importance = performance and the quadrant names;
 * points are numbered (labels placed here so none overlaps another) and a key lists the
 * dimensions. Panels wrap into rows that fit the chart width; the key takes the free cells of
 * the last row, or a row of its own.
 */
import type { TopLevelSpec } from 'vega-lite'
import type { AnalysisDocument, Crosshair } from '../../analysis/types.ts'
import type { Box, LabelPoint } from './label-placement.ts'
import { placeLabels } from './label-placement.ts'
import { CHART_PADDING, LINE_HEIGHT, linesWidth, MAX_CHART_WIDTH, wrapLabel } from './layout.ts'
import type { Panel } from './read-document.ts'
import { chartPanels, dimensionCell, dimensionDomain, isSuppressed } from './read-document.ts'
import type { ChartOptions } from './theme.ts'
import {
  CURRENT_COLOUR,
  chartConfig,
  chartTitle,
  RULE_COLOUR,
  round,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** A panel frame carrying its cross-hairs, a dimension point, or a placed number label. */
interface IpaRow {
  role: 'frame' | 'point' | 'label'
  panel: string
  number: number | null
  performance: number | null
  importance: number | null
  /** Label text and centre, and the end of its leader line (labels only). */
  text?: string
  lx?: number
  ly?: number
  ex?: number
  ey?: number
  leader?: boolean
}

/** Sizes of the panel grid, in px. */
interface Grid {
  columns: number
  size: number
  /** Room of the first column's y axis (labels and title), and of the others' (labels). */
  firstAxis: number
  otherAxis: number
  gap: number
}

const LABEL_FONT = 10
const CORNER_FONT = 9
const POINT_SIZE = 40
const KEY_FONT = 10
const KEY_MIN_WIDTH = 280

/**
 * IPA scatter of every importance–performance dimension: panels "All" then each visible group.
 * @example ipaScatter(doc, { locale: 'en' }) // x performance, y importance, 1–5 on both
 */
export function ipaScatter(doc: AnalysisDocument, options: ChartOptions): TopLevelSpec {
  const text = textFor(options)
  const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
  const dimensions = doc.dimensions
    .filter((d) => d.kind === 'importance-performance')
    .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity))
  const first = dimensions[0]
  if (!first) throw new Error(`${doc.survey}: no importance-performance dimension`)
  const [lo, hi] = dimensionDomain(doc, first)
  const panels = chartPanels(doc, text.allGroups, text.n)
  const grid = panelGrid(panels.length)
  const toPx = (v: number) => ((v - lo) / (hi - lo)) * grid.size
  const toData = (px: number) => round(lo + (px / grid.size) * (hi - lo), 3)
  const corners = cornerLabels(text.quadrants, grid.size)
  const rows: IpaRow[] = []
  for (const panel of panels) {
    const cross: Crosshair | null =
      panel.key === null ? (doc.ipa?.overall ?? null) : (doc.ipa?.groups[panel.key] ?? null)
    const base = { panel: panel.label, number: null }
    rows.push({
      ...base,
      role: 'frame',
      performance: cross ? round(cross.current, 2) : null,
      importance: cross ? round(cross.target, 2) : null,
    })
    const points: (LabelPoint & { number: number; performance: number; importance: number })[] = []
    dimensions.forEach((d, i) => {
      const cell =
        panel.key === null
          ? isSuppressed(d.overall)
            ? null
            : d.overall
          : dimensionCell(d, panel.key)
      if (!cell || cell.current === null || cell.target === null) return
      const performance = round(cell.current, 2)
      const importance = round(cell.target, 2)
      const x = toPx(performance)
      const y = grid.size - toPx(importance)
      points.push({ x, y, label: String(i + 1), number: i + 1, performance, importance })
    })
    for (const p of points) {
      rows.push({ ...base, role: 'point', number: p.number, ...pick(p) })
    }
    const placed = placeLabels(points, {
      width: grid.size,
      height: grid.size,
      fontSize: LABEL_FONT,
      pointRadius: Math.sqrt(POINT_SIZE / Math.PI),
      avoid: corners.map((c) => c.box),
    })
    for (const l of placed) {
      rows.push({
        ...base,
        role: 'label',
        performance: toData(l.x),
        importance: toData(grid.size - l.y),
        text: l.label,
        lx: toData(l.cx),
        ly: toData(grid.size - l.cy),
        ex: toData(l.lx),
        ey: toData(grid.size - l.ly),
        leader: l.leader,
      })
    }
  }
  const key = dimensions.map((d, i) => ({ number: i + 1, label: `${i + 1}  ${d.label}` }))
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(text.ipaTitle, [
      text.n(doc.n),
      text.ipaNote,
      text.suppressedNote(doc.suppressBelow),
    ]),
    config: chartConfig(options),
    data: { values: rows },
    vconcat: gridRows(panels, grid, { lo, hi, corners, text }, key, text.ipaKey),
    spacing: grid.gap,
  }
}

function pick(p: { performance: number; importance: number }) {
  return { performance: p.performance, importance: p.importance }
}

/**
 * As many columns of panels as fit the chart width at 170 px or more, never more than there
 * are panels (the key may share the last row).
 */
function panelGrid(count: number): Grid {
  const room = MAX_CHART_WIDTH - 2 * CHART_PADDING
  const firstAxis = 40
  const otherAxis = 18
  const gap = 14
  const minSize = 170
  let columns = 1
  while (
    columns < count &&
    firstAxis + (columns + 1) * minSize + columns * (otherAxis + gap) <= room
  )
    columns++
  const size = Math.min(
    240,
    Math.floor((room - firstAxis - (columns - 1) * (otherAxis + gap)) / columns),
  )
  return { columns, size, firstAxis, otherAxis, gap }
}

interface PanelContext {
  lo: number
  hi: number
  corners: CornerLabel[]
  text: ReturnType<typeof textFor>
}

/** Rows of panels, the key in the last row's free cells when they are wide enough. */
function gridRows(
  panels: Panel[],
  grid: Grid,
  context: PanelContext,
  key: { number: number; label: string }[],
  keyTitle: string,
) {
  const rows: ReturnType<typeof panelSpec>[][] = []
  panels.forEach((panel, i) => {
    const column = i % grid.columns
    if (column === 0) rows.push([])
    rows[rows.length - 1]?.push(panelSpec(panel, column === 0, grid, context))
  })
  const free = grid.columns - (panels.length % grid.columns || grid.columns)
  const freeWidth = free * (grid.size + grid.otherAxis + grid.gap) - grid.gap
  const room = MAX_CHART_WIDTH - 2 * CHART_PADDING
  if (free > 0 && freeWidth >= KEY_MIN_WIDTH) {
    return [
      ...rows.slice(0, -1).map((r) => ({ hconcat: r, spacing: grid.gap })),
      { hconcat: [...(rows.at(-1) ?? []), keySpec(key, keyTitle, freeWidth)], spacing: grid.gap },
    ]
  }
  return [...rows.map((r) => ({ hconcat: r, spacing: grid.gap })), keySpec(key, keyTitle, room)]
}

/** One group's scatter: cross-hairs, diagonal, quadrant names, points and their labels. */
function panelSpec(panel: Panel, firstColumn: boolean, grid: Grid, context: PanelContext) {
  const { lo, hi, text } = context
  const scale = { domain: [lo, hi], nice: false, zero: false }
  const x = {
    type: 'quantitative' as const,
    scale,
    title: text.performance,
    axis: { tickMinStep: 1 },
  }
  const y = {
    type: 'quantitative' as const,
    scale,
    title: firstColumn ? text.importance : null,
    axis: { tickMinStep: 1 },
  }
  const frame = "datum.role === 'frame'"
  // A long group name wraps onto two lines: a title wider than its panel would push the grid.
  const name = wrapLabel(panel.name, grid.size + (firstColumn ? grid.firstAxis : 0), 12, 2, true)
  const n = panel.label.split('\n').at(-1) ?? ''
  return {
    title: {
      text: name,
      subtitle: n,
      anchor: 'start' as const,
      fontSize: 12,
      subtitleFontSize: 11,
    },
    width: grid.size,
    height: grid.size,
    transform: [{ filter: { field: 'panel', equal: panel.label } }],
    layer: [
      {
        transform: [{ filter: frame }],
        mark: { type: 'rule' as const, color: '#bdbdbd', strokeWidth: 1 },
        encoding: {
          x: { ...x, datum: lo },
          y: { ...y, datum: lo },
          x2: { datum: hi },
          y2: { datum: hi },
        },
      },
      {
        transform: [{ filter: `${frame} && isValid(datum.performance)` }],
        mark: { type: 'rule' as const, color: RULE_COLOUR, strokeDash: [4, 3] },
        encoding: { x: { ...x, field: 'performance' } },
      },
      {
        transform: [{ filter: `${frame} && isValid(datum.importance)` }],
        mark: { type: 'rule' as const, color: RULE_COLOUR, strokeDash: [4, 3] },
        encoding: { y: { ...y, field: 'importance' } },
      },
      ...context.corners.map((c) => cornerLayer(c, x, y, lo, hi, grid.size)),
      {
        transform: [{ filter: "datum.role === 'label' && datum.leader" }],
        mark: { type: 'rule' as const, color: '#9e9e9e', strokeWidth: 0.75 },
        encoding: {
          x: { ...x, field: 'performance' },
          y: { ...y, field: 'importance' },
          x2: { field: 'ex' },
          y2: { field: 'ey' },
        },
      },
      {
        transform: [{ filter: "datum.role === 'point'" }],
        mark: {
          type: 'point' as const,
          filled: true,
          size: POINT_SIZE,
          color: CURRENT_COLOUR,
          opacity: 0.9,
        },
        encoding: { x: { ...x, field: 'performance' }, y: { ...y, field: 'importance' } },
      },
      {
        transform: [{ filter: "datum.role === 'label'" }],
        mark: {
          type: 'text' as const,
          align: 'center' as const,
          baseline: 'middle' as const,
          fontSize: LABEL_FONT,
        },
        encoding: {
          x: { ...x, field: 'lx' },
          y: { ...y, field: 'ly' },
          text: { field: 'text' },
        },
      },
    ],
  }
}

/** A quadrant name in a corner of the panel, wrapped to half its width. */
interface CornerLabel {
  lines: string[]
  align: 'left' | 'right'
  top: boolean
  /** Its place in panel px (y downwards), for the labels to keep clear of. */
  box: Box
}

function cornerLabels(
  quadrants: ReturnType<typeof textFor>['quadrants'],
  size: number,
): CornerLabel[] {
  const inset = 3
  const lineHeight = Math.round(CORNER_FONT * LINE_HEIGHT)
  const corner = (label: string, align: 'left' | 'right', top: boolean): CornerLabel => {
    const lines = wrapLabel(label, size / 2 - 2 * inset, CORNER_FONT, 2)
    const width = linesWidth(lines, CORNER_FONT)
    const height = lines.length * lineHeight
    const x0 = align === 'left' ? inset : size - inset - width
    const y0 = top ? inset : size - inset - height
    return { lines, align, top, box: { x0, y0, x1: x0 + width, y1: y0 + height } }
  }
  return [
    corner(quadrants.concentrate, 'left', true),
    corner(quadrants.keepUp, 'right', true),
    corner(quadrants.lowPriority, 'left', false),
    corner(quadrants.overkill, 'right', false),
  ]
}

function cornerLayer(
  corner: CornerLabel,
  x: { type: 'quantitative'; scale: object; title: string | null },
  y: { type: 'quantitative'; scale: object; title: string | null },
  lo: number,
  hi: number,
  size: number,
) {
  const toData = (px: number) => round(lo + (px / size) * (hi - lo), 3)
  // Multi-line text grows downwards from its first line: anchor that line's top.
  const left = corner.align === 'left' ? corner.box.x0 : corner.box.x1
  return {
    transform: [{ filter: "datum.role === 'frame'" }],
    mark: {
      type: 'text' as const,
      align: corner.align,
      baseline: 'top' as const,
      fontSize: CORNER_FONT,
      lineHeight: Math.round(CORNER_FONT * LINE_HEIGHT),
      color: '#767676',
    },
    encoding: {
      x: { ...x, datum: toData(left) },
      y: { ...y, datum: toData(size - corner.box.y0) },
      text: { value: corner.lines },
    },
  }
}

/** The numbered list of dimensions, cut to one line each at `width` px. */
function keySpec(key: { number: number; label: string }[], title: string, width: number) {
  return {
    title: { text: title, fontSize: 11, fontWeight: 'bold' as const, anchor: 'start' as const },
    data: { values: key },
    width: 10,
    height: { step: Math.round(KEY_FONT * 1.35) },
    mark: { type: 'text' as const, align: 'left' as const, fontSize: KEY_FONT, limit: width - 10 },
    encoding: {
      y: {
        field: 'number',
        type: 'ordinal' as const,
        axis: null,
        sort: key.map((k) => k.number),
      },
      text: { field: 'label' },
    },
  }
}
