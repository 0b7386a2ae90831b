/**
 * Choice lists: the choices sheet, the CSV of a `select_one_from_file`, and `choice_filter`
 * turned into SurveyJS's `choicesVisibleIf`.
 */
import { csvRows } from './csv.ts'
import { type LanguagePlan, localize } from './languages.ts'
import type { ProblemList } from './report.ts'
import { RowReader } from './row-reader.ts'
import type { LocalizedText } from './types.ts'
import type { SheetRow } from './workbook.ts'
import { parseXPath, type XPathNode } from './xpath/parse.ts'
import {
  type Printed,
  quote,
  type TranslateContext,
  translateNode,
  UntranslatableError,
} from './xpath/translate.ts'

/** One choice, with the other cells of its row for `choice_filter`. */
export interface ChoiceRow {
  row: number
  name: string
  label?: LocalizedText
  /** Untranslated cells by header as written (`county`, `filter`…). */
  columns: Map<string, string>
}

/** A list's choices, and the headers of its sheet or file (for `choice_filter`). */
export interface ChoiceList {
  source: string
  choices: ChoiceRow[]
  headers: Set<string>
}

const NOT_FILTER_COLUMNS = new Set(['list_name', 'name', 'label'])

/** The lists of the choices sheet by name; faults are reported by row. */
export function readChoiceLists(
  sheet: { name: string; rows: SheetRow[]; headers: string[] } | undefined,
  plan: LanguagePlan,
  problems: ProblemList,
  allowDuplicates: boolean,
): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>()
  if (!sheet) return lists
  const headers = new Set(sheet.headers)
  for (const source of sheet.rows) {
    const reader = new RowReader(sheet.name, source)
    const list = reader.text('list_name')
    if (!list) {
      problems.warning(reader.place(null), 'the row has no list_name: left out')
      continue
    }
    const choice = readChoice(reader, plan, problems, 'list_name')
    if (!choice) continue
    const entry = lists.get(list) ?? { source: sheet.name, choices: [], headers }
    addChoice(entry, choice, reader, problems, allowDuplicates)
    lists.set(list, entry)
  }
  return lists
}

/** The list of a `select_one_from_file` CSV (`name` and `label` columns, or `parameters`). */
export function readChoiceFile(
  file: string,
  text: string,
  columns: { value: string; label: string },
  plan: LanguagePlan,
  problems: ProblemList,
): ChoiceList {
  const { headers, rows } = csvRows(text)
  const entry: ChoiceList = { source: file, choices: [], headers: new Set(headers) }
  for (const source of rows) {
    const renamed = new Map<string, string>()
    for (const [header, value] of source.cells) {
      const as = header === columns.value ? 'name' : header === columns.label ? 'label' : header
      renamed.set(as, value)
    }
    const reader = new RowReader(file, { row: source.row, cells: renamed })
    const choice = readChoice(reader, plan, problems, null)
    if (choice) addChoice(entry, choice, reader, problems, false)
  }
  return entry
}

function readChoice(
  reader: RowReader,
  plan: LanguagePlan,
  problems: ProblemList,
  listColumn: string | null,
): ChoiceRow | null {
  const name = reader.text('name') ?? reader.text('value')
  if (!name) {
    problems.error(reader.place(listColumn ?? 'label'), 'the choice has no name')
    return null
  }
  const label = localize(reader.text('label'), reader.translations('label'), plan)
  for (const column of ['media::image', 'media::big-image', 'media::audio', 'media::video']) {
    if (reader.has(column)) {
      reader.text(column)
      reader.translations(column)
      problems.warning(reader.place(column), 'images and sounds of choices are not carried over')
    }
  }
  const columns = new Map<string, string>()
  for (const cell of reader.unread()) {
    if (!NOT_FILTER_COLUMNS.has(cell.header)) columns.set(cell.header, cell.text)
  }
  return { row: reader.row, name, ...(label === undefined ? {} : { label }), columns }
}

function addChoice(
  list: ChoiceList,
  choice: ChoiceRow,
  reader: RowReader,
  problems: ProblemList,
  allowDuplicates: boolean,
): void {
  const earlier = list.choices.find((c) => c.name === choice.name)
  if (earlier && !allowDuplicates) {
    problems.error(
      reader.place('name', choice.name),
      `the choice "${choice.name}" is already in this list (row ${earlier.row})`,
    )
    return
  }
  list.choices.push(choice)
}

/** A choice as SurveyJS JSON: the bare value, or `{ value, text }`. */
export function choiceJson(choice: ChoiceRow): unknown {
  return choice.label === undefined ? choice.name : { value: choice.name, text: choice.label }
}

/**
 * `choice_filter` as `choicesVisibleIf`. A filter that reads only `name` becomes one
 * expression on `{item}`; a filter on other columns of the list is read once per choice with
 * that choice's cells, and choices with the same reading share one clause:
 * `({item} anyof ['c1', 'c2'] and ('nord' = {region})) or …`. Throws `UntranslatableError`.
 */
export function choiceFilter(
  filter: string,
  list: ChoiceList,
  ctx: TranslateContext,
  withOther: boolean,
): string {
  const node = parseXPath(filter)
  const used = bareNames(node)
  for (const column of used) {
    if (column !== 'name' && !list.headers.has(column)) {
      throw new UntranslatableError(`${list.source} has no column "${column}"`)
    }
  }
  const onItem = [...used].every((column) => column === 'name')
  const expression = onItem
    ? translateNode(node, { ...ctx, column: () => ({ text: '{item}', level: 7 }) }).text
    : perChoice(node, list, ctx)
  return withOther ? `{item} = 'other' or (${expression})` : expression
}

function perChoice(node: XPathNode, list: ChoiceList, ctx: TranslateContext): string {
  const groups = new Map<string, string[]>()
  for (const choice of list.choices) {
    const cell = (column: string): Printed => ({
      text: quote(column === 'name' ? choice.name : (choice.columns.get(column) ?? '')),
      level: 7,
    })
    const text = translateNode(node, { ...ctx, column: cell }).text
    groups.set(text, [...(groups.get(text) ?? []), choice.name])
  }
  if (groups.size === 1) return [...groups.keys()][0] ?? 'true'
  return [...groups]
    .map(([text, names]) => `({item} anyof [${names.map(quote).join(', ')}] and (${text}))`)
    .join(' or ')
}

function bareNames(node: XPathNode, out = new Set<string>()): Set<string> {
  if (node.kind === 'name') out.add(node.name)
  if (node.kind === 'negate') bareNames(node.operand, out)
  if (node.kind === 'binary') {
    bareNames(node.left, out)
    bareNames(node.right, out)
  }
  if (node.kind === 'call') for (const arg of node.args) bareNames(arg, out)
  return out
}
