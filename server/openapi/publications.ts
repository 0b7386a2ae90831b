/**
 * The report as files to download, and published reports: the lead partner's side (publish,
 * list, revoke) and the public one (`/r/{token}`), keyed `METHOD /path`.
 */
import { errors, html, json, jsonBody, LEAD, type Operation, PUBLIC } from './builders.ts'
import { pathParameter } from './json-schema.ts'
import { BODY, requestParameters } from './requests.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string', contentEncoding: 'base64' } } },
})

/** Operations of report downloads and published reports, by `METHOD /path`. */
export function publicationOperations(): Record<string, Operation> {
  const { query, path } = requestParameters()
  const token = pathParameter('token', 'The published report’s token (`gkr_…`).')
  const unavailable = {
    '404': html('No published report with this token'),
    '410': html('The report was withdrawn (revoked)'),
    '503': html('Its figures cannot be computed now (the questionnaire or its wave is gone)'),
  }
  const download = (type: string, what: string): Operation => ({
    tags: ['admin'],
    summary: `The gap report as ${what} (attachment)`,
    description: 'Every role. The same data gives the same bytes.',
    security: LEAD,
    parameters: [path.survey(), ...query.analysis],
    responses: {
      '200': binary(type, 'The file'),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound'),
    },
  })
  return {
    'GET /api/surveys/{id}/report.docx': download(DOCX, 'a Word file'),
    'GET /api/surveys/{id}/report.zip': download(
      'application/zip',
      'a zip: report.html, report.md, report.docx, report.pdf where Chromium is installed, and every chart as SVG, PNG and Vega-Lite JSON',
    ),
    'GET /api/surveys/{id}/publications': {
      tags: ['admin'],
      summary: 'The published reports of a questionnaire (never their tokens)',
      description: 'Every lead role.',
      security: LEAD,
      parameters: [path.survey()],
      responses: {
        '200': json('PublicationList'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound'),
      },
    },
    'POST /api/surveys/{id}/publications': {
      tags: ['admin'],
      summary: 'Publish the report at a public link; its URL and token are returned once',
      description:
        'Analyst and up. Anyone with the link reads the report (aggregated figures only, with suppression), no sign-in. Audited.',
      security: LEAD,
      parameters: [path.survey()],
      requestBody: jsonBody(BODY.publication),
      responses: {
        '201': json('PublicationCreated', 'Created'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound'),
      },
    },
    'DELETE /api/surveys/{id}/publications/{ref}': {
      tags: ['admin'],
      summary: 'Withdraw a published report: its link answers 410 from now on',
      description: 'Analyst and up. Audited.',
      security: LEAD,
      parameters: [
        path.survey(),
        pathParameter('ref', 'Its id, or the start of its token (at least 8 characters).'),
      ],
      responses: {
        '200': json('Publication'),
        ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'Conflict'),
      },
    },
    'GET /r/{token}': {
      tags: ['public'],
      summary: 'A published report (HTML, self-contained), with embed snippets of its charts',
      security: PUBLIC,
      parameters: [token],
      responses: { '200': html('The report'), ...unavailable },
    },
    'GET /r/{token}/charts/{file}': {
      tags: ['public'],
      summary: 'One chart of a published report: SVG, PNG, Vega-Lite JSON or a page to frame',
      description:
        'Readable by any site (`Access-Control-Allow-Origin: *`); the `.html` page may be framed by any site.',
      security: PUBLIC,
      parameters: [
        token,
        pathParameter(
          'file',
          'Chart id with its extension: `.svg`, `.png`, `.vl.json` or `.html`.',
        ),
      ],
      responses: {
        '200': {
          description: 'The chart',
          content: {
            'image/svg+xml': { schema: { type: 'string' } },
            'image/png': { schema: { type: 'string', contentEncoding: 'base64' } },
            'application/json': { schema: { $ref: '#/components/schemas/VegaLiteSpec' } },
            'text/html': { schema: { type: 'string' } },
          },
        },
        ...unavailable,
        '404': {
          description: 'No published report with this token (a page), or no such chart in it',
          content: {
            'text/html': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
      },
    },
  }
}
