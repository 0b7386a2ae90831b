/**
 * Previous answers of responses (`response_history`, see the 2026-12-07-006 migration): written
 * when a response's answers change after they could have been read or reviewed, read by the
 * history of one response, and erased with it.
 */
import type { Kysely } from 'kysely'
import type {
  AnswerChangeReason,
  Database,
  NewResponseHistory,
  ResponseHistoryRow,
  ResponseRow,
} from '../schema.ts'

/**
 * Keeps the current answers of `row` as a previous version, before they are changed by `actor`
 * for `reason`; returns the new history row's id.
 */
export async function saveAnswerVersion(
  db: Kysely<Database>,
  row: ResponseRow,
  change: { at: string; actor: string; reason: AnswerChangeReason },
): Promise<number> {
  const entry: NewResponseHistory = {
    response_id: row.id,
    survey: row.survey,
    at: change.at,
    actor: change.actor,
    reason: change.reason,
    version: row.version,
    status: row.status,
    language: row.language,
    submitted_at: row.submitted_at,
    submission_key: row.submission_key,
    answers: row.answers,
  }
  const inserted = await db
    .insertInto('response_history')
    .values(entry)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** The previous versions of a response's answers, oldest first. */
export async function listAnswerVersions(
  db: Kysely<Database>,
  responseId: string,
): Promise<ResponseHistoryRow[]> {
  return db
    .selectFrom('response_history')
    .selectAll()
    .where('response_id', '=', responseId)
    .orderBy('id')
    .execute()
}

/**
 * The response whose earlier answers came with `submissionKey`: a late retry of a submission
 * that a later one from the same link has replaced since.
 */
export async function findResponseIdByOldKey(
  db: Kysely<Database>,
  survey: string,
  submissionKey: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('response_history')
    .select('response_id')
    .where('survey', '=', survey)
    .where('submission_key', '=', submissionKey)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.response_id
}

/** Erases the previous versions of a response; returns how many there were. */
export async function deleteAnswerVersions(
  db: Kysely<Database>,
  responseId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('response_history')
    .where('response_id', '=', responseId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
