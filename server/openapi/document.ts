/**
 * The OpenAPI 3.1 description of the HTTP API, served at `GET /api/openapi.json`. Operations are
 * described here by `METHOD /path`; the document lists those the application actually mounts,
 * and a mounted route this file does not describe yet shows up flagged
 * `x-gapkit-undocumented` (a test keeps that list empty).
 */
import { ACCOUNT_OPERATIONS } from './accounts.ts'
import { OPENAPI_COMPONENTS } from './components.ts'
import { DASHBOARD_OPERATIONS } from './dashboard.ts'
import { LEAD_PARTNER_OPERATIONS } from './lead-partner.ts'
import { API_OPERATIONS, type Operation } from './operations.ts'

const OPERATIONS: Record<string, Operation> = {
  ...API_OPERATIONS,
  ...DASHBOARD_OPERATIONS,
  ...LEAD_PARTNER_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
}

/** A route as Hono lists it in `app.routes`. */
export interface MountedRoute {
  method: string
  path: string
}

/**
 * A Hono path in OpenAPI form: `:id` → `{id}`, and a constrained `:file{.+\.svg}` → `{file}`.
 * @example toOpenApiPath('/api/surveys/:id/charts/:file{.+}') // '/api/surveys/{id}/charts/{file}'
 */
export function toOpenApiPath(path: string): string {
  let out = ''
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]
    if (ch !== ':') {
      out += ch
      continue
    }
    let name = ''
    i++
    while (i < path.length && /[A-Za-z0-9_]/.test(path[i] ?? '')) name += path[i++]
    if (path[i] === '{') {
      // Skip the pattern, braces balanced (a pattern may hold `{2}`).
      let depth = 0
      for (; i < path.length; i++) {
        if (path[i] === '{') depth++
        else if (path[i] === '}' && --depth === 0) break
      }
    } else if (path[i] === '?') {
      // Optional parameter: documented as a plain path parameter.
    } else {
      i--
    }
    out += `{${name}}`
  }
  return out
}

/** Distinct `(method, OpenAPI path)` pairs of the mounted routes, middleware left out. */
export function mountedOperations(routes: MountedRoute[]): { method: string; path: string }[] {
  const seen = new Set<string>()
  const out: { method: string; path: string }[] = []
  for (const r of routes) {
    const method = r.method.toLowerCase()
    if (method === 'all' || r.path.includes('*')) continue
    const path = toOpenApiPath(r.path)
    const key = `${method} ${path}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ method, path })
  }
  return out
}

function undocumented(method: string, path: string): Operation {
  return {
    summary: `${method.toUpperCase()} ${path}`,
    description: 'Mounted but not described yet.',
    tags: ['undocumented'],
    'x-gapkit-undocumented': true,
    parameters: [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1] ?? '',
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    responses: { default: { $ref: '#/components/responses/Error' } },
  }
}

/**
 * Builds the OpenAPI 3.1 document for the given mounted routes (every described operation when
 * none are given). Paths and methods come out sorted, so the document is deterministic.
 */
export function buildOpenApi(routes?: MountedRoute[], version = '0.1.0') {
  const wanted = routes
    ? mountedOperations(routes)
    : Object.keys(OPERATIONS).map((key) => {
        const [method = '', path = ''] = key.split(' ')
        return { method: method.toLowerCase(), path }
      })
  const paths: Record<string, Record<string, Operation>> = {}
  for (const { method, path } of wanted) {
    const op = OPERATIONS[`${method.toUpperCase()} ${path}`] ?? undocumented(method, path)
    paths[path] = { ...paths[path], [method]: op }
  }
  const sorted = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [
        p,
        Object.fromEntries(Object.entries(paths[p] ?? {}).sort(([a], [b]) => a.localeCompare(b))),
      ]),
  )
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gapkit HTTP API',
      version,
      summary:
        'Stakeholder surveys and cross-region gap analysis for inclusive-finance cooperation.',
      description: [
        'Errors are always JSON: `{"error": {"code", "message", "details"}}`, never a stack trace.',
        'Authenticate with a token as `Authorization: Bearer …` (or `?t=` for links), or — for the',
        'lead partner in a browser — with the `gapkit_session` cookie set by signing in at `/admin`.',
        'A request authenticated by the cookie that changes state must send the `X-Gapkit-CSRF`',
        'header (the page gives it) or come with an `Origin` on this host; token requests are exempt.',
      ].join(' '),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'public', description: 'No authentication.' },
      { name: 'partner', description: 'Partner links: fill questionnaires for one region.' },
      { name: 'admin', description: 'The lead partner: analysis, charts, review, exports.' },
      { name: 'dashboard', description: 'The lead-partner dashboard (HTML) and its JSON API.' },
    ],
    paths: sorted,
    components: OPENAPI_COMPONENTS,
  }
}
