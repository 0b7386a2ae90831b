/** The lead partner's paged responses table: rows with a short summary of their answers. */
import type { Kysely } from 'kysely'
import { isRecord } from '../../surveys/json.ts'
import type { LoadedSurvey } from '../../surveys/registry.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import {
  listResponsePage,
  type ResponsePageFilter,
  type ResponsePageRow,
} from '../db/repositories/response-pages.ts'
import { findSurveyVersion } from '../db/repositories/survey-versions.ts'
import type { Database, ReviewStatus } from '../db/schema.ts'
import { codeKey, listAnswerColumns } from '../exports/columns.ts'
import { shortResponseId } from '../ids.ts'

/** One row of the responses table. */
export interface AdminResponseRow {
  id: string
  /** The id's random tail: tells apart responses stored in the same minute. */
  shortId: string
  region: string
  wave: string
  group: string | null
  language: string
  status: 'draft' | 'submitted'
  review: ReviewStatus
  reviewNote: string | null
  submittedAt: string | null
  updatedAt: string
  summary: string
}

/** A page of the table with the total matching the filter. */
export interface AdminResponsePage {
  total: number
  page: number
  pageSize: number
  rows: AdminResponseRow[]
}

const SUMMARY_ITEMS = 3
const SUMMARY_LENGTH = 140

/** Choice labels of a questionnaire version's questions, by question name, then by code key. */
export type ChoiceLabels = Map<string, Map<string, string>>

/** The labels of every choice of `json`'s questions in `locale` (its default text otherwise). */
export function readChoiceLabels(json: SurveyJson, locale: string): ChoiceLabels {
  const out: ChoiceLabels = new Map()
  for (const column of listAnswerColumns(json, locale)) {
    if (column.keys.length !== 1 || (column.role !== 'value' && column.role !== 'joined')) continue
    const labels = new Map<string, string>()
    // A label that only spells its code (a rating's "4") says nothing more.
    for (const c of column.codes)
      if (c.label !== String(c.value)) labels.set(codeKey(c.value), c.label)
    if (labels.size > 0) out.set(column.path, labels)
  }
  return out
}

function scalarText(value: unknown, labels?: Map<string, string>): string | null {
  if (typeof value === 'string') return labels?.get(codeKey(value)) ?? (value.trim() || null)
  if (typeof value === 'number') return labels?.get(codeKey(value)) ?? String(value)
  if (Array.isArray(value) && value.length > 0) {
    const parts = value.map((v) => scalarText(v, labels))
    if (parts.every((p) => p !== null)) return parts.join(', ')
  }
  return null
}

/**
 * A one-line summary of stored answers: the number answered and the first few plain values,
 * as their choice labels when `labels` are given (`stakeholder_type: Bank; …`; yes/no answers
 * such as consent say little and are skipped), cut at 140 characters. Plain text: the page
 * escapes it.
 */
export function summarizeAnswers(answersJson: string, labels: ChoiceLabels = new Map()): string {
  let data: unknown
  try {
    data = JSON.parse(answersJson)
  } catch {
    return ''
  }
  if (!isRecord(data)) return ''
  const entries = Object.entries(data)
  const parts: string[] = []
  for (const [name, value] of entries) {
    const text = scalarText(value, labels.get(name))
    if (text !== null) parts.push(`${name}: ${text}`)
    if (parts.length === SUMMARY_ITEMS) break
  }
  const line = `[${entries.length}] ${parts.join('; ')}`.trim()
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line
}

function toRow(r: ResponsePageRow, labels: ChoiceLabels): AdminResponseRow {
  return {
    id: r.id,
    shortId: shortResponseId(r.id),
    region: r.region_id,
    wave: r.wave,
    group: r.group_name,
    language: r.language,
    status: r.status,
    review: r.review_status,
    reviewNote: r.review_note,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    summary: summarizeAnswers(r.answers, labels),
  }
}

// Labels of a questionnaire's current version, built once per language (survey-core's model
// costs tens of milliseconds); keyed by the loaded questionnaire, which never changes.
const currentLabels = new WeakMap<LoadedSurvey, Map<string, ChoiceLabels>>()

function labelsOfCurrent(survey: LoadedSurvey, locale: string): ChoiceLabels {
  const byLocale = currentLabels.get(survey) ?? new Map<string, ChoiceLabels>()
  currentLabels.set(survey, byLocale)
  const labels = byLocale.get(locale) ?? readChoiceLabels(survey.json, locale)
  byLocale.set(locale, labels)
  return labels
}

/** Labels of a version: the current one from the registry, an older one from the database. */
async function labelsOfVersion(
  db: Kysely<Database>,
  survey: LoadedSurvey,
  version: string,
  locale: string,
): Promise<ChoiceLabels> {
  if (version === survey.version) return labelsOfCurrent(survey, locale)
  const stored = await findSurveyVersion(db, survey.id, version)
  if (!stored) return new Map()
  try {
    const json: unknown = JSON.parse(stored.definition)
    return isRecord(json) ? readChoiceLabels(json, locale) : new Map()
  } catch {
    return new Map()
  }
}

/**
 * One page (1-based) of a questionnaire's responses for the lead partner, its summaries in
 * choice labels of `locale` (where the questionnaire has it; its default text otherwise).
 */
export async function listAdminResponses(
  db: Kysely<Database>,
  survey: LoadedSurvey,
  filter: Omit<ResponsePageFilter, 'survey'>,
  page: { page: number; pageSize: number; locale: string },
): Promise<AdminResponsePage> {
  const { pageSize, locale } = page
  const result = await listResponsePage(
    db,
    { ...filter, survey: survey.id },
    { offset: (page.page - 1) * pageSize, limit: pageSize },
  )
  const byVersion = new Map<string, ChoiceLabels>()
  for (const version of new Set(result.rows.map((r) => r.version))) {
    byVersion.set(version, await labelsOfVersion(db, survey, version, locale))
  }
  const rows = result.rows.map((r) => toRow(r, byVersion.get(r.version) ?? new Map()))
  return { total: result.total, page: page.page, pageSize, rows }
}
