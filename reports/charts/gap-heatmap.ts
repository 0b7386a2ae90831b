/**
 * Overview heatmap: dimension × group of the mean paired gap, one block per kind of gap
 * (importance − performance, maturity target − today), each ranked and coloured on its own
 * diverging colour-blind-safe scale centred on 0; suppressed cells grey with "n < k", and an
 * "All" column.
 */
import type { TopLevelSpec } from 'vega-lite'
import type {
  AnalysisDocument,
  DimensionCell,
  DimensionSummary,
  SuppressedCell,
} from '../../analysis/types.ts'
import type { DimensionKind } from './gap-dumbbell.ts'
import {
  CHART_PADDING,
  joinLines,
  LINE_HEIGHT,
  linesWidth,
  MAX_CHART_WIDTH,
  MULTILINE_LABEL,
  wrapLabel,
} from './layout.ts'
import { dimensionDomain, groupLabels, isSuppressed } from './read-document.ts'
import type { ChartText } from './text.ts'
import type { ChartOptions } from './theme.ts'
import {
  chartConfig,
  chartTitle,
  groupTitle,
  round,
  SUPPRESSED_COLOUR,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** One cell: figures, or a note when suppressed or empty. */
interface HeatCell {
  /** The block it belongs to: `ipa` or `maturity`. */
  kind: string
  dimension: string
  group: string
  gap: number | null
  n: number
  note: string
  /** Dark enough to need white text. */
  strong: boolean
}

/** A column of the heatmap: a group, or "All" (`key` null). */
interface Column {
  key: string | null
  label: string
}

/** How the columns and rows are drawn, the same in every block. */
interface HeatLayout {
  step: number
  angled: boolean
  rowStep: number
  rowWidth: number
}

const FONT = 11
const KINDS: DimensionKind[] = ['importance-performance', 'current-target']
/** Room of the colour legend on the right: gradient, labels and offset. */
const LEGEND_WIDTH = 72
/** Rows keep at least this much room for their labels before columns are angled. */
const MIN_ROW_WIDTH = 220
const MIN_STEP = 42

/**
 * Gap of every dimension in every group: a block per kind of gap, dimensions in the document's
 * ranking (largest overall gap first), groups in document order, then "All".
 * @example gapHeatmap(doc, { locale: 'en' }) // cell "+1.8", or "n < 5" in grey
 */
export function gapHeatmap(doc: AnalysisDocument, options: ChartOptions): TopLevelSpec {
  const text = textFor(options)
  const labels = groupLabels(doc)
  const columns: Column[] = [
    ...doc.groups.map((g) => ({ key: g.key, label: labels.get(g.key) ?? g.key })),
    { key: null, label: text.allGroups },
  ]
  const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
  const kinds = KINDS.map((kind) => ({
    kind,
    dimensions: doc.dimensions
      .filter((d) => d.kind === kind)
      .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity)),
  })).filter((k) => k.dimensions.length > 0)
  const layout = heatLayout(
    columns,
    kinds.flatMap((k) => k.dimensions.map((d) => d.label)),
  )
  const x = columnAxis(columns, layout)
  const blocks = kinds.map(({ kind, dimensions }) => {
    const [from, to] = dimensionDomain(doc, dimensions[0] as DimensionSummary)
    const subject = kind === 'importance-performance' ? 'ipa' : 'maturity'
    const title = text.heatmapKind(subject, from, to)
    return heatBlock(doc, text, { subject, dimensions, title }, columns, layout, x)
  })
  const cells = blocks.flatMap((b) => b.cells)
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(text.heatmapTitle(groupTitle(doc.by, text)), [
      text.nGroups(doc.n, doc.groups.length, doc.by),
      kinds.length > 1 ? text.heatmapKindsNote : `${text.gapAxis}.`,
      text.suppressedNote(doc.suppressBelow),
      ...(cells.some((c) => c.note === text.hiddenCell) ? [text.hiddenNote] : []),
    ]),
    config: chartConfig(options),
    data: { values: cells },
    vconcat: blocks.map((b) => b.spec),
    spacing: 24,
    resolve: { scale: { color: 'independent', x: 'independent', y: 'independent' } },
  }
}

/**
 * Columns as wide as their longest line when the labels fit on two lines beside rows of at
 * least `MIN_ROW_WIDTH`; otherwise narrow columns under labels at 45°.
 */
function heatLayout(columns: Column[], rows: string[]): HeatLayout {
  const room = MAX_CHART_WIDTH - 2 * CHART_PADDING - LEGEND_WIDTH - 8
  const widest = Math.max(...columns.map((c) => narrowestTwoLines(c.label)))
  const flatStep = Math.max(MIN_STEP, Math.ceil(widest) + 10)
  const angled = columns.length * flatStep + MIN_ROW_WIDTH > room
  const step = angled ? MIN_STEP : flatStep
  const rowWidth = Math.min(420, room - columns.length * step)
  const lines = Math.max(...rows.map((r) => wrapLabel(r, rowWidth, FONT, 2).length))
  return {
    step,
    angled,
    rowWidth,
    rowStep: Math.max(24, lines * Math.round(FONT * LINE_HEIGHT) + 4),
  }
}

/** The narrowest width at which a label fits on two lines. */
function narrowestTwoLines(label: string): number {
  const full = linesWidth([label], FONT)
  for (let width = 30; width < full; width += 2) {
    const lines = wrapLabel(label, width, FONT, 2)
    if (!lines.some((l) => l.endsWith('…'))) return linesWidth(lines, FONT)
  }
  return full
}

function columnAxis(columns: Column[], layout: HeatLayout) {
  const header = (c: Column) =>
    layout.angled ? c.label : joinLines(wrapLabel(c.label, layout.step - 10, FONT, 2), 2)
  const labels = columns.map(header)
  return {
    labels,
    header,
    encoding: {
      field: 'group',
      type: 'nominal' as const,
      sort: labels,
      title: null,
      axis: layout.angled
        ? {
            orient: 'top' as const,
            labelAngle: -45,
            labelLimit: 150,
            domain: false,
            ticks: false,
          }
        : {
            orient: 'top' as const,
            labelAngle: 0,
            labelExpr: MULTILINE_LABEL,
            labelLineHeight: Math.round(FONT * LINE_HEIGHT),
            // Two-line labels grow downwards from their first line: lift them by one line.
            labelPadding: 4 + Math.round(FONT * LINE_HEIGHT),
            labelLimit: layout.step,
            domain: false,
            ticks: false,
          },
    },
  }
}

/** One kind's heatmap: its cells, and its view of them with its own colour scale and legend. */
function heatBlock(
  doc: AnalysisDocument,
  text: ChartText,
  block: { subject: string; dimensions: DimensionSummary[]; title: string },
  columns: Column[],
  layout: HeatLayout,
  x: ReturnType<typeof columnAxis>,
) {
  const { subject, dimensions, title } = block
  const k = doc.suppressBelow
  const rowLabel = (d: DimensionSummary) => joinLines(wrapLabel(d.label, layout.rowWidth, FONT, 2))
  const all: { dimension: string; group: string; cell: DimensionCell | SuppressedCell | null }[] =
    []
  for (const d of dimensions) {
    for (const c of columns) {
      const cell =
        c.key === null ? d.overall : Object.hasOwn(d.groups, c.key) ? d.groups[c.key] : null
      all.push({ dimension: rowLabel(d), group: x.header(c), cell: cell ?? null })
    }
  }
  const gaps = all.flatMap(({ cell }) =>
    cell && !isSuppressed(cell) && cell.gap !== null ? [cell.gap] : [],
  )
  // Symmetric domain so 0 sits in the middle of the ramp whatever the data.
  const extent = Math.max(0.5, ...gaps.map(Math.abs))
  const bound = Math.floor(extent * 10) / 10
  const cells: HeatCell[] = all.map(({ dimension, group, cell }) => {
    const base = { kind: subject, dimension, group }
    if (cell === null) return { ...base, gap: null, n: 0, note: '–', strong: false }
    if (isSuppressed(cell)) {
      const note = cell.reason === 'complementary' ? text.hiddenCell : text.suppressedCell(k)
      return { ...base, gap: null, n: cell.n, note, strong: false }
    }
    const gap = cell.gap === null ? null : round(cell.gap, 2)
    return {
      ...base,
      gap,
      n: cell.n,
      note: gap === null ? '–' : '',
      strong: gap !== null && Math.abs(gap) > extent * 0.6,
    }
  })
  const y = {
    field: 'dimension',
    type: 'nominal' as const,
    sort: dimensions.map(rowLabel),
    title: null,
    axis: {
      domain: false,
      ticks: false,
      labelExpr: MULTILINE_LABEL,
      labelLineHeight: Math.round(FONT * LINE_HEIGHT),
      labelLimit: layout.rowWidth,
      // Both blocks' columns line up under one another.
      minExtent: layout.rowWidth + 4,
    },
  }
  const hasFigures = 'isValid(datum.gap)'
  const spec = {
    title: { text: title, anchor: 'start' as const, fontSize: 12, fontWeight: 'bold' as const },
    transform: [{ filter: { field: 'kind', equal: subject } }],
    width: { step: layout.step },
    height: { step: layout.rowStep },
    encoding: { x: x.encoding, y },
    layer: [
      {
        transform: [{ filter: hasFigures }],
        mark: { type: 'rect' as const, stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'gap',
            type: 'quantitative' as const,
            title: text.gapLegend,
            scale: { scheme: 'blueorange', domain: [-extent, extent], domainMid: 0 },
            legend: {
              orient: 'right' as const,
              format: '+.1f',
              gradientLength: Math.min(160, dimensions.length * layout.rowStep),
              values: [-bound, 0, bound],
              labelExpr: "datum.value === 0 ? '0' : datum.label",
            },
          },
        },
      },
      {
        transform: [{ filter: `!(${hasFigures})` }],
        mark: { type: 'rect' as const, color: SUPPRESSED_COLOUR, stroke: 'white', strokeWidth: 1 },
      },
      {
        transform: [{ filter: hasFigures }],
        mark: { type: 'text' as const, fontSize: FONT },
        encoding: {
          text: { field: 'gap', type: 'quantitative' as const, format: '+.1f' },
          color: { condition: { test: 'datum.strong', value: 'white' }, value: 'black' },
        },
      },
      {
        transform: [{ filter: `!(${hasFigures})` }],
        mark: { type: 'text' as const, fontSize: 10, color: '#333333' },
        encoding: { text: { field: 'note' } },
      },
    ],
  }
  return { spec, cells }
}
