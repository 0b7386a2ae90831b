/**
 * Chart labels that never cover each other: IPA point numbers (placed by the spec builder),
 * slope-chart numbers (spread along the axis), and the heatmap's one block per kind of gap.
 * Checked on the real SVG that Vega draws. A label's box is approximate (see `svgTexts`): its
 * width from the chart font's advance widths, its height the font size (0.8 above the baseline,
 * 0.2 below).
 */
import type { TopLevelSpec } from 'vega-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisDocument } from '../../../analysis/types.ts'
import { gapHeatmap } from '../../../reports/charts/gap-heatmap.ts'
import { gapSlope } from '../../../reports/charts/gap-slope.ts'
import { ipaScatter } from '../../../reports/charts/ipa-scatter.ts'
import { intersects, placeLabels, spreadLabels } from '../../../reports/charts/label-placement.ts'
import { wrapLabel } from '../../../reports/charts/layout.ts'
import { renderSvg } from '../../../reports/draw/svg.ts'
import { REPORT_LANGUAGES } from '../../../reports/report/format.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'
import { type SvgText, svgTexts } from '../../helpers/svg-size.ts'

/** Number labels ("7", "3, 12") drawn by a chart's own marks (not axes, titles or the key). */
const NUMBERS = /^\d+(, \d+)*$/

function overlaps(texts: SvgText[]): string[] {
  const found: string[] = []
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      if (intersects(a, b))
        found.push(`"${a.text}" × "${b.text}" at ${Math.round(a.x0)},${Math.round(a.y0)}`)
    }
  })
  return found
}

/** Every text drawn by the chart's marks: numbers and quadrant names, not axes or titles. */
async function markTexts(spec: TopLevelSpec): Promise<SvgText[]> {
  return svgTexts(await renderSvg(spec)).filter((t) => t.role === 'mark')
}

let byRegion: AnalysisDocument
let byType: AnalysisDocument

beforeAll(() => {
  byRegion = demoDocument('microfinance-gap')
  // Ten stakeholder types: eleven crowded panels.
  byType = demoDocument('microfinance-gap', { by: 'stakeholder_type' })
})

describe('IPA scatter labels', () => {
  it('never overlap one another or a quadrant name, by region and by stakeholder type', async () => {
    for (const doc of [byRegion, byType]) {
      for (const locale of REPORT_LANGUAGES) {
        const texts = (await markTexts(ipaScatter(doc, { locale }))).filter(
          (t) => NUMBERS.test(t.text) || t.fontSize === 9,
        )
        const numbers = texts.filter((t) => NUMBERS.test(t.text))
        // Every dimension of every panel is named once.
        const named = numbers.flatMap((t) => t.text.split(', '))
        expect(named.length, `${doc.by} ${locale}`).toBeGreaterThanOrEqual(14 * 5)
        expect(overlaps(texts), `${doc.by} ${locale}`).toEqual([])
      }
    }
  })

  it('places the same labels for the same data', () => {
    expect(JSON.stringify(ipaScatter(byRegion, { locale: 'en' }))).toBe(
      JSON.stringify(ipaScatter(demoDocument('microfinance-gap'), { locale: 'en' })),
    )
  })
})

describe('wave slope labels', () => {
  it('never overlap one another', async () => {
    const doc = byRegion
    for (const kind of ['importance-performance', 'current-target'] as const) {
      const texts = (await markTexts(gapSlope(doc, { locale: 'en' }, kind))).filter((t) =>
        NUMBERS.test(t.text),
      )
      expect(texts.length, kind).toBeGreaterThan(20)
      expect(overlaps(texts), kind).toEqual([])
    }
  })
})

describe('gap heatmap', () => {
  it('ranks and colours each kind of gap in its own block, with its own scale', async () => {
    const spec = gapHeatmap(byRegion, { locale: 'en' })
    const blocks = 'vconcat' in spec ? spec.vconcat : []
    expect(blocks).toHaveLength(2)
    const json = blocks.map((b) => JSON.stringify(b))
    expect(json[0]).toContain('Importance − performance (answers 1–5)')
    expect(json[1]).toContain('Maturity: target − today (levels 0–4)')
    expect(json[0]).not.toContain('Maturity –')
    expect(json[1]).toContain('Maturity – Financial education programmes')
    expect(JSON.stringify(spec.resolve)).toContain('"color":"independent"')
    const svg = await renderSvg(spec)
    expect(svg.match(/<linearGradient/g)).toHaveLength(2)
    expect(svg).toContain('Each kind of gap is ranked and coloured on its own scale.')
  })
})

describe('placeLabels and spreadLabels', () => {
  it('gives points at one spot one label and keeps every label clear of the others', () => {
    const points = [
      { x: 50, y: 50, label: '1' },
      { x: 51, y: 50, label: '2' },
      { x: 56, y: 50, label: '3' },
      { x: 58, y: 52, label: '4' },
    ]
    const placed = placeLabels(points, { width: 100, height: 100, fontSize: 10, pointRadius: 3 })
    expect(placed.map((p) => p.label)).toEqual(['1, 2', '3, 4'])
    const [a, b] = placed.map((p) => p.box)
    expect(a && b && intersects(a, b)).toBe(false)
  })

  it('spreads crowded labels one line apart, near their wishes, inside the axis', () => {
    expect(spreadLabels([10, 12, 50], 10, 100)).toEqual([6, 16, 50])
    expect(spreadLabels([95, 96, 97], 10, 100)).toEqual([75, 85, 95])
  })

  it('wraps at spaces and after hyphens, with "…" past the last line', () => {
    expect(wrapLabel('Seine-Saint-Denis', 70, 11)).toEqual(['Seine-Saint-', 'Denis'])
    const cut = wrapLabel('Responsible finance and client protection (European Code)', 120, 11, 2)
    expect(cut).toHaveLength(2)
    expect(cut[1]?.endsWith('…')).toBe(true)
  })
})
