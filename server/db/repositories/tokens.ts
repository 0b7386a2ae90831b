import type { Kysely } from 'kysely'
import type { Database, NewToken, TokenRow } from '../schema.ts'
import { withRawSqlite } from '../sqlite/dialect.ts'

/** Stores a token (its hash only) and returns its row id. */
export async function insertToken(db: Kysely<Database>, token: NewToken): Promise<number> {
  const row = await db.insertInto('tokens').values(token).returning('id').executeTakeFirstOrThrow()
  return row.id
}

const FIND_ACTIVE = 'select * from tokens where token_hash = ? and revoked_at is null'

/**
 * The live (not revoked) token with this hash. Every API request asks this, so it runs as a
 * statement prepared once rather than a query compiled per request.
 */
export async function findActiveTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<TokenRow | undefined> {
  return withRawSqlite(db, (raw) => raw.prepare(FIND_ACTIVE).get(tokenHash) as TokenRow | undefined)
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
