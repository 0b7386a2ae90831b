/**
 * The CSV of a `select_one_from_file` list (RFC 4180: commas, double-quoted fields with `""`
 * for a quote, CRLF or LF), read into rows like a sheet's.
 */
import type { SheetRow } from './workbook.ts'

/** Splits CSV text into records of fields. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  const source = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** A CSV file as a sheet: its header and rows, numbered as a spreadsheet would (header = 1). */
export function csvRows(text: string): { headers: string[]; rows: SheetRow[] } {
  const [head = [], ...body] = parseCsv(text)
  const headers = head.map((h) => h.trim())
  const rows: SheetRow[] = []
  body.forEach((fields, i) => {
    const cells = new Map<string, string>()
    headers.forEach((header, j) => {
      const value = fields[j]?.trim()
      if (header && value) cells.set(header, value)
    })
    if (cells.size > 0) rows.push({ row: i + 2, cells })
  })
  return { headers, rows }
}
