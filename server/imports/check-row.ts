/**
 * The checks of one imported row, the same as a submission's plus the metadata a file carries:
 * its version, region, status, language, times, and whether it is already stored.
 */
import type { LoadedSurvey } from '../../surveys/registry.ts'
import { findRegion, REGION_ID } from '../db/repositories/regions.ts'
import { findImportMatch } from '../db/repositories/response-stream.ts'
import type { NewResponse, ReviewStatus } from '../db/schema.ts'
import type { Principal } from '../http/auth.ts'
import { newResponseId } from '../ids.ts'
import type { SubmissionDeps } from '../services/submissions.ts'
import type { ImportIssue, ImportRow } from './import-row.ts'
import type { VersionResolver } from './versions.ts'

/** What every row of one import is checked against. */
export interface CheckContext {
  deps: SubmissionDeps
  principal: Principal | null
  survey: LoadedSurvey
  resolver: VersionResolver
  /** The region of rows that name none (`--region`). */
  region?: string
  /** Region names the file gives, by id: such regions are created when missing. */
  regionNames: Map<string, string>
  /** Time of rows that carry none. */
  now: string
}

/** A row ready to store. */
export interface CheckedRow {
  row: number
  survey: LoadedSurvey
  response: NewResponse
}

/** A row is stored, already stored (skipped), or invalid. */
export type RowOutcome =
  | { kind: 'ok'; checked: CheckedRow }
  | { kind: 'existing' }
  | { kind: 'invalid'; issues: ImportIssue[] }

function isReviewStatus(value: string): value is ReviewStatus {
  return value === 'pending' || value === 'approved' || value === 'rejected'
}

function parseTime(value: string | null): string | null | undefined {
  if (value === null) return null
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString()
}

/** Checks rows one by one, remembering ids, keys and regions across the file. */
export function createRowChecker(ctx: CheckContext) {
  const ids = new Set<string>()
  const keys = new Set<string>()
  const regionKnown = new Map<string, boolean>()
  const unknownRegions = new Set<string>()

  async function regionExists(region: string): Promise<boolean> {
    let known = regionKnown.get(region)
    if (known === undefined) {
      known = (await findRegion(ctx.deps.db, region)) !== undefined
      regionKnown.set(region, known)
    }
    return known
  }

  async function check(row: ImportRow): Promise<RowOutcome> {
    const problems: ImportIssue[] = [...row.issues]
    const named = (question: string) => row.names?.get(question) ?? question
    const fail = (question: string, message: string) => {
      problems.push({ row: row.row, question: named(question), message })
    }
    const loaded = await ctx.resolver.resolve(row.version)
    if (typeof loaded === 'string' && !problems.some((p) => p.question === named('version'))) {
      fail('version', loaded)
    }
    if (row.survey !== null && row.survey !== ctx.survey.id) {
      fail('survey', `"${row.survey}" is not "${ctx.survey.id}"`)
    }
    const region = row.region ?? ctx.region ?? null
    if (region === null) fail('region', 'no region (add a region column or give --region)')
    else if (ctx.region !== undefined && region !== ctx.region) {
      fail('region', `"${region}" is not the region given, "${ctx.region}"`)
    } else if (!REGION_ID.test(region)) fail('region', `"${region}" is not a region id`)
    else if (!(await regionExists(region)) && !ctx.regionNames.has(region)) {
      unknownRegions.add(region)
      fail('region', `no region "${region}" (add a region_name column to create it)`)
    }
    const status = row.status ?? 'submitted'
    if (status !== 'submitted' && status !== 'draft') fail('status', 'must be submitted or draft')
    const language = row.language ?? 'en'
    if (typeof loaded !== 'string' && !loaded.locales.includes(language)) {
      fail('language', `"${language}" is not one of ${loaded.locales.join(', ')}`)
    }
    const review = row.reviewStatus ?? 'pending'
    if (!isReviewStatus(review)) fail('review_status', 'must be pending, approved or rejected')
    if (row.reviewNote !== null && row.reviewNote.length > 2000) {
      fail('review_note', 'longer than 2,000 characters')
    }
    const times = {
      created_at: parseTime(row.createdAt),
      updated_at: parseTime(row.updatedAt),
      submitted_at: parseTime(row.submittedAt),
      reviewed_at: parseTime(row.reviewedAt),
    }
    for (const [field, time] of Object.entries(times)) {
      if (time === undefined) fail(field, 'not a date and time')
    }
    const id = row.id ?? newResponseId()
    if (ids.has(id)) fail('id', `"${id}" appears twice in the file`)
    ids.add(id)
    const key = row.submissionKey
    if (key !== null && keys.has(key)) fail('submission_key', `"${key}" appears twice in the file`)
    if (key !== null) keys.add(key)

    // Already stored (same id, or same submission key): skipped without checking again.
    if (problems.length === 0) {
      const match = await findImportMatch(ctx.deps.db, ctx.survey.id, id, key)
      if (match?.survey === ctx.survey.id) return { kind: 'existing' }
      if (match) fail('id', `"${id}" is used by another questionnaire`)
    }
    if (problems.length > 0 || typeof loaded === 'string' || region === null) {
      return { kind: 'invalid', issues: problems }
    }
    const draft = status === 'draft'
    const result = loaded.validator.validate(row.answers, {
      mode: draft ? 'draft' : 'submit',
      locale: language,
      variables: { region },
    })
    if (!result.ok) {
      return {
        kind: 'invalid',
        issues: result.errors.map((e) => ({
          row: row.row,
          question: named(e.question),
          message: e.message,
        })),
      }
    }
    const createdAt = times.created_at ?? ctx.now
    const updatedAt = times.updated_at ?? createdAt
    const response: NewResponse = {
      id,
      survey: ctx.survey.id,
      version: loaded.version,
      region_id: region,
      wave: row.wave ?? ctx.deps.defaultWave,
      language,
      status: draft ? 'draft' : 'submitted',
      answers: JSON.stringify(result.answers),
      group_name: row.group,
      token_id: ctx.principal?.tokenId ?? null,
      created_at: createdAt,
      updated_at: updatedAt,
      submitted_at: draft ? null : (times.submitted_at ?? updatedAt),
      submission_key: key,
      // The review travels with the response; who reviewed it stays with the source server.
      ...(isReviewStatus(review) && review !== 'pending'
        ? {
            review_status: review,
            review_note: row.reviewNote,
            reviewed_at: times.reviewed_at ?? ctx.now,
            reviewed_by: 'import',
          }
        : {}),
    }
    return { kind: 'ok', checked: { row: row.row, survey: loaded, response } }
  }

  return {
    check,
    /** Regions named by rows that do not exist and that the file gives no name for. */
    unknownRegions: () => [...unknownRegions].sort(),
    /** Regions to create: used by a valid row, missing, and named by the file. */
    regionsToCreate(rows: CheckedRow[]): Map<string, string> {
      const create = new Map<string, string>()
      for (const { response } of rows) {
        const name = ctx.regionNames.get(response.region_id)
        if (!regionKnown.get(response.region_id) && name !== undefined) {
          create.set(response.region_id, name)
        }
      }
      return new Map([...create].sort(([a], [b]) => a.localeCompare(b)))
    },
  }
}
