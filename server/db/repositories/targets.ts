import type { Kysely } from 'kysely'
import type { CollectionTarget, Database } from '../schema.ts'

/** A target with its region's display name. */
export type TargetRow = CollectionTarget & { region_name: string }

/** Which target: one questionnaire × region × wave. */
export interface TargetKey {
  survey: string
  region: string
  wave: string
}

/** Every target, or a questionnaire's, by questionnaire, region and wave. */
export async function listTargets(
  db: Kysely<Database>,
  filter: { survey?: string } = {},
): Promise<TargetRow[]> {
  let q = db
    .selectFrom('collection_targets')
    .innerJoin('regions', 'regions.id', 'collection_targets.region_id')
    .selectAll('collection_targets')
    .select('regions.name as region_name')
  if (filter.survey !== undefined) q = q.where('collection_targets.survey', '=', filter.survey)
  return q
    .orderBy('collection_targets.survey')
    .orderBy('collection_targets.region_id')
    .orderBy('collection_targets.wave')
    .execute()
}

/** The target of one questionnaire × region × wave, if set. */
export async function findTarget(
  db: Kysely<Database>,
  key: TargetKey,
): Promise<CollectionTarget | undefined> {
  return db
    .selectFrom('collection_targets')
    .selectAll()
    .where('survey', '=', key.survey)
    .where('region_id', '=', key.region)
    .where('wave', '=', key.wave)
    .executeTakeFirst()
}

/** Sets (creates or replaces) a target. */
export async function upsertTarget(db: Kysely<Database>, target: CollectionTarget): Promise<void> {
  await db
    .insertInto('collection_targets')
    .values(target)
    .onConflict((oc) =>
      oc.columns(['survey', 'region_id', 'wave']).doUpdateSet({
        expected: target.expected,
        updated_at: target.updated_at,
        updated_by: target.updated_by,
      }),
    )
    .execute()
}

/** Removes a target; false when there was none. */
export async function deleteTarget(db: Kysely<Database>, key: TargetKey): Promise<boolean> {
  const result = await db
    .deleteFrom('collection_targets')
    .where('survey', '=', key.survey)
    .where('region_id', '=', key.region)
    .where('wave', '=', key.wave)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
