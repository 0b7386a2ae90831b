/**
 * No chart text smaller than 9 px where people read the charts: in the report (its column in
 * print on A4, on a 720 px screen and at 1280 px) and in the dashboard's analysis (at 1280 and
 * 390 px). A text's size as displayed is its font size times the scale of the image (displayed
 * width / the SVG's own width).
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ChartEntry, listCharts } from '../../../reports/charts/registry.ts'
import { renderSvg } from '../../../reports/draw/svg.ts'
import { REPORT_LANGUAGES } from '../../../reports/report/format.ts'
import { loadDemo } from '../../../server/cli/demo.ts'
import { loadConfig } from '../../../server/config.ts'
import { chartRoutes } from '../../../server/routes/charts.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'
import { launchBrowser, listen, screenshotDir } from '../../helpers/browser.ts'
import { smallestText, svgSize } from '../../helpers/svg-size.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

const MIN_PX = 9
/**
 * Widths the report gives a figure: its column on A4 in print (186 mm), on a 720 px screen
 * (720 less 2 × 12 px of padding) and at 1280 px (68 rem less padding).
 */
const REPORT_WIDTHS = { print: 703, screen720: 696, screen1280: 1040 }

describe('chart text in the report', () => {
  const surveys = [
    'microfinance-gap',
    'good-practice',
    'best-practice-vote',
    'codesign-challenge',
    'mfi-indicators',
  ]

  it('is 9 px or more at every width the report gives a chart, in every report language', async () => {
    const small: string[] = []
    let count = 0
    for (const survey of surveys) {
      for (const locale of REPORT_LANGUAGES) {
        for (const chart of listCharts(demoDocument(survey, { locale }), { locale })) {
          const svg = await renderSvg(chart.spec)
          count++
          for (const [where, width] of Object.entries(REPORT_WIDTHS)) {
            const px = smallestText(svg, width)
            if (px < MIN_PX) small.push(`${chart.id} ${locale} ${where}: ${px.toFixed(1)} px`)
          }
        }
      }
    }
    expect(count).toBeGreaterThan(300)
    expect(small).toEqual([])
  }, 120_000) // draws over 300 charts: 15 s on a quiet machine, more beside other files

  it('fits an A4 portrait page in every report language: at most 680 px wide and 960 px tall', async () => {
    for (const locale of REPORT_LANGUAGES) {
      const doc = demoDocument('microfinance-gap', { locale })
      const charts: ChartEntry[] = listCharts(doc, { locale })
      for (const chart of charts) {
        const { width, height } = svgSize(await renderSvg(chart.spec))
        expect(width, `${chart.id} ${locale}`).toBeLessThanOrEqual(680)
        expect(height, `${chart.id} ${locale}`).toBeLessThanOrEqual(960)
      }
    }
  }, 120_000)
})

describe('chart text in the dashboard', () => {
  const SURVEY = 'microfinance-gap'
  let t: TestApp
  let server: { url: string; close(): Promise<void> }
  let browser: Browser

  beforeAll(async () => {
    t = await createTestApp()
    const config = loadConfig({ db: t.db.target })
    await loadDemo(
      { config, registry: t.registry, db: t.db },
      { responses: 300, seed: 1, print: () => {} },
    )
    if (!t.app.routes.some((r) => r.path === '/api/surveys/:id/charts')) {
      t.app.route('/api/surveys', chartRoutes({ db: t.db.kysely, registry: t.registry }))
    }
    server = await listen(t)
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await t?.close()
  })

  /** The analysis with every chart drawn (they draw when scrolled near; here all at once). */
  async function analysis(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin?t=${t.admin}`)
    await page.waitForSelector('body[data-ready="true"]')
    await page.goto(`${server.url}/admin/surveys/${SURVEY}`)
    await page.locator('#ak-charts').scrollIntoViewIfNeeded()
    await page.waitForSelector('#ak-charts figure')
    await page.evaluate(() => {
      for (const f of document.querySelectorAll('#ak-charts figure')) {
        f.dispatchEvent(new Event('ak-render'))
      }
    })
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#ak-charts figure')].every((f) => f.querySelector('svg')),
      undefined,
      { timeout: 120_000 },
    )
    return page
  }

  /** Per chart: its smallest displayed text and whether its box scrolls sideways. */
  function measure(page: Page) {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#ak-charts figure')].map((figure) => {
        const svg = figure.querySelector('svg') as SVGSVGElement
        const box = figure.querySelector('.ak-chart') as HTMLElement
        const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))
        const sizes = [...svg.querySelectorAll('text')].map((e) =>
          Number.parseFloat(getComputedStyle(e).fontSize),
        )
        return {
          id: (figure.dataset.chart ?? '').split('.').slice(1).join('.'),
          px: Math.min(...sizes) * scale,
          scrolls: box.scrollWidth > box.clientWidth + 1,
        }
      }),
    )
  }

  async function shot(page: Page, chart: string, name: string) {
    await page.locator(`figure[data-chart$=".${chart}"]`).scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(screenshotDir(), `dashboard-${name}.png`) })
  }

  it('shows every region and panel of every chart at 1280 px, text at 9 px or more', {
    timeout: 180_000,
  }, async () => {
    const page = await analysis(1280)
    const charts = await measure(page)
    expect(charts.length).toBeGreaterThan(30)
    expect(charts.filter((c) => c.px < MIN_PX)).toEqual([])
    // Nothing behind a scrollbar: the whole heatmap, every IPA panel.
    expect(charts.filter((c) => c.scrolls).map((c) => c.id)).toEqual([])
    await shot(page, 'gap-heatmap.all', '1280-heatmap')
    await shot(page, 'ipa-scatter.all', '1280-ipa')
    await page.context().close()
  })

  it('fits rating and response charts to a 390 px phone, text at 9 px or more', {
    timeout: 180_000,
  }, async () => {
    const page = await analysis(390)
    const charts = await measure(page)
    expect(charts.filter((c) => c.px < MIN_PX)).toEqual([])
    // Rating and response charts are redrawn to the phone's width; small multiples, and bars
    // whose labels alone fill the phone (the ranking), scroll sideways.
    const single = charts.filter((c) => /^(likert|response-progress)\./.test(c.id))
    expect(single.length).toBeGreaterThan(20)
    expect(single.filter((c) => c.scrolls).map((c) => c.id)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await shot(page, 'likert.performance-regulation', '390-likert')
    await shot(page, 'gap-heatmap.all', '390-heatmap')
    await page.context().close()
  })
})
