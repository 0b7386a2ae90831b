/**
 * Collection targets: how many responses the lead partner expects of a questionnaire in a
 * region and wave, set from the dashboard or `gapkit target set`, shown against the submitted
 * responses on the progress view. Every change is audited.
 */
import type { Kysely } from 'kysely'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { findRegion } from '../db/repositories/regions.ts'
import {
  deleteTarget,
  findTarget,
  listTargets,
  type TargetKey,
  type TargetRow,
  upsertTarget,
} from '../db/repositories/targets.ts'
import type { Database } from '../db/schema.ts'
import { InvalidInputError, NotFoundError } from '../errors.ts'

/** The largest target accepted: far above any partnership's, low enough to catch a typo. */
export const MAX_EXPECTED = 100_000

/** A target as the dashboard, the API and the command line show it. */
export interface Target {
  survey: string
  region: string
  regionName: string
  wave: string
  expected: number
  updatedAt: string
  updatedBy: string
}

function toTarget(row: TargetRow): Target {
  return {
    survey: row.survey,
    region: row.region_id,
    regionName: row.region_name,
    wave: row.wave,
    expected: row.expected,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }
}

/** Every target, or a questionnaire's, ordered by questionnaire, region and wave. */
export async function listCollectionTargets(
  db: Kysely<Database>,
  filter: { survey?: string } = {},
): Promise<Target[]> {
  return (await listTargets(db, filter)).map(toTarget)
}

/** Checks a target's key: a loaded questionnaire, a known region, a wave of 1–64 characters. */
async function checkKey(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  key: TargetKey,
): Promise<TargetKey> {
  if (!registry.get(key.survey)) throw new NotFoundError(`no questionnaire "${key.survey}"`)
  const wave = key.wave.trim()
  if (wave.length === 0 || wave.length > 64) {
    throw new InvalidInputError('the wave must have 1 to 64 characters', [
      { field: 'wave', message: '1 to 64 characters' },
    ])
  }
  if (!(await findRegion(db, key.region))) {
    throw new InvalidInputError(`no region "${key.region}"`, [
      { field: 'region', message: 'not a region of this project' },
    ])
  }
  return { survey: key.survey, region: key.region, wave }
}

/**
 * Sets the number of responses expected of a questionnaire in a region and wave (replacing
 * any earlier target), audited under `actor`. `expected` is a whole number from 1 to
 * `MAX_EXPECTED`; remove a target with `removeTarget`.
 */
export async function setTarget(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  input: TargetKey & { expected: number },
  actor: string,
  now: string,
): Promise<Target> {
  const { expected } = input
  if (!Number.isInteger(expected) || expected < 1 || expected > MAX_EXPECTED) {
    throw new InvalidInputError(
      `the expected number of responses must be a whole number from 1 to ${MAX_EXPECTED}`,
      [{ field: 'expected', message: `a whole number from 1 to ${MAX_EXPECTED}` }],
    )
  }
  const key = await checkKey(db, registry, input)
  return db.transaction().execute(async (trx) => {
    const before = await findTarget(trx, key)
    await upsertTarget(trx, {
      survey: key.survey,
      region_id: key.region,
      wave: key.wave,
      expected,
      updated_at: now,
      updated_by: actor,
    })
    await writeAudit(
      trx,
      {
        actor,
        action: 'target.set',
        entity: 'target',
        entityId: `${key.survey}/${key.region}/${key.wave}`,
        details: { expected, previous: before?.expected ?? null },
      },
      now,
    )
    const region = await findRegion(trx, key.region)
    return {
      ...key,
      regionName: region?.name ?? key.region,
      expected,
      updatedAt: now,
      updatedBy: actor,
    }
  })
}

/** Removes a target, audited under `actor`; `NotFoundError` when there is none. */
export async function removeTarget(
  db: Kysely<Database>,
  key: TargetKey,
  actor: string,
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findTarget(trx, key)
    if (!before || !(await deleteTarget(trx, key))) {
      throw new NotFoundError(`no target for ${key.survey} in ${key.region}, wave ${key.wave}`)
    }
    await writeAudit(
      trx,
      {
        actor,
        action: 'target.remove',
        entity: 'target',
        entityId: `${key.survey}/${key.region}/${key.wave}`,
        details: { previous: before.expected },
      },
      now,
    )
  })
}
