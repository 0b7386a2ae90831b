/**
 * Reads a flat export whose header is KoboToolbox's (as `--headers kobo` writes it, and so as
 * Kobo writes it for the same form): questions by their group path (`profile/age`), a
 * select_multiple as its space-separated codes (its 0/1 columns `q/option` are read only when
 * that column is empty, as the Gapkit importer reads its own `q.option`), calculations kept as
 * given (a submission's computed values are stored as sent), metadata by Kobo's names
 * (`_uuid`, `_submission_time`, `_validation_status`, …). In an XLSX file each repeat is a sheet
 * whose rows name their parent row by `_parent_index` (its `_index`); they rebuild the repeat's
 * answers. A CSV holds no repeats: the report says so.
 */
import type { MetaColumn } from '../exports/columns.ts'
import { KOBO_META, listRepeatSheets } from '../exports/kobo.ts'
import { rebuildAnswers } from './csv-answers.ts'
import {
  type FlatTable,
  ImportInputError,
  type ImportRow,
  metaRow,
  tableName,
} from './import-row.ts'
import { checkWidth, columnsOf, isBlank, keepCells } from './kobo-cells.ts'
import { attachRepeats, type MainRow } from './kobo-repeats.ts'
import type { VersionResolver } from './versions.ts'

/** The rows of a flat file, and what the import's report should say about the file. */
export interface KoboRead {
  rows: ImportRow[]
  notes: string[]
}

const FROM_KOBO = new Map<string, MetaColumn>(KOBO_META)
const KOBO_NAMES = new Map<string, string>(KOBO_META.map(([kobo, gapkit]) => [gapkit, kobo]))
const MARKS = new Set([...FROM_KOBO.keys(), '_index'])
const GAPKIT_META = new Set<string>(KOBO_META.map(([, gapkit]) => gapkit))

/** A Gapkit questionnaire version: 16 hex digits. Kobo's own `__version__` is something else. */
const GAPKIT_VERSION = /^[0-9a-f]{16}$/

/** `_validation_status` back to Gapkit's review, as uid (XML values) or as label. */
const REVIEWS: Record<string, string> = {
  validation_status_approved: 'approved',
  validation_status_not_approved: 'rejected',
  validation_status_on_hold: 'pending',
  approved: 'approved',
  'not approved': 'rejected',
  'on hold': 'pending',
}

/**
 * Whether a header is Kobo's: it has one of Kobo's metadata columns (`_uuid`, `_index`, …), or
 * no Gapkit metadata column and a group path (`group/question`).
 */
export function isKoboHeader(header: string[]): boolean {
  if (header.some((name) => MARKS.has(name))) return true
  return !header.some((name) => GAPKIT_META.has(name)) && header.some((n) => n.includes('/'))
}

// Kobo's `_submission_time` has no zone: it is UTC.
function utc(time: string | null): string | null {
  return time !== null && /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(time) ? `${time}Z` : time
}

async function readMain(
  table: FlatTable,
  resolver: VersionResolver,
  notes: string[],
  ignored: Set<string>,
) {
  const mains: MainRow[] = []
  const indexes = new Set<string>()
  let foreign = 0
  for (const { line, cells: record } of table.records) {
    if (isBlank(record)) continue
    checkWidth(table, line, record.length)
    const position = mains.length + 1
    const meta = new Map<MetaColumn, string>()
    const cells: [string, string][] = []
    let index = String(position)
    table.header.forEach((name, i) => {
      const text = record[i] ?? ''
      const from = FROM_KOBO.get(name)
      if (from) meta.set(from, text)
      else if (name === '_index') index = text || index
      else cells.push([name, text])
    })
    if (indexes.has(index)) {
      throw new ImportInputError(`${tableName(table)} line ${line}: _index ${index} appears twice`)
    }
    indexes.add(index)
    const row = metaRow(position, (name) => meta.get(name) || null)
    const names = new Map(KOBO_NAMES)
    row.names = names
    if (row.version !== null && !GAPKIT_VERSION.test(row.version)) {
      foreign++
      row.version = null
    }
    if (row.status === 'submitted_via_web') row.status = 'submitted'
    row.submittedAt = utc(row.submittedAt)
    if (row.reviewStatus !== null) {
      const review = REVIEWS[row.reviewStatus.toLowerCase()]
      if (review === undefined) {
        row.issues.push({
          row: position,
          question: '_validation_status',
          message: `"${row.reviewStatus}" is not validation_status_approved, validation_status_not_approved, validation_status_on_hold or empty`,
        })
      }
      row.reviewStatus = review ?? null
    }
    const loaded = await resolver.resolve(row.version)
    const main: MainRow = { row, index, sheet: null, answers: {}, version: '' }
    if (typeof loaded === 'string') {
      row.issues.push({ row: position, question: '__version__', message: loaded })
    } else {
      const sheet = resolver.koboSheet(loaded)
      const columns = columnsOf(sheet)
      for (const c of sheet.columns) if (!names.has(c.path)) names.set(c.path, c.name)
      const known = keepCells(cells, columns, ignored)
      const { answers, problems } = rebuildAnswers(columns, known, loaded.version)
      for (const p of problems) row.issues.push({ row: position, ...p })
      Object.assign(main, { sheet, answers, version: loaded.version })
    }
    mains.push(main)
  }
  if (foreign > 0) {
    notes.push(
      `${foreign} rows name a __version__ that is not a Gapkit version (KoboToolbox's own): they were checked against the current questionnaire`,
    )
  }
  return mains
}

/**
 * Reads the responses of a flat file with Kobo's headers: `table` is the CSV or the main
 * sheet, `repeats` the XLSX sheets with a `_parent_index` column (none for a CSV).
 */
export async function readKoboRows(
  table: FlatTable,
  repeats: FlatTable[],
  resolver: VersionResolver,
): Promise<KoboRead> {
  const notes: string[] = []
  const ignored = new Set<string>()
  const mains = await readMain(table, resolver, notes, ignored)
  if (table.name === '') {
    const names = new Set<string>()
    for (const { sheet } of mains) {
      for (const r of sheet ? listRepeatSheets(sheet) : []) names.add(r.name)
    }
    if (names.size > 0) {
      notes.push(
        `a CSV holds no repeats (${[...names].join(', ')}): the responses are imported without them; import the XLSX export to keep them`,
      )
    }
  } else attachRepeats(mains, repeats, table, notes, ignored)
  if (ignored.size > 0) {
    notes.push(
      `columns Gapkit has no place for were ignored: ${[...ignored].join(', ')} (KoboToolbox's own, and the form's metadata rows)`,
    )
  }
  for (const m of mains) if (m.sheet) m.row.answers = m.answers
  return { rows: mains.map((m) => m.row), notes }
}
