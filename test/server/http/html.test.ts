import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy, embedJson, pickLocale } from '../../../server/http/html.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterAll(async () => {
  await t.close()
})

// The header values as they were written out by hand before the builder: the builder must not
// change one character of them.
const FORM_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
const ADMIN_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
// Reports and chart SVGs gained frame-ancestors 'none' (issue 16: another site could frame them).
const FILE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

describe('Content-Security-Policy', () => {
  it('builds default-src none, then the directives in the order given', () => {
    expect(contentSecurityPolicy({})).toBe("default-src 'none'")
    expect(contentSecurityPolicy({ img: ['data:'], script: ["'self'"] })).toBe(
      "default-src 'none'; img-src data:; script-src 'self'",
    )
  })

  it('is the same on every page as before: form, dashboard, API page, reports', async () => {
    const csp = async (url: string, token: string | null = null) => {
      const res = await t.app.request(url, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      })
      expect(res.status, url).toBe(200)
      return res.headers.get('content-security-policy')
    }
    expect(await csp(`/s/example?t=${t.partnerA}`)).toBe(FORM_CSP)
    // Refused pages carry it too.
    const denied = await t.app.request('/s/example?t=nope')
    expect(denied.status).toBe(401)
    expect(denied.headers.get('content-security-policy')).toBe(FORM_CSP)
    expect(await csp('/admin')).toBe(ADMIN_CSP)
    expect(await csp('/api/docs')).toBe(ADMIN_CSP)
    // Chart files and reports are sent by one function: the reports stand for both.
    expect(await csp('/api/surveys/example/report.html', t.admin)).toBe(FILE_CSP)
    expect(await csp('/api/surveys/example/report.md', t.admin)).toBe(FILE_CSP)
  })
})

describe('pickLocale', () => {
  const available = ['en', 'fr', 'sl'] as const

  it('takes ?lang= when it is available, else the best Accept-Language match', () => {
    expect(pickLocale({ query: 'sl', header: 'fr' }, available)).toBe('sl')
    expect(pickLocale({ query: 'de', header: 'fr' }, available)).toBe('fr')
    expect(pickLocale({ query: '', header: 'fr' }, available)).toBe('fr')
    expect(pickLocale({ header: 'de-DE, fr;q=0.5, sl;q=0.8' }, available)).toBe('sl')
    expect(pickLocale({ header: 'FR-ch' }, available)).toBe('fr')
    expect(pickLocale({ header: 'sl;q=0, fr;q=0.1' }, available)).toBe('fr')
    // Equal q-values keep the header's order.
    expect(pickLocale({ header: 'sl, fr' }, available)).toBe('sl')
  })

  it('falls back to the first language, or English when there is none', () => {
    expect(pickLocale({ header: 'de' }, ['fr', 'en'])).toBe('fr')
    expect(pickLocale({}, available)).toBe('en')
    expect(pickLocale({ header: 'fr' }, [])).toBe('en')
  })

  it('chooses the language of the form and of the dashboard alike', async () => {
    const lang = async (url: string, header: string) => {
      const res = await t.app.request(url, { headers: { 'Accept-Language': header } })
      return /<html lang="([^"]+)">/.exec(await res.text())?.[1]
    }
    expect(await lang(`/s/example?t=${t.partnerA}`, 'fr-FR,en;q=0.5')).toBe('fr')
    expect(await lang(`/s/example?t=${t.partnerA}&lang=en`, 'fr-FR')).toBe('en')
    expect(await lang('/admin', 'fr-FR,en;q=0.5')).toBe('fr')
    expect(await lang('/admin?lang=en', 'fr-FR')).toBe('en')
    expect(await lang('/admin?lang=sl', 'de')).toBe('sl')
    expect(await lang('/admin?lang=de', 'de')).toBe('en')
  })
})

describe('embedJson', () => {
  it('keeps every string intact and nothing that could close the script element', () => {
    const value = { text: '</script><script>alert(1)</script> & \u2028\u2029' }
    const embedded = embedJson(value)
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(embedded)).toEqual(value)
  })
})
