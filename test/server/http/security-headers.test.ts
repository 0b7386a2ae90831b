/**
 * Every response of the app, pages or not, carries nosniff and refuses framing by another site:
 * `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`. The report and the chart SVGs lacked
 * both (issue 16): another site could frame them.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedHostile } from '../../fixtures/report/hostile.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
  await seedHostile(t)
}, 60_000)

afterAll(async () => {
  await t.close()
})

function expectNoFraming(res: Response, url: string) {
  expect(res.headers.get('x-content-type-options'), url).toBe('nosniff')
  expect(res.headers.get('x-frame-options'), url).toBe('DENY')
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp, url).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/)
  // One frame-ancestors, never a second one added to a route's own.
  expect(csp.match(/frame-ancestors/g)?.length, url).toBe(1)
}

describe('security headers', () => {
  it('are on the report, the charts (SVG, PNG, Vega-Lite) and their 304s', async () => {
    const list = await t.send('GET', '/api/surveys/example/charts', t.admin)
    const { charts } = (await list.json()) as { charts: { links: Record<string, string> }[] }
    const links = charts[0]?.links ?? {}
    const urls = [
      '/api/surveys/example/report.html',
      '/api/surveys/example/report.md',
      links.svg ?? '',
      links.png ?? '',
      links.vlJson ?? '',
    ]
    for (const url of urls) {
      const res = await t.send('GET', url, t.admin)
      expect(res.status, url).toBe(200)
      expectNoFraming(res, url)
      const again = await t.app.request(url, {
        headers: {
          authorization: `Bearer ${t.admin}`,
          'if-none-match': res.headers.get('etag') ?? '',
        },
      })
      expect(again.status, url).toBe(304)
      expectNoFraming(again, url)
    }
  })

  it('are on JSON, errors, pages, assets and the health check', async () => {
    const cases: [string, string | null][] = [
      ['/healthz', null],
      ['/api/surveys', t.partnerA],
      ['/api/surveys/nope', t.partnerA],
      ['/api/surveys', null],
      ['/no/such/route', null],
      ['/admin', null],
      [`/s/example?t=${t.partnerA}`, null],
      ['/api/openapi.json', null],
    ]
    for (const [url, token] of cases) expectNoFraming(await t.send('GET', url, token), url)
    const post = await t.send('POST', '/api/surveys/example/responses', t.partnerA, { answers: 1 })
    expect(post.status).toBe(422)
    expectNoFraming(post, 'POST responses')
  })
})
