import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { escapeHtml } from '../../reports/escape.ts'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { DomainError, notFound } from '../errors.ts'
import { type AuthEnv, actorOf, requireAdmin, requireRole } from '../http/auth.ts'
import { contentSecurityPolicy } from '../http/html.ts'
import { parseJson } from '../http/request.ts'
import {
  chartPage,
  createPublishedCache,
  listPublished,
  lookupPublished,
  type PublishedContent,
  publishedHtml,
  publishedPath,
  publishReport,
  revokePublished,
} from '../services/published-reports.ts'

/** What the published-report routes need. */
export interface PublishedRouteDeps {
  db: Kysely<Database>
  registry: SurveyRegistry
  now: () => Date
}

/** Nothing a published page or chart could load or run, and no framing by another site. */
const CSP = contentSecurityPolicy({
  style: ["'unsafe-inline'"],
  img: ['data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
})

/** A chart's page is made to be framed: by any site (an author's), and it still loads nothing. */
const FRAMEABLE_CSP = `${contentSecurityPolicy({
  style: ["'unsafe-inline'"],
  img: ['data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
})}; frame-ancestors *`

type ChartExtension = 'svg' | 'png' | 'vl.json' | 'html'

const CONTENT_TYPES: Record<ChartExtension, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  'vl.json': 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/** `id.svg` → [id, 'svg']; `.vl.json` first, since it also ends in `.json`. */
function splitExtension(file: string): [string, ChartExtension] | null {
  for (const ext of ['vl.json', 'svg', 'png', 'html'] as const) {
    if (file.endsWith(`.${ext}`) && file.length > ext.length + 1) {
      return [file.slice(0, -(ext.length + 1)), ext]
    }
  }
  return null
}

/** A short page for a link that shows nothing (unknown, revoked, or not available now). */
function messagePage(title: string, text: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 "DejaVu Sans",Arial,sans-serif;margin:3rem auto;max-width:36rem;padding:0 1rem;color:#1a1a1a}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
</body>
</html>
`
}

const GONE = {
  title: 'This report is no longer published',
  text: 'The author has withdrawn this link. Ask them for the current report.',
}
const UNKNOWN = { title: 'No report here', text: 'This link does not open a published report.' }
const UNAVAILABLE = {
  title: 'This report cannot be shown now',
  text: 'Its figures cannot be computed at the moment. Please try again later.',
}

/** Headers of every public answer: never indexed, never cached, never a referrer. */
function publicHeaders(c: Context, csp = CSP): void {
  c.header('Content-Security-Policy', csp)
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Robots-Tag', 'noindex, nofollow')
  c.header('Cache-Control', 'no-store')
}

/** The origin the reader used, for the embed snippets' absolute URLs. */
function originOf(c: Context): string {
  return new URL(c.req.url).origin
}

/**
 * The public side of published reports, with no sign-in (mounted at `/r`):
 * `GET /r/:token` — the report as HTML (self-contained, strict CSP), with an annex of embed
 * snippets; `GET /r/:token/charts/:chart.{svg,png,vl.json,html}` — one chart: its drawing, its
 * Vega-Lite spec (readable by any site, for Vega-Embed) or its page for an iframe (which any
 * site may frame). A revoked link answers 410, an unknown one 404.
 */
export function publishedRoutes(deps: PublishedRouteDeps) {
  const cache = createPublishedCache(deps.db, deps.registry)

  /** The content a token opens, or the page saying why there is none. */
  const open = async (
    c: Context,
  ): Promise<{ content: PublishedContent; lang: string } | Response> => {
    const found = await lookupPublished(deps.db, c.req.param('token') ?? '')
    publicHeaders(c)
    if (found.state === 'revoked') return c.html(messagePage(GONE.title, GONE.text), 410)
    if (found.state === 'unknown') return c.html(messagePage(UNKNOWN.title, UNKNOWN.text), 404)
    try {
      return { content: await cache.content(found.row), lang: found.row.lang }
    } catch (error) {
      // The questionnaire is gone, or its wave no longer has counted responses.
      if (!(error instanceof DomainError)) throw error
      return c.html(messagePage(UNAVAILABLE.title, UNAVAILABLE.text), 503)
    }
  }

  return new Hono()
    .get('/:token', async (c) => {
      const opened = await open(c)
      if (opened instanceof Response) return opened
      const token = c.req.param('token')
      return c.html(publishedHtml(opened.content, { origin: originOf(c), token }))
    })
    .get('/:token/charts/:file', async (c) => {
      const opened = await open(c)
      if (opened instanceof Response) return opened
      const file = c.req.param('file')
      const parts = splitExtension(file)
      const chart = parts ? opened.content.charts.get(parts[0]) : undefined
      if (!parts || !chart) return c.text(`no chart "${file}" in this report`, 404)
      const ext = parts[1]
      // Authors' pages read the spec (Vega-Embed) and frame the page: public, aggregated data.
      c.header('Access-Control-Allow-Origin', '*')
      if (ext === 'html') publicHeaders(c, FRAMEABLE_CSP)
      const body =
        ext === 'png'
          ? await chart.png()
          : ext === 'html'
            ? chartPage(chart, opened.lang)
            : ext === 'svg'
              ? chart.svg
              : chart.vlJson
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
      c.header('Content-Type', CONTENT_TYPES[ext])
      return c.body(new Uint8Array(bytes))
    })
}

export const newPublicationBody = z.strictObject({
  lang: z
    .string()
    .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, 'a language code such as fr')
    .optional(),
  by: z.string().trim().min(1).max(100).optional(),
  wave: z.string().trim().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(200).optional(),
})

/**
 * The lead partner's side (mounted at `/api/surveys`): `GET /:id/publications` lists a
 * questionnaire's published reports (any lead role; never a token), `POST /:id/publications`
 * publishes one (analyst or owner; answers its URL once), `DELETE /:id/publications/:ref`
 * revokes one by id or token prefix (analyst or owner).
 */
export function publicationRoutes(deps: PublishedRouteDeps) {
  const { db, registry, now } = deps
  const survey = (c: Context) => {
    const id = c.req.param('id') ?? ''
    if (!registry.get(id)) throw notFound(`no questionnaire "${id}"`)
    return id
  }
  const viewer = requireAdmin(db, now)
  const analyst = requireRole(db, 'analyst', now)
  // Roles per route, not by a `/:id/publications/*` middleware: Hono's wildcard also matches
  // the bare list path, which made listing need the analyst role.
  return new Hono<AuthEnv>()
    .get('/:id/publications', viewer, async (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json({ publications: await listPublished(db, { survey: survey(c) }) })
    })
    .post('/:id/publications', analyst, async (c) => {
      const id = survey(c)
      const body = await parseJson(c, newPublicationBody)
      const { token, report } = await publishReport(
        db,
        registry,
        { survey: id, ...body },
        actorOf(c.var.principal),
        now().toISOString(),
      )
      const url = `${originOf(c)}${publishedPath(token)}`
      c.header('Cache-Control', 'no-store')
      return c.json({ url, token, publication: report }, 201)
    })
    .delete('/:id/publications/:ref', analyst, async (c) => {
      const id = survey(c)
      const revoked = await revokePublished(
        db,
        c.req.param('ref'),
        actorOf(c.var.principal),
        now().toISOString(),
        id,
      )
      c.header('Cache-Control', 'no-store')
      return c.json(revoked)
    })
}
