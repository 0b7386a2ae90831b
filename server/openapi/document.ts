/**
 * The OpenAPI 3.1 description of the HTTP API, served at `GET /api/openapi.json`. Request
 * bodies and parameters are converted from the zod schemas the routes validate with
 * (requests.ts), response bodies from the zod schemas of responses.ts; the operations (by
 * `METHOD /path`) add the prose, the statuses and the media types. The document lists the
 * operations the application actually mounts; a mounted route no operation describes shows up
 * flagged `x-gapkit-undocumented` (a test keeps that list empty).
 */
import { accountOperations } from './accounts.ts'
import type { Operation } from './builders.ts'
import { buildComponents } from './components.ts'
import { dashboardOperations } from './dashboard.ts'
import { leadPartnerOperations } from './lead-partner.ts'
import { apiOperations } from './operations.ts'
import { publicationOperations } from './publications.ts'
import { questionnaireOperations } from './questionnaires.ts'
import { surveyUploadOperations } from './survey-uploads.ts'

function allOperations(): Record<string, Operation> {
  return {
    ...apiOperations(),
    ...dashboardOperations(),
    ...leadPartnerOperations(),
    ...accountOperations(),
    ...publicationOperations(),
    ...questionnaireOperations(),
    ...surveyUploadOperations(),
  }
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
    responses: { default: { description: 'Not described yet.' } },
  }
}

const SIGN_IN_LIMIT = {
  description:
    'Too many sign-in attempts from this address (`POST /admin/login`, the password change, a page opened with `?t=`)',
  headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  content: { 'text/plain': { schema: { type: 'string' } } },
}

const shared = (name: string) => ({ $ref: `#/components/responses/${name}` })

/**
 * The answers the app's middleware and request parsing give before a route decides (app.ts,
 * http/request.ts), added to each operation they apply to.
 */
function withEdgeAnswers(method: string, path: string, op: Operation): Operation {
  const responses = { ...(op.responses as Record<string, unknown>) }
  const add = (status: string, response: unknown) => {
    responses[status] ??= response
  }
  const body = op.requestBody as { content?: Record<string, unknown> } | undefined
  if (body?.content?.['application/json']) {
    add('400', shared('BadRequest'))
    add('415', shared('UnsupportedMediaType'))
  }
  if (method !== 'get') add('413', shared('TooLarge'))
  if (path.startsWith('/api/') && method !== 'get') add('429', shared('TooManyRequests'))
  if (path === '/admin' || path.startsWith('/admin/')) add('429', SIGN_IN_LIMIT)
  const sorted = Object.keys(responses).sort()
  return { ...op, responses: Object.fromEntries(sorted.map((s) => [s, responses[s]])) }
}

/**
 * Builds the OpenAPI 3.1 document for the given mounted routes (every described operation when
 * none are given). Paths, methods, statuses and schemas come out sorted: the same routes always
 * give the same bytes.
 */
export function buildOpenApi(routes?: MountedRoute[], version = '0.1.0') {
  const operations = allOperations()
  const wanted = routes
    ? mountedOperations(routes)
    : Object.keys(operations).map((key) => {
        const [method = '', path = ''] = key.split(' ')
        return { method: method.toLowerCase(), path }
      })
  const paths: Record<string, Record<string, Operation>> = {}
  for (const { method, path } of wanted) {
    const op = operations[`${method.toUpperCase()} ${path}`] ?? undocumented(method, path)
    paths[path] = { ...paths[path], [method]: withEdgeAnswers(method, path, op) }
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
        'Errors under `/api` are always JSON: `{"error": {"code", "message", "details"}}`, never a',
        'stack trace; dashboard pages answer errors as pages.',
        'Authenticate with a token as `Authorization: Bearer …` (or `?t=` for links), or — for the',
        'lead partner in a browser — with the `gapkit_session` cookie set by signing in at `/admin`.',
        'A request authenticated by the cookie that changes state must send the `X-Gapkit-CSRF`',
        'header (the page gives it) or come with an `Origin` on this host; token requests are exempt.',
        'Request bodies and parameters are converted from the zod schemas the server validates with.',
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
    components: buildComponents(),
  }
}
