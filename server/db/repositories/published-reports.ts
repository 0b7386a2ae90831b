import type { Kysely } from 'kysely'
import type { Database, NewPublishedReport, PublishedReportRow } from '../schema.ts'

/** Stores a published report (its token's hash only) and returns its id. */
export async function insertPublishedReport(
  db: Kysely<Database>,
  row: NewPublishedReport,
): Promise<number> {
  const inserted = await db
    .insertInto('published_reports')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** The published report whose token has this hash, revoked or not. */
export async function findPublishedReportByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<PublishedReportRow | undefined> {
  return db
    .selectFrom('published_reports')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function findPublishedReport(
  db: Kysely<Database>,
  id: number,
): Promise<PublishedReportRow | undefined> {
  return db.selectFrom('published_reports').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Every published report, or a questionnaire's, oldest first. */
export async function listPublishedReports(
  db: Kysely<Database>,
  filter: { survey?: string } = {},
): Promise<PublishedReportRow[]> {
  let q = db.selectFrom('published_reports').selectAll()
  if (filter.survey !== undefined) q = q.where('survey', '=', filter.survey)
  return q.orderBy('id').execute()
}

/** Marks a published report revoked; false when there was no live one with that id. */
export async function revokePublishedReport(
  db: Kysely<Database>,
  id: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('published_reports')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * What a report's figures depend on, in a fixed order: each response of the questionnaires
 * (id, region, wave, status, review, last change) and each region's name. Any change of the
 * data gives other rows.
 */
export async function reportDataStamps(
  db: Kysely<Database>,
  surveys: readonly string[],
): Promise<{ responses: string[][]; regions: string[][] }> {
  const [responses, regions] = await Promise.all([
    surveys.length === 0
      ? []
      : db
          .selectFrom('responses')
          .select(['id', 'survey', 'region_id', 'wave', 'status', 'review_status', 'updated_at'])
          .where('survey', 'in', [...surveys])
          .orderBy('id')
          .execute(),
    db.selectFrom('regions').select(['id', 'name']).orderBy('id').execute(),
  ])
  return {
    responses: responses.map((r) => [
      r.id,
      r.survey,
      r.region_id,
      r.wave,
      r.status,
      r.review_status,
      r.updated_at,
    ]),
    regions: regions.map((r) => [r.id, r.name]),
  }
}
