/**
 * Responses by group: one bar per group with its n, groups under the suppression threshold in
 * grey, and the threshold itself as a dashed rule.
 */

import type { TopLevelSpec } from 'vega-lite'
import type { AnalysisDocument } from '../../analysis/types.ts'
import { CHART_PADDING, linesWidth, MAX_CHART_WIDTH } from './layout.ts'
import { groupLabels } from './read-document.ts'
import type { ChartOptions } from './theme.ts'
import {
  CURRENT_COLOUR,
  chartConfig,
  chartTitle,
  groupTitle,
  RULE_COLOUR,
  SUPPRESSED_COLOUR,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** Group names longer than this (px) are cut with "…". */
const LABEL_LIMIT = 260

/**
 * Respondents per group in document order (suppressed groups keep their n here).
 * @example responseProgress(doc, { locale: 'en' }) // "Responses by region", n = 240
 */
export function responseProgress(doc: AnalysisDocument, options: ChartOptions): TopLevelSpec {
  const text = textFor(options)
  const labels = groupLabels(doc)
  const k = doc.suppressBelow
  const rows = doc.groups.map((g, order) => ({
    order,
    group: labels.get(g.key) ?? g.key,
    n: g.n,
    below: g.suppressed,
  }))
  const max = Math.max(k, ...rows.map((r) => r.n))
  const domain = [0, Math.ceil(max * 1.15)]
  const y = {
    field: 'group',
    type: 'nominal' as const,
    sort: rows.map((r) => r.group),
    title: groupTitle(doc.by, text),
    axis: { labelLimit: LABEL_LIMIT },
  }
  const x = {
    field: 'n',
    type: 'quantitative' as const,
    title: text.respondents,
    scale: { domain, nice: false },
    axis: { format: ',d', tickMinStep: 1 },
  }
  const total = doc.groups.reduce((sum, g) => sum + g.n, 0)
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(text.progressTitle(groupTitle(doc.by, text)), [
      text.nGroups(total, doc.groups.length, doc.by),
      text.progressNote(k),
    ]),
    config: chartConfig(options),
    // The bars take what the labels leave of the chart width.
    width: Math.min(
      420,
      MAX_CHART_WIDTH -
        2 * CHART_PADDING -
        60 -
        Math.min(
          LABEL_LIMIT,
          linesWidth(
            rows.map((r) => r.group),
            11,
          ),
        ),
    ),
    height: { step: 26 },
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x,
          color: {
            condition: { test: 'datum.below', value: SUPPRESSED_COLOUR },
            value: CURRENT_COLOUR,
          },
        },
      },
      {
        data: { values: rows },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333333' },
        encoding: { y, x, text: { field: 'n', type: 'quantitative', format: ',d' } },
      },
      {
        data: { values: [{ k, label: text.threshold(k) }] },
        mark: { type: 'rule', color: RULE_COLOUR, strokeDash: [4, 3] },
        encoding: { x: { field: 'k', type: 'quantitative', scale: { domain, nice: false } } },
      },
      {
        data: { values: [{ k, label: text.threshold(k) }] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, y: -2, color: RULE_COLOUR },
        encoding: {
          x: { field: 'k', type: 'quantitative', scale: { domain, nice: false } },
          text: { field: 'label' },
        },
      },
    ],
  }
}
