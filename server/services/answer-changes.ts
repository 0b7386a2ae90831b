/**
 * What happens whenever the answers of a stored response change after someone could have read
 * or reviewed them: the previous answers are kept in its history, a review given to the old
 * answers goes back to pending (nobody has reviewed the new ones), and both are audited. Used by
 * a second submission from the same link, the lead partner's correction and a partner's edit.
 */
import type { Kysely } from 'kysely'
import { isRecord } from '../../surveys/json.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { saveAnswerVersion } from '../db/repositories/response-history.ts'
import { changeAnswers } from '../db/repositories/responses.ts'
import type { AnswerChangeReason, Database, ResponseRow } from '../db/schema.ts'
import { ConflictError } from '../errors.ts'

/** One changed answer: a question, matrix row or cell path, with both values when short. */
export interface AnswerDiff {
  path: string
  from?: unknown
  to?: unknown
}

/** Values longer than this (as JSON) are named by their path only. */
const SHORT = 80

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The answers that differ between `before` and `after`, by path (`question`, `question.row`,
 * `question.row.column`), sorted; each with its old and new value when both are short. Lists
 * (checkboxes, rankings) compare whole.
 */
export function diffAnswers(before: unknown, after: unknown, prefix = ''): AnswerDiff[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
    return keys.flatMap((k) => diffAnswers(before[k], after[k], prefix ? `${prefix}.${k}` : k))
  }
  if (canonical(before) === canonical(after)) return []
  const short = (v: unknown) => v === undefined || canonical(v).length <= SHORT
  if (!short(before) || !short(after)) return [{ path: prefix }]
  return [{ path: prefix, from: before ?? null, to: after ?? null }]
}

/** The new state of a response's answers. */
export interface NewAnswers {
  answers: string
  version: string
  language: string
  status: ResponseRow['status']
  submittedAt: string | null
  /** Omitted: the response keeps its submission key. */
  submissionKey?: string | null
}

/** Who changes the answers, when and why. */
export interface ChangeContext {
  actor: string
  at: string
  reason: AnswerChangeReason
  /** Keep the previous answers as a version in the history. */
  keepVersion: boolean
}

/**
 * The changed row, the id of the kept version, whether a review was reset, and the changed
 * paths (empty when neither a review nor a kept version needed them).
 */
export interface ChangeResult {
  row: ResponseRow
  versionId: number | null
  reviewReset: boolean
  changes: AnswerDiff[]
}

/**
 * Replaces the answers of `row` inside `trx` (a transaction): keeps the old ones in the history
 * when asked, resets a review (audited as `response.review.reset` with the previous status) when
 * the answers or the status change, and stores the new state. The caller audits the change
 * itself, naming what it was.
 */
export async function replaceAnswers(
  trx: Kysely<Database>,
  row: ResponseRow,
  next: NewAnswers,
  context: ChangeContext,
): Promise<ChangeResult> {
  const reviewed =
    row.review_status !== 'pending' || row.review_note !== null || row.reviewed_by !== null
  // A draft's autosave (neither reviewed nor kept) needs no comparison: it is the hot path.
  const changes =
    reviewed || context.keepVersion
      ? diffAnswers(JSON.parse(row.answers), JSON.parse(next.answers))
      : []
  const reviewReset = reviewed && (changes.length > 0 || next.status !== row.status)
  const versionId = context.keepVersion
    ? await saveAnswerVersion(trx, row, {
        at: context.at,
        actor: context.actor,
        reason: context.reason,
      })
    : null
  if (reviewReset) {
    await writeAudit(
      trx,
      {
        actor: context.actor,
        action: 'response.review.reset',
        entity: 'response',
        entityId: row.id,
        details: { previous: row.review_status, reason: context.reason },
      },
      context.at,
    )
  }
  const updated = await changeAnswers(trx, row.id, {
    answers: next.answers,
    version: next.version,
    language: next.language,
    status: next.status,
    updated_at: context.at,
    submitted_at: next.submittedAt,
    ...(next.submissionKey === undefined ? {} : { submission_key: next.submissionKey }),
    resetReview: reviewReset,
  })
  if (!updated) throw new ConflictError('this response was deleted meanwhile')
  return { row: updated, versionId, reviewReset, changes }
}
