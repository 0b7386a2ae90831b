/**
 * Percent bars of a single-choice or multi-select question, one panel for all respondents and
 * one per group, each bar with its pre-computed Wilson 95% interval (never computed by Vega).
 */
import type { TopLevelSpec } from 'vega-lite'
import type { AnalysisDocument, ChoiceCell } from '../../analysis/types.ts'
import { facetLayout, fitPanelHeaders, PANEL_GAP, rowLabelAxis } from './layout.ts'
import {
  chartPanels,
  findQuestion,
  isChoiceCell,
  PANEL_HEADER,
  panelLabel,
} from './read-document.ts'
import type { ChartOptions } from './theme.ts'
import { chartConfig, chartTitle, round, textFor, VEGA_LITE_SCHEMA } from './theme.ts'

/** One bar: an option's percentage in a panel and its interval. */
interface PercentRow {
  panel: string
  option: string
  percent: number
  lo: number | null
  hi: number | null
  count: number
}

/**
 * Percentages of every option of `name` with Wilson intervals; multi-select options sorted by
 * the overall share, single-choice options kept in questionnaire order (they are often ordered).
 * @example percentBars(doc, { locale: 'fr' }, 'barriers')
 */
export function percentBars(
  doc: AnalysisDocument,
  options: ChartOptions,
  name: string,
): TopLevelSpec {
  const question = findQuestion(doc, name)
  if (!question) throw new Error(`${doc.survey}: no question "${name}"`)
  const text = textFor(options)
  const multi = question.kind === 'choices'
  const overall = isChoiceCell(question.overall) ? question.overall : null
  const present = question.options.filter((o) => overall?.percent[o.value] != null)
  const shown = present.length > 0 ? present : question.options
  const sorted = multi
    ? [...shown].sort((a, b) => (overall?.percent[b.value] ?? 0) - (overall?.percent[a.value] ?? 0))
    : shown
  const withFigures = chartPanels(doc, text.allGroups, text.n).flatMap((p) => {
    const cell = p.key === null ? question.overall : question.groups[p.key]
    if (!cell || !isChoiceCell(cell)) return []
    return [{ name: p.name, label: panelLabel(p.name, text.n(cell.n)), cell }]
  })
  const layout = facetLayout({
    labels: sorted.map((o) => o.label),
    panels: withFigures.length,
    minPanel: 110,
    maxPanel: 170,
    hardMinPanel: 84,
    panelChrome: 60,
    chrome: 110,
  })
  const panels = fitPanelHeaders(withFigures, layout.panel)
  const rows: PercentRow[] = []
  for (const { label, cell } of panels) {
    for (const option of sorted) rows.push(percentRow(label, option, cell, layout.label))
  }
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, 100], nice: false },
    title: null,
    axis: { values: layout.panel < 140 ? [0, 50, 100] : [0, 25, 50, 75, 100] },
  }
  const y = {
    field: 'option',
    type: 'nominal' as const,
    sort: sorted.map((o) => layout.label(o.label)),
    title: null,
    axis: rowLabelAxis(layout),
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(question.title, [
      text.n(overall?.n ?? 0),
      `${text.share}. ${text.percentNote(multi)}${text.intervalNote}`,
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
    spacing: { column: PANEL_GAP, row: 18 },
    resolve: { axis: { x: 'independent' } },
    spec: {
      width: layout.panel,
      height: { step: layout.rowStep },
      layer: [
        {
          mark: { type: 'bar', color: '#56B4E9', height: { band: 0.75 } },
          encoding: { y, x: { ...x, field: 'percent' } },
        },
        {
          transform: [{ filter: 'isValid(datum.lo)' }],
          mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 1.2 },
          encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
        },
      ],
    },
  }
}

function percentRow(
  panel: string,
  option: { value: string; label: string },
  cell: ChoiceCell,
  rowLabel: (text: string) => string,
) {
  const interval = cell.ci95[option.value] ?? null
  const row: PercentRow = {
    panel,
    option: rowLabel(option.label),
    percent: round(cell.percent[option.value] ?? 0, 1),
    lo: interval ? round(interval[0], 1) : null,
    hi: interval ? round(interval[1], 1) : null,
    count: cell.counts[option.value] ?? 0,
  }
  return row
}
