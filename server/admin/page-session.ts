/**
 * Signing in to the dashboard and finding the session of a page: by email and password (a
 * person's account) or by an admin token (scripts, the demo). A page answers with the sign-in
 * form when there is no session, sends a person still on a one-time password to choose their
 * own, and refuses a role too low for it.
 */
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import { writeAudit } from '../db/repositories/audit.ts'
import type { Database, UserRole } from '../db/schema.ts'
import {
  actorOf,
  authenticate,
  hasRole,
  type Principal,
  sessionPrincipal,
  userPrincipalOf,
} from '../http/auth.ts'
import { pickLocale } from '../http/html.ts'
import { csrfTokenFor, openSession, resolveSession, setSessionCookie } from '../http/session.ts'
import type { Asset } from '../http/static-assets.ts'
import { checkSignIn } from '../services/credentials.ts'
import type { ScryptParams } from '../services/passwords.ts'
import { adminHref, h, renderPage, setPageHeaders, type Who } from './layout.ts'
import { type LoginProblem, renderLoginPage } from './login-page.ts'
import { ADMIN_LOCALES, type AdminLocale, adminText } from './text.ts'

/** Only dashboard paths may follow a sign-in: never an open redirect. */
const NEXT_PATH =
  /^\/admin(\/(partners|users|audit|account|questionnaires(\/uploads\/u_[0-9a-f]{16}\/preview)?|surveys\/[a-z0-9][a-z0-9-]{0,62}(\/responses\/[A-Za-z0-9_-]{1,64})?))?$/

/** Where a page may go after signing in (`/admin` for anything else). */
export function nextUrl(next: string | undefined, locale: AdminLocale, explicitLang: boolean) {
  const path = next && NEXT_PATH.test(next) ? next : '/admin'
  return explicitLang ? `${path}?lang=${locale}` : path
}

/** What a page handler gets once the request is signed in. */
export interface PageSession {
  locale: AdminLocale
  csrf: string
  sessionId: string
  principal: Principal
  who: Who
}

/** How the navigation names and treats the signed-in principal (a token by its name). */
export function whoOf(p: Principal): Who {
  return { kind: p.kind, name: p.name, role: p.leadRole ?? 'viewer' }
}

export interface PageSessionDeps {
  db: Kysely<Database>
  assets: Map<string, Asset>
  now: () => Date
  /** scrypt cost of rehashed passwords (default the documented one). */
  passwords?: ScryptParams
}

/** The sign-in flows and the page-session lookup of the dashboard. */
export function pageSessions(deps: PageSessionDeps) {
  const { db, assets, now } = deps
  const localeOf = (c: Context, lang?: string) =>
    pickLocale({ query: lang, header: c.req.header('accept-language') }, ADMIN_LOCALES)

  const login = (
    c: Context,
    locale: AdminLocale,
    status: 200 | 401 | 403,
    problem?: LoginProblem,
    next?: string,
    email?: string,
  ) => c.html(renderLoginPage({ locale, problem, next, email, assets }), status)

  const opened = async (c: Context, principal: Principal, at: Date, goTo: string) => {
    const owner =
      principal.kind === 'user' ? { userId: principal.userId } : { tokenId: principal.tokenId }
    const session = await openSession(db, owner, at)
    await writeAudit(
      db,
      {
        actor: actorOf(principal),
        action: 'session.open',
        entity: principal.kind === 'user' ? 'user' : 'token',
        entityId: principal.kind === 'user' ? principal.email : String(principal.tokenId),
      },
      at.toISOString(),
    )
    setSessionCookie(c, session.id, session.expiresAt, at)
    return c.redirect(goTo, 303)
  }

  /** Signs in with an admin token (`?t=` or the token field of the form). */
  const withToken = async (
    c: Context,
    token: string,
    locale: AdminLocale,
    next: string,
    explicitLang: boolean,
  ) => {
    const principal = await authenticate(db, token)
    if (!principal) return login(c, locale, 401, 'invalidToken', next)
    if (principal.role !== 'admin') return login(c, locale, 403, 'partnerToken', next)
    return opened(c, principal, now(), nextUrl(next, locale, explicitLang))
  }

  /**
   * Signs in with an email and password. A wrong password and an unknown email get the same
   * page after the same scrypt work; a disabled account is named only after its right password.
   */
  const withPassword = async (
    c: Context,
    input: { email: string; password: string },
    locale: AdminLocale,
    next: string,
    explicitLang: boolean,
  ) => {
    const check = await checkSignIn(
      { db, now, passwords: deps.passwords },
      input.email,
      input.password,
    )
    const email = input.email.trim().slice(0, 254)
    if (!check.ok && check.reason === 'disabled') {
      return login(c, locale, 403, 'accountDisabled', next, email)
    }
    if (!check.ok) return login(c, locale, 401, 'invalidCredentials', next, email)
    const principal = userPrincipalOf(check.user)
    const goTo = principal.mustChangePassword
      ? adminHref('/admin/account', locale)
      : nextUrl(next, locale, explicitLang)
    return opened(c, principal, now(), goTo)
  }

  /** A page refused to this role: 403 with a short explanation inside the dashboard. */
  const refused = (c: Context, s: PageSession, min: UserRole) => {
    const t = adminText(s.locale)
    const text = t.roleTooLow.replace('{role}', t[`role_${min}`])
    const body = `<p class="ak-alert" role="alert">${h(text)}</p>`
    const page = renderPage({ ...s, title: t.forbiddenTitle, path: '/admin', body, assets })
    return c.html(page, 403)
  }

  /**
   * Signs in from `?t=`, or finds the session, then checks the role a page needs; `{ response }`
   * means the request is answered (sign-in form, redirect, or refusal).
   */
  const pageSession = async (
    c: Context,
    min: UserRole = 'viewer',
  ): Promise<PageSession | { response: Response }> => {
    setPageHeaders(c)
    const lang = c.req.query('lang')
    const locale = localeOf(c, lang)
    const token = c.req.query('t')
    if (token !== undefined) {
      return { response: await withToken(c, token, locale, c.req.path, lang !== undefined) }
    }
    const session = await resolveSession(db, c, now())
    if (!session) {
      const status = c.req.path === '/admin' ? 200 : 401
      return { response: login(c, locale, status, undefined, c.req.path) }
    }
    const principal = sessionPrincipal(session)
    const s: PageSession = {
      locale,
      csrf: csrfTokenFor(session.sessionId),
      sessionId: session.sessionId,
      principal,
      who: whoOf(principal),
    }
    // A one-time password opens nothing but the page where the person chooses their own.
    if (principal.mustChangePassword && c.req.path !== '/admin/account') {
      return { response: c.redirect(adminHref('/admin/account', locale), 303) }
    }
    if (!principal.mustChangePassword && !hasRole(principal, min)) {
      return { response: refused(c, s, min) }
    }
    return s
  }

  return { login, localeOf, withToken, withPassword, pageSession }
}
