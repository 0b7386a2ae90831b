import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { renderHtml } from '../../reports/report/render-html.ts'
import { renderMarkdown } from '../../reports/report/render-markdown.ts'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../errors.ts'
import { type AuthEnv, requireAdmin } from '../http/auth.ts'
import { contentSecurityPolicy } from '../http/html.ts'
import { createChartCache, createRenderCache } from '../services/chart-cache.ts'
import { buildReport, chartJson, renderCharts } from '../services/report.ts'
import { parseAnalysisQuery } from './analysis.ts'

/** What the chart and report routes need. */
export interface ChartRouteDeps {
  db: Kysely<Database>
  registry: SurveyRegistry
}

type Extension = 'svg' | 'png' | 'vl.json'

const CONTENT_TYPES: Record<Extension | 'html' | 'md', string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  'vl.json': 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
}

/** Nothing a served file could load or run: charts and reports are self-contained. */
const CSP = contentSecurityPolicy({
  style: ["'unsafe-inline'"],
  img: ['data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
})

/** `name.svg` → [name, 'svg']; `.vl.json` first, since it also ends in `.json`. */
function splitExtension(file: string): [string, Extension] | null {
  for (const ext of ['vl.json', 'svg', 'png'] as const) {
    if (file.endsWith(`.${ext}`) && file.length > ext.length + 1) {
      return [file.slice(0, -(ext.length + 1)), ext]
    }
  }
  return null
}

/**
 * The analysis query to repeat on chart links (never the token `t`), in a fixed order so the
 * same request always gives the same links.
 */
function linkQuery(raw: Record<string, string>): string {
  // Every character but [A-Za-z0-9._~-] percent-encoded, so the link is safe anywhere.
  const encode = (value: string) =>
    encodeURIComponent(value).replace(
      /[!'()*]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
    )
  const pairs = ['by', 'wave', 'waves', 'lang', 'drafts', 'review', 'seed'].flatMap((key) => {
    const value = raw[key]
    // An empty parameter counts as absent (parseQuery): the links leave it out too.
    return value === undefined || value === '' ? [] : [`${key}=${encode(value)}`]
  })
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`
}

/** Whether `If-None-Match` names this ETag (or `*`); weak validators compare equal. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*')
}

/** Sends bytes with an ETag of their hash; 304 when the client already has them. */
function sendCached(c: Context, body: string | Uint8Array, type: string): Response {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`
  c.header('ETag', etag)
  c.header('Cache-Control', 'private, max-age=0, must-revalidate')
  c.header('Content-Security-Policy', CSP)
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
  c.header('Content-Type', type)
  return c.body(new Uint8Array(bytes))
}

/**
 * Chart and report routes (admin):
 * `GET /api/surveys/:id/charts` — every chart `{ id, title, links: { svg, png, vlJson } }`;
 * `GET /api/surveys/:id/charts/:chart.{svg,png,vl.json}` — one chart, with ETag / 304;
 * `GET /api/surveys/:id/report.html` and `report.md` — the gap report, as `gapkit report`
 * writes it. All take the analysis query (`by`, `wave`, `waves`, `lang`, `drafts`, `review`,
 * `seed`); the report's chart links are relative (`charts/<id>.svg`, plus that query when one
 * is given). Mounted at `/api/surveys`.
 */
export function chartRoutes(deps: ChartRouteDeps) {
  const { db, registry } = deps
  const cache = createChartCache(db, registry)
  const rendered = createRenderCache(128)
  return new Hono<AuthEnv>()
    .use('/:id/charts', requireAdmin(db))
    .use('/:id/charts/*', requireAdmin(db))
    .use('/:id/report.html', requireAdmin(db))
    .use('/:id/report.md', requireAdmin(db))
    .get('/:id/charts', async (c) => {
      const raw = c.req.query()
      const options = parseAnalysisQuery(c)
      const survey = c.req.param('id')
      const { doc, charts: entries } = await cache.charts(survey, options)
      const base = `/api/surveys/${encodeURIComponent(survey)}/charts/`
      const query = linkQuery(raw)
      const charts = entries.map((chart) => ({
        id: chart.id,
        title: chart.title,
        links: {
          svg: `${base}${chart.id}.svg${query}`,
          png: `${base}${chart.id}.png${query}`,
          vlJson: `${base}${chart.id}.vl.json${query}`,
        },
      }))
      c.header('Cache-Control', 'no-store')
      return c.json({ survey: doc.survey, version: doc.version, charts })
    })
    .get('/:id/charts/:chart', async (c) => {
      const options = parseAnalysisQuery(c)
      const file = c.req.param('chart')
      const parts = splitExtension(file)
      if (!parts) throw notFound(`no chart "${file}": use <id>.svg, <id>.png or <id>.vl.json`)
      const [id, ext] = parts
      const { charts } = await cache.charts(c.req.param('id'), options)
      const chart = charts.find((x) => x.id === id)
      if (!chart) throw notFound(`no chart "${id}" for this questionnaire and query`)
      if (ext === 'vl.json') return sendCached(c, chartJson(chart), CONTENT_TYPES[ext])
      const bytes = await rendered(chart, ext)
      return sendCached(c, bytes, CONTENT_TYPES[ext])
    })
    .get('/:id/report.html', async (c) => {
      const raw = c.req.query()
      const bundle = await buildReport(db, registry, c.req.param('id'), parseAnalysisQuery(c))
      const files = await renderCharts(bundle.charts, { png: false })
      const svgs = new Map([...files].map(([id, f]) => [id, f.svg]))
      const query = linkQuery(raw)
      const html = renderHtml(bundle.model, {
        svgs,
        chartHref: (id, ext) => `charts/${id}.${ext}${query}`,
      })
      return sendCached(c, html, CONTENT_TYPES.html)
    })
    .get('/:id/report.md', async (c) => {
      const raw = c.req.query()
      const bundle = await buildReport(db, registry, c.req.param('id'), parseAnalysisQuery(c))
      const query = linkQuery(raw)
      const md = renderMarkdown(bundle.model, {
        chartHref: (id, ext) => `charts/${id}.${ext}${query}`,
      })
      return sendCached(c, md, CONTENT_TYPES.md)
    })
}
