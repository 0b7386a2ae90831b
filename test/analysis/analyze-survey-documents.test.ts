import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import type { AnalysisOptions } from '../../analysis/input.ts'
import { loadVariedSurvey, variedResponses } from '../fixtures/analysis/varied-responses.ts'

// Whole analysis documents of deliberately messy responses, as pretty JSON under __snapshots__/
// so a change shows up as a readable diff. When they were first written, each matched
// byte-for-byte (SHA-256 of its compact JSON) the document of the implementation before tallies.
// One input per option kind, both suppression thresholds and both sample sizes; a changed
// snapshot is a changed analysis and must be explained in its commit.

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

describe('analysis documents of messy responses', () => {
  it.each(CASES)('$name: matches its snapshot, and again on a second run', async (c) => {
    const document = analyze(c)
    expect(analyze(c)).toBe(document)
    await expect(document).toMatchFileSnapshot(
      `__snapshots__/analyze-survey-documents/${c.name}.json`,
    )
  })
})
