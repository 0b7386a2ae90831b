import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertRegion } from '../../../server/db/repositories/regions.ts'
import { handleError } from '../../../server/errors.ts'
import { chartRoutes } from '../../../server/routes/charts.ts'
import { EVIL_REGION, HOSTILE_ANSWERS, SECRET, seedHostile } from '../../fixtures/report/hostile.ts'
import { launchBrowser } from '../../helpers/browser.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
let app: Hono
const LIST = '/api/surveys/example/charts'

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
  await seedHostile(t)
  // The routes as the lead mounts them in createApp: one sub-app, the shared error handler.
  app = new Hono()
  app.route('/api/surveys', chartRoutes({ db: t.db.kysely, registry: t.registry }))
  app.onError(handleError)
}, 60_000)

afterAll(async () => {
  await t.close()
})

const get = (url: string, token: string | null = t.admin, headers: Record<string, string> = {}) =>
  app.request(url, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  })

interface ChartList {
  survey: string
  charts: { id: string; title: string; links: { svg: string; png: string; vlJson: string } }[]
}

describe('GET /api/surveys/:id/charts', () => {
  it('needs the admin token: 401 without, 403 for a partner', async () => {
    for (const url of [
      LIST,
      `${LIST}/x.svg`,
      '/api/surveys/example/report.html',
      '/api/surveys/example/report.md',
    ]) {
      expect((await get(url, null)).status, url).toBe(401)
      expect((await get(url, t.partnerA)).status, url).toBe(403)
    }
  })

  it('lists every chart with stable links that honour the query', async () => {
    const res = await get(`${LIST}?lang=fr&by=region&t=secret-token`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as ChartList
    expect(body.survey).toBe('example')
    expect(body.charts.length).toBeGreaterThan(5)
    const heatmap = body.charts.find((c) => c.id === 'example.gap-heatmap.all')
    expect(heatmap?.title).toMatch(/^Écart/)
    expect(heatmap?.links).toEqual({
      svg: '/api/surveys/example/charts/example.gap-heatmap.all.svg?by=region&lang=fr',
      png: '/api/surveys/example/charts/example.gap-heatmap.all.png?by=region&lang=fr',
      vlJson: '/api/surveys/example/charts/example.gap-heatmap.all.vl.json?by=region&lang=fr',
    })
    const again = (await (await get(`${LIST}?lang=fr&by=region`)).json()) as ChartList
    expect(again.charts.map((c) => c.id)).toEqual(body.charts.map((c) => c.id))
  })

  it('answers 400 for a bad query and 404 for an unknown questionnaire', async () => {
    expect((await get(`${LIST}?by=nowhere`)).status).toBe(400)
    expect((await get('/api/surveys/nope/charts')).status).toBe(404)
  })
})

describe('GET /api/surveys/:id/charts/:chart', () => {
  const base = `${LIST}/example.gap-heatmap.all`

  it('serves svg, png and vl.json with an ETag, and 304 when unchanged', async () => {
    const types = { svg: 'image/svg+xml', png: 'image/png', 'vl.json': 'application/json' }
    for (const [ext, type] of Object.entries(types)) {
      const res = await get(`${base}.${ext}`)
      expect(res.status, ext).toBe(200)
      expect(res.headers.get('content-type')).toContain(type)
      expect(res.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate')
      const etag = res.headers.get('etag') ?? ''
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
      const bytes = Buffer.from(await res.arrayBuffer())
      if (ext === 'png') expect(bytes.subarray(1, 4).toString()).toBe('PNG')
      if (ext === 'svg') expect(bytes.toString()).toMatch(/^<svg[^>]*>/)
      if (ext === 'vl.json') {
        const spec = JSON.parse(bytes.toString())
        expect(spec.data.values.length).toBeGreaterThan(0)
        expect(bytes.toString()).toContain('\n  "')
      }
      // The same bytes again: same ETag; with If-None-Match: 304 and no body.
      const second = await get(`${base}.${ext}`)
      expect(second.headers.get('etag')).toBe(etag)
      const cached = await get(`${base}.${ext}`, t.admin, { 'If-None-Match': `W/${etag}, "x"` })
      expect(cached.status).toBe(304)
      expect(cached.headers.get('etag')).toBe(etag)
      expect((await cached.arrayBuffer()).byteLength).toBe(0)
      const stale = await get(`${base}.${ext}`, t.admin, { 'If-None-Match': '"other"' })
      expect(stale.status).toBe(200)
    }
  })

  it('answers 404 JSON for an unknown chart or extension', async () => {
    for (const url of [`${LIST}/example.nope.all.svg`, `${base}.gif`, `${LIST}/.svg`]) {
      const res = await get(url)
      expect(res.status, url).toBe(404)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('not_found')
    }
  })

  it('keeps the hostile region name inert inside the SVG', async () => {
    const svg = await (await get(`${base}.svg`)).text()
    expect(svg).toContain('&lt;b&gt;Evil&lt;/b&gt;')
    expect(svg).not.toMatch(/<(b|img|script)\b/i)
    expect(svg.match(/<\/svg>/g)?.length).toBe(1)
  })
})

describe('GET /api/surveys/:id/report.{html,md}', () => {
  let html = ''
  let md = ''
  beforeAll(async () => {
    const resHtml = await get('/api/surveys/example/report.html')
    expect(resHtml.status).toBe(200)
    expect(resHtml.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(resHtml.headers.get('content-security-policy')).toContain("default-src 'none'")
    html = await resHtml.text()
    const resMd = await get('/api/surveys/example/report.md')
    expect(resMd.status).toBe(200)
    expect(resMd.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    md = await resMd.text()
  }, 60_000)

  it('escapes hostile answers and names in HTML', () => {
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(1\)>/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('[x](javascript:alert(1))')
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt;')
    expect(html).not.toContain('href="javascript')
  })

  it('escapes hostile answers in Markdown and links charts relative to the report', () => {
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>')
    expect(md).toContain('\\[x\\](javascript:alert(1))')
    expect(md).toContain('\\| pipe \\|')
    expect(md).toContain('\\<b\\>Evil\\</b\\>')
    expect(md).not.toMatch(/(^|[^\\])<(script|img|b)\b/)
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/)
    expect(md).toContain('![')
    expect(md).toMatch(/\]\(charts\/example\.gap-heatmap\.all\.svg\)/)
  })

  it('anonymises open answers and hides those of a group under k', () => {
    for (const text of [html, md]) {
      expect(text).not.toContain('anna.b@example.org')
      expect(text).not.toContain('12 34 56 78')
      expect(text).toContain('25 000 €')
      expect(text).not.toContain(SECRET)
      expect(text).toContain('Heart of Slovenia (n = 2)')
      expect(text).toContain('answers not shown')
    }
    expect(html).toContain('[e-mail removed]')
    expect(md).toContain('\\[e-mail removed\\]')
    expect(html).toContain('<td class="num muted">n &lt; 5</td>')
    expect(md).toContain('| n \\< 5 |')
  })

  it('renders in Chromium with no request, no console error and no script', async () => {
    const browser = await launchBrowser()
    try {
      const file = path.join(t.dir, 'report.html')
      writeFileSync(file, html)
      const page = await browser.newPage()
      const requests: string[] = []
      const errors: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(String(e)))
      let dialogs = 0
      page.on('dialog', (d) => {
        dialogs++
        void d.dismiss()
      })
      await page.goto(`file://${file}`)
      expect(requests).toEqual([`file://${file}`])
      expect(errors).toEqual([])
      expect(dialogs).toBe(0)
      const dom = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        bold: document.querySelectorAll('main b').length,
        svgs: document.querySelectorAll('figure svg').length,
        figures: document.querySelectorAll('figure').length,
        text: document.body.textContent ?? '',
      }))
      expect(dom.scripts).toBe(0)
      expect(dom.images).toBe(0)
      expect(dom.bold).toBe(0)
      expect(dom.svgs).toBe(dom.figures)
      for (const answer of HOSTILE_ANSWERS.slice(0, 4)) expect(dom.text).toContain(answer)
      expect(dom.text).toContain(EVIL_REGION.name)
    } finally {
      await browser.close()
    }
  })
})

describe('chart cache', () => {
  it('serves a fresh chart as soon as the data changes', async () => {
    const own = await createTestApp(path.join(FIXTURES, 'surveys'))
    try {
      await seedHostile(own)
      const routes = new Hono()
      routes.route('/api/surveys', chartRoutes({ db: own.db.kysely, registry: own.registry }))
      routes.onError(handleError)
      const url = `${LIST}/example.response-progress.all.vl.json`
      const etag = async () => {
        const res = await routes.request(url, { headers: { Authorization: `Bearer ${own.admin}` } })
        expect(res.status).toBe(200)
        return res.headers.get('etag')
      }
      const first = await etag()
      expect(await etag()).toBe(first)
      await upsertRegion(own.db.kysely, { id: 'FR-93', name: 'Renamed' }, '2026-01-02T00:00:00Z')
      const renamed = await etag()
      expect(renamed).not.toBe(first)
      const res = await own.send('POST', '/api/surveys/example/responses', own.partnerB, {
        answers: { consent: true, stakeholder: 'bank', satisfaction: 3 },
      })
      expect(res.status).toBe(201)
      expect(await etag()).not.toBe(renamed)
    } finally {
      await own.close()
    }
  })
})
