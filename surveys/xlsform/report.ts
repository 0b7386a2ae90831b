/**
 * What a conversion could not carry over, by row: an `error` leaves the questionnaire unusable
 * (nothing should be saved), a `warning` names what was left out or asked differently.
 */

export type Severity = 'error' | 'warning'

/** One cell (or row, or sheet) the conversion could not translate as written. */
export interface ImportProblem {
  severity: Severity
  /** `survey`, `choices`, `settings`, `gapkit`, a choices file's name, or `''` for the workbook. */
  sheet: string
  /** The spreadsheet row (1 is the header), or null for a whole sheet or column. */
  row: number | null
  /** The column's header as written, or null for a whole row. */
  column: string | null
  /** The cell's text (or the row's type and name). */
  text: string
  /** Why, and what the questionnaire does instead. */
  reason: string
}

/** Where a problem was found. */
export type ProblemPlace = Pick<ImportProblem, 'sheet' | 'row' | 'column' | 'text'>

/** The problems of one conversion, in the order they were found. */
export class ProblemList {
  readonly items: ImportProblem[] = []

  error(place: ProblemPlace, reason: string): void {
    this.items.push({ severity: 'error', ...place, reason })
  }

  warning(place: ProblemPlace, reason: string): void {
    this.items.push({ severity: 'warning', ...place, reason })
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error')
  }
}

/**
 * One problem as a line.
 *
 * @example
 * formatProblem(problem)
 * // 'survey row 12, relevant: pulldata('x', 'y') — the function pulldata() has no SurveyJS equivalent; …'
 */
export function formatProblem(p: ImportProblem): string {
  const where = [
    [p.sheet ? `${p.sheet}` : 'workbook', p.row === null ? '' : ` row ${p.row}`].join(''),
    p.column,
  ]
    .filter(Boolean)
    .join(', ')
  const text = p.text ? `: ${clip(p.text)}` : ''
  return `${p.severity === 'error' ? 'error' : 'not converted'}: ${where}${text} — ${p.reason}`
}

function clip(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ')
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
