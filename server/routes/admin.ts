import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { h, renderPage, setPageHeaders } from '../admin/layout.ts'
import { type LoginProblem, renderLoginPage } from '../admin/login-page.ts'
import { renderPartnersPage } from '../admin/partners-page.ts'
import { renderProgressPage } from '../admin/progress-page.ts'
import { renderSurveyPage } from '../admin/survey-page.ts'
import { ADMIN_LOCALES, type AdminLocale, adminText } from '../admin/text.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { listProgress, listWaves } from '../db/repositories/progress.ts'
import { listRegions } from '../db/repositories/regions.ts'
import type { Database } from '../db/schema.ts'
import { actorOf, authenticate } from '../http/auth.ts'
import { limitBody } from '../http/body-limit.ts'
import { compressResponses } from '../http/compression.ts'
import { pickLocale } from '../http/html.ts'
import {
  clearSessionCookie,
  closeSession,
  csrfTokenFor,
  isSameOrigin,
  openSession,
  passesCsrf,
  resolveSession,
  setSessionCookie,
} from '../http/session.ts'
import type { Asset } from '../http/static-assets.ts'
import type { MountedRoute } from '../openapi/document.ts'
import { listPartnerLinks } from '../services/partner-links.ts'
import { listCollectionTargets } from '../services/targets.ts'

const loginForm = z.object({
  token: z.string().max(500),
  next: z.string().max(300).optional(),
  lang: z.string().max(10).optional(),
})

const logoutForm = z.object({ csrf: z.string().max(200).optional() })

/** The chart list route (server/routes/charts.ts), embedded live when mounted. */
const CHARTS_ROUTE = '/api/surveys/:id/charts'

/** Only dashboard paths may follow a sign-in: never an open redirect. */
const NEXT_PATH = /^\/admin(\/(partners|surveys\/[a-z0-9][a-z0-9-]{0,62}))?$/

function nextUrl(next: string | undefined, locale: AdminLocale, explicitLang: boolean): string {
  const path = next && NEXT_PATH.test(next) ? next : '/admin'
  return explicitLang ? `${path}?lang=${locale}` : path
}

/**
 * The lead-partner dashboard pages (`/admin`, `/admin/partners`, `/admin/surveys/:id`), sign-in
 * (`GET /admin?t=TOKEN` or `POST /admin/login`) and `POST /admin/logout`. Signing in sets the
 * `gapkit_session` cookie and redirects (303) to the page without the token in its URL.
 * Mounted at `/admin`.
 */
export function adminRoutes(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  assets: Map<string, Asset>,
  now: () => Date,
  routes: () => MountedRoute[] = () => [],
) {
  const login = (
    c: Context,
    locale: AdminLocale,
    status: 200 | 401 | 403,
    problem?: LoginProblem,
    next?: string,
  ) => c.html(renderLoginPage({ locale, problem, next, assets }), status)

  const signIn = async (
    c: Context,
    token: string,
    locale: AdminLocale,
    next: string,
    explicitLang: boolean,
  ) => {
    const principal = await authenticate(db, token)
    if (!principal) return login(c, locale, 401, 'invalidToken', next)
    if (principal.role !== 'admin') return login(c, locale, 403, 'partnerToken', next)
    const at = now()
    const session = await openSession(db, principal.tokenId, at)
    await writeAudit(
      db,
      {
        actor: actorOf(principal),
        action: 'session.open',
        entity: 'token',
        entityId: String(principal.tokenId),
      },
      at.toISOString(),
    )
    setSessionCookie(c, session.id, session.expiresAt, at)
    return c.redirect(nextUrl(next, locale, explicitLang), 303)
  }

  /** Signs in from `?t=`, or finds the session; `{ response }` means the request is answered. */
  const pageSession = async (c: Context) => {
    setPageHeaders(c)
    const lang = c.req.query('lang')
    const locale = pickLocale(
      { query: lang, header: c.req.header('accept-language') },
      ADMIN_LOCALES,
    )
    const token = c.req.query('t')
    if (token !== undefined) {
      return { response: await signIn(c, token, locale, c.req.path, lang !== undefined) }
    }
    const session = await resolveSession(db, c, now())
    if (!session) {
      const status = c.req.path === '/admin' ? 200 : 401
      return { response: login(c, locale, status, undefined, c.req.path) }
    }
    return { locale, csrf: csrfTokenFor(session.sessionId) }
  }

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
      const s = await pageSession(c)
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
    .post('/login', async (c) => {
      setPageHeaders(c)
      const parsed = loginForm.safeParse(await c.req.parseBody())
      const lang = parsed.success ? parsed.data.lang : undefined
      const locale = pickLocale(
        { query: lang, header: c.req.header('accept-language') },
        ADMIN_LOCALES,
      )
      // Login CSRF: a browser always names the page that posted the form.
      const origin = c.req.header('origin')
      if (origin !== undefined && !isSameOrigin(c, origin))
        return login(c, locale, 403, 'badOrigin')
      if (!parsed.success) return login(c, locale, 401, 'invalidToken')
      const next = parsed.data.next ?? '/admin'
      return signIn(c, parsed.data.token.trim(), locale, next, lang !== undefined)
    })
    .post('/logout', async (c) => {
      setPageHeaders(c)
      const header = c.req.header('accept-language')
      const locale = pickLocale({ query: c.req.query('lang'), header }, ADMIN_LOCALES)
      const parsed = logoutForm.safeParse(await c.req.parseBody())
      const session = await resolveSession(db, c, now())
      if (session) {
        const token = parsed.success ? parsed.data.csrf : undefined
        if (!passesCsrf(c, session.sessionId, token)) return login(c, locale, 403, 'badOrigin')
        await closeSession(db, session.sessionId)
        await writeAudit(
          db,
          {
            actor: `token:${session.token.id}`,
            action: 'session.close',
            entity: 'token',
            entityId: String(session.token.id),
          },
          now().toISOString(),
        )
      }
      clearSessionCookie(c)
      return c.redirect('/admin', 303)
    })
}
