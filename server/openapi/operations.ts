/**
 * The described operations of the HTTP API for partners and analysts, keyed
 * `METHOD /openapi/path`, and the builders the dashboard's operations share.
 */
import { ref } from './components.ts'

/** One OpenAPI operation object (plain JSON). */
export type Operation = Record<string, unknown>

type Param = Record<string, unknown>

export const ANY_TOKEN = [{ bearerAuth: [] }, { tokenQuery: [] }, { sessionCookie: [] }]
export const ADMIN = ANY_TOKEN
export const SESSION = [{ sessionCookie: [] }]
export const PUBLIC: never[] = []

export const path = (name: string, description: string): Param => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
})
export const query = (
  name: string,
  description: string,
  schema: Param = { type: 'string' },
): Param => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
})
export const json = (schema: unknown, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
})
export const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
})
export const body = (schema: unknown) => ({
  required: true,
  content: { 'application/json': { schema } },
})
export const errors = (...names: string[]) =>
  Object.fromEntries(
    names.map((n) => [
      {
        BadRequest: '400',
        Unauthorized: '401',
        Forbidden: '403',
        NotFound: '404',
        Conflict: '409',
        TooLarge: '413',
        UnsupportedMediaType: '415',
        Invalid: '422',
        TooManyRequests: '429',
      }[n] ?? 'default',
      { $ref: `#/components/responses/${n}` },
    ]),
  )

export const SURVEY = path('id', 'Questionnaire id (file name), e.g. `microfinance-gap`.')
const ANALYSIS_QUERY = [
  query('by', '`region` (default), `wave`, or a single-choice question name.'),
  query(
    'wave',
    'The wave of the figures, or `all` for every wave. Default: the latest wave with at least `suppressBelow` respondents (every wave with `by=wave` or for an indicator questionnaire).',
  ),
  query(
    'waves',
    'The two waves the wave comparison compares, separated by a comma (e.g. `2024,2025`). Default: the two latest waves with at least `suppressBelow` respondents who answered both sides of a dimension.',
  ),
  query('lang', 'Language of labels (e.g. `fr`).'),
  query('drafts', 'Count drafts too.', { enum: ['true', 'false'] }),
  query('review', '`not-rejected` (default) or `approved` only.', {
    enum: ['not-rejected', 'approved'],
  }),
  query('seed', 'Seed of the bootstrap intervals.', { type: 'string', pattern: '^-?\\d{1,9}$' }),
]
export const ADMIN_ERRORS = errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound')
const file = (type: string, description: string) => ({
  description,
  content: {
    [type]: {
      schema: {
        type: 'string',
        ...(type.startsWith('image/png') ? { contentEncoding: 'base64' } : {}),
      },
    },
  },
})

/** The API operations, by `METHOD /path` in OpenAPI form. */
export const API_OPERATIONS: Record<string, Operation> = {
  'GET /healthz': {
    tags: ['public'],
    summary: 'Liveness and database check',
    security: PUBLIC,
    responses: { '200': json(ref('Health')), '503': json(ref('Health'), 'Database unreachable') },
  },
  'GET /assets/{hash}/{name}': {
    tags: ['public'],
    summary: 'A content-hashed static asset (immutable, precompressed)',
    security: PUBLIC,
    parameters: [path('hash', 'Content hash.'), path('name', 'Asset name, e.g. `admin.js`.')],
    responses: {
      '200': { description: 'The file' },
      '304': { description: 'Not modified' },
      '404': { $ref: '#/components/responses/NotFound' },
    },
  },
  'GET /s/{survey}': {
    tags: ['partner'],
    summary: 'The questionnaire form page (SurveyJS)',
    security: [{ tokenQuery: [] }],
    parameters: [
      path('survey', 'Questionnaire id.'),
      query('t', 'Partner token.'),
      query('lang', 'Form language.'),
      query('r', 'Draft response to resume.'),
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
    parameters: [
      path('survey', 'Questionnaire id.'),
      path('version', 'Version (content hash).'),
      query('t', 'Partner token.'),
    ],
    responses: {
      '200': json({ type: 'object', description: 'The SurveyJS JSON of that version.' }),
      '304': { description: 'Not modified' },
      ...errors('Unauthorized', 'NotFound'),
    },
  },
  'GET /s/sw.js': {
    tags: ['public'],
    summary: 'The service worker of the partner form (scope `/s/`)',
    description:
      'Keeps every form link opened once usable with no connection and sends the responses waiting on the device (Background Sync).',
    security: PUBLIC,
    responses: {
      '200': {
        description: 'The script',
        content: { 'text/javascript': { schema: { type: 'string' } } },
      },
      '304': { description: 'Not modified' },
    },
  },
  'GET /api/surveys': {
    tags: ['partner'],
    summary: 'List the questionnaires',
    security: ANY_TOKEN,
    parameters: [query('lang', 'Language of the titles.')],
    responses: { '200': json(ref('SurveyList')), ...errors('Unauthorized') },
  },
  'GET /api/surveys/{id}': {
    tags: ['partner'],
    summary: 'A questionnaire definition with its version',
    security: ANY_TOKEN,
    parameters: [SURVEY],
    responses: { '200': json(ref('SurveyDefinition')), ...errors('Unauthorized', 'NotFound') },
  },
  'POST /api/surveys/{id}/responses': {
    tags: ['partner'],
    summary: 'Submit a response or save a draft',
    security: ANY_TOKEN,
    description:
      'Validated against the questionnaire; nothing is stored for an invalid one. The same `submissionKey` again returns the first response (200). For a questionnaire with `gapkit.onePerLink`, a partner link keeps one response: a second submission replaces the answers of the first (200, same id, the previous answers kept in its history and its review reset), a draft resumes the link’s draft, and a draft after a submission is refused (409 `already_submitted`).',
    parameters: [SURVEY],
    requestBody: body(ref('NewResponse')),
    responses: {
      '201': json(ref('Response'), 'Created'),
      '200': json(
        ref('Response'),
        'Already received with this submissionKey, or the link’s response replaced (onePerLink)',
      ),
      ...errors(
        'BadRequest',
        'Unauthorized',
        'Forbidden',
        'NotFound',
        'Conflict',
        'TooLarge',
        'UnsupportedMediaType',
        'Invalid',
        'TooManyRequests',
      ),
    },
  },
  'GET /api/surveys/{id}/responses': {
    tags: ['admin'],
    summary: 'Export responses (streamed)',
    security: ANY_TOKEN,
    description: 'Admin: every region; a partner token: its own region only.',
    parameters: [
      SURVEY,
      query('format', 'File format.', { enum: ['json', 'csv', 'xlsx'], default: 'json' }),
      query('labels', 'Label language of the codebook and columns.'),
      query('region', 'Only this region.'),
      query('wave', 'Only this wave.'),
      query('status', 'Which responses (default: `all` for json, `submitted` otherwise).', {
        enum: ['submitted', 'draft', 'all'],
      }),
      query(
        'review',
        'Which reviews (default: `all` for json, `not-rejected` otherwise, as the analysis counts).',
        { enum: ['not-rejected', 'approved', 'all'] },
      ),
      query(
        'delimiter',
        'CSV field separator: `,` (default) or `;` for Excel in fr, it, ro, sl and sv, with decimal commas in numbers.',
        { enum: [',', ';'] },
      ),
    ],
    responses: {
      '200': {
        description: 'The export file (attachment)',
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', contentEncoding: 'base64' },
          },
          'application/json': { schema: { type: 'object' } },
        },
      },
      ...ADMIN_ERRORS,
    },
  },
  'POST /api/surveys/{id}/imports': {
    tags: ['admin'],
    summary: 'Import a JSON or CSV export',
    security: ADMIN,
    parameters: [
      SURVEY,
      query('region', 'Region of rows that name none.'),
      query('skipInvalid', 'Store the valid rows, report the rest.', {
        enum: ['true', 'false', '1', '0'],
      }),
      query('dryRun', 'Check only; store nothing.', { enum: ['true', 'false', '1', '0'] }),
    ],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: { type: 'object' } },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    responses: {
      '200': json(ref('ImportReport')),
      ...ADMIN_ERRORS,
      ...errors('UnsupportedMediaType'),
      '422': { $ref: '#/components/responses/Invalid' },
    },
  },
  'GET /api/responses/{id}': {
    tags: ['partner'],
    summary: 'Read a response (own region only for partners)',
    security: ANY_TOKEN,
    parameters: [path('id', 'Response id.')],
    responses: { '200': json(ref('Response')), ...errors('Unauthorized', 'Forbidden', 'NotFound') },
  },
  'PUT /api/responses/{id}': {
    tags: ['partner'],
    summary: 'Update a draft, or submit it',
    security: ANY_TOKEN,
    description:
      'A submitted response is final (409). A draft that was reviewed before drafts were refused review goes back to pending, its reviewed answers kept in the history.',
    parameters: [path('id', 'Response id.')],
    requestBody: body(ref('UpdateResponse')),
    responses: {
      '200': json(ref('Response')),
      ...errors(
        'BadRequest',
        'Unauthorized',
        'Forbidden',
        'NotFound',
        'Conflict',
        'Invalid',
        'TooManyRequests',
      ),
    },
  },
  'PATCH /api/responses/{id}': {
    tags: ['admin'],
    summary: 'Correct a submitted response (lead partner)',
    security: ADMIN,
    description:
      'The complete corrected answers replace the stored ones, validated as a submission (422 with one detail per question; nothing changes). The previous answers are kept in the history, the review goes back to pending, and the audit entry names the corrector, the changed paths and, where short, their old and new values. Answers equal to the stored ones change nothing (`changed` is empty). Drafts are refused (409 `draft_not_correctable`); with `updatedAt`, a response changed since is refused (409 `stale_response`).',
    parameters: [
      path('id', 'Response id.'),
      query('lang', 'Language of the validation messages (default: the response’s).'),
    ],
    requestBody: body(ref('Correction')),
    responses: {
      '200': json(ref('CorrectedResponse')),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'Invalid'),
    },
  },
  'DELETE /api/responses/{id}': {
    tags: ['admin'],
    summary: 'Erase a response (lead partner; erasure on request under the GDPR)',
    security: ADMIN,
    description:
      'Removes the response, the previous versions of its answers and its analysis rows; deleted content is overwritten in the database file (`secure_delete`) and the write-ahead log is emptied. The audit log keeps who erased which response of which questionnaire and region, and when, never the answers: its earlier entries of the response lose the answer values they quoted.',
    parameters: [
      path('id', 'Response id.'),
      query(
        'reason',
        'Why (e.g. `erasure request of 3 May`), kept in the audit log; at most 500 characters.',
      ),
    ],
    responses: { '200': json(ref('Erasure')), ...ADMIN_ERRORS },
  },
  'GET /api/responses/{id}/history': {
    tags: ['admin'],
    summary: 'The history of a response: review, audit entries, previous answers',
    security: ADMIN,
    parameters: [path('id', 'Response id.')],
    responses: { '200': json(ref('ResponseHistory')), ...ADMIN_ERRORS },
  },
  'POST /api/surveys/{id}/reviews': {
    tags: ['admin'],
    summary: 'Approve, reject or reset responses, one or many',
    security: ADMIN,
    description:
      'Rejected responses leave the analysis; every change is audited. The note belongs to this decision: without one, an earlier note is cleared. Drafts cannot be reviewed: a request naming any draft changes nothing and is answered 409 `review_of_draft`, with one detail per draft.',
    parameters: [SURVEY],
    requestBody: body(ref('ReviewRequest')),
    responses: {
      '200': json(ref('ReviewResult')),
      ...ADMIN_ERRORS,
      ...errors('Conflict', 'UnsupportedMediaType'),
    },
  },
  'GET /api/surveys/{id}/analysis': {
    tags: ['admin'],
    summary: 'The analysis document (as `analyze --json`)',
    security: ADMIN,
    parameters: [SURVEY, ...ANALYSIS_QUERY],
    responses: { '200': json(ref('AnalysisDocument')), ...ADMIN_ERRORS },
  },
  'GET /api/surveys/{id}/charts': {
    tags: ['admin'],
    summary: 'Every chart of the analysis, with stable ids and links',
    security: ADMIN,
    parameters: [SURVEY, ...ANALYSIS_QUERY],
    responses: {
      '200': json({
        type: 'object',
        properties: {
          survey: { type: 'string' },
          version: { type: 'string' },
          charts: { type: 'array', items: ref('ChartLink') },
        },
        required: ['survey', 'version', 'charts'],
      }),
      ...ADMIN_ERRORS,
    },
  },
  'GET /api/surveys/{id}/charts/{chart}': {
    tags: ['admin'],
    summary: 'One chart as SVG, PNG or Vega-Lite JSON',
    security: ADMIN,
    parameters: [
      SURVEY,
      path('chart', 'Chart id with its extension: `<chart id>.svg`, `.png` or `.vl.json`.'),
      ...ANALYSIS_QUERY,
    ],
    responses: {
      '200': {
        description: 'The chart',
        content: {
          'image/svg+xml': { schema: { type: 'string' } },
          'image/png': { schema: { type: 'string', contentEncoding: 'base64' } },
          'application/json': {
            schema: { type: 'object', description: 'A Vega-Lite spec with its data inline.' },
          },
        },
      },
      ...ADMIN_ERRORS,
    },
  },
  'GET /api/surveys/{id}/report.html': {
    tags: ['admin'],
    summary: 'The gap report as HTML',
    security: ADMIN,
    parameters: [SURVEY, ...ANALYSIS_QUERY],
    responses: { '200': file('text/html', 'The report'), ...ADMIN_ERRORS },
  },
  'GET /api/surveys/{id}/report.md': {
    tags: ['admin'],
    summary: 'The gap report as Markdown',
    security: ADMIN,
    parameters: [SURVEY, ...ANALYSIS_QUERY],
    responses: { '200': file('text/markdown', 'The report'), ...ADMIN_ERRORS },
  },
}
