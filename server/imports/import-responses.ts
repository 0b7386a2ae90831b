/**
 * Imports responses from a CSV or JSON export. Every row is checked like a submission (the
 * questionnaire validator of the version it answered, submit mode for submitted rows, draft
 * mode for drafts, with the `region` variable); nothing is stored when a row fails unless
 * `skipInvalid`; everything is stored in one transaction, each response with a
 * `response.import` audit entry. Ids and submission keys are kept: a row whose id (or
 * submission key) is already stored is skipped, so importing a file twice adds nothing.
 */
import { randomUUID } from 'node:crypto'
import type { LoadedSurvey } from '../../surveys/registry.ts'
import { actorOf, type Principal } from '../auth.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { findRegion, upsertRegion } from '../db/repositories/regions.ts'
import { findImportMatch } from '../db/repositories/response-stream.ts'
import { insertResponse } from '../db/repositories/responses.ts'
import { ensureSurveyVersion } from '../db/repositories/survey-versions.ts'
import type { NewResponse } from '../db/schema.ts'
import type { SubmissionDeps } from '../submissions.ts'
import { readCsvRows } from './csv-rows.ts'
import { ImportInputError, type ImportIssue, type ImportRow } from './import-row.ts'
import { readJsonDocument } from './json-rows.ts'
import { createVersionResolver } from './versions.ts'

/** The file to import: CSV text, or a parsed JSON export document. */
export type ImportSource = { kind: 'csv'; text: string } | { kind: 'json'; document: unknown }

export interface ImportOptions {
  survey: string
  source: ImportSource
  /** Region of rows that name none; a row naming another region is invalid. */
  region?: string
  /** Import the valid rows and report the others (default: import nothing if one fails). */
  skipInvalid?: boolean
  /** Check everything, store nothing. */
  dryRun?: boolean
  /** Called while rows are checked, with the number checked so far. */
  onProgress?: (checked: number, total: number) => void
}

/** What an import did (or, in a dry run, would do). */
export interface ImportReport {
  survey: string
  rows: number
  imported: number
  /** Rows whose id or submission key was already stored: skipped. */
  existing: number
  invalid: number
  dryRun: boolean
  /** Regions created from the file's region names. */
  createdRegions: string[]
  issues: ImportIssue[]
}

/** Some rows are invalid and `skipInvalid` is off: nothing was imported. */
export class ImportRejected extends Error {
  override name = 'ImportRejected'
  constructor(
    readonly report: ImportReport,
    unknownRegions: string[] = [],
  ) {
    const regions =
      unknownRegions.length > 0 ? `; unknown regions: ${unknownRegions.join(', ')}` : ''
    super(
      `${report.invalid} of ${report.rows} rows are invalid${regions}; nothing was imported (skip them with --skip-invalid)`,
    )
  }
}

const REGION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

interface Checked {
  row: number
  survey: LoadedSurvey
  response: NewResponse
  regionName: string | null
}

function parseTime(value: string | null, field: string, problems: string[]): string | null {
  if (value === null) return null
  const time = new Date(value)
  if (Number.isNaN(time.getTime())) {
    problems.push(`${field}: "${value}" is not a date and time`)
    return null
  }
  return time.toISOString()
}

/**
 * Checks and imports the rows of an export file. Throws `ImportInputError` for a file that
 * cannot be read and `ImportRejected` (with the per-row report) when rows are invalid and
 * `skipInvalid` is off.
 */
export async function importResponses(
  deps: SubmissionDeps,
  principal: Principal | null,
  options: ImportOptions,
): Promise<ImportReport> {
  const found = deps.registry.get(options.survey)
  if (!found) throw new ImportInputError(`no questionnaire "${options.survey}"`, 404)
  const survey: LoadedSurvey = found
  if (options.region !== undefined && !REGION_ID.test(options.region)) {
    throw new ImportInputError(`region "${options.region}" is not a region id`)
  }
  const json =
    options.source.kind === 'json' ? readJsonDocument(options.source.document, survey.id) : null
  const resolver = createVersionResolver(
    deps.db,
    deps.registry,
    survey,
    json?.definitions ?? new Map(),
  )
  const rows =
    options.source.kind === 'csv'
      ? await readCsvRows(options.source.text, resolver)
      : (json?.rows ?? [])
  const now = deps.now().toISOString()
  const issues: ImportIssue[] = []
  const checked: Checked[] = []
  const ids = new Set<string>()
  const keys = new Set<string>()
  const regionKnown = new Map<string, boolean>()
  const unknownRegions = new Set<string>()
  let existing = 0
  for (const [i, row] of rows.entries()) {
    options.onProgress?.(i, rows.length)
    const result = await checkRow(row)
    if (result === 'existing') existing++
    else if (result) checked.push(result)
  }
  options.onProgress?.(rows.length, rows.length)

  async function checkRow(row: ImportRow): Promise<Checked | 'existing' | null> {
    const problems: ImportIssue[] = [...row.issues]
    const fail = (question: string, message: string) =>
      problems.push({ row: row.row, question, message })
    const loaded = await resolver.resolve(row.version)
    if (typeof loaded === 'string' && !row.issues.some((i) => i.question === 'version')) {
      fail('version', loaded)
    }
    if (row.survey !== null && row.survey !== survey.id) {
      fail('survey', `"${row.survey}" is not "${survey.id}"`)
    }
    const region = row.region ?? options.region ?? null
    if (region === null) fail('region', 'no region (add a region column or give --region)')
    else if (options.region !== undefined && region !== options.region) {
      fail('region', `"${region}" is not the region given, "${options.region}"`)
    } else if (!REGION_ID.test(region)) fail('region', `"${region}" is not a region id`)
    else if (!(await regionExists(region)) && row.regionName === null) {
      unknownRegions.add(region)
      fail('region', `no region "${region}" (add a region_name column to create it)`)
    }
    const status = row.status ?? 'submitted'
    if (status !== 'submitted' && status !== 'draft') fail('status', 'must be submitted or draft')
    const language = row.language ?? 'en'
    if (typeof loaded !== 'string' && !loaded.locales.includes(language)) {
      fail('language', `"${language}" is not one of ${loaded.locales.join(', ')}`)
    }
    const times: string[] = []
    const createdAt = parseTime(row.createdAt, 'created_at', times) ?? now
    const updatedAt = parseTime(row.updatedAt, 'updated_at', times) ?? createdAt
    const submittedAt = parseTime(row.submittedAt, 'submitted_at', times) ?? updatedAt
    for (const t of times) fail('', t)
    const id = row.id ?? randomUUID()
    if (ids.has(id)) fail('id', `"${id}" appears twice in the file`)
    if (row.submissionKey !== null && keys.has(row.submissionKey)) {
      fail('submission_key', `"${row.submissionKey}" appears twice in the file`)
    }
    ids.add(id)
    if (row.submissionKey !== null) keys.add(row.submissionKey)
    // Already stored (same id, or same submission key): skipped without checking again.
    if (problems.length === 0) {
      const match = await findImportMatch(deps.db, survey.id, id, row.submissionKey)
      if (match && match.survey !== survey.id)
        fail('id', `"${id}" is used by another questionnaire`)
      else if (match) return 'existing'
    }
    if (typeof loaded !== 'string' && region !== null && problems.length === 0) {
      const result = loaded.validator.validate(row.answers, {
        mode: status === 'draft' ? 'draft' : 'submit',
        locale: language,
        variables: { region },
      })
      if (!result.ok) for (const e of result.errors) fail(e.question, e.message)
    }
    if (problems.length > 0 || typeof loaded === 'string' || region === null) {
      issues.push(...problems)
      return null
    }
    return {
      row: row.row,
      survey: loaded,
      regionName: row.regionName,
      response: {
        id,
        survey: survey.id,
        version: loaded.version,
        region_id: region,
        wave: row.wave ?? deps.defaultWave,
        language,
        status: status === 'draft' ? 'draft' : 'submitted',
        answers: JSON.stringify(row.answers),
        group_name: row.group,
        token_id: principal?.tokenId ?? null,
        created_at: createdAt,
        updated_at: updatedAt,
        submitted_at: status === 'draft' ? null : submittedAt,
        submission_key: row.submissionKey,
      },
    }
  }

  async function regionExists(region: string): Promise<boolean> {
    let known = regionKnown.get(region)
    if (known === undefined) {
      known = (await findRegion(deps.db, region)) !== undefined
      regionKnown.set(region, known)
    }
    return known
  }

  const invalidRows = new Set(issues.map((i) => i.row)).size
  const report: ImportReport = {
    survey: survey.id,
    rows: rows.length,
    imported: checked.length,
    existing,
    invalid: invalidRows,
    dryRun: options.dryRun === true,
    createdRegions: [],
    issues,
  }
  if (invalidRows > 0 && !options.skipInvalid) {
    throw new ImportRejected({ ...report, imported: 0 }, [...unknownRegions].sort())
  }
  const missing = new Map<string, string>()
  for (const c of checked) {
    const region = c.response.region_id
    if (!regionKnown.get(region) && c.regionName !== null && !missing.has(region)) {
      missing.set(region, c.regionName)
    }
  }
  report.createdRegions = [...missing.keys()].sort()
  if (options.dryRun) return report
  report.imported = await storeRows(deps, principal, checked, missing, now)
  report.existing += checked.length - report.imported
  return report
}

async function storeRows(
  deps: SubmissionDeps,
  principal: Principal | null,
  rows: Checked[],
  regions: Map<string, string>,
  now: string,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    for (const [id, name] of regions) {
      if (!(await findRegion(trx, id))) await upsertRegion(trx, { id, name }, now)
    }
    const versions = new Map(rows.map((r) => [r.survey.version, r.survey]))
    for (const v of versions.values()) {
      await ensureSurveyVersion(
        trx,
        { survey: v.id, version: v.version, definition: v.definition },
        now,
      )
    }
    let imported = 0
    for (const { response } of rows) {
      const { row, created } = await insertResponse(trx, response)
      if (!created) continue
      imported++
      await writeAudit(
        trx,
        {
          actor: actorOf(principal),
          action: 'response.import',
          entity: 'response',
          entityId: row.id,
          details: { survey: row.survey, region: row.region_id },
        },
        now,
      )
    }
    return imported
  })
}
