import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOpenApi, toOpenApiPath } from '../../../server/openapi/document.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

type Doc = ReturnType<typeof buildOpenApi>

let t: TestApp
beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterAll(async () => {
  await t.close()
})

/** Every `$ref` string anywhere in a JSON value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out)
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else refs(v, out)
    }
  }
  return out
}

describe('GET /api/openapi.json', () => {
  it('is public, valid JSON, OpenAPI 3.1.0, with bearer and cookie auth and the error shape', async () => {
    const res = await t.app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    const doc = JSON.parse(await res.text()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    })
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'gapkit_session',
    })
    expect(doc.components.schemas.Error).toMatchObject({
      properties: { error: { required: ['code', 'message', 'details'] } },
    })
  })

  it('describes every route the app mounts, each method with a real description', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc
    const mounted = t.app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    expect(mounted.length).toBeGreaterThan(20)
    for (const route of mounted) {
      const p = toOpenApiPath(route.path)
      const op = doc.paths[p]?.[route.method.toLowerCase()]
      expect(op, `${route.method} ${route.path}`).toBeDefined()
      expect(
        op?.['x-gapkit-undocumented'],
        `${route.method} ${route.path} is undocumented`,
      ).toBeUndefined()
      expect(op?.responses, `${route.method} ${route.path}`).toBeDefined()
      // Every path parameter is declared.
      const params = (op?.parameters ?? []) as { name: string; in: string }[]
      for (const m of p.matchAll(/\{(\w+)\}/g)) {
        expect(
          params.some((x) => x.in === 'path' && x.name === m[1]),
          `${p} {${m[1]}}`,
        ).toBe(true)
      }
    }
    // Nothing documented that is not mounted.
    const served = new Set(mounted.map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`))
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const m of Object.keys(methods)) expect(served.has(`${m} ${p}`), `${m} ${p}`).toBe(true)
    }
  })

  it('resolves every $ref, and the full document (every operation) does too', async () => {
    for (const doc of [
      (await (await t.app.request('/api/openapi.json')).json()) as Doc,
      buildOpenApi(),
    ]) {
      for (const ref of refs(doc)) {
        const [, section, name] = /^#\/components\/(\w+)\/(\w+)$/.exec(ref) ?? []
        expect(section && name, ref).toBeTruthy()
        const components: Record<string, Record<string, unknown>> = doc.components
        expect(components[section ?? '']?.[name ?? ''], ref).toBeDefined()
      }
    }
  })

  it('turns Hono paths into OpenAPI paths', () => {
    expect(toOpenApiPath('/api/surveys/:id/responses')).toBe('/api/surveys/{id}/responses')
    expect(toOpenApiPath('/api/surveys/:id/charts/:chart{.+\\.(svg|png)}')).toBe(
      '/api/surveys/{id}/charts/{chart}',
    )
    expect(toOpenApiPath('/x/:n{\\d{2}}/y')).toBe('/x/{n}/y')
    expect(toOpenApiPath('/healthz')).toBe('/healthz')
  })
})

describe('GET /api/docs', () => {
  it('is a page built from our own assets only', async () => {
    const res = await t.app.request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(sources.some((s) => /^\/assets\/[0-9a-f]{12}\/api-docs\.js$/.test(s))).toBe(true)
    for (const s of sources) expect(s.startsWith('/') || s.startsWith('data:'), s).toBe(true)
    const script = sources.find((s) => s.endsWith('api-docs.js')) ?? ''
    expect((await t.app.request(script)).status).toBe(200)
  })
})
