import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import type { AnalysisOptions } from '../../analysis/input.ts'
import { loadVariedSurvey, variedResponses } from '../fixtures/analysis/varied-responses.ts'

// SHA-256 of the compact JSON of each analysis document of the varied messy responses, for 2
// thresholds × 2 sample sizes × 6 option sets. The five readable snapshots of
// analyze-survey-documents.test.ts show five of these cases; this checks all 24, so a change
// to any option path shows up. History: these 24 cases first pinned the documents of the
// implementation before tallies; the layout commit (011612a) still gave those bytes for all
// 24; the documents changed on purpose later (issue 17's waves and medians, visible in the
// snapshots' diffs), and these hashes are of today's documents. The keys name the options as
// then, when the analysis read every wave unless one was given: `wave: null` today.
// A changed hash is a changed analysis: regenerate only with the change explained.
const HASHES: Record<string, string> = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '..', 'fixtures', 'analysis', 'varied-hashes.json'),
    'utf8',
  ),
)
const REGION_NAMES = { N: 'North', S: 'South', C: 'Centre' }

const OPTION_SETS: AnalysisOptions[] = [
  { resamples: 200 },
  { resamples: 200, by: 'wave' },
  { resamples: 200, by: 'stakeholder' },
  { resamples: 200, by: 'member' },
  { resamples: 200, wave: '2025' },
  { resamples: 200, includeDrafts: true, seed: 9, locale: 'fr' },
]

const hash = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

describe('analysis documents of the varied responses, every option set', () => {
  const cases = [2, 5].flatMap((k) =>
    [
      [60, 1],
      [3000, 2],
    ].map(([count, seed]) => ({ k, count: count ?? 0, seed: seed ?? 0 })),
  )
  it.each(cases)(
    'k = $k, $count responses (seed $seed): the same bytes as recorded',
    ({ k, count, seed }) => {
      const survey = loadVariedSurvey(k)
      const responses = variedResponses(count, seed)
      for (const options of OPTION_SETS) {
        const key = `k=${k} n=${count} seed=${seed} ${JSON.stringify(options)}`
        expect(HASHES[key], key).toMatch(/^[0-9a-f]{64}$/)
        const document = analyzeSurvey({
          survey,
          responses,
          regionNames: REGION_NAMES,
          options: { wave: null, ...options },
        })
        expect(hash(JSON.stringify(document)), key).toBe(HASHES[key])
      }
    },
  )
})
