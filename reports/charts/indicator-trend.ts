/**
 * Indicator trends across reporting periods (the `mfi-indicators` tally): one line per region,
 * periods in chronological order, figures exactly as summed by the tally.
 */
import type { TopLevelSpec } from 'vega-lite'
import type { IndicatorSeriesPoint, IndicatorTally } from '../../analysis/special/index.ts'
import type { AnalysisDocument } from '../../analysis/types.ts'
import { specialTally } from './read-document.ts'
import type { IndicatorMetric } from './text.ts'
import type { ChartOptions } from './theme.ts'
import {
  chartConfig,
  chartTitle,
  compareText,
  OKABE_ITO,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** Every metric a trend can show, in the order reports list them. */
export const INDICATOR_METRICS: readonly IndicatorMetric[] = [
  'members',
  'borrowers',
  'women',
  'youth',
  'womenShare',
  'youthShare',
  'farmerOrgs',
  'portfolio',
  'savings',
  'averageLoan',
  'par30',
]

/** Axis number format of each metric: counts, money, shares (0–1) or percentages. */
const FORMATS: Record<IndicatorMetric, string> = {
  members: ',d',
  borrowers: ',d',
  women: ',d',
  youth: ',d',
  farmerOrgs: ',d',
  portfolio: ',.0f',
  savings: ',.0f',
  averageLoan: ',.0f',
  womenShare: '.0%',
  youthShare: '.0%',
  par30: '.1f',
}

/**
 * Trend of one indicator by region across periods.
 * @example indicatorTrend(doc, { locale: 'fr' }, 'par30')
 */
export function indicatorTrend(
  doc: AnalysisDocument,
  options: ChartOptions,
  metric: IndicatorMetric,
): TopLevelSpec {
  const tally = indicatorTally(doc)
  const text = textFor(options)
  const points = tally.series
    .map((p) => ({
      region: regionLabel(p),
      period: p.period,
      value: p[metric],
      reports: p.reports,
    }))
    .filter((p): p is typeof p & { value: number } => p.value !== null)
    .sort((a, b) => compareText(a.region, b.region) || compareText(a.period, b.period))
  const periods = [...new Set(tally.series.map((p) => p.period))].sort(compareText)
  const regions = [...new Set(points.map((p) => p.region))].sort(compareText)
  const share = metric === 'womenShare' || metric === 'youthShare'
  const max = Math.max(0, ...points.map((p) => p.value))
  const domain = share
    ? [0, Math.min(1, Math.max(0.1, Math.ceil(max * 11) / 10))]
    : [0, max * 1.1 || 1]
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    sort: periods,
    title: text.period,
    scale: { domain: periods },
    axis: { labelAngle: 0 },
  }
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: null,
    scale: { domain, nice: !share },
    axis: { format: FORMATS[metric] },
  }
  const color = {
    field: 'region',
    type: 'nominal' as const,
    title: null,
    scale: { domain: regions, range: OKABE_ITO.slice(0, Math.max(1, regions.length)) },
    legend: { orient: 'right' as const },
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(text.indicators[metric], [text.reports(tally.reports, tally.regions.length)]),
    config: chartConfig(options),
    width: { step: Math.max(40, Math.min(90, Math.round(480 / Math.max(1, periods.length)))) },
    height: 240,
    data: { values: points },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color } },
      { mark: { type: 'point', filled: true, size: 40 }, encoding: { x, y, color } },
    ],
  }
}

/** The indicator tally of a document, or an error naming what is missing. */
export function indicatorTally(doc: AnalysisDocument): IndicatorTally {
  const tally = specialTally(doc)
  if (tally?.kind !== 'indicators') throw new Error(`${doc.survey}: no indicator tally`)
  return tally
}

/** Metrics with at least one figure in the series. */
export function availableMetrics(tally: IndicatorTally): IndicatorMetric[] {
  return INDICATOR_METRICS.filter((m) => tally.series.some((p) => p[m] !== null))
}

function regionLabel(point: IndicatorSeriesPoint): string {
  return point.regionName.trim() === '' ? point.region : point.regionName
}
