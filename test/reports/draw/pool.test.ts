import type { TopLevelSpec } from 'vega-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { chartConfig } from '../../../reports/charts/theme.ts'
import { createRenderPool } from '../../../reports/draw/pool.ts'
import { renderPng, renderSvg } from '../../../reports/draw/svg.ts'

function barSpec(labels: string[], locale = 'en'): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Pool chart', subtitle: ['n = 12'] },
    config: chartConfig({ locale }),
    width: 300,
    height: { step: 20 },
    data: { values: labels.map((label, i) => ({ label, value: 1234.5 + i })) },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y: { field: 'label', type: 'nominal', sort: labels },
          x: { field: 'value', type: 'quantitative' },
          color: { field: 'label', type: 'nominal' },
        },
      },
      { mark: 'rule', encoding: { x: { datum: 1235 } } },
    ],
  }
}

describe('createRenderPool', () => {
  const pool = createRenderPool({ svgWorkers: 2, pngWorkers: 2 })
  afterAll(() => pool.close())

  it('draws the same SVG and PNG bytes as this thread, in any order', async () => {
    const specs = [
      barSpec(['North', 'South']),
      barSpec(['Nord', 'Sud', 'Est'], 'fr'),
      barSpec(['A', 'B', 'C', 'D']),
    ]
    const expected = await Promise.all(
      specs.map(async (spec) => {
        const svg = await renderSvg(spec)
        return { svg, png: renderPng(svg) }
      }),
    )
    // Twice over, all at once: charts land on either worker, in any order.
    const drawn = await Promise.all(
      [...specs, ...specs].map(async (spec) => {
        const svg = await pool.renderSvg(spec)
        return { svg, png: await pool.renderPng(svg) }
      }),
    )
    drawn.forEach((chart, i) => {
      const want = expected[i % specs.length]
      expect(chart.svg).toBe(want?.svg)
      expect(chart.png.equals(want?.png ?? Buffer.alloc(0))).toBe(true)
    })
    expect(drawn[0]?.svg).toContain('>North</text>')
    expect((await pool.renderPng(drawn[0]?.svg ?? '', { scale: 1 })).length).toBeGreaterThan(0)
  })

  it('rejects a chart Vega-Lite cannot compile, and keeps drawing the others', async () => {
    const broken = { mark: 'bar', encoding: { x: { field: 'a', type: 'nope' } } }
    // @ts-expect-error: an invalid spec on purpose
    await expect(pool.renderSvg(broken)).rejects.toThrow()
    expect(await pool.renderSvg(barSpec(['North']))).toContain('>North</text>')
  })

  it('rejects an SVG resvg cannot read', async () => {
    await expect(pool.renderPng('not an svg')).rejects.toThrow()
  })

  it('rejects pending and later charts once closed', async () => {
    const other = createRenderPool({ svgWorkers: 1, pngWorkers: 1 })
    const pending = expect(other.renderSvg(barSpec(['North']))).rejects.toThrow(
      'render pool is closed',
    )
    await other.close()
    await pending
    await expect(other.renderSvg(barSpec(['North']))).rejects.toThrow('render pool is closed')
  })
})
