import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { type AccountNotice, renderAccountPage } from '../admin/account-page.ts'
import { renderAuditPage } from '../admin/audit-page.ts'
import { adminHref, setPageHeaders } from '../admin/layout.ts'
import { pageSessions, whoOf } from '../admin/page-session.ts'
import { renderUsersPage } from '../admin/users-page.ts'
import type { Database } from '../db/schema.ts'
import { DomainError, ValidationError } from '../errors.ts'
import { actorOf, sessionPrincipal } from '../http/auth.ts'
import { limitBody } from '../http/body-limit.ts'
import { compressResponses } from '../http/compression.ts'
import {
  clearSessionCookie,
  csrfTokenFor,
  hashSessionId,
  passesCsrf,
  resolveSession,
} from '../http/session.ts'
import type { Asset } from '../http/static-assets.ts'
import {
  type AuditFilter,
  checkAuditFilter,
  readAuditFacets,
  readAuditPage,
} from '../services/audit-log.ts'
import { changeOwnPassword, endAllSessions } from '../services/credentials.ts'
import { passwordProblem, type ScryptParams } from '../services/passwords.ts'
import { listAccounts } from '../services/users.ts'

export const passwordForm = z.object({
  csrf: z.string().max(200).optional(),
  lang: z.string().max(10).optional(),
  current: z.string().max(4000),
  password: z.string().max(4000),
  confirm: z.string().max(4000),
})

export const csrfForm = z.object({ csrf: z.string().max(200).optional() })

export const auditQuery = z.object({
  actor: z.string().max(300).optional(),
  action: z.string().max(100).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
})

const AUDIT_PAGE_SIZE = 50

/**
 * The dashboard pages about people: `GET /account` (who you are, your password, log out
 * everywhere), `POST /account/password`, `POST /logout-everywhere`, `GET /users` (owners) and
 * `GET /audit` (owners and analysts). The forms work without JavaScript; the users page changes
 * accounts through `/api/admin/users`. Mounted at `/admin`.
 */
export function adminAccountRoutes(
  db: Kysely<Database>,
  assets: Map<string, Asset>,
  now: () => Date,
  passwords?: ScryptParams,
) {
  const { login, localeOf, pageSession } = pageSessions({ db, assets, now, passwords })
  const userDeps = { db, now, passwords }

  return new Hono()
    .use('/*', compressResponses())
    .use('/*', limitBody(16 * 1024))
    .get('/account', async (c) => {
      const s = await pageSession(c)
      if ('response' in s) return s.response
      const notice = c.req.query('changed') !== undefined ? 'passwordChanged' : undefined
      return c.html(renderAccountPage({ ...s, notice, assets }))
    })
    .post('/account/password', async (c) => {
      setPageHeaders(c)
      const form = passwordForm.safeParse(await c.req.parseBody())
      const locale = localeOf(c, form.success ? form.data.lang : c.req.query('lang'))
      const session = await resolveSession(db, c, now())
      if (!session) return login(c, locale, 401, undefined, '/admin/account')
      const principal = sessionPrincipal(session)
      const s = { locale, principal, csrf: csrfTokenFor(session.sessionId), who: whoOf(principal) }
      const again = (notice: AccountNotice, status: 403 | 422) =>
        c.html(renderAccountPage({ ...s, notice, assets }), status)
      if (!passesCsrf(c, session.sessionId, form.success ? form.data.csrf : undefined)) {
        return again('badOrigin', 403)
      }
      if (principal.kind !== 'user' || !form.success) return again('wrongPassword', 422)
      const { current, password, confirm } = form.data
      if (password !== confirm) return again('passwordMismatch', 422)
      const rule = passwordProblem(password, principal.email)
      if (rule) return again(`pw_${rule.rule}`, 422)
      if (password === current) return again('pw_same', 422)
      try {
        const keep = hashSessionId(session.sessionId)
        await changeOwnPassword(userDeps, principal.userId, { current, next: password }, keep)
      } catch (error) {
        if (error instanceof ValidationError && error.code === 'wrong_password') {
          return again('wrongPassword', 422)
        }
        throw error
      }
      return c.redirect(adminHref('/admin/account', locale, { changed: '1' }), 303)
    })
    .post('/logout-everywhere', async (c) => {
      setPageHeaders(c)
      const form = csrfForm.safeParse(await c.req.parseBody())
      const locale = localeOf(c, c.req.query('lang'))
      const session = await resolveSession(db, c, now())
      if (session) {
        const csrf = form.success ? form.data.csrf : undefined
        if (!passesCsrf(c, session.sessionId, csrf)) return login(c, locale, 403, 'badOrigin')
        const p = sessionPrincipal(session)
        const owner = p.kind === 'user' ? { userId: p.userId } : { tokenId: p.tokenId }
        await endAllSessions(userDeps, owner, actorOf(p))
      }
      clearSessionCookie(c)
      return c.redirect(adminHref('/admin', locale), 303)
    })
    .get('/users', async (c) => {
      const s = await pageSession(c, 'owner')
      if ('response' in s) return s.response
      const users = await listAccounts(userDeps)
      const selfEmail = s.principal.kind === 'user' ? s.principal.email : null
      return c.html(renderUsersPage({ ...s, selfEmail, users, assets }))
    })
    .get('/audit', async (c) => {
      const s = await pageSession(c, 'analyst')
      if ('response' in s) return s.response
      const q = auditQuery.safeParse(c.req.query())
      const given = q.success ? q.data : { page: 1 }
      const filter: AuditFilter = {}
      for (const key of ['actor', 'action', 'from', 'to'] as const) {
        const value = q.success ? q.data[key]?.trim() : undefined
        if (value) filter[key] = value
      }
      const facets = await readAuditFacets(db)
      try {
        const page = await readAuditPage(db, checkAuditFilter(filter), given.page, AUDIT_PAGE_SIZE)
        return c.html(renderAuditPage({ ...s, filter, page, facets, assets }))
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        const page = { entries: [], page: 1, pageSize: AUDIT_PAGE_SIZE, total: 0, pages: 1 }
        const problem = error.message
        return c.html(renderAuditPage({ ...s, filter, page, facets, problem, assets }), 400)
      }
    })
}
