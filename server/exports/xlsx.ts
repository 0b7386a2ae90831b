/**
 * The XLSX export, written by exceljs's streaming writer: sheet `data` (the CSV's columns,
 * numbers as numbers, text as text), sheet `codebook` (what each column holds) and sheet
 * `versions` (the questionnaire versions answered). Rows are written page by page, waiting for
 * the reader, so memory stays constant. Text is stored as text cells without a formula, so a
 * leading `=` is never evaluated and needs no neutralising quote.
 */
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { streamResponses } from '../db/repositories/response-stream.ts'
import type { Database } from '../db/schema.ts'
import type { Cell } from './cells.ts'
import { type AnswerColumn, META_DESCRIPTIONS, META_NAMES } from './columns.ts'
import { drained, yieldToLoop } from './output.ts'
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

/** Writes the XLSX export to `out` and ends it; returns the number of responses written. */
export async function writeXlsx(
  db: Kysely<Database>,
  plan: ExportPlan,
  out: Writable,
  onProgress?: (written: number) => void,
): Promise<number> {
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
    // Let the zip stream compress what was committed, then wait for the reader.
    await yieldToLoop()
    await drained(out)
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
