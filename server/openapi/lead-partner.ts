/**
 * The lead partner's collection tools, keyed `METHOD /path`: one response, whole, and targets
 * per questionnaire × region × wave.
 */
import {
  dashboardPage,
  errors,
  html,
  json,
  jsonBody,
  LEAD,
  LEAD_ERRORS,
  type Operation,
} from './builders.ts'
import { pathParameter } from './json-schema.ts'
import { BODY, requestParameters } from './requests.ts'

/** Lead-partner operations, by `METHOD /path` in OpenAPI form. */
export function leadPartnerOperations(): Record<string, Operation> {
  const { query, path } = requestParameters()
  const target = [
    path.survey('survey'),
    pathParameter('region', 'Region id.'),
    pathParameter('wave', 'Wave, URL-encoded.'),
  ]
  return {
    'GET /admin/surveys/{id}/responses/{rid}': dashboardPage('Dashboard: one response, whole', {
      role: 'reviewer',
      description:
        'Every answer under its question text with choice labels (in the dashboard language where the questionnaire has it), read with the questionnaire version the response answered; its region, wave, language, version, status, review and history; buttons to correct the answers (`PATCH /api/responses/{id}`) and to erase the response (`DELETE`).',
      parameters: [path.survey(), path.response('rid')],
      responses: { '404': html('No such questionnaire or response') },
    }),
    'GET /api/admin/targets': {
      tags: ['dashboard'],
      summary: 'Collection targets: responses expected per questionnaire × region × wave',
      description: 'Every role.',
      security: LEAD,
      parameters: query.targets,
      responses: { '200': json('TargetList'), ...LEAD_ERRORS, ...errors('BadRequest') },
    },
    'PUT /api/admin/targets/{survey}/{region}/{wave}': {
      tags: ['dashboard'],
      summary: 'Set the number of responses expected (replaces the earlier target); audited',
      description: 'Analyst and up.',
      security: LEAD,
      parameters: target,
      requestBody: jsonBody(BODY.target),
      responses: { '200': json('TargetSet'), ...LEAD_ERRORS },
    },
    'DELETE /api/admin/targets/{survey}/{region}/{wave}': {
      tags: ['dashboard'],
      summary: 'Remove a target; audited',
      description: 'Analyst and up.',
      security: LEAD,
      parameters: target,
      responses: { '200': json('TargetRemoved'), ...LEAD_ERRORS },
    },
  }
}
