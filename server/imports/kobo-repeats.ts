/**
 * The repeat sheets of an XLSX file with Kobo's headers: each row names its parent row by
 * `_parent_index` (the parent's `_index`, in the main sheet or the enclosing repeat's sheet) and
 * becomes one record of its repeat, in sheet order. A sheet that is no repeat, or a row whose
 * parent is missing, refuses the whole file; a row no response takes is a problem of its
 * response.
 */
import type { KoboSheet } from '../exports/kobo.ts'
import { uniqueSheetName } from '../exports/xlsx.ts'
import { rebuildAnswers } from './csv-answers.ts'
import { type FlatTable, ImportInputError, type ImportRow, tableName } from './import-row.ts'
import { checkWidth, columnsOf, isBlank, keepCells } from './kobo-cells.ts'

const REPEAT_LINKS = new Set(['_index', '_parent_table_name', '_parent_index'])

/** A response read from the main table, before its repeats. */
export interface MainRow {
  row: ImportRow
  index: string
  sheet: KoboSheet | null
  answers: Record<string, unknown>
  version: string
}

/** A row of a repeat sheet. */
interface RepeatRow {
  line: number
  index: string
  parent: string
  cells: [string, string][]
}

function readRepeat(table: FlatTable): RepeatRow[] {
  const at = (name: string) => table.header.indexOf(name)
  const index = at('_index')
  const parent = at('_parent_index')
  if (index < 0 || parent < 0) {
    throw new ImportInputError(`${tableName(table)} has no _index or no _parent_index column`)
  }
  const seen = new Set<string>()
  const rows: RepeatRow[] = []
  for (const { line, cells } of table.records) {
    if (isBlank(cells)) continue
    checkWidth(table, line, cells.length)
    const own = cells[index] ?? ''
    if (own === '' || seen.has(own)) {
      throw new ImportInputError(
        `${tableName(table)} line ${line}: _index ${own ? `${own} appears twice` : 'is empty'}`,
      )
    }
    seen.add(own)
    const answers: [string, string][] = []
    table.header.forEach((name, i) => {
      if (!REPEAT_LINKS.has(name) && !name.startsWith('_submission_')) {
        answers.push([name, cells[i] ?? ''])
      }
    })
    rows.push({ line, index: own, parent: cells[parent] ?? '', cells: answers })
  }
  return rows
}

/** Each repeat's parent (`''` for the main sheet), over the versions the file's rows answered. */
function listParents(mains: MainRow[]): Map<string, string> {
  const parents = new Map<string, string>()
  const visit = (sheet: KoboSheet, parent: string) => {
    for (const child of sheet.children) {
      if (!parents.has(child.name)) parents.set(child.name, parent)
      visit(child, child.name)
    }
  }
  const done = new Set<KoboSheet>()
  for (const { sheet } of mains) {
    if (sheet && !done.has(sheet)) {
      done.add(sheet)
      visit(sheet, '')
    }
  }
  return parents
}

// A repeat's sheet is named after it, as Kobo names it (cut to Excel's 31 characters).
function matchRepeat(table: FlatTable, repeats: string[]): string | undefined {
  const name = table.name.toLowerCase()
  return repeats.find(
    (r) => r.toLowerCase() === name || uniqueSheetName(r, new Set()).toLowerCase() === name,
  )
}

/**
 * Rebuilds the repeats of every response from the repeat sheets. A sheet that is no repeat of
 * the questionnaire, or a row whose parent row is missing, refuses the whole file.
 */
export function attachRepeats(
  mains: MainRow[],
  tables: FlatTable[],
  main: FlatTable,
  notes: string[],
  ignored: Set<string>,
) {
  const parents = listParents(mains)
  const byRepeat = new Map<string, { table: FlatTable; rows: RepeatRow[] }>()
  for (const table of tables) {
    const repeat = matchRepeat(table, [...parents.keys()])
    if (repeat === undefined) {
      throw new ImportInputError(`${tableName(table)} is not a repeat of this questionnaire`)
    }
    byRepeat.set(repeat, { table, rows: readRepeat(table) })
  }
  const missing = [...parents.keys()].filter((r) => !byRepeat.has(r))
  if (missing.length > 0) {
    notes.push(
      `the file has no sheet for the repeats ${missing.join(', ')}: the responses are imported without them`,
    )
  }
  // Every row's parent must be a row of its parent's sheet.
  const children = new Map<string, Map<string, RepeatRow[]>>()
  for (const [repeat, { table, rows }] of byRepeat) {
    const parent = parents.get(repeat) ?? ''
    const parentTable = parent === '' ? main : byRepeat.get(parent)?.table
    const known = new Set(
      parent === ''
        ? mains.map((m) => m.index)
        : (byRepeat.get(parent)?.rows ?? []).map((r) => r.index),
    )
    const grouped = new Map<string, RepeatRow[]>()
    for (const row of rows) {
      if (!known.has(row.parent)) {
        const of = parentTable ? tableName(parentTable) : `the missing sheet "${parent}"`
        throw new ImportInputError(
          `${tableName(table)} line ${row.line}: _parent_index: "${row.parent}" is no _index of ${of}`,
        )
      }
      const list = grouped.get(row.parent) ?? []
      list.push(row)
      grouped.set(row.parent, list)
    }
    children.set(repeat, grouped)
  }
  const used = new Set<RepeatRow>()
  for (const m of mains) {
    if (!m.sheet) continue
    const build = (sheet: KoboSheet, record: Record<string, unknown>, index: string) => {
      for (const child of sheet.children) {
        const rows = children.get(child.name)?.get(index)
        const key = child.keys[0]
        if (!rows || key === undefined) continue
        const table = byRepeat.get(child.name)?.table
        record[key] = rows.map((r) => {
          used.add(r)
          const columns = columnsOf(child)
          const cells = keepCells(r.cells, columns, ignored)
          const { answers, problems } = rebuildAnswers(columns, cells, m.version)
          for (const p of problems) {
            const where = table ? `${tableName(table)} line ${r.line}` : child.name
            m.row.issues.push({
              row: m.row.row,
              question: p.question,
              message: `${p.message} (${where})`,
            })
          }
          build(child, answers, r.index)
          return answers
        })
      }
    }
    build(m.sheet, m.answers, m.index)
  }
  reportUnused(mains, byRepeat, parents, used)
}

/**
 * A repeat row that no response took (its repeat is not in the version its response answered,
 * or sits elsewhere in it) is a problem of that response: its data would be lost.
 */
function reportUnused(
  mains: MainRow[],
  byRepeat: Map<string, { table: FlatTable; rows: RepeatRow[] }>,
  parents: Map<string, string>,
  used: Set<RepeatRow>,
) {
  const mainOf = new Map(mains.map((m) => [m.index, m]))
  const rowOf = new Map(
    [...byRepeat].map(([name, { rows }]) => [name, new Map(rows.map((r) => [r.index, r]))]),
  )
  const owner = (repeat: string, row: RepeatRow): MainRow | undefined => {
    const parent = parents.get(repeat) ?? ''
    if (parent === '') return mainOf.get(row.parent)
    const up = rowOf.get(parent)?.get(row.parent)
    return up ? owner(parent, up) : undefined
  }
  for (const [repeat, { table, rows }] of byRepeat) {
    for (const row of rows) {
      const m = used.has(row) ? undefined : owner(repeat, row)
      if (!m?.sheet) continue
      m.row.issues.push({
        row: m.row.row,
        question: repeat,
        message: `${tableName(table)} line ${row.line}: no such repeat there in questionnaire version ${m.version}`,
      })
    }
  }
}
