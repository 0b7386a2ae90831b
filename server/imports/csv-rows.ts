/**
 * Reads a flat export (a CSV file, or an XLSX sheet) back into import rows: metadata columns by
 * name, answer columns rebuilt with the columns of the version each row names. Columns may come
 * in any order; missing metadata columns are left to defaults. A header in Kobo's style
 * (`kobo-rows.ts`) is read with Kobo's column names.
 */
import { unneutralise } from '../exports/cells.ts'
import { META_NAMES, type MetaColumn } from '../exports/columns.ts'
import { rebuildAnswers } from './csv-answers.ts'
import {
  type FlatTable,
  ImportInputError,
  type ImportRow,
  metaRow,
  tableName,
} from './import-row.ts'
import { isKoboHeader, type KoboRead, readKoboRows } from './kobo-rows.ts'
import { CsvSyntaxError, readCsv } from './read-csv.ts'
import type { VersionResolver } from './versions.ts'

const META = new Set<string>(META_NAMES)

function isMeta(name: string): name is MetaColumn {
  return META.has(name)
}

function readRecords(text: string, delimiter: ',' | ';'): string[][] {
  try {
    return readCsv(text, delimiter)
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportInputError(`CSV: ${error.message}`)
    throw error
  }
}

/** Refuses a header naming a column twice. */
export function checkHeader(table: FlatTable): void {
  const seen = new Set<string>()
  const where = tableName(table)
  for (const name of table.header) {
    if (seen.has(name)) throw new ImportInputError(`${where}: column "${name}" appears twice`)
    seen.add(name)
  }
}

/**
 * KoboToolbox's own CSV: every field quoted, separated by `;`, numbers with a decimal point
 * and text as typed (never neutralised).
 */
const KOBO_CSV_HEADER = /^\uFEFF?"[^"]*"(;"[^"]*")+$/

/** Reads every data row of a CSV export; a file that is not a usable CSV throws `ImportInputError`. */
export async function readCsvRows(text: string, resolver: VersionResolver): Promise<KoboRead> {
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? ''
  const kobo = KOBO_CSV_HEADER.test(firstLine)
  // The semicolon variant made for Excel in fr, it, ro, sl and sv writes numbers with decimal
  // commas, which cannot be told apart from text on the way back: say which file to use.
  if (!kobo && firstLine.includes(';') && !firstLine.includes(',')) {
    throw new ImportInputError(
      'this CSV is separated by semicolons (the export made for Excel, with decimal commas): import the comma-separated CSV export or the JSON export instead',
    )
  }
  const [header, ...records] = readRecords(text, kobo ? ';' : ',')
  if (!header || (header.length === 1 && header[0] === '')) {
    throw new ImportInputError('the CSV file is empty')
  }
  const cell = kobo ? (text: string) => text : unneutralise
  const table: FlatTable = {
    name: '',
    header: header.map((h) => cell(h.trim())),
    records: records.map((cells, i) => ({ line: i + 2, cells: cells.map(cell) })),
  }
  return readFlatRows(table, [], resolver)
}

/**
 * Reads the rows of a flat export's main table, Kobo's way when its header is Kobo's (with the
 * repeat sheets given, for XLSX), else Gapkit's.
 */
export async function readFlatRows(
  table: FlatTable,
  repeats: FlatTable[],
  resolver: VersionResolver,
): Promise<KoboRead> {
  checkHeader(table)
  if (isKoboHeader(table.header)) return readKoboRows(table, repeats, resolver)
  return { rows: await readGapkitRows(table, resolver), notes: [] }
}

async function readGapkitRows(table: FlatTable, resolver: VersionResolver): Promise<ImportRow[]> {
  const names = table.header
  const where = tableName(table)
  const rows: ImportRow[] = []
  for (const { cells: record } of table.records) {
    // A blank line (often the last one) is no response.
    if (record.every((cell) => cell === '')) continue
    const position = rows.length + 1
    if (record.length !== names.length) {
      throw new ImportInputError(
        `${where} row ${position} has ${record.length} fields where the header has ${names.length}`,
      )
    }
    const meta = new Map<MetaColumn, string>()
    const cells: [string, string][] = []
    names.forEach((name, i) => {
      const text = record[i] ?? ''
      if (isMeta(name)) meta.set(name, text)
      else cells.push([name, text])
    })
    const row = metaRow(position, (name) => {
      const value = meta.get(name)
      return value === undefined || value === '' ? null : value
    })
    const loaded = await resolver.resolve(row.version)
    if (typeof loaded === 'string') {
      row.issues.push({ row: position, question: 'version', message: loaded })
    } else {
      const { answers, problems } = rebuildAnswers(resolver.columns(loaded), cells, loaded.version)
      row.answers = answers
      for (const p of problems) row.issues.push({ row: position, ...p })
    }
    rows.push(row)
  }
  return rows
}
