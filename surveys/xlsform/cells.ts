/**
 * The cells every row may carry, read into SurveyJS properties: texts (with `${q}` piped in),
 * expressions, yes/no cells, appearances. What cannot be translated is reported with the
 * consequence for the questionnaire.
 */
import { type LanguagePlan, localize } from './languages.ts'
import type { ProblemList } from './report.ts'
import type { RowReader } from './row-reader.ts'
import type { LocalizedText } from './types.ts'
import { type TranslateContext, translateXPath, variable } from './xpath/translate.ts'

/** What a cell reader needs: the languages, the problems, and where expressions are read. */
export interface CellContext {
  plan: LanguagePlan
  problems: ProblemList
  scope: TranslateContext
}

/**
 * The text of a column in every language, with `${q}` written as SurveyJS's `{q}`; a name that
 * is no question is left as written and reported.
 */
export function readText(
  reader: RowReader,
  column: string,
  ctx: CellContext,
): LocalizedText | undefined {
  const text = localize(reader.text(column), reader.translations(column), ctx.plan)
  if (text === undefined) return undefined
  return mapText(text, (s) => pipe(s, reader, column, ctx))
}

/** Applies `fn` to a localized text in every language. */
export function mapText(text: LocalizedText, fn: (s: string) => string): LocalizedText {
  if (typeof text === 'string') return fn(text)
  return Object.fromEntries(Object.entries(text).map(([k, v]) => [k, fn(v)]))
}

function pipe(text: string, reader: RowReader, column: string, ctx: CellContext): string {
  return text.replace(/\$\{\s*([^}]*?)\s*\}/g, (written, name: string) => {
    try {
      return `{${variable(name, ctx.scope)}}`
    } catch (error) {
      ctx.problems.warning(reader.place(column), `${(error as Error).message}; left as written`)
      return written
    }
  })
}

/**
 * A column's expression in SurveyJS syntax, or undefined when the cell is empty or cannot be
 * translated (reported, with `consequence`: what the questionnaire does instead).
 */
export function readExpression(
  reader: RowReader,
  column: string,
  ctx: CellContext,
  consequence: string,
): string | undefined {
  const source = reader.text(column)
  if (!source) return undefined
  const translated = translateXPath(source, ctx.scope)
  if (translated.ok) return translated.expression
  ctx.problems.warning(reader.place(column), `${translated.reason}; ${consequence}`)
  return undefined
}

const YES = /^(yes|true|true\(\)|1)$/i
const NO = /^(no|false|false\(\)|0)$/i

/** A yes/no cell: true, false, or the text when it is neither (an expression). */
export function readFlag(reader: RowReader, column: string): boolean | string {
  const text = reader.text(column)
  if (!text || NO.test(text)) return false
  return YES.test(text) ? true : text
}

/** The `appearance` cell, whose words are taken one by one; the rest is reported. */
export class Appearances {
  private readonly words: string[]
  private readonly taken = new Set<string>()

  constructor(private readonly reader: RowReader) {
    this.words = (reader.text('appearance') ?? '').split(/\s+/).filter(Boolean)
  }

  /** Whether the cell holds `word` (case-insensitive); marks it as used. */
  take(word: string): boolean {
    const found = this.words.find((w) => w.toLowerCase() === word)
    if (found) this.taken.add(found)
    return found !== undefined
  }

  /** The first word matching `pattern`, marked as used. */
  takeMatch(pattern: RegExp): RegExpExecArray | null {
    for (const word of this.words) {
      const match = pattern.exec(word.toLowerCase())
      if (match) {
        this.taken.add(word)
        return match
      }
    }
    return null
  }

  /** Reports every word not used. */
  reportRest(problems: ProblemList): void {
    for (const word of this.words) {
      if (this.taken.has(word)) continue
      problems.warning(
        this.reader.place('appearance', word),
        `the appearance "${word}" has no equivalent in Gapkit's form: ignored`,
      )
    }
  }
}

/** Reports each cell of the row that nothing read. */
export function reportUnread(reader: RowReader, problems: ProblemList): void {
  for (const cell of reader.unread()) {
    problems.warning(
      { sheet: reader.sheet, row: reader.row, column: cell.header, text: cell.text },
      'this column is not converted: ignored',
    )
  }
}
