/**
 * The PDF report: printed by the Chromium installed here (skipped where there is none), A4,
 * the same bytes for the same HTML; `gapkit report --format pdf` without Chromium says how to
 * install it, exits 2 and writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderHtml } from '../../../reports/report/render-html.ts'
import { findChromium, renderPdf, withoutClock } from '../../../reports/report/render-pdf.ts'
import { buildReport, renderCharts } from '../../../server/services/report.ts'
import { seedHostile } from '../../fixtures/report/hostile.ts'
import { launchBrowser, screenshotDir } from '../../helpers/browser.ts'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, FIXTURES, type TestApp, tempDir } from '../../helpers/test-app.ts'

const SURVEYS = path.join(FIXTURES, 'surveys')
const chromium = findChromium()

let t: TestApp
let db: string

beforeAll(async () => {
  t = await createTestApp(SURVEYS)
  await seedHostile(t)
  db = t.db.target
}, 60_000)

afterAll(async () => {
  await t.close()
})

/** Pages of a PDF and their media boxes (points). */
function pages(pdf: Uint8Array): { count: number; boxes: string[] } {
  const text = Buffer.from(pdf).toString('latin1')
  const count = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length
  return { count, boxes: [...text.matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((m) => m[1] ?? '') }
}

describe('withoutClock', () => {
  it('replaces the creation and change dates in place, keeping every offset', () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj <</CreationDate (D:20261207144613+01'00')\n/ModDate (D:20261207144613Z)>>\nstream\n\x00\xff\nendstream",
      'latin1',
    )
    const fixed = Buffer.from(withoutClock(new Uint8Array(pdf))).toString('latin1')
    expect(fixed.length).toBe(pdf.length)
    expect(fixed).toContain("/CreationDate (D:20000101000000+00'00')")
    expect(fixed).toContain('/ModDate (D:20000101000000Z)')
    expect(fixed.endsWith('\x00\xff\nendstream')).toBe(true)
  })
})

describe.skipIf(!chromium)('renderPdf', () => {
  let html: string
  let pdf: Uint8Array
  let ms = 0

  beforeAll(async () => {
    const bundle = await buildReport(t.db.kysely, t.registry, 'example', { locale: 'en' })
    const files = await renderCharts(bundle.charts, { png: false })
    html = renderHtml(bundle.model, { svgs: new Map([...files].map(([id, f]) => [id, f.svg])) })
    const started = performance.now()
    pdf = await renderPdf(html)
    ms = performance.now() - started
  }, 120_000)

  it('prints the report on A4 pages', async () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    const { count, boxes } = pages(pdf)
    expect(count).toBeGreaterThan(5)
    // A4 is 595.28 × 841.89 pt; Chromium rounds to its own units.
    for (const box of boxes) {
      const [, , width = 0, height = 0] = box.trim().split(/\s+/).map(Number)
      expect(Math.min(width, height)).toBeCloseTo(595, -1)
      expect(Math.max(width, height)).toBeCloseTo(842, -1)
    }
    console.info(`pdf: ${pdf.length} bytes, ${count} pages, ${Math.round(ms)} ms`)
    // What the PDF prints, for a person to look at: the page in print media at A4 width.
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } })
      await page.setContent(html)
      await page.emulateMedia({ media: 'print' })
      await page.screenshot({ path: path.join(screenshotDir(), 'report-print-a4.png') })
    } finally {
      await browser.close()
    }
  }, 60_000)

  it('gives the same bytes for the same HTML, with no clock inside', async () => {
    const again = await renderPdf(html)
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true)
    const text = Buffer.from(pdf).toString('latin1')
    expect(text).toMatch(/\/CreationDate \(D:20000101000000/)
    expect(text).not.toMatch(/\/(CreationDate|ModDate) \(D:(?!20000101000000)/)
  }, 60_000)

  it('gapkit report --format docx,pdf writes report.docx and report.pdf', async () => {
    const out = path.join(tempDir('gapkit-pdf-'), 'out')
    const run = await runCli([
      'report',
      'example',
      '--out',
      out,
      '--format',
      'docx,pdf',
      '--db',
      db,
      '--surveys',
      SURVEYS,
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['charts', 'report.docx', 'report.pdf'])
    expect(readFileSync(path.join(out, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  }, 120_000)
})

describe('gapkit report --format', () => {
  it('without Chromium: says how to install it, exits 2, writes nothing', async () => {
    const out = path.join(tempDir('gapkit-pdf-'), 'out')
    const missing = '/nonexistent/chromium'
    const run = await runCli(
      ['report', 'example', '--out', out, '--format', 'html,pdf', '--db', db, '--surveys', SURVEYS],
      { env: { CHROMIUM_PATH: missing } },
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('apt-get install chromium')
    expect(run.stderr).toContain(missing)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(existsSync(out)).toBe(false)
  })

  it('refuses an unknown format, naming the ones there are', async () => {
    const run = await runCli(['report', 'example', '--out', 'x', '--format', 'html,odt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('html, md, docx, pdf')
  })

  it('lists the formats in its help', async () => {
    const run = await runCli(['report', '--help'])
    expect(run.stdout).toContain('--format html,md,docx,pdf')
    expect(run.stdout).toContain('apt-get install chromium')
  })
})
