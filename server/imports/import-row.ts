/** One response read from an import file, before it is checked. */

import { InvalidInputError } from '../errors.ts'
import type { MetaColumn } from '../exports/columns.ts'

/** A problem with one row: `question` is a question path, a column or a field (may be ''). */
export interface ImportIssue {
  /** 1-based position of the response in the file (CSV: the spreadsheet line minus one). */
  row: number
  question: string
  message: string
}

/** A response as read from a file; every metadata field may be missing. */
export interface ImportRow {
  row: number
  id: string | null
  survey: string | null
  version: string | null
  region: string | null
  /** The region's display name, when the file gives one (creates a missing region). */
  regionName: string | null
  wave: string | null
  group: string | null
  language: string | null
  status: string | null
  answers: unknown
  createdAt: string | null
  updatedAt: string | null
  submittedAt: string | null
  submissionKey: string | null
  /** The review carried by the file (pending when it has none). */
  reviewStatus: string | null
  reviewNote: string | null
  reviewedAt: string | null
  /** Problems found while reading the row (a malformed cell). */
  issues: ImportIssue[]
  /** The file's names of fields and questions, where they are not Gapkit's (Kobo's headers). */
  names?: Map<string, string>
}

/** A file that cannot be imported at all: not an export, a broken CSV, another questionnaire's. */
export class ImportInputError extends InvalidInputError {
  override name = 'ImportInputError'
}

/** The one-line form of an issue: `row 3: satisfaction: Response required.` */
export function formatIssue(issue: ImportIssue): string {
  return issue.question
    ? `row ${issue.row}: ${issue.question}: ${issue.message}`
    : `row ${issue.row}: ${issue.message}`
}

/** A sheet of text cells: its name (`''` for CSV), its header and its data records. */
export interface FlatTable {
  name: string
  header: string[]
  /** Each record with its line in the file or sheet (the header is line 1). */
  records: { line: number; cells: string[] }[]
}

/** How a message names a table: `CSV`, or `sheet "name"`. */
export function tableName(table: FlatTable): string {
  return table.name ? `sheet "${table.name}"` : 'CSV'
}

/** A response's metadata fields from its cells, by Gapkit column (empty cells are null). */
export function metaRow(row: number, get: (name: MetaColumn) => string | null): ImportRow {
  return {
    row,
    id: get('id'),
    survey: get('survey'),
    version: get('version'),
    region: get('region'),
    regionName: get('region_name'),
    wave: get('wave'),
    group: get('group'),
    language: get('language'),
    status: get('status'),
    answers: undefined,
    createdAt: get('created_at'),
    updatedAt: get('updated_at'),
    submittedAt: get('submitted_at'),
    submissionKey: get('submission_key'),
    reviewStatus: get('review_status'),
    reviewNote: get('review_note'),
    reviewedAt: get('reviewed_at'),
    issues: [],
  }
}
