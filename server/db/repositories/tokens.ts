import type { Kysely } from 'kysely'
import { onPostgres } from '../dialect.ts'
import type { Database, NewToken, TokenRow } from '../schema.ts'
import { withRawSqlite } from '../sqlite/dialect.ts'

/** Stores a token (its hash only) and returns its row id. */
export async function insertToken(db: Kysely<Database>, token: NewToken): Promise<number> {
  const row = await db.insertInto('tokens').values(token).returning('id').executeTakeFirstOrThrow()
  return row.id
}

const FIND_ACTIVE = `select * from tokens where token_hash = ? and revoked_at is null
  and (valid_until is null or valid_until > ?)`
const TOUCH = 'update tokens set last_used_at = ? where id = ?'
/** A token's last use is written at most this often: one write an hour, not one a request. */
const TOUCH_EVERY_MS = 3600_000

/**
 * The live token with this hash: not revoked, not expired. Records its use in `last_used_at`
 * when the one recorded is over an hour old. Every API request asks this, so it runs as
 * statements prepared once rather than queries compiled per request.
 */
export async function findActiveTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date = new Date(),
): Promise<TokenRow | undefined> {
  if (onPostgres(db)) return findActiveTokenCached(db, tokenHash, now)
  return withRawSqlite(db, (raw) => {
    const at = now.toISOString()
    const row = raw.prepare(FIND_ACTIVE).get(tokenHash, at) as TokenRow | undefined
    const last = row?.last_used_at ? Date.parse(row.last_used_at) : Number.NEGATIVE_INFINITY
    if (row && now.getTime() - last >= TOUCH_EVERY_MS) {
      raw.prepare(TOUCH).run(at, row.id)
      row.last_used_at = at
    }
    return row
  })
}

/**
 * On PostgreSQL, partner links found in the last second, per database handle: every submission
 * asks for its link, and the lookup was most of a submission's database work (a round trip and
 * a query per request, where SQLite answers from a prepared statement in-process). A revocation
 * in this process clears it at once; one made by another instance or command takes effect here
 * within `PARTNER_CACHE_MS`. Admin tokens are always looked up.
 */
const PARTNER_CACHE_MS = 1000
const partnerCache = new WeakMap<object, Map<string, CachedToken>>()
/** Bumped by every revocation in this process: entries from before it are not used. */
let revocations = 0

interface CachedToken {
  row: TokenRow
  until: number
  revocations: number
}

function cacheOf(db: Kysely<Database>): Map<string, CachedToken> {
  let cache = partnerCache.get(db)
  if (!cache) {
    cache = new Map()
    partnerCache.set(db, cache)
  }
  return cache
}

async function findActiveTokenCached(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<TokenRow | undefined> {
  if (db.isTransaction) return findActiveTokenByHashKysely(db, tokenHash, now)
  const cache = cacheOf(db)
  const hit = cache.get(tokenHash)
  const at = now.getTime()
  if (hit && hit.until > at && hit.revocations === revocations) {
    const validUntil = hit.row.valid_until
    if (validUntil === null || Date.parse(validUntil) > at) return { ...hit.row }
  }
  cache.delete(tokenHash)
  const row = await findActiveTokenByHashKysely(db, tokenHash, now)
  if (row?.role === 'partner') {
    if (cache.size >= 10_000) cache.clear()
    cache.set(tokenHash, { row: { ...row }, until: at + PARTNER_CACHE_MS, revocations })
  }
  return row
}

/** The reference of `findActiveTokenByHash`, as Kysely queries. */
export async function findActiveTokenByHashKysely(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date = new Date(),
): Promise<TokenRow | undefined> {
  const at = now.toISOString()
  const row = await db
    .selectFrom('tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', at)]))
    .executeTakeFirst()
  const last = row?.last_used_at ? Date.parse(row.last_used_at) : Number.NEGATIVE_INFINITY
  if (row && now.getTime() - last >= TOUCH_EVERY_MS) {
    await db.updateTable('tokens').set({ last_used_at: at }).where('id', '=', row.id).execute()
    row.last_used_at = at
  }
  return row
}

export async function listTokens(db: Kysely<Database>): Promise<TokenRow[]> {
  return db.selectFrom('tokens').selectAll().orderBy('id').execute()
}

/** Marks a token revoked; returns false when there was no live token with that id. */
export async function revokeToken(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  revocations++
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Ids of partner links (tokens with the partner role, revoked ones included). */
export async function listPartnerTokenIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('tokens').select('id').where('role', '=', 'partner').execute()
  return rows.map((r) => r.id)
}
