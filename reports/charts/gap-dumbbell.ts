/**
 * Dumbbell (ranged dot) chart: current and target (or performance and importance) means per
 * dimension, one panel for all respondents and one per group, dimensions sorted by overall gap.
 */
import type { TopLevelSpec } from 'vega-lite'
import type { AnalysisDocument, DimensionSummary } from '../../analysis/types.ts'
import { facetLayout, fitPanelHeaders, PANEL_GAP, rowLabelAxis } from './layout.ts'
import {
  chartPanels,
  dimensionCell,
  dimensionDomain,
  isSuppressed,
  PANEL_HEADER,
} from './read-document.ts'
import type { ChartOptions } from './theme.ts'
import {
  CURRENT_COLOUR,
  chartConfig,
  chartTitle,
  round,
  TARGET_COLOUR,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** The two kinds of gap a dimension can measure. */
export type DimensionKind = DimensionSummary['kind']

/** One row of the inline table: a pair (`role` = 'pair') or one of its ends. */
interface DumbbellRow {
  role: 'pair' | 'end'
  panel: string
  dimension: string
  current: number | null
  target: number | null
  which: string | null
  value: number | null
}

/**
 * Dumbbells of every dimension of one kind; panels "All" then each visible group.
 * @example gapDumbbell(doc, { locale: 'en' }, 'importance-performance')
 */
export function gapDumbbell(
  doc: AnalysisDocument,
  options: ChartOptions,
  kind: DimensionKind,
): TopLevelSpec {
  const text = textFor(options)
  const ipa = kind === 'importance-performance'
  const currentLabel = ipa ? text.performance : text.current
  const targetLabel = ipa ? text.importance : text.target
  const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
  const dimensions = doc.dimensions
    .filter((d) => d.kind === kind)
    .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity))
  const first = dimensions[0]
  if (!first) throw new Error(`${doc.survey}: no ${kind} dimension`)
  const domain = dimensionDomain(doc, first)
  const layout = facetLayout({
    labels: dimensions.map((d) => d.label),
    panels: chartPanels(doc, text.allGroups, text.n).length,
    minPanel: 96,
    maxPanel: 150,
    hardMinPanel: 80,
    panelChrome: 80,
    chrome: 110,
  })
  const panels = fitPanelHeaders(chartPanels(doc, text.allGroups, text.n), layout.panel)
  const rowLabel = new Map(dimensions.map((d) => [d.id, layout.label(d.label)]))
  const rows: DumbbellRow[] = []
  for (const panel of panels) {
    for (const d of dimensions) {
      const cell =
        panel.key === null
          ? isSuppressed(d.overall)
            ? null
            : d.overall
          : dimensionCell(d, panel.key)
      if (!cell || cell.current === null || cell.target === null) continue
      const current = round(cell.current, 2)
      const target = round(cell.target, 2)
      const base = { panel: panel.label, dimension: rowLabel.get(d.id) ?? d.label, current, target }
      rows.push({ role: 'pair', ...base, which: null, value: null })
      rows.push({ role: 'end', ...base, which: currentLabel, value: current })
      rows.push({ role: 'end', ...base, which: targetLabel, value: target })
    }
  }
  const x = {
    type: 'quantitative' as const,
    scale: { domain, nice: false, zero: false },
    title: text.level,
    axis: { tickMinStep: 1, format: 'd' },
  }
  const y = {
    field: 'dimension',
    type: 'nominal' as const,
    sort: dimensions.map((d) => rowLabel.get(d.id) ?? d.label),
    title: null,
    axis: rowLabelAxis(layout),
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(ipa ? text.dumbbellTitleIpa : text.dumbbellTitleMaturity, [
      text.n(doc.n),
      text.sortedByGap,
      text.suppressedNote(doc.suppressBelow),
    ]),
    config: chartConfig(options),
    data: { values: rows },
    facet: {
      field: 'panel',
      type: 'nominal',
      sort: panels.map((p) => p.label),
      title: null,
      header: PANEL_HEADER,
    },
    columns: layout.columns,
    spacing: { column: PANEL_GAP, row: 20 },
    spec: {
      width: layout.panel,
      height: { step: layout.rowStep },
      layer: [
        {
          transform: [{ filter: "datum.role === 'pair'" }],
          mark: { type: 'rule', color: '#9e9e9e', strokeWidth: 2 },
          encoding: { y, x: { ...x, field: 'current' }, x2: { field: 'target' } },
        },
        {
          transform: [{ filter: "datum.role === 'end'" }],
          mark: { type: 'point', filled: true, size: 55, opacity: 1 },
          encoding: {
            y,
            x: { ...x, field: 'value' },
            color: {
              field: 'which',
              type: 'nominal',
              title: null,
              scale: {
                domain: [currentLabel, targetLabel],
                range: [CURRENT_COLOUR, TARGET_COLOUR],
              },
            },
            shape: {
              field: 'which',
              type: 'nominal',
              title: null,
              scale: { domain: [currentLabel, targetLabel], range: ['circle', 'diamond'] },
            },
          },
        },
      ],
    },
    // Each panel gets its own x axis; a wrapped facet otherwise draws it only under the last row.
    resolve: { axis: { x: 'independent' } },
  }
}
