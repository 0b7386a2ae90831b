/**
 * The XLSX export, written by exceljs's streaming writer: sheet `data` (the CSV's columns,
 * numbers as numbers, text as text), sheet `codebook` (what each column holds) and sheet
 * `versions` (the questionnaire versions answered). Rows are written page by page, waiting for
 * the reader, so memory stays constant. Text is stored as text cells without a formula, so a
 * leading `=` is never evaluated and needs no neutralising quote.
 */
import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { streamResponses } from '../db/repositories/response-stream.ts'
import type { Database } from '../db/schema.ts'
import type { Cell } from './cells.ts'
import { type AnswerColumn, META_DESCRIPTIONS, META_NAMES } from './columns.ts'
import { drained, ExportAborted, yieldToLoop } from './output.ts'
import { type ExportPlan, flatHeader, flatRow } from './plan.ts'

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
    case 'joined':
      return list ? `codes joined with ";" — ${list}` : 'values joined with ";"'
    case 'json':
      return 'JSON'
    default:
      return list
  }
}

/** The codebook rows: column, path, question text, type, role, codes. */
export function codebookRows(plan: ExportPlan): string[][] {
  const rows = META_NAMES.map((name) => [name, '', META_DESCRIPTIONS[name], 'metadata', '', ''])
  for (const c of plan.columns) {
    rows.push([c.name, c.path, c.title, c.type, c.role, describeCodes(c)])
  }
  return rows
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
  const data = workbook.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] })
  data.addRow(flatHeader(plan)).commit()
  let written = 0
  for await (const page of streamResponses(db, plan.filter)) {
    for (const row of page) data.addRow(flatRow(plan, row).map(xlsxCell)).commit()
    written += page.length
    onProgress?.(written)
    await sheetDrained(data, out)
    await yieldToLoop()
  }
  data.commit()

  const codebook = workbook.addWorksheet('codebook', { views: [{ state: 'frozen', ySplit: 1 }] })
  codebook.addRow(['column', 'path', 'question', 'type', 'role', 'codes']).commit()
  for (const row of codebookRows(plan)) codebook.addRow(row.map(xlsxCell)).commit()
  codebook.commit()

  const versions = workbook.addWorksheet('versions', { views: [{ state: 'frozen', ySplit: 1 }] })
  versions.addRow(['version', 'first_seen_at', 'responses', 'current', 'title']).commit()
  for (const v of plan.versions) {
    versions.addRow([v.version, v.firstSeenAt, v.responses, v.current, v.title]).commit()
  }
  versions.commit()
  await workbook.commit()
  return written
}
