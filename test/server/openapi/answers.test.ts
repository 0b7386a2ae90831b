/**
 * Every route answers only what its OpenAPI entry describes. For each operation of the served
 * document, real requests (examples.ts) go through the app on a database with demo data: the
 * status each gets must be documented, its media type documented for that status, and a JSON
 * body valid against the documented schema; the request itself must fit the documented
 * parameters and body (or, for a 400 of its shape, be refused by them too). Each operation is
 * also asked once without credentials. An operation without an example fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Conformance, type OpenApiDocument, type SentRequest } from './conformance.ts'
import { EXAMPLES, type Example, type Sender, WITHOUT_CREDENTIALS } from './examples.ts'
import { type Fixtures, prepareFixtures } from './fixtures.ts'

let f: Fixtures
let doc: OpenApiDocument
let check: Conformance
let table: Record<string, Example[]>

beforeAll(async () => {
  f = await prepareFixtures()
  doc = (await (await f.t.app.request('/api/openapi.json')).json()) as OpenApiDocument
  check = new Conformance(doc)
  table = Object.fromEntries(Object.entries(EXAMPLES).map(([op, make]) => [op, make(f)]))
}, 120_000)

afterAll(async () => {
  await f?.t.close()
})

/** `METHOD /path` of every operation of the document. */
function operationsOf(d: OpenApiDocument): string[] {
  return Object.entries(d.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  )
}

function credentials(as: Sender): Record<string, string> {
  if (as === 'nobody') return {}
  if (as === 'admin' || as === 'partnerA' || as === 'partnerB') {
    return { Authorization: `Bearer ${f.t[as]}` }
  }
  const s = f.sessions[as]
  return { Cookie: s.cookie, 'X-Gapkit-CSRF': s.csrf }
}

/** Sends an example; returns the answer and the request's parts as the checks read them. */
async function send(method: string, ex: Example): Promise<{ res: Response; sent: SentRequest }> {
  const headers: Record<string, string> = { ...credentials(ex.as ?? 'admin'), ...ex.headers }
  let body: string | URLSearchParams | FormData | undefined
  let sentBody: SentRequest['body']
  if (ex.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(ex.json)
    sentBody = { type: 'application/json', value: ex.json }
  } else if (ex.form) {
    body = new URLSearchParams(ex.form)
    sentBody = { type: 'application/x-www-form-urlencoded', value: ex.form }
  } else if (ex.multipart) {
    const data = new FormData()
    const value: Record<string, string> = {}
    // A session's CSRF token goes in the form, as the page's own form sends it.
    const csrf = headers['X-Gapkit-CSRF']
    delete headers['X-Gapkit-CSRF']
    if (csrf !== undefined) {
      data.set('csrf', csrf)
      value.csrf = csrf
    }
    for (const [name, part] of Object.entries(ex.multipart)) {
      if (typeof part === 'string') data.set(name, part)
      else data.set(name, new Blob([part.text], { type: part.type }), part.name)
      value[name] = typeof part === 'string' ? part : part.text
    }
    body = data
    sentBody = { type: 'multipart/form-data', value }
  } else if (ex.raw) {
    headers['Content-Type'] = ex.raw.type
    body = ex.raw.text
    sentBody = { type: ex.raw.type, value: ex.raw.text }
  }
  const res = await f.t.app.request(ex.url, { method, headers, body })
  return { res, sent: { url: ex.url, body: sentBody } }
}

/** The example's URL without the token in its query. */
function withoutToken(url: string): string {
  const u = new URL(url, 'http://localhost')
  u.searchParams.delete('t')
  return `${u.pathname}${u.search}`
}

describe('every operation of /api/openapi.json', () => {
  it('has examples, and every example names an operation of the document', () => {
    const ops = operationsOf(doc)
    expect(ops.length).toBeGreaterThan(40)
    expect(
      ops.filter((op) => !table[op]),
      'operations without an example',
    ).toEqual([])
    expect(
      Object.keys(table).filter((op) => !ops.includes(op)),
      'examples of nothing',
    ).toEqual([])
    for (const op of ops) {
      expect(
        table[op]?.some((ex) => ex.status < 400),
        `${op} has no example of its success`,
      ).toBe(true)
    }
  })

  // An operation's examples run in order: one may change what the next finds (a draft
  // submitted, then refused as final). Each operation has fixtures of its own.
  for (const op of Object.keys(EXAMPLES)) {
    it(`${op}: answers as documented`, async () => {
      const [method = '', path = ''] = op.split(' ')
      const m = method.toLowerCase()
      const problems: string[] = []
      for (const [i, ex] of (table[op] ?? []).entries()) {
        const { res, sent } = await send(method, ex)
        const label = `#${i + 1} ${method} ${ex.url.slice(0, 120)} as ${ex.as ?? 'admin'}`
        const got = res.status
        const answer = await check.checkAnswer(m, path, res)
        if (got !== ex.status) problems.push(`${label}: expected ${ex.status}, got ${got}`)
        problems.push(...answer.map((p) => `${label} → ${got}: ${p}`))
        const request = check.checkRequest(m, path, sent)
        if (ex.refused) {
          const part = ex.refused === 'query' ? /^query / : /^body /
          if (!request.some((p) => part.test(p))) {
            problems.push(`${label}: the document accepts the ${ex.refused} the route refuses`)
          }
        } else if (ex.status < 400) {
          problems.push(...request.map((p) => `${label}: request: ${p}`))
        }
      }
      expect(problems).toEqual([])
    }, 60_000)
  }

  it('answers without credentials as documented (401 unless public)', async () => {
    const problems: string[] = []
    for (const op of operationsOf(doc)) {
      const [method = '', path = ''] = op.split(' ')
      const m = method.toLowerCase()
      if ((check.operation(m, path).security ?? []).length === 0) continue
      const first = table[op]?.find((ex) => ex.status < 400)
      if (!first) continue
      const { headers: _, ...rest } = first
      const ex: Example = { ...rest, url: withoutToken(first.url), as: 'nobody' }
      const { res } = await send(method, ex)
      const expected = WITHOUT_CREDENTIALS[op] ?? 401
      if (res.status !== expected) problems.push(`${op}: expected ${expected}, got ${res.status}`)
      const answer = await check.checkAnswer(m, path, res)
      problems.push(...answer.map((p) => `${op} → ${res.status}: ${p}`))
    }
    expect(problems).toEqual([])
  }, 60_000)
})
