import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'
import type { TopLevelSpec } from 'vega-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisDocument } from '../../../analysis/types.ts'
import { gapHeatmap } from '../../../reports/charts/gap-heatmap.ts'
import { ipaScatter } from '../../../reports/charts/ipa-scatter.ts'
import { likertBars } from '../../../reports/charts/likert-bars.ts'
import { percentBars } from '../../../reports/charts/percent-bars.ts'
import { type ChartEntry, listCharts } from '../../../reports/charts/registry.ts'
import { responseProgress } from '../../../reports/charts/response-progress.ts'
import { compileSpec, renderPng, renderSvg } from '../../../reports/draw/svg.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'
import { svgSize } from '../../helpers/svg-size.ts'

const OUT = 'test-output/charts'
const SURVEYS = [
  'microfinance-gap',
  'good-practice',
  'best-practice-vote',
  'codesign-challenge',
  'mfi-indicators',
]

let validate: ValidateFunction
let gap: AnalysisDocument
let gapFr: AnalysisDocument
const charts = new Map<string, ChartEntry[]>()

beforeAll(() => {
  const require = createRequire(import.meta.url)
  const schema = JSON.parse(
    readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'),
  )
  validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema)
  gap = demoDocument('microfinance-gap')
  gapFr = demoDocument('microfinance-gap', { locale: 'fr' })
  for (const survey of SURVEYS) {
    charts.set(`${survey}.en`, listCharts(demoDocument(survey), { locale: 'en' }))
  }
  charts.set('microfinance-gap.fr', listCharts(gapFr, { locale: 'fr' }))
  mkdirSync(OUT, { recursive: true })
})

function entries(key: string): ChartEntry[] {
  const list = charts.get(key)
  if (!list) throw new Error(`no charts for ${key}`)
  return list
}

/** Every `scale.domain` found in a spec, wherever it sits. */
function domains(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) domains(v, found)
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'scale' && v && typeof v === 'object' && 'domain' in v) found.push(v.domain)
      domains(v, found)
    }
  }
  return found
}

function withHostileLabels(doc: AnalysisDocument): AnalysisDocument {
  const copy = structuredClone(doc)
  const first = copy.groups[0]
  if (first) first.label = '<script>alert(1)</script>'
  const barriers = copy.questions.find((q) => q.name === 'barriers')
  const option = barriers?.options[0]
  if (option) option.label = '</svg><image href="x" onerror="alert(1)"/>'
  return copy
}

describe('listCharts', () => {
  it('lists every chart of the gap analysis with stable, unique ids in a fixed order', () => {
    const list = entries('microfinance-gap.en')
    const ids = list.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^microfinance-gap\.[a-z0-9-]+\.[a-z0-9.-]+$/)
    expect(ids.slice(0, 7)).toEqual([
      'microfinance-gap.response-progress.all',
      'microfinance-gap.gap-heatmap.all',
      'microfinance-gap.gap-dumbbell.ipa',
      'microfinance-gap.gap-dumbbell.maturity',
      'microfinance-gap.ipa-scatter.all',
      'microfinance-gap.gap-slope.ipa',
      'microfinance-gap.gap-slope.maturity',
    ])
    expect(ids).toContain('microfinance-gap.likert.performance-regulation')
    expect(ids).toContain('microfinance-gap.percent-bars.barriers')
    expect(ids).toContain('microfinance-gap.borda-bars.policy-priorities')
    expect(list.length).toBeGreaterThanOrEqual(20)
    expect(list.length).toBeLessThanOrEqual(50)
    // Same ids whatever the language.
    expect(entries('microfinance-gap.fr').map((c) => c.id)).toEqual(ids)
  })

  it('adds the special tallies: vote, co-design ranking and indicator trends', () => {
    expect(entries('best-practice-vote.en').map((c) => c.id)).toContain(
      'best-practice-vote.borda-bars.vote',
    )
    expect(entries('codesign-challenge.en').map((c) => c.id)).toContain(
      'codesign-challenge.borda-bars.codesign',
    )
    const trends = entries('mfi-indicators.en').filter((c) => c.id.includes('.indicator-trend.'))
    expect(trends.map((c) => c.id)).toContain('mfi-indicators.indicator-trend.par30')
    expect(trends.map((c) => c.id)).toContain('mfi-indicators.indicator-trend.women-share')
  })

  it('builds identical specs twice, and from a re-run analysis', () => {
    const again = listCharts(demoDocument('microfinance-gap'), { locale: 'en' })
    expect(JSON.stringify(again)).toBe(JSON.stringify(entries('microfinance-gap.en')))
  })

  it('copes with a questionnaire without responses', () => {
    const empty = demoDocument('microfinance-gap', {}, { capRegions: allRegions(0) })
    const list = listCharts(empty, { locale: 'en' })
    for (const c of list) expect(compileSpec(c.spec).warnings).toEqual([])
  })
})

function allRegions(cap: number): Record<string, number> {
  return Object.fromEntries(gap.groups.map((g) => [g.key, cap]))
}

describe('every spec', () => {
  it('validates against the Vega-Lite schema and compiles without warnings', () => {
    for (const [key, list] of charts) {
      for (const chart of list) {
        const valid = validate(chart.spec)
        expect(valid ? [] : validate.errors?.slice(0, 3), `${key} ${chart.id}`).toEqual([])
        expect(compileSpec(chart.spec).warnings, `${key} ${chart.id}`).toEqual([])
      }
    }
  })

  it('carries inline data, a title with n, and never asks Vega for intervals', () => {
    for (const [key, list] of charts) {
      for (const chart of list) {
        const json = JSON.stringify(chart.spec)
        expect(json, chart.id).not.toMatch(/"(url|aggregate|ci0|ci1|errorbar|errorband)"/)
        expect(json, `${key} ${chart.id}`).toMatch(/n = \d/)
        expect(chart.title.length, chart.id).toBeGreaterThan(0)
      }
    }
  })
})

describe('rendering the demo gap analysis', () => {
  it('renders every chart to SVG, and one of each kind to PNG of the expected size', async () => {
    const kinds = new Set<string>()
    for (const chart of entries('microfinance-gap.en')) {
      const svg = await renderSvg(chart.spec)
      expect(svg, chart.id).toContain(`>${chart.title.split(' ')[0]}`)
      // PNG is the slow step (~50–250 ms a chart): one per kind keeps the suite quick.
      const kind = chart.id.split('.')[1] ?? ''
      if (kinds.has(kind)) continue
      kinds.add(kind)
      const png = renderPng(svg)
      const { width, height } = svgSize(svg)
      expect(png.readUInt32BE(16), chart.id).toBe(Math.round(width * 2))
      expect(png.readUInt32BE(20), chart.id).toBe(Math.round(height * 2))
      writeFileSync(`${OUT}/${chart.id}.png`, png)
    }
    expect(kinds.size).toBeGreaterThanOrEqual(8)
  })

  it('shows regions, the title and All in the heatmap, deterministically', async () => {
    const spec = gapHeatmap(gap, { locale: 'en' })
    const svg = await renderSvg(spec)
    expect(svg).toContain('>Gap by region and dimension</text>')
    expect(svg).toContain('>Seine-Saint-Denis</text>')
    expect(svg).toContain('>All</text>')
    expect(svg).toMatch(/>\+\d\.\d<\/text>/)
    expect(await renderSvg(spec)).toBe(svg)
    expect(renderPng(svg).equals(renderPng(svg))).toBe(true)
  })

  it('greys a suppressed group as "n < 5" and says so', async () => {
    const doc = demoDocument('microfinance-gap', {}, { capRegions: { 'SE-VG': 3 } })
    expect(doc.groups.find((g) => g.key === 'SE-VG')?.suppressed).toBe(true)
    const heatmap = await renderSvg(gapHeatmap(doc, { locale: 'en' }))
    expect(heatmap).toContain('>n &lt; 5</text>')
    expect(heatmap).toContain('fewer than 5 respondents are not shown')
    writeFileSync(`${OUT}/suppressed.gap-heatmap.png`, renderPng(heatmap))
    const likert = await renderSvg(likertBars(doc, { locale: 'en' }, 'performance.regulation'))
    expect(likert).toContain('>n &lt; 5</text>')
    const progress = await renderSvg(responseProgress(doc, { locale: 'en' }))
    expect(progress).toContain('>k = 5</text>')
  })

  it('renders French titles and decimal commas', async () => {
    const svg = await renderSvg(gapHeatmap(gapFr, { locale: 'fr' }))
    expect(svg).toContain('>Écart par région et par dimension</text>')
    expect(svg).toContain('>Ensemble</text>')
    expect(svg).toMatch(/>[+−]\d,\d<\/text>/)
    expect(svg).not.toMatch(/>[+−]\d\.\d<\/text>/)
    for (const chart of entries('microfinance-gap.fr').slice(0, 5)) {
      writeFileSync(`${OUT}/${chart.id}.fr.png`, renderPng(await renderSvg(chart.spec)))
    }
  })

  it('escapes hostile group and option labels', async () => {
    const doc = withHostileLabels(gap)
    for (const spec of [
      responseProgress(doc, { locale: 'en' }),
      gapHeatmap(doc, { locale: 'en' }),
      percentBars(doc, { locale: 'en' }, 'barriers'),
    ]) {
      const svg = await renderSvg(spec)
      expect(svg).not.toContain('<script>')
      expect(svg).not.toContain('<image')
      expect(svg.match(/<\/svg>/g)).toHaveLength(1)
      expect(svg).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;|&lt;\/svg&gt;&lt;image/)
    }
  })
})

describe('chart geometry', () => {
  it('puts every IPA layer on the same explicit 1–5 axes, with cross-hairs and the diagonal', () => {
    const spec: TopLevelSpec = ipaScatter(gap, { locale: 'en' })
    const json = JSON.stringify(spec)
    const scatterDomains = domains('hconcat' in spec ? spec.hconcat[0] : spec)
    expect(scatterDomains.length).toBeGreaterThanOrEqual(16)
    for (const d of scatterDomains) expect(d).toEqual([1, 5])
    expect(json).toContain('"x2":{"datum":5}')
    expect(json).toContain('"strokeDash":[4,3]')
  })

  it('splits the Likert neutral category evenly across zero', () => {
    const spec = likertBars(gap, { locale: 'en' }, 'performance.regulation')
    const layers = 'layer' in spec ? spec.layer : []
    const first = layers[0]
    const data = first && 'data' in first ? first.data : undefined
    const values = (data && 'values' in data ? data.values : []) as {
      category: string
      x0: number
      x1: number
    }[]
    const neutral = values.filter((v) => v.category.startsWith('3'))
    expect(neutral.length).toBeGreaterThan(0)
    for (const v of neutral) expect(v.x0).toBeCloseTo(-v.x1, 1)
  })
})
