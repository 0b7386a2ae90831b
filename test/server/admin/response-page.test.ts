import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  loadResponsePage,
  readAnswered,
  renderResponsePage,
} from '../../../server/admin/response-page.ts'
import { loadAssets } from '../../../server/http/static-assets.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterAll(async () => {
  await t.close()
})

const answers = {
  consent: true,
  stakeholder: 'bank',
  satisfaction: 4,
  barriers: ['cost'],
  performance: { regulation: 2, guarantees: 3 },
}

describe('one response as a reader sees it', () => {
  it('gives question texts and choice labels, never codes, in the language asked', () => {
    const json = t.registry.get('example')?.json ?? {}
    const en = readAnswered(json, answers, 'en')
    const byName = new Map(en.map((i) => [i.name, i]))
    expect(byName.get('stakeholder')).toEqual({
      name: 'stakeholder',
      title: 'Which kind of organisation do you represent?',
      value: 'Bank',
    })
    expect(byName.get('consent')?.value).toBe('Yes')
    expect(byName.get('performance')?.items?.map((i) => i.name)).toEqual([
      'regulation',
      'guarantees',
    ])
    expect(byName.has('email')).toBe(false)
    const fr = new Map(readAnswered(json, answers, 'fr').map((i) => [i.name, i]))
    expect(fr.get('stakeholder')?.value).toBe('Banque')
    expect(fr.get('stakeholder')?.title).toBe("Quel type d'organisation représentez-vous ?")
    expect(fr.get('consent')?.value).toBe('Oui')
  })

  it('is a dashboard page for a response of that questionnaire only, 404 otherwise', async () => {
    const res = await t.send('POST', '/api/surveys/example/responses', t.partnerA, { answers })
    const { id } = (await res.json()) as { id: string }
    const page = await t.app.request(`/admin/surveys/example/responses/${id}?t=${t.admin}`)
    expect(page.status).toBe(303)
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? ''
    const open = (url: string) => t.app.request(url, { headers: { cookie } })
    const ok = await open(`/admin/surveys/example/responses/${id}`)
    expect(ok.status).toBe(200)
    const html = await ok.text()
    expect(html).toContain(`Response ${id.replace(/-/g, '').slice(-8)}`)
    expect(html).toContain('<dd data-question="stakeholder">Bank</dd>')
    expect(html).toContain('Seine-Saint-Denis')
    expect((await open('/admin/surveys/example/responses/nope')).status).toBe(404)
    expect((await open(`/admin/surveys/other/responses/${id}`)).status).toBe(404)
    expect((await t.app.request(`/admin/surveys/example/responses/${id}`)).status).toBe(401)
  })

  it('offers Correct from the analyst role and Erase to an owner only', async () => {
    const res = await t.send('POST', '/api/surveys/example/responses', t.partnerB, { answers })
    const { id } = (await res.json()) as { id: string }
    const survey = t.registry.get('example')
    if (!survey) throw new Error('no example questionnaire')
    const data = await loadResponsePage(t.db.kysely, survey, id)
    if (!data) throw new Error('no response')
    const assets = loadAssets()
    const page = (role: 'owner' | 'analyst' | 'reviewer') =>
      renderResponsePage({
        locale: 'en',
        csrf: 'x',
        who: { kind: 'user', name: 'someone', role },
        survey,
        data,
        assets,
      })
    expect(page('owner')).toContain('id="ak-r-correct"')
    expect(page('owner')).toContain('id="ak-r-erase"')
    expect(page('analyst')).toContain('id="ak-r-correct"')
    expect(page('analyst')).not.toContain('id="ak-r-erase"')
    expect(page('reviewer')).not.toContain('id="ak-r-correct"')
    expect(page('reviewer')).not.toContain('id="ak-r-erase"')
  })
})
