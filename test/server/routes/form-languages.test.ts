import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleInFrench, frenchXlsForm } from '../../helpers/french-forms.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeAll(async () => {
  const example = exampleInFrench()
  const { locale: _, ...english } = example
  t = await createTestApp({
    epargne: await frenchXlsForm(),
    'example-fr': example,
    example: english,
  })
})
afterAll(async () => {
  await t.close()
})

/** The language a form page opens in: its `lang`, the switch's choice and the page data's. */
async function opened(url: string, acceptLanguage?: string) {
  const res = await t.app.request(url, {
    headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
  })
  expect(res.status).toBe(200)
  const html = await res.text()
  const data = JSON.parse(
    /<script type="application\/json" id="gk-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}',
  )
  return {
    lang: /<html lang="([^"]+)">/.exec(html)?.[1],
    selected: /<option value="([^"]+)" selected>/.exec(html)?.[1],
    options: [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]),
    locale: data.locale as string,
    html,
  }
}

describe('the language a form opens in', () => {
  it('opens an XLSForm in its default_language for a browser asking for none of its languages', async () => {
    const page = await opened(`/s/epargne?t=${t.partnerA}`, 'en-GB,en;q=0.9')
    expect(page).toMatchObject({ lang: 'fr', selected: 'fr', locale: 'fr' })
    // French first, and no English the form does not have.
    expect(page.options).toEqual(['fr', 'bm'])
    expect(page.html).toContain('<span id="gk-lang-label">Langue</span>')
    expect(page.html).toContain('<h1>Épargne</h1>')
    // Without any header, and with ?lang= naming a language it lacks, too.
    expect((await opened(`/s/epargne?t=${t.partnerA}`)).locale).toBe('fr')
    expect((await opened(`/s/epargne?t=${t.partnerA}&lang=en`, 'de')).locale).toBe('fr')
  })

  it('still follows ?lang= and a browser language the questionnaire has', async () => {
    expect((await opened(`/s/epargne?t=${t.partnerA}&lang=bm`, 'fr')).locale).toBe('bm')
    expect((await opened(`/s/epargne?t=${t.partnerA}`, 'bm-ML, fr;q=0.5')).locale).toBe('bm')
  })

  it('opens a SurveyJS questionnaire in its own top-level locale', async () => {
    const url = `/s/example-fr?t=${t.partnerA}`
    const page = await opened(url, 'de-DE,sv;q=0.8')
    expect(page).toMatchObject({ lang: 'fr', selected: 'fr', locale: 'fr' })
    expect(page.options).toEqual(['fr', 'en'])
    expect(page.html).toContain('Diagnostic d&#39;écosystème (exemple)')
    // English is one of its languages: an English browser gets it.
    expect((await opened(url, 'en-US')).locale).toBe('en')
    expect((await opened(`${url}&lang=en`, 'fr')).locale).toBe('en')
  })

  it('opens a questionnaire without a locale in English, as before', async () => {
    const page = await opened(`/s/example?t=${t.partnerA}`, 'de-DE')
    expect(page).toMatchObject({ lang: 'en', selected: 'en', locale: 'en' })
    expect(page.options).toEqual(['en', 'fr'])
  })

  it("says a link is not valid in the questionnaire's default language", async () => {
    const res = await t.app.request('/s/epargne?t=gkp_nope', {
      headers: { 'Accept-Language': 'en' },
    })
    expect(res.status).toBe(401)
    expect(await res.text()).toContain('Ce lien n’est pas valide')
  })

  it('takes a response in the default language', async () => {
    const res = await t.app.request('/api/surveys/epargne/responses', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.partnerA}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        answers: { nom: 'Jigiya', membres: 40 },
        language: 'fr',
        version: t.registry.get('epargne')?.version,
        submissionKey: 'epargne-1',
      }),
    })
    expect(res.status).toBe(201)
  })
})
