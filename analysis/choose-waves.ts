/**
 * Which waves a document reads: the wave of its figures (one wave, or all) and the two waves its
 * wave comparison compares. Both are chosen from plain counts, so the choice is deterministic
 * and the same whether the responses are in memory or streamed from storage.
 */

import { compareKeys, selectCountedResponses } from './group-responses.ts'
import type { AnalysisOptions, AnalysisResponse } from './input.ts'
import type { WaveCount, WavesNote } from './types.ts'

/** A wave named in the options that the counted responses do not have; the HTTP edge answers 400. */
export class WaveError extends Error {
  override name = 'WaveError'
}

/** Counted responses of one wave (submitted, or drafts too; rejected ones left out). */
export interface WaveSize {
  wave: string
  n: number
}

/**
 * Counted responses per wave of responses in memory (submitted ones, drafts too with
 * `includeDrafts`), every wave, sorted like group keys: what {@link chooseWaves} takes.
 *
 * @example
 * countWaves(responses, {}) // [{ wave: '2024', n: 90 }, { wave: '2025', n: 110 }]
 */
export function countWaves(
  responses: readonly AnalysisResponse[],
  options: Pick<AnalysisOptions, 'includeDrafts'>,
): WaveSize[] {
  const counts = new Map<string, number>()
  for (const r of selectCountedResponses(responses, { includeDrafts: options.includeDrafts })) {
    counts.set(r.wave, (counts.get(r.wave) ?? 0) + 1)
  }
  return [...counts].map(([wave, n]) => ({ wave, n })).sort((a, b) => compareKeys(a.wave, b.wave))
}

/** The word that asks for every wave (`--wave all`, `?wave=all`). */
export const ALL_WAVES = 'all'

/** How the wave of the figures was chosen. */
export type WaveChoiceKind =
  /** The wave the options name. */
  | 'requested'
  /** `wave: null` (or no counted responses at all): every wave. */
  | 'all'
  /** No wave asked for: the latest wave with at least k counted respondents. */
  | 'latest'
  /** No wave asked for and none has k counted respondents: the latest wave. */
  | 'latest-small'
  /** No wave asked for, grouped by wave or an indicator questionnaire: every wave. */
  | 'all-by-default'

/** The waves a document reads, settled before its responses are tallied. */
export interface WaveChoice {
  /** The wave of the figures; undefined for all waves. */
  wave: string | undefined
  how: WaveChoiceKind
  /** The two waves asked for the comparison, earlier first; undefined: chosen from the data. */
  compare: [string, string] | undefined
  /** Counted responses per wave, every wave, sorted like group keys. */
  sizes: WaveSize[]
}

/** What the default wave depends on besides the counts. */
export interface WaveDefaults {
  /** Suppression threshold: the default wave needs this many counted respondents. */
  k: number
  /** The grouping: grouping by wave defaults to every wave. */
  by: string
  /** The questionnaire declares an `indicators` tally, whose periods are its own time axis. */
  periodic: boolean
}

function listWaves(sizes: readonly WaveSize[]): string {
  if (sizes.length === 0) return 'there are no counted responses at all'
  return `waves with counted responses: ${sizes.map((s) => `${s.wave} (${s.n})`).join(', ')}`
}

function checkKnown(wave: string, sizes: readonly WaveSize[]): void {
  if (!sizes.some((s) => s.wave === wave)) {
    throw new WaveError(`wave "${wave}" has no counted responses; ${listWaves(sizes)}`)
  }
}

/**
 * Settles the waves of a document from the counted responses per wave. The figures read
 * `options.wave` when it names one, every wave when it is `null`, and otherwise the latest wave
 * (in group-key order) with at least `k` counted respondents — the latest wave when none has
 * that many — or every wave when grouping by wave or for a periodic indicator questionnaire.
 * Throws a {@link WaveError} when `wave` or `waves` names a wave without counted responses, or
 * when `waves` does not name two different waves.
 *
 * @example
 * chooseWaves({}, [{ wave: '2024', n: 90 }, { wave: '2025', n: 110 }, { wave: '2026', n: 1 }],
 *   { k: 5, by: 'region', periodic: false })
 * // { wave: '2025', how: 'latest', compare: undefined, sizes: [...] }
 */
export function chooseWaves(
  options: Pick<AnalysisOptions, 'wave' | 'waves'>,
  sizes: readonly WaveSize[],
  defaults: WaveDefaults,
): WaveChoice {
  const sorted = [...sizes].sort((a, b) => compareKeys(a.wave, b.wave))
  let compare: [string, string] | undefined
  if (options.waves !== undefined) {
    const [a, b] = checkPair(options.waves)
    checkKnown(a, sorted)
    checkKnown(b, sorted)
    compare = compareKeys(a, b) < 0 ? [a, b] : [b, a]
  }
  const settle = (wave: string | undefined, how: WaveChoiceKind): WaveChoice => ({
    wave,
    how,
    compare,
    sizes: sorted,
  })
  if (options.wave === null) return settle(undefined, 'all')
  if (options.wave !== undefined) {
    checkKnown(options.wave, sorted)
    return settle(options.wave, 'requested')
  }
  if (sorted.length === 0) return settle(undefined, 'all')
  if (defaults.by === 'wave' || defaults.periodic) return settle(undefined, 'all-by-default')
  const enough = sorted.filter((s) => s.n >= defaults.k).at(-1)
  if (enough) return settle(enough.wave, 'latest')
  return settle(sorted.at(-1)?.wave, 'latest-small')
}

function checkPair(waves: readonly string[]): [string, string] {
  const [a, b] = waves
  if (waves.length !== 2 || a === undefined || b === undefined || a === '' || b === '') {
    throw new WaveError(`waves must name two waves, e.g. 2024,2025 (got ${waves.length})`)
  }
  if (a === b) throw new WaveError(`waves must name two different waves (got ${a} twice)`)
  return [a, b]
}

/**
 * Parses the text of `--waves` / `?waves=`: two different wave names separated by a comma,
 * spaces around them ignored. Throws a {@link WaveError} saying what is expected.
 *
 * @example
 * parseWavePair('2024, 2025') // ['2024', '2025']
 */
export function parseWavePair(text: string): [string, string] {
  const parts = text.split(',').map((p) => p.trim())
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    throw new WaveError(
      `waves takes two waves separated by a comma, e.g. 2024,2025 (got "${text}")`,
    )
  }
  return checkPair(parts)
}

/**
 * Parses the text of `--wave` / `?wave=`: a wave's name, or `all` for every wave (`null`).
 *
 * @example
 * parseWave('all') // null
 */
export function parseWave(text: string): string | null {
  const wave = text.trim()
  if (wave === '') throw new WaveError('wave must name a wave, or "all" for every wave')
  return wave === ALL_WAVES ? null : wave
}

/** The two waves compared, or why there is no comparison. */
export type ComparedWaves =
  | { from: string; to: string; choice: 'latest' | 'requested'; leftOut: string[] }
  | { note: WavesNote }

/**
 * The two waves the comparison compares. A wave takes part when at least `k` of its counted
 * respondents answered both sides (current and target) of at least one dimension; by default
 * the comparison takes the two latest such waves, and `leftOut` names the later waves that do
 * not have that many yet. Requested waves are compared when both have that many. Otherwise the
 * note says why there is no comparison: `one-wave` (fewer than two waves) or `too-few`.
 *
 * @example
 * compareWhich([{ wave: '2024', n: 90, paired: 88 }, { wave: '2025', n: 110, paired: 109 },
 *   { wave: '2026', n: 1, paired: 1 }], 5, undefined)
 * // { from: '2024', to: '2025', choice: 'latest', leftOut: ['2026'] }
 */
export function compareWhich(
  counts: readonly WaveCount[],
  k: number,
  requested: readonly [string, string] | undefined,
): ComparedWaves {
  const enough = (c: WaveCount) => c.paired >= k
  if (requested) {
    const pair = counts.filter((c) => c.wave === requested[0] || c.wave === requested[1])
    if (pair.length === 2 && pair.every(enough)) {
      return { from: requested[0], to: requested[1], choice: 'requested', leftOut: [] }
    }
    return { note: { reason: 'too-few', requested: true, waves: pair } }
  }
  if (counts.length < 2)
    return { note: { reason: 'one-wave', requested: false, waves: [...counts] } }
  const usable = counts.filter(enough)
  const from = usable.at(-2)
  const to = usable.at(-1)
  if (!from || !to) return { note: { reason: 'too-few', requested: false, waves: [...counts] } }
  const at = (wave: string) => counts.findIndex((c) => c.wave === wave)
  const leftOut = counts
    .slice(at(from.wave) + 1)
    .filter((c) => c.wave !== to.wave)
    .map((c) => c.wave)
  return { from: from.wave, to: to.wave, choice: 'latest', leftOut }
}
