/**
 * The demo report (`gapkit demo` data, built as `gapkit report` builds it) printed in Chromium:
 * at the width of an A4 page's content box and at 720 px, with print media, every table and
 * figure lies inside the page box, none scrolls, no figure is taller than a page, and the chart
 * text stays at 9 px or more. A real PDF is made to check it has portrait and landscape pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderSvg } from '../../../reports/draw/svg.ts'
import { renderHtml } from '../../../reports/report/render-html.ts'
import { loadDemo } from '../../../server/cli/demo.ts'
import { loadConfig } from '../../../server/config.ts'
import { buildReport } from '../../../server/services/report.ts'
import { launchBrowser, screenshotDir } from '../../helpers/browser.ts'
import { createTestApp } from '../../helpers/test-app.ts'

const MM = 96 / 25.4
/** The print stylesheet's A4 pages: portrait 210 × 297 mm at 12 × 15 mm margins, landscape 297 × 210 at 16 × 14. */
const PORTRAIT = { width: (210 - 24) * MM, height: (297 - 30) * MM }
const LANDSCAPE = { width: (297 - 32) * MM, height: (210 - 28) * MM }

let html = ''
let browser: Browser

beforeAll(async () => {
  const t = await createTestApp()
  try {
    const config = loadConfig({ db: t.db.target })
    await loadDemo(
      { config, registry: t.registry, db: t.db },
      { responses: 300, seed: 1, print: () => {} },
    )
    const { model, charts } = await buildReport(t.db.kysely, t.registry, 'microfinance-gap', {})
    const svgs = new Map<string, string>()
    for (const chart of charts) svgs.set(chart.id, await renderSvg(chart.spec))
    html = renderHtml(model, { svgs })
  } finally {
    await t.close()
  }
  mkdirSync('test-output', { recursive: true })
  writeFileSync('test-output/print-report.html', html)
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
})

async function printed(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: Math.floor(width), height: 1000 } })
  await page.emulateMedia({ media: 'print' })
  await page.setContent(html)
  return page
}

/** The figure of a chart kind, found by its file link. */
function figure(page: Page, chart: string) {
  return page.locator(`figure:has(a[href*=".${chart}."])`).first()
}

/** Tables, their boxes and figures that stick out of the page box or scroll, described. */
function clipped(page: Page, pageHeight: number): Promise<string[]> {
  return page.evaluate((pageHeight) => {
    const right = document.documentElement.clientWidth
    const name = (e: Element) =>
      (
        e.closest('figure')?.id ??
        e.closest('.table')?.querySelector('caption')?.textContent ??
        ''
      ).slice(0, 50)
    const problems: string[] = []
    for (const e of document.querySelectorAll('table, .table, figure, figure svg')) {
      const box = e.getBoundingClientRect()
      if (e.scrollWidth > e.clientWidth + 1) problems.push(`${e.tagName} scrolls: ${name(e)}`)
      if (box.left < -0.5 || box.right > right + 0.5) {
        problems.push(
          `${e.tagName} ${Math.round(box.left)}–${Math.round(box.right)} of ${right}: ${name(e)}`,
        )
      }
      // A figure (chart and caption) taller than a page would be cut at the page's end.
      if (e.tagName === 'FIGURE' && box.height > pageHeight) {
        problems.push(`figure ${Math.round(box.height)} px tall: ${name(e)}`)
      }
    }
    return problems
  }, pageHeight)
}

/** The smallest chart text as displayed: font size × displayed width / the SVG's own width. */
function smallestText(page: Page): Promise<{ figure: string; px: number }> {
  return page.evaluate(() => {
    let smallest = { figure: '', px: Number.POSITIVE_INFINITY }
    for (const svg of document.querySelectorAll('figure svg')) {
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))
      for (const text of svg.querySelectorAll('text')) {
        const px = Number.parseFloat(text.getAttribute('font-size') ?? '11') * scale
        if (px < smallest.px) smallest = { figure: svg.closest('figure')?.id ?? '', px }
      }
    }
    return smallest
  })
}

describe('the demo report in print', () => {
  it('fits every table and figure in the A4 page box, and at 720 px', async () => {
    for (const width of [PORTRAIT.width, 720]) {
      const page = await printed(width)
      expect(await page.evaluate(() => document.querySelectorAll('table').length)).toBeGreaterThan(
        20,
      )
      expect(await clipped(page, PORTRAIT.height), `width ${Math.round(width)}`).toEqual([])
      await page.close()
    }
    // Tables with a column per region print on landscape pages: they fit those too.
    const page = await printed(LANDSCAPE.width)
    expect(await page.locator('.table.wide').count()).toBeGreaterThan(10)
    expect(await clipped(page, PORTRAIT.height)).toEqual([])
    await page.close()
  })

  it('draws no chart text below 9 px on the page', async () => {
    const page = await printed(PORTRAIT.width)
    const smallest = await smallestText(page)
    expect(smallest.px, smallest.figure).toBeGreaterThanOrEqual(9)
    for (const chart of ['gap-heatmap', 'ipa-scatter']) {
      await figure(page, chart).screenshot({
        path: path.join(screenshotDir(), `report-print-${chart}.png`),
      })
    }
    const table = page.locator('.table.wide').first()
    await table.screenshot({ path: path.join(screenshotDir(), 'report-print-table.png') })
    await page.close()
  })

  it('prints to a PDF of A4 pages, the region tables across', async () => {
    const page = await printed(PORTRAIT.width)
    const pdf = await page.pdf({ format: 'A4' })
    await page.close()
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    const sizes = [
      ...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
    ].map((m) => (Number(m[1]) < Number(m[2]) ? 'portrait' : 'landscape'))
    expect(sizes.filter((s) => s === 'portrait').length).toBeGreaterThan(20)
    expect(sizes.filter((s) => s === 'landscape').length).toBeGreaterThan(5)
    writeFileSync('test-output/print-report.pdf', pdf)
  })

  it('reads on screen at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      await page.setContent(html)
      await page.screenshot({ path: path.join(screenshotDir(), `report-screen-${width}.png`) })
      await figure(page, 'gap-heatmap').scrollIntoViewIfNeeded()
      await page.screenshot({
        path: path.join(screenshotDir(), `report-screen-${width}-heatmap.png`),
      })
      // Nothing widens the page: a table too wide for a phone scrolls in its own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await page.close()
    }
  })
})
