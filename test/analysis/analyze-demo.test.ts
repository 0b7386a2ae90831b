import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import type { AnalysisResponse } from '../../analysis/input.ts'
import { DEMO_REGIONS, generateDemoResponses } from '../../demo/index.ts'
import { loadSurveyRegistry } from '../../surveys/registry.ts'

describe('analyzeSurvey on the demo data of every shipped questionnaire', () => {
  const registry = loadSurveyRegistry('surveys/definitions')
  const demo = generateDemoResponses(registry.list(), { responses: 300, seed: 1 })
  const regionNames = Object.fromEntries(DEMO_REGIONS.map((r) => [r.id, r.name]))

  it.each(registry.list().map((s) => s.id))(
    '%s: a complete, finite, deterministic document',
    (id) => {
      const survey = registry.get(id)
      if (!survey) throw new Error(id)
      const responses: AnalysisResponse[] = demo
        .filter((d) => d.survey === id)
        .map((d, i) => ({
          id: `r${String(i).padStart(4, '0')}`,
          region: d.region,
          wave: d.wave,
          group: d.group ?? null,
          language: d.language,
          status: d.draft ? 'draft' : 'submitted',
          version: survey.version,
          answers: d.answers,
          submittedAt: null,
        }))
      const run = () =>
        analyzeSurvey({
          survey,
          responses,
          regionNames,
          options: { resamples: 200, wave: null, locale: 'fr' },
        })
      const doc = run()
      const text = JSON.stringify(doc)
      expect(text).not.toMatch(/NaN|Infinity/)
      expect(JSON.stringify(run())).toBe(text)
      expect(doc.n).toBe(responses.filter((r) => r.status === 'submitted').length)
      expect(doc.dimensions.length).toBe(survey.gapkit.dimensions.length)
      expect(doc.dimensionRanking).toHaveLength(doc.dimensions.length)
      if (id === 'microfinance-gap') {
        expect(doc.ipa).not.toBeNull()
        expect(doc.waves?.to).toBe('2025')
        expect(doc.tests.family).toBeGreaterThan(50)
      }
    },
  )
})
