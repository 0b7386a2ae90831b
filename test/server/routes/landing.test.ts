import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const get = (headers: Record<string, string> = {}, query = '') =>
  t.app.request(`/${query}`, { headers })

describe('GET /', () => {
  it('is an HTML page saying what Gapkit is, pointing to the dashboard, not a JSON 404', async () => {
    const res = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('vary')).toContain('Accept-Language')
    const html = await res.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('cross-region gap analysis')
    expect(html).toMatch(/<a [^>]*href="\/admin\?lang=en"[^>]*>Open the dashboard/)
    expect(html).toContain('href="/api/docs"')
  })

  it('speaks French to a French browser, and follows ?lang=', async () => {
    const fr = await (await get({ 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' })).text()
    expect(fr).toContain('<html lang="fr">')
    expect(fr).toContain('Ouvrir le tableau de bord')
    const en = await (await get({ 'Accept-Language': 'fr' }, '?lang=en')).text()
    expect(en).toContain('<html lang="en">')
  })

  it('shows nothing stored: no questionnaire, region, partner or token', async () => {
    await t.send('POST', '/api/surveys/microfinance-gap/responses', t.partnerA, {
      answers: {},
      draft: true,
    })
    const html = await (await get()).text()
    for (const secret of [
      'microfinance-gap',
      'Microfinance ecosystem',
      'FR-93',
      'Seine-Saint-Denis',
      'Partner A',
      t.admin,
      t.partnerA,
    ]) {
      expect(html).not.toContain(secret)
    }
    // No session is opened and no cookie set.
    expect((await get()).headers.get('set-cookie')).toBeNull()
  })
})
