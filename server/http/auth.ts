import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { findActiveTokenByHash } from '../db/repositories/tokens.ts'
import type { Database, TokenRow, UserRole, UserRow } from '../db/schema.ts'
import { ApiError, forbidden, unauthorized } from '../errors.ts'
import { isSafeMethod, type LiveSession, passesCsrf, resolveSession } from './session.ts'

/** A token's caller: a partner link, or the admin token of a script (which acts as owner). */
export interface TokenPrincipal {
  kind: 'token'
  tokenId: number
  userId: null
  email: null
  role: 'admin' | 'partner'
  /** What a lead-partner caller may do: `owner` for an admin token, null for a partner. */
  leadRole: UserRole | null
  /** Partners only: the one region they read and write. */
  regionId: string | null
  group: string | null
  wave: string | null
  name: string
  mustChangePassword: false
}

/** A person signed in to the dashboard with their email and password. */
export interface UserPrincipal {
  kind: 'user'
  tokenId: null
  userId: number
  email: string
  role: 'admin'
  leadRole: UserRole
  regionId: null
  group: null
  wave: null
  /** Their name, or their email when they have none. */
  name: string
  /** A one-time password is still in use: nothing but choosing a password is allowed. */
  mustChangePassword: boolean
}

/**
 * Who is calling: a token, or a person's dashboard session. `role` is `admin` for every lead
 * partner (token or person) and `partner` for a partner link; `leadRole` says what a lead
 * partner may do (see `hasRole`).
 */
export type Principal = TokenPrincipal | UserPrincipal

/** The lead-partner roles from the least to the most allowed; each may do all below it. */
export const LEAD_ROLES: readonly UserRole[] = ['viewer', 'reviewer', 'analyst', 'owner']

/** Whether a principal is a lead partner with at least role `min` (never a partner link). */
export function hasRole(p: Principal | null, min: UserRole): boolean {
  if (!p || p.leadRole === null || p.mustChangePassword) return false
  return LEAD_ROLES.indexOf(p.leadRole) >= LEAD_ROLES.indexOf(min)
}

/** A fresh random token (256 bits), shown once and stored only as its hash. */
export function generateToken(role: 'admin' | 'partner'): string {
  return `gk${role === 'admin' ? 'a' : 'p'}_${randomBytes(32).toString('base64url')}`
}

/** SHA-256 of a token, hex. A 256-bit random token needs no slow password hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Reads the token from `Authorization: Bearer …` or the `t` query parameter. */
export function readToken(c: Context): string | null {
  const header = c.req.header('authorization')
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    return match?.[1] ?? null
  }
  return c.req.query('t') ?? null
}

/** Resolves a token to its principal; null when unknown or revoked. */
export async function authenticate(
  db: Kysely<Database>,
  token: string | null,
): Promise<TokenPrincipal | null> {
  if (!token || token.length > 200) return null
  const hash = hashToken(token)
  const row = await findActiveTokenByHash(db, hash)
  if (!row) return null
  // The lookup is by hash, so timing reveals nothing about the token; compare anyway in
  // constant time so a future change of lookup cannot make it a timing oracle.
  if (!timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) return null
  return principalOf(row)
}

/** The principal of a stored token row. */
export function principalOf(row: TokenRow): TokenPrincipal {
  return {
    kind: 'token',
    tokenId: row.id,
    userId: null,
    email: null,
    role: row.role,
    leadRole: row.role === 'admin' ? 'owner' : null,
    regionId: row.region_id,
    group: row.group_name,
    wave: row.wave,
    name: row.name,
    mustChangePassword: false,
  }
}

/** The principal of an account (signed in, not disabled). */
export function userPrincipalOf(row: UserRow): UserPrincipal {
  return {
    kind: 'user',
    tokenId: null,
    userId: row.id,
    email: row.email,
    role: 'admin',
    leadRole: row.role,
    regionId: null,
    group: null,
    wave: null,
    name: row.name ?? row.email,
    mustChangePassword: row.must_change_password === 1,
  }
}

/** The principal of a live dashboard session. */
export function sessionPrincipal(session: LiveSession): Principal {
  return session.user ? userPrincipalOf(session.user) : principalOf(session.token)
}

/**
 * The caller of a request: a token (`Authorization: Bearer …` or `?t=`) when one is presented,
 * else the lead partner's session cookie. A cookie-authenticated write must pass the CSRF check
 * (403 `csrf_failed` otherwise); token requests are exempt, as no browser adds them on its own.
 */
export async function resolvePrincipal(
  db: Kysely<Database>,
  c: Context,
  now: () => Date = () => new Date(),
): Promise<Principal | null> {
  if (c.req.header('authorization') !== undefined || c.req.query('t') !== undefined) {
    return authenticate(db, readToken(c))
  }
  const session = await resolveSession(db, c, now())
  if (!session) return null
  if (!isSafeMethod(c.req.method) && !passesCsrf(c, session.sessionId)) {
    throw new ApiError(
      403,
      'csrf_failed',
      'this request did not come from a Gapkit page: send the X-Gapkit-CSRF header or use a token',
    )
  }
  return sessionPrincipal(session)
}

export type AuthEnv = { Variables: { principal: Principal } }

/**
 * Middleware: any valid token, or an admin session cookie (401 otherwise); the principal is in
 * `c.var.principal`.
 */
export function requireToken(db: Kysely<Database>, now?: () => Date): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const principal = await resolvePrincipal(db, c, now)
    if (!principal) throw unauthorized()
    c.set('principal', principal)
    await next()
  }
}

/**
 * The 403 for a principal below role `min`: a partner link, a person whose role does not allow
 * it, or a person who must first replace their one-time password.
 */
export function roleRefusal(p: Principal, min: UserRole): ApiError {
  if (p.leadRole === null) return forbidden('an admin token or a lead-partner sign-in is required')
  if (p.mustChangePassword) {
    return new ApiError(
      403,
      'password_change_required',
      'choose your own password first (dashboard: /admin/account)',
    )
  }
  return forbidden(`this needs the ${min} role or higher; ${p.name} is ${p.leadRole}`)
}

/** Throws the 403 of `roleRefusal` unless the principal has at least role `min`. */
export function checkRole(p: Principal, min: UserRole): void {
  if (!hasRole(p, min)) throw roleRefusal(p, min)
}

/**
 * Middleware: a lead partner with at least role `min` (README, "Accounts and roles"): an admin
 * token (owner) or a person's session cookie. 401 without either; 403 for a partner token, a
 * lower role, or a cookie-authenticated write that fails the CSRF check.
 */
export function requireRole(
  db: Kysely<Database>,
  min: UserRole,
  now?: () => Date,
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const principal = await resolvePrincipal(db, c, now)
    if (!principal) throw unauthorized()
    checkRole(principal, min)
    c.set('principal', principal)
    await next()
  }
}

/**
 * Middleware after `requireToken`: a lead partner needs at least role `min`; a partner link
 * passes (the service then holds it to its own region).
 */
export function leadNeeds(min: UserRole): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const p = c.var.principal
    if (p.role === 'admin') checkRole(p, min)
    await next()
  }
}

/**
 * Middleware: any lead partner, whatever their role (401 without a token or session, 403 with a
 * partner's token or a cookie-authenticated write that fails the CSRF check). Routes that show
 * or change more than aggregates use `requireRole` with the role they need.
 */
export function requireAdmin(db: Kysely<Database>, now?: () => Date): MiddlewareHandler<AuthEnv> {
  return requireRole(db, 'viewer', now)
}

/** Whether a principal may read or write a region's responses. */
export function canAccessRegion(p: Principal, regionId: string): boolean {
  return p.role === 'admin' || p.regionId === regionId
}

/**
 * The audit-log actor of a principal: a person's email, `token:<id>` for a token (its name is
 * shown beside it in the audit view), `cli` for the command line.
 */
export function actorOf(p: Principal | null): string {
  if (!p) return 'cli'
  return p.kind === 'user' ? p.email : `token:${p.tokenId}`
}
