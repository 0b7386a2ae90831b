/**
 * Writes an XLSForm workbook from rows: the inverse of reading one, for the example workbook,
 * templates and tests.
 */

/** A cell as written: text, a number, a yes/no, or empty. */
export type CellInput = string | number | boolean | null | undefined

/** Sheet name → rows, the header first. */
export type WorkbookRows = Record<string, CellInput[][]>

/** The XLSX bytes of the sheets, in the given order, header rows bold and frozen. */
export async function writeWorkbook(sheets: WorkbookRows): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = 'Gapkit'
  // A fixed date, so that the same rows give the same workbook.
  book.created = new Date('2026-01-01T00:00:00Z')
  book.modified = book.created
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null))
    sheet.getRow(1).font = { bold: true }
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...rows.map((r) => String(r[i] ?? '').length), 8)
      column.width = Math.min(widest + 2, 60)
    })
  }
  return new Uint8Array(await book.xlsx.writeBuffer())
}
