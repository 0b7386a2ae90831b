/**
 * The Word report: read back with mammoth (a DOCX reader), it holds every heading of the model,
 * every table with its cells, one image per chart with the chart's title as alt text, and no
 * markup from hostile answers; the same model gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportModel } from '../../../reports/report/model.ts'
import { DOCX_DATE, pngSize, renderDocx } from '../../../reports/report/render-docx.ts'
import { buildReport, renderCharts } from '../../../server/services/report.ts'
import { HOSTILE_ANSWERS, SECRET, seedHostile } from '../../fixtures/report/hostile.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
let model: ReportModel
let pngs: Map<string, Uint8Array>
let docx: Uint8Array
let html: string
let ms = 0

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
  await seedHostile(t)
  const bundle = await buildReport(t.db.kysely, t.registry, 'example', { locale: 'en' })
  model = bundle.model
  const files = await renderCharts(bundle.charts)
  pngs = new Map([...files].map(([id, f]) => [id, new Uint8Array(f.png)]))
  const started = performance.now()
  docx = await renderDocx(model, { pngs })
  ms = performance.now() - started
  const read = await mammoth.convertToHtml({ buffer: Buffer.from(docx) })
  html = read.value
  // For a person to look at: the document as mammoth reads it.
  mkdirSync('test-output', { recursive: true })
  writeFileSync('test-output/report-docx.docx', docx)
  writeFileSync('test-output/report-docx.html', `<!DOCTYPE html><meta charset="utf-8">${html}`)
}, 120_000)

afterAll(async () => {
  await t.close()
})

/** The text of each element `tag` of mammoth's HTML, entities decoded. */
function texts(tag: string): string[] {
  const found = html.match(new RegExp(`<${tag}>(.*?)</${tag}>`, 'gs')) ?? []
  return found.map((m) => decode(m.replace(/<[^>]*>/g, '')))
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('renderDocx', () => {
  it('holds every heading of the report at its level', () => {
    const h2 = [model.contents, ...model.sections.map((s) => s.title)]
    const h3 = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'subheading' ? [b.text] : [])),
    )
    const h4 = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'answers' ? [b.heading] : [])),
    )
    expect(texts('h1')).toEqual([model.title])
    expect(texts('h2')).toEqual(h2)
    expect(texts('h3')).toEqual(h3)
    expect(texts('h4')).toEqual(h4)
    expect(h2.length).toBeGreaterThan(5)
    console.info(`docx: ${docx.length} bytes, ${pngs.size} charts, ${Math.round(ms)} ms`)
  })

  it('has a Word table per report table, with its header and cells', () => {
    const tables = model.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'))
    const found = html.match(/<table>.*?<\/table>/gs) ?? []
    expect(found.length).toBe(tables.length)
    for (const [i, table] of tables.entries()) {
      const rows = found[i]?.match(/<tr>.*?<\/tr>/gs) ?? []
      expect(rows.length, table.caption).toBe(table.rows.length + 1)
      const cells = (row: string) =>
        (row.match(/<t[dh]>.*?<\/t[dh]>/gs) ?? []).map((c) => decode(c.replace(/<[^>]*>/g, '')))
      expect(cells(rows[0] ?? '')).toEqual(table.head)
      for (const [r, row] of table.rows.entries()) {
        expect(cells(rows[r + 1] ?? '')).toEqual(row.map((c) => c.text))
      }
    }
    // Captions are paragraphs above their tables.
    for (const table of tables) expect(html).toContain(escapeText(table.caption))
  })

  it('has one image per chart, with its title as alt text, in report order', () => {
    const charts = model.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'chart'))
    expect(charts.length).toBe(model.charts.length)
    const images = html.match(/<img [^>]*>/g) ?? []
    expect(images.length).toBe(charts.length)
    for (const [i, chart] of charts.entries()) {
      const alt = /alt="([^"]*)"/.exec(images[i] ?? '')?.[1]
      expect(decode(alt ?? ''), chart.id).toBe(
        `${model.figureLabel} ${chart.number}. ${chart.title}`,
      )
      expect(images[i]).toMatch(/src="data:image\/png;base64,/)
    }
    // Each chart is embedded once, as the very PNG it was given.
    const media = Object.entries(unzipSync(docx)).filter(([name]) => /^word\/media\/./.test(name))
    expect(media.length).toBe(pngs.size)
    for (const [, png] of media) expect(pngSize(png).width).toBeGreaterThan(0)
  })

  it('keeps hostile answers as text and leaves out the small group', () => {
    const text = decode(html.replace(/<[^>]*>/g, ' '))
    for (const answer of HOSTILE_ANSWERS.slice(0, 3)) expect(text).toContain(answer)
    expect(html).not.toMatch(/<script|<img src=x|href="javascript/i)
    expect(text).not.toContain(SECRET)
  })

  it('gives the same bytes for the same model, with no clock inside', async () => {
    const again = await renderDocx(model, { pngs })
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true)
    // Zip entry dates are local time: another time zone must not change them.
    const zone = process.env.TZ
    process.env.TZ = 'Pacific/Kiritimati'
    try {
      const elsewhere = await renderDocx(model, { pngs })
      expect(Buffer.from(elsewhere).equals(Buffer.from(docx))).toBe(true)
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
    const core = new TextDecoder().decode(unzipSync(docx)['docProps/core.xml'])
    expect(core).toContain(`>${DOCX_DATE}</dcterms:created>`)
    expect(core).toContain(`>${DOCX_DATE}</dcterms:modified>`)
  })
})

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
