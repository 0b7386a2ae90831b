import type { Kysely } from 'kysely'
import type { Database, Region } from '../schema.ts'

/** What a region id may be, wherever one comes in (dashboard, `partner add`, imports): `SI-HEART`. */
export const REGION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/** Creates the region or renames it when it exists. */
export async function upsertRegion(
  db: Kysely<Database>,
  region: { id: string; name: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('regions')
    .values({ id: region.id, name: region.name, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: region.name }))
    .execute()
}

export async function findRegion(db: Kysely<Database>, id: string): Promise<Region | undefined> {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listRegions(db: Kysely<Database>): Promise<Region[]> {
  return db.selectFrom('regions').selectAll().orderBy('id').execute()
}
