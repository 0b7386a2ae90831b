import type { Kysely } from 'kysely'
import type { Database, NewToken, TokenRow } from '../schema.ts'

/** Stores a token (its hash only) and returns its row id. */
export async function insertToken(db: Kysely<Database>, token: NewToken): Promise<number> {
  const row = await db.insertInto('tokens').values(token).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** The live (not revoked) token with this hash. */
export async function findActiveTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<TokenRow | undefined> {
  return db
    .selectFrom('tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
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
