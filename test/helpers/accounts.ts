import { expect } from 'vitest'
import type { UserRole } from '../../server/db/schema.ts'
import type { ScryptParams } from '../../server/services/passwords.ts'
import { createAccount } from '../../server/services/users.ts'
import type { TestApp } from './test-app.ts'

/**
 * A cheap scrypt cost for tests that sign people in many times (the real cost is checked in
 * passwords.test.ts); pass it as `createTestApp(…, { passwords: TEST_SCRYPT })`.
 */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 }

/** A person's dashboard session: the cookie and the CSRF token its pages carry. */
export interface Session {
  email: string
  cookie: string
  csrf: string
}

/** Creates an account with a chosen password (no one-time password to replace). */
export async function addUser(
  t: TestApp,
  role: UserRole,
  email = `${role}@example.org`,
  password = `${role} password 123`,
): Promise<{ id: number; email: string; password: string }> {
  const { user } = await createAccount(
    { db: t.db.kysely, now: () => new Date(), passwords: TEST_SCRYPT },
    { email, role, password, name: `The ${role}` },
    'cli',
  )
  return { id: user.id, email: user.email, password }
}

/** The `gapkit_session=…` pair of a sign-in answer. */
export function cookieOf(res: Response): string {
  const value = /gapkit_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
  expect(value, 'a session cookie').toBeTruthy()
  return `gapkit_session=${value}`
}

/** Signs in by email and password through `POST /admin/login`; 303 expected. */
export async function signIn(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await t.app.request('/admin/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password, lang: 'en' }),
  })
  expect(res.status, `sign-in of ${email}`).toBe(303)
  const cookie = cookieOf(res)
  const page = await t.app.request('/admin/account', { headers: { Cookie: cookie } })
  expect(page.status).toBe(200)
  const csrf = /<meta name="gapkit-csrf" content="([^"]+)">/.exec(await page.text())?.[1] ?? ''
  expect(csrf).toBeTruthy()
  return { email, cookie, csrf }
}

/** A request as the signed-in person (cookie and CSRF header; JSON body when given). */
export function asUser(
  t: TestApp,
  s: Session,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  return Promise.resolve(
    t.app.request(url, {
      method,
      headers: {
        Cookie: s.cookie,
        'X-Gapkit-CSRF': s.csrf,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
}
