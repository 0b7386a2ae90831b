/** Small builders of OpenAPI operation parts, shared by the operation lists. */
import { type Parameter, schemaRef } from './json-schema.ts'

/** One OpenAPI operation object (plain JSON). */
export type Operation = Record<string, unknown>

export const ANY_TOKEN = [{ bearerAuth: [] }, { tokenQuery: [] }, { sessionCookie: [] }]
/** The lead partner: the admin token or a person's session (the route checks the role). */
export const LEAD = ANY_TOKEN
export const SESSION = [{ sessionCookie: [] }]
export const PUBLIC: never[] = []

/**
 * A query parameter the route reads as it comes (`c.req.query`), with no schema: any value is
 * taken (an unknown language falls back to a default), so the description says what it means.
 */
export function looseQuery(name: string, description: string): Parameter {
  return { name, in: 'query', required: false, description, schema: { type: 'string' } }
}

export const DASHBOARD_LANG = looseQuery(
  'lang',
  'Dashboard language: `en` or `fr` (default: the browser’s).',
)

/** A JSON answer whose body is the component schema `id`. */
export const json = (id: string, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: schemaRef(id) } },
})

/** An answer of one media type whose body is a text or binary file. */
export const file = (type: string, description: string) => ({
  description,
  content: {
    [type]: {
      schema: { type: 'string', ...(type === 'image/png' ? { contentEncoding: 'base64' } : {}) },
    },
  },
})

export const html = (description: string) => file('text/html', description)

/** An answer with no body (a redirect, 304). */
export const empty = (description: string) => ({ description })

export const jsonBody = (id: string) => ({
  required: true,
  content: { 'application/json': { schema: schemaRef(id) } },
})

export const formBody = (id: string, required = true) => ({
  required,
  content: { 'application/x-www-form-urlencoded': { schema: schemaRef(id) } },
})

const ERROR_STATUS = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  Conflict: '409',
  TooLarge: '413',
  UnsupportedMediaType: '415',
  Invalid: '422',
  TooManyRequests: '429',
} as const

export type ErrorName = keyof typeof ERROR_STATUS

/** The shared JSON error answers, by name (`components/responses`). */
export const errors = (...names: ErrorName[]) =>
  Object.fromEntries(
    names.map((n) => [ERROR_STATUS[n], { $ref: `#/components/responses/${n}` }]),
  ) as Record<string, unknown>

/** What a route with a questionnaire in its path and the lead partner's roles can answer. */
export const LEAD_ERRORS = errors('Unauthorized', 'Forbidden', 'NotFound')

/**
 * A dashboard page (server/admin/page-session.ts): opened with a session, or with `?t=` an admin
 * token that signs in and redirects; without a session it is the sign-in form (401).
 */
export function dashboardPage(
  summary: string,
  options: {
    role: 'viewer' | 'reviewer' | 'analyst' | 'owner'
    description?: string
    parameters?: Parameter[]
    responses?: Record<string, unknown>
  },
): Operation {
  const roleNote = options.role === 'viewer' ? 'Every role.' : `The ${options.role} role and up.`
  return {
    tags: ['dashboard'],
    summary,
    description: [roleNote, options.description].filter(Boolean).join(' '),
    security: [...SESSION, { tokenQuery: [] }],
    parameters: [...(options.parameters ?? []), DASHBOARD_LANG],
    responses: {
      '200': html('The page'),
      '303': empty(
        'Signed in with `?t=` (to the page without the token), or to /admin/account while a one-time password is in use',
      ),
      '401': html('The sign-in form: no session, or an invalid `?t=` token'),
      '403': html(
        options.role === 'viewer'
          ? 'A partner token in `?t=`'
          : 'The role is too low, or a partner token in `?t=`',
      ),
      ...options.responses,
    },
  }
}
