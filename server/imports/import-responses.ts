/**
 * Imports responses from a CSV, XLSX or JSON export (CSV and XLSX with Gapkit's headers or
 * Kobo's, told apart by the header row). Every row is checked like a submission (the
 * questionnaire validator of the version it answered, submit mode for submitted rows, draft
 * mode for drafts, with the `region` variable); nothing is stored when a row fails unless
 * `skipInvalid`; everything is stored in one transaction, each response with a
 * `response.import` audit entry. Ids and submission keys are kept: a row whose id (or
 * submission key) is already stored is skipped, so importing a file twice adds nothing.
 */

import { writeAudit } from '../db/repositories/audit.ts'
import { findRegion, REGION_ID, upsertRegion } from '../db/repositories/regions.ts'
import { insertResponse } from '../db/repositories/responses.ts'
import { ensureSurveyVersion } from '../db/repositories/survey-versions.ts'
import { NotFoundError } from '../errors.ts'
import { actorOf, type Principal } from '../http/auth.ts'
import type { SubmissionDeps } from '../services/submissions.ts'
import { type CheckedRow, createRowChecker } from './check-row.ts'
import { readCsvRows } from './csv-rows.ts'
import { ImportInputError, type ImportIssue } from './import-row.ts'
import { readJsonDocument } from './json-rows.ts'
import type { KoboRead } from './kobo-rows.ts'
import { createVersionResolver } from './versions.ts'
import { readXlsxRows } from './xlsx-rows.ts'

/** The file to import: CSV text, XLSX bytes, or a parsed JSON export document. */
export type ImportSource =
  | { kind: 'csv'; text: string }
  | { kind: 'xlsx'; bytes: Uint8Array }
  | { kind: 'json'; document: unknown }

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
  /** What the file could not carry, e.g. a CSV with Kobo's headers has no repeats. */
  notes: string[]
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
  const survey = deps.registry.get(options.survey)
  if (!survey) throw new NotFoundError(`no questionnaire "${options.survey}"`)
  if (options.region !== undefined && !REGION_ID.test(options.region)) {
    throw new ImportInputError(`region "${options.region}" is not a region id`)
  }
  const { source } = options
  const json = source.kind === 'json' ? readJsonDocument(source.document, survey.id) : null
  const definitions = json?.definitions ?? new Map()
  const resolver = createVersionResolver(deps.db, deps.registry, survey, definitions)
  let flat: KoboRead = { rows: json?.rows ?? [], notes: [] }
  if (source.kind === 'csv') flat = await readCsvRows(source.text, resolver)
  else if (source.kind === 'xlsx') flat = await readXlsxRows(source.bytes, resolver)
  const { rows, notes } = flat
  const regionNames = json?.regionNames ?? new Map<string, string>()
  for (const row of rows) {
    if (row.region !== null && row.regionName !== null) regionNames.set(row.region, row.regionName)
  }
  const now = deps.now().toISOString()
  const checker = createRowChecker({
    deps,
    principal,
    survey,
    resolver,
    region: options.region,
    regionNames,
    now,
  })
  const issues: ImportIssue[] = []
  const checked: CheckedRow[] = []
  let existing = 0
  for (const [i, row] of rows.entries()) {
    options.onProgress?.(i, rows.length)
    const outcome = await checker.check(row)
    if (outcome.kind === 'existing') existing++
    else if (outcome.kind === 'ok') checked.push(outcome.checked)
    else issues.push(...outcome.issues)
  }
  options.onProgress?.(rows.length, rows.length)

  const invalid = new Set(issues.map((i) => i.row)).size
  const regions = checker.regionsToCreate(checked)
  const report: ImportReport = {
    survey: survey.id,
    rows: rows.length,
    imported: checked.length,
    existing,
    invalid,
    dryRun: options.dryRun === true,
    createdRegions: [...regions.keys()],
    issues,
    notes,
  }
  if (invalid > 0 && !options.skipInvalid) {
    throw new ImportRejected(
      { ...report, imported: 0, createdRegions: [] },
      checker.unknownRegions(),
    )
  }
  if (options.dryRun) return report
  report.imported = await storeRows(deps, principal, checked, regions, now)
  report.existing += checked.length - report.imported
  return report
}

async function storeRows(
  deps: SubmissionDeps,
  principal: Principal | null,
  rows: CheckedRow[],
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
