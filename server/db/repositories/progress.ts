import { type Kysely, sql } from 'kysely'
import type { Database } from '../schema.ts'

/** Collection progress of one questionnaire in one region and wave. */
export interface ProgressRow {
  survey: string
  region: string
  regionName: string
  wave: string
  submitted: number
  drafts: number
  approved: number
  rejected: number
  /** Latest change of any response in the cell (ISO-8601). */
  lastActivity: string
}

/** Response counts per questionnaire × region × wave, in that order. */
export async function listProgress(
  db: Kysely<Database>,
  filter: { survey?: string } = {},
): Promise<ProgressRow[]> {
  let q = db
    .selectFrom('responses')
    .innerJoin('regions', 'regions.id', 'responses.region_id')
    .select((eb) => [
      'responses.survey as survey',
      'responses.region_id as region',
      'regions.name as regionName',
      'responses.wave as wave',
      eb.fn
        .sum<number>(sql<number>`case when responses.status = 'submitted' then 1 else 0 end`)
        .as('submitted'),
      eb.fn
        .sum<number>(sql<number>`case when responses.status = 'draft' then 1 else 0 end`)
        .as('drafts'),
      eb.fn
        .sum<number>(sql<number>`case when responses.review_status = 'approved' then 1 else 0 end`)
        .as('approved'),
      eb.fn
        .sum<number>(sql<number>`case when responses.review_status = 'rejected' then 1 else 0 end`)
        .as('rejected'),
      eb.fn.max('responses.updated_at').as('lastActivity'),
    ])
    .groupBy(['responses.survey', 'responses.region_id', 'regions.name', 'responses.wave'])
  if (filter.survey) q = q.where('responses.survey', '=', filter.survey)
  const rows = await q
    .orderBy('responses.survey')
    .orderBy('responses.region_id')
    .orderBy('responses.wave')
    .execute()
  // SUM comes back as a string from PostgreSQL (bigint): normalise.
  return rows.map((r) => ({
    survey: r.survey,
    region: r.region,
    regionName: r.regionName,
    wave: r.wave,
    submitted: Number(r.submitted),
    drafts: Number(r.drafts),
    approved: Number(r.approved),
    rejected: Number(r.rejected),
    lastActivity: String(r.lastActivity),
  }))
}

/** The distinct waves of a questionnaire's responses, sorted. */
export async function listWaves(db: Kysely<Database>, survey: string): Promise<string[]> {
  const rows = await db
    .selectFrom('responses')
    .select('wave')
    .distinct()
    .where('survey', '=', survey)
    .orderBy('wave')
    .execute()
  return rows.map((r) => r.wave)
}
