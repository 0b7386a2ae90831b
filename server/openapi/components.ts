/** `components` of the document: security schemes, schemas and the shared error answers. */
import { schemaRef } from './json-schema.ts'
import { requestSchemas } from './requests.ts'
import { responseSchemas } from './responses.ts'

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: schemaRef('Error') } },
})

const SECURITY_SCHEMES = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description: 'A partner or admin token (`gapkit partner add`, `gapkit admin-token`).',
  },
  tokenQuery: {
    type: 'apiKey',
    in: 'query',
    name: 't',
    description: 'The same token in the query string, as in the links partners receive.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'gapkit_session',
    description:
      'Lead-partner browser session (12 h) from `POST /admin/login` or `GET /admin?t=TOKEN`: HttpOnly, SameSite=Strict, Path=/, and Secure when the request came over HTTPS (directly or with `X-Forwarded-Proto: https`); on plain http (localhost use) it is not Secure, or the browser would never send it back. Revoking the admin token ends its sessions. Writes need the `X-Gapkit-CSRF` header or a same-host `Origin`.',
  },
}

const RESPONSES = {
  BadRequest: errorResponse('Malformed input; `details` names each field.'),
  Unauthorized: errorResponse('No valid token or session (revoked tokens fail at once).'),
  Forbidden: errorResponse(
    'The role or token may not do that, or a cookie write failed the CSRF check (`csrf_failed`).',
  ),
  NotFound: errorResponse('No such questionnaire, response, account or partner link.'),
  Conflict: errorResponse('The request conflicts with the current state.'),
  TooLarge: errorResponse('The request body is too large.'),
  UnsupportedMediaType: errorResponse('Send the body as application/json.'),
  Invalid: errorResponse('Invalid answers; `details` lists each question and its message.'),
  TooManyRequests: {
    ...errorResponse(
      'Past a rate limit (`rate_limited`: writes per token, per address) or a partner link’s daily quota (`quota_exceeded`: new responses, bytes of answers).',
    ),
    headers: {
      'Retry-After': {
        description: 'Seconds to wait (until midnight UTC for a daily quota).',
        schema: { type: 'integer', minimum: 1 },
      },
    },
  },
}

/** The components, their schemas converted from zod now. */
export function buildComponents() {
  const requests = requestSchemas()
  const responses = responseSchemas()
  for (const id of Object.keys(requests)) {
    if (id in responses) throw new Error(`openapi: "${id}" is both a request and a response`)
  }
  const all = { ...requests, ...responses }
  const schemas = Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((id) => [id, all[id]]),
  )
  return { securitySchemes: SECURITY_SCHEMES, schemas, responses: RESPONSES }
}
