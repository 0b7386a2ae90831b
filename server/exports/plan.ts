/**
 * What an export holds before any response is read: the filter, the questionnaire versions
 * answered (with their stored JSON) and the flat columns, the union of every version's.
 */
import type { Kysely } from 'kysely'
import { localize } from '../../surveys/definition.ts'
import { isRecord } from '../../surveys/json.ts'
import type { LoadedSurvey } from '../../surveys/registry.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import {
  type ExportFilter,
  type ExportRow,
  listExportVersions,
} from '../db/repositories/response-stream.ts'
import type { Database } from '../db/schema.ts'
import { type Cell, readCell } from './cells.ts'
import { type AnswerColumn, listAnswerColumns, META_NAMES, mergeColumns } from './columns.ts'

/** A questionnaire version answered by responses of the export. */
export interface PlannedVersion {
  version: string
  firstSeenAt: string
  /** How many exported responses answered it. */
  responses: number
  /** Whether it is the questionnaire's current version. */
  current: boolean
  title: string
  definition: SurveyJson
}

/** Everything needed to write an export, apart from the responses themselves. */
export interface ExportPlan {
  survey: LoadedSurvey
  filter: ExportFilter
  /** Locale of choice labels in cells, or null for codes. */
  labels: string | null
  /** Locale of titles and labels in the codebook. */
  locale: string
  versions: PlannedVersion[]
  columns: AnswerColumn[]
}

function parseDefinition(text: string): SurveyJson | null {
  try {
    const json: unknown = JSON.parse(text)
    return isRecord(json) ? json : null
  } catch {
    return null
  }
}

/**
 * Reads the versions answered by the filtered responses and builds the columns: the current
 * questionnaire's in document order, then questions, rows and options found only in older
 * versions, each next to where it stood.
 */
export async function planExport(
  db: Kysely<Database>,
  survey: LoadedSurvey,
  filter: ExportFilter,
  labels: string | null,
): Promise<ExportPlan> {
  const locale = labels ?? 'en'
  const stored = await listExportVersions(db, filter)
  const versions: PlannedVersion[] = []
  for (const v of stored) {
    const current = v.version === survey.version
    const definition = current ? survey.json : parseDefinition(v.definition)
    if (!definition) throw new Error(`stored questionnaire version ${v.version} is not JSON`)
    versions.push({
      version: v.version,
      firstSeenAt: v.first_seen_at,
      responses: v.responses,
      current,
      title: localize(definition.title, locale) || survey.id,
      definition,
    })
  }
  const older = versions.filter((v) => !v.current).reverse()
  const columns = mergeColumns([
    listAnswerColumns(survey.json, locale),
    ...older.map((v) => listAnswerColumns(v.definition, locale)),
  ])
  return { survey, filter, labels, locale, versions, columns }
}

/** The header of a flat export: metadata columns, then answer columns. */
export function flatHeader(plan: ExportPlan): string[] {
  return [...META_NAMES, ...plan.columns.map((c) => c.name)]
}

/** The stored answers of a row as an object (a damaged row reads as no answers). */
export function parseAnswers(row: ExportRow): Record<string, unknown> {
  try {
    const answers: unknown = JSON.parse(row.answers)
    return isRecord(answers) ? answers : {}
  } catch {
    return {}
  }
}

/** One response as flat cells, in `flatHeader` order. */
export function flatRow(plan: ExportPlan, row: ExportRow): Cell[] {
  const answers = parseAnswers(row)
  const labels = plan.labels !== null
  const cells: Cell[] = [
    row.id,
    row.survey,
    row.version,
    row.region_id,
    row.region_name,
    row.wave,
    row.group_name,
    row.language,
    row.status,
    row.created_at,
    row.updated_at,
    row.submitted_at,
    row.submission_key,
    row.review_status,
    row.review_note,
    row.reviewed_at,
  ]
  for (const column of plan.columns) cells.push(readCell(column, answers, labels))
  return cells
}
