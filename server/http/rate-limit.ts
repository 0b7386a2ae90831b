/**
 * Rate limits: a token bucket per caller (N requests a minute, up to N at once), answered with
 * 429 `rate_limited` and `Retry-After` once empty. Our own, not `hono-rate-limiter`: its memory
 * store is a fixed window (twice the limit across a window's edge), grows without bound within a
 * window (a flood of made-up tokens or addresses is a flood of entries), runs a timer per store,
 * and reads `Date.now()`; these buckets are bounded, timer-free and run on the app's clock, and
 * the same module keys them by token hash or client address without a database lookup.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ApiError } from '../errors.ts'
import { hashToken, readToken } from './auth.ts'
import { SESSION_COOKIE } from './session.ts'

/** How many callers one limiter tracks; the least recently seen is forgotten beyond that. */
const MAX_KEYS = 50_000

/** Token buckets of one limit: `perMinute` requests a minute, up to `perMinute` at once. */
export interface RateLimiter {
  /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds to wait. */
  take(key: string): number
}

/** Buckets refilled continuously at `perMinute / 60` a second, on the given clock. */
export function createRateLimiter(perMinute: number, now: () => Date): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const perMs = perMinute / 60_000
  return {
    take(key) {
      const t = now().getTime()
      const bucket = buckets.get(key)
      let tokens = perMinute
      if (bucket) {
        tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs)
        buckets.delete(key) // re-inserted below: the map stays ordered by last use
      } else if (buckets.size >= MAX_KEYS) {
        // The least recently used caller; a full bucket forgotten is the same as a new one.
        const oldest = buckets.keys().next().value
        if (oldest !== undefined) buckets.delete(oldest)
      }
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t })
        return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000))
      }
      buckets.set(key, { tokens: tokens - 1, at: t })
      return 0
    },
  }
}

/**
 * The client's address: the socket's peer, or with `trustProxy` the last `X-Forwarded-For`
 * entry (the one the proxy in front added). Null when unknown (`app.request` in tests).
 */
export function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim()
    if (last) return last
  }
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null
  }
}

/**
 * Who a request is, for its bucket: the token's hash (`Authorization` or `?t=`), else the
 * dashboard session cookie's hash, else null. Hashing takes a microsecond and needs no lookup;
 * an unknown token gets a bucket like any other and then a 401.
 */
export function callerKey(c: Context): string | null {
  const token = readToken(c)
  if (token) return `t:${hashToken(token)}`
  const session = getCookie(c, SESSION_COOKIE)
  return session ? `s:${hashToken(session)}` : null
}

/** 429 `rate_limited` with `Retry-After`. */
export function rateLimited(c: Context, seconds: number, message: string): never {
  c.header('Retry-After', String(seconds))
  throw new ApiError(429, 'rate_limited', `${message}: try again in ${seconds} s`)
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Limits of the write middleware; 0 turns one off. */
export interface WriteLimits {
  writesPerToken: number
  writesPerAddress: number
  trustProxy: boolean
}

/**
 * Middleware: every write (POST, PUT, PATCH, DELETE) takes one from its caller's bucket and one
 * from its address's; reads are not limited here.
 */
export function limitWrites(limits: WriteLimits, now: () => Date): MiddlewareHandler {
  const byToken = limits.writesPerToken > 0 ? createRateLimiter(limits.writesPerToken, now) : null
  const byAddress =
    limits.writesPerAddress > 0 ? createRateLimiter(limits.writesPerAddress, now) : null
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next()
    const key = byToken && callerKey(c)
    const wait = key ? (byToken?.take(key) ?? 0) : 0
    if (wait > 0) {
      rateLimited(c, wait, `more than ${limits.writesPerToken} writes a minute with this link`)
    }
    const address = byAddress && clientAddress(c, limits.trustProxy)
    const waitAddress = address ? (byAddress?.take(address) ?? 0) : 0
    if (waitAddress > 0) {
      rateLimited(
        c,
        waitAddress,
        `more than ${limits.writesPerAddress} writes a minute from this address`,
      )
    }
    return next()
  }
}

/**
 * Middleware for the dashboard's sign-in (`POST /admin/login`, or a page opened with `?t=`) and
 * the password change, which also checks a password (`POST /admin/account/password`): each
 * attempt takes one from the address's bucket. A refused attempt gets a short text page
 * (the sign-in is a browser form), 429 with `Retry-After`.
 */
export function limitSignIn(
  perMinute: number,
  trustProxy: boolean,
  now: () => Date,
): MiddlewareHandler {
  const limiter = perMinute > 0 ? createRateLimiter(perMinute, now) : null
  return async (c, next) => {
    const attempt =
      (c.req.method === 'POST' &&
        (c.req.path.endsWith('/login') || c.req.path === '/admin/account/password')) ||
      c.req.query('t') !== undefined
    const address = limiter && attempt ? clientAddress(c, trustProxy) : null
    const wait = address ? (limiter?.take(address) ?? 0) : 0
    if (wait === 0) return next()
    c.header('Retry-After', String(wait))
    c.header('Cache-Control', 'no-store')
    return c.text(
      `Too many sign-in attempts from this address (${perMinute} a minute): try again in ${wait} s.`,
      429,
    )
  }
}
