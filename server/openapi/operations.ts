/** The operations of the HTTP API for partners and analysts, keyed `METHOD /openapi/path`. */
import {
  ANY_TOKEN,
  empty,
  errors,
  file,
  html,
  json,
  jsonBody,
  LEAD,
  LEAD_ERRORS,
  looseQuery,
  type Operation,
  PUBLIC,
} from './builders.ts'
import { pathParameter } from './json-schema.ts'
import { BODY, requestParameters } from './requests.ts'

/** The API operations, by `METHOD /path` in OpenAPI form. */
export function apiOperations(): Record<string, Operation> {
  const { query, path } = requestParameters()
  const ANALYSIS_ERRORS = errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound')
  return {
    'GET /healthz': {
      tags: ['public'],
      summary: 'Liveness and database check',
      security: PUBLIC,
      responses: { '200': json('Health'), '503': json('Health', 'Database unreachable') },
    },
    'GET /assets/{hash}/{name}': {
      tags: ['public'],
      summary: 'A content-hashed static asset (immutable, precompressed)',
      security: PUBLIC,
      parameters: [
        pathParameter('hash', 'Content hash.'),
        pathParameter('name', 'Asset name, e.g. `admin.js`.'),
      ],
      responses: {
        '200': {
          description: 'The file',
          content: {
            'text/javascript': { schema: { type: 'string' } },
            'text/css': { schema: { type: 'string' } },
          },
        },
        '304': empty('Not modified'),
        ...errors('NotFound'),
      },
    },
    'GET /s/{survey}': {
      tags: ['partner'],
      summary: 'The questionnaire form page (SurveyJS)',
      security: [{ tokenQuery: [] }],
      parameters: [
        path.survey('survey'),
        looseQuery(
          'lang',
          'Form language (default: the browser’s, where the questionnaire has it).',
        ),
        looseQuery('r', 'Draft response to resume.'),
      ],
      responses: {
        '200': html('The form'),
        '401': html('Unknown or revoked link'),
        '404': html('No such questionnaire'),
      },
    },
    'GET /s/{survey}/definition/{version}': {
      tags: ['partner'],
      summary: 'One questionnaire version, as the form loads it (immutable, precompressed)',
      description:
        'The current version or an older one stored by the server (a form page kept offline on a phone). Cached by the browser and the service worker for good: a version is its content hash.',
      security: [{ tokenQuery: [] }, { bearerAuth: [] }],
      parameters: [path.survey('survey'), pathParameter('version', 'Version (content hash).')],
      responses: {
        '200': json('SurveyJson', 'The SurveyJS JSON of that version'),
        '304': empty('Not modified'),
        ...errors('Unauthorized', 'NotFound'),
      },
    },
    'GET /s/sw.js': {
      tags: ['public'],
      summary: 'The service worker of the partner form (scope `/s/`)',
      description:
        'Keeps every form link opened once usable with no connection and sends the responses waiting on the device (Background Sync).',
      security: PUBLIC,
      responses: { '200': file('text/javascript', 'The script'), '304': empty('Not modified') },
    },
    'GET /api/surveys': {
      tags: ['partner'],
      summary: 'List the questionnaires',
      security: ANY_TOKEN,
      parameters: [looseQuery('lang', 'Language of the titles (default en).')],
      responses: { '200': json('SurveyList'), ...errors('Unauthorized') },
    },
    'GET /api/surveys/{id}': {
      tags: ['partner'],
      summary: 'A questionnaire definition with its version',
      security: ANY_TOKEN,
      parameters: [path.survey()],
      responses: { '200': json('SurveyDefinition'), ...errors('Unauthorized', 'NotFound') },
    },
    'POST /api/surveys/{id}/responses': {
      tags: ['partner'],
      summary: 'Submit a response or save a draft',
      security: ANY_TOKEN,
      description:
        'Validated against the questionnaire; nothing is stored for an invalid one. The same `submissionKey` again returns the first response (200). For a questionnaire with `gapkit.onePerLink`, a partner link keeps one response: a second submission replaces the answers of the first (200, same id, the previous answers kept in its history and its review reset), a draft resumes the link’s draft, and a draft after a submission is refused (409 `already_submitted`). The lead partner (analyst and up) enters responses with a `region`.',
      parameters: [path.survey()],
      requestBody: jsonBody(BODY.newResponse),
      responses: {
        '201': json('Response', 'Created'),
        '200': json(
          'Response',
          'Already received with this submissionKey, or the link’s response replaced (onePerLink)',
        ),
        ...errors('Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'Invalid'),
      },
    },
    'GET /api/surveys/{id}/responses': {
      tags: ['admin'],
      summary: 'Export responses (streamed)',
      security: ANY_TOKEN,
      description:
        'The lead partner (analyst and up): every region; a partner link: its own region only. Audited.',
      parameters: [path.survey(), ...query.export],
      responses: {
        '200': {
          description: 'The export file (attachment)',
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', contentEncoding: 'base64' },
            },
            'application/json': { schema: { $ref: '#/components/schemas/ExportDocument' } },
          },
        },
        ...ANALYSIS_ERRORS,
      },
    },
    'POST /api/surveys/{id}/imports': {
      tags: ['admin'],
      summary: 'Import a JSON, CSV or XLSX export',
      description:
        'Analyst and up. At most 64 MiB. CSV and XLSX with Gapkit’s headers or KoboToolbox’s, told apart by the header row; with Kobo’s, the XLSX repeat sheets rebuild the repeats and a CSV is imported without them (`notes` says so).',
      security: LEAD,
      parameters: [path.survey(), ...query.import],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/ImportDocument' } },
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', contentEncoding: 'base64' },
          },
        },
      },
      responses: {
        '200': json('ImportReport'),
        ...errors(
          'BadRequest',
          'Unauthorized',
          'Forbidden',
          'NotFound',
          'UnsupportedMediaType',
          'Invalid',
        ),
      },
    },
    'GET /api/responses/{id}': {
      tags: ['partner'],
      summary: 'Read a response (own region only for partners; reviewer and up)',
      security: ANY_TOKEN,
      parameters: [path.response()],
      responses: {
        '200': json('Response'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound'),
      },
    },
    'PUT /api/responses/{id}': {
      tags: ['partner'],
      summary: 'Update a draft, or submit it',
      security: ANY_TOKEN,
      description:
        'A submitted response is final (409). A draft that was reviewed before drafts were refused review goes back to pending, its reviewed answers kept in the history.',
      parameters: [path.response()],
      requestBody: jsonBody(BODY.updateResponse),
      responses: {
        '200': json('Response'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'Invalid'),
      },
    },
    'PATCH /api/responses/{id}': {
      tags: ['admin'],
      summary: 'Correct a submitted response (analyst and up)',
      security: LEAD,
      description:
        'The complete corrected answers replace the stored ones, validated as a submission (422 with one detail per question; nothing changes). The previous answers are kept in the history, the review goes back to pending, and the audit entry names the corrector, the changed paths and, where short, their old and new values. Answers equal to the stored ones change nothing (`changed` is empty). Drafts are refused (409 `draft_not_correctable`); with `updatedAt`, a response changed since is refused (409 `stale_response`).',
      parameters: [path.response(), ...query.correction],
      requestBody: jsonBody(BODY.correction),
      responses: {
        '200': json('CorrectedResponse'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'Invalid'),
      },
    },
    'DELETE /api/responses/{id}': {
      tags: ['admin'],
      summary: 'Erase a response (owner; erasure on request under the GDPR)',
      security: LEAD,
      description:
        'Removes the response, the previous versions of its answers and its analysis rows; deleted content is overwritten in the database file (`secure_delete`) and the write-ahead log is emptied. The audit log keeps who erased which response of which questionnaire and region, and when, never the answers: its earlier entries of the response lose the answer values they quoted.',
      parameters: [path.response(), ...query.erasure],
      responses: { '200': json('Erasure'), ...ANALYSIS_ERRORS },
    },
    'GET /api/responses/{id}/history': {
      tags: ['admin'],
      summary: 'The history of a response: review, audit entries, previous answers',
      description: 'Reviewer and up.',
      security: LEAD,
      parameters: [path.response()],
      responses: { '200': json('ResponseHistory'), ...LEAD_ERRORS },
    },
    'POST /api/surveys/{id}/reviews': {
      tags: ['admin'],
      summary: 'Approve, reject or reset responses, one or many (reviewer and up)',
      security: LEAD,
      description:
        'Rejected responses leave the analysis; every change is audited. The note belongs to this decision: without one, an earlier note is cleared. Drafts cannot be reviewed: a request naming any draft changes nothing and is answered 409 `review_of_draft`, with one detail per draft.',
      parameters: [path.survey()],
      requestBody: jsonBody(BODY.review),
      responses: { '200': json('ReviewResult'), ...LEAD_ERRORS, ...errors('Conflict') },
    },
    'GET /api/surveys/{id}/analysis': {
      tags: ['admin'],
      summary: 'The analysis document (as `analyze --json`)',
      security: LEAD,
      parameters: [path.survey(), ...query.analysis],
      responses: { '200': json('AnalysisDocument'), ...ANALYSIS_ERRORS },
    },
    'GET /api/surveys/{id}/charts': {
      tags: ['admin'],
      summary: 'Every chart of the analysis, with stable ids and links',
      security: LEAD,
      parameters: [path.survey(), ...query.analysis],
      responses: { '200': json('ChartList'), ...ANALYSIS_ERRORS },
    },
    'GET /api/surveys/{id}/charts/{chart}': {
      tags: ['admin'],
      summary: 'One chart as SVG, PNG or Vega-Lite JSON (ETag, 304)',
      security: LEAD,
      parameters: [
        path.survey(),
        pathParameter(
          'chart',
          'Chart id with its extension: `<chart id>.svg`, `.png` or `.vl.json`.',
        ),
        ...query.analysis,
      ],
      responses: {
        '200': {
          description: 'The chart',
          content: {
            'image/svg+xml': { schema: { type: 'string' } },
            'image/png': { schema: { type: 'string', contentEncoding: 'base64' } },
            'application/json': { schema: { $ref: '#/components/schemas/VegaLiteSpec' } },
          },
        },
        '304': empty('Not modified'),
        ...ANALYSIS_ERRORS,
      },
    },
    'GET /api/surveys/{id}/report.html': {
      tags: ['admin'],
      summary: 'The gap report as HTML (ETag, 304)',
      security: LEAD,
      parameters: [path.survey(), ...query.analysis],
      responses: {
        '200': html('The report'),
        '304': empty('Not modified'),
        ...ANALYSIS_ERRORS,
      },
    },
    'GET /api/surveys/{id}/report.md': {
      tags: ['admin'],
      summary: 'The gap report as Markdown (ETag, 304)',
      security: LEAD,
      parameters: [path.survey(), ...query.analysis],
      responses: {
        '200': file('text/markdown', 'The report'),
        '304': empty('Not modified'),
        ...ANALYSIS_ERRORS,
      },
    },
  }
}
