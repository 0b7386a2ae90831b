import { mkdirSync, writeFileSync } from 'node:fs'
import type { TopLevelSpec } from 'vega-lite'
import { describe, expect, it } from 'vitest'
import { chartText, formatInteger, formatLocale } from '../../../reports/charts/text.ts'
import { chartConfig, wrapText } from '../../../reports/charts/theme.ts'
import {
  CHART_FONT,
  chartFontFiles,
  compileSpec,
  renderPng,
  renderSvg,
} from '../../../reports/draw/svg.ts'
import { svgSize } from '../../helpers/svg-size.ts'

const OUT = 'test-output/charts'

function barSpec(labels: string[], locale = 'en'): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Test chart', subtitle: ['n = 1234'] },
    config: chartConfig({ locale }),
    width: 300,
    height: { step: 20 },
    data: { values: labels.map((label, i) => ({ label, value: 1234.5 + i })) },
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', sort: labels },
      x: { field: 'value', type: 'quantitative', axis: { format: ',.1f' } },
    },
  }
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true)
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('compileSpec', () => {
  it('compiles a clean spec without warnings', () => {
    const { vega, warnings } = compileSpec(barSpec(['a', 'b']))
    expect(warnings).toEqual([])
    expect(vega.marks?.length).toBeGreaterThan(0)
  })

  it('collects warnings instead of printing them', () => {
    const spec: TopLevelSpec = {
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } },
    }
    expect(compileSpec(spec).warnings.length).toBeGreaterThan(0)
  })
})

describe('renderSvg and renderPng', () => {
  it('uses the bundled DejaVu Sans files', () => {
    const files = chartFontFiles()
    expect(files[0]).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVuSans\.ttf$/)
    expect(files[1]).toMatch(/DejaVuSans-Bold\.ttf$/)
  })

  it('renders text in the chart font, deterministically', async () => {
    const spec = barSpec(['North', 'South'])
    const first = await renderSvg(spec)
    const second = await renderSvg(spec)
    expect(second).toBe(first)
    expect(first.startsWith('<svg')).toBe(true)
    expect(first).toContain(`font-family="${CHART_FONT}"`)
    expect(first).toContain('>North</text>')
    expect(first).toContain('>Test chart</text>')
    expect(first).toContain('1,234.5')
  })

  it('rasterises at twice the SVG size with identical bytes each time', async () => {
    const svg = await renderSvg(barSpec(['North', 'South']))
    const png = renderPng(svg)
    const { width, height } = svgSize(svg)
    expect(pngSize(png)).toEqual({ width: Math.round(width * 2), height: Math.round(height * 2) })
    expect(renderPng(svg).equals(png)).toBe(true)
    expect(pngSize(renderPng(svg, { scale: 1 })).width).toBe(Math.round(width))
    mkdirSync(OUT, { recursive: true })
    writeFileSync(`${OUT}/render-basic.png`, png)
  })

  it('draws text in the PNG (fonts loaded, not silently dropped)', async () => {
    const withText = renderPng(await renderSvg(barSpec(['North', 'South'])))
    const spec = barSpec(['North', 'South'])
    const blank = renderPng((await renderSvg(spec)).replace(/<text[^>]*>[^<]*<\/text>/g, ''))
    expect(withText.equals(blank)).toBe(false)
  })

  it('escapes hostile labels in SVG text', async () => {
    const svg = await renderSvg(barSpec(['<script>alert(1)</script>', '</svg><g onload="x">']))
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(svg).toContain('&lt;/svg&gt;&lt;g onload=')
    expect(svg.match(/<\/svg>/g)).toHaveLength(1)
    expect(svg.endsWith('</svg>')).toBe(true)
  })

  it('formats numbers with a decimal comma and thin-space thousands in French', async () => {
    const svg = await renderSvg(barSpec(['Nord', 'Sud'], 'fr'))
    expect(svg).toContain('1\u202f234,5')
    expect(svg).not.toContain('1,234.5')
    // A render-time locale overrides the spec's own.
    const english = await renderSvg(barSpec(['Nord', 'Sud'], 'fr'), { locale: formatLocale('en') })
    expect(english).toContain('1,234.5')
    mkdirSync(OUT, { recursive: true })
    writeFileSync(`${OUT}/render-french.png`, renderPng(svg))
  })
})

describe('chart text', () => {
  it('has French strings and falls back to English for a language without a table', () => {
    expect(chartText('fr').respondents).toBe('Répondants')
    expect(chartText('fr-CA').respondents).toBe('Répondants')
    expect(chartText('de').respondents).toBe('Respondents')
    expect(chartText('fr').suppressedNote(5)).toContain('moins de 5')
  })

  it('formats numbers like the charts do', () => {
    expect(formatInteger(1234567, 'en')).toBe('1,234,567')
    expect(formatInteger(1234567, 'fr')).toBe('1\u202f234\u202f567')
  })

  it('wraps long titles at spaces', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four'])
    expect(wrapText('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x'])
  })
})
