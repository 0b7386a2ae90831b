/** The lead partner's paged responses table: rows with a short summary of their answers. */
import type { Kysely } from 'kysely'
import { isRecord } from '../../surveys/json.ts'
import {
  listResponsePage,
  type ResponsePageFilter,
  type ResponsePageRow,
} from '../db/repositories/response-pages.ts'
import type { Database, ReviewStatus } from '../db/schema.ts'

/** One row of the responses table. */
export interface AdminResponseRow {
  id: string
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

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value) && value.length > 0 && value.every((v) => scalarText(v) !== null)) {
    return value.map((v) => scalarText(v)).join(', ')
  }
  return null
}

/**
 * A one-line summary of stored answers: the number answered and the first few plain values
 * (`stakeholder_type: mfi; …`; yes/no answers such as consent say little and are skipped), cut
 * at 140 characters. Plain text: the page escapes it.
 */
export function summarizeAnswers(answersJson: string): string {
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
    const text = scalarText(value)
    if (text !== null) parts.push(`${name}: ${text}`)
    if (parts.length === SUMMARY_ITEMS) break
  }
  const line = `[${entries.length}] ${parts.join('; ')}`.trim()
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line
}

function toRow(r: ResponsePageRow): AdminResponseRow {
  return {
    id: r.id,
    region: r.region_id,
    wave: r.wave,
    group: r.group_name,
    language: r.language,
    status: r.status,
    review: r.review_status,
    reviewNote: r.review_note,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    summary: summarizeAnswers(r.answers),
  }
}

/** One page (1-based) of a questionnaire's responses for the lead partner. */
export async function listAdminResponses(
  db: Kysely<Database>,
  filter: ResponsePageFilter,
  page: number,
  pageSize: number,
): Promise<AdminResponsePage> {
  const result = await listResponsePage(db, filter, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  })
  return { total: result.total, page, pageSize, rows: result.rows.map(toRow) }
}
