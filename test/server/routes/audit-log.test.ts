import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NO_LIMITS } from '../../../server/config.ts'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { AUDIT_COLUMNS } from '../../../server/exports/audit-csv.ts'
import { addUser, asUser, signIn, TEST_SCRYPT } from '../../helpers/accounts.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

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

async function submit(): Promise<string> {
  const res = await t.send('POST', '/api/surveys/example/responses', t.partnerA, {
    answers: exampleAnswers(),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

async function ok(res: Promise<Response>, status = 200): Promise<Response> {
  const r = await res
  expect(r.status, await r.clone().text()).toBe(status)
  return r
}

interface Page {
  entries: { actor: string; actorName: string | null; action: string; entityId: string }[]
  total: number
  pages: number
}

describe('the audit log names the person behind every action', () => {
  it('reviews, corrections, erasures, exports, imports, links, users and sign-ins', async () => {
    const boss = await signIn(
      t,
      (await addUser(t, 'owner', 'boss@example.org')).email,
      'owner password 123',
    )
    const ana = await signIn(
      t,
      (await addUser(t, 'analyst', 'ana@example.org')).email,
      'analyst password 123',
    )
    const rev = await signIn(
      t,
      (await addUser(t, 'reviewer', 'rev@example.org')).email,
      'reviewer password 123',
    )
    const [r1, r2] = [await submit(), await submit()]

    await ok(
      asUser(t, rev, 'POST', '/api/surveys/example/reviews', { ids: [r1], status: 'approved' }),
    )
    await ok(
      asUser(t, ana, 'PATCH', `/api/responses/${r1}`, {
        answers: { ...exampleAnswers(), satisfaction: 2 },
        note: 'typed 4 for 2',
      }),
    )
    const exported = await (
      await ok(asUser(t, ana, 'GET', '/api/surveys/example/responses?format=json'))
    ).text()
    await ok(asUser(t, boss, 'DELETE', `/api/responses/${r2}?reason=asked by the respondent`))
    await ok(
      Promise.resolve(
        t.app.request('/api/surveys/example/imports', {
          method: 'POST',
          headers: {
            Cookie: ana.cookie,
            'X-Gapkit-CSRF': ana.csrf,
            'Content-Type': 'application/json',
          },
          body: exported,
        }),
      ),
    )
    const link = await ok(
      asUser(t, ana, 'POST', '/api/admin/partners', { region: 'FR-93', name: 'Workshop link' }),
      201,
    )
    const linkId = ((await link.json()) as { partner: { id: number } }).partner.id
    await ok(asUser(t, ana, 'DELETE', `/api/admin/partners/${linkId}`))
    const made = await ok(
      asUser(t, boss, 'POST', '/api/admin/users', { email: 'vi@example.org', role: 'viewer' }),
      201,
    )
    const viId = ((await made.json()) as { user: { id: number } }).user.id
    await ok(asUser(t, boss, 'PATCH', `/api/admin/users/${viId}`, { role: 'reviewer' }))
    await ok(asUser(t, boss, 'PATCH', `/api/admin/users/${viId}`, { disabled: true }))
    await ok(asUser(t, ana, 'GET', '/api/admin/audit.csv'))
    const logout = await t.app.request('/admin/logout', {
      method: 'POST',
      headers: { Cookie: rev.cookie },
      body: new URLSearchParams({ csrf: rev.csrf }),
    })
    expect(logout.status).toBe(303)

    const audit = await listAudit(t.db.kysely)
    const who = (action: string, entityId?: string) =>
      audit
        .filter((a) => a.action === action && (entityId === undefined || a.entity_id === entityId))
        .map((a) => a.actor)
    expect(who('response.review.approved', r1)).toEqual(['rev@example.org'])
    expect(who('response.correct', r1)).toEqual(['ana@example.org'])
    expect(who('response.export')).toEqual(['ana@example.org'])
    expect(who('response.delete', r2)).toEqual(['boss@example.org'])
    expect(who('response.import', r2)).toEqual(['ana@example.org'])
    expect(who('token.create', String(linkId))).toEqual(['ana@example.org'])
    expect(who('token.revoke', String(linkId))).toEqual(['ana@example.org'])
    expect(who('user.create', 'vi@example.org')).toEqual(['boss@example.org'])
    expect(who('user.role', 'vi@example.org')).toEqual(['boss@example.org'])
    expect(who('user.disable', 'vi@example.org')).toEqual(['boss@example.org'])
    expect(who('session.open').sort()).toEqual([
      'ana@example.org',
      'boss@example.org',
      'rev@example.org',
    ])
    expect(who('session.close')).toEqual(['rev@example.org'])
    expect(who('audit.export')).toEqual(['ana@example.org'])
    // What partner links do stays under their token.
    expect(new Set(who('response.submit'))).toEqual(new Set([expect.stringMatching(/^token:\d+$/)]))
    const role = audit.find((a) => a.action === 'user.role')
    expect(JSON.parse(role?.details ?? '{}')).toEqual({ from: 'viewer', to: 'reviewer' })
    // No password, hash or one-time password ever reaches the log.
    expect(JSON.stringify(audit)).not.toMatch(/password 123|scrypt\$/)
  })
})

describe('the audit view and its CSV', () => {
  it('filters by actor, action and date, pages, and shows names beside actors', async () => {
    const owner = await addUser(t, 'owner', 'boss@example.org')
    const boss = await signIn(t, owner.email, owner.password)
    for (let i = 0; i < 3; i++) await submit()
    const get = async (query: string) => {
      const res = await asUser(t, boss, 'GET', `/api/admin/audit?${query}`)
      expect(res.status).toBe(200)
      return (await res.json()) as Page
    }
    const all = await get('')
    // Newest first: three submissions, the sign-in, the account, the test app's three tokens.
    expect(all.total).toBe(8)
    expect(all.entries.map((e) => e.action)).toEqual([
      'response.submit',
      'response.submit',
      'response.submit',
      'session.open',
      'user.create',
      'token.create',
      'token.create',
      'token.create',
    ])
    const mine = await get('actor=boss@example.org')
    expect(mine.entries.map((e) => [e.action, e.actorName])).toEqual([
      ['session.open', 'The owner'],
    ])
    const partner = (await get('action=response.submit')).entries[0]
    expect(partner?.actor).toMatch(/^token:\d+$/)
    expect(partner?.actorName).toBe('Partner A')
    const paged = await get('pageSize=3&page=3')
    expect([paged.entries.length, paged.pages, paged.total]).toEqual([2, 3, 8])
    expect(paged.entries.map((e) => e.action)).toEqual(['token.create', 'token.create'])
    const today = new Date().toISOString().slice(0, 10)
    // The test app's tokens are dated 2026-01-01; everything else happened today.
    expect((await get(`from=${today}&to=${today}`)).total).toBe(5)
    expect((await get('from=2026-01-01&to=2026-01-01')).total).toBe(3)
    expect((await get('from=2099-01-01')).total).toBe(0)
    expect((await get('to=2000-01-01')).total).toBe(0)
    for (const bad of ['from=2026-02-30', 'from=yesterday', 'from=2026-03-02&to=2026-03-01']) {
      expect((await asUser(t, boss, 'GET', `/api/admin/audit?${bad}`)).status).toBe(400)
    }

    const page = await t.app.request('/admin/audit?actor=boss%40example.org', {
      headers: { Cookie: boss.cookie },
    })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('session.open')
    expect(html).not.toContain('response.submit</code>')
    expect(html).toContain('Page 1 of 1 (1 in all)')
  })

  it('exports every matching entry as formula-safe CSV, and audits the export', async () => {
    const owner = await addUser(t, 'owner', 'boss@example.org')
    const boss = await signIn(t, owner.email, owner.password)
    // A name a spreadsheet would run as a formula, on an account that then acts.
    const odd = await asUser(t, boss, 'POST', '/api/admin/users', {
      email: 'odd@example.org',
      role: 'viewer',
      name: '=HYPERLINK("http://evil.example","x")',
    })
    expect(odd.status).toBe(201)
    const oddPassword = ((await odd.json()) as { password: string }).password
    await signIn(t, 'odd@example.org', oddPassword)

    const res = await asUser(t, boss, 'GET', '/api/admin/audit.csv?actor=odd%40example.org')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="gapkit-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines[0]).toBe(AUDIT_COLUMNS.join(','))
    expect(lines).toHaveLength(3) // header, session.open, final line end
    expect(lines[1]).toContain(
      `,odd@example.org,"'=HYPERLINK(""http://evil.example"",""x"")",session.open,user,odd@example.org,`,
    )
    expect(lines[2]).toBe('')

    const whole = await (await asUser(t, boss, 'GET', '/api/admin/audit.csv')).text()
    // Header; 3 tokens, 2 accounts, 2 sign-ins, 2 exports (this one is logged before it runs).
    expect(whole.split('\r\n').filter(Boolean)).toHaveLength(1 + 9)
    const exports = (await listAudit(t.db.kysely)).filter((a) => a.action === 'audit.export')
    expect(exports.map((a) => [a.actor, JSON.parse(a.details ?? '{}')])).toEqual([
      ['boss@example.org', { format: 'csv', actor: 'odd@example.org' }],
      ['boss@example.org', { format: 'csv' }],
    ])
  })
})
