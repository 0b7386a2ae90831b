/**
 * The value of each flat-export cell, read from stored answers, and its CSV text. Numbers stay
 * numbers; text that a spreadsheet would run as a formula is neutralised in CSV.
 */
import { isRecord } from '../../surveys/json.ts'
import { type AnswerColumn, codeKey } from './columns.ts'

/** A cell: text, a number, a boolean, or empty. */
export type Cell = string | number | boolean | null

/** Reads the value at `keys` inside nested answers. */
export function readKeys(answers: Record<string, unknown>, keys: readonly string[]): unknown {
  let at: unknown = answers
  for (const key of keys) {
    if (!isRecord(at) || !Object.hasOwn(at, key)) return undefined
    at = at[key]
  }
  return at
}

const labelMaps = new WeakMap<AnswerColumn, Map<string, string>>()

function labelOf(column: AnswerColumn, value: unknown): string | undefined {
  let map = labelMaps.get(column)
  if (!map) {
    map = new Map(column.codes.map((c) => [codeKey(c.value), c.label]))
    labelMaps.set(column, map)
  }
  return map.get(codeKey(value))
}

// A label that only spells the code (a rating's "4") keeps the code, and its type.
function shown(column: AnswerColumn, value: unknown, labels: boolean): Cell {
  if (labels) {
    const label = labelOf(column, value)
    if (label !== undefined && label !== String(value)) return label
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  return JSON.stringify(value)
}

function asList(raw: unknown): unknown[] {
  return Array.isArray(raw) ? raw : [raw]
}

function sameCode(a: unknown, b: unknown): boolean {
  return a === b
}

/**
 * The cell of one column for one response; `labels` writes choice labels (in the language the
 * columns were built in) instead of codes. 0/1 and rank columns stay numbers.
 */
export function readCell(
  column: AnswerColumn,
  answers: Record<string, unknown>,
  labels: boolean,
): Cell {
  const raw = readKeys(answers, column.keys)
  if (raw === undefined || raw === null) return null
  switch (column.role) {
    case 'value':
      if (Array.isArray(raw)) return raw.map((v) => String(shown(column, v, labels))).join(';')
      return shown(column, raw, labels)
    case 'option':
      return asList(raw).some((v) => sameCode(v, column.option)) ? 1 : 0
    case 'rank': {
      const at = asList(raw).findIndex((v) => sameCode(v, column.option))
      return at < 0 ? null : at + 1
    }
    case 'joined':
      return asList(raw)
        .map((v) => String(shown(column, v, labels)))
        .join(column.separator ?? ';')
    case 'comment':
      return typeof raw === 'string' ? raw : JSON.stringify(raw)
    case 'json':
      return typeof raw === 'number' ? raw : JSON.stringify(raw)
  }
}

// OWASP CSV injection: a cell starting with = + - @ tab or CR runs as a formula in spreadsheets.
// Cells already starting with quotes before such a character get one more quote, so that
// removing one quote on import gives back exactly the original text.
const FORMULA_START = /^'*[=+\-@\t\r]/

/** Prefixes text a spreadsheet would run as a formula with `'` (only text, never numbers). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Reverses `neutralise`: drops one `'` before `= + - @`, tab or CR. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text
}

/** One RFC 4180 field: numbers as numbers, booleans as `true`/`false`, text neutralised and quoted when needed. */
export function csvField(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'boolean') return cell ? 'true' : 'false'
  const text = neutralise(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A field of the semicolon-separated CSV for Excel in French, Italian, Romanian, Slovenian and
 * Swedish: as `csvField`, but numbers take a decimal comma (`2,5`: Excel in those locales
 * reads `2.5` as text, or as a date) and text holding `;` (or `,`) is quoted.
 */
export function semicolonCsvField(cell: Cell): string {
  if (typeof cell === 'number') return String(cell).replace('.', ',')
  const field = csvField(cell)
  if (field.startsWith('"') || typeof cell !== 'string' || !/[;,]/.test(field)) return field
  return `"${field.replaceAll('"', '""')}"`
}
