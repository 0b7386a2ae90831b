import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { h, renderPage, setPageHeaders } from '../admin/layout.ts'
import { pageSessions } from '../admin/page-session.ts'
import { renderPartnersPage } from '../admin/partners-page.ts'
import { renderProgressPage } from '../admin/progress-page.ts'
import { loadResponsePage, renderResponsePage } from '../admin/response-page.ts'
import { renderSurveyPage } from '../admin/survey-page.ts'
import { adminText } from '../admin/text.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { listProgress, listWaves } from '../db/repositories/progress.ts'
import { listRegions } from '../db/repositories/regions.ts'
import type { Database } from '../db/schema.ts'
import { actorOf, sessionPrincipal } from '../http/auth.ts'
import { limitBody } from '../http/body-limit.ts'
import { compressResponses } from '../http/compression.ts'
import {
  clearSessionCookie,
  closeSession,
  isSameOrigin,
  passesCsrf,
  resolveSession,
} from '../http/session.ts'
import type { Asset } from '../http/static-assets.ts'
import type { MountedRoute } from '../openapi/document.ts'
import { listPartnerLinks } from '../services/partner-links.ts'
import type { ScryptParams } from '../services/passwords.ts'
import { listCollectionTargets } from '../services/targets.ts'

// The password is capped well above its 200 characters so a longer one is refused by the
// check (after the same scrypt work), not told apart by a different page.
export const loginForm = z.object({
  token: z.string().max(500).optional(),
  email: z.string().max(1000).optional(),
  password: z.string().max(4000).optional(),
  next: z.string().max(300).optional(),
  lang: z.string().max(10).optional(),
})

export const logoutForm = z.object({ csrf: z.string().max(200).optional() })

/** The chart list route (server/routes/charts.ts), embedded live when mounted. */
const CHARTS_ROUTE = '/api/surveys/:id/charts'

/**
 * The lead-partner dashboard pages (`/admin`, `/admin/partners`, `/admin/surveys/:id`), sign-in
 * (`POST /admin/login` with an email and password or an admin token, or `GET /admin?t=TOKEN`)
 * and `POST /admin/logout`. Signing in sets the `gapkit_session` cookie and redirects (303) to
 * the page without the token in its URL. Mounted at `/admin`.
 */
export function adminRoutes(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  assets: Map<string, Asset>,
  now: () => Date,
  routes: () => MountedRoute[] = () => [],
  passwords?: ScryptParams,
) {
  const { login, localeOf, withToken, withPassword, pageSession } = pageSessions({
    db,
    assets,
    now,
    passwords,
  })

  return new Hono()
    .use('/', compressResponses())
    .use('/*', compressResponses())
    .use('/*', limitBody(16 * 1024))
    .get('/', async (c) => {
      const s = await pageSession(c)
      if ('response' in s) return s.response
      const [progress, regions, targets] = await Promise.all([
        listProgress(db),
        listRegions(db),
        listCollectionTargets(db),
      ])
      const surveys = registry.list().map((v) => ({ id: v.id, title: v.title(s.locale) }))
      return c.html(renderProgressPage({ ...s, surveys, progress, regions, targets, assets }))
    })
    .get('/partners', async (c) => {
      const s = await pageSession(c, 'analyst')
      if ('response' in s) return s.response
      const { partners, regions } = await listPartnerLinks(db)
      return c.html(renderPartnersPage({ ...s, partners, regions, assets }))
    })
    .get('/surveys/:id', async (c) => {
      const s = await pageSession(c)
      if ('response' in s) return s.response
      const survey = registry.get(c.req.param('id'))
      if (!survey) {
        const text = adminText(s.locale).noSurvey
        const body = `<p class="ak-alert" role="alert">${h(text)}</p>`
        return c.html(renderPage({ ...s, title: text, path: '/admin', body, assets }), 404)
      }
      const [regions, waves] = await Promise.all([listRegions(db), listWaves(db, survey.id)])
      const charts = routes().some((r) => r.method === 'GET' && r.path === CHARTS_ROUTE)
      return c.html(renderSurveyPage({ ...s, survey, regions, waves, charts, assets }))
    })
    .get('/surveys/:id/responses/:rid', async (c) => {
      const s = await pageSession(c, 'reviewer')
      if ('response' in s) return s.response
      const survey = registry.get(c.req.param('id'))
      const data = survey ? await loadResponsePage(db, survey, c.req.param('rid')) : undefined
      if (!survey || !data) {
        const text = adminText(s.locale).noResponse
        const body = `<p class="ak-alert" role="alert">${h(text)}</p>`
        return c.html(renderPage({ ...s, title: text, path: '/admin', body, assets }), 404)
      }
      return c.html(renderResponsePage({ ...s, survey, data, assets }))
    })
    .post('/login', async (c) => {
      setPageHeaders(c)
      const parsed = loginForm.safeParse(await c.req.parseBody())
      const lang = parsed.success ? parsed.data.lang : undefined
      const locale = localeOf(c, lang)
      // Login CSRF: a browser always names the page that posted the form.
      const origin = c.req.header('origin')
      if (origin !== undefined && !isSameOrigin(c, origin))
        return login(c, locale, 403, 'badOrigin')
      if (!parsed.success) return login(c, locale, 401, 'invalidCredentials')
      const { email, password, token } = parsed.data
      const next = parsed.data.next ?? '/admin'
      if (email !== undefined) {
        return withPassword(
          c,
          { email, password: password ?? '' },
          locale,
          next,
          lang !== undefined,
        )
      }
      if (token === undefined) return login(c, locale, 401, 'invalidCredentials', next)
      return withToken(c, token.trim(), locale, next, lang !== undefined)
    })
    .post('/logout', async (c) => {
      setPageHeaders(c)
      const locale = localeOf(c, c.req.query('lang'))
      const parsed = logoutForm.safeParse(await c.req.parseBody())
      const session = await resolveSession(db, c, now())
      if (session) {
        const token = parsed.success ? parsed.data.csrf : undefined
        if (!passesCsrf(c, session.sessionId, token)) return login(c, locale, 403, 'badOrigin')
        await closeSession(db, session.sessionId)
        const principal = sessionPrincipal(session)
        await writeAudit(
          db,
          {
            actor: actorOf(principal),
            action: 'session.close',
            entity: principal.kind === 'user' ? 'user' : 'token',
            entityId: principal.kind === 'user' ? principal.email : String(principal.tokenId),
          },
          now().toISOString(),
        )
      }
      clearSessionCookie(c)
      return c.redirect('/admin', 303)
    })
}
