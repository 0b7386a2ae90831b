import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(async () => {
  await t.close()
})

const url = (survey: string, region: string, wave: string) =>
  `/api/admin/targets/${survey}/${region}/${encodeURIComponent(wave)}`

interface Target {
  survey: string
  region: string
  regionName: string
  wave: string
  expected: number
  updatedBy: string
}

describe('collection targets API', () => {
  it('sets, replaces, lists and removes a target, each change audited', async () => {
    const put = await t.send('PUT', url('microfinance-gap', 'FR-93', '2026'), t.admin, {
      expected: 30,
    })
    expect(put.status).toBe(200)
    expect(((await put.json()) as { target: Target }).target).toMatchObject({
      survey: 'microfinance-gap',
      region: 'FR-93',
      regionName: 'Seine-Saint-Denis',
      wave: '2026',
      expected: 30,
    })
    await t.send('PUT', url('microfinance-gap', 'FR-93', '2026'), t.admin, { expected: 25 })
    await t.send('PUT', url('good-practice', 'SI-HEART', '2025 spring'), t.admin, { expected: 4 })
    const all = (await (await t.send('GET', '/api/admin/targets', t.admin)).json()) as {
      targets: Target[]
    }
    expect(all.targets.map((x) => [x.survey, x.region, x.wave, x.expected])).toEqual([
      ['good-practice', 'SI-HEART', '2025 spring', 4],
      ['microfinance-gap', 'FR-93', '2026', 25],
    ])
    const one = (await (
      await t.send('GET', '/api/admin/targets?survey=good-practice', t.admin)
    ).json()) as { targets: Target[] }
    expect(one.targets).toHaveLength(1)

    const del = await t.send('DELETE', url('good-practice', 'SI-HEART', '2025 spring'), t.admin)
    expect(del.status).toBe(200)
    const again = await t.send('DELETE', url('good-practice', 'SI-HEART', '2025 spring'), t.admin)
    expect(again.status).toBe(404)
    const audit = await listAudit(t.db.kysely, { entity: 'target' })
    expect(audit.map((a) => [a.action, a.entity_id, JSON.parse(a.details ?? 'null')])).toEqual([
      ['target.set', 'microfinance-gap/FR-93/2026', { expected: 30, previous: null }],
      ['target.set', 'microfinance-gap/FR-93/2026', { expected: 25, previous: 30 }],
      ['target.set', 'good-practice/SI-HEART/2025 spring', { expected: 4, previous: null }],
      ['target.remove', 'good-practice/SI-HEART/2025 spring', { previous: 4 }],
    ])
  })

  it('refuses bad numbers, unknown questionnaires and regions, and non-admins, storing nothing', async () => {
    for (const expected of [0, -3, 2.5, '30', null, 100_001]) {
      const res = await t.send('PUT', url('microfinance-gap', 'FR-93', '2026'), t.admin, {
        expected,
      })
      expect(res.status, String(expected)).toBe(400)
      const body = (await res.json()) as { error: { details: { field?: string }[] } }
      expect(body.error.details[0]?.field, String(expected)).toBe('expected')
    }
    const unknownSurvey = await t.send('PUT', url('nope', 'FR-93', '2026'), t.admin, {
      expected: 3,
    })
    expect(unknownSurvey.status).toBe(404)
    const unknownRegion = await t.send('PUT', url('microfinance-gap', 'XX-1', '2026'), t.admin, {
      expected: 3,
    })
    expect(unknownRegion.status).toBe(400)
    expect(((await unknownRegion.json()) as { error: { message: string } }).error.message).toBe(
      'no region "XX-1"',
    )
    const blankWave = await t.send('PUT', url('microfinance-gap', 'FR-93', '  '), t.admin, {
      expected: 3,
    })
    expect(blankWave.status).toBe(400)
    const extra = await t.send('PUT', url('microfinance-gap', 'FR-93', '2026'), t.admin, {
      expected: 3,
      note: 'x',
    })
    expect(extra.status).toBe(400)
    const partner = await t.send('PUT', url('microfinance-gap', 'FR-93', '2026'), t.partnerA, {
      expected: 3,
    })
    expect(partner.status).toBe(403)
    expect((await t.send('GET', '/api/admin/targets', null)).status).toBe(401)
    expect((await t.send('GET', '/api/admin/targets?survey=nope', t.admin)).status).toBe(404)
    const list = (await (await t.send('GET', '/api/admin/targets', t.admin)).json()) as {
      targets: Target[]
    }
    expect(list.targets).toEqual([])
  })
})
