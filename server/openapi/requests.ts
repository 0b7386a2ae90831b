/**
 * What the routes accept, from the zod schemas they validate with: request bodies (components,
 * converted as zod reads them), query and path parameters. Only descriptions are written here;
 * a description of a field a schema lacks throws when the document is built.
 */
import { z } from 'zod'
import { documentSchema, responseSchema } from '../imports/json-rows.ts'
import { loginForm, logoutForm } from '../routes/admin.ts'
import { auditQuery, csrfForm, passwordForm } from '../routes/admin-accounts.ts'
import {
  newPartnerBody,
  idParam as partnerLinkId,
  progressQuery,
  responsesQuery,
} from '../routes/admin-api.ts'
import { analysisQuery } from '../routes/analysis.ts'
import { filterQuery, pageQuery } from '../routes/audit.ts'
import { exportQuery, importQuery } from '../routes/exports.ts'
import { newPublicationBody } from '../routes/published.ts'
import {
  correctionBody,
  correctionQuery,
  deleteQuery,
  newResponseBody,
  updateResponseBody,
} from '../routes/responses.ts'
import { bulkReviewBody } from '../routes/reviews.ts'
import { targetBody, listQuery as targetListQuery } from '../routes/targets.ts'
import { changeBody, newUserBody, idParam as userId } from '../routes/users.ts'
import {
  describeProperties,
  type JsonSchema,
  pathParameter,
  queryParameters,
  toComponentSchemas,
} from './json-schema.ts'

const registry = z.registry<{ id: string }>()
const descriptions = new Map<string, Record<string, string>>()

/** Registers a request body under `id`, with descriptions of its fields. */
function body(id: string, schema: z.ZodType, fields: Record<string, string> = {}): string {
  registry.add(schema, { id })
  descriptions.set(id, fields)
  return id
}

const VERSION =
  'The questionnaire version (content hash) the answers were given to: the current one or one the server has stored (a response queued offline before the file changed). The current version when absent.'
const ANSWERS = 'Question name → value, as SurveyJS holds them.'

/** Request body component ids. */
export const BODY = {
  newResponse: body('NewResponse', newResponseBody, {
    answers: ANSWERS,
    submissionKey: 'Idempotency key: the same key again returns the first response.',
    draft: 'Save as a draft (completeness not checked).',
    region: 'Lead partner only: the region of the response.',
    wave: 'Lead partner only: the wave of the response.',
    version: VERSION,
  }),
  updateResponse: body('UpdateResponse', updateResponseBody, {
    answers: ANSWERS,
    draft: 'Keep it a draft; false or absent submits it.',
    version: VERSION,
  }),
  correction: body('Correction', correctionBody, {
    answers: 'The complete corrected answers: they replace the stored ones.',
    note: 'Why, kept in the audit log.',
    updatedAt: 'The `updatedAt` you read: 409 `stale_response` if it changed since.',
  }),
  review: body('ReviewRequest', bulkReviewBody, {
    note: 'The note of this decision; none clears an earlier one.',
  }),
  newPartnerLink: body('NewPartnerLink', newPartnerBody, {
    regionName: 'Creates the region (or renames it); required for a new region.',
    group: 'Stakeholder group recorded with its responses.',
    wave: 'Collection wave of its responses.',
  }),
  newUser: body('NewUser', newUserBody, { email: 'The sign-in name, compared in lower case.' }),
  userChange: body('UserChange', changeBody, {
    name: 'null removes the display name.',
    disabled: 'true ends the account’s sessions and stops its sign-in.',
  }),
  target: body('TargetRequest', targetBody, { expected: 'Responses expected.' }),
  publication: body('NewPublication', newPublicationBody, {
    lang: 'Report language (default `en`).',
    by: '`region` (default), `wave` or a single-choice question.',
    wave: 'A wave, or `all`; default: the latest wave with enough respondents.',
    name: 'What the author calls the link.',
  }),
  importedResponse: body('ImportedResponse', responseSchema),
  // The document is read whole, then each response alone: a response that does not fit
  // `ImportedResponse` is a row problem (422, or skipped with `skipInvalid`), not a 400.
  importDocument: body(
    'ImportDocument',
    documentSchema.extend({ responses: z.array(responseSchema) }),
    { survey: 'The questionnaire of the export: must be the one imported into.' },
  ),
  login: body('LoginForm', loginForm, {
    token: 'An admin token, instead of an email and password.',
    next: 'The dashboard page to return to.',
  }),
  logout: body('LogoutForm', logoutForm, { csrf: 'The token the page carries.' }),
  csrf: body('CsrfForm', csrfForm, { csrf: 'The token the page carries.' }),
  password: body('PasswordForm', passwordForm, {
    current: 'Your current password.',
    password: 'The new one: 10 to 200 characters, not your email, not one repeated character.',
    confirm: 'The new one again.',
  }),
} as const

/** The request body schemas, by id. */
export function requestSchemas(): Record<string, JsonSchema> {
  const schemas = toComponentSchemas(registry, 'input')
  for (const [id, fields] of descriptions) {
    const schema = schemas[id]
    if (schema) describeProperties(schema, fields)
  }
  return schemas
}

const ANALYSIS = {
  by: '`region` (default), `wave`, or a single-choice question name.',
  wave: 'The wave of the figures, or `all` for every wave. Default: the latest wave with at least `suppressBelow` respondents (every wave with `by=wave` or for an indicator questionnaire).',
  waves:
    'The two waves the wave comparison compares, separated by a comma (e.g. `2024,2025`). Default: the two latest waves with at least `suppressBelow` respondents who answered both sides of a dimension.',
  lang: 'Language of labels (e.g. `fr`).',
  drafts: 'Count drafts too.',
  review: '`not-rejected` (default) or `approved` only.',
  seed: 'Seed of the bootstrap intervals.',
}

const AUDIT_FILTER = {
  actor: 'Only this actor: an email, `token:<id>`, `cli`, `system` or `anonymous`.',
  action: 'Only this action, e.g. `response.review.approved`, `user.role`.',
  from: 'From this UTC day (YYYY-MM-DD), included.',
  to: 'Up to this UTC day (YYYY-MM-DD), included.',
}

/**
 * Query parameters of the routes that validate their query with zod, and path parameters;
 * converted when the document is first built, not when the server starts.
 */
export function requestParameters() {
  return { query: queryOf(), path: PATH }
}

function queryOf() {
  return {
    analysis: queryParameters(analysisQuery, ANALYSIS),
    export: queryParameters(exportQuery, {
      labels: 'Label language of the codebook and columns.',
      region: 'Only this region (a partner link: its own, the default).',
      wave: 'Only this wave.',
      status: 'Which responses (default: `all` for json, `submitted` otherwise).',
      review:
        'Which reviews (default: `all` for json, `not-rejected` otherwise, as the analysis counts).',
      delimiter:
        'CSV field separator: `,` (default) or `;` for Excel in fr, it, ro, sl and sv, with decimal commas in numbers.',
      headers:
        'Column names of csv and xlsx: `kobo` (KoboToolbox’s: `group/question`, a sheet per repeat in xlsx; the default for a questionnaire converted from XLSForm) or `gapkit` (the default otherwise).',
    }),
    import: queryParameters(importQuery, {
      region: 'Region of rows that name none.',
      skipInvalid: 'Store the valid rows, report the rest.',
      dryRun: 'Check only; store nothing.',
    }),
    correction: queryParameters(correctionQuery, {
      lang: 'Language of the validation messages (default: the response’s).',
    }),
    erasure: queryParameters(deleteQuery, {
      reason: 'Why (e.g. `erasure request of 3 May`), kept in the audit log.',
    }),
    progress: queryParameters(progressQuery, { survey: 'Only this questionnaire.' }),
    responsesTable: queryParameters(responsesQuery, {
      page: '1-based page.',
      pageSize: 'Rows per page.',
      lang: 'Language of the choice labels in summaries (the default text when the questionnaire lacks it).',
    }),
    targets: queryParameters(targetListQuery, { survey: 'Only this questionnaire.' }),
    auditPage: queryParameters(pageQuery, {
      ...AUDIT_FILTER,
      page: '1-based page.',
      pageSize: 'Entries per page.',
    }),
    auditCsv: queryParameters(filterQuery, AUDIT_FILTER),
    auditDashboard: queryParameters(auditQuery, {
      ...AUDIT_FILTER,
      page: '1-based page; a malformed one is page 1.',
    }),
  }
}

const PATH = {
  survey: (name = 'id') =>
    pathParameter(name, 'Questionnaire id (file name), e.g. `microfinance-gap`.'),
  response: (name = 'id') => pathParameter(name, 'Response id.'),
  partnerLink: () => pathParameter('id', 'Partner link id; another value is a 404.', partnerLinkId),
  user: () => pathParameter('id', 'Account id; another value is a 404.', userId),
}
