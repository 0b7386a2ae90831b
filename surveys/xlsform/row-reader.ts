/**
 * Reads the cells of one sheet row by column and remembers which were read, so that every
 * cell the conversion did not use can be reported instead of silently dropped.
 */
import { type RowColumns, readColumns } from './columns.ts'
import type { ProblemPlace } from './report.ts'
import type { SheetRow } from './workbook.ts'

export class RowReader {
  private readonly columns: RowColumns
  private readonly read = new Set<string>()

  constructor(
    readonly sheet: string,
    private readonly source: SheetRow,
  ) {
    this.columns = readColumns(source.cells)
  }

  get row(): number {
    return this.source.row
  }

  /** The untranslated cell of a column, marked as read. */
  text(column: string): string | undefined {
    this.read.add(column)
    return this.columns.plain.get(column)?.text
  }

  /** The translated cells of a column (language → text), marked as read. */
  translations(column: string): Map<string, string> | undefined {
    this.read.add(column)
    const byLanguage = this.columns.translated.get(column)
    if (!byLanguage) return undefined
    return new Map([...byLanguage].map(([language, cell]) => [language, cell.text]))
  }

  /** Whether any cell of the column (translated or not) holds text; does not mark it read. */
  has(column: string): boolean {
    return this.columns.plain.has(column) || this.columns.translated.has(column)
  }

  /** Where a column's cell is, for a problem: its header as written and its text. */
  place(column: string | null, text?: string): ProblemPlace {
    const plain = column === null ? undefined : this.columns.plain.get(column)
    const translated =
      column === null ? undefined : [...(this.columns.translated.get(column)?.values() ?? [])][0]
    const cell = plain ?? translated
    return {
      sheet: this.sheet,
      row: this.source.row,
      column: cell?.header ?? column,
      text: text ?? cell?.text ?? '',
    }
  }

  /** The cells not read, each with its header; Kobo's own `$…` columns are never listed. */
  unread(): { header: string; text: string }[] {
    const out: { header: string; text: string }[] = []
    for (const [column, cell] of this.columns.plain) {
      if (!this.read.has(column)) out.push(cell)
    }
    for (const [column, byLanguage] of this.columns.translated) {
      if (!this.read.has(column)) out.push(...byLanguage.values())
    }
    return out.filter((cell) => !cell.header.startsWith('$'))
  }
}
