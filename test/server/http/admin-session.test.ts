import { createHash } from 'node:crypto'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.ts'
import { listTokens, revokeToken } from '../../../server/db/repositories/tokens.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterEach(async () => {
  await t.close()
})

type Requester = (url: string, init?: RequestInit) => Response | Promise<Response>

/** Signs in with `GET /admin?t=` and returns the `Cookie` header value. */
async function signIn(request: Requester = (u, i) => t.app.request(u, i)): Promise<string> {
  const res = await request(`/admin?t=${t.admin}`)
  expect(res.status).toBe(303)
  const cookie = /gapkit_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
  expect(cookie).toBeTruthy()
  return `gapkit_session=${cookie}`
}

/** The CSRF token a dashboard page hands to its script. */
async function csrfOf(cookie: string): Promise<string> {
  const res = await t.app.request('/admin', { headers: { Cookie: cookie } })
  expect(res.status).toBe(200)
  const token = /<meta name="gapkit-csrf" content="([^"]+)">/.exec(await res.text())?.[1]
  expect(token).toBeTruthy()
  return token ?? ''
}

const partnerBody = JSON.stringify({ region: 'FR-93', name: 'Cookie partner' })

describe('signing in to /admin', () => {
  it('turns ?t= into an HttpOnly SameSite=Strict cookie and redirects without the token', async () => {
    const res = await t.app.request(`/admin?t=${t.admin}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin')
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^gapkit_session=[A-Za-z0-9_-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).toContain('Max-Age=43200')
    // Plain http (localhost): a Secure cookie would never come back.
    expect(setCookie).not.toContain('Secure')
    // Only the hash of the session id is stored.
    const id = /gapkit_session=([^;]+)/.exec(setCookie)?.[1] ?? ''
    const rows = await t.db.kysely.selectFrom('admin_sessions').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.id_hash).toBe(createHash('sha256').update(id).digest('hex'))
    expect(JSON.stringify(rows)).not.toContain(id)
  })

  it('marks the cookie Secure over https, directly or behind a TLS proxy', async () => {
    const direct = await t.app.request(`https://gapkit.example/admin?t=${t.admin}`)
    expect(direct.headers.get('set-cookie')).toContain('Secure')
    const proxied = await t.app.request(`/admin?t=${t.admin}`, {
      headers: { 'X-Forwarded-Proto': 'https' },
    })
    expect(proxied.headers.get('set-cookie')).toContain('Secure')
  })

  it('keeps the page and language after signing in from a deep link', async () => {
    const res = await t.app.request(`/admin/surveys/example?t=${t.admin}&lang=fr`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin/surveys/example?lang=fr')
  })

  it('signs in with the login form too, and refuses a form posted from another site', async () => {
    const form = (token: string) => new URLSearchParams({ token, lang: 'en' })
    const ok = await t.app.request('/admin/login', { method: 'POST', body: form(t.admin) })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('set-cookie')).toContain('gapkit_session=')
    const forged = await t.app.request('/admin/login', {
      method: 'POST',
      body: form(t.admin),
      headers: { Origin: 'https://evil.example' },
    })
    expect(forged.status).toBe(403)
    expect(forged.headers.get('set-cookie')).toBeNull()
    // Behind a proxy that rewrites Host, the public host comes as X-Forwarded-Host.
    const proxied = await t.app.request('http://127.0.0.1:3000/admin/login', {
      method: 'POST',
      body: form(t.admin),
      headers: { Origin: 'https://gapkit.example', 'X-Forwarded-Host': 'gapkit.example' },
    })
    expect(proxied.status).toBe(303)
  })

  it('answers a wrong token with a 401 page and a partner token with a 403 page', async () => {
    const wrong = await t.app.request('/admin?t=gka_nope')
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('content-type')).toContain('text/html')
    expect(await wrong.text()).toContain('not valid')
    const posted = await t.app.request('/admin/login', {
      method: 'POST',
      body: new URLSearchParams({ token: 'gka_nope' }),
    })
    expect(posted.status).toBe(401)
    const partner = await t.app.request(`/admin?t=${t.partnerA}`)
    expect(partner.status).toBe(403)
    expect(partner.headers.get('set-cookie')).toBeNull()
    expect(await partner.text()).toContain('partner link token')
    const postedPartner = await t.app.request('/admin/login', {
      method: 'POST',
      body: new URLSearchParams({ token: t.partnerA }),
    })
    expect(postedPartner.status).toBe(403)
  })

  it('shows the sign-in form without a session, with the CSP of the form page', async () => {
    const res = await t.app.request('/admin', { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval')
    const html = await res.text()
    expect(html).toContain('action="/admin/login"')
    expect(html).toContain('Jeton administrateur')
    const deep = await t.app.request('/admin/partners')
    expect(deep.status).toBe(401)
    expect(await deep.text()).toContain('name="next" value="/admin/partners"')
  })
})

describe('the session cookie', () => {
  it('opens the dashboard pages and the admin APIs', async () => {
    const cookie = await signIn()
    const page = await t.app.request('/admin?lang=fr', { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Avancement de la collecte')
    for (const url of [
      '/api/admin/partners',
      '/api/admin/progress',
      '/api/admin/surveys/example/responses',
      '/api/surveys/example/analysis',
    ]) {
      const res = await t.app.request(url, { headers: { Cookie: cookie } })
      expect(res.status, url).toBe(200)
    }
    expect((await t.app.request('/api/admin/partners')).status).toBe(401)
  })

  it('needs the CSRF header or a same-host Origin for writes; Bearer requests are exempt', async () => {
    const cookie = await signIn()
    const csrf = await csrfOf(cookie)
    const post = (headers: Record<string, string>) =>
      t.app.request('/api/admin/partners', {
        method: 'POST',
        body: partnerBody,
        headers: { 'Content-Type': 'application/json', ...headers },
      })
    const bare = await post({ Cookie: cookie })
    expect(bare.status).toBe(403)
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('csrf_failed')
    expect((await post({ Cookie: cookie, Origin: 'https://evil.example' })).status).toBe(403)
    expect((await post({ Cookie: cookie, Referer: 'https://evil.example/x' })).status).toBe(403)
    expect((await post({ Cookie: cookie, 'X-Gapkit-CSRF': 'forged' })).status).toBe(403)
    expect((await post({ Cookie: cookie, Origin: 'http://localhost' })).status).toBe(201)
    expect((await post({ Cookie: cookie, 'X-Gapkit-CSRF': csrf })).status).toBe(201)
    expect((await post({ Authorization: `Bearer ${t.admin}` })).status).toBe(201)
    const review = await t.app.request('/api/surveys/example/reviews', {
      method: 'POST',
      body: JSON.stringify({ ids: ['x'], status: 'approved' }),
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: 'null' },
    })
    expect(review.status).toBe(403)
  })

  it('ends at logout, and logout itself needs the CSRF token', async () => {
    const cookie = await signIn()
    const csrf = await csrfOf(cookie)
    const forged = await t.app.request('/admin/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://evil.example' },
      body: new URLSearchParams({}),
    })
    expect(forged.status).toBe(403)
    const res = await t.app.request('/admin/logout', {
      method: 'POST',
      headers: { Cookie: cookie },
      body: new URLSearchParams({ csrf }),
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('set-cookie')).toMatch(/gapkit_session=;.*Max-Age=0/)
    expect(
      (await t.app.request('/api/admin/partners', { headers: { Cookie: cookie } })).status,
    ).toBe(401)
    expect(await t.db.kysely.selectFrom('admin_sessions').selectAll().execute()).toEqual([])
  })

  it('stops working when its admin token is revoked', async () => {
    const cookie = await signIn()
    const admin = (await listTokens(t.db.kysely)).find((r) => r.role === 'admin')
    await revokeToken(t.db.kysely, admin?.id ?? 0, '2026-01-02T00:00:00.000Z')
    const res = await t.app.request('/api/admin/partners', { headers: { Cookie: cookie } })
    expect(res.status).toBe(401)
    const page = await t.app.request('/admin/partners', { headers: { Cookie: cookie } })
    expect(page.status).toBe(401)
  })

  it('expires after 12 hours', async () => {
    let clock = new Date('2026-03-01T08:00:00.000Z')
    const app = createApp({
      db: t.db.kysely,
      registry: t.registry,
      defaultWave: '2026',
      now: () => clock,
    })
    const cookie = await signIn((u, i) => app.request(u, i))
    const get = () => app.request('/api/admin/partners', { headers: { Cookie: cookie } })
    clock = new Date('2026-03-01T19:59:00.000Z')
    expect((await get()).status).toBe(200)
    clock = new Date('2026-03-01T20:00:01.000Z')
    expect((await get()).status).toBe(401)
  })

  it('ignores a malformed or unknown cookie', async () => {
    for (const value of ['x', 'A'.repeat(43), '<script>']) {
      const res = await t.app.request('/api/admin/partners', {
        headers: { Cookie: `gapkit_session=${value}` },
      })
      expect(res.status).toBe(401)
    }
  })
})
