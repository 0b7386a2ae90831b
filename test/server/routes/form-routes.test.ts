import path from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureSurveyVersion } from '../../../server/db/repositories/survey-versions.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterAll(async () => {
  await t.close()
})

const version = () => t.registry.get('example')?.version ?? ''
const pageData = (html: string) =>
  JSON.parse(
    /<script type="application\/json" id="gk-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}',
  )

describe('GET /s/:survey', () => {
  it('paints the title, a loading message and the language switch before any stylesheet or script', async () => {
    const res = await t.app.request(`/s/example?t=${t.partnerA}`, {
      headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' },
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    const head = html.slice(0, html.indexOf('</head>'))
    // Nothing in the head blocks the first paint: styles are inline, scripts deferred.
    expect(head).not.toMatch(/<link rel="stylesheet"/)
    expect(head.match(/<script (?!defer)[^>]*src=/g)).toBeNull()
    expect(head).toContain('<style>')
    const body = html.slice(html.indexOf('<body>'))
    expect(body).toMatch(/<h1>Diagnostic d&#39;écosystème \(exemple\)<\/h1>/)
    expect(body).toContain('<select id="gk-lang">')
    // The first questions can be answered while SurveyJS loads (first-page.ts).
    expect(body).toContain('Vous pouvez commencer à répondre')
    expect(body).toContain('<legend>Quel type d&#39;organisation représentez-vous ?')
    // SurveyJS's stylesheet comes after them, so they paint while it loads.
    expect(body.indexOf('gk-early')).toBeLessThan(body.indexOf('<link rel="stylesheet"'))
    // Only the strings of the language in use are loaded up front.
    expect(head.match(/i18n-[a-z]+\.min\.js/g)).toEqual(['i18n-fr.min.js'])
  })

  it('hands out its questionnaire version by URL and records it for responses queued offline', async () => {
    const html = await (await t.app.request(`/s/example?t=${t.partnerA}`)).text()
    const data = pageData(html)
    expect(data.version).toBe(version())
    expect(data.definition).toBe(`/s/example/definition/${version()}?t=${t.partnerA}`)
    expect(html).toContain(`<link rel="preload" href="/s/example/definition/${version()}`)
    expect(data.text.fr.queued).toBe('En attente d’envoi')
    const stored = await t.db.kysely
      .selectFrom('survey_versions')
      .select('version')
      .where('survey', '=', 'example')
      .execute()
    expect(stored.map((r) => r.version)).toContain(version())
  })

  it('says how many responses the link has already sent', async () => {
    const first = pageData(await (await t.app.request(`/s/example?t=${t.partnerB}`)).text())
    expect(first.sent).toEqual({ count: 0, lastAt: null })
    const res = await t.send('POST', '/api/surveys/example/responses', t.partnerB, {
      answers: exampleAnswers(),
    })
    expect(res.status).toBe(201)
    const after = pageData(await (await t.app.request(`/s/example?t=${t.partnerB}`)).text())
    expect(after.sent.count).toBe(1)
    expect(after.onePerLink).toBe(false)
  })
})

describe('GET /s/:survey/definition/:version', () => {
  it('serves the version precompressed, immutable, to a link holder only', async () => {
    const url = `/s/example/definition/${version()}`
    expect((await t.app.request(url)).status).toBe(401)
    const res = await t.app.request(`${url}?t=${t.partnerA}`, {
      headers: { 'Accept-Encoding': 'br, gzip' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(res.headers.get('etag')).toBe(`"${version()}"`)
    const encoding = res.headers.get('content-encoding')
    expect(['br', 'gzip']).toContain(encoding)
    const bytes = Buffer.from(await res.arrayBuffer())
    const text =
      encoding === 'br'
        ? brotliDecompressSync(bytes).toString()
        : await new Response(
            new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
          ).text()
    expect(JSON.parse(text)).toEqual(t.registry.get('example')?.json)
    const again = await t.app.request(`${url}?t=${t.partnerA}`, {
      headers: { 'If-None-Match': `"${version()}"` },
    })
    expect(again.status).toBe(304)
  })

  it('serves an older version the server stored, and 404 for one it never saw', async () => {
    const older = {
      title: 'Old example',
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }],
    }
    await ensureSurveyVersion(
      t.db.kysely,
      { survey: 'example', version: 'aaaaaaaaaaaaaaaa', definition: JSON.stringify(older) },
      '2026-01-01T00:00:00.000Z',
    )
    const res = await t.app.request(`/s/example/definition/aaaaaaaaaaaaaaaa?t=${t.partnerA}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(older)
    const missing = await t.app.request(`/s/example/definition/bbbbbbbbbbbbbbbb?t=${t.partnerA}`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})

describe('GET /s/sw.js', () => {
  it('is the worker with this build’s assets, revalidated at every visit', async () => {
    const res = await t.app.request('/s/sw.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const script = await res.text()
    const build = JSON.parse(/^self\.GAPKIT_BUILD = (.*)$/m.exec(script)?.[1] ?? '{}')
    expect(build.precache.length).toBeGreaterThan(5)
    for (const url of [...build.precache, build.outbox]) {
      expect((await t.app.request(url)).status, url).toBe(200)
    }
    expect(build.offline.fr).toContain('hors ligne')
    const etag = res.headers.get('etag') ?? ''
    const again = await t.app.request('/s/sw.js', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })
})
