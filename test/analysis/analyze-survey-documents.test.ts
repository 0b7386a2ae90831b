import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import type { AnalysisOptions } from '../../analysis/input.ts'
import { loadVariedSurvey, variedResponses } from '../fixtures/analysis/varied-responses.ts'

// Whole analysis documents of deliberately messy responses, as pretty JSON under __snapshots__/
// so a change shows up as a readable diff: the 24 inputs (both suppression thresholds, both
// sample sizes, six option sets) that first pinned, by SHA-256, the documents of the
// implementation before tallies. The layout commit (011612a) still gave those bytes for all 24;
// the documents changed on purpose since (issue 17: waves, medians). A changed snapshot is a
// changed analysis and must be explained in its commit. The first five also run twice.

const REGION_NAMES = { N: 'North', S: 'South', C: 'Centre' }

interface Case {
  name: string
  /** `suppressBelow` of the questionnaire. */
  k: number
  count: number
  seed: number
  options: AnalysisOptions
}

const CASES: Case[] = [
  // Region C (about 3 %) falls under k = 5 at this size: suppression in every table.
  { name: 'k5-n60', k: 5, count: 60, seed: 1, options: { resamples: 200, wave: null } },
  {
    name: 'k2-n60-by-member',
    k: 2,
    count: 60,
    seed: 1,
    options: { resamples: 200, wave: null, by: 'member' },
  },
  {
    name: 'k2-n3000-by-stakeholder',
    k: 2,
    count: 3000,
    seed: 2,
    options: { resamples: 200, wave: null, by: 'stakeholder' },
  },
  {
    name: 'k5-n3000-wave-2025',
    k: 5,
    count: 3000,
    seed: 2,
    options: { resamples: 200, wave: '2025' },
  },
  {
    name: 'k5-n60-drafts-seed9-fr',
    k: 5,
    count: 60,
    seed: 1,
    options: { resamples: 200, wave: null, includeDrafts: true, seed: 9, locale: 'fr' },
  },
]

function analyze({ k, count, seed, options }: Case): string {
  const survey = loadVariedSurvey(k)
  const responses = variedResponses(count, seed)
  const document = analyzeSurvey({ survey, responses, regionNames: REGION_NAMES, options })
  return `${JSON.stringify(document, null, 2)}\n`
}

/**
 * The other 19 of the 24 inputs (2 thresholds × 2 sizes × 6 option sets) the documents were
 * first pinned with, one snapshot each, so a change to any option path shows as a diff.
 */
const OPTION_SETS: [string, AnalysisOptions][] = [
  ['', { resamples: 200, wave: null }],
  ['-by-wave', { resamples: 200, wave: null, by: 'wave' }],
  ['-by-stakeholder', { resamples: 200, wave: null, by: 'stakeholder' }],
  ['-by-member', { resamples: 200, wave: null, by: 'member' }],
  ['-wave-2025', { resamples: 200, wave: '2025' }],
  ['-drafts-seed9-fr', { resamples: 200, wave: null, includeDrafts: true, seed: 9, locale: 'fr' }],
]
const MORE_CASES: Case[] = [2, 5]
  .flatMap((k) =>
    [
      { count: 60, seed: 1 },
      { count: 3000, seed: 2 },
    ].flatMap(({ count, seed }) =>
      OPTION_SETS.map(([suffix, options]) => ({
        name: `k${k}-n${count}${suffix}`,
        k,
        count,
        seed,
        options,
      })),
    ),
  )
  .filter((c) => !CASES.some((known) => known.name === c.name))

describe('analysis documents of messy responses', () => {
  it.each(CASES)('$name: matches its snapshot, and again on a second run', async (c) => {
    const document = analyze(c)
    expect(analyze(c)).toBe(document)
    await expect(document).toMatchFileSnapshot(
      `__snapshots__/analyze-survey-documents/${c.name}.json`,
    )
  })
})

describe('analysis documents of messy responses, every other option set', () => {
  it('are 19 more inputs', () => {
    expect(MORE_CASES).toHaveLength(19)
  })
  it.each(MORE_CASES)('$name: matches its snapshot', async (c) => {
    await expect(analyze(c)).toMatchFileSnapshot(
      `__snapshots__/analyze-survey-documents/${c.name}.json`,
    )
  })
})
