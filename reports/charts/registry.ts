/**
 * Every chart an analysis document supports, with stable ids (`<survey>.<chart>.<subject>`) and
 * in a fixed order: the names files and URLs use (`/charts/:chart.svg`).
 */
import type { TopLevelSpec } from 'vega-lite'
import type {
  AnalysisDocument,
  QuestionSummary,
  SuppressedWaveCell,
  WaveCell,
} from '../../analysis/types.ts'
import { codesignBorda, rankingBorda, voteBorda } from './borda-bars.ts'
import type { DimensionKind } from './gap-dumbbell.ts'
import { gapDumbbell } from './gap-dumbbell.ts'
import { gapHeatmap } from './gap-heatmap.ts'
import { gapSlope } from './gap-slope.ts'
import { availableMetrics, indicatorTrend } from './indicator-trend.ts'
import { ipaScatter } from './ipa-scatter.ts'
import { likertBars, likertScale } from './likert-bars.ts'
import { percentBars } from './percent-bars.ts'
import {
  isChoiceCell,
  isNumericCell,
  isRankingCell,
  isSuppressed,
  slug,
  specialTally,
} from './read-document.ts'
import { responseProgress } from './response-progress.ts'
import { chartText } from './text.ts'
import type { ChartOptions } from './theme.ts'
import { wrapText } from './theme.ts'

export type { ChartOptions } from './theme.ts'

/** One chart of a document: a stable id, its title and its Vega-Lite spec. */
export interface ChartEntry {
  /** `<survey>.<chart>.<subject>`, only `[a-z0-9.-]`, e.g. `microfinance-gap.gap-heatmap.all`. */
  id: string
  title: string
  spec: TopLevelSpec
}

/** Short id part of each dimension kind. */
const KIND_SUBJECT: Record<DimensionKind, string> = {
  'importance-performance': 'ipa',
  'current-target': 'maturity',
}

/**
 * Every chart the document supports, in report order: progress, heatmap, dumbbells, IPA, wave
 * slopes, a Likert chart per rating / matrix row, percent bars per choice question, ranking
 * bars, then the special tally's charts (vote, co-design, indicator trends). Every title states
 * the wave its figures read ("… (wave 2025)", "… (all waves)"); a wave slope names its two
 * waves instead, and is listed only when the comparison has figures to draw.
 * @example listCharts(doc, { locale: 'en' }).map((c) => c.id)
 * // ['microfinance-gap.response-progress.all', 'microfinance-gap.gap-heatmap.all', …]
 */
export function listCharts(doc: AnalysisDocument, options: ChartOptions): ChartEntry[] {
  const entries: ChartEntry[] = []
  const seen = new Set<string>()
  const scope = chartText(options.locale).waveScope(doc.wave)
  const add = (chart: string, subject: string, build: () => TopLevelSpec) => {
    let id = `${slug(doc.survey)}.${chart}.${slug(subject)}`
    // Two subjects can slug alike (`q.a_b` and `q.a-b`): number the later ones, in order.
    for (let i = 2; seen.has(id); i++) id = `${slug(doc.survey)}.${chart}.${slug(subject)}-${i}`
    seen.add(id)
    const built = build()
    const spec = chart === 'gap-slope' ? built : withScope(built, scope)
    entries.push({ id, title: titleOf(spec), spec })
  }
  if (doc.groups.length > 0) add('response-progress', 'all', () => responseProgress(doc, options))
  const kinds = dimensionKinds(doc)
  if (kinds.length > 0) add('gap-heatmap', 'all', () => gapHeatmap(doc, options))
  for (const kind of kinds)
    add('gap-dumbbell', KIND_SUBJECT[kind], () => gapDumbbell(doc, options, kind))
  if (kinds.includes('importance-performance'))
    add('ipa-scatter', 'all', () => ipaScatter(doc, options))
  for (const kind of slopeKinds(doc)) {
    add('gap-slope', KIND_SUBJECT[kind], () => gapSlope(doc, options, kind))
  }
  for (const q of doc.questions) {
    if (isLikertItem(q)) add('likert', q.name, () => likertBars(doc, options, q.name))
  }
  for (const q of doc.questions) {
    if (isPercentItem(q)) add('percent-bars', q.name, () => percentBars(doc, options, q.name))
  }
  const tally = specialTally(doc)
  for (const q of doc.questions) {
    // The special tally re-counts its own ranking question by its rules (own-region votes
    // left out, k-to-1 points): a second, plain count of it would only contradict it.
    if (
      tally?.kind === 'vote' ||
      (tally?.kind === 'codesign' && tally.rankingQuestion === q.question)
    ) {
      continue
    }
    if (q.kind === 'ranking' && isRankingCell(q.overall) && q.overall.n > 0) {
      add('borda-bars', q.name, () => rankingBorda(doc, options, q.name))
    }
  }
  addSpecialCharts(doc, options, add)
  return entries
}

type AddChart = (chart: string, subject: string, build: () => TopLevelSpec) => void

function addSpecialCharts(doc: AnalysisDocument, options: ChartOptions, add: AddChart): void {
  const tally = specialTally(doc)
  if (tally?.kind === 'vote' && tally.ranking.length > 0) {
    add('borda-bars', 'vote', () => voteBorda(doc, options))
  }
  if (tally?.kind === 'codesign' && tally.overall.challenges.length > 0) {
    add('borda-bars', 'codesign', () => codesignBorda(doc, options))
    for (const group of tally.subgroups) {
      // Workshop sheets are group products, but a subgroup of very few sheets adds little.
      if (group.key === null || group.n < doc.suppressBelow || group.challenges.length === 0)
        continue
      const key = group.key
      add('borda-bars', `codesign-${key}`, () => codesignBorda(doc, options, key))
    }
  }
  if (tally?.kind === 'indicators') {
    for (const metric of availableMetrics(tally)) {
      add(
        'indicator-trend',
        metric.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
        () => indicatorTrend(doc, options, metric),
      )
    }
  }
}

/** Dimension kinds present with at least one overall figure, IPA first. */
function dimensionKinds(doc: AnalysisDocument): DimensionKind[] {
  const kinds: DimensionKind[] = ['importance-performance', 'current-target']
  return kinds.filter((kind) =>
    doc.dimensions.some(
      (d) => d.kind === kind && !('suppressed' in d.overall) && d.overall.gap !== null,
    ),
  )
}

/**
 * Dimension kinds with at least one visible wave cell (all respondents or a region) that has
 * both gaps, IPA first: a slope chart without one would be an empty legend.
 */
function slopeKinds(doc: AnalysisDocument): DimensionKind[] {
  const waves = doc.waves
  if (!waves) return []
  const kindOf = new Map(doc.dimensions.map((d) => [d.id, d.kind]))
  const drawn = (cell: WaveCell | SuppressedWaveCell) =>
    !isSuppressed(cell) && cell.gapFrom !== null && cell.gapTo !== null
  const kinds: DimensionKind[] = ['importance-performance', 'current-target']
  return kinds.filter((kind) =>
    waves.dimensions.some(
      (d) =>
        kindOf.get(d.id) === kind &&
        (drawn(d.overall) || Object.values(d.groups).some((cell) => drawn(cell))),
    ),
  )
}

/**
 * The title with the wave its figures read appended, wrapped like `chartTitle`; the wave is
 * never split across two lines.
 */
function withScope(spec: TopLevelSpec, scope: string): TopLevelSpec {
  const text = wrapText(titleOf(spec), 64)
  const last = text.length - 1
  const tail = `(${scope})`
  if ((text[last] ?? '').length + 1 + tail.length <= 64) text[last] = `${text[last]} ${tail}`
  else text.push(tail)
  const title = spec.title
  if (title && typeof title === 'object' && !Array.isArray(title)) {
    return { ...spec, title: { ...title, text } }
  }
  return { ...spec, title: text }
}

/** A rating or matrix row on a scale of at least three points, with answers. */
function isLikertItem(q: QuestionSummary): boolean {
  return (
    q.kind === 'numeric' &&
    (q.type === 'rating' || q.type === 'matrix') &&
    likertScale(q).length >= 3 &&
    isNumericCell(q.overall) &&
    q.overall.counts !== null &&
    q.overall.n > 0
  )
}

/**
 * A choice or multi-select question where at least two options were chosen: a question every
 * respondent answered alike (a consent box) says nothing about differences between groups.
 */
function isPercentItem(q: QuestionSummary): boolean {
  if (q.kind !== 'choice' && q.kind !== 'choices') return false
  const cell = q.overall
  if (!isChoiceCell(cell) || cell.n === 0) return false
  return Object.values(cell.counts).filter((count) => count > 0).length >= 2
}

function titleOf(spec: TopLevelSpec): string {
  const title = spec.title
  if (typeof title === 'string') return title
  if (Array.isArray(title)) return title.join(' ')
  const text = title?.text
  if (typeof text === 'string') return text
  return Array.isArray(text) ? text.join(' ') : ''
}
