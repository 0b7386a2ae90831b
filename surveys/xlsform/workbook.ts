/**
 * Reads an XLSX workbook into plain sheets of text: a header row and the rows under it, each
 * with its spreadsheet row number, every cell as the text a person sees (numbers as written,
 * formulas as their result, rich text flattened, Excel booleans as `true` / `false`).
 */

/** One row under the header: its row number in the spreadsheet and its non-empty cells. */
export interface SheetRow {
  row: number
  /** Header as written → the cell's text, trimmed; empty cells are absent. */
  cells: Map<string, string>
}

/** One sheet: its name as written, its headers in column order, its rows. */
export interface Sheet {
  name: string
  headers: string[]
  rows: SheetRow[]
  /** Headers written twice (the later column is read). */
  duplicateHeaders: string[]
}

/** A workbook that cannot be opened (not XLSX, damaged). */
export class WorkbookError extends Error {
  override name = 'WorkbookError'
}

type ExcelWorksheet = import('exceljs').Worksheet
type ExcelCellValue = import('exceljs').CellValue

/** Every sheet of an XLSX workbook, in workbook order. */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  // Loaded here: exceljs and its zip stack cost about 0.3 s, which other commands do not pay.
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  try {
    // exceljs's typings predate Node's generic Buffer.
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (error) {
    throw new WorkbookError(`not an XLSX workbook (${(error as Error).message})`)
  }
  return book.worksheets.map(readSheet)
}

function readSheet(sheet: ExcelWorksheet): Sheet {
  const lines: { row: number; values: string[] }[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = []
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      values[column - 1] = cellText(cell.value)
    })
    if (values.some((v) => v !== '')) lines.push({ row: rowNumber, values })
  })
  const [head, ...body] = lines
  const headers = Array.from(head?.values ?? [], (h) => h ?? '')
  const seen = new Set<string>()
  const duplicateHeaders = headers.filter((h) => h !== '' && (seen.has(h) || !seen.add(h)))
  const rows = body.map(({ row, values }) => {
    const cells = new Map<string, string>()
    headers.forEach((header, i) => {
      const value = values[i]
      if (header !== '' && value) cells.set(header, value)
    })
    return { row, cells }
  })
  return { name: sheet.name, headers, rows, duplicateHeaders }
}

/** The text of a cell value as exceljs gives it. */
export function cellText(value: ExcelCellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim()
  if ('formula' in value || 'sharedFormula' in value)
    return cellText(value.result as ExcelCellValue)
  if ('hyperlink' in value) return cellText(value.text as ExcelCellValue)
  return ''
}
