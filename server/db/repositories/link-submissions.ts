import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

/**
 * How many responses one partner link has submitted to a questionnaire, and when the last one
 * arrived: the form says so when the link is opened again. The region narrows the scan to the
 * `(survey, region_id, status)` index.
 */
export async function summarizeLinkSubmissions(
  db: Kysely<Database>,
  link: { tokenId: number; region: string; survey: string },
): Promise<{ count: number; lastAt: string | null }> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('submitted_at').as('last')])
    .where('survey', '=', link.survey)
    .where('region_id', '=', link.region)
    .where('status', '=', 'submitted')
    .where('token_id', '=', link.tokenId)
    .executeTakeFirst()
  return { count: Number(row?.count ?? 0), lastAt: row?.last ?? null }
}
