/**
 * Importance–performance analysis: one scatter panel per group on the same axes, with the
 * panel's grand-mean cross-hairs, the diagonal importance = performance and the quadrant names;
 * points are numbered and a key lists the dimensions.
 */
import type { TopLevelSpec } from 'vega-lite'
import type { AnalysisDocument, Crosshair } from '../../analysis/types.ts'
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
  RULE_COLOUR,
  round,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** A dimension point (`role` 'point') or a panel frame carrying its cross-hairs ('frame'). */
interface IpaRow {
  role: 'point' | 'frame'
  panel: string
  number: number | null
  performance: number | null
  importance: number | null
}

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
  const rows: IpaRow[] = []
  for (const panel of panels) {
    const cross: Crosshair | null =
      panel.key === null ? (doc.ipa?.overall ?? null) : (doc.ipa?.groups[panel.key] ?? null)
    rows.push({
      role: 'frame',
      panel: panel.label,
      number: null,
      performance: cross ? round(cross.current, 2) : null,
      importance: cross ? round(cross.target, 2) : null,
    })
    dimensions.forEach((d, i) => {
      const cell =
        panel.key === null
          ? isSuppressed(d.overall)
            ? null
            : d.overall
          : dimensionCell(d, panel.key)
      if (!cell || cell.current === null || cell.target === null) return
      rows.push({
        role: 'point',
        panel: panel.label,
        number: i + 1,
        performance: round(cell.current, 2),
        importance: round(cell.target, 2),
      })
    })
  }
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
    title: text.importance,
    axis: { tickMinStep: 1 },
  }
  const inset = (hi - lo) * 0.02
  const frame = "datum.role === 'frame'"
  const corner = (
    px: number,
    py: number,
    align: 'left' | 'right',
    baseline: 'top' | 'bottom',
    label: string,
  ) => ({
    transform: [{ filter: frame }],
    mark: { type: 'text' as const, align, baseline, fontSize: 9, color: '#767676' },
    encoding: {
      x: { ...x, datum: px },
      y: { ...y, datum: py },
      text: { value: label },
    },
  })
  const quadrants = text.quadrants
  const panelSpec = {
    width: 210,
    height: 210,
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
      corner(lo + inset, hi - inset, 'left', 'top', quadrants.concentrate),
      corner(hi - inset, hi - inset, 'right', 'top', quadrants.keepUp),
      corner(lo + inset, lo + inset, 'left', 'bottom', quadrants.lowPriority),
      corner(hi - inset, lo + inset, 'right', 'bottom', quadrants.overkill),
      {
        transform: [{ filter: "datum.role === 'point'" }],
        mark: {
          type: 'point' as const,
          filled: true,
          size: 40,
          color: CURRENT_COLOUR,
          opacity: 0.9,
        },
        encoding: { x: { ...x, field: 'performance' }, y: { ...y, field: 'importance' } },
      },
      {
        transform: [{ filter: "datum.role === 'point'" }],
        mark: { type: 'text' as const, align: 'left' as const, dx: 5, dy: -5, fontSize: 9 },
        encoding: {
          x: { ...x, field: 'performance' },
          y: { ...y, field: 'importance' },
          text: { field: 'number', type: 'quantitative' as const },
        },
      },
    ],
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
    hconcat: [
      {
        data: { values: rows },
        facet: {
          field: 'panel',
          type: 'nominal',
          sort: panels.map((p) => p.label),
          title: null,
          header: PANEL_HEADER,
        },
        columns: 3,
        spacing: { column: 24, row: 24 },
        resolve: { axis: { x: 'independent' } },
        spec: panelSpec,
      },
      {
        title: { text: text.ipaKey, fontSize: 11, fontWeight: 'bold', anchor: 'start' },
        data: { values: key },
        width: 10,
        height: { step: 17 },
        mark: { type: 'text', align: 'left', fontSize: 10 },
        encoding: {
          y: { field: 'number', type: 'ordinal', axis: null, sort: key.map((k) => k.number) },
          text: { field: 'label' },
        },
      },
    ],
  }
}
