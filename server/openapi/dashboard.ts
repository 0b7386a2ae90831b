/** The dashboard's pages and JSON API, and the API description itself, keyed `METHOD /path`. */
import { ref } from './components.ts'
import {
  ADMIN,
  ADMIN_ERRORS,
  body,
  errors,
  html,
  json,
  type Operation,
  PUBLIC,
  path,
  query,
  SESSION,
  SURVEY,
} from './operations.ts'

/** Dashboard operations, by `METHOD /path` in OpenAPI form. */
export const DASHBOARD_OPERATIONS: Record<string, Operation> = {
  'GET /api/admin/progress': {
    tags: ['dashboard'],
    summary: 'Responses per questionnaire × region × wave',
    security: ADMIN,
    parameters: [query('survey', 'Only this questionnaire.')],
    responses: {
      '200': json({
        type: 'object',
        properties: { progress: { type: 'array', items: ref('ProgressRow') } },
        required: ['progress'],
      }),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
    },
  },
  'GET /api/admin/partners': {
    tags: ['dashboard'],
    summary: 'Partner links (never their tokens) and regions',
    security: ADMIN,
    responses: {
      '200': json({
        type: 'object',
        properties: {
          partners: { type: 'array', items: ref('PartnerLink') },
          regions: { type: 'array', items: ref('Region') },
        },
        required: ['partners', 'regions'],
      }),
      ...errors('Unauthorized', 'Forbidden'),
    },
  },
  'POST /api/admin/partners': {
    tags: ['dashboard'],
    summary: 'Create a partner link; its token is returned once',
    security: ADMIN,
    requestBody: body(ref('NewPartnerLink')),
    responses: {
      '201': json(ref('PartnerLinkCreated'), 'Created'),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'UnsupportedMediaType'),
      '422': {
        description: 'Unknown region and no `regionName`',
        content: { 'application/json': { schema: ref('Error') } },
      },
    },
  },
  'DELETE /api/admin/partners/{id}': {
    tags: ['dashboard'],
    summary: 'Revoke a partner link at once',
    security: ADMIN,
    parameters: [path('id', 'Partner link id.')],
    responses: {
      '200': json({
        type: 'object',
        properties: { id: { type: 'integer' }, revokedAt: { type: 'string', format: 'date-time' } },
        required: ['id', 'revokedAt'],
      }),
      ...errors('Unauthorized', 'Forbidden', 'NotFound', 'Conflict'),
    },
  },
  'GET /api/admin/surveys/{id}/responses': {
    tags: ['dashboard'],
    summary: 'A page of the responses table',
    security: ADMIN,
    parameters: [
      SURVEY,
      query('page', '1-based page.', { type: 'integer', minimum: 1, default: 1 }),
      query('pageSize', 'Rows per page.', {
        type: 'integer',
        minimum: 1,
        maximum: 500,
        default: 50,
      }),
      query('region', 'Only this region.'),
      query('wave', 'Only this wave.'),
      query('status', 'Submitted or draft.', { enum: ['submitted', 'draft'] }),
      query('review', 'Review status.', { enum: ['pending', 'approved', 'rejected'] }),
      query(
        'lang',
        'Language of the choice labels in summaries (default en; the default text when the questionnaire lacks it).',
      ),
    ],
    responses: { '200': json(ref('ResponsePage')), ...ADMIN_ERRORS },
  },
  'GET /': {
    tags: ['dashboard'],
    summary: 'Landing page: what Gapkit is, with links to the dashboard and the API documentation',
    security: PUBLIC,
    description: 'Shows nothing stored. English or French, by `?lang=` or `Accept-Language`.',
    parameters: [query('lang', 'Page language.', { enum: ['en', 'fr'] })],
    responses: { '200': html('The page') },
  },
  'GET /admin': {
    tags: ['dashboard'],
    summary: 'Dashboard: progress per region (sign-in form without a session)',
    security: [...SESSION, { tokenQuery: [] }],
    description:
      'With `?t=ADMIN_TOKEN`: opens a session (cookie `gapkit_session`) and redirects (303) here without the token.',
    parameters: [
      query('t', 'Admin token, to sign in.'),
      query('lang', 'Dashboard language.', { enum: ['en', 'fr'] }),
    ],
    responses: {
      '200': html('The dashboard, or the sign-in form'),
      '303': { description: 'Signed in; redirect without the token' },
      '401': html('Invalid or revoked token'),
      '403': html('A partner token cannot sign in'),
    },
  },
  'GET /admin/partners': {
    tags: ['dashboard'],
    summary: 'Dashboard: partner links',
    security: SESSION,
    parameters: [query('lang', 'Dashboard language.', { enum: ['en', 'fr'] })],
    responses: { '200': html('The page'), '401': html('The sign-in form') },
  },
  'GET /admin/surveys/{id}': {
    tags: ['dashboard'],
    summary: 'Dashboard: responses, review, analysis and downloads of a questionnaire',
    security: SESSION,
    parameters: [SURVEY, query('lang', 'Dashboard language.', { enum: ['en', 'fr'] })],
    responses: {
      '200': html('The page'),
      '401': html('The sign-in form'),
      '404': html('No such questionnaire'),
    },
  },
  'POST /admin/login': {
    tags: ['dashboard'],
    summary: 'Sign in with an email and password, or with an admin token',
    description:
      'With `email` and `password`: a person’s account (a wrong password and an unknown email get the same answer, after the same scrypt work). With `token`: an admin token, which acts as owner. Sign-ins and refused attempts on existing accounts are audited.',
    security: PUBLIC,
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: {
              email: { type: 'string' },
              password: { type: 'string' },
              token: { type: 'string' },
              next: { type: 'string' },
              lang: { type: 'string' },
            },
          },
        },
      },
    },
    responses: {
      '303': {
        description:
          'Signed in: `Set-Cookie: gapkit_session=…; HttpOnly; SameSite=Strict; Path=/` (and `Secure` over HTTPS); to /admin/account first while a one-time password is in use',
      },
      '401': html('Wrong email or password, or an invalid or revoked token'),
      '403': html('A disabled account, a partner token, or a form posted from another site'),
    },
  },
  'POST /admin/logout': {
    tags: ['dashboard'],
    summary: 'End the session',
    security: SESSION,
    requestBody: {
      required: false,
      content: {
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', properties: { csrf: { type: 'string' } } },
        },
      },
    },
    responses: {
      '303': { description: 'Signed out; redirect to /admin' },
      '403': html('Failed the CSRF check'),
    },
  },
  'GET /api/openapi.json': {
    tags: ['public'],
    summary: 'This document',
    security: PUBLIC,
    responses: { '200': json({ type: 'object' }) },
  },
  'GET /api/docs': {
    tags: ['public'],
    summary: 'Readable API documentation, rendered from this document',
    security: PUBLIC,
    responses: { '200': html('The documentation page') },
  },
}
