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
  if (onPostgres(db)) return findActiveTokenByHashKysely(db, tokenHash, now)
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
