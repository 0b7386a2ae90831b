import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { listAdminResponses } from '../admin/responses.ts'
import { ADMIN_LOCALES } from '../admin/text.ts'
import { listProgress } from '../db/repositories/progress.ts'
import { REGION_ID } from '../db/repositories/regions.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../errors.ts'
import { type AuthEnv, actorOf, leadNeeds, requireAdmin } from '../http/auth.ts'
import { pickLocale } from '../http/html.ts'
import { parseJson, parseQuery } from '../http/request.ts'
import {
  createPartnerLink,
  listPartnerLinks,
  revokePartnerLink,
} from '../services/partner-links.ts'
import { qrSvg } from '../services/qr-codes.ts'

const label = (max: number) => z.string().trim().min(1).max(max)

export const newPartnerBody = z.strictObject({
  region: z.string().regex(REGION_ID, 'letters, digits, - and _ only'),
  regionName: label(200).optional(),
  name: label(200),
  group: label(100).optional(),
  wave: label(64).optional(),
})

export const progressQuery = z.strictObject({
  survey: z.string().min(1).max(64).optional(),
  t: z.string().optional(),
})

export const responsesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  region: z.string().min(1).max(64).optional(),
  wave: z.string().min(1).max(64).optional(),
  status: z.enum(['draft', 'submitted']).optional(),
  review: z.enum(['pending', 'approved', 'rejected']).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a language code such as fr')
    .default('en'),
  t: z.string().optional(),
})

export const idParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

/**
 * The dashboard's JSON API (admin token or a lead partner's session; cookie writes pass the CSRF
 * check): progress (every role), partner links (list, create, revoke: analyst or owner) and the
 * paged responses table (reviewer and up). Mounted at `/api/admin`.
 */
export function adminApiRoutes(db: Kysely<Database>, registry: SurveyRegistry, now: () => Date) {
  return new Hono<AuthEnv>()
    .use('*', requireAdmin(db, now))
    .use('*', async (c, next) => {
      await next()
      c.header('Cache-Control', 'no-store')
    })
    .get('/progress', async (c) => {
      const query = parseQuery(c, progressQuery)
      return c.json({ progress: await listProgress(db, { survey: query.survey }) })
    })
    .use('/partners', leadNeeds('analyst'))
    .use('/partners/*', leadNeeds('analyst'))
    .use('/surveys/:id/responses', leadNeeds('reviewer'))
    .get('/partners', async (c) => {
      return c.json(await listPartnerLinks(db))
    })
    .post('/partners', async (c) => {
      const body = await parseJson(c, newPartnerBody)
      const { token, partner } = await createPartnerLink(
        db,
        body,
        actorOf(c.var.principal),
        now().toISOString(),
      )
      const origin = new URL(c.req.url).origin
      // Titles in the dashboard's language, for the printed sheet of links and QR codes.
      const lang = pickLocale({ query: c.req.query('lang') }, ADMIN_LOCALES)
      const forms = registry.list().map((s) => {
        const url = `${origin}/s/${s.id}?t=${token}`
        return { survey: s.id, title: s.title(lang), url, qrSvg: qrSvg(url) }
      })
      return c.json({ token, partner, forms }, 201)
    })
    .delete('/partners/:id', async (c) => {
      const id = idParam.safeParse(c.req.param('id'))
      if (!id.success) throw notFound(`no partner link "${c.req.param('id')}"`)
      return c.json(
        await revokePartnerLink(db, id.data, actorOf(c.var.principal), now().toISOString()),
      )
    })
    .get('/surveys/:id/responses', async (c) => {
      const survey = registry.get(c.req.param('id'))
      if (!survey) throw notFound(`no questionnaire "${c.req.param('id')}"`)
      const q = parseQuery(c, responsesQuery)
      const page = await listAdminResponses(
        db,
        survey,
        { region: q.region, wave: q.wave, status: q.status, review: q.review },
        { page: q.page, pageSize: q.pageSize, locale: q.lang },
      )
      return c.json(page)
    })
}
