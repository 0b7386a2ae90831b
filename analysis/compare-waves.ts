/**
 * Change of each dimension's mean gap between the two most recent waves, per region: a slope
 * chart's data. The two waves hold different respondents, so the interval is a bootstrap of
 * the difference of two independent means.
 */

import type { GapDimension } from '../surveys/types.ts'
import type { ItemColumn } from './flatten-answers.ts'
import { compareKeys } from './group-responses.ts'
import type { AnalysisResponse } from './input.ts'
import { estimateDifferenceInterval, type ResampleSettings } from './mean-intervals.ts'
import { pairValues } from './score-gaps.ts'
import { planSuppression } from './suppress.ts'
import type { SuppressedWaveCell, WaveCell, WaveDimension, WavesBlock } from './types.ts'

/** Options of {@link compareWaves}. */
export interface WaveSettings extends ResampleSettings {
  /** Suppression threshold, applied to each side (nFrom and nTo). */
  k: number
  /**
   * Region keys to hide per dimension id because another table of the document hides them
   * (otherwise the two waves together would give away a hidden all-waves figure). Default none.
   */
  forced?: ReadonlyMap<string, ReadonlySet<string>>
}

type NumericColumn = Extract<ItemColumn, { kind: 'numeric' }>

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

function describeChange(from: number[], to: number[], settings: ResampleSettings): WaveCell {
  const gapFrom = mean(from)
  const gapTo = mean(to)
  return {
    nFrom: from.length,
    nTo: to.length,
    gapFrom,
    gapTo,
    change: gapFrom === null || gapTo === null ? null : gapTo - gapFrom,
    ci95: estimateDifferenceInterval(from, to, settings),
  }
}

function hide(cell: WaveCell, reason: 'small' | 'complementary'): SuppressedWaveCell {
  const base = { nFrom: cell.nFrom, nTo: cell.nTo, suppressed: true as const }
  return reason === 'small' ? base : { ...base, reason }
}

/**
 * The waves block, or `null` when the responses hold fewer than 2 waves. Waves sort like group
 * keys (`2024` before `2025`); the last two are compared. A region is hidden when either wave
 * has fewer than k paired respondents; complementary suppression runs on both sides at once.
 *
 * @example
 * compareWaves(plan.responses, columnsByPath, survey.gapkit.dimensions, { k: 5, seed: 1, resamples: 2000 })
 * // { from: '2024', to: '2025', dimensions: [{ id: 'regulation', groups: { 'FR-93': { nFrom: 6, … } }, overall: … }] }
 */
export function compareWaves(
  responses: readonly AnalysisResponse[],
  columns: ReadonlyMap<string, ItemColumn>,
  dimensions: readonly GapDimension[],
  settings: WaveSettings,
): WavesBlock | null {
  const waves = [...new Set(responses.map((r) => r.wave))].sort(compareKeys)
  const from = waves.at(-2)
  const to = waves.at(-1)
  if (from === undefined || to === undefined) return null

  const regions = new Map<string, { from: number[]; to: number[] }>()
  for (const [index, r] of responses.entries()) {
    if (r.wave !== from && r.wave !== to) continue
    const entry = regions.get(r.region) ?? { from: [], to: [] }
    entry[r.wave === from ? 'from' : 'to'].push(index)
    regions.set(r.region, entry)
  }
  const keys = [...regions.keys()].sort(compareKeys)
  const numeric = (path: string): NumericColumn | undefined => {
    const column = columns.get(path)
    return column?.kind === 'numeric' ? column : undefined
  }

  const result: WaveDimension[] = dimensions.map((dimension) => {
    const current = numeric(dimension.current)
    const target = numeric(dimension.target)
    const gapsAt = (indices: readonly number[]) => pairValues(current, target, indices).gaps
    const raw = keys.map((key) => {
      const sides = regions.get(key) ?? { from: [], to: [] }
      return { key, cell: describeChange(gapsAt(sides.from), gapsAt(sides.to), settings) }
    })
    const all = keys.map((key) => regions.get(key) ?? { from: [], to: [] })
    const overall = describeChange(
      gapsAt(all.flatMap((s) => s.from)),
      gapsAt(all.flatMap((s) => s.to)),
      settings,
    )
    const small = (c: WaveCell) => c.nFrom < settings.k || c.nTo < settings.k
    const plan = planSuppression(
      raw.map((r) => ({ key: r.key, small: small(r.cell), sizes: [r.cell.nFrom, r.cell.nTo] })),
      settings.k,
      { overallSmall: small(overall), forced: settings.forced?.get(dimension.id) },
    )
    const groups: Record<string, WaveCell | SuppressedWaveCell> = {}
    for (const r of raw) {
      const reason = plan.hidden.get(r.key)
      groups[r.key] = reason ? hide(r.cell, reason) : r.cell
    }
    return {
      id: dimension.id,
      groups,
      overall: plan.overall ? hide(overall, plan.overall) : overall,
    }
  })
  return { from, to, dimensions: result }
}
