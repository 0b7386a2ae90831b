/**
 * Named lead-partner accounts: create (with a one-time password or one the person chose), list,
 * change role or name, disable and enable. Every change is audited under its author; disabling
 * an account ends its sessions. At least one owner who can sign in always remains. Passwords
 * and sign-ins are in credentials.ts.
 */
import type { Kysely } from 'kysely'
import { writeAudit } from '../db/repositories/audit.ts'
import { deleteSessionsOf } from '../db/repositories/sessions.ts'
import {
  countActiveOwners,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  updateUser,
} from '../db/repositories/users.ts'
import type { Database, UserRole, UserRow } from '../db/schema.ts'
import { ConflictError, InvalidInputError, NotFoundError, ValidationError } from '../errors.ts'
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  SCRYPT_PARAMS,
  type ScryptParams,
} from './passwords.ts'

/** The roles, from the most allowed to the least (README, "Accounts and roles"). */
export const USER_ROLES = [
  'owner',
  'analyst',
  'reviewer',
  'viewer',
] as const satisfies readonly UserRole[]

export interface UserDeps {
  db: Kysely<Database>
  now: () => Date
  /** scrypt cost of new hashes (default `SCRYPT_PARAMS`). */
  passwords?: ScryptParams
}

/** An account as the dashboard and the command line show it (never its password hash). */
export interface UserView {
  id: number
  email: string
  name: string | null
  role: UserRole
  disabled: boolean
  disabledAt: string | null
  mustChangePassword: boolean
  createdAt: string
  updatedAt: string
  lastSignInAt: string | null
}

export function viewUser(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled_at !== null,
    disabledAt: row.disabled_at,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  }
}

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/

/** An email as stored and signed in with: trimmed, lower-cased; invalid ones are refused. */
export function normaliseEmail(email: string): string {
  const e = email.trim().toLowerCase()
  if (e.length > 254 || !EMAIL.test(e)) {
    throw new InvalidInputError(`"${email.slice(0, 80)}" is not an email address`, [
      { field: 'email', message: 'an email address, e.g. ana@example.org' },
    ])
  }
  return e
}

function checkRoleName(role: string): UserRole {
  const found = USER_ROLES.find((r) => r === role)
  if (!found) {
    throw new InvalidInputError(`"${role}" is not a role (${USER_ROLES.join(', ')})`, [
      { field: 'role', message: `one of ${USER_ROLES.join(', ')}` },
    ])
  }
  return found
}

/** Throws `weak_password` (422) when a chosen password breaks a rule of `passwordProblem`. */
export function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email)
  if (problem) {
    throw new ValidationError('weak_password', problem.message, [
      { field: 'password', message: problem.message },
    ])
  }
}

function cleanName(name: string | null | undefined): string | null {
  const n = name?.trim()
  if (!n) return null
  if (n.length > 200) {
    throw new InvalidInputError('a name has at most 200 characters', [
      { field: 'name', message: 'at most 200 characters' },
    ])
  }
  return n
}

/** Every account, in the order they were made. */
export async function listAccounts(deps: UserDeps): Promise<UserView[]> {
  return (await listUsers(deps.db)).map(viewUser)
}

/** The account with this id; NotFoundError otherwise. */
export async function accountOrThrow(db: Kysely<Database>, id: number): Promise<UserRow> {
  const row = await findUserById(db, id)
  if (!row) throw new NotFoundError(`no account ${id}`)
  return row
}

/** The account with this email; NotFoundError otherwise. */
export async function findAccount(deps: UserDeps, email: string): Promise<UserView> {
  const row = await findUserByEmail(deps.db, normaliseEmail(email))
  if (!row) throw new NotFoundError(`no account "${email.trim()}"`)
  return viewUser(row)
}

/**
 * Creates an account. Without `password`, Gapkit makes a one-time password, returned once, that
 * must be replaced at the first sign-in; a chosen one must pass `passwordProblem`.
 */
export async function createAccount(
  deps: UserDeps,
  input: { email: string; role: string; name?: string | null; password?: string },
  actor: string,
): Promise<{ user: UserView; password: string | null }> {
  const email = normaliseEmail(input.email)
  const role = checkRoleName(input.role)
  const name = cleanName(input.name)
  if (input.password !== undefined) checkPassword(input.password, email)
  const oneTime = input.password === undefined ? generatePassword() : null
  const hash = await hashPassword(input.password ?? oneTime ?? '', deps.passwords ?? SCRYPT_PARAMS)
  const now = deps.now().toISOString()
  const row = await deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) {
      throw new ConflictError(`an account "${email}" exists already`, [], 'account_exists')
    }
    const id = await insertUser(trx, {
      email,
      name,
      role,
      password_hash: hash,
      must_change_password: oneTime === null ? 0 : 1,
      created_at: now,
      updated_at: now,
      disabled_at: null,
      last_sign_in_at: null,
    })
    await writeAudit(
      trx,
      { actor, action: 'user.create', entity: 'user', entityId: email, details: { role, name } },
      now,
    )
    return accountOrThrow(trx, id)
  })
  return { user: viewUser(row), password: oneTime }
}

/** What an owner may change about an account. */
export interface AccountChange {
  role?: string
  name?: string | null
  disabled?: boolean
}

/**
 * Changes an account's role, name or state, each change audited. Disabling ends its sessions at
 * once; a role change applies to its open sessions at their next request. The last owner who
 * can sign in cannot be demoted or disabled (409 `last_owner`).
 */
export async function changeAccount(
  deps: UserDeps,
  id: number,
  change: AccountChange,
  actor: string,
): Promise<UserView> {
  const role = change.role === undefined ? undefined : checkRoleName(change.role)
  const name = change.name === undefined ? undefined : cleanName(change.name)
  const now = deps.now().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    const before = await accountOrThrow(trx, id)
    const audit = (action: string, details?: unknown) =>
      writeAudit(trx, { actor, action, entity: 'user', entityId: before.email, details }, now)
    const losesOwner =
      before.role === 'owner' &&
      before.disabled_at === null &&
      ((role !== undefined && role !== 'owner') || change.disabled === true)
    if (losesOwner && (await countActiveOwners(trx)) <= 1) {
      throw new ConflictError(
        `${before.email} is the last owner who can sign in: make another owner first`,
        [],
        'last_owner',
      )
    }
    const patch: Partial<Pick<UserRow, 'role' | 'name' | 'disabled_at'>> = {}
    if (role !== undefined && role !== before.role) {
      patch.role = role
      await audit('user.role', { from: before.role, to: role })
    }
    if (name !== undefined && name !== before.name) {
      patch.name = name
      await audit('user.rename', { from: before.name, to: name })
    }
    if (change.disabled === true && before.disabled_at === null) {
      patch.disabled_at = now
      const ended = await deleteSessionsOf(trx, { userId: id })
      await audit('user.disable', { sessionsEnded: ended })
    }
    if (change.disabled === false && before.disabled_at !== null) {
      patch.disabled_at = null
      await audit('user.enable')
    }
    if (Object.keys(patch).length > 0) await updateUser(trx, id, { ...patch, updated_at: now })
    return viewUser(await accountOrThrow(trx, id))
  })
}
