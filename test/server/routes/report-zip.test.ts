/**
 * The dashboard's report downloads: the report as a zip of the whole report folder (every image
 * and file link of report.md and report.html resolves to a file in the zip; a PDF where Chromium
 * is installed) and as a Word document; for lead partners only; the same data gives the same
 * bytes.
 */
import path from 'node:path'
import { unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../../../reports/report/render-pdf.ts'
import { seedHostile } from '../../fixtures/report/hostile.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
const ZIP = '/api/surveys/example/report.zip'
const DOCX = '/api/surveys/example/report.docx'

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
  await seedHostile(t)
}, 60_000)

afterAll(async () => {
  await t.close()
})

const get = async (url: string, token: string | null = t.admin): Promise<Response> =>
  t.app.request(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })

/** Runs `work` with CHROMIUM_PATH set (undefined: unset), then puts it back. */
async function withChromium<T>(value: string | undefined, work: () => Promise<T>): Promise<T> {
  const before = process.env.CHROMIUM_PATH
  if (value === undefined) delete process.env.CHROMIUM_PATH
  else process.env.CHROMIUM_PATH = value
  try {
    return await work()
  } finally {
    if (before === undefined) delete process.env.CHROMIUM_PATH
    else process.env.CHROMIUM_PATH = before
  }
}

/**
 * Every link target of report.md: images `![…](x)` and links `[…](x)`; an escaped `\]` (text
 * of an answer) opens no link.
 */
function markdownTargets(md: string): string[] {
  return [...md.matchAll(/(?<!\\)\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '')
}

describe('GET /api/surveys/:id/report.zip', () => {
  let files: Record<string, Uint8Array>
  let bytes: Uint8Array

  beforeAll(async () => {
    // Without Chromium first: the zip leaves the PDF out.
    const res = await withChromium('/nonexistent/chromium', () => get(`${ZIP}?lang=en`))
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="example-report-en.zip"',
    )
    bytes = new Uint8Array(await res.arrayBuffer())
    files = unzipSync(bytes)
  }, 120_000)

  it('holds the report in HTML, Markdown and Word with every chart as SVG, PNG and spec', () => {
    const names = Object.keys(files)
    expect(names.slice(0, 3)).toEqual(['report.html', 'report.md', 'report.docx'])
    expect(names).not.toContain('report.pdf')
    const charts = names.filter((n) => n.endsWith('.vl.json'))
    expect(charts.length).toBeGreaterThan(5)
    for (const spec of charts) {
      const id = spec.slice('charts/'.length, -'.vl.json'.length)
      expect(names).toContain(`charts/${id}.svg`)
      expect(names).toContain(`charts/${id}.png`)
    }
    console.info(`report.zip: ${bytes.length} bytes, ${names.length} files`)
  })

  it('every image and file link of report.md and report.html resolves inside the zip', () => {
    const md = new TextDecoder().decode(files['report.md'])
    const targets = markdownTargets(md)
    const images = [...md.matchAll(/!\[[^\]]*(?<!\\)\]\(([^)]+)\)/g)]
    expect(images.length).toBeGreaterThan(5)
    expect(targets.length).toBeGreaterThan(images.length)
    const missing = targets.filter((target) => !(target in files))
    expect(missing).toEqual([])
    const html = new TextDecoder().decode(files['report.html'])
    const hrefs = [...html.matchAll(/href="(charts\/[^"]+)"/g)].map((m) => m[1] ?? '')
    expect(hrefs.length).toBeGreaterThan(5)
    expect(hrefs.filter((href) => !(href in files))).toEqual([])
  })

  it('gives the same bytes for the same data', async () => {
    const again = await withChromium('/nonexistent/chromium', () => get(`${ZIP}?lang=en`))
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true)
  }, 120_000)

  it.skipIf(!findChromium())(
    'adds report.pdf where Chromium is installed',
    async () => {
      const res = await get(ZIP)
      const names = Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))
      expect(names.slice(0, 4)).toEqual(['report.html', 'report.md', 'report.docx', 'report.pdf'])
    },
    120_000,
  )

  it('is for lead partners only', async () => {
    for (const url of [ZIP, DOCX]) {
      expect((await get(url, null)).status, url).toBe(401)
      expect((await get(url, t.partnerA)).status, url).toBe(403)
    }
    expect((await get('/api/surveys/nope/report.zip')).status).toBe(404)
    expect((await get(`${ZIP}?by=nowhere`)).status).toBe(400)
  })
})

describe('GET /api/surveys/:id/report.docx', () => {
  it('is a Word document with every chart as an image', async () => {
    const res = await get(`${DOCX}?lang=fr`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(res.headers.get('content-disposition')).toContain('example-report-fr.docx')
    const buffer = Buffer.from(await res.arrayBuffer())
    const { value } = await mammoth.convertToHtml({ buffer })
    const charts = Object.keys(unzipSync(new Uint8Array(buffer))).filter((n) =>
      /^word\/media\/./.test(n),
    )
    expect(charts.length).toBeGreaterThan(5)
    expect((value.match(/<img /g) ?? []).length).toBe(charts.length)
    expect(value).toContain('<h2>1. Synthèse</h2>')
  }, 120_000)
})
