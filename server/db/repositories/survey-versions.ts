import type { Kysely } from 'kysely'
import { onPostgres } from '../dialect.ts'
import type { Database } from '../schema.ts'
import { type RawSqlite, withRawSqlite } from '../sqlite/dialect.ts'

const INSERT_VERSION = `insert into survey_versions (survey, version, definition, first_seen_at)
  values (?, ?, ?, ?) on conflict (survey, version) do nothing`

/** Records a questionnaire version (its exact JSON) the first time it is seen. */
export function ensureSurveyVersionRaw(
  raw: RawSqlite,
  v: { survey: string; version: string; definition: string },
  now: string,
): void {
  raw.prepare(INSERT_VERSION).run(v.survey, v.version, v.definition, now)
}

/** Records a version (inside `db` when it is a transaction); prepared statements on SQLite. */
export async function ensureSurveyVersion(
  db: Kysely<Database>,
  v: { survey: string; version: string; definition: string },
  now: string,
): Promise<void> {
  if (onPostgres(db)) await ensureSurveyVersionKysely(db, v, now)
  else await withRawSqlite(db, (raw) => ensureSurveyVersionRaw(raw, v, now))
}

/** The reference of `ensureSurveyVersionRaw`, as a Kysely query. */
export async function ensureSurveyVersionKysely(
  db: Kysely<Database>,
  v: { survey: string; version: string; definition: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('survey_versions')
    .values({ survey: v.survey, version: v.version, definition: v.definition, first_seen_at: now })
    .onConflict((oc) => oc.columns(['survey', 'version']).doNothing())
    .execute()
}

/** The stored JSON of one version, for answers given to a version no longer on disk. */
export async function findSurveyVersion(
  db: Kysely<Database>,
  survey: string,
  version: string,
): Promise<{ definition: string; first_seen_at: string } | undefined> {
  return db
    .selectFrom('survey_versions')
    .select(['definition', 'first_seen_at'])
    .where('survey', '=', survey)
    .where('version', '=', version)
    .executeTakeFirst()
}
