import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisDocument } from '../../../analysis/types.ts'
import { DEMO_REGIONS, generateDemoResponses } from '../../../demo/index.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

// The lead partner's campaign over HTTP: the demo's waves 2024 and 2025 are in, and the first
// response of wave 2026 arrives. The analysis, chart and report routes take `wave` and `waves`.

let t: TestApp
const BASE = '/api/surveys/microfinance-gap'

beforeAll(async () => {
  t = await createTestApp()
  const gap = generateDemoResponses(t.registry.list(), { responses: 300, seed: 1 }).filter(
    (d) => d.survey === 'microfinance-gap' && !d.draft,
  )
  const first = gap[0]
  if (!first) throw new Error('no demo responses')
  const rows = [...gap, { ...first, region: 'FR-93', wave: '2026' }].map((d) => ({
    region: d.region,
    wave: d.wave,
    language: d.language,
    status: 'submitted',
    answers: d.answers,
  }))
  const regions = DEMO_REGIONS.map((r) => ({ id: r.id, name: r.name }))
  const res = await t.send('POST', `${BASE}/imports`, t.admin, {
    survey: 'microfinance-gap',
    regions,
    responses: rows,
  })
  expect(res.status, await res.clone().text()).toBe(200)
}, 120_000)

afterAll(async () => {
  await t.close()
})

async function getJson<T>(url: string): Promise<T> {
  const res = await t.send('GET', url, t.admin)
  expect(res.status, `${url}: ${await res.clone().text()}`).toBe(200)
  return (await res.json()) as T
}

interface ChartList {
  charts: { id: string; title: string; links: { svg: string } }[]
}

describe('the wave parameters of the analysis, chart and report routes', () => {
  it('by default: figures of 2025, comparison 2024 → 2025, 2026 not compared yet', async () => {
    const doc = await getJson<AnalysisDocument>(`${BASE}/analysis`)
    expect(doc.wave).toBe('2025')
    expect(doc.waves).toMatchObject({ from: '2024', to: '2025', leftOut: ['2026'] })
    expect(doc.waveCounts.map((w) => [w.wave, w.n])).toEqual([
      ['2024', expect.any(Number)],
      ['2025', expect.any(Number)],
      ['2026', 1],
    ])
    const list = await getJson<ChartList>(`${BASE}/charts`)
    const slopes = list.charts.filter((c) => c.id.includes('.gap-slope.'))
    expect(slopes.map((c) => c.title)).toEqual([
      'Importance − performance gaps: wave 2024 → 2025',
      'Maturity gaps, target − today: wave 2024 → 2025',
    ])
  })

  it('?wave=all reads every wave; ?wave=2024 one of them', async () => {
    const all = await getJson<AnalysisDocument>(`${BASE}/analysis?wave=all`)
    expect(all.wave).toBeNull()
    expect(all.n).toBe(all.waveCounts.reduce((sum, w) => sum + w.n, 0))
    const w2024 = await getJson<AnalysisDocument>(`${BASE}/analysis?wave=2024`)
    expect(w2024.wave).toBe('2024')
    expect(w2024.waves).toEqual(all.waves)
  })

  it('?waves= picks the comparison, and says why when the waves cannot be compared', async () => {
    const asked = await getJson<AnalysisDocument>(`${BASE}/analysis?waves=2025,2026`)
    expect(asked.waves).toBeNull()
    expect(asked.wavesNote).toMatchObject({ reason: 'too-few', requested: true })
    const list = await getJson<ChartList>(`${BASE}/charts?waves=2025,2026`)
    expect(list.charts.some((c) => c.id.includes('.gap-slope.'))).toBe(false)
    expect(list.charts[0]?.links.svg).toContain('?waves=2025%2C2026')
    const res = await t.send('GET', `${BASE}/report.md?waves=2025,2026`, t.admin)
    expect(res.status).toBe(200)
    const md = await res.text()
    expect(md).toContain(
      'Wave 2026 has 1 response so far: the waves asked for cannot be compared yet, each needs at least 5 respondents who answered both sides of a dimension.',
    )
    const back = await getJson<AnalysisDocument>(`${BASE}/analysis?waves=2025,2024`)
    expect(back.waves).toMatchObject({ from: '2024', to: '2025', choice: 'requested' })
  })

  it('answers 400 saying what is expected for a malformed or unknown wave', async () => {
    const cases: [string, string][] = [
      ['waves=2024', 'waves takes two waves separated by a comma, e.g. 2024,2025 (got "2024")'],
      ['waves=2024,2024', 'waves must name two different waves (got 2024 twice)'],
      ['wave=2027', 'wave "2027" has no counted responses; waves with counted responses: 2024 ('],
      ['waves=2024,2099', 'wave "2099" has no counted responses'],
    ]
    for (const [query, message] of cases) {
      for (const path of ['analysis', 'charts', 'report.md']) {
        const res = await t.send('GET', `${BASE}/${path}?${query}`, t.admin)
        expect(res.status, `${path}?${query}`).toBe(400)
        const { error } = (await res.json()) as {
          error: { message: string; details: { message: string }[] }
        }
        const text = [error.message, ...error.details.map((d) => d.message)].join(' | ')
        expect(text, `${path}?${query}`).toContain(message)
      }
    }
  })
})
