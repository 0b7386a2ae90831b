/**
 * Daily quotas per partner link: at most N new responses and M bytes of answers a UTC day, so
 * a leaked or misused link cannot fill the database. Counted by the running server from the
 * writes it acknowledged (a restart starts the day's count again); answered with 429
 * `quota_exceeded` and `Retry-After` (the seconds to midnight UTC).
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { isRecord } from '../../surveys/json.ts'
import { storedAnswerBytes } from '../db/repositories/answer-bytes.ts'
import { findResponseByKey } from '../db/repositories/responses.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../errors.ts'
import { hashToken, readToken } from './auth.ts'

/** The quotas; 0 turns one off. */
export interface LinkQuotas {
  linkResponsesPerDay: number
  linkBytesPerDay: number
}

interface Usage {
  /** The UTC day counted, `YYYY-MM-DD`. */
  day: string
  responses: number
  bytes: number
}

/** `1 h 5 min`, `12 min`, `40 s`: how long until the quota resets. */
function describeWait(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const min = Math.floor((seconds % 3600) / 60)
  if (h > 0) return `${h} h ${min} min`
  return min > 0 ? `${min} min` : `${seconds} s`
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : `${bytes} bytes`
}

function quotaExceeded(c: Context, at: Date, what: string): never {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1)
  const seconds = Math.max(1, Math.ceil((midnight - at.getTime()) / 1000))
  c.header('Retry-After', String(seconds))
  throw new ApiError(
    429,
    'quota_exceeded',
    `this partner link has reached its daily limit of ${what}; it resets at midnight UTC (in ${describeWait(seconds)})`,
  )
}

async function bodyBytes(c: Context): Promise<number> {
  const length = c.req.header('content-length')
  if (length !== undefined && /^\d+$/.test(length)) return Number(length)
  return Buffer.byteLength(await c.req.text(), 'utf8')
}

/** Whether a new-response body carries a `submissionKey` already stored for its survey. */
async function isStoredRetry(c: Context, db: Kysely<Database>): Promise<boolean> {
  let body: unknown
  try {
    body = JSON.parse(await c.req.text())
  } catch {
    return false
  }
  const key = isRecord(body) ? body.submissionKey : undefined
  const survey = c.req.param('id')
  if (typeof key !== 'string' || !survey) return false
  return (await findResponseByKey(db, survey, key)) !== undefined
}

/**
 * Middleware for `POST /api/surveys/:id/responses` and `PUT /api/responses/:id` with a partner
 * token: a new response (201) counts once and costs its body's bytes; an updated draft costs
 * only what it grows by. A request that would pass a quota is refused before it is validated
 * (run it after `limitJsonShape`: a retry's body may be parsed here). Admin tokens and dashboard
 * sessions are not counted.
 */
export function limitLinks(
  quotas: LinkQuotas,
  db: Kysely<Database>,
  now: () => Date,
): MiddlewareHandler {
  const usage = new Map<string, Usage>()
  const { linkResponsesPerDay: maxResponses, linkBytesPerDay: maxBytes } = quotas
  return async (c, next) => {
    const creating = c.req.method === 'POST'
    if (!creating && c.req.method !== 'PUT') return next()
    if (maxResponses === 0 && maxBytes === 0) return next()
    // Partner tokens are made as `gkp_…` (auth.ts); anything else is an admin or no link.
    const token = readToken(c)
    if (!token?.startsWith('gkp_')) return next()
    const key = hashToken(token)
    const at = now()
    const day = at.toISOString().slice(0, 10)
    const known = usage.get(key)
    const used = known?.day === day ? known : { day, responses: 0, bytes: 0 }
    const id = c.req.param('id')
    const before = creating || !id ? 0 : ((await storedAnswerBytes(db, id)) ?? 0)
    const cost = Math.max(0, (await bodyBytes(c)) - before)
    const overCount = creating && maxResponses > 0 && used.responses >= maxResponses
    const overBytes = maxBytes > 0 && used.bytes + cost > maxBytes
    // A retry of a response already stored is answered with it (200), whatever the quota: a
    // client that lost the first answer must learn that its response is safe.
    if ((overCount || overBytes) && !(creating && (await isStoredRetry(c, db)))) {
      if (overCount) quotaExceeded(c, at, `${maxResponses} new responses`)
      quotaExceeded(c, at, `${describeBytes(maxBytes)} of answers`)
    }
    await next()
    const stored = creating ? c.res.status === 201 : c.res.status === 200
    if (!stored) return
    if (creating) used.responses++
    used.bytes += cost
    usage.set(key, used)
  }
}
