import type { Kysely } from 'kysely'
import type { LoadedSurvey, SurveyRegistry } from '../../surveys/registry.ts'
import type { Answers } from '../../surveys/types.ts'
import { withWriteLock } from '../db/repositories/analysis-scan.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { findRegion } from '../db/repositories/regions.ts'
import { findResponse } from '../db/repositories/responses.ts'
import { ensureSurveyVersion } from '../db/repositories/survey-versions.ts'
import {
  type ResponseWrite,
  type ResponseWriter,
  storeResponses,
  type WriteResult,
} from '../db/response-writer.ts'
import type { Database, ResponseRow } from '../db/schema.ts'
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  ValidationError,
} from '../errors.ts'
import { actorOf, canAccessRegion, type Principal } from '../http/auth.ts'
import { newResponseId } from '../ids.ts'
import { replaceAnswers } from './answer-changes.ts'
import { findBySubmissionKey, storeLinkSubmission } from './one-per-link.ts'
import { surveyAtVersion } from './survey-version.ts'

/** What the submission path needs; the same for HTTP, `demo` and `import`. */
export interface SubmissionDeps {
  db: Kysely<Database>
  registry: SurveyRegistry
  now: () => Date
  defaultWave: string
  /**
   * Questionnaire versions (`id@version`) known to be stored already, so the hot path skips
   * re-sending a definition of ~100 KB with every response. One set per process.
   */
  storedVersions?: Set<string>
  /** Group commit for concurrent submissions (the server); without it each write commits alone. */
  writer?: ResponseWriter
}

export interface NewSubmission {
  survey: string
  answers: unknown
  submissionKey?: string
  draft?: boolean
  language?: string
  /** Admin only: partners always write their own region. */
  region?: string
  /** Admin only: partners write their link's wave, else the default wave. */
  wave?: string
  /** Admin only: the stakeholder group; partners write their link's. */
  group?: string
  /** The questionnaire version answered (a stored one); the current one when absent. */
  version?: string
}

/** A response as the API shows it. */
export interface ResponseView {
  id: string
  survey: string
  version: string
  region: string
  wave: string
  language: string
  status: 'draft' | 'submitted'
  answers: Answers
  group: string | null
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  submissionKey: string | null
  review: { status: 'pending' | 'approved' | 'rejected'; note: string | null; at: string | null }
}

/** Converts a stored row to its API view. */
export function viewResponse(row: ResponseRow, answers?: Answers): ResponseView {
  return {
    id: row.id,
    survey: row.survey,
    version: row.version,
    region: row.region_id,
    wave: row.wave,
    language: row.language,
    status: row.status,
    answers: answers ?? (JSON.parse(row.answers) as Answers),
    group: row.group_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    submissionKey: row.submission_key,
    review: { status: row.review_status, note: row.review_note, at: row.reviewed_at },
  }
}

/** The loaded questionnaire `id`; `NotFoundError` when there is none. */
export function requireSurvey(registry: SurveyRegistry, id: string): LoadedSurvey {
  const survey = registry.get(id)
  if (!survey) throw new NotFoundError(`no questionnaire "${id}"`)
  return survey
}

function pickLanguage(survey: LoadedSurvey, language: string | undefined): string {
  if (language === undefined) return 'en'
  if (!survey.locales.includes(language)) {
    throw new InvalidInputError(
      `language "${language}" is not one of this questionnaire's: ${survey.locales.join(', ')}`,
    )
  }
  return language
}

/**
 * The answers as the questionnaire checks them (`draft` skips completeness), messages in
 * `language`; `ValidationError` (422) with one detail per problem otherwise.
 */
export function validateOrThrow(
  survey: LoadedSurvey,
  answers: unknown,
  draft: boolean,
  language: string,
  region: string,
): Answers {
  const result = survey.validator.validate(answers, {
    mode: draft ? 'draft' : 'submit',
    locale: language,
    variables: { region },
  })
  if (!result.ok) {
    throw new ValidationError('invalid_answers', 'the answers are not valid', result.errors)
  }
  return result.answers
}

/**
 * Validates and stores a new response (draft or submitted). Nothing is stored when the answers
 * are invalid. The same `submissionKey` again returns the first response with `created: false`.
 * For a questionnaire with `gapkit.onePerLink`, a partner link's second submission replaces its
 * first (`created: false`, same id; see one-per-link.ts).
 */
export async function createSubmission(
  deps: SubmissionDeps,
  principal: Principal | null,
  input: NewSubmission,
): Promise<{ response: ResponseView; created: boolean }> {
  const survey = await surveyAtVersion(deps, input.survey, input.version)
  const isAdmin = principal === null || principal.role === 'admin'
  if (!isAdmin && (input.region ?? input.wave ?? input.group) !== undefined) {
    throw new ForbiddenError('a partner link writes its own region, wave and group')
  }
  const region = isAdmin ? input.region : (principal?.regionId ?? undefined)
  if (!region) throw new InvalidInputError('"region" is required with an admin token')
  if (isAdmin && !(await findRegion(deps.db, region)))
    throw new InvalidInputError(`no region "${region}"`)

  const language = pickLanguage(survey, input.language)
  const draft = input.draft === true
  let answers: Answers
  try {
    answers = validateOrThrow(survey, input.answers, draft, language, region)
  } catch (error) {
    // A retry of a stored submission returns it, even when its answers would no longer pass
    // (the questionnaire changed since): the key, not the answers, says it is the same one.
    const key = input.submissionKey
    const existing =
      key === undefined ? undefined : await findBySubmissionKey(deps.db, survey.id, key)
    if (existing) return { response: checkSameOwner(existing, region), created: false }
    throw error
  }
  const now = deps.now().toISOString()
  const versionKey = `${survey.id}@${survey.version}`
  const id = newResponseId()
  const write: ResponseWrite = {
    response: {
      id,
      survey: survey.id,
      version: survey.version,
      region_id: region,
      wave: (isAdmin ? input.wave : principal?.wave) ?? deps.defaultWave,
      language,
      status: draft ? 'draft' : 'submitted',
      answers: JSON.stringify(answers),
      group_name: (isAdmin ? input.group : principal?.group) ?? null,
      token_id: principal?.tokenId ?? null,
      created_at: now,
      updated_at: now,
      submitted_at: draft ? null : now,
      submission_key: input.submissionKey ?? null,
    },
    audit: {
      actor: actorOf(principal),
      action: draft ? 'response.draft' : 'response.submit',
      entity: 'response',
      entityId: id,
      details: { survey: survey.id, region },
    },
    version: deps.storedVersions?.has(versionKey)
      ? undefined
      : { survey: survey.id, version: survey.version, definition: survey.definition },
    now,
  }
  // One response per link: the link's response is looked up and replaced in one transaction.
  const result =
    survey.gapkit.onePerLink && principal?.role === 'partner'
      ? await storeLinkSubmission(deps.db, write, principal.tokenId)
      : deps.writer
        ? await deps.writer.write(write)
        : await storeResponse(deps.db, write)
  // Only once committed: a rolled-back transaction stored nothing.
  deps.storedVersions?.add(versionKey)
  if (result.created) {
    // The answers just validated are the stored ones: no need to parse them back.
    return { response: viewResponse(result.row, answers), created: true }
  }
  return { response: checkSameOwner(result.row, region), created: false }
}

async function storeResponse(db: Kysely<Database>, write: ResponseWrite): Promise<WriteResult> {
  const [result] = await storeResponses(db, [write])
  if (result === undefined) throw new Error('no result for a stored response')
  if (result instanceof Error) throw result
  return result
}

function checkSameOwner(row: ResponseRow, region: string): ResponseView {
  // A key reused from another region must not reveal that region's response.
  if (row.region_id !== region) throw new ConflictError('this submissionKey is already used')
  return viewResponse(row)
}

/** Reads one response, if the principal may see it. */
export async function readSubmission(
  deps: SubmissionDeps,
  principal: Principal,
  id: string,
): Promise<ResponseView> {
  const row = await findResponse(deps.db, id)
  if (!row) throw new NotFoundError('no such response')
  if (!canAccessRegion(principal, row.region_id))
    throw new ForbiddenError('this response is not yours')
  return viewResponse(row)
}

/**
 * Replaces a draft's answers, and submits it unless `draft` is true. The draft moves to the
 * questionnaire's current version (or the stored `version` named); a submitted response is
 * final (409).
 */
export async function updateSubmission(
  deps: SubmissionDeps,
  principal: Principal,
  id: string,
  input: { answers: unknown; draft?: boolean; language?: string; version?: string },
): Promise<ResponseView> {
  const row = await findResponse(deps.db, id)
  if (!row) throw new NotFoundError('no such response')
  if (!canAccessRegion(principal, row.region_id))
    throw new ForbiddenError('this response is not yours')
  if (row.status !== 'draft') throw new ConflictError('this response is already submitted')
  const survey = await surveyAtVersion(deps, row.survey, input.version)
  const language = pickLanguage(survey, input.language ?? row.language)
  const draft = input.draft === true
  const answers = validateOrThrow(survey, input.answers, draft, language, row.region_id)
  const now = deps.now().toISOString()
  const actor = actorOf(principal)
  const updated = await withWriteLock(deps.db, async (trx) => {
    // Read again under the write lock: a submission may have landed since.
    const current = await findResponse(trx, id)
    if (!current) throw new NotFoundError('no such response')
    if (current.status !== 'draft') throw new ConflictError('this response is already submitted')
    await ensureSurveyVersion(
      trx,
      { survey: survey.id, version: survey.version, definition: survey.definition },
      now,
    )
    // A draft reviewed before drafts were refused review: its reviewed answers are kept.
    const reviewed = current.review_status !== 'pending' || current.review_note !== null
    const { row: next } = await replaceAnswers(
      trx,
      current,
      {
        answers: JSON.stringify(answers),
        language,
        version: survey.version,
        status: draft ? 'draft' : 'submitted',
        submittedAt: draft ? null : now,
      },
      { actor, at: now, reason: 'edited', keepVersion: reviewed },
    )
    await writeAudit(
      trx,
      {
        actor,
        action: draft ? 'response.update' : 'response.submit',
        entity: 'response',
        entityId: id,
        details: { survey: survey.id },
      },
      now,
    )
    return next
  })
  return viewResponse(updated)
}
