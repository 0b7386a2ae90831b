import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

const answers = (stakeholder = 'mfi') => ({
  consent: true,
  stakeholder,
  satisfaction: 4,
  email: 'anna@example.org',
  code: 'FR-12',
  barriers: ['cost'],
  guarantee: 'no',
  borrowers: 40,
  women: 25,
  performance: { regulation: 2, guarantees: 3 },
  importance: { regulation: 5, guarantees: 4 },
  maturity: { coordination: { current: 1, target: 3 } },
})

interface PartnerList {
  partners: {
    id: number
    name: string
    region: string
    regionName: string
    revokedAt: string | null
  }[]
  regions: { id: string; name: string }[]
}
interface Created {
  token: string
  partner: { id: number; region: string; regionName: string; group: string | null }
  forms: { survey: string; url: string }[]
}
interface Page {
  total: number
  page: number
  pageSize: number
  rows: {
    id: string
    shortId: string
    region: string
    wave: string
    status: string
    review: string
    summary: string
  }[]
}

let t: TestApp
beforeEach(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterEach(async () => {
  await t.close()
})

describe('partner links API', () => {
  it('creates a link (token once), lists it without the token, and audits it', async () => {
    const res = await t.send('POST', '/api/admin/partners', t.admin, {
      region: 'RO-BI',
      regionName: 'Bucharest-Ilfov',
      name: 'Bucharest MFI network',
      group: 'mfi',
      wave: '2025',
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Created
    expect(created.token).toMatch(/^gkp_/)
    expect(created.partner).toMatchObject({
      region: 'RO-BI',
      regionName: 'Bucharest-Ilfov',
      group: 'mfi',
    })
    expect(created.forms[0]?.url).toBe(`http://localhost/s/example?t=${created.token}`)

    const list = await t.send('GET', '/api/admin/partners', t.admin)
    expect(list.status).toBe(200)
    const body = (await list.json()) as PartnerList
    expect(body.partners[0]).toMatchObject({
      id: created.partner.id,
      name: 'Bucharest MFI network',
    })
    expect(body.partners.map((p) => p.region).sort()).toEqual(['FR-93', 'RO-BI', 'SI-HEART'])
    expect(body.regions.map((r) => r.id)).toContain('RO-BI')
    expect(JSON.stringify(body)).not.toContain(created.token)

    const audit = await listAudit(t.db.kysely, {
      entity: 'token',
      entityId: String(created.partner.id),
    })
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['token.create', 'token:1']])

    // The new link works at once for its own region.
    const post = await t.send('POST', '/api/surveys/example/responses', created.token, {
      answers: answers(),
    })
    expect(post.status).toBe(201)
    expect(((await post.json()) as { region: string; wave: string }).region).toBe('RO-BI')
  })

  it('revokes a link: its next request is refused at once, and the change is audited', async () => {
    const created = (await (
      await t.send('POST', '/api/admin/partners', t.admin, { region: 'FR-93', name: 'Temporary' })
    ).json()) as Created
    const before = await t.send('POST', '/api/surveys/example/responses', created.token, {
      answers: answers(),
    })
    expect(before.status).toBe(201)
    const del = await t.send('DELETE', `/api/admin/partners/${created.partner.id}`, t.admin)
    expect(del.status).toBe(200)
    expect(((await del.json()) as { revokedAt: string }).revokedAt).toBeTruthy()
    const after = await t.send('POST', '/api/surveys/example/responses', created.token, {
      answers: answers(),
    })
    expect(after.status).toBe(401)
    expect((await t.app.request(`/s/example?t=${created.token}`)).status).toBe(401)
    expect(
      (await t.send('DELETE', `/api/admin/partners/${created.partner.id}`, t.admin)).status,
    ).toBe(409)
    const audit = await listAudit(t.db.kysely, {
      entity: 'token',
      entityId: String(created.partner.id),
    })
    expect(audit.map((a) => a.action)).toEqual(['token.create', 'token.revoke'])
    const list = (await (await t.send('GET', '/api/admin/partners', t.admin)).json()) as PartnerList
    expect(list.partners.find((p) => p.id === created.partner.id)?.revokedAt).toBeTruthy()
  })

  it('refuses bad input, unknown regions, unknown ids, admin tokens and non-admins', async () => {
    const bad = await t.send('POST', '/api/admin/partners', t.admin, {
      region: 'no spaces',
      name: 'x',
    })
    expect(bad.status).toBe(400)
    const extra = await t.send('POST', '/api/admin/partners', t.admin, {
      region: 'FR-93',
      name: 'x',
      role: 'admin',
    })
    expect(extra.status).toBe(400)
    const unknown = await t.send('POST', '/api/admin/partners', t.admin, {
      region: 'XX-1',
      name: 'x',
    })
    expect(unknown.status).toBe(422)
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'unknown_region',
    )
    expect((await t.send('DELETE', '/api/admin/partners/999', t.admin)).status).toBe(404)
    expect((await t.send('DELETE', '/api/admin/partners/abc', t.admin)).status).toBe(404)
    // Id 1 is the admin token: not a partner link.
    expect((await t.send('DELETE', '/api/admin/partners/1', t.admin)).status).toBe(404)
    expect((await t.send('GET', '/api/admin/partners', t.partnerA)).status).toBe(403)
    expect((await t.send('GET', '/api/admin/partners', null)).status).toBe(401)
    expect(
      (await t.send('POST', '/api/admin/partners', t.partnerA, { region: 'FR-93', name: 'x' }))
        .status,
    ).toBe(403)
  })
})

describe('responses table API', () => {
  const seed = async () => {
    const ids: string[] = []
    const post = async (token: string, body: Record<string, unknown>) => {
      const res = await t.send('POST', '/api/surveys/example/responses', token, body)
      expect(res.status).toBe(201)
      ids.push(((await res.json()) as { id: string }).id)
    }
    for (let i = 0; i < 7; i++) await post(t.partnerA, { answers: answers() })
    for (let i = 0; i < 4; i++) await post(t.partnerB, { answers: answers('bank') })
    await post(t.partnerB, { answers: { consent: true }, draft: true })
    await post(t.admin, { answers: answers(), region: 'FR-93', wave: '2024' })
    return ids
  }

  it('pages through every response once, with the total', async () => {
    await seed()
    const seen: string[] = []
    for (let page = 1; page <= 3; page++) {
      const res = await t.send(
        'GET',
        `/api/admin/surveys/example/responses?page=${page}&pageSize=5`,
        t.admin,
      )
      expect(res.status).toBe(200)
      const body = (await res.json()) as Page
      expect(body).toMatchObject({ total: 13, page, pageSize: 5 })
      expect(body.rows).toHaveLength(page < 3 ? 5 : 3)
      seen.push(...body.rows.map((r) => r.id))
    }
    expect(new Set(seen).size).toBe(13)
    const first = (await (
      await t.send('GET', '/api/admin/surveys/example/responses', t.admin)
    ).json()) as Page
    const row = first.rows.find((r) => r.status === 'submitted')
    expect(row).toMatchObject({ status: expect.any(String), review: 'pending' })
    expect(row?.summary).toMatch(
      /^\[\d+\] stakeholder: (Microfinance institution|Bank); satisfaction: 4/,
    )
    // In the dashboard's language where the questionnaire has it, the default text otherwise.
    const fr = (await (
      await t.send('GET', '/api/admin/surveys/example/responses?lang=fr&region=SI-HEART', t.admin)
    ).json()) as Page
    expect(fr.rows.find((r) => r.status === 'submitted')?.summary).toMatch(
      /stakeholder: Banque; satisfaction: 4/,
    )
    const italian = (await (
      await t.send('GET', '/api/admin/surveys/example/responses?lang=it&region=SI-HEART', t.admin)
    ).json()) as Page
    expect(italian.rows.find((r) => r.status === 'submitted')?.summary).toMatch(
      /stakeholder: Bank;/,
    )
  })

  it('gives short ids that tell apart responses stored in the same minute', async () => {
    const ids = await seed()
    // Version 7 ids begin with the time: all 13 stored within a minute share their first digits.
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBe(1)
    const body = (await (
      await t.send('GET', '/api/admin/surveys/example/responses?pageSize=100', t.admin)
    ).json()) as Page
    const short = body.rows.map((r) => r.shortId)
    expect(new Set(short).size).toBe(13)
    for (const r of body.rows) {
      expect(r.shortId).toMatch(/^[0-9a-f]{8}$/)
      expect(r.id.replace(/-/g, '').endsWith(r.shortId)).toBe(true)
    }
  })

  it('filters by region, wave, status and review', async () => {
    const ids = await seed()
    const get = async (qs: string) => {
      const res = await t.send('GET', `/api/admin/surveys/example/responses?${qs}`, t.admin)
      expect(res.status, qs).toBe(200)
      return (await res.json()) as Page
    }
    expect((await get('region=FR-93')).total).toBe(8)
    expect((await get('region=SI-HEART&status=draft')).total).toBe(1)
    expect((await get('status=submitted')).total).toBe(12)
    expect((await get('wave=2024')).rows.map((r) => r.id)).toEqual([ids[12]])
    const review = await t.send('POST', '/api/surveys/example/reviews', t.admin, {
      ids: [ids[0], ids[1], ids[7]],
      status: 'rejected',
      note: 'duplicate',
    })
    expect(review.status).toBe(200)
    expect((await get('review=rejected')).total).toBe(3)
    expect((await get('review=rejected&region=FR-93')).total).toBe(2)
    expect((await get('review=pending')).total).toBe(10)
  })

  it('refuses bad parameters, unknown questionnaires and partner tokens', async () => {
    for (const qs of [
      'page=0',
      'pageSize=501',
      'status=maybe',
      'review=ok',
      'sort=id',
      'lang=<b>',
    ]) {
      const res = await t.send('GET', `/api/admin/surveys/example/responses?${qs}`, t.admin)
      expect(res.status, qs).toBe(400)
    }
    expect((await t.send('GET', '/api/admin/surveys/nope/responses', t.admin)).status).toBe(404)
    expect((await t.send('GET', '/api/admin/surveys/example/responses', t.partnerA)).status).toBe(
      403,
    )
  })
})

describe('progress API', () => {
  it('counts submitted, drafts and reviews per questionnaire, region and wave', async () => {
    await t.send('POST', '/api/surveys/example/responses', t.partnerA, { answers: answers() })
    await t.send('POST', '/api/surveys/example/responses', t.partnerA, { answers: answers() })
    await t.send('POST', '/api/surveys/example/responses', t.partnerB, {
      answers: { consent: true },
      draft: true,
    })
    const res = await t.send('GET', '/api/admin/progress', t.admin)
    expect(res.status).toBe(200)
    const { progress } = (await res.json()) as { progress: Record<string, unknown>[] }
    expect(progress.map(({ lastActivity: _, ...p }) => p)).toEqual([
      {
        survey: 'example',
        region: 'FR-93',
        regionName: 'Seine-Saint-Denis',
        wave: '2026',
        submitted: 2,
        drafts: 0,
        approved: 0,
        rejected: 0,
      },
      {
        survey: 'example',
        region: 'SI-HEART',
        regionName: 'Heart of Slovenia',
        wave: '2026',
        submitted: 0,
        drafts: 1,
        approved: 0,
        rejected: 0,
      },
    ])
  })
})

describe('dashboard pages', () => {
  it('escape hostile partner, region and note text', async () => {
    const hostile = '<script>alert(1)</script>'
    const created = await t.send('POST', '/api/admin/partners', t.admin, {
      region: 'EV-1',
      regionName: `<img src=x onerror=alert(1)>`,
      name: hostile,
      group: '"><b>g</b>',
    })
    expect(created.status).toBe(201)
    const login = await t.app.request(`/admin?t=${t.admin}`)
    const cookie = /gapkit_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? ''
    for (const url of ['/admin/partners', '/admin', '/admin/surveys/example']) {
      const res = await t.app.request(url, { headers: { Cookie: cookie } })
      expect(res.status, url).toBe(200)
      const html = await res.text()
      expect(html, url).not.toContain('<script>alert')
      expect(html, url).not.toContain('<img src=x')
      expect(html, url).not.toContain('<b>g</b>')
      expect(html, url).toContain('&lt;img src=x onerror=alert(1)&gt;')
    }
    // Inside the page data too, nothing can close the script element.
    const partners = await (
      await t.app.request('/admin/partners', { headers: { Cookie: cookie } })
    ).text()
    expect(partners).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('answer an unknown questionnaire with 404', async () => {
    const login = await t.app.request(`/admin?t=${t.admin}`)
    const cookie = /gapkit_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? ''
    const res = await t.app.request('/admin/surveys/nope', { headers: { Cookie: cookie } })
    expect(res.status).toBe(404)
  })
})
