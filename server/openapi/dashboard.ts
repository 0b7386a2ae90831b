/** The dashboard's pages and JSON API, and the API description itself, keyed `METHOD /path`. */
import {
  DASHBOARD_LANG,
  dashboardPage,
  empty,
  errors,
  formBody,
  html,
  json,
  jsonBody,
  LEAD,
  LEAD_ERRORS,
  looseQuery,
  type Operation,
  PUBLIC,
  SESSION,
} from './builders.ts'
import { BODY, requestParameters } from './requests.ts'

/** Dashboard operations, by `METHOD /path` in OpenAPI form. */
export function dashboardOperations(): Record<string, Operation> {
  const { query, path } = requestParameters()
  return {
    'GET /api/admin/progress': {
      tags: ['dashboard'],
      summary: 'Responses per questionnaire × region × wave',
      description: 'Every role.',
      security: LEAD,
      parameters: query.progress,
      responses: {
        '200': json('Progress'),
        ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
      },
    },
    'GET /api/admin/partners': {
      tags: ['dashboard'],
      summary: 'Partner links (never their tokens) and regions',
      description: 'Analyst and up.',
      security: LEAD,
      responses: { '200': json('PartnerLinks'), ...errors('Unauthorized', 'Forbidden') },
    },
    'POST /api/admin/partners': {
      tags: ['dashboard'],
      summary: 'Create a partner link; its token is returned once',
      description: 'Analyst and up. Audited.',
      security: LEAD,
      parameters: [looseQuery('lang', 'Language of the form titles: `en` (default) or `fr`.')],
      requestBody: jsonBody(BODY.newPartnerLink),
      responses: {
        '201': json('PartnerLinkCreated', 'Created'),
        ...errors('Unauthorized', 'Forbidden'),
        '422': {
          description: 'Unknown region and no `regionName` (`unknown_region`)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
    'DELETE /api/admin/partners/{id}': {
      tags: ['dashboard'],
      summary: 'Revoke a partner link at once',
      description: 'Analyst and up. Audited.',
      security: LEAD,
      parameters: [path.partnerLink()],
      responses: {
        '200': json('Revocation'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound', 'Conflict'),
      },
    },
    'GET /api/admin/surveys/{id}/responses': {
      tags: ['dashboard'],
      summary: 'A page of the responses table',
      description: 'Reviewer and up.',
      security: LEAD,
      parameters: [path.survey(), ...query.responsesTable],
      responses: { '200': json('ResponsePage'), ...LEAD_ERRORS, ...errors('BadRequest') },
    },
    'GET /': {
      tags: ['dashboard'],
      summary:
        'Landing page: what Gapkit is, with links to the dashboard and the API documentation',
      security: PUBLIC,
      description: 'Shows nothing stored. English or French, by `?lang=` or `Accept-Language`.',
      parameters: [looseQuery('lang', 'Page language: `en` or `fr` (default: the browser’s).')],
      responses: { '200': html('The page') },
    },
    'GET /admin': dashboardPage('Dashboard: progress per region, targets', {
      role: 'viewer',
      responses: { '200': html('The dashboard, or the sign-in form without a session') },
    }),
    'GET /admin/partners': dashboardPage('Dashboard: partner links', { role: 'analyst' }),
    'GET /admin/surveys/{id}': dashboardPage(
      'Dashboard: responses, review, analysis and downloads of a questionnaire',
      {
        role: 'viewer',
        parameters: [path.survey()],
        responses: { '404': html('No such questionnaire') },
      },
    ),
    'POST /admin/login': {
      tags: ['dashboard'],
      summary: 'Sign in with an email and password, or with an admin token',
      description:
        'With `email` and `password`: a person’s account (a wrong password and an unknown email get the same answer, after the same scrypt work). With `token`: an admin token, which acts as owner. Sign-ins and refused attempts on existing accounts are audited.',
      security: PUBLIC,
      requestBody: formBody(BODY.login),
      responses: {
        '303': empty(
          'Signed in: `Set-Cookie: gapkit_session=…; HttpOnly; SameSite=Strict; Path=/` (and `Secure` over HTTPS); to /admin/account first while a one-time password is in use',
        ),
        '401': html('Wrong email or password, or an invalid or revoked token'),
        '403': html('A disabled account, a partner token, or a form posted from another site'),
      },
    },
    'POST /admin/logout': {
      tags: ['dashboard'],
      summary: 'End the session',
      security: SESSION,
      parameters: [DASHBOARD_LANG],
      requestBody: formBody(BODY.logout, false),
      responses: {
        '303': empty('Signed out (or no session); redirect to /admin'),
        '403': html('Failed the CSRF check'),
      },
    },
    'GET /api/openapi.json': {
      tags: ['public'],
      summary: 'This document',
      security: PUBLIC,
      responses: { '200': json('OpenApiDocument') },
    },
    'GET /api/docs': {
      tags: ['public'],
      summary: 'Readable API documentation, rendered from this document',
      security: PUBLIC,
      responses: { '200': html('The documentation page') },
    },
  }
}
