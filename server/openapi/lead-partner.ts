/**
 * The lead partner's collection tools, keyed `METHOD /path`: targets per questionnaire ×
 * region × wave.
 */
import {
  ADMIN,
  ADMIN_ERRORS,
  body,
  errors,
  html,
  json,
  type Operation,
  path,
  query,
  SESSION,
} from './operations.ts'

const TARGET = {
  type: 'object',
  properties: {
    survey: { type: 'string' },
    region: { type: 'string' },
    regionName: { type: 'string' },
    wave: { type: 'string' },
    expected: { type: 'integer', minimum: 1, description: 'Responses expected.' },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string', description: 'Audit actor of the last change.' },
  },
  required: ['survey', 'region', 'regionName', 'wave', 'expected', 'updatedAt', 'updatedBy'],
}

const TARGET_PATH = [
  path('survey', 'Questionnaire id.'),
  path('region', 'Region id.'),
  path('wave', 'Wave, URL-encoded.'),
]

/** Lead-partner operations, by `METHOD /path` in OpenAPI form. */
export const LEAD_PARTNER_OPERATIONS: Record<string, Operation> = {
  'GET /admin/surveys/{id}/responses/{rid}': {
    tags: ['dashboard'],
    summary: 'Dashboard: one response, whole',
    description:
      'Every answer under its question text with choice labels (in the dashboard language where the questionnaire has it), read with the questionnaire version the response answered; its region, wave, language, version, status, review and history; buttons to correct the answers (`PATCH /api/responses/{id}`) and to erase the response (`DELETE`).',
    security: SESSION,
    parameters: [
      path('id', 'Questionnaire id.'),
      path('rid', 'Response id.'),
      query('lang', 'Dashboard language.', { enum: ['en', 'fr'] }),
    ],
    responses: {
      '200': html('The page'),
      '401': html('The sign-in form'),
      '404': html('No such questionnaire or response'),
    },
  },
  'GET /api/admin/targets': {
    tags: ['dashboard'],
    summary: 'Collection targets: responses expected per questionnaire × region × wave',
    security: ADMIN,
    parameters: [query('survey', 'Only this questionnaire.')],
    responses: {
      '200': json({
        type: 'object',
        properties: { targets: { type: 'array', items: TARGET } },
        required: ['targets'],
      }),
      ...ADMIN_ERRORS,
    },
  },
  'PUT /api/admin/targets/{survey}/{region}/{wave}': {
    tags: ['dashboard'],
    summary: 'Set the number of responses expected (replaces the earlier target); audited',
    security: ADMIN,
    parameters: TARGET_PATH,
    requestBody: body({
      type: 'object',
      properties: { expected: { type: 'integer', minimum: 1, maximum: 100000 } },
      required: ['expected'],
      additionalProperties: false,
    }),
    responses: {
      '200': json({ type: 'object', properties: { target: TARGET }, required: ['target'] }),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'UnsupportedMediaType'),
    },
  },
  'DELETE /api/admin/targets/{survey}/{region}/{wave}': {
    tags: ['dashboard'],
    summary: 'Remove a target; audited',
    security: ADMIN,
    parameters: TARGET_PATH,
    responses: {
      '200': json({
        type: 'object',
        properties: {
          removed: {
            type: 'object',
            properties: {
              survey: { type: 'string' },
              region: { type: 'string' },
              wave: { type: 'string' },
            },
          },
        },
        required: ['removed'],
      }),
      ...ADMIN_ERRORS,
    },
  },
}
