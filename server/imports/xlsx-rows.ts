/**
 * Reads an XLSX export back into import rows: its first sheet is the flat table (Gapkit's
 * `data`, or Kobo's main sheet named after the questionnaire), and with Kobo's headers every
 * sheet with a `_parent_index` column is a repeat. Cells are read as their values: numbers and
 * booleans as JavaScript spells them, a date as ISO 8601, a formula as its cached result. XLSX
 * text was never neutralised, so no `'` is removed.
 */
import { Readable } from 'node:stream'
import { readFlatRows } from './csv-rows.ts'
import { type FlatTable, ImportInputError } from './import-row.ts'
import type { KoboRead } from './kobo-rows.ts'
import type { VersionResolver } from './versions.ts'

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    const rich: unknown = Reflect.get(value, 'richText')
    if (Array.isArray(rich))
      return rich.map((part: unknown) => cellText(Reflect.get(Object(part), 'text'))).join('')
    if ('result' in value) return cellText(Reflect.get(value, 'result'))
    if ('text' in value) return cellText(Reflect.get(value, 'text'))
  }
  return ''
}

/** Every sheet of a workbook as text; a file that is no workbook throws `ImportInputError`. */
export async function readXlsxTables(bytes: Uint8Array): Promise<FlatTable[]> {
  // Loaded here, not at start-up, as for the export: exceljs takes a while to load.
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.read(Readable.from([Buffer.from(bytes)]))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ImportInputError(`not an XLSX workbook (${reason})`)
  }
  const tables: FlatTable[] = []
  book.eachSheet((sheet) => {
    const first = sheet.getRow(1)
    const width = first.cellCount
    const read = (r: number) => {
      const row = sheet.getRow(r)
      const cells: string[] = []
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value))
      return cells
    }
    const records: FlatTable['records'] = []
    for (let r = 2; r <= sheet.rowCount; r++) records.push({ line: r, cells: read(r) })
    tables.push({ name: sheet.name, header: read(1).map((h) => h.trim()), records })
  })
  return tables
}

/** Reads the responses of an XLSX export, with their repeats when its headers are Kobo's. */
export async function readXlsxRows(
  bytes: Uint8Array,
  resolver: VersionResolver,
): Promise<KoboRead> {
  const [main, ...others] = await readXlsxTables(bytes)
  if (!main || main.header.every((h) => h === '')) {
    throw new ImportInputError('the workbook is empty')
  }
  const repeats = others.filter((t) => t.header.includes('_parent_index'))
  return readFlatRows(main, repeats, resolver)
}
