import type { Kysely } from 'kysely'
import type { AdminSessionRow, Database, TokenRow, UserRow } from '../schema.ts'

/** Stores a new admin session (its id's hash only), of an account or of an admin token. */
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

/**
 * The account behind a live session: the session has not expired and the account is not
 * disabled. A role changed since sign-in is the role read here, so it applies at once.
 */
export async function findSessionUser(
  db: Kysely<Database>,
  idHash: string,
  now: string,
): Promise<(UserRow & { expires_at: string }) | undefined> {
  return db
    .selectFrom('admin_sessions')
    .innerJoin('users', 'users.id', 'admin_sessions.user_id')
    .selectAll('users')
    .select('admin_sessions.expires_at')
    .where('admin_sessions.id_hash', '=', idHash)
    .where('admin_sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst()
}

/**
 * Ends every session of an account, or of an admin token ("log out everywhere"), except the one
 * whose id hash is `keep`; returns how many ended.
 */
export async function deleteSessionsOf(
  db: Kysely<Database>,
  owner: { userId: number } | { tokenId: number },
  keep?: string,
): Promise<number> {
  let q = db.deleteFrom('admin_sessions')
  q =
    'userId' in owner
      ? q.where('user_id', '=', owner.userId)
      : q.where('token_id', '=', owner.tokenId)
  if (keep !== undefined) q = q.where('id_hash', '!=', keep)
  const result = await q.executeTakeFirst()
  return Number(result.numDeletedRows)
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
