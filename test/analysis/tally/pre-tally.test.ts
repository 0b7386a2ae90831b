import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../../analysis/analyze-survey.ts'
import {
  loadVariedSurvey,
  VARIED_OPTIONS,
  variedResponses,
} from '../../fixtures/analysis/varied-responses.ts'

// SHA-256 of each document as the implementation before tallies (one pass over parsed answers,
// per-response columns) wrote it: the tally-based analysis must give the same bytes.
const HASHES: Record<string, string> = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '..', '..', 'fixtures', 'analysis', 'pre-tally-hashes.json'),
    'utf8',
  ),
)
const REGION_NAMES = { N: 'North', S: 'South', C: 'Centre' }

function hash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex')
}

describe('documents are byte-identical to the pre-tally implementation', () => {
  const cases = [2, 5].flatMap((k) =>
    [
      [60, 1],
      [3000, 2],
    ].map(([count, seed]) => ({ k, count: count ?? 0, seed: seed ?? 0 })),
  )
  it.each(cases)(
    'k = $k, $count responses (seed $seed), every option set',
    ({ k, count, seed }) => {
      const survey = loadVariedSurvey(k)
      const responses = variedResponses(count, seed)
      for (const options of VARIED_OPTIONS) {
        const key = `k=${k} n=${count} seed=${seed} ${JSON.stringify(options)}`
        const document = analyzeSurvey({ survey, responses, regionNames: REGION_NAMES, options })
        expect(hash(JSON.stringify(document)), key).toBe(HASHES[key])
      }
    },
  )
})
