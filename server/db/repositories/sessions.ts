import type { Kysely } from 'kysely'
import type { AdminSessionRow, Database, TokenRow } from '../schema.ts'

/** Stores a new admin session (its id's hash only). */
export async function insertSession(db: Kysely<Database>, session: AdminSessionRow): Promise<void> {
  await db.insertInto('admin_sessions').values(session).execute()
}

/**
 * The admin token behind a live session: the session has not expired and its token is an admin
 * token that is neither revoked nor expired. Revoking the token (or its expiry) therefore ends
 * every session it opened at once.
 */
export async function findSessionToken(
  db: Kysely<Database>,
  idHash: string,
  now: string,
): Promise<(TokenRow & { expires_at: string }) | undefined> {
  return db
    .selectFrom('admin_sessions')
    .innerJoin('tokens', 'tokens.id', 'admin_sessions.token_id')
    .selectAll('tokens')
    .select('admin_sessions.expires_at')
    .where('admin_sessions.id_hash', '=', idHash)
    .where('admin_sessions.expires_at', '>', now)
    .where('tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('tokens.valid_until', 'is', null), eb('tokens.valid_until', '>', now)]),
    )
    .where('tokens.role', '=', 'admin')
    .executeTakeFirst()
}

/** Ends one session (logout); false when there was none. */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('admin_sessions')
    .where('id_hash', '=', idHash)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db
    .deleteFrom('admin_sessions')
    .where('expires_at', '<=', now)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
