/**
 * Kobo-style headers for the flat exports: the columns KoboToolbox writes for a form exported
 * with "XML values and headers" and groups in the headers (its API's default), so that a
 * questionnaire converted from XLSForm exports the same columns as in Kobo. Questions are named
 * by their XML path (`profile/age`, `g1/g2/q`); a select_multiple is its space-separated codes
 * plus one 0/1 column per option (`crops/maize`); calculations have a column; each repeat is a
 * sheet of its own (XLSX), its rows linked to their parent by `_index`, `_parent_table_name` and
 * `_parent_index`; metadata take Kobo's names where Gapkit holds the same thing.
 */
import { PanelModel, Question, QuestionPanelDynamicModel, type SurveyModel } from 'survey-core'
import { isRecord } from '../../surveys/json.ts'
import { createModel } from '../../surveys/survey-model.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { type Cell, readCell, readKeys } from './cells.ts'
import { type AnswerColumn, listQuestionColumns, type MetaColumn, mergeColumns } from './columns.ts'

export const HEADER_STYLES = ['kobo', 'gapkit'] as const
/** `kobo`: Kobo's column names and sheets; `gapkit`: Gapkit's own (`q.option`, one JSON column per repeat). */
export type HeaderStyle = (typeof HEADER_STYLES)[number]

/** A sheet of a Kobo-style export: the main one, or a repeat's. */
export interface KoboSheet {
  /** The repeat's name (its sheet's name), or `''` for the main sheet. */
  name: string
  /** Keys from a record of the parent sheet down to this repeat's list of records. */
  keys: string[]
  /** Answer columns; keys are read from one record of this sheet. */
  columns: AnswerColumn[]
  /** The repeats inside, in document order. */
  children: KoboSheet[]
}

/**
 * Kobo's metadata columns of the main sheet that Gapkit fills, each with the Gapkit column it
 * comes from: first those Kobo writes too, in Kobo's order, then Gapkit's own, named the Kobo
 * way (a leading `_`). `_index` comes last. Kobo's `_notes`, `_submitted_by` and `_tags` have no
 * Gapkit equivalent and are not written.
 */
export const KOBO_META: readonly (readonly [string, MetaColumn])[] = [
  ['__version__', 'version'],
  ['_id', 'id'],
  ['_uuid', 'submission_key'],
  ['_submission_time', 'submitted_at'],
  ['_validation_status', 'review_status'],
  ['_status', 'status'],
  ['_survey', 'survey'],
  ['_region', 'region'],
  ['_region_name', 'region_name'],
  ['_wave', 'wave'],
  ['_group', 'group'],
  ['_language', 'language'],
  ['_created_at', 'created_at'],
  ['_updated_at', 'updated_at'],
  ['_review_note', 'review_note'],
  ['_reviewed_at', 'reviewed_at'],
]

/** The main sheet's metadata columns whose values a repeat row repeats (`_submission__id`, …). */
const SUBMISSION_COPIES = ['_id', '_uuid', '_submission_time', '_validation_status', '_status']

/** What each column Kobo adds holds, for the codebook. */
export const KOBO_AUTO_DESCRIPTIONS: Record<string, string> = {
  _index: 'row number in this sheet (1, 2, …), which the rows of repeats name as _parent_index',
  _parent_table_name: 'the sheet of the parent row: the questionnaire title or a repeat name',
  _parent_index: '_index of the parent row',
  _submission__id: '_id of the response',
  _submission__uuid: '_uuid of the response',
  _submission__submission_time: '_submission_time of the response',
  _submission__validation_status: '_validation_status of the response',
  _submission__status: '_status of the response',
}

function importNote(json: SurveyJson): Record<string, unknown> | undefined {
  const gapkit = json.gapkit
  return isRecord(gapkit) && isRecord(gapkit.import) ? gapkit.import : undefined
}

/** `kobo` for a questionnaire converted from XLSForm (`gapkit.import.format`), else `gapkit`. */
export function defaultHeaders(json: SurveyJson): HeaderStyle {
  return importNote(json)?.format === 'xlsform' ? 'kobo' : 'gapkit'
}

/** The converter's XML paths (`gapkit.import.xmlPaths`), in sheet order; none for other questionnaires. */
function listXmlPaths(json: SurveyJson): string[] {
  const paths = importNote(json)?.xmlPaths
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : []
}

interface Field {
  path: string
  columns: AnswerColumn[]
}

interface Draft {
  name: string
  keys: string[]
  fields: Field[]
  children: KoboSheet[]
}

interface Walk {
  /** XML path by element name, from the converter; a name not in it gets its panels' path. */
  paths: Map<string, string>
  /** Whether the converter listed the form's rows (`xmlPaths`). */
  converted: boolean
  suffix: string
}

// `q` → `path`, `q.row.column` → `path/row/column`, `q.option` → `path/option`, `q-Comment` → `path-Comment`.
function koboColumns(q: Question, path: string, suffix: string): AnswerColumn[] {
  const name = q.getValueName()
  return listQuestionColumns(q, suffix).map((c) => {
    const rest =
      c.role === 'option' || c.role === 'rank'
        ? `/${String(c.option)}`
        : c.name.slice(name.length).replaceAll('.', '/')
    const column = { ...c, name: `${path}${rest}` }
    return c.role === 'joined' ? { ...column, separator: ' ' } : column
  })
}

function walk(elements: readonly unknown[], prefix: string, into: Draft, how: Walk): void {
  for (const element of elements) {
    if (element instanceof PanelModel) {
      walk(element.elements, `${prefix}${element.name}/`, into, how)
    } else if (element instanceof QuestionPanelDynamicModel) {
      const path = how.paths.get(element.name) ?? `${prefix}${element.name}`
      const child: Draft = {
        name: element.name,
        keys: [element.getValueName()],
        fields: [],
        children: [],
      }
      walk(element.template.elements, `${path}/`, child, how)
      into.children.push(finish(child, new Set(REPEAT_AUTO)))
    } else if (element instanceof Question) {
      // A hidden question the converter added itself (the count a repeat_count is bound to)
      // is no row of the form, and holds nothing once submitted: Kobo has no such column.
      if (how.converted && !element.visible && !how.paths.has(element.name)) continue
      const path = how.paths.get(element.name) ?? `${prefix}${element.name}`
      const columns = koboColumns(element, path, how.suffix)
      if (columns.length > 0) into.fields.push({ path, columns })
    }
  }
}

const MAIN_RESERVED = [...KOBO_META.map(([name]) => name), '_index']
const REPEAT_AUTO = [
  '_index',
  '_parent_table_name',
  '_parent_index',
  ...SUBMISSION_COPIES.map((name) => `_submission_${name}`),
]

// Names stay unique in a sheet: a clash with a metadata column or another column gets `_2`.
function finish(draft: Draft, reserved: Set<string>): KoboSheet {
  const columns = draft.fields.flatMap((f) => f.columns)
  const used = new Set(reserved)
  const unique = columns.map((c) => {
    let name = c.name
    for (let n = 2; used.has(name); n++) name = `${c.name}_${n}`
    used.add(name)
    return name === c.name ? c : { ...c, name }
  })
  return { name: draft.name, keys: draft.keys, columns: unique, children: draft.children }
}

// A calculation goes after the last field that comes before it in the sheet, as in Kobo; one
// the converter did not list (or of a questionnaire not converted) goes last.
function placeCalculations(model: SurveyModel, main: Draft, how: Walk, order: string[]): void {
  const rank = new Map(order.map((p, i) => [p, i]))
  for (const value of model.calculatedValues) {
    if (!value.includeIntoResult) continue
    const path = how.paths.get(value.name) ?? value.name
    const column: AnswerColumn = {
      name: path,
      keys: [value.name],
      path: value.name,
      role: 'value',
      type: 'calculate',
      kind: 'expression',
      title: value.name,
      codes: [],
    }
    const at = rank.get(path)
    let index = main.fields.length
    if (at !== undefined) {
      index = 0
      for (const [i, field] of main.fields.entries()) {
        const r = rank.get(field.path)
        if (r !== undefined && r < at) index = i + 1
      }
    }
    main.fields.splice(index, 0, { path, columns: [column] })
  }
}

/**
 * The Kobo-style sheets of one questionnaire version: the main sheet and its repeats, titles
 * and labels in `locale`. Group paths come from the converter's `gapkit.import.xmlPaths`, else
 * from the panels and dynamic panels a question sits in.
 *
 * @example listKoboSheets(json).columns.map((c) => c.name) // ['coop', 'profile/age', 'crops', 'crops/maize', …]
 */
export function listKoboSheets(json: SurveyJson, locale = 'en'): KoboSheet {
  const model = createModel(json)
  // Always set: a questionnaire's own `locale` (its opening language) is the model's default.
  model.locale = locale
  const order = listXmlPaths(json)
  const paths = new Map(order.map((p) => [p.slice(p.lastIndexOf('/') + 1), p]))
  const how: Walk = { paths, converted: order.length > 0, suffix: model.commentSuffix }
  const main: Draft = { name: '', keys: [], fields: [], children: [] }
  for (const page of model.pages) walk(page.elements, '', main, how)
  placeCalculations(model, main, how, order)
  return finish(main, new Set(MAIN_RESERVED))
}

/** Merges the sheets of several versions, newest first, as `mergeColumns` merges columns. */
export function mergeKoboSheets(sheets: KoboSheet[]): KoboSheet {
  const byName = new Map<string, KoboSheet[]>()
  for (const sheet of sheets) {
    for (const child of sheet.children) {
      const same = byName.get(child.name)
      if (same) same.push(child)
      else byName.set(child.name, [child])
    }
  }
  return {
    name: sheets[0]?.name ?? '',
    keys: sheets[0]?.keys ?? [],
    columns: mergeColumns(sheets.map((s) => s.columns)),
    children: [...byName.values()].map(mergeKoboSheets),
  }
}

/** Every repeat sheet under `sheet`, depth first (the order of the XLSX sheets). */
export function listRepeatSheets(sheet: KoboSheet): KoboSheet[] {
  return sheet.children.flatMap((child) => [child, ...listRepeatSheets(child)])
}

/** The main sheet's header: answer columns, metadata, `_index`. */
export function koboMainHeader(sheet: KoboSheet): string[] {
  return [...sheet.columns.map((c) => c.name), ...MAIN_RESERVED]
}

/** A repeat sheet's header: answer columns, then the columns linking a row to its parent. */
export function koboRepeatHeader(sheet: KoboSheet): string[] {
  return [...sheet.columns.map((c) => c.name), ...REPEAT_AUTO]
}

// Kobo's `_submission_time`: UTC to the second, without a zone (`2026-01-05T10:11:12`).
function koboTime(value: Cell): Cell {
  return typeof value === 'string' ? value.replace(/(\.\d+)?(Z|[+-]00:00)$/, '') : value
}

// Kobo's `_validation_status` in XML values: the status's uid; empty while not reviewed.
const VALIDATION: Record<string, string> = {
  approved: 'validation_status_approved',
  rejected: 'validation_status_not_approved',
}

/** The Kobo metadata cells of a response, from its Gapkit metadata. */
export function koboMetaCells(meta: Record<MetaColumn, Cell>): Map<string, Cell> {
  const cells = new Map<string, Cell>()
  for (const [name, from] of KOBO_META) {
    let value = meta[from]
    if (name === '_submission_time') value = koboTime(value)
    if (name === '_validation_status') value = VALIDATION[String(value)] ?? null
    cells.set(name, value)
  }
  return cells
}

/** One response as main-sheet cells, in `koboMainHeader` order; `index` is its `_index`. */
export function koboMainRow(
  sheet: KoboSheet,
  answers: Record<string, unknown>,
  meta: Map<string, Cell>,
  labels: boolean,
  index: number,
): Cell[] {
  const cells = sheet.columns.map((c) => readCell(c, answers, labels))
  for (const [name] of KOBO_META) cells.push(meta.get(name) ?? null)
  cells.push(index)
  return cells
}

/**
 * The repeat rows of one response, each with its sheet, in Kobo's order (a record, then the
 * records of the repeats inside it). `counters` holds each repeat sheet's last `_index` across
 * the export; `mainName` is the main sheet's `_parent_table_name`.
 */
export function koboRepeatRows(
  main: KoboSheet,
  mainName: string,
  answers: Record<string, unknown>,
  meta: Map<string, Cell>,
  labels: boolean,
  index: number,
  counters: Map<KoboSheet, number>,
): { sheet: KoboSheet; cells: Cell[] }[] {
  const rows: { sheet: KoboSheet; cells: Cell[] }[] = []
  const copies = SUBMISSION_COPIES.map((name) => meta.get(name) ?? null)
  const visit = (sheet: KoboSheet, record: Record<string, unknown>, name: string, at: number) => {
    for (const child of sheet.children) {
      const list = readKeys(record, child.keys)
      if (!Array.isArray(list)) continue
      for (const item of list) {
        const inner = isRecord(item) ? item : {}
        const own = (counters.get(child) ?? 0) + 1
        counters.set(child, own)
        const cells = child.columns.map((c) => readCell(c, inner, labels))
        rows.push({ sheet: child, cells: [...cells, own, name, at, ...copies] })
        visit(child, inner, child.name, own)
      }
    }
  }
  visit(main, answers, mainName, index)
  return rows
}
