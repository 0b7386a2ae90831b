/**
 * The survey sheet read into a tree (questions inside groups and repeats) and the table of
 * names that expressions resolve against, before any SurveyJS element is built: an expression
 * may name a question further down the sheet.
 */
import type { ProblemList } from './report.ts'
import { RowReader } from './row-reader.ts'
import { type RowType, readRowType } from './row-types.ts'
import type { Sheet } from './workbook.ts'
import type { NameInfo } from './xpath/translate.ts'

export interface QuestionNode {
  kind: 'question'
  reader: RowReader
  type: RowType
  name: string
  /** The repeats it sits in, outermost first. */
  repeats: string[]
}

export interface ContainerNode {
  kind: 'group' | 'repeat'
  reader: RowReader
  name: string
  repeats: string[]
  children: SurveyNode[]
}

export type SurveyNode = QuestionNode | ContainerNode

/** A name of the form with the row that declares it. */
export interface NameEntry extends NameInfo {
  row: number
}

export interface SurveyTree {
  nodes: SurveyNode[]
  names: Map<string, NameEntry>
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** Reads the survey sheet's rows into a tree; structural faults are errors by row. */
export function readSurveyTree(sheet: Sheet, problems: ProblemList): SurveyTree {
  const top: SurveyNode[] = []
  const names = new Map<string, NameEntry>()
  const open: ContainerNode[] = []
  const into = () => open.at(-1)?.children ?? top
  const repeats = () => open.filter((c) => c.kind === 'repeat').map((c) => c.name)
  for (const source of sheet.rows) {
    const reader = new RowReader(sheet.name, source)
    const typeText = reader.text('type')
    if (!typeText) {
      if (reader.unread().length > 0) {
        problems.warning(reader.place(null, rowSummary(reader)), 'the row has no type: left out')
      }
      continue
    }
    const type = readRowType(typeText)
    if (type.kind === 'end') {
      closeContainer(open, type.container, reader, problems)
      continue
    }
    const name = reader.text('name') ?? ''
    if (!checkName(name, typeText, reader, problems)) continue
    if (type.kind === 'begin') {
      const node: ContainerNode = {
        kind: type.container,
        reader,
        name,
        repeats: repeats(),
        children: [],
      }
      addName(
        names,
        name,
        {
          answer: type.container === 'repeat' ? 'repeat' : 'none',
          repeats: node.repeats,
          row: reader.row,
        },
        reader,
        problems,
      )
      into().push(node)
      open.push(node)
      continue
    }
    const node: QuestionNode = { kind: 'question', reader, type, name, repeats: repeats() }
    for (const [entryName, info] of namesOf(node)) {
      const entry = { ...info, ...shadowed(entryName, reader, problems), row: reader.row }
      addName(names, entryName, entry, reader, problems)
    }
    into().push(node)
  }
  for (const unclosed of open) {
    problems.error(
      unclosed.reader.place('type'),
      `"${unclosed.name}" is never closed: add an "end ${unclosed.kind}" row`,
    )
  }
  warnCaseClashes(names, problems, sheet.name)
  return { nodes: top, names }
}

function rowSummary(reader: RowReader): string {
  return reader
    .unread()
    .map((c) => c.text)
    .join(' | ')
}

function checkName(name: string, typeText: string, reader: RowReader, problems: ProblemList) {
  if (!name) {
    problems.error(reader.place('type', typeText), 'the row has no name')
    return false
  }
  if (!NAME.test(name)) {
    problems.error(
      reader.place('name'),
      'a name starts with a letter or "_" and holds only letters, digits, "_" and "-" (SurveyJS reads "." in a name as a path)',
    )
    return false
  }
  return true
}

function closeContainer(
  open: ContainerNode[],
  container: 'group' | 'repeat',
  reader: RowReader,
  problems: ProblemList,
): void {
  const current = open.at(-1)
  reader.text('name')
  if (!current) {
    problems.error(
      reader.place('type'),
      `"end ${container}" without a "begin ${container}" before it`,
    )
    return
  }
  if (current.kind !== container) {
    problems.error(
      reader.place('type'),
      `"end ${container}" closes "${current.name}", which is a ${current.kind}`,
    )
  }
  open.pop()
}

// Names the form itself sets as SurveyJS variables, which expressions read instead of a
// question of that name (SurveyJS ignores case in names).
const FORM_VARIABLES: Record<string, string> = {
  region: "Gapkit's variable for the partner link's region",
}

function shadowed(name: string, reader: RowReader, problems: ProblemList): Partial<NameInfo> {
  const variable = FORM_VARIABLES[name.toLowerCase()]
  if (!variable) return {}
  problems.warning(
    reader.place('name', name),
    `"${name}" is also ${variable}: expressions and texts cannot read this question (rename it, e.g. "${name}_name", to use it in them)`,
  )
  return { missing: `reads ${variable}, not this question: rename the question` }
}

/** The names a question row declares: its own, and `name_other` for `or_other`. */
function namesOf(node: QuestionNode): [string, NameInfo][] {
  const { type, name, repeats } = node
  switch (type.kind) {
    case 'select': {
      const answer = type.mode === 'one' ? 'choice' : 'list'
      const own: [string, NameInfo] = [name, { answer, repeats }]
      return type.orOther ? [own, [`${name}_other`, { answer: 'value', repeats }]] : [own]
    }
    case 'simple':
      if (type.type === 'calculate' && repeats.length > 0) {
        const missing = 'is a calculation inside a repeat, which is not converted'
        return [[name, { answer: 'none', repeats, missing }]]
      }
      if (type.type === 'date') return [[name, { answer: 'value', repeats, date: true }]]
      if (type.type === 'calculate') return [[name, { answer: 'value', repeats, calculated: true }]]
      return [[name, { answer: type.type === 'note' ? 'none' : 'value', repeats }]]
    case 'stand-in':
      return [[name, { answer: 'value', repeats }]]
    case 'metadata':
      return [[name, { answer: 'none', repeats, missing: 'is metadata Gapkit does not collect' }]]
    default:
      return [[name, { answer: 'none', repeats, missing: 'is a row that was not converted' }]]
  }
}

function addName(
  names: Map<string, NameEntry>,
  name: string,
  entry: NameEntry,
  reader: RowReader,
  problems: ProblemList,
): void {
  const earlier = names.get(name)
  if (earlier) {
    problems.error(
      reader.place('name', name),
      `the name "${name}" is already used on row ${earlier.row}: names must be unique in the form`,
    )
    return
  }
  names.set(name, entry)
}

// SurveyJS expressions read names without regard to case: `{Age}` is `{age}`.
function warnCaseClashes(names: Map<string, NameEntry>, problems: ProblemList, sheet: string) {
  const seen = new Map<string, string>()
  for (const [name, entry] of names) {
    const lower = name.toLowerCase()
    const other = seen.get(lower)
    if (other !== undefined) {
      problems.warning(
        { sheet, row: entry.row, column: 'name', text: name },
        `"${name}" and "${other}" differ only in case, which SurveyJS expressions do not tell apart`,
      )
    }
    seen.set(lower, name)
  }
}

/**
 * The XML path of every row that holds data, in sheet order: each question (with its
 * `name_other` text), each calculation outside a repeat and each repeat, inside the groups and
 * repeats it sits in (`household/members/age`). Kobo names its export columns with these paths.
 *
 * @example listXmlPaths(tree.nodes, tree.names) // ['coop', 'profile/age', 'loan', 'loan/amount']
 */
export function listXmlPaths(nodes: SurveyNode[], names: Map<string, NameEntry>): string[] {
  const out: string[] = []
  const visit = (list: SurveyNode[], prefix: string) => {
    for (const node of list) {
      if (node.kind === 'group') visit(node.children, `${prefix}${node.name}/`)
      else if (node.kind === 'repeat') {
        if (names.get(node.name)?.row === node.reader.row) out.push(`${prefix}${node.name}`)
        visit(node.children, `${prefix}${node.name}/`)
      } else {
        for (const name of [node.name, `${node.name}_other`]) {
          const entry = names.get(name)
          // A name declared by this row (not a clash) that holds an answer.
          if (entry?.row === node.reader.row && entry.answer !== 'none')
            out.push(`${prefix}${name}`)
        }
      }
    }
  }
  visit(nodes, '')
  return out
}
