/**
 * The lead partner's work on one stored response after it arrived: correcting its answers,
 * erasing it (on request, under the GDPR), and reading its history — the review, the audit
 * entries and every previous version of its answers.
 */
import type { Kysely } from 'kysely'
import { isRecord, parseStoredAnswers } from '../../surveys/json.ts'
import type { Answers } from '../../surveys/types.ts'
import { withWriteLock } from '../db/repositories/analysis-scan.ts'
import { listAudit, updateAuditDetails, writeAudit } from '../db/repositories/audit.ts'
import { deleteAnswerVersions, listAnswerVersions } from '../db/repositories/response-history.ts'
import { checkpointWal, deleteResponse, findResponse } from '../db/repositories/responses.ts'
import { ensureSurveyVersion } from '../db/repositories/survey-versions.ts'
import { listTokens } from '../db/repositories/tokens.ts'
import type { AnswerChangeReason, Database, ResponseRow } from '../db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts'
import { actorOf, type Principal } from '../http/auth.ts'
import { diffAnswers, replaceAnswers } from './answer-changes.ts'
import {
  type ResponseView,
  requireSurvey,
  type SubmissionDeps,
  validateOrThrow,
  viewResponse,
} from './submissions.ts'

function requireAdminPrincipal(principal: Principal): void {
  if (principal.role !== 'admin') throw new ForbiddenError('an admin token is required')
}

async function requireResponse(db: Kysely<Database>, id: string): Promise<ResponseRow> {
  const row = await findResponse(db, id)
  if (!row) throw new NotFoundError('no such response')
  return row
}

/** A correction of a submitted response by the lead partner. */
export interface Correction {
  /** The complete corrected answers: they replace the stored ones and must pass as a submission. */
  answers: unknown
  /** Why, kept in the audit log. */
  note?: string
  /** The `updatedAt` the corrector read: 409 when the response changed since. */
  updatedAt?: string
  /** Language of the validation messages (default: the response's). */
  lang?: string
}

/**
 * Replaces the answers of a submitted response with corrected ones, validated like a submission
 * (nothing changes when they fail: 422 with one detail per question). The previous answers are
 * kept in the history, the review goes back to pending, and the audit entry names the corrector,
 * the changed paths and, where short, their old and new values. Answers equal to the stored ones
 * change nothing.
 */
export async function correctResponse(
  deps: SubmissionDeps,
  principal: Principal,
  id: string,
  input: Correction,
): Promise<{ response: ResponseView; changed: string[] }> {
  requireAdminPrincipal(principal)
  const row = await requireResponse(deps.db, id)
  if (row.status === 'draft') {
    throw new ConflictError(
      'this response is a draft its partner may still be filling in: correct it once it is submitted',
      [],
      'draft_not_correctable',
    )
  }
  const survey = requireSurvey(deps.registry, row.survey)
  const locale =
    input.lang !== undefined && survey.locales.includes(input.lang) ? input.lang : row.language
  const answers: Answers = validateOrThrow(survey, input.answers, false, locale, row.region_id)
  const at = deps.now().toISOString()
  const actor = actorOf(principal)
  return withWriteLock(deps.db, async (trx) => {
    const current = await requireResponse(trx, id)
    if (input.updatedAt !== undefined && input.updatedAt !== current.updated_at) {
      throw new ConflictError(
        `this response changed at ${current.updated_at}, after the version you corrected: reload it`,
        [],
        'stale_response',
      )
    }
    if (current.status !== 'submitted') throw new ConflictError('this response is a draft again')
    const changes = diffAnswers(JSON.parse(current.answers), answers)
    if (changes.length === 0) return { response: viewResponse(current), changed: [] }
    await ensureSurveyVersion(
      trx,
      { survey: survey.id, version: survey.version, definition: survey.definition },
      at,
    )
    const result = await replaceAnswers(
      trx,
      current,
      {
        answers: JSON.stringify(answers),
        version: survey.version,
        language: current.language,
        status: 'submitted',
        submittedAt: current.submitted_at,
      },
      { actor, at, reason: 'corrected', keepVersion: true },
    )
    await writeAudit(
      trx,
      {
        actor,
        action: 'response.correct',
        entity: 'response',
        entityId: id,
        details: {
          survey: current.survey,
          region: current.region_id,
          previousVersion: result.versionId,
          ...(input.note ? { note: input.note } : {}),
          changes,
        },
      },
      at,
    )
    return { response: viewResponse(result.row, answers), changed: changes.map((c) => c.path) }
  })
}

/** What an erasure removed. */
export interface Erasure {
  id: string
  survey: string
  region: string
  deleted: true
  /** Previous answer versions erased with it. */
  versionsErased: number
  /** Earlier audit entries that quoted answers and no longer do. */
  auditEntriesRedacted: number
  /** False when a reader kept the write-ahead log busy: a later checkpoint empties it. */
  walCheckpointed: boolean
}

/** The audit details without answer values: a correction keeps its paths, not the values. */
function redactDetails(details: unknown): unknown {
  if (!isRecord(details) || !Array.isArray(details.changes)) return undefined
  const changes = details.changes.map((c) => (isRecord(c) ? { path: c.path } : c))
  return { ...details, changes, redacted: 'answer values erased with the response' }
}

/**
 * Erases a response (the lead partner, on request under the GDPR): its answers, the previous
 * versions in its history and its analysis rows. The audit log keeps that it happened — who,
 * when, the questionnaire, the region and the id — and its earlier entries of this response
 * lose the answer values they quoted (a correction keeps only the paths it changed). Then the
 * write-ahead log is emptied so the erased pages do not linger in it.
 */
export async function eraseResponse(
  deps: SubmissionDeps,
  principal: Principal,
  id: string,
  reason?: string,
): Promise<Erasure> {
  requireAdminPrincipal(principal)
  const at = deps.now().toISOString()
  const actor = actorOf(principal)
  const erased = await withWriteLock(deps.db, async (trx) => {
    const row = await requireResponse(trx, id)
    let redacted = 0
    for (const entry of await listAudit(trx, { entity: 'response', entityId: id })) {
      const details = redactDetails(entry.details === null ? null : JSON.parse(entry.details))
      if (details === undefined) continue
      await updateAuditDetails(trx, entry.id, details)
      redacted++
    }
    const versions = await deleteAnswerVersions(trx, id)
    await deleteResponse(trx, id)
    await writeAudit(
      trx,
      {
        actor,
        action: 'response.delete',
        entity: 'response',
        entityId: id,
        details: {
          survey: row.survey,
          region: row.region_id,
          wave: row.wave,
          status: row.status,
          versionsErased: versions,
          ...(reason ? { reason } : {}),
        },
      },
      at,
    )
    return { row, versions, redacted }
  })
  const walCheckpointed = await checkpointWal(deps.db)
  return {
    id,
    survey: erased.row.survey,
    region: erased.row.region_id,
    deleted: true,
    versionsErased: erased.versions,
    auditEntriesRedacted: erased.redacted,
    walCheckpointed,
  }
}

/** A previous version of a response's answers. */
export interface AnswerVersionView {
  /** 1 for the first answers the response had, counting up. */
  revision: number
  /** When these answers were replaced, by whom and why. */
  replacedAt: string
  replacedBy: string
  replacedByName: string | null
  reason: AnswerChangeReason
  /** The questionnaire version they answered. */
  version: string
  status: 'draft' | 'submitted'
  language: string
  submittedAt: string | null
  answers: Answers
}

/** An audit entry of the response. */
export interface AuditEntryView {
  at: string
  actor: string
  actorName: string | null
  action: string
  details: unknown
}

/** The whole story of one response. */
export interface ResponseHistory {
  response: ResponseView
  review: {
    status: 'pending' | 'approved' | 'rejected'
    note: string | null
    at: string | null
    by: string | null
    byName: string | null
  }
  versions: AnswerVersionView[]
  audit: AuditEntryView[]
}

/**
 * One response with its review (and reviewer), its audit entries (oldest first) and every
 * previous version of its answers (oldest first). Actors are named by their token's name.
 */
export async function readResponseHistory(
  deps: SubmissionDeps,
  principal: Principal,
  id: string,
): Promise<ResponseHistory> {
  requireAdminPrincipal(principal)
  return deps.db.transaction().execute(async (trx) => {
    const row = await requireResponse(trx, id)
    const names = new Map((await listTokens(trx)).map((t) => [`token:${t.id}`, t.name]))
    const nameOf = (actor: string | null) => (actor === null ? null : (names.get(actor) ?? null))
    const versions = await listAnswerVersions(trx, id)
    const audit = await listAudit(trx, { entity: 'response', entityId: id })
    return {
      response: viewResponse(row),
      review: {
        status: row.review_status,
        note: row.review_note,
        at: row.reviewed_at,
        by: row.reviewed_by,
        byName: nameOf(row.reviewed_by),
      },
      versions: versions.map((v, i) => ({
        revision: i + 1,
        replacedAt: v.at,
        replacedBy: v.actor,
        replacedByName: nameOf(v.actor),
        reason: v.reason,
        version: v.version,
        status: v.status,
        language: v.language,
        submittedAt: v.submitted_at,
        answers: parseStoredAnswers(v.answers),
      })),
      audit: audit.map((a) => ({
        at: a.at,
        actor: a.actor,
        actorName: nameOf(a.actor),
        action: a.action,
        details: a.details === null ? null : (JSON.parse(a.details) as unknown),
      })),
    }
  })
}
