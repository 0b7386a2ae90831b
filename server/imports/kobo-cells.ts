/**
 * The cells of a file with Kobo's headers: which columns are ignored, which are read, and the
 * checks every table of such a file gets.
 */

import { METADATA_TYPES } from '../../surveys/xlsform/row-types.ts'
import type { AnswerColumn } from '../exports/columns.ts'
import type { KoboSheet } from '../exports/kobo.ts'
import { type FlatTable, ImportInputError, tableName } from './import-row.ts'

/**
 * Columns Kobo writes that Gapkit holds nothing for: ignored when the form has no column of
 * that name. A repeat row's `_submission__…` copies of its response's metadata are ignored too.
 */
const KOBO_ONLY = new Set([
  '_notes',
  '_tags',
  '_submitted_by',
  '_attachments',
  '_geolocation',
  '_xform_id_string',
  '_version_',
  'meta/instanceID',
  'meta/instanceName',
  'meta/rootUuid',
  'meta/deprecatedID',
  'formhub/uuid',
])

/**
 * Kobo-only columns, and XLSForm's metadata rows (`start`, `end`, `deviceid`…), which the
 * converter leaves out and Kobo writes under the row's name: ignored when so named (`start`,
 * `group/start`).
 */
function isIgnored(name: string): boolean {
  return KOBO_ONLY.has(name) || METADATA_TYPES.has(name.slice(name.lastIndexOf('/') + 1))
}

/** The cells to read: those of the form's columns, and any other that is not ignored. */
export function keepCells(
  cells: [string, string][],
  columns: Map<string, AnswerColumn>,
  ignored: Set<string>,
): [string, string][] {
  return cells.filter(([name, text]) => {
    if (columns.has(name) || !isIgnored(name)) return true
    if (text !== '') ignored.add(name)
    return false
  })
}

const columnMaps = new WeakMap<KoboSheet, Map<string, AnswerColumn>>()

/** A sheet's columns by header name. */
export function columnsOf(sheet: KoboSheet): Map<string, AnswerColumn> {
  let map = columnMaps.get(sheet)
  if (!map) {
    map = new Map(sheet.columns.map((c) => [c.name, c]))
    columnMaps.set(sheet, map)
  }
  return map
}

/** Refuses a record that has not as many fields as the header. */
export function checkWidth(table: FlatTable, line: number, length: number): void {
  if (length !== table.header.length) {
    throw new ImportInputError(
      `${tableName(table)} line ${line} has ${length} fields where the header has ${table.header.length}`,
    )
  }
}

/** Whether a record is empty (no response). */
export function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell === '')
}
