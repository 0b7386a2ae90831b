import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildOpenApi, toOpenApiPath } from '../../../server/openapi/document.ts'
import {
  describeProperties,
  queryParameters,
  toJsonSchema,
} from '../../../server/openapi/json-schema.ts'
import { analysisQuery } from '../../../server/routes/analysis.ts'
import { newResponseBody } from '../../../server/routes/responses.ts'
import { targetBody } from '../../../server/routes/targets.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import type { OpenApiDocument } from './conformance.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
})
afterAll(async () => {
  await t.close()
})

async function served(app = t.app): Promise<string> {
  return (await app.request('/api/openapi.json')).text()
}

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

/** A JSON Schema without its `description`s: what the route's schema says, prose left out. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'description')
      .map(([k, v]) => [k, withoutProse(v)]),
  )
}

describe('GET /api/openapi.json', () => {
  it('is public, valid JSON, OpenAPI 3.1.0, with bearer and cookie auth and the error shape', async () => {
    const res = await t.app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    const doc = JSON.parse(await res.text()) as OpenApiDocument
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

  it('has an operation for every route the app mounts, and a route for every operation', async () => {
    const doc = JSON.parse(await served()) as OpenApiDocument
    const mounted = t.app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    const routes = new Set(mounted.map((r) => `${r.method} ${toOpenApiPath(r.path)}`))
    expect(routes.size).toBeGreaterThan(40)
    const operationsOf = (d: { paths: Record<string, Record<string, unknown>> }) =>
      new Set(
        Object.entries(d.paths).flatMap(([p, methods]) =>
          Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
        ),
      )
    const documented = operationsOf(doc)
    expect(
      [...routes].filter((r) => !documented.has(r)),
      'routes without an operation',
    ).toEqual([])
    expect(
      [...documented].filter((o) => !routes.has(o)),
      'operations of no route',
    ).toEqual([])
    // The document lists only mounted routes: every operation written must have one, too.
    const written = operationsOf(buildOpenApi())
    expect(
      [...written].filter((o) => !routes.has(o)),
      'operations of no route',
    ).toEqual([])
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(methods)) {
        const flagged = (op as unknown as Record<string, unknown>)['x-gapkit-undocumented']
        expect(flagged, `${m} ${p} is undocumented`).toBeUndefined()
        for (const name of p.matchAll(/\{(\w+)\}/g)) {
          const declared = (op.parameters ?? []).some((x) => x.in === 'path' && x.name === name[1])
          expect(declared, `${m} ${p} {${name[1]}}`).toBe(true)
        }
      }
    }
  })

  it('is the same bytes every time it is built', async () => {
    const other = await createTestApp(path.join(FIXTURES, 'surveys'))
    try {
      const first = await served()
      expect(await served(other.app)).toBe(first)
      expect(JSON.stringify(buildOpenApi(t.app.routes))).toBe(first)
    } finally {
      await other.close()
    }
  })

  it('resolves every $ref, and the full document (every operation) does too', async () => {
    for (const doc of [JSON.parse(await served()) as OpenApiDocument, buildOpenApi()]) {
      for (const ref of refs(doc)) {
        const [, section, name] = /^#\/components\/(\w+)\/(\w+)$/.exec(ref) ?? []
        expect(section && name, ref).toBeTruthy()
        const components: Record<string, Record<string, unknown>> = doc.components
        expect(components[section ?? '']?.[name ?? ''], ref).toBeDefined()
      }
    }
  })

  it('takes request bodies and parameters from the zod schemas of the routes', async () => {
    const doc = JSON.parse(await served()) as OpenApiDocument
    const schemas = doc.components.schemas
    expect(withoutProse(schemas.NewResponse)).toEqual(toJsonSchema(newResponseBody, 'input'))
    expect(withoutProse(schemas.TargetRequest)).toEqual(toJsonSchema(targetBody, 'input'))
    const analysis = doc.paths['/api/surveys/{id}/analysis']?.get?.parameters ?? []
    const query = analysis.filter((p) => p.in === 'query')
    const { properties } = toJsonSchema(analysisQuery, 'input') as {
      properties: Record<string, unknown>
    }
    const { t: _token, ...expected } = properties
    expect(Object.fromEntries(query.map((p) => [p.name, p.schema]))).toEqual(expected)
  })

  it('refuses prose about a field a schema does not have', () => {
    const schema = z.strictObject({ a: z.string(), b: z.int().catch(1) })
    expect(() => describeProperties(toJsonSchema(schema, 'input'), { c: 'no such' })).toThrow(
      /no property "c"/,
    )
    expect(() => queryParameters(schema, { c: 'no such' })).toThrow(/no query parameter "c"/)
    // A caught or defaulted key may be absent, although zod lists it as required.
    expect(queryParameters(schema).map((p) => [p.name, p.required])).toEqual([
      ['a', true],
      ['b', false],
    ])
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
