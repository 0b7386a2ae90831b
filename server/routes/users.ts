import { Hono } from 'hono'
import { z } from 'zod'
import { notFound } from '../errors.ts'
import { type AuthEnv, actorOf, requireRole } from '../http/auth.ts'
import { parseJson } from '../http/request.ts'
import { resetPassword } from '../services/credentials.ts'
import {
  changeAccount,
  createAccount,
  listAccounts,
  USER_ROLES,
  type UserDeps,
} from '../services/users.ts'

const role = z.enum(USER_ROLES)

export const newUserBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  role,
  name: z.string().trim().max(200).optional(),
})

export const changeBody = z
  .strictObject({
    role: role.optional(),
    name: z.string().trim().max(200).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give role, name or disabled')

export const idParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

/**
 * Lead-partner accounts, for owners (an owner's session or the admin token): list, create (the
 * one-time password is in the 201 answer only), change role, name or state, reset a password.
 * Passwords are never accepted here: Gapkit makes one-time ones, which the person replaces at
 * their first sign-in. Mounted at `/api/admin/users`.
 */
export function userRoutes(deps: UserDeps) {
  const parseId = (text: string) => {
    const id = idParam.safeParse(text)
    if (!id.success) throw notFound(`no account "${text}"`)
    return id.data
  }
  return new Hono<AuthEnv>()
    .use('*', requireRole(deps.db, 'owner', deps.now))
    .use('*', async (c, next) => {
      await next()
      c.header('Cache-Control', 'no-store')
    })
    .get('/', async (c) => c.json({ users: await listAccounts(deps) }))
    .post('/', async (c) => {
      const body = await parseJson(c, newUserBody)
      const created = await createAccount(deps, body, actorOf(c.var.principal))
      return c.json(created, 201)
    })
    .patch('/:id', async (c) => {
      const id = parseId(c.req.param('id'))
      const body = await parseJson(c, changeBody)
      return c.json({ user: await changeAccount(deps, id, body, actorOf(c.var.principal)) })
    })
    .post('/:id/password', async (c) => {
      const id = parseId(c.req.param('id'))
      return c.json(await resetPassword(deps, id, actorOf(c.var.principal)))
    })
}
