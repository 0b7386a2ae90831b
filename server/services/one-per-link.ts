/**
 * Submissions to a questionnaire with `gapkit.onePerLink`: a partner link keeps one response in
 * each wave (a vote held again next year is a new ballot).
 * A second submission replaces the answers of the first (same id; the previous answers kept in
 * its history, its review reset, both audited), a draft from another device resumes the link's
 * draft, and a draft after a submission is refused so the counted response stays as it is.
 *
 * The lookup and the write share one write transaction taken at once (`begin immediate`), and
 * every write of this process goes through the same connection: two submissions from one link
 * arriving together are stored one after the other, never as two rows.
 */
import type { Kysely } from 'kysely'
import { withWriteLock } from '../db/repositories/analysis-scan.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { findResponseIdByOldKey } from '../db/repositories/response-history.ts'
import { findLinkResponse, findResponse, findResponseByKey } from '../db/repositories/responses.ts'
import { ensureSurveyVersion } from '../db/repositories/survey-versions.ts'
import { type ResponseWrite, storeResponses, type WriteResult } from '../db/response-writer.ts'
import type { Database, ResponseRow } from '../db/schema.ts'
import { ConflictError } from '../errors.ts'
import { replaceAnswers } from './answer-changes.ts'

/**
 * The response a submission key brought, also when a later submission from the same link
 * replaced its answers (the key is then in the response's history).
 */
export async function findBySubmissionKey(
  db: Kysely<Database>,
  survey: string,
  key: string,
): Promise<ResponseRow | undefined> {
  const current = await findResponseByKey(db, survey, key)
  if (current) return current
  const id = await findResponseIdByOldKey(db, survey, key)
  return id === undefined ? undefined : findResponse(db, id)
}

/**
 * Stores `write` as the one response of partner link `tokenId` in its wave: a new response when
 * the link has none there (`created`), else the link's response with the new answers. A known
 * submission key returns its response unchanged.
 */
export async function storeLinkSubmission(
  db: Kysely<Database>,
  write: ResponseWrite,
  tokenId: number,
): Promise<WriteResult> {
  const next = write.response
  return withWriteLock(db, async (trx) => {
    const key = next.submission_key ?? null
    const known = key === null ? undefined : await findBySubmissionKey(trx, next.survey, key)
    if (known) return { row: known, created: false }

    const current = await findLinkResponse(trx, { survey: next.survey, tokenId, wave: next.wave })
    if (!current) {
      const [result] = await storeResponses(trx, [write])
      if (result === undefined) throw new Error('no result for a stored response')
      if (result instanceof Error) throw result
      return result
    }
    if (current.status === 'submitted' && next.status === 'draft') {
      throw new ConflictError(
        `this link has already submitted its response (${current.id}); submitting again replaces it, a draft cannot`,
        [],
        'already_submitted',
      )
    }
    if (write.version) await ensureSurveyVersion(trx, write.version, write.now)
    const changed = await replaceAnswers(
      trx,
      current,
      {
        answers: next.answers,
        version: next.version,
        language: next.language,
        status: next.status,
        submittedAt: next.status === 'submitted' ? write.now : null,
        ...(key === null ? {} : { submissionKey: key }),
      },
      { actor: write.audit.actor, at: write.now, reason: 'replaced', keepVersion: true },
    )
    await writeAudit(
      trx,
      {
        actor: write.audit.actor,
        action: next.status === 'draft' ? 'response.draft.replace' : 'response.replace',
        entity: 'response',
        entityId: current.id,
        details: {
          survey: current.survey,
          region: current.region_id,
          previousStatus: current.status,
          previousVersion: changed.versionId,
          questions: [...new Set(changed.changes.map((c) => c.path.split('.')[0]))],
        },
      },
      write.now,
    )
    return { row: changed.row, created: false }
  })
}
