import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import {
  chooseWaves,
  compareWhich,
  parseWave,
  parseWavePair,
  WaveError,
} from '../../analysis/choose-waves.ts'
import type { AnalysisOptions, AnalysisResponse } from '../../analysis/input.ts'
import type { AnalysisDocument } from '../../analysis/types.ts'
import { DEMO_REGIONS, generateDemoResponses } from '../../demo/index.ts'
import { listCharts } from '../../reports/charts/registry.ts'
import { loadSurveyRegistry } from '../../surveys/registry.ts'

// A campaign as the lead partner lives it: waves 2024 and 2025 of the demo are in, and the first
// response of wave 2026 arrives. The comparison must keep showing 2024 → 2025 until 2026 has
// enough respondents, and never become an empty chart.

const registry = loadSurveyRegistry('surveys/definitions')
const found = registry.get('microfinance-gap')
if (!found) throw new Error('no microfinance-gap')
const survey = found
const regionNames = Object.fromEntries(DEMO_REGIONS.map((r) => [r.id, r.name]))

const demo: AnalysisResponse[] = generateDemoResponses(registry.list(), { responses: 300, seed: 1 })
  .filter((d) => d.survey === 'microfinance-gap' && !d.draft)
  .map((d, i) => ({
    id: `r${String(i).padStart(4, '0')}`,
    region: d.region,
    wave: d.wave,
    group: d.group ?? null,
    language: d.language,
    status: 'submitted',
    version: survey.version,
    answers: d.answers,
    submittedAt: '2025-06-30T12:00:00.000Z',
  }))

/** `count` new responses in `wave` (copies of demo answers, in FR-93). */
function newWave(wave: string, count: number): AnalysisResponse[] {
  return demo.slice(0, count).map((r, i) => ({ ...r, id: `w${wave}-${i}`, wave, region: 'FR-93' }))
}

function analyze(responses: AnalysisResponse[], options: AnalysisOptions = {}): AnalysisDocument {
  return analyzeSurvey({ survey, responses, regionNames, options: { resamples: 200, ...options } })
}

/** The rows of a slope chart's panels (empty: the chart would be an empty legend). */
function slopeRows(doc: AnalysisDocument, id: string): unknown[] {
  const chart = listCharts(doc, { locale: 'en' }).find((c) => c.id === id)
  // The panels come first, the key of dimensions after them (below since issue 15).
  type Views = { data?: { values?: unknown[] } }[]
  const spec = chart?.spec as { hconcat?: Views; vconcat?: Views } | undefined
  return (spec?.vconcat ?? spec?.hconcat)?.[0]?.data?.values ?? []
}

describe('a first response in a new wave', () => {
  const withNew = [...demo, ...newWave('2026', 1)]
  const doc = analyze(withNew)

  it('still compares 2024 → 2025, and its slope charts have data', () => {
    expect(doc.waves?.from).toBe('2024')
    expect(doc.waves?.to).toBe('2025')
    expect(slopeRows(doc, 'microfinance-gap.gap-slope.ipa').length).toBeGreaterThan(10)
    expect(slopeRows(doc, 'microfinance-gap.gap-slope.maturity').length).toBeGreaterThan(10)
  })

  it('says which later wave is not compared yet, and why', () => {
    expect(doc.waves).toMatchObject({ choice: 'latest', leftOut: ['2026'] })
    expect(doc.waveCounts.at(-1)).toEqual({ wave: '2026', n: 1, paired: 1 })
    expect(doc.wavesNote).toBeNull()
    expect(doc.notes).toContainEqual(
      expect.stringContaining('from 2024 to 2025 (the two latest waves with at least 5'),
    )
    expect(doc.notes).toContainEqual(expect.stringContaining('not compared yet: 2026'))
  })

  it('shows the latest wave with enough respondents by default, and says so in every title', () => {
    expect(doc.wave).toBe('2025')
    expect(doc.n).toBe(demo.filter((r) => r.wave === '2025').length)
    expect(doc.notes[0]).toContain(
      'wave 2025 only (by default the latest wave with at least 5 respondents)',
    )
    for (const chart of listCharts(doc, { locale: 'en' })) {
      if (chart.id.includes('.gap-slope.')) expect(chart.title).toMatch(/wave 2024 → 2025$/)
      else expect(chart.title).toMatch(/\(wave 2025\)$/)
    }
    const all = analyze(withNew, { wave: null })
    expect(all.wave).toBeNull()
    expect(all.n).toBe(withNew.length)
    expect(listCharts(all, { locale: 'fr' })[0]?.title).toMatch(/\(toutes les vagues\)$/)
    expect(all.waves).toEqual(doc.waves)
  })

  it('compares the waves asked for, whatever the wave of the figures', () => {
    const asked = analyze(withNew, { wave: '2026', waves: ['2025', '2024'] })
    expect(asked.wave).toBe('2026')
    expect(asked.n).toBe(1)
    expect(asked.waves).toMatchObject({ from: '2024', to: '2025', choice: 'requested' })
    expect(asked.waves?.leftOut).toEqual([])
  })

  it('gives a note, not an empty chart, when the waves asked for are too small', () => {
    const asked = analyze(withNew, { waves: ['2025', '2026'] })
    expect(asked.waves).toBeNull()
    expect(asked.wavesNote).toEqual({
      reason: 'too-few',
      requested: true,
      waves: [
        { wave: '2025', n: expect.any(Number), paired: expect.any(Number) },
        { wave: '2026', n: 1, paired: 1 },
      ],
    })
    expect(listCharts(asked, { locale: 'en' }).some((c) => c.id.includes('gap-slope'))).toBe(false)
  })

  it('refuses a wave without counted responses, naming those there are', () => {
    expect(() => analyze(withNew, { wave: '2027' })).toThrow(WaveError)
    expect(() => analyze(withNew, { waves: ['2024', '2O25'] })).toThrow(
      'wave "2O25" has no counted responses; waves with counted responses: 2024 (',
    )
  })
})

describe('no comparison yet', () => {
  it('one response in 2026 and three in 2025: a note instead of the slope charts', () => {
    const doc = analyze([...newWave('2025', 3), ...newWave('2026', 1)])
    expect(doc.waves).toBeNull()
    expect(doc.wavesNote).toEqual({
      reason: 'too-few',
      requested: false,
      waves: [
        { wave: '2025', n: 3, paired: 3 },
        { wave: '2026', n: 1, paired: 1 },
      ],
    })
    expect(doc.notes).toContain(
      'No comparison between waves: it needs two waves with at least 5 respondents who answered both sides of a dimension (2025: 3, 2026: 1).',
    )
    // Neither wave has 5 respondents: the figures read the latest one.
    expect(doc.wave).toBe('2026')
    expect(doc.notes[0]).toContain('wave 2026 only (by default the latest wave; none has 5')
    expect(listCharts(doc, { locale: 'en' }).some((c) => c.id.includes('gap-slope'))).toBe(false)
  })

  it('a single wave: says so', () => {
    const doc = analyze(newWave('2026', 7))
    expect(doc.waves).toBeNull()
    expect(doc.wavesNote).toMatchObject({ reason: 'one-wave', waves: [{ wave: '2026', n: 7 }] })
  })

  it('no responses at all: no note', () => {
    const doc = analyze([])
    expect(doc.waves).toBeNull()
    expect(doc.wavesNote).toBeNull()
    expect(doc.wave).toBeNull()
  })
})

describe('chooseWaves and compareWhich', () => {
  const sizes = [
    { wave: '2025', n: 110 },
    { wave: '2024', n: 90 },
    { wave: '2026', n: 1 },
  ]
  const defaults = { k: 5, by: 'region', periodic: false }

  it('defaults to the latest wave with k respondents, every wave by wave or for indicators', () => {
    expect(chooseWaves({}, sizes, defaults)).toMatchObject({ wave: '2025', how: 'latest' })
    expect(chooseWaves({}, sizes, { ...defaults, by: 'wave' })).toMatchObject({
      wave: undefined,
      how: 'all-by-default',
    })
    expect(chooseWaves({}, sizes, { ...defaults, periodic: true }).wave).toBeUndefined()
    expect(chooseWaves({ wave: null }, sizes, defaults)).toMatchObject({ how: 'all' })
    expect(chooseWaves({ wave: '2026' }, sizes, defaults)).toMatchObject({ how: 'requested' })
    expect(chooseWaves({}, [{ wave: '2030', n: 2 }], defaults)).toMatchObject({
      wave: '2030',
      how: 'latest-small',
    })
    expect(chooseWaves({ waves: ['2026', '2024'] }, sizes, defaults).compare).toEqual([
      '2024',
      '2026',
    ])
  })

  it('compares the two latest waves with k paired respondents, skipping a small one between', () => {
    const counts = [
      { wave: '2023', n: 2, paired: 2 },
      { wave: '2024', n: 9, paired: 8 },
      { wave: '2025', n: 9, paired: 4 },
      { wave: '2026', n: 6, paired: 6 },
      { wave: '2027', n: 1, paired: 1 },
    ]
    expect(compareWhich(counts, 5, undefined)).toEqual({
      from: '2024',
      to: '2026',
      choice: 'latest',
      leftOut: ['2025', '2027'],
    })
  })

  it('parses --waves and --wave with clear errors', () => {
    expect(parseWavePair(' 2024 , 2025 ')).toEqual(['2024', '2025'])
    expect(() => parseWavePair('2024')).toThrow(
      'waves takes two waves separated by a comma, e.g. 2024,2025 (got "2024")',
    )
    expect(() => parseWavePair('2024,2025,2026')).toThrow(WaveError)
    expect(() => parseWavePair('2024,')).toThrow(WaveError)
    expect(() => parseWavePair('2024,2024')).toThrow('two different waves (got 2024 twice)')
    expect(parseWave('all')).toBeNull()
    expect(parseWave('2025')).toBe('2025')
    expect(() => parseWave(' ')).toThrow(WaveError)
  })
})
