/**
 * Rebuilds nested answers from the cells of a CSV export, the reverse of `readCell`: 0/1 and
 * rank columns back into lists, `q.row` and `q.row.column` back into objects, numbers parsed
 * where the question holds numbers, codes given back their type (`2`, not `'2'`).
 */
import { isRecord, type Primitive } from '../../surveys/json.ts'
import type { Answers } from '../../surveys/types.ts'
import type { AnswerColumn } from '../exports/columns.ts'

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

const codeMaps = new WeakMap<AnswerColumn, Map<string, Primitive>>()

// The code spelled by `text`, in its own type; the first wins when `1` and `'1'` both exist.
function findCode(column: AnswerColumn, text: string): Primitive | undefined {
  let map = codeMaps.get(column)
  if (!map) {
    map = new Map()
    for (const c of column.codes) if (!map.has(String(c.value))) map.set(String(c.value), c.value)
    codeMaps.set(column, map)
  }
  return map.get(text)
}

/** One value from its text, typed by the question: an unknown code stays text for validation to flag. */
export function parseValue(column: AnswerColumn, text: string): unknown {
  const code = findCode(column, text)
  if (code !== undefined) return code
  switch (column.kind) {
    case 'text':
    case 'comment':
    case 'signaturepad':
      return text
    case 'number':
      return NUMBER.test(text) ? Number(text) : text
    case 'expression':
      if (text === 'true' || text === 'false') return text === 'true'
      return NUMBER.test(text) ? Number(text) : text
    default: {
      const numeric = column.codes.some((c) => typeof c.value === 'number')
      return numeric && NUMBER.test(text) ? Number(text) : text
    }
  }
}

function setKeys(answers: Answers, keys: readonly string[], value: unknown): void {
  let at: Record<string, unknown> = answers
  for (const key of keys.slice(0, -1)) {
    const next = at[key]
    if (isRecord(next)) {
      at = next
    } else {
      const child: Record<string, unknown> = {}
      at[key] = child
      at = child
    }
  }
  const last = keys.at(-1)
  if (last !== undefined) at[last] = value
}

/** The cells of one list answer (a multi-select or ranking question, or a list cell). */
interface ListCells {
  column: AnswerColumn
  joined: string
  options: { column: AnswerColumn; text: string }[]
}

// Kobo-style headers join codes with spaces (a run of them, as a spreadsheet may leave).
function parseList(column: AnswerColumn, text: string): unknown[] {
  const parts = column.separator === ' ' ? text.trim().split(/\s+/) : text.split(';')
  return parts.map((part) => parseValue(column, part))
}

// The list from its joined column when given (it keeps the order), else from 0/1 or rank cells.
function rebuildList(cells: ListCells, problems: Problem[]): unknown[] | undefined {
  if (cells.joined !== '') return parseList(cells.column, cells.joined)
  const filled = cells.options.filter((o) => o.text !== '')
  if (filled.length === 0) return undefined
  if (cells.column.kind === 'ranking') {
    const ranked: { rank: number; value: unknown }[] = []
    for (const o of filled) {
      const rank = Number(o.text)
      if (!Number.isInteger(rank) || rank < 1) {
        problems.push({
          question: o.column.name,
          message: `a rank must be 1, 2, 3…, not "${o.text}"`,
        })
      } else ranked.push({ rank, value: o.column.option })
    }
    return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.value)
  }
  const chosen: unknown[] = []
  for (const o of filled) {
    if (o.text === '1') chosen.push(o.column.option)
    else if (o.text !== '0') {
      problems.push({ question: o.column.name, message: `expected 0 or 1, not "${o.text}"` })
    }
  }
  return chosen
}

/** A cell that cannot be read back. */
export interface Problem {
  question: string
  message: string
}

/**
 * Rebuilds one response's answers from its answer cells (header name → text, `'` prefixes
 * already removed). An empty cell is no answer. Cells of columns the version does not have
 * must be empty.
 */
export function rebuildAnswers(
  columns: Map<string, AnswerColumn>,
  cells: Iterable<[string, string]>,
  version: string,
): { answers: Answers; problems: Problem[] } {
  const answers: Answers = {}
  const problems: Problem[] = []
  const lists = new Map<string, ListCells>()
  for (const [name, text] of cells) {
    const column = columns.get(name)
    if (!column) {
      if (text !== '') {
        problems.push({
          question: name,
          message: `not a column of questionnaire version ${version}`,
        })
      }
      continue
    }
    if (column.role === 'joined' || column.role === 'option' || column.role === 'rank') {
      const key = column.keys.join('\u0000')
      const list = lists.get(key) ?? { column, joined: '', options: [] }
      if (column.role === 'joined') {
        list.column = column
        list.joined = text
      } else list.options.push({ column, text })
      lists.set(key, list)
      continue
    }
    if (text === '') continue
    if (column.role === 'json') {
      try {
        setKeys(answers, column.keys, JSON.parse(text))
      } catch {
        problems.push({ question: name, message: 'not valid JSON' })
      }
    } else if (column.role === 'comment') setKeys(answers, column.keys, text)
    else setKeys(answers, column.keys, parseValue(column, text))
  }
  for (const list of lists.values()) {
    const value = rebuildList(list, problems)
    if (value !== undefined) setKeys(answers, list.column.keys, value)
  }
  return { answers, problems }
}
