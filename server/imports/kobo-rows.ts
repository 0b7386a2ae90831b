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
import type { AnswerColumn, MetaColumn } from '../exports/columns.ts'
import { KOBO_META, type KoboSheet, listRepeatSheets } from '../exports/kobo.ts'
import { uniqueSheetName } from '../exports/xlsx.ts'
import { rebuildAnswers } from './csv-answers.ts'
import {
  type FlatTable,
  ImportInputError,
  type ImportRow,
  metaRow,
  tableName,
} from './import-row.ts'
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
  'meta/instanceID',
  'meta/instanceName',
  'meta/rootUuid',
  'meta/deprecatedID',
  'formhub/uuid',
])
const REPEAT_LINKS = new Set(['_index', '_parent_table_name', '_parent_index'])

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

const columnMaps = new WeakMap<KoboSheet, Map<string, AnswerColumn>>()

function columnsOf(sheet: KoboSheet): Map<string, AnswerColumn> {
  let map = columnMaps.get(sheet)
  if (!map) {
    map = new Map(sheet.columns.map((c) => [c.name, c]))
    columnMaps.set(sheet, map)
  }
  return map
}

// Kobo's `_submission_time` has no zone: it is UTC.
function utc(time: string | null): string | null {
  return time !== null && /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(time) ? `${time}Z` : time
}

/** A response read from the main table, before its repeats. */
interface MainRow {
  row: ImportRow
  index: string
  sheet: KoboSheet | null
  answers: Record<string, unknown>
  version: string
}

/** A row of a repeat sheet. */
interface RepeatRow {
  line: number
  index: string
  parent: string
  cells: [string, string][]
}

function checkWidth(table: FlatTable, line: number, length: number): void {
  if (length !== table.header.length) {
    throw new ImportInputError(
      `${tableName(table)} line ${line} has ${length} fields where the header has ${table.header.length}`,
    )
  }
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell === '')
}

async function readMain(table: FlatTable, resolver: VersionResolver, notes: string[]) {
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
      const known = cells.filter(([name]) => columns.has(name) || !KOBO_ONLY.has(name))
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

function readRepeat(table: FlatTable): RepeatRow[] {
  const at = (name: string) => table.header.indexOf(name)
  const index = at('_index')
  const parent = at('_parent_index')
  if (index < 0 || parent < 0) {
    throw new ImportInputError(`${tableName(table)} has no _index or no _parent_index column`)
  }
  const seen = new Set<string>()
  const rows: RepeatRow[] = []
  for (const { line, cells } of table.records) {
    if (isBlank(cells)) continue
    checkWidth(table, line, cells.length)
    const own = cells[index] ?? ''
    if (own === '' || seen.has(own)) {
      throw new ImportInputError(
        `${tableName(table)} line ${line}: _index ${own ? `${own} appears twice` : 'is empty'}`,
      )
    }
    seen.add(own)
    const answers: [string, string][] = []
    table.header.forEach((name, i) => {
      if (!REPEAT_LINKS.has(name) && !name.startsWith('_submission_')) {
        answers.push([name, cells[i] ?? ''])
      }
    })
    rows.push({ line, index: own, parent: cells[parent] ?? '', cells: answers })
  }
  return rows
}

/** Each repeat's parent (`''` for the main sheet), over the versions the file's rows answered. */
function listParents(mains: MainRow[]): Map<string, string> {
  const parents = new Map<string, string>()
  const visit = (sheet: KoboSheet, parent: string) => {
    for (const child of sheet.children) {
      if (!parents.has(child.name)) parents.set(child.name, parent)
      visit(child, child.name)
    }
  }
  const done = new Set<KoboSheet>()
  for (const { sheet } of mains) {
    if (sheet && !done.has(sheet)) {
      done.add(sheet)
      visit(sheet, '')
    }
  }
  return parents
}

// A repeat's sheet is named after it, as Kobo names it (cut to Excel's 31 characters).
function matchRepeat(table: FlatTable, repeats: string[]): string | undefined {
  const name = table.name.toLowerCase()
  return repeats.find(
    (r) => r.toLowerCase() === name || uniqueSheetName(r, new Set()).toLowerCase() === name,
  )
}

/**
 * Rebuilds the repeats of every response from the repeat sheets. A sheet that is no repeat of
 * the questionnaire, or a row whose parent row is missing, refuses the whole file.
 */
function attachRepeats(mains: MainRow[], tables: FlatTable[], main: FlatTable, notes: string[]) {
  const parents = listParents(mains)
  const byRepeat = new Map<string, { table: FlatTable; rows: RepeatRow[] }>()
  for (const table of tables) {
    const repeat = matchRepeat(table, [...parents.keys()])
    if (repeat === undefined) {
      throw new ImportInputError(`${tableName(table)} is not a repeat of this questionnaire`)
    }
    byRepeat.set(repeat, { table, rows: readRepeat(table) })
  }
  const missing = [...parents.keys()].filter((r) => !byRepeat.has(r))
  if (missing.length > 0) {
    notes.push(
      `the file has no sheet for the repeats ${missing.join(', ')}: the responses are imported without them`,
    )
  }
  // Every row's parent must be a row of its parent's sheet.
  const children = new Map<string, Map<string, RepeatRow[]>>()
  for (const [repeat, { table, rows }] of byRepeat) {
    const parent = parents.get(repeat) ?? ''
    const parentTable = parent === '' ? main : byRepeat.get(parent)?.table
    const known = new Set(
      parent === ''
        ? mains.map((m) => m.index)
        : (byRepeat.get(parent)?.rows ?? []).map((r) => r.index),
    )
    const grouped = new Map<string, RepeatRow[]>()
    for (const row of rows) {
      if (!known.has(row.parent)) {
        const of = parentTable ? tableName(parentTable) : `the missing sheet "${parent}"`
        throw new ImportInputError(
          `${tableName(table)} line ${row.line}: _parent_index: "${row.parent}" is no _index of ${of}`,
        )
      }
      const list = grouped.get(row.parent) ?? []
      list.push(row)
      grouped.set(row.parent, list)
    }
    children.set(repeat, grouped)
  }
  for (const m of mains) {
    if (!m.sheet) continue
    const build = (sheet: KoboSheet, record: Record<string, unknown>, index: string) => {
      for (const child of sheet.children) {
        const rows = children.get(child.name)?.get(index)
        const key = child.keys[0]
        if (!rows || key === undefined) continue
        const table = byRepeat.get(child.name)?.table
        record[key] = rows.map((r) => {
          const { answers, problems } = rebuildAnswers(columnsOf(child), r.cells, m.version)
          for (const p of problems) {
            const where = table ? `${tableName(table)} line ${r.line}` : child.name
            m.row.issues.push({
              row: m.row.row,
              question: p.question,
              message: `${p.message} (${where})`,
            })
          }
          build(child, answers, r.index)
          return answers
        })
      }
    }
    build(m.sheet, m.answers, m.index)
  }
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
  const mains = await readMain(table, resolver, notes)
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
  } else attachRepeats(mains, repeats, table, notes)
  for (const m of mains) if (m.sheet) m.row.answers = m.answers
  return { rows: mains.map((m) => m.row), notes }
}
