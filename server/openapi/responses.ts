/**
 * What the routes answer: every JSON response body as a zod schema, registered under its
 * component id and converted as the server writes it. Objects are strict (no key beyond those
 * listed) except where a body is another format's document (SurveyJS, Vega-Lite, OpenAPI) or
 * the analysis document's deeper parts, whose reference is analysis/types.ts.
 */
import { z } from 'zod'
import { type JsonSchema, toComponentSchemas } from './json-schema.ts'

const registry = z.registry<{ id: string }>()

/** Registers `schema` as the component `id`; returns it, to nest it in others as a `$ref`. */
function component<T extends z.ZodType>(id: string, schema: T): T {
  registry.add(schema, { id })
  return schema
}

const count = z.int().nonnegative()
const text = z.string()
const nullableText = z.string().nullable()
const DateTime = component('DateTime', z.iso.datetime())
const nullableDateTime = DateTime.nullable()
const responseStatus = z.enum(['draft', 'submitted'])
const reviewStatus = z.enum(['pending', 'approved', 'rejected'])
const role = z.enum(['owner', 'analyst', 'reviewer', 'viewer'])
const answers = z.record(z.string(), z.unknown()).describe('Question name → value.')
const jsonDocument = z.looseObject({})

component(
  'Error',
  z.strictObject({
    error: z.strictObject({
      code: text.describe('Stable machine-readable code, e.g. `invalid_answers`, `csrf_failed`.'),
      message: text.describe('Human-readable reason.'),
      details: z.array(
        z.strictObject({
          question: text.optional().describe('Question name or path.'),
          field: text.optional().describe('Body or query field.'),
          message: text,
        }),
      ),
    }),
  }),
)

component(
  'Health',
  z.strictObject({ status: z.enum(['ok', 'error']), database: z.enum(['ok', 'unreachable']) }),
)

component(
  'SurveyList',
  z.strictObject({
    surveys: z.array(
      z.strictObject({
        id: text,
        version: text,
        title: text.describe('In the language of `?lang=` where the questionnaire has it.'),
        locales: z.array(text),
      }),
    ),
  }),
)

const SurveyJson = component(
  'SurveyJson',
  jsonDocument.describe('A SurveyJS questionnaire, with its `gapkit` block.'),
)

component(
  'SurveyDefinition',
  z.strictObject({
    id: text,
    version: text.describe('Content hash of the definition.'),
    locales: z.array(text),
    definition: SurveyJson,
  }),
)

const responseFields = {
  id: text,
  survey: text,
  version: text.describe('Questionnaire version (content hash) the response answered.'),
  region: text,
  wave: text,
  language: text,
  status: responseStatus,
  answers,
  group: nullableText.describe('Stakeholder group of the partner link.'),
  createdAt: DateTime,
  updatedAt: DateTime,
  submittedAt: nullableDateTime,
  submissionKey: nullableText,
  review: z.strictObject({ status: reviewStatus, note: nullableText, at: nullableDateTime }),
}
const ResponseBody = component('Response', z.strictObject(responseFields))

component(
  'CorrectedResponse',
  z.strictObject({
    ...responseFields,
    changed: z
      .array(text)
      .describe('Changed paths (`question`, `question.row`, `question.row.column`).'),
  }),
)

component(
  'ExportDocument',
  z
    .strictObject({
      survey: text,
      title: text,
      filter: z.strictObject({
        region: nullableText,
        wave: nullableText,
        status: z.enum(['submitted', 'draft', 'all']),
        review: z.enum(['not-rejected', 'approved', 'all']),
      }),
      versions: z
        .array(
          z.strictObject({
            version: text,
            firstSeenAt: DateTime,
            responses: count.describe('Exported responses that answered it.'),
            current: z.boolean(),
            title: text,
            definition: SurveyJson,
          }),
        )
        .describe('The questionnaire versions answered, so an import can check old answers.'),
      regions: z.array(z.strictObject({ id: text, name: text })),
      responses: z.array(ResponseBody),
    })
    .describe('The JSON export: importable as it is (`POST /api/surveys/{id}/imports`).'),
)

component(
  'Erasure',
  z.strictObject({
    id: text,
    survey: text,
    region: text,
    deleted: z.literal(true),
    versionsErased: count.describe('Previous answer versions erased with it.'),
    auditEntriesRedacted: count.describe(
      'Earlier audit entries that quoted answers and no longer do.',
    ),
    walCheckpointed: z
      .boolean()
      .describe(
        'False when a reader kept the write-ahead log busy: the erased pages leave it at the next checkpoint.',
      ),
  }),
)

const AnswerVersion = component(
  'AnswerVersion',
  z.strictObject({
    revision: z.int().positive().describe('1 for the first answers the response had, counting up.'),
    replacedAt: DateTime.describe('When these answers were replaced.'),
    replacedBy: text.describe('Audit actor of the change.'),
    replacedByName: nullableText,
    reason: z
      .enum(['replaced', 'corrected', 'edited'])
      .describe(
        '`replaced`: a second submission from the same link (onePerLink); `corrected`: by the lead partner; `edited`: by its partner after a review.',
      ),
    version: text.describe('The questionnaire version these answers answered.'),
    status: responseStatus,
    language: text,
    submittedAt: nullableDateTime,
    answers,
  }),
)

const auditFields = {
  at: DateTime,
  actor: text.describe('An email, `token:<id>`, `cli`, `system` or `anonymous`.'),
  actorName: nullableText.describe('The name of the person or token.'),
  action: text.describe(
    'E.g. `response.submit`, `response.correct`, `response.review.approved`, `user.role`.',
  ),
  details: z.unknown().describe('JSON details of the entry, or null; never whole answers.'),
}

const ResponseAuditEntry = component('ResponseAuditEntry', z.strictObject(auditFields))

component(
  'ResponseHistory',
  z.strictObject({
    response: ResponseBody,
    review: z.strictObject({
      status: reviewStatus,
      note: nullableText,
      at: nullableDateTime,
      by: nullableText.describe('Audit actor of the reviewer.'),
      byName: nullableText,
    }),
    versions: z.array(AnswerVersion).describe('Previous answers, oldest first.'),
    audit: z.array(ResponseAuditEntry).describe('Oldest first.'),
  }),
)

component(
  'ReviewResult',
  z.strictObject({
    status: reviewStatus,
    updated: z.array(text).describe('Ids whose review was set.'),
    missing: z.array(text).describe('Ids not found in this questionnaire.'),
  }),
)

component(
  'ImportReport',
  z
    .strictObject({
      survey: text,
      rows: count,
      imported: count,
      existing: count.describe('Rows whose id or submission key was already stored: skipped.'),
      invalid: count,
      dryRun: z.boolean(),
      createdRegions: z.array(text).describe('Regions created from the file’s region names.'),
      issues: z.array(
        z.strictObject({
          row: z.int().positive().describe('1-based position of the response in the file.'),
          question: text,
          message: text,
        }),
      ),
      notes: z
        .array(text)
        .describe('What the file could not carry (a CSV with Kobo’s headers has no repeats).'),
    })
    .describe('What an import stored, or would store (`dryRun`), with every row problem.'),
)

const WaveCount = z.strictObject({
  wave: text,
  n: count.describe('Counted responses of the wave.'),
  paired: count.describe('Of those, respondents who answered both sides of a dimension.'),
})

component(
  'AnalysisDocument',
  z
    .strictObject({
      survey: text,
      title: text,
      version: text,
      versions: z.array(text).describe('Questionnaire versions among the counted responses.'),
      by: text,
      wave: nullableText.describe('The wave of the figures; null for all waves.'),
      waveCounts: z.array(WaveCount).describe('Every wave of the counted responses.'),
      locale: text,
      n: count.describe('Respondents counted (in a group).'),
      suppressBelow: z.int().positive(),
      seed: z.int(),
      resamples: count,
      counted: z.enum(['submitted', 'submitted-and-drafts']),
      groups: z.array(
        z.strictObject({ key: text, label: text, n: count, suppressed: z.boolean() }),
      ),
      notes: z.array(text),
      methods: z.looseObject({}).describe('How the figures were made.'),
      questions: z.array(
        z.looseObject({ name: text, question: text, type: text, kind: text, title: text }),
      ),
      dimensions: z.array(
        z.looseObject({
          id: text,
          label: text,
          kind: z.enum(['current-target', 'importance-performance']),
          current: text,
          target: text,
        }),
      ),
      dimensionRanking: z.array(text).describe('Dimension ids by overall gap, largest first.'),
      ipa: z.looseObject({}).nullable().describe('IPA cross-hairs, or null.'),
      waves: z
        .looseObject({
          from: text,
          to: text,
          choice: z.enum(['latest', 'requested']),
          leftOut: z.array(text),
          dimensions: z.array(z.looseObject({})),
        })
        .nullable()
        .describe('The wave comparison, or null.'),
      wavesNote: z
        .strictObject({
          reason: z.enum(['one-wave', 'too-few']),
          requested: z.boolean(),
          waves: z.array(WaveCount),
        })
        .nullable()
        .describe('Why there is no wave comparison, or null.'),
      tests: z.strictObject({
        family: count,
        adjustment: z.tuple([z.literal('holm'), z.literal('bh')]),
        exploratory: z.literal(true),
        skipped: nullableText,
      }),
      special: z
        .looseObject({})
        .nullable()
        .describe('Vote, co-design or indicator tallies, or null.'),
    })
    .describe('The analysis document, as `gapkit analyze --json` prints it.'),
)

const ChartLink = component(
  'ChartLink',
  z.strictObject({
    id: text.describe('`<survey>.<chart>.<subject>`, e.g. `microfinance-gap.gap-heatmap.all`.'),
    title: text,
    links: z.strictObject({ svg: text, png: text, vlJson: text }),
  }),
)

component('ChartList', z.strictObject({ survey: text, version: text, charts: z.array(ChartLink) }))

component('VegaLiteSpec', jsonDocument.describe('A Vega-Lite spec with its data inline.'))

const ProgressRow = component(
  'ProgressRow',
  z.strictObject({
    survey: text,
    region: text,
    regionName: text,
    wave: text,
    submitted: count,
    drafts: count,
    approved: count,
    rejected: count,
    lastActivity: DateTime.describe('Latest change of any response in the cell.'),
  }),
)

component('Progress', z.strictObject({ progress: z.array(ProgressRow) }))

const Region = component('Region', z.strictObject({ id: text, name: text, created_at: DateTime }))

const PartnerLink = component(
  'PartnerLink',
  z.strictObject({
    id: z.int().positive(),
    name: text,
    region: text,
    regionName: text,
    group: nullableText,
    wave: nullableText,
    createdAt: DateTime,
    revokedAt: nullableDateTime.describe('When revoked; the token stopped working then.'),
  }),
)

component(
  'PartnerLinks',
  z.strictObject({ partners: z.array(PartnerLink), regions: z.array(Region) }),
)

component(
  'PartnerLinkCreated',
  z.strictObject({
    token: text.describe('The partner token. Shown once: only its hash is stored.'),
    partner: PartnerLink,
    forms: z.array(
      z.strictObject({
        survey: text,
        title: text.describe('In the language of `?lang=` (en or fr; default en).'),
        url: text.describe('Form link with the token.'),
        qrSvg: text.describe('The link as a QR code: an SVG document, black on white.'),
      }),
    ),
  }),
)

component('Revocation', z.strictObject({ id: z.int().positive(), revokedAt: DateTime }))

component(
  'ResponsePage',
  z.strictObject({
    total: count,
    page: z.int().positive(),
    pageSize: z.int().positive(),
    rows: z.array(
      z.strictObject({
        id: text,
        shortId: text.describe('The id’s random tail, as the dashboard shows it.'),
        region: text,
        wave: text,
        group: nullableText,
        language: text,
        status: responseStatus,
        review: reviewStatus,
        reviewNote: nullableText,
        submittedAt: nullableDateTime,
        updatedAt: DateTime,
        summary: text.describe('A one-line plain-text summary of the answers, with choice labels.'),
      }),
    ),
  }),
)

const User = component(
  'User',
  z
    .strictObject({
      id: z.int().positive(),
      email: text,
      name: nullableText,
      role,
      disabled: z.boolean(),
      disabledAt: nullableDateTime,
      mustChangePassword: z
        .boolean()
        .describe('A one-time password is still in use: the person must choose their own.'),
      createdAt: DateTime,
      updatedAt: DateTime,
      lastSignInAt: nullableDateTime,
    })
    .describe('A lead-partner account (never its password or hash).'),
)

component('UserList', z.strictObject({ users: z.array(User) }))
component('UserChanged', z.strictObject({ user: User }))
component(
  'UserWithPassword',
  z.strictObject({
    user: User,
    password: text.describe(
      'The one-time password, shown only in this answer; replaced at first sign-in.',
    ),
  }),
)

const AuditEntry = component(
  'AuditEntry',
  z.strictObject({ id: z.int().positive(), ...auditFields, entity: text, entityId: text }),
)

component(
  'AuditPage',
  z.strictObject({
    entries: z.array(AuditEntry).describe('Newest first.'),
    page: z.int().positive(),
    pageSize: z.int().positive(),
    total: count,
    pages: z.int().positive(),
  }),
)

const Target = component(
  'Target',
  z.strictObject({
    survey: text,
    region: text,
    regionName: text,
    wave: text,
    expected: z.int().positive().describe('Responses expected.'),
    updatedAt: DateTime,
    updatedBy: text.describe('Audit actor of the last change.'),
  }),
)

component('TargetList', z.strictObject({ targets: z.array(Target) }))
component('TargetSet', z.strictObject({ target: Target }))
component(
  'TargetRemoved',
  z.strictObject({ removed: z.strictObject({ survey: text, region: text, wave: text }) }),
)

const Publication = component(
  'Publication',
  z
    .strictObject({
      id: z.int().positive(),
      survey: text,
      prefix: text.describe('The token’s first characters, to recognise the link.'),
      name: nullableText,
      lang: text,
      by: nullableText.describe('The grouping; null: by region.'),
      wave: nullableText.describe(
        'The wave, or `all`; null: the latest wave with enough respondents.',
      ),
      createdAt: DateTime,
      createdBy: text.describe('Audit actor who published it.'),
      revokedAt: nullableDateTime,
      state: z.enum(['live', 'revoked']),
    })
    .describe('A published report (never its token).'),
)

component('PublicationList', z.strictObject({ publications: z.array(Publication) }))
component(
  'PublicationCreated',
  z.strictObject({
    url: text.describe('The public link. Shown once: only the token’s hash is stored.'),
    token: text,
    publication: Publication,
  }),
)

const UploadProblem = z.strictObject({
  where: text.describe('`survey sheet, row 7, column relevant`, `question "q1"`, `questionnaire`…'),
  message: text,
  severity: z.enum(['error', 'warning']),
  sheet: text.optional(),
  row: z.int().positive().optional(),
  column: text.optional(),
  question: text.optional(),
})

const SurveyUpload = component(
  'SurveyUpload',
  z
    .strictObject({
      id: text.describe('Upload id (`u_` and 16 hex digits).'),
      survey: text.describe('The questionnaire id it serves once published.'),
      version: text.describe('Content hash of the definition.'),
      fileName: text,
      kind: z.enum(['json', 'xlsform']),
      status: z.enum(['draft', 'published', 'discarded']),
      title: text.describe('In English or the default language.'),
      questions: count,
      locales: z.array(text),
      problems: z
        .array(UploadProblem)
        .describe('What was not converted as written (warnings; errors refuse the upload).'),
      replaces: nullableText.describe(
        'The version served for that id (when uploaded; once published, when published); null for a new id.',
      ),
      uploadedAt: DateTime,
      uploadedBy: text.describe('Audit actor.'),
      publishedAt: nullableDateTime,
    })
    .describe('An uploaded questionnaire.'),
)

component(
  'SurveyUploadCreated',
  z.strictObject({
    upload: SurveyUpload,
    previewUrl: text.describe('The dashboard page that shows the draft as partners would see it.'),
    publishUrl: text.describe('`POST` it to publish the draft.'),
  }),
)
component('SurveyUploadList', z.strictObject({ uploads: z.array(SurveyUpload) }))
component('SurveyUploadOne', z.strictObject({ upload: SurveyUpload }))

component(
  'OpenApiDocument',
  z.looseObject({ openapi: z.literal('3.1.0'), info: jsonDocument, paths: jsonDocument }),
)

/** The response body schemas, by id. */
export function responseSchemas(): Record<string, JsonSchema> {
  return toComponentSchemas(registry, 'output')
}
