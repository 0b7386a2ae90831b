/**
 * One entry point for exports, shared by `gapkit export` and
 * `GET /api/surveys/:id/responses`: check the request, plan it, stream it in a format.
 */
import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { LoadedSurvey, SurveyRegistry } from '../../surveys/registry.ts'
import { findRegion } from '../db/repositories/regions.ts'
import type { ExportFilter } from '../db/repositories/response-stream.ts'
import type { Database } from '../db/schema.ts'
import { InvalidInputError, NotFoundError } from '../errors.ts'
import { writeCsv } from './csv.ts'
import { writeJson } from './json.ts'
import { defaultHeaders, HEADER_STYLES, type HeaderStyle, listRepeatSheets } from './kobo.ts'
import { type ExportPlan, planExport } from './plan.ts'
import { writeXlsx } from './xlsx.ts'

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export { HEADER_STYLES, type HeaderStyle }

export const EXPORT_STATUSES = ['submitted', 'draft', 'all'] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]

/** Which reviews an export includes: all but rejected, approved only, or every one. */
export const EXPORT_REVIEWS = ['not-rejected', 'approved', 'all'] as const
export type ExportReview = (typeof EXPORT_REVIEWS)[number]

/**
 * CSV field separators: `,`, or `;` for Excel in the locales whose list separator it is
 * (fr, it, ro, sl, sv), where numbers are also written with a decimal comma.
 */
export const CSV_DELIMITERS = [',', ';'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]

/** An export as asked for, before checking. */
export interface ExportRequest {
  survey: string
  format: ExportFormat
  /** Write choice labels in this language instead of codes (CSV and XLSX; JSON keeps codes). */
  labels?: string
  region?: string
  wave?: string
  /** Default: `all` for JSON (a complete copy), `submitted` for CSV and XLSX (analysis). */
  status?: ExportStatus
  /** Default: `all` for JSON (a complete copy), `not-rejected` for CSV and XLSX (analysis). */
  review?: ExportReview
  /** CSV only (default `,`); `;` also writes numbers with a decimal comma. */
  delimiter?: CsvDelimiter
  /**
   * Column names of CSV and XLSX: `kobo` (KoboToolbox's, the default for a questionnaire
   * converted from XLSForm) or `gapkit` (the default for the others).
   */
  headers?: HeaderStyle
}

/** HTTP content type of each format. */
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
}

/** The status an export includes when none is asked for. */
export function defaultStatus(format: ExportFormat): ExportStatus {
  return format === 'json' ? 'all' : 'submitted'
}

/** The reviews an export includes when none is asked for. */
export function defaultReview(format: ExportFormat): ExportReview {
  return format === 'json' ? 'all' : 'not-rejected'
}

/** A checked export, ready to write. */
export interface PreparedExport {
  format: ExportFormat
  status: ExportStatus
  review: ExportReview
  delimiter: CsvDelimiter
  headers: HeaderStyle
  plan: ExportPlan
  /** A safe download file name, e.g. `microfinance-gap-FR-93-submitted.csv`. */
  fileName: string
}

function safePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64)
}

/** The download name of an export: letters, digits, `.`, `_` and `-` only. */
export function exportFileName(
  survey: string,
  format: ExportFormat,
  parts: {
    region?: string
    wave?: string
    status: ExportStatus
    review?: ExportReview
    labels?: string | null
    delimiter?: CsvDelimiter
  },
): string {
  const review = parts.review === 'all' ? undefined : parts.review
  const semicolon = parts.delimiter === ';' ? 'semicolon' : undefined
  const name = [survey, parts.region, parts.wave, parts.status, review, parts.labels, semicolon]
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .map(safePart)
    .join('-')
  return `${name}.${format}`
}

function requireSurvey(registry: SurveyRegistry, id: string): LoadedSurvey {
  const survey = registry.get(id)
  if (!survey) throw new NotFoundError(`no questionnaire "${id}"`)
  return survey
}

/**
 * Checks an export request (questionnaire, labels language, region) and plans it. Throws
 * `NotFoundError` for an unknown questionnaire, `InvalidInputError` for a bad language or
 * region. Access control is the caller's: pass a partner's own region.
 */
export async function prepareExport(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  request: ExportRequest,
): Promise<PreparedExport> {
  const survey = requireSurvey(registry, request.survey)
  const { format } = request
  const labels = format === 'json' ? null : (request.labels ?? null)
  if (labels !== null && !survey.locales.includes(labels)) {
    throw new InvalidInputError(
      `labels "${labels}" is not a language of "${survey.id}": ${survey.locales.join(', ')}`,
    )
  }
  if (request.region !== undefined && !(await findRegion(db, request.region))) {
    throw new InvalidInputError(`no region "${request.region}"`)
  }
  if (request.delimiter !== undefined && request.delimiter !== ',' && format !== 'csv') {
    throw new InvalidInputError(`a "${request.delimiter}" delimiter is for CSV only, not ${format}`)
  }
  if (request.headers !== undefined && format === 'json') {
    throw new InvalidInputError(
      'headers are for csv and xlsx, not json (which keeps the answers as stored)',
    )
  }
  const headers = format === 'json' ? 'gapkit' : (request.headers ?? defaultHeaders(survey.json))
  const status = request.status ?? defaultStatus(format)
  const review = request.review ?? defaultReview(format)
  const delimiter = request.delimiter ?? ','
  const filter: ExportFilter = {
    survey: survey.id,
    region: request.region,
    wave: request.wave,
    status: status === 'all' ? undefined : status,
    review: review === 'all' ? undefined : review,
  }
  const plan = await planExport(db, survey, filter, labels, headers)
  const fileName = exportFileName(survey.id, format, {
    region: request.region,
    wave: request.wave,
    status,
    review,
    labels,
    delimiter,
  })
  return { format, status, review, delimiter, headers, plan, fileName }
}

/**
 * The repeats a prepared export leaves out: a CSV with Kobo-style headers is Kobo's main sheet,
 * and the repeats' sheets are in the XLSX export only.
 */
export function repeatsLeftOut(prepared: PreparedExport): string[] {
  const main = prepared.plan.kobo
  return prepared.format === 'csv' && main ? listRepeatSheets(main).map((s) => s.name) : []
}

/**
 * Streams a prepared export into `out` and ends it; resolves with the number of responses.
 * Rejects with `ExportAborted` when `out` closes early (a cancelled download).
 */
export function writeExport(
  db: Kysely<Database>,
  prepared: PreparedExport,
  out: Writable,
  onProgress?: (written: number) => void,
): Promise<number> {
  if (prepared.format === 'csv') {
    return writeCsv(db, prepared.plan, out, onProgress, prepared.delimiter)
  }
  const write = { xlsx: writeXlsx, json: writeJson }[prepared.format]
  return write(db, prepared.plan, out, onProgress)
}
