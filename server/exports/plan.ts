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
import {
  type AnswerColumn,
  listAnswerColumns,
  META_NAMES,
  type MetaColumn,
  mergeColumns,
} from './columns.ts'
import {
  type HeaderStyle,
  type KoboSheet,
  koboMainHeader,
  koboMainRow,
  koboMetaCells,
  listKoboSheets,
  mergeKoboSheets,
} from './kobo.ts'

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
  /** Gapkit-style answer columns (`headers` `gapkit`). */
  columns: AnswerColumn[]
  headers: HeaderStyle
  /** Kobo-style sheets (`headers` `kobo`), else null. */
  kobo: KoboSheet | null
  /** The main sheet's name in Kobo's way, its `_parent_table_name`: the questionnaire's title. */
  tableName: string
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
  headers: HeaderStyle = 'gapkit',
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
  const kobo =
    headers === 'kobo'
      ? mergeKoboSheets([
          listKoboSheets(survey.json, locale),
          ...older.map((v) => listKoboSheets(v.definition, locale)),
        ])
      : null
  const tableName = survey.title()
  return { survey, filter, labels, locale, versions, columns, headers, kobo, tableName }
}

/**
 * The header of a flat export: metadata columns, then answer columns; with Kobo-style headers,
 * the main sheet's (answer columns, metadata, `_index`).
 */
export function flatHeader(plan: ExportPlan): string[] {
  if (plan.kobo) return koboMainHeader(plan.kobo)
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

/** The metadata of a response by Gapkit column. */
export function metaCells(row: ExportRow): Record<MetaColumn, Cell> {
  return {
    id: row.id,
    survey: row.survey,
    version: row.version,
    region: row.region_id,
    region_name: row.region_name,
    wave: row.wave,
    group: row.group_name,
    language: row.language,
    status: row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
    submitted_at: row.submitted_at,
    submission_key: row.submission_key,
    review_status: row.review_status,
    review_note: row.review_note,
    reviewed_at: row.reviewed_at,
  }
}

/**
 * One response as flat cells, in `flatHeader` order; `index` is its 1-based place in the
 * export (Kobo's `_index`).
 */
export function flatRow(plan: ExportPlan, row: ExportRow, index = 1): Cell[] {
  const answers = parseAnswers(row)
  const labels = plan.labels !== null
  const meta = metaCells(row)
  if (plan.kobo) return koboMainRow(plan.kobo, answers, koboMetaCells(meta), labels, index)
  const cells: Cell[] = META_NAMES.map((name) => meta[name])
  for (const column of plan.columns) cells.push(readCell(column, answers, labels))
  return cells
}
