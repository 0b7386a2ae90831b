/**
 * Lead-partner browser sessions: a person's email and password, or an admin token, are
 * exchanged once for a random session id kept in an HttpOnly cookie; only the id's hash is stored. Requests authenticated by the cookie that
 * change state must prove they come from our own pages (CSRF check).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findSessionToken,
  findSessionUser,
  insertSession,
} from '../db/repositories/sessions.ts'
import type { Database, TokenRow, UserRow } from '../db/schema.ts'

/** Name of the session cookie. */
export const SESSION_COOKIE = 'gapkit_session'
/** Lifetime of a session; it is not extended by use. */
export const SESSION_HOURS = 12
/** Header carrying the per-session CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-gapkit-csrf'

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** SHA-256 of a session id, hex: what the database stores. */
export function hashSessionId(id: string): string {
  return sha256(id)
}

/**
 * The CSRF token of a session, derived from its secret id: a page served to the session can
 * show it, and nobody without the HttpOnly cookie can compute it.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHash('sha256').update(`gapkit-csrf\0${sessionId}`, 'utf8').digest('base64url')
}

/** Who opens a session: a person's account or an admin token. */
export type SessionOwner = { userId: number } | { tokenId: number }

/** A live session and who it belongs to. */
export type LiveSession =
  | { sessionId: string; token: TokenRow; user?: undefined }
  | { sessionId: string; user: UserRow; token?: undefined }

/** Creates a session for an account or an admin token; returns its id (for the cookie) and expiry. */
export async function openSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  now: Date,
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000)
  await deleteExpiredSessions(db, now.toISOString())
  await insertSession(db, {
    id_hash: hashSessionId(id),
    token_id: 'tokenId' in owner ? owner.tokenId : null,
    user_id: 'userId' in owner ? owner.userId : null,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
  })
  return { id, expiresAt }
}

/** Ends a session. */
export async function closeSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, hashSessionId(sessionId))
}

/**
 * Ends every session of an account or admin token ("log out everywhere", a disabled account, a
 * new password), but `keepSessionId` when given; returns how many ended.
 */
export async function closeSessionsOf(
  db: Kysely<Database>,
  owner: SessionOwner,
  keepSessionId?: string,
): Promise<number> {
  const keep = keepSessionId === undefined ? undefined : hashSessionId(keepSessionId)
  return deleteSessionsOf(db, owner, keep)
}

/**
 * Whether the request reached us over HTTPS: the URL's scheme, or `X-Forwarded-Proto` from a
 * TLS-terminating proxy. Trusting the header can only add `Secure`, never remove it.
 */
export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return forwarded === 'https'
}

/**
 * Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, and Secure when the request came
 * over HTTPS. On plain http (localhost use) a Secure cookie would never be sent back, so it is
 * left off there.
 */
export function setSessionCookie(c: Context, id: string, expiresAt: Date, now: Date): void {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  })
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), httpOnly: true })
}

/** The well-formed session id in the request's cookie, or null. */
export function readSessionId(c: Context): string | null {
  const id = getCookie(c, SESSION_COOKIE)
  return id && SESSION_ID.test(id) ? id : null
}

/** The live session of the request and the account or admin token behind it, or null. */
export async function resolveSession(
  db: Kysely<Database>,
  c: Context,
  now: Date,
): Promise<LiveSession | null> {
  const sessionId = readSessionId(c)
  if (!sessionId) return null
  const idHash = hashSessionId(sessionId)
  const user = await findSessionUser(db, idHash, now.toISOString())
  if (user) {
    const { expires_at: _expires, ...row } = user
    return { sessionId, user: row }
  }
  const token = await findSessionToken(db, idHash, now.toISOString())
  if (!token) return null
  const { expires_at: _expires, ...row } = token
  return { sessionId, token: row }
}

/**
 * Whether a URL (an `Origin` or `Referer` value) is on the host this request was sent to: the
 * request's own host, or the `X-Forwarded-Host` of a proxy in front (a browser cannot add that
 * header to a cross-site request without a CORS preflight, which we never grant).
 */
export function isSameOrigin(c: Context, value: string | undefined): boolean {
  if (!value || value === 'null') return false
  try {
    const host = new URL(value).host
    const forwarded = c.req.header('x-forwarded-host')?.split(',')[0]?.trim().toLowerCase()
    return host === new URL(c.req.url).host || (forwarded !== undefined && host === forwarded)
  } catch {
    return false
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The CSRF check for a cookie-authenticated write: the session's CSRF token in the
 * `X-Gapkit-CSRF` header (or a form field), or else an `Origin` — or, without one, a
 * `Referer` — on this host. Browsers send `Origin` with every cross-site POST, so a forged
 * request fails both.
 */
export function passesCsrf(c: Context, sessionId: string, formToken?: string): boolean {
  const expected = csrfTokenFor(sessionId)
  const presented = c.req.header(CSRF_HEADER) ?? formToken
  if (presented !== undefined) return sameText(presented, expected)
  const origin = c.req.header('origin')
  if (origin !== undefined) return isSameOrigin(c, origin)
  return isSameOrigin(c, c.req.header('referer'))
}

/** Methods that change nothing and need no CSRF check. */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
}
