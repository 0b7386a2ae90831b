/** Shared parts of the OpenAPI document: security schemes, schemas and error responses. */

type Schema = Record<string, unknown>

const str = (description?: string): Schema => ({
  type: 'string',
  ...(description ? { description } : {}),
})
const nullable = (type: string, description?: string): Schema => ({
  type: [type, 'null'],
  ...(description ? { description } : {}),
})
const int = (description?: string): Schema => ({
  type: 'integer',
  ...(description ? { description } : {}),
})
const dateTime = (description?: string): Schema => ({ ...str(description), format: 'date-time' })
const object = (
  properties: Record<string, Schema>,
  required = Object.keys(properties),
): Schema => ({
  type: 'object',
  properties,
  required,
})
const VERSION_FIELD =
  'The questionnaire version (content hash) the answers were given to: the current one or one the server has stored (a response queued offline before the file changed). The current version when absent.'
/** A `$ref` to a component schema. */
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
})

const schemas: Record<string, Schema> = {
  Error: object({
    error: object({
      code: str('Stable machine-readable code, e.g. `invalid_answers`, `csrf_failed`.'),
      message: str('Human-readable reason.'),
      details: {
        type: 'array',
        items: object(
          {
            question: str('Question name or path.'),
            field: str('Body or query field.'),
            message: str(),
          },
          ['message'],
        ),
      },
    }),
  }),
  Health: object({ status: { enum: ['ok', 'error'] }, database: { enum: ['ok', 'unreachable'] } }),
  SurveyList: object({
    surveys: {
      type: 'array',
      items: object({
        id: str(),
        version: str(),
        title: str(),
        locales: { type: 'array', items: str() },
      }),
    },
  }),
  SurveyDefinition: object({
    id: str(),
    version: str('Content hash of the definition.'),
    locales: { type: 'array', items: str() },
    definition: { type: 'object', description: 'The SurveyJS JSON, with its `gapkit` block.' },
  }),
  NewResponse: object(
    {
      answers: { type: 'object', description: 'Question name → value, as SurveyJS holds them.' },
      submissionKey: str('Idempotency key: the same key again returns the first response.'),
      draft: { type: 'boolean', description: 'Save as a draft (completeness not checked).' },
      language: str(),
      region: str('Admin only: the region of the response.'),
      wave: str('Admin only: the wave of the response.'),
      version: str(VERSION_FIELD),
    },
    ['answers'],
  ),
  UpdateResponse: object(
    {
      answers: { type: 'object' },
      draft: { type: 'boolean' },
      language: str(),
      version: str(VERSION_FIELD),
    },
    ['answers'],
  ),
  Response: object(
    {
      id: str(),
      survey: str(),
      version: str('Questionnaire version (content hash) the response answered.'),
      region: str(),
      wave: str(),
      language: str(),
      status: { enum: ['draft', 'submitted'] },
      answers: { type: 'object' },
      group: nullable('string'),
      createdAt: dateTime(),
      updatedAt: dateTime(),
      submittedAt: nullable('string'),
      submissionKey: nullable('string'),
      review: object({
        status: { enum: ['pending', 'approved', 'rejected'] },
        note: nullable('string'),
        at: nullable('string'),
      }),
    },
    ['id', 'survey', 'version', 'region', 'wave', 'status', 'answers'],
  ),
  Correction: object(
    {
      answers: {
        type: 'object',
        description:
          'The complete corrected answers (question name → value): they replace the stored ones.',
      },
      note: { type: 'string', maxLength: 2000, description: 'Why, kept in the audit log.' },
      updatedAt: str('The `updatedAt` you read: 409 `stale_response` if it changed since.'),
    },
    ['answers'],
  ),
  CorrectedResponse: {
    allOf: [
      ref('Response'),
      object({
        changed: {
          type: 'array',
          items: str(),
          description: 'Changed paths (`question`, `question.row`, `question.row.column`).',
        },
      }),
    ],
  },
  Erasure: object({
    id: str(),
    survey: str(),
    region: str(),
    deleted: { const: true },
    versionsErased: int('Previous answer versions erased with it.'),
    auditEntriesRedacted: int('Earlier audit entries that quoted answers and no longer do.'),
    walCheckpointed: {
      type: 'boolean',
      description:
        'False when a reader kept the write-ahead log busy: the erased pages leave it at the next checkpoint.',
    },
  }),
  AuditEntry: object({
    at: dateTime(),
    actor: str('`token:<id>`, `cli` or `system`.'),
    actorName: nullable('string', 'The name of the token (partner link or admin).'),
    action: str(
      'E.g. `response.submit`, `response.replace`, `response.correct`, `response.review.approved`, `response.review.reset`, `response.delete`.',
    ),
    details: { description: 'JSON details of the entry, or null; never whole answers.' },
  }),
  AnswerVersion: object({
    revision: int('1 for the first answers the response had, counting up.'),
    replacedAt: dateTime('When these answers were replaced.'),
    replacedBy: str('Audit actor of the change.'),
    replacedByName: nullable('string'),
    reason: {
      enum: ['replaced', 'corrected', 'edited'],
      description:
        '`replaced`: a second submission from the same link (onePerLink); `corrected`: by the lead partner; `edited`: by its partner after a review.',
    },
    version: str('The questionnaire version these answers answered.'),
    status: { enum: ['draft', 'submitted'] },
    language: str(),
    submittedAt: nullable('string'),
    answers: { type: 'object' },
  }),
  ResponseHistory: object({
    response: ref('Response'),
    review: object({
      status: { enum: ['pending', 'approved', 'rejected'] },
      note: nullable('string'),
      at: nullable('string'),
      by: nullable('string', 'Audit actor of the reviewer.'),
      byName: nullable('string'),
    }),
    versions: {
      type: 'array',
      items: ref('AnswerVersion'),
      description: 'Previous answers, oldest first.',
    },
    audit: { type: 'array', items: ref('AuditEntry'), description: 'Oldest first.' },
  }),
  ReviewRequest: object(
    {
      ids: { type: 'array', items: str(), minItems: 1, maxItems: 5000 },
      status: { enum: ['pending', 'approved', 'rejected'] },
      note: { type: 'string', maxLength: 2000 },
    },
    ['ids', 'status'],
  ),
  ReviewResult: object({
    status: { enum: ['pending', 'approved', 'rejected'] },
    updated: { type: 'array', items: str(), description: 'Ids whose review was set.' },
    missing: { type: 'array', items: str(), description: 'Ids not found in this questionnaire.' },
  }),
  AnalysisDocument: {
    type: 'object',
    description: 'The analysis document, as `gapkit analyze --json` prints it (see PRODUCT.md).',
    properties: {
      survey: str(),
      version: str(),
      by: str(),
      wave: {
        type: ['string', 'null'],
        description: 'The wave of the figures; null for all waves.',
      },
      waveCounts: {
        type: 'array',
        description:
          'Every wave of the counted responses: `n` responses, `paired` of them with both sides of a dimension answered.',
        items: object({ wave: str(), n: int(), paired: int() }, ['wave', 'n', 'paired']),
      },
      waves: {
        type: ['object', 'null'],
        description: 'The wave comparison `{from, to, choice, leftOut, dimensions}`, or null.',
      },
      wavesNote: {
        type: ['object', 'null'],
        description:
          'Why there is no wave comparison: `{reason: one-wave|too-few, requested, waves}`.',
      },
      n: int(),
      groups: {
        type: 'array',
        items: object({ key: str(), label: str(), n: int(), suppressed: { type: 'boolean' } }, [
          'key',
          'label',
          'n',
        ]),
      },
      questions: { type: 'array', items: { type: 'object' } },
      dimensions: { type: 'array', items: { type: 'object' } },
    },
    required: ['survey', 'version', 'by', 'n', 'groups', 'questions', 'dimensions'],
    additionalProperties: true,
  },
  ChartLink: object({
    id: str('`<survey>.<chart>.<subject>`, e.g. `microfinance-gap.gap-heatmap.all`.'),
    title: str(),
    links: object({ svg: str(), png: str(), vlJson: str() }),
  }),
  ImportReport: {
    type: 'object',
    description: 'What an import stored or would store (`dryRun`), with every row problem.',
    additionalProperties: true,
  },
  ProgressRow: object({
    survey: str(),
    region: str(),
    regionName: str(),
    wave: str(),
    submitted: int(),
    drafts: int(),
    approved: int(),
    rejected: int(),
    lastActivity: dateTime(),
  }),
  Region: object({ id: str(), name: str(), created_at: dateTime() }),
  PartnerLink: object({
    id: int(),
    name: str(),
    region: str(),
    regionName: str(),
    group: nullable('string'),
    wave: nullable('string'),
    createdAt: dateTime(),
    revokedAt: nullable('string', 'When revoked; the token stopped working then.'),
  }),
  NewPartnerLink: object(
    {
      region: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' },
      regionName: str('Creates the region (or renames it); required for a new region.'),
      name: str(),
      group: str('Stakeholder group recorded with its responses.'),
      wave: str('Collection wave of its responses.'),
    },
    ['region', 'name'],
  ),
  PartnerLinkCreated: object({
    token: str('The partner token. Shown once: only its hash is stored.'),
    partner: ref('PartnerLink'),
    forms: {
      type: 'array',
      items: object({
        survey: str(),
        title: str('In the language of `?lang=` (en or fr; default en).'),
        url: str('Form link with the token.'),
        qrSvg: str('The link as a QR code: an SVG document, black on white.'),
      }),
    },
  }),
  ResponsePage: object({
    total: int(),
    page: int(),
    pageSize: int(),
    rows: {
      type: 'array',
      items: object({
        id: str(),
        shortId: str('The last 8 hex digits of the id, as the dashboard shows it.'),
        region: str(),
        wave: str(),
        group: nullable('string'),
        language: str(),
        status: { enum: ['draft', 'submitted'] },
        review: { enum: ['pending', 'approved', 'rejected'] },
        reviewNote: nullable('string'),
        submittedAt: nullable('string'),
        updatedAt: dateTime(),
        summary: str('A one-line plain-text summary of the answers, with choice labels.'),
      }),
    },
  }),
}

/** `components` of the document. */
export const OPENAPI_COMPONENTS = {
  securitySchemes: {
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
        'Lead-partner browser session (12 h) from `GET /admin?t=TOKEN` or `POST /admin/login`: HttpOnly, SameSite=Strict, Path=/, and Secure when the request came over HTTPS (directly or with `X-Forwarded-Proto: https`); on plain http (localhost use) it is not Secure, or the browser would never send it back. Revoking the admin token ends its sessions. Writes need the `X-Gapkit-CSRF` header or a same-host `Origin`.',
    },
  },
  schemas,
  responses: {
    Error: errorResponse('An error, in the shared shape.'),
    BadRequest: errorResponse('Malformed input; `details` names each field.'),
    Unauthorized: errorResponse('No valid token or session (revoked tokens fail at once).'),
    Forbidden: errorResponse('The token may not do that, or a cookie write failed the CSRF check.'),
    NotFound: errorResponse('No such questionnaire, response or partner link.'),
    Conflict: errorResponse('The request conflicts with the current state.'),
    TooLarge: errorResponse('The request body is too large.'),
    UnsupportedMediaType: errorResponse('Send the body as application/json.'),
    Invalid: errorResponse('Invalid answers; `details` lists each question and its message.'),
    TooManyRequests: {
      ...errorResponse(
        'Past a rate limit (`rate_limited`: writes per token, per address, sign-ins) or a partner link’s daily quota (`quota_exceeded`: new responses, bytes of answers).',
      ),
      headers: {
        'Retry-After': {
          description: 'Seconds to wait (until midnight UTC for a daily quota).',
          schema: { type: 'integer', minimum: 1 },
        },
      },
    },
  },
}
