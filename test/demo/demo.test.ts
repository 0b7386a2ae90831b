import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_REGIONS, type DemoResponse, generateDemoResponses } from '../../demo/index.ts'
import { type LoadedSurvey, loadSurvey, loadSurveyRegistry } from '../../surveys/registry.ts'

const DEFINITIONS = path.join(import.meta.dirname, '../../surveys/definitions')
const GAP = 'microfinance-gap'

let surveys: LoadedSurvey[]
let demo: DemoResponse[]
let elapsed: number

interface Failure {
  i: number
  survey: string
  region: string
  draft: boolean
  errors: unknown
}

/** Every response that the questionnaire's validator rejects, with its errors. */
function invalid(responses: DemoResponse[], list: LoadedSurvey[]): Failure[] {
  const byId = new Map(list.map((s) => [s.id, s]))
  return responses.flatMap((r, i): Failure[] => {
    const where = { i, survey: r.survey, region: r.region, draft: r.draft === true }
    const survey = byId.get(r.survey)
    if (!survey) return [{ ...where, errors: 'unknown questionnaire' }]
    const result = survey.validator.validate(r.answers, {
      mode: r.draft ? 'draft' : 'submit',
      locale: r.language,
      variables: { region: r.region },
    })
    return result.ok ? [] : [{ ...where, errors: result.errors }]
  })
}

function countBy(responses: DemoResponse[], key: (r: DemoResponse) => string) {
  const out = new Map<string, number>()
  for (const r of responses) out.set(key(r), (out.get(key(r)) ?? 0) + 1)
  return out
}

beforeAll(() => {
  surveys = loadSurveyRegistry(DEFINITIONS).list()
  const start = performance.now()
  demo = generateDemoResponses(surveys, { responses: 300, seed: 1 })
  elapsed = performance.now() - start
})

describe('generateDemoResponses', () => {
  it('gives the same responses for the same seed and different ones for another seed', () => {
    expect(generateDemoResponses(surveys, { responses: 300, seed: 1 })).toEqual(demo)
    expect(generateDemoResponses(surveys, { responses: 300, seed: 2 })).not.toEqual(demo)
  })

  it('generates 300 responses in well under 2 s', () => {
    expect(demo).toHaveLength(300)
    expect(elapsed).toBeLessThan(2000)
  })

  it('passes the validator: submitted in submit mode, drafts in draft mode', () => {
    expect(invalid(demo, surveys)).toEqual([])
  }, 90_000)

  it('covers all five questionnaires, about 60% of it the gap analysis', () => {
    const bySurvey = countBy(demo, (r) => r.survey)
    expect([...bySurvey.keys()].sort()).toEqual([
      'best-practice-vote',
      'codesign-challenge',
      'good-practice',
      'mfi-indicators',
      GAP,
    ])
    const gap = bySurvey.get(GAP) ?? 0
    expect(gap / demo.length).toBeGreaterThan(0.5)
    expect(gap / demo.length).toBeLessThan(0.7)
  })

  it('has gap-analysis responses in every region and both waves', () => {
    const gap = demo.filter((r) => r.survey === GAP)
    for (const region of DEMO_REGIONS) {
      for (const wave of ['2024', '2025']) {
        expect(
          gap.some((r) => r.region === region.id && r.wave === wave),
          `${region.id} ${wave}`,
        ).toBe(true)
      }
    }
  })

  it('keeps at least one region × wave group of the gap analysis below suppressBelow', () => {
    const k = surveys.find((s) => s.id === GAP)?.gapkit.suppressBelow ?? 5
    const submitted = demo.filter((r) => r.survey === GAP && !r.draft)
    const sizes = countBy(submitted, (r) => `${r.region}|${r.wave}`)
    const small = [...sizes].filter(([, n]) => n < k)
    expect(small.length).toBeGreaterThan(0)
    expect(sizes.get('SE-VG|2024')).toBe(3)
  })

  it('contains "don\'t know" answers, drafts and exactly one hostile-looking text', () => {
    expect(demo.some((r) => JSON.stringify(r.answers).includes('"dk"'))).toBe(true)
    expect(demo.filter((r) => r.draft).length).toBeGreaterThanOrEqual(3)
    const hostile = demo.filter((r) => /<script>|=HYPERLINK/.test(JSON.stringify(r.answers)))
    expect(hostile).toHaveLength(1)
    expect(hostile[0]?.draft).toBeUndefined()
  })

  it("answers in the region's language when the questionnaire has it, else English", () => {
    for (const r of demo) {
      const locale = DEMO_REGIONS.find((d) => d.id === r.region)?.locale ?? 'en'
      const survey = surveys.find((s) => s.id === r.survey)
      expect(r.language).toBe(survey?.locales.includes(locale) ? locale : 'en')
    }
    expect(new Set(demo.filter((r) => r.survey === GAP).map((r) => r.language))).toEqual(
      new Set(['fr', 'it', 'ro', 'sv', 'sl']),
    )
  })

  it('uses the stakeholder type as the group of a gap-analysis response', () => {
    for (const r of demo.filter((x) => x.survey === GAP && !x.draft)) {
      expect(r.group).toBe(r.answers.stakeholder_type)
    }
  })

  it('keeps the other questionnaires to their regions and sizes', () => {
    const votes = countBy(
      demo.filter((r) => r.survey === 'best-practice-vote'),
      (r) => r.region,
    )
    expect([...votes.values()].every((n) => n >= 1 && n <= 2)).toBe(true)
    for (const r of demo.filter((x) => x.survey === 'best-practice-vote')) {
      const ranked = r.answers.top3
      expect(Array.isArray(ranked) && ranked.length <= 3).toBe(true)
      expect(JSON.stringify(r.answers)).not.toContain(`"${r.region}:`)
    }
    const practices = countBy(
      demo.filter((r) => r.survey === 'good-practice'),
      (r) => r.region,
    )
    expect([...practices.values()].every((n) => n >= 1 && n <= 3)).toBe(true)
    expect(practices.has('ML-KK')).toBe(false)
    for (const id of ['codesign-challenge', 'mfi-indicators']) {
      expect(new Set(demo.filter((r) => r.survey === id).map((r) => r.region))).toEqual(
        new Set(['ML-KK']),
      )
    }
    const periods = new Set(
      demo.filter((r) => r.survey === 'mfi-indicators').map((r) => r.answers.period_end),
    )
    expect(periods.size).toBeGreaterThanOrEqual(6)
  })

  it('shows the designed regional differences', () => {
    const mean = (region: string, matrix: string, row: string) => {
      const values = demo
        .filter((r) => r.survey === GAP && r.region === region && !r.draft)
        .map((r) => (r.answers[matrix] as Record<string, unknown> | undefined)?.[row])
        .filter((v): v is number => typeof v === 'number')
      return values.reduce((s, v) => s + v, 0) / values.length
    }
    expect(mean('SE-VG', 'performance', 'digital')).toBeGreaterThan(
      mean('ML-KK', 'performance', 'digital') + 2,
    )
    expect(mean('ML-KK', 'importance', 'rural')).toBeGreaterThan(4.3)
    expect(mean('SI-HEART', 'performance', 'guarantees')).toBeLessThan(
      mean('RO-BI', 'performance', 'guarantees'),
    )
    expect(mean('FR-93', 'performance', 'mentoring')).toBeGreaterThan(
      mean('RO-BI', 'performance', 'mentoring') + 1.5,
    )
  })

  it('stays valid and covers every region with 50 responses', () => {
    const small = generateDemoResponses(surveys, { responses: 50, seed: 1 })
    expect(small.length).toBeGreaterThanOrEqual(45)
    expect(small.length).toBeLessThanOrEqual(55)
    expect(invalid(small, surveys)).toEqual([])
    const regions = new Set(small.filter((r) => r.survey === GAP).map((r) => r.region))
    expect(regions).toEqual(new Set(DEMO_REGIONS.map((r) => r.id)))
  }, 60_000)

  it('answers questionnaires it does not know from their structure alone', () => {
    const unknown = surveys.map((s) => loadSurvey(`my-${s.id}`, s.json))
    const responses = generateDemoResponses(unknown, { responses: 60, seed: 3 })
    expect(new Set(responses.map((r) => r.survey)).size).toBe(unknown.length)
    expect(invalid(responses, unknown)).toEqual([])
  }, 60_000)
})
