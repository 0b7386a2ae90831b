/**
 * Change of each dimension's mean gap between two waves, per region: a slope chart's data. The
 * two waves hold different respondents, so the interval is a bootstrap of the difference of two
 * independent means. Which two waves is settled first (`choose-waves.ts`).
 */

import type { GapDimension } from '../surveys/types.ts'
import { compareWhich } from './choose-waves.ts'
import { compareKeys } from './group-responses.ts'
import { estimateDifferenceInterval, type ResampleSettings } from './mean-intervals.ts'
import { type PairSample, summarizePairs } from './pair-samples.ts'
import { planSuppression } from './suppress.ts'
import type { AnswerLayout } from './tally/encode.ts'
import type { StratumTally } from './tally/tally-rows.ts'
import {
  type DimensionPlan,
  type DimensionTally,
  emptyDimension,
  mergeDimensions,
} from './tally/types.ts'
import type {
  SuppressedWaveCell,
  WaveCell,
  WaveCount,
  WaveDimension,
  WavesBlock,
  WavesNote,
} from './types.ts'

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

/** What {@link compareWaves} reads: the dimension pairs of the counted responses. */
export interface WaveTallies {
  layout: AnswerLayout
  plans: readonly DimensionPlan[]
  /** Pairs per group × region × wave, over every counted response of every wave. */
  strata: readonly StratumTally[]
}

function describeChange(from: PairSample, to: PairSample, settings: ResampleSettings): WaveCell {
  const gapFrom = from.n === 0 ? null : from.gaps.sum() / from.n
  const gapTo = to.n === 0 ? null : to.gaps.sum() / to.n
  return {
    nFrom: from.n,
    nTo: to.n,
    gapFrom,
    gapTo,
    change: gapFrom === null || gapTo === null ? null : gapTo - gapFrom,
    ci95: estimateDifferenceInterval(from.gaps, to.gaps, settings),
  }
}

function hide(cell: WaveCell, reason: 'small' | 'complementary'): SuppressedWaveCell {
  const base = { nFrom: cell.nFrom, nTo: cell.nTo, suppressed: true as const }
  return reason === 'small' ? base : { ...base, reason }
}

/**
 * The wave comparison of a tally, or why there is none: which two waves (`compareWhich`: the
 * two latest with k respondents who answered both sides of a dimension, or the `requested`
 * ones), then the change of every dimension from one to the other. Both null without
 * dimensions or without counted responses.
 *
 * @example
 * compareWaves(survey.gapkit.dimensions, { layout, plans, strata }, waveCounts, undefined,
 *   { k: 5, seed: 1, resamples: 2000 })
 * // { waves: { from: '2024', to: '2025', choice: 'latest', leftOut: [], dimensions: [...] },
 * //   wavesNote: null }
 */
export function compareWaves(
  dimensions: readonly GapDimension[],
  tallies: WaveTallies,
  counts: readonly WaveCount[],
  requested: readonly [string, string] | undefined,
  settings: WaveSettings,
): { waves: WavesBlock | null; wavesNote: WavesNote | null } {
  if (dimensions.length === 0 || counts.length === 0) return { waves: null, wavesNote: null }
  const which = compareWhich(counts, settings.k, requested)
  if ('note' in which) return { waves: null, wavesNote: which.note }
  const changes = compareDimensions(dimensions, tallies, which, settings)
  return { waves: { ...which, dimensions: changes }, wavesNote: null }
}

/**
 * The change of every dimension from wave `from` to wave `to`, per region and overall. A region
 * is hidden when either wave has fewer than k paired respondents; complementary suppression
 * runs on both sides at once.
 */
function compareDimensions(
  dimensions: readonly GapDimension[],
  tallies: WaveTallies,
  { from, to }: Pick<WavesBlock, 'from' | 'to'>,
  settings: WaveSettings,
): WaveDimension[] {
  const strata = tallies.strata.filter((s) => s.wave === from || s.wave === to)
  const keys = [...new Set(strata.map((s) => s.region))].sort(compareKeys)

  const result: WaveDimension[] = dimensions.map((dimension, d) => {
    const plan = tallies.plans[d]
    if (!plan) throw new Error(`no tally plan for dimension ${dimension.id}`)
    // Each region's side in response order; the overall sides are the regions one after another.
    const side = (region: string, wave: string): DimensionTally =>
      mergeDimensions(
        strata
          .filter((s) => s.region === region && s.wave === wave)
          .map((s) => s.dims[d] ?? emptyDimension(plan)),
        plan,
        'seq',
      )
    const sides = keys.map((key) => ({ key, from: side(key, from), to: side(key, to) }))
    const pairs = (dim: DimensionTally) => summarizePairs(dim, plan, tallies.layout)
    const raw = sides.map((s) => ({
      key: s.key,
      cell: describeChange(pairs(s.from), pairs(s.to), settings),
    }))
    const overall = describeChange(
      pairs(
        mergeDimensions(
          sides.map((s) => s.from),
          plan,
          'concat',
        ),
      ),
      pairs(
        mergeDimensions(
          sides.map((s) => s.to),
          plan,
          'concat',
        ),
      ),
      settings,
    )
    const small = (c: WaveCell) => c.nFrom < settings.k || c.nTo < settings.k
    const suppression = planSuppression(
      raw.map((r) => ({ key: r.key, small: small(r.cell), sizes: [r.cell.nFrom, r.cell.nTo] })),
      settings.k,
      { overallSmall: small(overall), forced: settings.forced?.get(dimension.id) },
    )
    const groups: Record<string, WaveCell | SuppressedWaveCell> = {}
    for (const r of raw) {
      const reason = suppression.hidden.get(r.key)
      groups[r.key] = reason ? hide(r.cell, reason) : r.cell
    }
    return {
      id: dimension.id,
      groups,
      overall: suppression.overall ? hide(overall, suppression.overall) : overall,
    }
  })
  return result
}
