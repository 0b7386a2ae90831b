import { writeAudit } from '../db/repositories/audit.ts'
import { deleteSessionsOf } from '../db/repositories/sessions.ts'
import { findUserByEmail, updateUser } from '../db/repositories/users.ts'
import type { UserRow } from '../db/schema.ts'
import { ValidationError } from '../errors.ts'
import {
  dummyHash,
  generatePassword,
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  verifyPassword,
} from './passwords.ts'
import { accountOrThrow, checkPassword, type UserDeps, type UserView, viewUser } from './users.ts'

/**
 * Sets a new password for an account (an owner's reset): a one-time one Gapkit makes, returned
 * once, or `password` when given. Every session of the account ends.
 */
export async function resetPassword(
  deps: UserDeps,
  id: number,
  actor: string,
  password?: string,
): Promise<{ user: UserView; password: string | null }> {
  const before = await accountOrThrow(deps.db, id)
  if (password !== undefined) checkPassword(password, before.email)
  const oneTime = password === undefined ? generatePassword() : null
  const hash = await hashPassword(password ?? oneTime ?? '', deps.passwords ?? SCRYPT_PARAMS)
  const now = deps.now().toISOString()
  const row = await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      password_hash: hash,
      must_change_password: oneTime === null ? 0 : 1,
      updated_at: now,
    })
    const ended = await deleteSessionsOf(trx, { userId: id })
    await writeAudit(
      trx,
      {
        actor,
        action: 'user.password.reset',
        entity: 'user',
        entityId: before.email,
        details: { oneTime: oneTime !== null, sessionsEnded: ended },
      },
      now,
    )
    return accountOrThrow(trx, id)
  })
  return { user: viewUser(row), password: oneTime }
}

/**
 * A person replaces their own password: the current one must match (422 `wrong_password`), the
 * new one must pass `passwordProblem` and differ. Their other sessions end; the one they are
 * using (its id's hash, `keepSessionHash`) stays.
 */
export async function changeOwnPassword(
  deps: UserDeps,
  id: number,
  input: { current: string; next: string },
  keepSessionHash?: string,
): Promise<UserView> {
  const before = await accountOrThrow(deps.db, id)
  if (!(await verifyPassword(input.current, before.password_hash))) {
    throw new ValidationError('wrong_password', 'the current password is not right', [
      { field: 'current', message: 'not your current password' },
    ])
  }
  checkPassword(input.next, before.email)
  if (input.next === input.current) {
    const message = 'the new password must differ from the current one'
    throw new ValidationError('weak_password', message, [{ field: 'password', message }])
  }
  const hash = await hashPassword(input.next, deps.passwords ?? SCRYPT_PARAMS)
  const now = deps.now().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { password_hash: hash, must_change_password: 0, updated_at: now })
    const ended = await deleteSessionsOf(trx, { userId: id }, keepSessionHash)
    await writeAudit(
      trx,
      {
        actor: before.email,
        action: 'user.password.change',
        entity: 'user',
        entityId: before.email,
        details: { sessionsEnded: ended },
      },
      now,
    )
    return viewUser(await accountOrThrow(trx, id))
  })
}

/** The outcome of a sign-in: the account, or why not (told apart only after a right password). */
export type SignInCheck =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'invalid' | 'disabled' }

/**
 * Checks an email and password. An unknown email is checked against a dummy hash, so it costs
 * the same scrypt work as a wrong password and gets the same answer (`invalid`); a disabled
 * account is named as such only to someone who gave its right password. A refused attempt on an
 * existing account is audited (`session.refused`, actor `anonymous`). On success the sign-in
 * time is stored, and a hash made under other parameters is replaced by one under the current.
 */
export async function checkSignIn(
  deps: UserDeps,
  email: string,
  password: string,
): Promise<SignInCheck> {
  const params = deps.passwords ?? SCRYPT_PARAMS
  const normal = email.trim().toLowerCase()
  const row = normal.length <= 254 ? await findUserByEmail(deps.db, normal) : undefined
  const tooLong = password.length > 4 * 200
  const stored = row?.password_hash ?? (await dummyHash(params))
  const matches = await verifyPassword(tooLong ? '' : password, stored)
  const now = deps.now().toISOString()
  if (!row) return { ok: false, reason: 'invalid' }
  const refused = !matches || tooLong ? 'invalid' : row.disabled_at !== null ? 'disabled' : null
  if (refused) {
    // Failed attempts on real accounts are kept for the owners (guessing shows up in the log).
    const details = { reason: refused === 'invalid' ? 'wrong password' : 'account disabled' }
    await writeAudit(
      deps.db,
      {
        actor: 'anonymous',
        action: 'session.refused',
        entity: 'user',
        entityId: row.email,
        details,
      },
      now,
    )
    return { ok: false, reason: refused }
  }
  const rehash = needsRehash(row.password_hash, params)
    ? { password_hash: await hashPassword(password, params) }
    : {}
  await updateUser(deps.db, row.id, { last_sign_in_at: now, ...rehash })
  return { ok: true, user: { ...row, last_sign_in_at: now, ...rehash } }
}

/**
 * "Log out everywhere": ends every dashboard session of a person or an admin token, audited
 * under `actor`; returns how many ended.
 */
export async function endAllSessions(
  deps: UserDeps,
  owner: { userId: number } | { tokenId: number },
  actor: string,
): Promise<number> {
  const now = deps.now().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionsOf(trx, owner)
    const target =
      'userId' in owner
        ? { entity: 'user', entityId: (await accountOrThrow(trx, owner.userId)).email }
        : { entity: 'token', entityId: String(owner.tokenId) }
    await writeAudit(
      trx,
      { actor, action: 'session.close.all', ...target, details: { sessionsEnded: ended } },
      now,
    )
    return ended
  })
}
