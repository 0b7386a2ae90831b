/**
 * Overview heatmap: dimension × group of the mean paired gap, a diverging colour-blind-safe
 * scale centred on 0, suppressed cells grey with "n < k", and an "All" column.
 */
import type { TopLevelSpec } from 'vega-lite'
import type { AnalysisDocument, DimensionCell, SuppressedCell } from '../../analysis/types.ts'
import { groupLabels, isSuppressed } from './read-document.ts'
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
  dimension: string
  group: string
  gap: number | null
  n: number
  note: string
  /** Dark enough to need white text. */
  strong: boolean
}

/**
 * Gap of every dimension in every group (dimensions in the document's ranking, largest overall
 * gap first; groups in document order, then "All").
 * @example gapHeatmap(doc, { locale: 'en' }) // cell "+1.8", or "n < 5" in grey
 */
export function gapHeatmap(doc: AnalysisDocument, options: ChartOptions): TopLevelSpec {
  const text = textFor(options)
  const labels = groupLabels(doc)
  const k = doc.suppressBelow
  const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
  const dimensions = [...doc.dimensions].sort(
    (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity),
  )
  const columns = [
    ...doc.groups.map((g) => ({ key: g.key, label: labels.get(g.key) ?? g.key })),
    { key: null, label: text.allGroups },
  ]
  const all: { dimension: string; group: string; cell: DimensionCell | SuppressedCell | null }[] =
    []
  for (const d of dimensions) {
    for (const c of columns) {
      const cell =
        c.key === null ? d.overall : Object.hasOwn(d.groups, c.key) ? d.groups[c.key] : null
      all.push({ dimension: d.label, group: c.label, cell: cell ?? null })
    }
  }
  const gaps = all.flatMap(({ cell }) =>
    cell && !isSuppressed(cell) && cell.gap !== null ? [cell.gap] : [],
  )
  // Symmetric domain so 0 sits in the middle of the ramp whatever the data.
  const extent = Math.max(0.5, ...gaps.map(Math.abs))
  const bound = Math.floor(extent * 10) / 10
  const cells: HeatCell[] = all.map(({ dimension, group, cell }) => {
    if (cell === null) return { dimension, group, gap: null, n: 0, note: '–', strong: false }
    if (isSuppressed(cell)) {
      const note = cell.reason === 'complementary' ? text.hiddenCell : text.suppressedCell(k)
      return { dimension, group, gap: null, n: cell.n, note, strong: false }
    }
    const gap = cell.gap === null ? null : round(cell.gap, 2)
    return {
      dimension,
      group,
      gap,
      n: cell.n,
      note: gap === null ? '–' : '',
      strong: gap !== null && Math.abs(gap) > extent * 0.6,
    }
  })
  const maxLabel = Math.max(...columns.map((c) => c.label.length))
  const step = Math.min(130, Math.max(56, Math.round(maxLabel * 6.8) + 12))
  const x = {
    field: 'group',
    type: 'nominal' as const,
    sort: columns.map((c) => c.label),
    title: null,
    axis: {
      orient: 'top' as const,
      labelAngle: 0,
      labelLimit: step - 6,
      domain: false,
      ticks: false,
    },
  }
  const y = {
    field: 'dimension',
    type: 'nominal' as const,
    sort: dimensions.map((d) => d.label),
    title: null,
    axis: { domain: false, ticks: false, labelLimit: 420 },
  }
  const hasFigures = 'isValid(datum.gap)'
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(text.heatmapTitle(groupTitle(doc.by, text)), [
      text.nGroups(doc.n, doc.groups.length, doc.by),
      `${text.gapAxis}.`,
      text.suppressedNote(k),
      ...(cells.some((c) => c.note === text.hiddenCell) ? [text.hiddenNote] : []),
    ]),
    config: chartConfig(options),
    width: { step },
    height: { step: 26 },
    data: { values: cells },
    encoding: { x, y },
    layer: [
      {
        transform: [{ filter: hasFigures }],
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'gap',
            type: 'quantitative',
            title: text.gapLegend,
            scale: { scheme: 'blueorange', domain: [-extent, extent], domainMid: 0 },
            legend: {
              orient: 'right',
              format: '+.1f',
              gradientLength: 160,
              values: [-bound, 0, bound],
              labelExpr: "datum.value === 0 ? '0' : datum.label",
            },
          },
        },
      },
      {
        transform: [{ filter: `!(${hasFigures})` }],
        mark: { type: 'rect', color: SUPPRESSED_COLOUR, stroke: 'white', strokeWidth: 1 },
      },
      {
        transform: [{ filter: hasFigures }],
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'gap', type: 'quantitative', format: '+.1f' },
          color: { condition: { test: 'datum.strong', value: 'white' }, value: 'black' },
        },
      },
      {
        transform: [{ filter: `!(${hasFigures})` }],
        mark: { type: 'text', fontSize: 10, color: '#333333' },
        encoding: { text: { field: 'note' } },
      },
    ],
  }
}
