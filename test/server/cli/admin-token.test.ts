/**
 * Admin tokens end to end: `gapkit admin-token` creates one (optionally expiring), `--list`
 * shows them, `--revoke ID|PREFIX` revokes one; a revoked or expired token is refused by the
 * API and ends the dashboard sessions it opened. Before issue 16 no token could be revoked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseExpiry } from '../../../server/cli/tokens.ts'
import { createAdminToken, listAdminTokens } from '../../../server/services/partner-links.ts'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
let clock: { now: Date }
let db = ''
beforeEach(async () => {
  clock = { now: new Date() }
  t = await createTestApp(undefined, { now: () => clock.now })
  db = t.db.target
})
afterEach(async () => {
  await t.close()
})

const cli = (...args: string[]) => runCli(['admin-token', '--db', db, ...args])

async function signIn(token: string): Promise<string> {
  const res = await t.app.request(`/admin?t=${token}`)
  expect(res.status).toBe(303)
  return `gapkit_session=${/gapkit_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]}`
}

const apiWith = (token: string) => t.send('GET', '/api/surveys', token)
const dashboardWith = (cookie: string) =>
  t.app.request('/api/admin/partners', { headers: { cookie } })

describe('gapkit admin-token', () => {
  it('revokes a token by its prefix: the API refuses it and its sessions are over', async () => {
    const made = await cli('--name', 'Ops laptop')
    expect(made.code, made.stderr).toBe(0)
    const token = made.stdout.trim()
    expect(token).toMatch(/^gka_/)
    expect((await apiWith(token)).status).toBe(200)
    const cookie = await signIn(token)
    expect((await dashboardWith(cookie)).status).toBe(200)

    const revoked = await cli('--revoke', token.slice(0, 10))
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(revoked.stdout).toMatch(/^revoked admin token \d+ \(Ops laptop, gka_[\w-]{8}\)/)
    expect((await apiWith(token)).status).toBe(401)
    expect((await dashboardWith(cookie)).status).toBe(401)
    expect((await t.app.request(`/admin?t=${token}`)).status).toBe(401)
    // The test app's own admin token still works.
    expect((await apiWith(t.admin)).status).toBe(200)

    const again = await cli('--revoke', token.slice(0, 10))
    expect(again.code).not.toBe(0)
    expect(again.stderr).toMatch(/already revoked/)
  })

  it('lists every admin token with its prefix, last use, expiry and state', async () => {
    const made = await cli('--name', 'Analyst', '--expires', '90d')
    expect(made.code, made.stderr).toBe(0)
    expect(made.stderr).toMatch(/expires: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
    await apiWith(made.stdout.trim())
    const byId = await cli('--revoke', '1')
    expect(byId.code, byId.stderr).toBe(0)
    const list = await cli('--list')
    expect(list.code, list.stderr).toBe(0)
    const lines = list.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^id\s+name\s+prefix\s+created \(UTC\)\s+last use\s+expires\s+state$/)
    expect(lines[1]).toMatch(/^1\s+test admin\s+gka_[\w-]{8}\s+2026-01-01 00:00\s+-\s+-\s+revoked /)
    expect(lines[2]).toMatch(
      /^\d+\s+Analyst\s+gka_[\w-]{8}\s+\S+ \S+\s+\d{4}-\S+ \S+\s+\d{4}-\S+ \S+\s+live$/,
    )
    const views = await listAdminTokens(t.db.kysely, new Date().toISOString())
    const analyst = views.find((v) => v.name === 'Analyst')
    expect(analyst?.lastUsedAt).not.toBeNull()
    expect(Date.parse(analyst?.validUntil ?? '') - Date.now()).toBeGreaterThan(89 * 86_400_000)
  })

  it('refuses what it cannot do with a one-line reason', async () => {
    expect((await cli('--revoke', '999')).stderr).toMatch(/no admin token 999/)
    expect((await cli('--revoke', 'gka')).stderr).toMatch(/too short/)
    expect((await cli('--revoke', 'gka_zzzzzzzz')).stderr).toMatch(/no admin token starts with/)
    expect((await cli('--expires', 'soon')).stderr).toMatch(/--expires must be a duration/)
    expect((await cli('--list', '--revoke', '1')).stderr).toMatch(/go alone/)
    // A partner link is not an admin token.
    expect((await cli('--revoke', t.partnerA.slice(0, 10))).code).not.toBe(0)
  })
})

describe('expiry', () => {
  it('refuses an expired token like a revoked one', async () => {
    const old = await createAdminToken(
      t.db.kysely,
      'old',
      'cli',
      '2020-01-01T00:00:00.000Z',
      '2020-04-01T00:00:00.000Z',
    )
    expect((await apiWith(old.token)).status).toBe(401)
    expect((await t.app.request(`/admin?t=${old.token}`)).status).toBe(401)
    const views = await listAdminTokens(t.db.kysely, new Date().toISOString())
    expect(views.find((v) => v.id === old.id)?.state).toBe('expired')
  })

  it('ends the dashboard sessions of a token when it expires', async () => {
    const soon = new Date(Date.now() + 3600_000).toISOString()
    const { token } = await createAdminToken(
      t.db.kysely,
      'soon',
      'cli',
      new Date().toISOString(),
      soon,
    )
    const cookie = await signIn(token)
    expect((await dashboardWith(cookie)).status).toBe(200)
    clock.now = new Date(Date.now() + 2 * 3600_000)
    expect((await dashboardWith(cookie)).status).toBe(401)
  })

  it('reads --expires as a duration or a date in the future', () => {
    const now = new Date('2026-03-01T12:00:00.000Z')
    expect(parseExpiry('90d', now)).toBe('2026-05-30T12:00:00.000Z')
    expect(parseExpiry('12h', now)).toBe('2026-03-02T00:00:00.000Z')
    expect(parseExpiry('2w', now)).toBe('2026-03-15T12:00:00.000Z')
    expect(parseExpiry('2027-01-31', now)).toBe('2027-01-31T00:00:00.000Z')
    expect(() => parseExpiry('2026-02-30', now)).toThrow(/--expires must be/)
    expect(() => parseExpiry('2025-01-01', now)).toThrow(/not in the future/)
    expect(() => parseExpiry('0d', now)).toThrow(/in the future/)
  })
})
