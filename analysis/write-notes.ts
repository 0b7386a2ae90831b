/**
 * The method block and the method notes of the analysis document, written from plain facts in
 * a fixed order.
 */

import { BOOTSTRAP_MAX_N } from './mean-intervals.ts'
import { DK_CODES } from './questions.ts'
import type { MethodsBlock } from './types.ts'

/** How the figures were made (the `methods` block). */
export const METHODS: MethodsBlock = {
  percent: 'percent',
  proportionInterval: 'wilson',
  meanInterval: 'percentile-bootstrap',
  bootstrapMaxN: BOOTSTRAP_MAX_N,
  dkCodes: [...DK_CODES],
  ranking: 'borda',
  crosshair: 'group-mean-of-dimensions',
}

/** What the notes of the document are written from. */
export interface NoteFacts {
  counted: number
  drafts: boolean
  wave: string | undefined
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
  waves: { from: string; to: string } | null
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
    `${f.counted} responses counted (${f.drafts ? 'submitted and drafts' : 'submitted only; drafts left out'})${f.wave === undefined ? '' : `, wave ${f.wave} only`}.`,
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
  if (f.waves) {
    notes.push(
      `Waves: change of each dimension's mean gap from ${f.waves.from} to ${f.waves.to}, by region, between different respondents.`,
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
