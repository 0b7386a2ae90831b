/**
 * The method block and the method notes of the analysis document, written from plain facts in
 * a fixed order.
 */

import type { WaveChoice } from './choose-waves.ts'
import { BOOTSTRAP_MAX_N } from './mean-intervals.ts'
import { DK_CODES } from './questions.ts'
import type { MethodsBlock, WavesBlock, WavesNote } from './types.ts'

/** How the figures were made (the `methods` block). */
export const METHODS: MethodsBlock = {
  percent: 'percent',
  proportionInterval: 'wilson',
  meanInterval: 'percentile-bootstrap',
  bootstrapMaxN: BOOTSTRAP_MAX_N,
  dkCodes: [...DK_CODES],
  ranking: 'borda',
  crosshair: 'group-mean-of-dimensions',
  wholeNumberQuartiles: 'inverse-ecdf',
}

/** What the notes of the document are written from. */
export interface NoteFacts {
  counted: number
  drafts: boolean
  wave: Pick<WaveChoice, 'wave' | 'how'>
  excluded: number
  by: string
  versions: string[]
  version: string
  k: number
  seed: number
  resamples: number
  /** Why no tests were run, or null. */
  tests: string | null
  family: number
  ipa: boolean
  waves: Pick<WavesBlock, 'from' | 'to' | 'choice' | 'leftOut'> | null
  wavesNote: WavesNote | null
  rankings: boolean
  skipped: string[]
  dimensionNotes: string[]
}

/**
 * The method notes of the document, in a fixed order.
 *
 * @example
 * writeNotes(facts)[0] // '240 responses counted (submitted only; drafts left out).'
 */
export function writeNotes(f: NoteFacts): string[] {
  const notes = [
    `${f.counted} responses counted (${f.drafts ? 'submitted and drafts' : 'submitted only; drafts left out'}), ${waveScope(f)}.`,
  ]
  if (f.excluded > 0) {
    notes.push(
      `${f.excluded} responses without a usable answer to "${f.by}" are left out of every figure.`,
    )
  }
  if (f.versions.some((v) => v !== f.version)) {
    notes.push(
      `Responses answered ${f.versions.length} questionnaire version(s); all are read through the current version ${f.version}.`,
    )
  }
  notes.push(
    '"Don\'t know" and other answers outside an item\'s scale are counted in dk and never enter n, means or percentages.',
    `Cells with fewer than ${f.k} respondents show only n (suppressed); cells marked "complementary" are hidden too, so that no total minus the visible cells reveals them.`,
    `Means carry a seeded percentile bootstrap 95% interval (B = ${f.resamples}, seed ${f.seed}; normal approximation above n = ${BOOTSTRAP_MAX_N}); percentages carry Wilson 95% intervals, in percent.`,
    f.tests ??
      (f.family > 0
        ? `Tests are exploratory: ${f.family} p-values, adjusted over the whole document (Holm for family-wise error, Benjamini–Hochberg for false discovery rate).`
        : 'No item had two visible groups with answers to compare, so no p-values were computed.'),
  )
  if (f.ipa) {
    notes.push(
      "IPA cross-hairs are each group's mean over its visible importance–performance dimensions; read a quadrant together with the gap (importance = performance is the diagonal).",
    )
  }
  const enough = `at least ${f.k} respondents who answered both sides of a dimension`
  if (f.waves) {
    const { from, to, choice, leftOut } = f.waves
    const why =
      choice === 'requested'
        ? 'the waves asked for'
        : `the two latest waves with ${enough}${leftOut.length > 0 ? `; not compared yet: ${leftOut.join(', ')}` : ''}`
    notes.push(
      `Waves: change of each dimension's mean gap from ${from} to ${to} (${why}), by region, between different respondents, whatever the wave of the other figures.`,
    )
  } else if (f.wavesNote) {
    const counts = f.wavesNote.waves.map((w) => `${w.wave}: ${w.paired}`).join(', ')
    notes.push(
      f.wavesNote.reason === 'one-wave'
        ? `No comparison between waves: every counted response is from wave ${f.wavesNote.waves[0]?.wave ?? '?'}.`
        : `No comparison between waves: it needs two waves with ${enough} (${counts || 'none'}).`,
    )
  }
  if (f.rankings) {
    notes.push(
      'Rankings: Borda points — the first place gets m points, the next one fewer, where m is the number of places asked for (maxSelectedChoices, e.g. 3/2/1 for a top 3) or else the number of options; meanRank is the mean position among those who placed the option.',
    )
  }
  if (f.skipped.length > 0)
    notes.push(`Not summarised (unsupported type): ${f.skipped.join(', ')}.`)
  return [...notes, ...f.dimensionNotes]
}

/** Which wave the figures read, and why. */
function waveScope(f: NoteFacts): string {
  const { wave, how } = f.wave
  switch (how) {
    case 'requested':
      return `wave ${wave} only`
    case 'latest':
      return `wave ${wave} only (by default the latest wave with at least ${f.k} respondents)`
    case 'latest-small':
      return `wave ${wave} only (by default the latest wave; none has ${f.k} respondents)`
    case 'all':
      return 'all waves'
    case 'all-by-default':
      return f.by === 'wave'
        ? 'all waves (the default when grouping by wave)'
        : 'all waves (the default for periodic indicator reports)'
  }
}
