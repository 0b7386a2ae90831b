/**
 * Gap scores of the questionnaire's dimensions (`gapkit.dimensions`): per group the mean current
 * and target of the respondents who gave both, the mean paired gap (target − current) with a
 * bootstrap interval, its sign, and for importance–performance dimensions the IPA quadrant.
 */

import { localize } from '../surveys/definition.ts'
import type { GapDimension } from '../surveys/types.ts'
import { compareOrdinal, compareOrdinalCounts } from './compare-groups.ts'
import { estimateMeanInterval, type ResampleSettings } from './mean-intervals.ts'
import { type PairSample, summarizePairs } from './pair-samples.ts'
import { hiddenCell, planSuppression } from './suppress.ts'
import type { AnswerLayout } from './tally/encode.ts'
import {
  type DimensionPlan,
  emptyDimension,
  type GroupTally,
  mergeDimensions,
} from './tally/types.ts'
import type {
  Crosshair,
  DimensionCell,
  DimensionSummary,
  GapSign,
  GroupTest,
  IpaBlock,
  Quadrant,
  SuppressedCell,
} from './types.ts'

/** Options of {@link scoreGaps}. */
export interface GapSettings extends ResampleSettings {
  /** Suppression threshold. */
  k: number
  runTests: boolean
  /** Language of the dimension labels. */
  locale: string
}

/** Dimensions, their ranking, the IPA cross-hairs, the tests run and notes on unusable paths. */
export interface GapsResult {
  dimensions: DimensionSummary[]
  ranking: string[]
  ipa: IpaBlock | null
  tests: GroupTest[]
  notes: string[]
  /** Hidden group keys per dimension id (for tables that could be combined with this one). */
  hidden: Map<string, Set<string>>
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

const TOLERANCE = 1e-9

function signOf(gap: number | null): GapSign | null {
  if (gap === null) return null
  return gap > TOLERANCE ? 'positive' : gap < -TOLERANCE ? 'negative' : 'zero'
}

/**
 * IPA quadrant of a dimension (x = performance = current, y = importance = target) against the
 * cross-hairs; a value equal to the cross-hair counts as high.
 *
 * @example
 * quadrantOf(2.1, 4.5, { current: 3, target: 4, dimensions: 14 }) // 'concentrate-here'
 */
export function quadrantOf(current: number, target: number, crosshair: Crosshair): Quadrant {
  const important = target >= crosshair.target - TOLERANCE
  const performing = current >= crosshair.current - TOLERANCE
  if (important) return performing ? 'keep-up-the-good-work' : 'concentrate-here'
  return performing ? 'possible-overkill' : 'low-priority'
}

/** A dimension cell before suppression. */
function describeGap(pairs: PairSample, settings: ResampleSettings): DimensionCell {
  const gap = pairs.n === 0 ? null : pairs.gaps.sum() / pairs.n
  return {
    n: pairs.n,
    current: pairs.current,
    target: pairs.target,
    gap,
    ci95: estimateMeanInterval(pairs.gaps, settings),
    gapSign: signOf(gap),
    quadrant: null,
  }
}

/** Kruskal–Wallis on the paired gaps of the visible groups (`ordered` mode: in their order). */
export function testGaps(
  visible: readonly { key: string; pairs: PairSample }[],
  settings: { seed: number },
): GroupTest | null {
  if (visible.every((v) => v.pairs.ordered !== null)) {
    return compareOrdinal(
      visible.map((v) => ({ key: v.key, values: v.pairs.ordered ?? [] })),
      settings,
    )
  }
  return compareOrdinalCounts(
    visible.map((v) => ({ key: v.key, values: v.pairs.gapCounts })),
    settings,
  )
}

function isVisible(cell: DimensionCell | SuppressedCell): cell is DimensionCell {
  return !('suppressed' in cell)
}

/** Mean of the visible IPA cells' means; null when there is none. */
function crosshairOf(cells: readonly (DimensionCell | SuppressedCell | undefined)[]) {
  const shown = cells.filter(
    (c): c is DimensionCell =>
      c !== undefined && isVisible(c) && c.current !== null && c.target !== null,
  )
  if (shown.length === 0) return null
  const current = average(shown.map((c) => c.current ?? 0)) ?? 0
  const target = average(shown.map((c) => c.target ?? 0)) ?? 0
  return { current, target, dimensions: shown.length }
}

function setQuadrant(
  cell: DimensionCell | SuppressedCell | undefined,
  crosshair: Crosshair | null,
) {
  if (!cell || !isVisible(cell) || !crosshair || cell.current === null || cell.target === null) {
    return
  }
  cell.quadrant = quadrantOf(cell.current, cell.target, crosshair)
}

/** What {@link scoreGaps} reads: the layout, the dimension plans and the grouped tallies. */
export interface GapTallies {
  layout: AnswerLayout
  plans: readonly DimensionPlan[]
  groups: readonly GroupTally[]
}

/**
 * Scores every dimension by group and overall, suppresses cells with n below k (and their
 * complements), sets IPA quadrants from each group's cross-hairs (the mean over its visible IPA
 * dimensions) and tests the paired gaps across visible groups (Kruskal–Wallis).
 *
 * @example
 * scoreGaps(survey.gapkit.dimensions, { layout, plans, groups }, { k: 5, seed: 1, resamples: 2000, runTests: true, locale: 'en' })
 */
export function scoreGaps(
  dimensions: readonly GapDimension[],
  tallies: GapTallies,
  settings: GapSettings,
): GapsResult {
  const { layout, plans, groups } = tallies
  const tests: GroupTest[] = []
  const notes: string[] = []
  const hidden = new Map<string, Set<string>>()
  const summaries = dimensions.map((dimension, d): DimensionSummary => {
    const plan = plans[d]
    if (!plan) throw new Error(`no tally plan for dimension ${dimension.id}`)
    for (const [path, index] of [
      [dimension.current, plan.current],
      [dimension.target, plan.target],
    ] as const) {
      if (index < 0) notes.push(`Dimension "${dimension.id}": "${path}" is not a numeric item.`)
    }
    const dims = groups.map((g) => g.dims[d] ?? emptyDimension(plan))
    const raw = groups.map((g, i) => {
      const pairs = summarizePairs(dims[i] ?? emptyDimension(plan), plan, layout)
      return { key: g.key, pairs, cell: describeGap(pairs, settings) }
    })
    const all = summarizePairs(mergeDimensions(dims, plan, 'concat'), plan, layout)
    const overall = describeGap(all, settings)
    const suppression = planSuppression(
      raw.map((r) => ({ key: r.key, small: r.cell.n < settings.k, sizes: [r.cell.n] })),
      settings.k,
      { overallSmall: overall.n < settings.k },
    )
    hidden.set(dimension.id, new Set(suppression.hidden.keys()))
    const cells: Record<string, DimensionCell | SuppressedCell> = {}
    for (const r of raw) {
      const reason = suppression.hidden.get(r.key)
      cells[r.key] = reason ? hiddenCell(r.cell.n, reason) : r.cell
    }
    const visible = raw.filter((r) => !suppression.hidden.has(r.key) && r.cell.n > 0)
    const test = settings.runTests ? testGaps(visible, { seed: settings.seed }) : null
    if (test) tests.push(test)
    return {
      id: dimension.id,
      label: localize(dimension.label, settings.locale) || dimension.id,
      kind: dimension.kind,
      current: dimension.current,
      target: dimension.target,
      groups: cells,
      overall: suppression.overall ? hiddenCell(overall.n, suppression.overall) : overall,
      test,
    }
  })

  const ipaDimensions = summaries.filter((d) => d.kind === 'importance-performance')
  let ipa: IpaBlock | null = null
  if (ipaDimensions.length > 0) {
    ipa = { groups: {}, overall: crosshairOf(ipaDimensions.map((d) => d.overall)) }
    for (const group of groups) {
      const crosshair = crosshairOf(ipaDimensions.map((d) => d.groups[group.key]))
      ipa.groups[group.key] = crosshair
      for (const d of ipaDimensions) setQuadrant(d.groups[group.key], crosshair)
    }
    for (const d of ipaDimensions) setQuadrant(d.overall, ipa.overall)
  }

  const overallGap = (d: DimensionSummary) =>
    isVisible(d.overall) && d.overall.gap !== null ? d.overall.gap : Number.NEGATIVE_INFINITY
  const ranking = [...summaries].sort((a, b) => overallGap(b) - overallGap(a) || 0).map((d) => d.id)
  return { dimensions: summaries, ranking, ipa, tests, notes, hidden }
}
