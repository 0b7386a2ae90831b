/**
 * Published reports: a read-only link that opens the report without any token, shows only the
 * report's suppressed, aggregated figures (never a figure of the region under k, never the
 * answers of that region, never a partner's name or token), escapes hostile labels, serves
 * each chart for authors' pages, and stops at once when revoked.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { EVIL_REGION, HOSTILE_ANSWERS, SECRET, seedHostile } from '../../fixtures/report/hostile.ts'
import { launchBrowser, listen, screenshotDir } from '../../helpers/browser.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

/** A label that tries to run: the questionnaire's title and a choice label carry it. */
const SCRIPT_LABEL = '<script>alert("label")</script>'
/** The region under k = 5 (2 respondents): only its n may show. */
const SMALL = 'Heart of Slovenia'

/** The example questionnaire with script in its title and in a choice label. */
function hostileSurvey(): SurveyJson {
  const json = JSON.parse(readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'))
  json.title = { default: `Example ${SCRIPT_LABEL}`, fr: 'Exemple' }
  const stakeholder = json.pages[0].elements.find((e: { name: string }) => e.name === 'stakeholder')
  stakeholder.choices[1].text = { default: `Bank ${SCRIPT_LABEL}`, fr: 'Banque' }
  return json
}

let t: TestApp
let token: string
let url: string
let publicationId: number

beforeAll(async () => {
  t = await createTestApp({ example: hostileSurvey() })
  await seedHostile(t)
  const res = await t.send('POST', '/api/surveys/example/publications', t.admin, {
    name: 'Ministry review',
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const body = (await res.json()) as { url: string; token: string; publication: { id: number } }
  token = body.token
  url = new URL(body.url).pathname
  publicationId = body.publication.id
}, 60_000)

afterAll(async () => {
  await t.close()
})

/** A request as a ministry's browser sends it: no token, no cookie. */
const open = (path: string) => t.app.request(path)

/** Cells of each HTML table: [head, rows of cell texts], entities decoded. */
function tables(html: string): { caption: string; head: string[]; rows: string[][] }[] {
  const text = (s: string) => decodeEntities(s.replace(/<[^>]*>/g, ''))
  return (html.match(/<table>.*?<\/table>/gs) ?? []).map((table) => {
    const [headRow = '', ...bodyRows] = table.match(/<tr>.*?<\/tr>/gs) ?? []
    const cells = (row: string) => (row.match(/<t[hd][^>]*>.*?<\/t[hd]>/gs) ?? []).map(text)
    return {
      caption: text(/<caption>(.*?)<\/caption>/s.exec(table)?.[1] ?? ''),
      head: cells(headRow),
      rows: bodyRows.map(cells),
    }
  })
}

/** A figure other than a count: decimals, percentages, signed gaps, intervals. */
const FIGURE = /\d[.,]\d|\d\s?%|[+−]\d|\[\d/

describe('a published report', () => {
  let html: string

  beforeAll(async () => {
    const res = await open(url)
    expect(res.status).toBe(200)
    html = await res.text()
    writeFileSync(path.join(screenshotDir(), '..', 'published.html'), html)
  }, 60_000)

  it('opens without a token, never cached or indexed, under a strict CSP', async () => {
    expect(url).toMatch(/^\/r\/gkr_[A-Za-z0-9_-]{43}$/)
    const res = await open(url)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(html).toContain('<h1>Example &lt;script&gt;')
    expect(html).toContain('Importance–performance analysis')
  })

  it('escapes hostile labels, region names and answers: no markup of theirs survives', () => {
    // Tags with their quoted values emptied: escaped text inside a value is no attribute.
    const tags = (html.match(/<[^>]*>/g) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'))
    const hostile = tags.filter(
      (tag) =>
        /^<\/?\s*(script|img|iframe|object|embed)\b/i.test(tag) ||
        /\son\w+\s*=|javascript:/i.test(tag),
    )
    expect(hostile).toEqual([])
    expect(html).toContain('Bank &lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;')
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt;')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // The embed snippets are text to copy, not markup of the page.
    expect(html).toContain('&lt;iframe src=&quot;http://localhost/r/')
  })

  it('shows no figure of the region under k: only its n, in tables, charts and specs', async () => {
    let seen = 0
    for (const table of tables(html)) {
      const column = table.head.indexOf(SMALL)
      for (const row of table.rows) {
        const cells = row[0] === SMALL ? row.slice(1) : column > 0 ? [row[column] ?? ''] : []
        for (const cell of cells) {
          seen++
          expect(cell, `${table.caption}: ${cell}`).not.toMatch(FIGURE)
          // A count may show (the group's n, 2, or a type with none): nothing larger.
          for (const n of cell.match(/\d+/g) ?? []) expect(Number(n)).toBeLessThanOrEqual(5)
        }
      }
    }
    expect(seen).toBeGreaterThan(20)
    // Data marks of the charts name the group without a value.
    const marks = html.match(/aria-label="[^"]*(group|row|Region): Heart of Slovenia[^"]*"/g) ?? []
    expect(marks.length).toBeGreaterThan(3)
    for (const mark of marks) {
      expect(mark.replace(/(n|Respondents): \d+|n &lt; 5/g, '')).not.toMatch(/\d/)
    }
    // The open answers of the small region and the partners' names and tokens never show.
    expect(html).not.toContain(SECRET)
    for (const secret of ['Partner A', 'Partner B', 'Evil partner', t.admin, t.partnerA]) {
      expect(html).not.toContain(secret)
    }
    expect(html).not.toContain('@example.org')
    // Every chart's spec: the group's data carry its n and nothing else numeric.
    const ids = [...html.matchAll(/charts\/([a-z0-9.-]+)\.vl\.json/g)].map((m) => m[1] ?? '')
    expect(new Set(ids).size).toBeGreaterThan(5)
    for (const id of new Set(ids)) {
      const spec = await (await open(`${url}/charts/${id}.vl.json`)).text()
      expect(spec).not.toContain(SECRET)
      for (const datum of dataValues(JSON.parse(spec))) {
        if (!JSON.stringify(datum).includes(SMALL)) continue
        for (const [key, value] of Object.entries(datum)) {
          if (key !== 'n' && key !== 'order')
            expect(typeof value, `${id} ${key}`).not.toBe('number')
        }
      }
    }
  })

  it('keeps the answers the report quotes and no others', () => {
    for (const answer of HOSTILE_ANSWERS.slice(0, 2)) {
      expect(html).toContain(answer.replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    }
    expect(html).toContain(EVIL_REGION.name.replace(/</g, '&lt;').replace(/>/g, '&gt;'))
  })

  it('serves each chart: SVG, PNG, spec for any site, and a page any site may frame', async () => {
    const id = 'example.gap-heatmap.all'
    const svg = await open(`${url}/charts/${id}.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(await svg.text()).toMatch(/^<svg/)
    const png = await open(`${url}/charts/${id}.png`)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
    const spec = await open(`${url}/charts/${id}.vl.json`)
    expect(spec.headers.get('access-control-allow-origin')).toBe('*')
    expect(JSON.parse(await spec.text()).$schema).toMatch(/vega-lite/)
    const page = await open(`${url}/charts/${id}.html`)
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/)
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
    // X-Frame-Options: DENY would forbid the framing the CSP allows (browsers before CSP 2).
    expect(page.headers.get('x-frame-options')).toBeNull()
    expect(spec.headers.get('x-frame-options')).toBe('DENY')
    const body = await page.text()
    expect(body).toContain('<svg')
    expect(body).not.toMatch(/<script/i)
    expect((await open(`${url}/charts/nope.svg`)).status).toBe(404)
    expect((await open(`${url}/charts/${id}.exe`)).status).toBe(404)
  })

  it('lists the embed snippets of every chart in an annex', () => {
    const figures = (html.match(/<figure class="chart"/g) ?? []).length
    expect(figures).toBeGreaterThan(5)
    expect((html.match(/&lt;iframe src=/g) ?? []).length).toBe(figures)
    expect((html.match(/vegaEmbed\(/g) ?? []).length).toBe(figures)
    expect(html).toContain('<h2>Embedding the charts</h2>')
  })
})

describe('publishing and revoking', () => {
  it('needs a lead partner to publish (analyst and up) and never lists a token', async () => {
    const path = '/api/surveys/example/publications'
    expect((await t.send('POST', path, null, {})).status).toBe(401)
    expect((await t.send('POST', path, t.partnerA, {})).status).toBe(403)
    expect((await t.send('GET', path, t.partnerA)).status).toBe(403)
    expect((await t.send('POST', path, t.admin, { by: 'nowhere' })).status).toBe(400)
    expect((await t.send('POST', path, t.admin, { wave: '1999' })).status).toBe(400)
    expect((await t.send('POST', '/api/surveys/nope/publications', t.admin, {})).status).toBe(404)
    const list = await t.send('GET', path, t.admin)
    const text = await list.text()
    expect(text).not.toContain(token)
    expect(text).not.toContain('token_hash')
    expect(JSON.parse(text).publications[0]).toMatchObject({
      id: publicationId,
      name: 'Ministry review',
      state: 'live',
      prefix: token.slice(0, 12),
    })
  })

  it('answers 404 for a link that is not one', async () => {
    expect((await open('/r/gkr_nope')).status).toBe(404)
    expect((await open(`/r/gkr_${'A'.repeat(43)}`)).status).toBe(404)
    expect((await open(`/r/${t.admin}`)).status).toBe(404)
  })

  it('embeds a chart in another site with both snippets (iframe, Vega-Embed) in Chromium', async () => {
    const server = await listen(t)
    // The snippets as the published page gives them, for the heatmap.
    const published = await (await fetch(`${server.url}${url}`)).text()
    const [iframe = '', vegaEmbed = ''] = (published.match(/<dd>.*?<\/dd>/gs) ?? [])
      .map((dd) => decodeEntities(dd.replace(/<\/?dd>/g, '')))
      .filter((snippet) => snippet.includes('example.gap-heatmap.all.'))
    expect(iframe).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/r\/gkr_/)
    expect(vegaEmbed).toContain('cdn.jsdelivr.net/npm/vega-embed@7')
    // The author's page, on another origin (another port); Vega from this machine, not a CDN.
    const local = vegaEmbed.replace(
      /https:\/\/cdn\.jsdelivr\.net\/npm\/(vega|vega-lite|vega-embed)@\d+/g,
      '/$1.min.js',
    )
    const require = createRequire(import.meta.url)
    const author = serve({
      fetch: (request) => {
        const file = /^\/(vega|vega-lite|vega-embed)\.min\.js$/.exec(new URL(request.url).pathname)
        if (file) {
          const dir = path.dirname(require.resolve(file[1] ?? ''))
          return new Response(readFileSync(path.join(dir, `${file[1]}.min.js`)), {
            headers: { 'content-type': 'text/javascript' },
          })
        }
        const page = `<!DOCTYPE html><meta charset="utf-8"><h1>Author</h1>${iframe}${local}`
        return new Response(page, { headers: { 'content-type': 'text/html' } })
      },
      port: 0,
      hostname: '127.0.0.1',
    })
    await new Promise<void>((resolve) => author.once('listening', () => resolve()))
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const { port } = author.address() as AddressInfo
      await page.goto(`http://127.0.0.1:${port}/`)
      // The iframe shows the chart although the author's page is another site.
      await page.frameLocator('iframe').locator('svg').first().waitFor({ timeout: 10_000 })
      // Vega-Embed read the spec across origins and drew it.
      await page.locator('#gapkit-example-gap-heatmap-all .marks').waitFor({ timeout: 10_000 })
      await page.screenshot({ path: path.join(screenshotDir(), 'published-embed.png') })
      const report = await browser.newPage()
      await report.goto(`${server.url}${url}`)
      await report.screenshot({ path: path.join(screenshotDir(), 'published-report.png') })
      await report.goto(`${server.url}${url}#embed`)
      await report.screenshot({ path: path.join(screenshotDir(), 'published-embed-annex.png') })
    } finally {
      await browser.close()
      author.close()
      await server.close()
    }
  }, 60_000)

  it('is published and revoked from the questionnaire page of the dashboard', async () => {
    const server = await listen(t)
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
      await page.goto(`${server.url}/admin?t=${t.admin}`)
      await page.goto(`${server.url}/admin/surveys/example#ak-downloads`)
      await page.locator('#ak-publications tbody tr[data-publication]').first().waitFor()
      expect(await page.locator('a[data-report="zip"]').getAttribute('href')).toMatch(
        /^\/api\/surveys\/example\/report\.zip\?/,
      )
      await page.fill('#ak-pub-name', 'Board')
      await page.click('#ak-publish')
      const link = page.locator('#ak-published-url')
      await link.waitFor({ state: 'visible' })
      const published = (await link.textContent()) ?? ''
      expect(published).toMatch(/\/r\/gkr_/)
      const row = page.locator('#ak-publications tr', { hasText: 'Board' })
      await row.locator('.ak-approved').waitFor()
      await page.locator('#ak-downloads').screenshot({
        path: path.join(screenshotDir(), 'published-dashboard.png'),
      })
      expect((await fetch(published)).status).toBe(200)
      // Two clicks: the first arms the button.
      await row.locator('button[data-unpublish]').click()
      await row.locator('button[data-unpublish]').click()
      await row.locator('.ak-rejected').waitFor()
      expect((await fetch(published)).status).toBe(410)
    } finally {
      await browser.close()
      await server.close()
    }
  }, 90_000)

  it('stops at once when revoked: 410 for the page and every chart', async () => {
    const path = `/api/surveys/example/publications/${publicationId}`
    expect((await t.send('DELETE', path, t.partnerA)).status).toBe(403)
    const res = await t.send('DELETE', path, t.admin)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { state: string }).state).toBe('revoked')
    const gone = await open(url)
    expect(gone.status).toBe(410)
    const page = await gone.text()
    expect(page).toContain('no longer published')
    expect(page).not.toContain('Example')
    for (const ext of ['svg', 'png', 'vl.json', 'html']) {
      expect((await open(`${url}/charts/example.gap-heatmap.all.${ext}`)).status).toBe(410)
    }
    expect((await t.send('DELETE', path, t.admin)).status).toBe(409)
    const audit = await listAudit(t.db.kysely, {
      entity: 'published_report',
      entityId: String(publicationId),
    })
    expect(audit.map((a) => a.action)).toEqual(['report.publish', 'report.unpublish'])
  })
})

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Every inline data value of a Vega-Lite spec (top level, layers, facets, datasets). */
function dataValues(spec: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item)
    else if (node && typeof node === 'object') {
      const values = (node as { values?: unknown }).values
      if (Array.isArray(values)) {
        for (const v of values)
          if (v && typeof v === 'object') out.push(v as Record<string, unknown>)
      }
      for (const child of Object.values(node)) walk(child)
    }
  }
  walk(spec)
  return out
}
