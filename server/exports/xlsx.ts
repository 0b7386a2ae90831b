/**
 * The XLSX export, written by exceljs's streaming writer: sheet `data` (the CSV's columns,
 * numbers as numbers, text as text), sheet `codebook` (what each column holds) and sheet
 * `versions` (the questionnaire versions answered). With Kobo-style headers the main sheet is
 * named after the questionnaire's title, as Kobo names it, and each repeat has a sheet of its own. Rows are written page by page, waiting for
 * the reader, so memory stays constant. Text is stored as text cells without a formula, so a
 * leading `=` is never evaluated and needs no neutralising quote.
 */
import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { streamResponses } from '../db/repositories/response-stream.ts'
import type { Database } from '../db/schema.ts'
import type { Cell } from './cells.ts'
import { type AnswerColumn, META_DESCRIPTIONS, META_NAMES } from './columns.ts'
import {
  KOBO_AUTO_DESCRIPTIONS,
  KOBO_META,
  type KoboSheet,
  koboMetaCells,
  koboRepeatHeader,
  koboRepeatRows,
  listRepeatSheets,
} from './kobo.ts'
import { drained, ExportAborted, yieldToLoop } from './output.ts'
import { type ExportPlan, flatHeader, flatRow, metaCells, parseAnswers } from './plan.ts'

/** Excel refuses longer cells. */
const MAX_CELL_TEXT = 32767

function xlsxCell(cell: Cell): Cell {
  return typeof cell === 'string' && cell.length > MAX_CELL_TEXT
    ? cell.slice(0, MAX_CELL_TEXT)
    : cell
}

/** The codes and labels of a column as one line, e.g. `1=Very poorly; 2=Poorly`. */
export function describeCodes(column: AnswerColumn): string {
  const list = column.codes.map((c) => `${String(c.value)}=${c.label}`).join('; ')
  switch (column.role) {
    case 'option':
      return '1=chosen; 0=not chosen; empty=not answered'
    case 'rank':
      return '1=ranked first, 2=second…; empty=not ranked'
    case 'joined': {
      const by = column.separator === ' ' ? 'spaces' : `"${column.separator ?? ';'}"`
      return list ? `codes joined with ${by} — ${list}` : `values joined with ${by}`
    }
    case 'json':
      return 'JSON'
    default:
      return list
  }
}

const KOBO_DESCRIPTIONS: Record<string, string> = {
  _submission_time:
    'submitted (UTC, to the second, without a zone, as Kobo writes it); empty for a draft',
  _validation_status:
    "the lead partner's review: validation_status_approved, validation_status_not_approved, or empty while pending",
}

function answerRow(c: AnswerColumn): string[] {
  return [c.name, c.path, c.title, c.type, c.role, describeCodes(c)]
}

// Kobo-style: the main sheet's columns in its order, then each repeat's, then what Kobo adds.
function koboCodebookRows(main: KoboSheet): string[][] {
  const rows = main.columns.map(answerRow)
  for (const [name, from] of KOBO_META) {
    const what = KOBO_DESCRIPTIONS[name] ?? META_DESCRIPTIONS[from]
    rows.push([name, '', `${what} (Gapkit: ${from})`, 'metadata', '', ''])
  }
  for (const sheet of listRepeatSheets(main)) rows.push(...sheet.columns.map(answerRow))
  for (const [name, what] of Object.entries(KOBO_AUTO_DESCRIPTIONS)) {
    rows.push([name, '', what, 'metadata', '', ''])
  }
  return rows
}

/** The codebook rows: column, path, question text, type, role, codes. */
export function codebookRows(plan: ExportPlan): string[][] {
  if (plan.kobo) return koboCodebookRows(plan.kobo)
  const rows = META_NAMES.map((name) => [name, '', META_DESCRIPTIONS[name], 'metadata', '', ''])
  for (const c of plan.columns) rows.push(answerRow(c))
  return rows
}

const SHEET_NAME_MAX = 31

/**
 * A sheet name Excel accepts, unique in `taken` (which it joins), as Kobo makes them: the
 * characters `[]:*?/\` become `_`, a long name ends in `...`, a taken one in ` (1)`, ` (2)`…
 */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'|'$/g, '_') || 'data'
  // Kobo's ellipsize: a name too long for `end` keeps what fits and ends with it.
  const ending = (end: string) =>
    clean.length + end.length <= SHEET_NAME_MAX
      ? `${clean}${end}`
      : `${clean.slice(0, SHEET_NAME_MAX - end.length)}${end}`
  let candidate = clean.length > SHEET_NAME_MAX ? ending('...') : clean
  for (let n = 1; taken.has(candidate.toLowerCase()); n++) {
    candidate = clean.length > SHEET_NAME_MAX ? ending(`... (${n})`) : ending(` (${n})`)
  }
  taken.add(candidate.toLowerCase())
  return candidate
}

// exceljs's sheet stream (a StreamBuf) pushes rows into the zip without backpressure (through a
// readable-stream 2 PassThrough that archiver wraps it in), so unchecked it would buffer the
// whole sheet. Its buffered bytes are read from stream internals; should a later exceljs or
// archiver change them, the backlog reads as 0 and the export runs unthrottled, never stuck.
const MAX_BACKLOG = 4 * 1024 * 1024
const STREAM_BUF_SIZE = 64 * 1024

function bufferedBytes(stream: unknown): number {
  if (typeof stream !== 'object' || stream === null) return 0
  let total = 0
  for (const key of ['_writableState', '_readableState']) {
    const state: unknown = Reflect.get(stream, key)
    if (typeof state !== 'object' || state === null) continue
    const length: unknown = Reflect.get(state, 'length')
    if (typeof length === 'number') total += length
  }
  return total
}

function zipBacklog(sheet: object): number {
  const stream: unknown = Reflect.get(sheet, 'stream')
  if (typeof stream !== 'object' || stream === null) return 0
  const buffers: unknown = Reflect.get(stream, 'buffers')
  const pipes: unknown = Reflect.get(stream, 'pipes')
  let total = Array.isArray(buffers) ? buffers.length * STREAM_BUF_SIZE : 0
  if (Array.isArray(pipes)) for (const pipe of pipes) total += bufferedBytes(pipe)
  return total
}

/** Waits until the zip has compressed what was committed and the reader has taken it. */
async function sheetDrained(sheet: object, out: Writable): Promise<void> {
  while (zipBacklog(sheet) > MAX_BACKLOG) {
    if (out.destroyed) throw new ExportAborted('closed')
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  await drained(out)
}

type SheetWriter = { addRow(cells: unknown[]): { commit(): void }; commit(): void }

/**
 * Writes one repeat sheet in one more pass over the responses, so memory stays constant; the
 * `written` responses of the main sheet bound it, so one added meanwhile leaves no orphan row.
 */
async function writeRepeatSheet(
  db: Kysely<Database>,
  plan: ExportPlan,
  main: KoboSheet,
  sheet: KoboSheet,
  repeat: SheetWriter,
  out: Writable,
  written: number,
): Promise<void> {
  repeat.addRow(koboRepeatHeader(sheet)).commit()
  const counters = new Map<KoboSheet, number>()
  const labels = plan.labels !== null
  let read = 0
  for await (const page of streamResponses(db, plan.filter)) {
    for (const row of page.slice(0, written - read)) {
      read++
      const meta = koboMetaCells(metaCells(row))
      const rows = koboRepeatRows(
        main,
        plan.tableName,
        parseAnswers(row),
        meta,
        labels,
        read,
        counters,
      )
      for (const r of rows) if (r.sheet === sheet) repeat.addRow(r.cells.map(xlsxCell)).commit()
    }
    await sheetDrained(repeat, out)
    await yieldToLoop()
    if (read >= written) break
  }
  repeat.commit()
}

/** Writes the XLSX export to `out` and ends it; returns the number of responses written. */
export async function writeXlsx(
  db: Kysely<Database>,
  plan: ExportPlan,
  out: Writable,
  onProgress?: (written: number) => void,
): Promise<number> {
  // Loaded here, not at start-up: exceljs and its zip stack take about 0.3 s to load, which
  // `serve` and every command but `export --format xlsx` would pay for nothing.
  const { default: ExcelJS } = await import('exceljs')
  // Shared strings would keep every distinct text in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  })
  workbook.creator = 'Gapkit'
  const taken = new Set<string>()
  const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] }
  const mainName = plan.kobo ? uniqueSheetName(plan.tableName, taken) : 'data'
  taken.add(mainName.toLowerCase())
  const data = workbook.addWorksheet(mainName, frozen)
  data.addRow(flatHeader(plan)).commit()
  let written = 0
  for await (const page of streamResponses(db, plan.filter)) {
    for (const [i, row] of page.entries()) {
      data.addRow(flatRow(plan, row, written + i + 1).map(xlsxCell)).commit()
    }
    written += page.length
    onProgress?.(written)
    await sheetDrained(data, out)
    await yieldToLoop()
  }
  data.commit()

  if (plan.kobo) {
    for (const sheet of listRepeatSheets(plan.kobo)) {
      const repeat = workbook.addWorksheet(uniqueSheetName(sheet.name, taken), frozen)
      await writeRepeatSheet(db, plan, plan.kobo, sheet, repeat, out, written)
    }
  }

  const codebook = workbook.addWorksheet(uniqueSheetName('codebook', taken), frozen)
  codebook.addRow(['column', 'path', 'question', 'type', 'role', 'codes']).commit()
  for (const row of codebookRows(plan)) codebook.addRow(row.map(xlsxCell)).commit()
  codebook.commit()

  const versions = workbook.addWorksheet(uniqueSheetName('versions', taken), frozen)
  versions.addRow(['version', 'first_seen_at', 'responses', 'current', 'title']).commit()
  for (const v of plan.versions) {
    versions.addRow([v.version, v.firstSeenAt, v.responses, v.current, v.title]).commit()
  }
  versions.commit()
  await workbook.commit()
  return written
}
