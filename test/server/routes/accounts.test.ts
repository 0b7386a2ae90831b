import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NO_LIMITS } from '../../../server/config.ts'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { findUserByEmail } from '../../../server/db/repositories/users.ts'
import { hashSessionId } from '../../../server/http/session.ts'
import { createAccount } from '../../../server/services/users.ts'
import {
  addUser,
  asUser,
  cookieOf,
  type Session,
  signIn,
  TEST_SCRYPT,
} from '../../helpers/accounts.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'), {
    passwords: TEST_SCRYPT,
    limits: NO_LIMITS,
  })
})
afterEach(async () => {
  await t.close()
})

const login = (email: string, password: string) =>
  t.app.request('/admin/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password, lang: 'en' }),
  })

/** Whether a session still opens the dashboard's JSON API. */
async function alive(s: Session): Promise<boolean> {
  const res = await asUser(t, s, 'GET', '/api/admin/progress')
  expect([200, 401]).toContain(res.status)
  return res.status === 200
}

describe('signing in by email and password', () => {
  it('opens a session of the person, stored by hash, and audits it under their email', async () => {
    const ana = await addUser(t, 'analyst', 'Ana@Example.org')
    expect(ana.email).toBe('ana@example.org')
    // The email is matched as typed, case and spaces aside.
    const res = await login('  ANA@example.org ', ana.password)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin?lang=en')
    const cookie = cookieOf(res)
    expect(res.headers.get('set-cookie')).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/,
    )
    const sessions = await t.db.kysely.selectFrom('admin_sessions').selectAll().execute()
    expect(sessions).toEqual([
      expect.objectContaining({
        id_hash: hashSessionId(cookie.split('=')[1] ?? ''),
        user_id: ana.id,
        token_id: null,
      }),
    ])
    const page = await t.app.request('/admin', { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('The analyst')
    expect(html).toContain('Analyst')
    const audit = await listAudit(t.db.kysely, { entity: 'user' })
    expect(audit.map((a) => [a.actor, a.action, a.entity_id])).toEqual([
      ['cli', 'user.create', 'ana@example.org'],
      ['ana@example.org', 'session.open', 'ana@example.org'],
    ])
    const row = await findUserByEmail(t.db.kysely, 'ana@example.org')
    expect(row?.last_sign_in_at).not.toBeNull()
  })

  it('answers a wrong password and an unknown email with the same page', async () => {
    const ana = await addUser(t, 'analyst', 'ana@example.org')
    const wrong = await login('ana@example.org', 'not the password')
    const unknown = await login('nobody@example.org', 'not the password')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    const strip = (html: string, email: string) => html.replaceAll(email, 'EMAIL')
    expect(strip(await wrong.text(), 'ana@example.org')).toBe(
      strip(await unknown.text(), 'nobody@example.org'),
    )
    // A guess at a real account is kept for the owners; nothing names the unknown one.
    const refused = (await listAudit(t.db.kysely)).filter((a) => a.action === 'session.refused')
    expect(refused.map((a) => [a.actor, a.entity_id, JSON.parse(a.details ?? '{}')])).toEqual([
      ['anonymous', 'ana@example.org', { reason: 'wrong password' }],
    ])
    expect((await login(ana.email, ana.password)).status).toBe(303)
  })

  it('names a disabled account only to someone who gave its right password', async () => {
    const bo = await addUser(t, 'viewer', 'bo@example.org')
    await t.db.kysely
      .updateTable('users')
      .set({ disabled_at: '2026-01-02T00:00:00.000Z' })
      .where('id', '=', bo.id)
      .execute()
    const right = await login(bo.email, bo.password)
    expect(right.status).toBe(403)
    expect(await right.text()).toContain('This account is disabled')
    expect(right.headers.get('set-cookie')).toBeNull()
    const wrong = await login(bo.email, 'a wrong password')
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('The email or the password is not right.')
  })

  it('returns to the dashboard page that asked for the sign-in, and never elsewhere', async () => {
    const ana = await addUser(t, 'analyst')
    const next = async (path: string) => {
      const res = await t.app.request('/admin/login', {
        method: 'POST',
        body: new URLSearchParams({ email: ana.email, password: ana.password, next: path }),
      })
      expect(res.status).toBe(303)
      return res.headers.get('location')
    }
    expect(await next('/admin/audit')).toBe('/admin/audit')
    expect(await next('/admin/surveys/example/responses/0193a-b2')).toBe(
      '/admin/surveys/example/responses/0193a-b2',
    )
    for (const elsewhere of ['//evil.example/admin', 'https://evil.example', '/admin/../x']) {
      expect(await next(elsewhere)).toBe('/admin')
    }
  })

  it('rehashes a password made under another scrypt cost at the next sign-in', async () => {
    const { user } = await createAccount(
      { db: t.db.kysely, now: () => new Date(), passwords: { N: 2048, r: 8, p: 1 } },
      { email: 'old@example.org', role: 'viewer', password: 'an old password' },
      'cli',
    )
    const before = (await findUserByEmail(t.db.kysely, user.email))?.password_hash
    expect(before?.startsWith('scrypt$2048$')).toBe(true)
    await signIn(t, user.email, 'an old password')
    const after = (await findUserByEmail(t.db.kysely, user.email))?.password_hash
    expect(after?.startsWith('scrypt$1024$8$1$')).toBe(true)
    await signIn(t, user.email, 'an old password')
  })

  it('keeps the admin token sign-in for scripts, acting as owner', async () => {
    const res = await t.app.request('/admin/login', {
      method: 'POST',
      body: new URLSearchParams({ token: t.admin }),
    })
    expect(res.status).toBe(303)
    const cookie = cookieOf(res)
    const users = await t.app.request('/admin/users', { headers: { Cookie: cookie } })
    expect(users.status).toBe(200)
  })
})

describe('the timing of a refused sign-in', () => {
  it('is the same class for a wrong password and an unknown email: one scrypt each', async () => {
    // The real cost here: the point is that both pay it.
    const real = await createTestApp(path.join(FIXTURES, 'surveys'), { limits: NO_LIMITS })
    try {
      await createAccount(
        { db: real.db.kysely, now: () => new Date() },
        { email: 'ana@example.org', role: 'viewer', password: 'the real password' },
        'cli',
      )
      const timed = async (fields: Record<string, string>) => {
        const started = performance.now()
        const res = await real.app.request('/admin/login', {
          method: 'POST',
          body: new URLSearchParams(fields),
        })
        expect(res.status).toBe(401)
        await res.text()
        return performance.now() - started
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
      const wrong: number[] = []
      const unknown: number[] = []
      const none: number[] = []
      // Five rounds, the fastest of each kind: the suite runs a file per core, so another file's
      // work can land on any one request and only ever adds time. One scrypt each gives a ratio
      // near 1; none would give under 0.2, two about 2.
      for (let i = 0; i < 5; i++) {
        wrong.push(await timed({ email: 'ana@example.org', password: 'a wrong password' }))
        unknown.push(await timed({ email: 'nobody@example.org', password: 'a wrong password' }))
        // No password check at all (nothing to sign in with): the floor of a refused form.
        none.push(await timed({ lang: 'en' }))
      }
      const [w, u, floor] = [Math.min(...wrong), Math.min(...unknown), median(none)]
      expect(u / w).toBeGreaterThan(0.5)
      expect(u / w).toBeLessThan(2)
      expect(u).toBeGreaterThan(5 * floor)
      expect(w).toBeGreaterThan(5 * floor)
    } finally {
      await real.close()
    }
  })
})

describe('one-time passwords', () => {
  it('open nothing but the account page until the person chooses a password', async () => {
    const deps = { db: t.db.kysely, now: () => new Date(), passwords: TEST_SCRYPT }
    const { password } = await createAccount(
      deps,
      { email: 'new@example.org', role: 'analyst' },
      'cli',
    )
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/)
    const res = await login('new@example.org', password ?? '')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin/account?lang=en')
    const cookie = cookieOf(res)
    const account = await t.app.request('/admin/account', { headers: { Cookie: cookie } })
    const html = await account.text()
    expect(html).toContain('choose your own password')
    const csrf = /<meta name="gapkit-csrf" content="([^"]+)">/.exec(html)?.[1] ?? ''
    const s = { email: 'new@example.org', cookie, csrf }

    const home = await t.app.request('/admin/partners', { headers: { Cookie: cookie } })
    expect(home.status).toBe(303)
    expect(home.headers.get('location')).toBe('/admin/account?lang=en')
    const api = await asUser(t, s, 'GET', '/api/admin/progress')
    expect(api.status).toBe(403)
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe(
      'password_change_required',
    )

    const change = (fields: Record<string, string>) =>
      t.app.request('/admin/account/password', {
        method: 'POST',
        headers: { Cookie: cookie },
        body: new URLSearchParams({ csrf, lang: 'en', ...fields }),
      })
    const mismatch = await change({
      current: password ?? '',
      password: 'a new password',
      confirm: 'another one',
    })
    expect(mismatch.status).toBe(422)
    expect(await mismatch.text()).toContain('The two new passwords are not the same.')
    const short = await change({ current: password ?? '', password: 'short', confirm: 'short' })
    expect(short.status).toBe(422)
    expect(await short.text()).toContain('at least 10 characters')
    const wrong = await change({
      current: 'not it at all',
      password: 'a new password',
      confirm: 'a new password',
    })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('The current password is not right.')
    const forged = await t.app.request('/admin/account/password', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://evil.example' },
      body: new URLSearchParams({
        current: password ?? '',
        password: 'a new password',
        confirm: 'a new password',
      }),
    })
    expect(forged.status).toBe(403)

    const ok = await change({
      current: password ?? '',
      password: 'a new password',
      confirm: 'a new password',
    })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/admin/account?changed=1&lang=en')
    expect(await alive(s)).toBe(true)
    expect((await login('new@example.org', password ?? '')).status).toBe(401)
    await signIn(t, 'new@example.org', 'a new password')
    const audit = await listAudit(t.db.kysely, { entity: 'user', entityId: 'new@example.org' })
    expect(audit.map((a) => [a.actor, a.action])).toContainEqual([
      'new@example.org',
      'user.password.change',
    ])
  })
})

describe('guessing the current password', () => {
  it('is rate-limited with the sign-ins of the address', async () => {
    const limited = await createTestApp(path.join(FIXTURES, 'surveys'), {
      passwords: TEST_SCRYPT,
      limits: { ...NO_LIMITS, signInsPerAddress: 2, trustProxy: true },
    })
    try {
      const ana = await addUser(limited, 'analyst')
      const res = await limited.app.request('/admin/login', {
        method: 'POST',
        headers: { 'X-Forwarded-For': '203.0.113.9' },
        body: new URLSearchParams({ email: ana.email, password: ana.password }),
      })
      expect(res.status).toBe(303)
      const cookie = cookieOf(res)
      const page = await (
        await limited.app.request('/admin/account', { headers: { Cookie: cookie } })
      ).text()
      const csrf = /<meta name="gapkit-csrf" content="([^"]+)">/.exec(page)?.[1] ?? ''
      const guess = () =>
        limited.app.request('/admin/account/password', {
          method: 'POST',
          headers: { Cookie: cookie, 'X-Forwarded-For': '203.0.113.9' },
          body: new URLSearchParams({
            csrf,
            current: 'a guess at it',
            password: 'new password 1',
            confirm: 'new password 1',
          }),
        })
      expect((await guess()).status).toBe(422)
      const refused = await guess()
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    } finally {
      await limited.close()
    }
  })
})

describe('sessions per person', () => {
  it('log out everywhere ends every session of that person, and only theirs', async () => {
    const ana = await addUser(t, 'analyst')
    const bo = await addUser(t, 'viewer')
    const laptop = await signIn(t, ana.email, ana.password)
    const phone = await signIn(t, ana.email, ana.password)
    const other = await signIn(t, bo.email, bo.password)
    const forged = await t.app.request('/admin/logout-everywhere', {
      method: 'POST',
      headers: { Cookie: laptop.cookie, Origin: 'https://evil.example' },
      body: new URLSearchParams({}),
    })
    expect(forged.status).toBe(403)
    expect(await alive(phone)).toBe(true)

    const res = await t.app.request('/admin/logout-everywhere', {
      method: 'POST',
      headers: { Cookie: laptop.cookie },
      body: new URLSearchParams({ csrf: laptop.csrf }),
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('set-cookie')).toContain('gapkit_session=;')
    expect(await alive(laptop)).toBe(false)
    expect(await alive(phone)).toBe(false)
    expect(await alive(other)).toBe(true)
    const entry = (await listAudit(t.db.kysely)).find((a) => a.action === 'session.close.all')
    expect(entry).toMatchObject({ actor: ana.email, entity: 'user', entity_id: ana.email })
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ sessionsEnded: 2 })
  })

  it('log out everywhere with an admin token ends the sessions that token opened', async () => {
    const viaToken = async () => {
      const res = await t.app.request(`/admin?t=${t.admin}`)
      const cookie = cookieOf(res)
      const page = await (await t.app.request('/admin', { headers: { Cookie: cookie } })).text()
      const csrf = /<meta name="gapkit-csrf" content="([^"]+)">/.exec(page)?.[1] ?? ''
      return { email: 'token', cookie, csrf }
    }
    const one = await viaToken()
    const two = await viaToken()
    const ana = await addUser(t, 'analyst')
    const person = await signIn(t, ana.email, ana.password)
    await t.app.request('/admin/logout-everywhere', {
      method: 'POST',
      headers: { Cookie: one.cookie },
      body: new URLSearchParams({ csrf: one.csrf }),
    })
    expect(await alive(one)).toBe(false)
    expect(await alive(two)).toBe(false)
    expect(await alive(person)).toBe(true)
  })

  it('disabling a person ends their sessions at once; a role change applies at once', async () => {
    const owner = await addUser(t, 'owner')
    const ana = await addUser(t, 'analyst')
    const boss = await signIn(t, owner.email, owner.password)
    const s = await signIn(t, ana.email, ana.password)
    expect((await asUser(t, s, 'GET', '/api/admin/partners')).status).toBe(200)

    const demote = await asUser(t, boss, 'PATCH', `/api/admin/users/${ana.id}`, { role: 'viewer' })
    expect(demote.status).toBe(200)
    expect((await asUser(t, s, 'GET', '/api/admin/partners')).status).toBe(403)

    const disable = await asUser(t, boss, 'PATCH', `/api/admin/users/${ana.id}`, { disabled: true })
    expect(disable.status).toBe(200)
    expect(((await disable.json()) as { user: { disabled: boolean } }).user.disabled).toBe(true)
    expect(await alive(s)).toBe(false)
    expect(
      await t.db.kysely
        .selectFrom('admin_sessions')
        .selectAll()
        .where('user_id', '=', ana.id)
        .execute(),
    ).toEqual([])
    expect((await login(ana.email, ana.password)).status).toBe(403)

    const enable = await asUser(t, boss, 'PATCH', `/api/admin/users/${ana.id}`, { disabled: false })
    expect(enable.status).toBe(200)
    await signIn(t, ana.email, ana.password)
  })

  it('keeps one owner who can sign in, and refuses duplicates and bad input', async () => {
    const owner = await addUser(t, 'owner')
    const boss = await signIn(t, owner.email, owner.password)
    const demote = await asUser(t, boss, 'PATCH', `/api/admin/users/${owner.id}`, {
      role: 'analyst',
    })
    expect(demote.status).toBe(409)
    expect(((await demote.json()) as { error: { code: string } }).error.code).toBe('last_owner')
    const disable = await asUser(t, boss, 'PATCH', `/api/admin/users/${owner.id}`, {
      disabled: true,
    })
    expect(disable.status).toBe(409)

    const twice = await asUser(t, boss, 'POST', '/api/admin/users', {
      email: 'OWNER@example.org',
      role: 'viewer',
    })
    expect(twice.status).toBe(409)
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('account_exists')
    for (const body of [
      { email: 'not an email', role: 'viewer' },
      { email: 'x@example.org', role: 'boss' },
      { email: 'x@example.org', role: 'viewer', password: 'chosen by the owner' },
    ]) {
      expect((await asUser(t, boss, 'POST', '/api/admin/users', body)).status).toBe(400)
    }
    expect(
      (await asUser(t, boss, 'PATCH', '/api/admin/users/999', { role: 'viewer' })).status,
    ).toBe(404)
    expect((await asUser(t, boss, 'PATCH', `/api/admin/users/${owner.id}`, {})).status).toBe(400)

    const created = await asUser(t, boss, 'POST', '/api/admin/users', {
      email: 'second@example.org',
      role: 'owner',
      name: 'Second owner',
    })
    expect(created.status).toBe(201)
    const body = (await created.json()) as { user: { id: number }; password: string }
    expect(body.password).toMatch(/^[a-z2-9-]{23}$/)
    // With a second owner, the first may step down.
    expect(
      (await asUser(t, boss, 'PATCH', `/api/admin/users/${owner.id}`, { role: 'analyst' })).status,
    ).toBe(200)
    // The password reset gives a new one-time password and ends the sessions.
    const reset = await t.send('POST', `/api/admin/users/${body.user.id}/password`, t.admin)
    expect(reset.status).toBe(200)
    const again = (await reset.json()) as { password: string }
    expect(again.password).not.toBe(body.password)
    expect((await login('second@example.org', body.password)).status).toBe(401)
    expect((await login('second@example.org', again.password)).status).toBe(303)
  })
})
