/**
 * Gap scores of the questionnaire's dimensions (`gapkit.dimensions`): per group the mean current
 * and target of the respondents who gave both, the mean paired gap (target − current) with a
 * bootstrap interval, its sign, and for importance–performance dimensions the IPA quadrant.
 */

import { localize } from '../surveys/definition.ts'
import type { GapDimension } from '../surveys/types.ts'
import { compareOrdinal } from './compare-groups.ts'
import { type ItemColumn, USABLE } from './flatten-answers.ts'
import type { ResponseGroup } from './group-responses.ts'
import { estimateMeanInterval, type ResampleSettings } from './mean-intervals.ts'
import { hiddenCell, planSuppression } from './suppress.ts'
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

type NumericColumn = Extract<ItemColumn, { kind: 'numeric' }>

/** Current, target and gap of every respondent at `indices` who gave both values. */
export function pairValues(
  current: NumericColumn | undefined,
  target: NumericColumn | undefined,
  indices: readonly number[],
): { current: number[]; target: number[]; gaps: number[] } {
  const out = { current: [] as number[], target: [] as number[], gaps: [] as number[] }
  if (!current || !target) return out
  for (const i of indices) {
    if (current.state[i] !== USABLE || target.state[i] !== USABLE) continue
    const c = current.values[i] ?? 0
    const t = target.values[i] ?? 0
    out.current.push(c)
    out.target.push(t)
    out.gaps.push(t - c)
  }
  return out
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

/** A dimension cell before suppression, with its gaps for the test. */
function describeGap(
  pairs: ReturnType<typeof pairValues>,
  settings: ResampleSettings,
): DimensionCell {
  const gap = average(pairs.gaps)
  return {
    n: pairs.gaps.length,
    current: average(pairs.current),
    target: average(pairs.target),
    gap,
    ci95: estimateMeanInterval(pairs.gaps, settings),
    gapSign: signOf(gap),
    quadrant: null,
  }
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

/**
 * Scores every dimension by group and overall, suppresses cells with n below k (and their
 * complements), sets IPA quadrants from each group's cross-hairs (the mean over its visible IPA
 * dimensions) and tests the paired gaps across visible groups (Kruskal–Wallis).
 *
 * @example
 * scoreGaps(survey.gapkit.dimensions, columnsByPath, plan.groups, { k: 5, seed: 1, resamples: 2000, runTests: true, locale: 'en' })
 */
export function scoreGaps(
  dimensions: readonly GapDimension[],
  columns: ReadonlyMap<string, ItemColumn>,
  groups: readonly ResponseGroup[],
  settings: GapSettings,
): GapsResult {
  const numeric = (path: string) => {
    const column = columns.get(path)
    return column?.kind === 'numeric' ? column : undefined
  }
  const everyone = groups.flatMap((g) => g.indices)
  const tests: GroupTest[] = []
  const notes: string[] = []
  const hidden = new Map<string, Set<string>>()
  const summaries = dimensions.map((dimension): DimensionSummary => {
    const current = numeric(dimension.current)
    const target = numeric(dimension.target)
    for (const [path, column] of [
      [dimension.current, current],
      [dimension.target, target],
    ] as const) {
      if (!column) notes.push(`Dimension "${dimension.id}": "${path}" is not a numeric item.`)
    }
    const raw = groups.map((g) => {
      const pairs = pairValues(current, target, g.indices)
      return { key: g.key, pairs, cell: describeGap(pairs, settings) }
    })
    const overall = describeGap(pairValues(current, target, everyone), settings)
    const plan = planSuppression(
      raw.map((r) => ({ key: r.key, small: r.cell.n < settings.k, sizes: [r.cell.n] })),
      settings.k,
      { overallSmall: overall.n < settings.k },
    )
    hidden.set(dimension.id, new Set(plan.hidden.keys()))
    const cells: Record<string, DimensionCell | SuppressedCell> = {}
    for (const r of raw) {
      const reason = plan.hidden.get(r.key)
      cells[r.key] = reason ? hiddenCell(r.cell.n, reason) : r.cell
    }
    const visible = raw.filter((r) => !plan.hidden.has(r.key) && r.cell.n > 0)
    const test = settings.runTests
      ? compareOrdinal(
          visible.map((r) => ({ key: r.key, values: r.pairs.gaps })),
          { seed: settings.seed },
        )
      : null
    if (test) tests.push(test)
    return {
      id: dimension.id,
      label: localize(dimension.label, settings.locale) || dimension.id,
      kind: dimension.kind,
      current: dimension.current,
      target: dimension.target,
      groups: cells,
      overall: plan.overall ? hiddenCell(overall.n, plan.overall) : overall,
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
