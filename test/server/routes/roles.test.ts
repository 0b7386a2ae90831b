import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LIMITS } from '../../../server/config.ts'
import type { UserRole } from '../../../server/db/schema.ts'
import { LEAD_ROLES } from '../../../server/http/auth.ts'
import { addUser, asUser, type Session, signIn, TEST_SCRYPT } from '../../helpers/accounts.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

let t: TestApp
const sessions = new Map<UserRole, Session>()
/** Responses of FR-93, a fresh one per role for the requests that change or erase one. */
const responses = new Map<UserRole, string>()
let exported = ''

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'), {
    passwords: TEST_SCRYPT,
    limits: NO_LIMITS,
  })
  for (const role of LEAD_ROLES) {
    const user = await addUser(t, role)
    sessions.set(role, await signIn(t, user.email, user.password))
    const res = await t.send('POST', '/api/surveys/example/responses', t.partnerA, {
      answers: exampleAnswers(),
    })
    expect(res.status).toBe(201)
    responses.set(role, ((await res.json()) as { id: string }).id)
  }
  const json = await t.send('GET', '/api/surveys/example/responses?format=json', t.admin)
  exported = await json.text()
})
afterAll(async () => {
  await t.close()
})

interface Check {
  what: string
  /** The least role that may do it. */
  min: UserRole
  request(s: Session, role: UserRole): Promise<Response>
}

const id = (role: UserRole) => responses.get(role) ?? ''

/** Every lead-partner route, with the role it needs (README, "Accounts and roles"). */
const CHECKS: Check[] = [
  { what: 'progress', min: 'viewer', request: (s) => asUser(t, s, 'GET', '/api/admin/progress') },
  {
    what: 'analysis',
    min: 'viewer',
    request: (s) => asUser(t, s, 'GET', '/api/surveys/example/analysis'),
  },
  {
    what: 'chart list',
    min: 'viewer',
    request: (s) => asUser(t, s, 'GET', '/api/surveys/example/charts'),
  },
  {
    what: 'responses table',
    min: 'reviewer',
    request: (s) => asUser(t, s, 'GET', '/api/admin/surveys/example/responses'),
  },
  {
    what: 'read one response',
    min: 'reviewer',
    request: (s, r) => asUser(t, s, 'GET', `/api/responses/${id(r)}`),
  },
  {
    what: 'response history',
    min: 'reviewer',
    request: (s, r) => asUser(t, s, 'GET', `/api/responses/${id(r)}/history`),
  },
  {
    what: 'review',
    min: 'reviewer',
    request: (s, r) =>
      asUser(t, s, 'POST', '/api/surveys/example/reviews', { ids: [id(r)], status: 'approved' }),
  },
  {
    what: 'raw export (CSV)',
    min: 'analyst',
    request: (s) => asUser(t, s, 'GET', '/api/surveys/example/responses?format=csv'),
  },
  {
    what: 'raw export (JSON)',
    min: 'analyst',
    request: (s) => asUser(t, s, 'GET', '/api/surveys/example/responses?format=json'),
  },
  {
    what: 'import (dry run)',
    min: 'analyst',
    request: (s) =>
      Promise.resolve(
        t.app.request('/api/surveys/example/imports?dryRun=true&skipInvalid=true', {
          method: 'POST',
          headers: {
            Cookie: s.cookie,
            'X-Gapkit-CSRF': s.csrf,
            'Content-Type': 'application/json',
          },
          body: exported,
        }),
      ),
  },
  {
    what: 'enter a response',
    min: 'analyst',
    request: (s) =>
      asUser(t, s, 'POST', '/api/surveys/example/responses', {
        answers: exampleAnswers(),
        region: 'SI-HEART',
      }),
  },
  {
    what: 'correct a response',
    min: 'analyst',
    request: (s, r) =>
      asUser(t, s, 'PATCH', `/api/responses/${id(r)}`, {
        answers: { ...exampleAnswers(), satisfaction: 2 },
        note: 'typo',
      }),
  },
  {
    what: 'list partner links',
    min: 'analyst',
    request: (s) => asUser(t, s, 'GET', '/api/admin/partners'),
  },
  {
    what: 'create a partner link',
    min: 'analyst',
    request: (s, r) =>
      asUser(t, s, 'POST', '/api/admin/partners', { region: 'FR-93', name: `Link of ${r}` }),
  },
  {
    what: 'list targets',
    min: 'viewer',
    request: (s) => asUser(t, s, 'GET', '/api/admin/targets'),
  },
  {
    what: 'set a target',
    min: 'analyst',
    request: (s) => asUser(t, s, 'PUT', '/api/admin/targets/example/FR-93/2026', { expected: 10 }),
  },
  {
    what: 'remove a target',
    min: 'analyst',
    request: (s) => asUser(t, s, 'DELETE', '/api/admin/targets/example/FR-93/2026'),
  },
  { what: 'audit log', min: 'analyst', request: (s) => asUser(t, s, 'GET', '/api/admin/audit') },
  {
    what: 'audit CSV',
    min: 'analyst',
    request: (s) => asUser(t, s, 'GET', '/api/admin/audit.csv'),
  },
  { what: 'list users', min: 'owner', request: (s) => asUser(t, s, 'GET', '/api/admin/users') },
  {
    what: 'create a user',
    min: 'owner',
    request: (s, r) =>
      asUser(t, s, 'POST', '/api/admin/users', {
        email: `made-by-${r}@example.org`,
        role: 'viewer',
      }),
  },
  {
    what: 'erase a response',
    min: 'owner',
    request: (s, r) => asUser(t, s, 'DELETE', `/api/responses/${id(r)}?reason=test`),
  },
]

const allowed = (role: UserRole, min: UserRole) =>
  LEAD_ROLES.indexOf(role) >= LEAD_ROLES.indexOf(min)

describe('what each role may do, enforced on every lead-partner route', () => {
  for (const role of LEAD_ROLES) {
    it(`${role}`, async () => {
      const s = sessions.get(role)
      if (!s) throw new Error(`no session for ${role}`)
      const outcome: Record<string, number> = {}
      const expected: Record<string, number | string> = {}
      for (const check of CHECKS) {
        const res = await check.request(s, role)
        await res.arrayBuffer()
        outcome[check.what] = res.status
        expected[check.what] = allowed(role, check.min) ? res.status : 403
        if (allowed(role, check.min)) {
          expect(res.status, `${role}: ${check.what}`).toBeGreaterThanOrEqual(200)
          expect(res.status, `${role}: ${check.what}`).toBeLessThan(300)
        }
      }
      expect(outcome).toEqual(expected)
    })
  }

  it('a viewer cannot review or export raw data, and is told why', async () => {
    const viewer = sessions.get('viewer') as Session
    const review = await asUser(t, viewer, 'POST', '/api/surveys/example/reviews', {
      ids: [id('owner')],
      status: 'rejected',
    })
    expect(review.status).toBe(403)
    const body = (await review.json()) as { error: { code: string; message: string } }
    expect(body.error).toEqual({
      code: 'forbidden',
      message: 'this needs the reviewer role or higher; The viewer is viewer',
      details: [],
    })
    const row = await t.db.kysely
      .selectFrom('responses')
      .select('review_status')
      .where('id', '=', id('owner'))
      .executeTakeFirst()
    expect(row?.review_status).not.toBe('rejected')
    for (const format of ['csv', 'xlsx', 'json']) {
      const res = await asUser(t, viewer, 'GET', `/api/surveys/example/responses?format=${format}`)
      expect(res.status).toBe(403)
    }
  })

  it('a reviewer cannot manage users, nor reach the users page', async () => {
    const reviewer = sessions.get('reviewer') as Session
    const analyst = sessions.get('analyst') as Session
    for (const s of [reviewer, analyst]) {
      expect((await asUser(t, s, 'GET', '/api/admin/users')).status).toBe(403)
      expect((await asUser(t, s, 'PATCH', '/api/admin/users/1', { role: 'owner' })).status).toBe(
        403,
      )
      expect((await asUser(t, s, 'POST', '/api/admin/users/1/password')).status).toBe(403)
      const page = await t.app.request('/admin/users', { headers: { Cookie: s.cookie } })
      expect(page.status).toBe(403)
      expect(await page.text()).toContain('it needs the Owner role or higher')
    }
    const owner = await t.db.kysely
      .selectFrom('users')
      .select('role')
      .where('id', '=', 1)
      .executeTakeFirst()
    expect(owner?.role).toBe('viewer')
  })

  it('the admin token acts as owner; a partner token is no lead partner', async () => {
    expect((await t.send('GET', '/api/admin/users', t.admin)).status).toBe(200)
    expect((await t.send('GET', '/api/admin/audit', t.admin)).status).toBe(200)
    const partner = await t.send('GET', '/api/admin/users', t.partnerA)
    expect(partner.status).toBe(403)
    expect(((await partner.json()) as { error: { message: string } }).error.message).toBe(
      'an admin token or a lead-partner sign-in is required',
    )
    // A partner still exports its own region: the analyst rule is for lead partners.
    const own = await t.send('GET', '/api/surveys/example/responses?format=csv', t.partnerA)
    expect(own.status).toBe(200)
  })

  it('the dashboard shows each role only what it may open', async () => {
    const page = async (role: UserRole, url: string) => {
      const s = sessions.get(role) as Session
      const res = await t.app.request(url, { headers: { Cookie: s.cookie } })
      return { status: res.status, html: await res.text() }
    }
    const viewerSurvey = await page('viewer', '/admin/surveys/example')
    expect(viewerSurvey.status).toBe(200)
    expect(viewerSurvey.html).toMatch(/id="ak-responses"[^>]*hidden/)
    expect(viewerSurvey.html).not.toContain('id="ak-download-form"')
    expect(viewerSurvey.html).toContain('data-report="html"')
    const reviewerSurvey = await page('reviewer', '/admin/surveys/example')
    expect(reviewerSurvey.html).not.toMatch(/id="ak-responses"[^>]*hidden/)
    expect(reviewerSurvey.html).not.toContain('id="ak-download-form"')
    const analystSurvey = await page('analyst', '/admin/surveys/example')
    expect(analystSurvey.html).toContain('id="ak-download-form"')

    const nav = (html: string) => ({
      partners: html.includes('href="/admin/partners'),
      audit: html.includes('href="/admin/audit'),
      users: html.includes('href="/admin/users'),
    })
    expect(nav((await page('viewer', '/admin')).html)).toEqual({
      partners: false,
      audit: false,
      users: false,
    })
    expect(nav((await page('analyst', '/admin')).html)).toEqual({
      partners: true,
      audit: true,
      users: false,
    })
    expect(nav((await page('owner', '/admin')).html)).toEqual({
      partners: true,
      audit: true,
      users: true,
    })
    // Targets: shown to all, set by analysts and owners.
    const viewerHome = (await page('viewer', '/admin')).html
    expect(viewerHome).toContain('ak-card ak-read-only')
    expect(viewerHome).not.toContain('ak-target-form')
    expect((await page('analyst', '/admin')).html).not.toContain('ak-read-only')
    expect((await page('viewer', '/admin/partners')).status).toBe(403)
    expect((await page('reviewer', '/admin/audit')).status).toBe(403)
    expect((await page('analyst', '/admin/audit')).status).toBe(200)
  })
})
