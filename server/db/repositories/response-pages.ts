import type { Kysely } from 'kysely'
import type { Database, ResponseRow, ReviewStatus } from '../schema.ts'

/** Filters of the lead partner's responses table. */
export interface ResponsePageFilter {
  survey: string
  region?: string
  wave?: string
  status?: ResponseRow['status']
  review?: ReviewStatus
}

/** The columns the responses table shows (answers only to summarise them). */
export type ResponsePageRow = Pick<
  ResponseRow,
  | 'id'
  | 'region_id'
  | 'wave'
  | 'group_name'
  | 'language'
  | 'status'
  | 'review_status'
  | 'review_note'
  | 'submitted_at'
  | 'updated_at'
  | 'answers'
  | 'version'
>

/**
 * One page of a questionnaire's responses, latest activity first (ties by id, so pages never
 * overlap), with the total matching the filter.
 */
export async function listResponsePage(
  db: Kysely<Database>,
  filter: ResponsePageFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: ResponsePageRow[] }> {
  let base = db.selectFrom('responses').where('survey', '=', filter.survey)
  if (filter.region) base = base.where('region_id', '=', filter.region)
  if (filter.wave) base = base.where('wave', '=', filter.wave)
  if (filter.status) base = base.where('status', '=', filter.status)
  if (filter.review) base = base.where('review_status', '=', filter.review)
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'id',
        'region_id',
        'wave',
        'group_name',
        'language',
        'status',
        'review_status',
        'review_note',
        'submitted_at',
        'updated_at',
        'answers',
        'version',
      ])
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ])
  return { total: Number(count.n), rows }
}
