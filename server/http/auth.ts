import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { findActiveTokenByHash } from '../db/repositories/tokens.ts'
import type { Database, TokenRow } from '../db/schema.ts'
import { ApiError, forbidden, unauthorized } from '../errors.ts'
import { isSafeMethod, passesCsrf, resolveSession } from './session.ts'

/** Who is calling, as established from their token. */
export interface Principal {
  tokenId: number
  role: 'admin' | 'partner'
  /** Partners only: the one region they read and write. */
  regionId: string | null
  group: string | null
  wave: string | null
  name: string
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
): Promise<Principal | null> {
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
export function principalOf(row: TokenRow): Principal {
  return {
    tokenId: row.id,
    role: row.role,
    regionId: row.region_id,
    group: row.group_name,
    wave: row.wave,
    name: row.name,
  }
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
  return principalOf(session.token)
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
 * Middleware: the admin token or an admin session cookie (401 without either, 403 with a
 * partner's token or a cookie-authenticated write that fails the CSRF check).
 */
export function requireAdmin(db: Kysely<Database>, now?: () => Date): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const principal = await resolvePrincipal(db, c, now)
    if (!principal) throw unauthorized()
    if (principal.role !== 'admin') throw forbidden('an admin token is required')
    c.set('principal', principal)
    await next()
  }
}

/** Whether a principal may read or write a region's responses. */
export function canAccessRegion(p: Principal, regionId: string): boolean {
  return p.role === 'admin' || p.regionId === regionId
}

/** The audit-log actor string of a principal. */
export function actorOf(p: Principal | null): string {
  return p ? `token:${p.tokenId}` : 'cli'
}
