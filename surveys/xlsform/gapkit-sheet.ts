/**
 * The optional `gapkit` sheet: the analysis meaning of the form, written as rows instead of
 * JSON. A row of type `dimension` (or no type) declares a gap: `id`, `label` (`label::fr`…),
 * `kind`, and the questions `current` and `target`. Setting rows give their `value`:
 * `suppress_below`, `analysis` (with `analysis_role` rows: `id` the role, `value` the
 * question), `group_by` (question names) and `one_per_link`. The result is the questionnaire's
 * `gapkit` block, each fault reported on its row.
 */
import { readQuestionItems } from '../../analysis/questions.ts'
import { listQuestionShapes, parseGapkitBlock } from '../definition.ts'
import { isRecord } from '../json.ts'
import type { SurveyJson } from '../types.ts'
import { readFlag, reportUnread } from './cells.ts'
import { type LanguagePlan, localize } from './languages.ts'
import type { ProblemList } from './report.ts'
import { RowReader } from './row-reader.ts'
import type { NameEntry } from './structure.ts'
import type { Sheet } from './workbook.ts'

const KINDS = ['current-target', 'importance-performance']
const SETTINGS = ['suppress_below', 'analysis', 'analysis_role', 'group_by', 'one_per_link']

export interface GapkitSheetContext {
  json: SurveyJson
  names: ReadonlyMap<string, NameEntry>
  plan: LanguagePlan
  problems: ProblemList
}

/** The `gapkit` block the sheet declares (empty when there is no sheet). */
export function readGapkitSheet(
  sheet: Sheet | undefined,
  ctx: GapkitSheetContext,
): Record<string, unknown> {
  if (!sheet) return {}
  const block: Record<string, unknown> = {}
  const dimensions: Record<string, unknown>[] = []
  const roles: Record<string, unknown> = {}
  let analysisRow: RowReader | null = null
  const numeric = numericQuestions(ctx.json)
  for (const source of sheet.rows) {
    const reader = new RowReader(sheet.name, source)
    const type = (reader.text('type') ?? 'dimension').toLowerCase()
    if (type === 'dimension') {
      const dimension = readDimension(reader, ctx, numeric, dimensions)
      if (dimension) dimensions.push(dimension)
    } else if (type === 'analysis') {
      analysisRow = reader
      block.analysis = { kind: reader.text('value') ?? '' }
    } else if (type === 'analysis_role') {
      const role = reader.text('id') ?? ''
      const value = reader.text('value') ?? ''
      roles[role] = role === 'ratings' || /\s/.test(value) ? value.split(/\s+/) : value
    } else if (SETTINGS.includes(type)) {
      readSetting(type, reader, block, ctx)
    } else {
      reader.text('value')
      ctx.problems.error(
        reader.place('type'),
        `unknown row type "${type}" (dimension, ${SETTINGS.join(', ')})`,
      )
    }
    reportUnread(reader, ctx.problems)
  }
  if (dimensions.length > 0) block.dimensions = dimensions
  if (Object.keys(roles).length > 0 && isRecord(block.analysis)) block.analysis.roles = roles
  checkPart(block, 'analysis', analysisRow, ctx)
  return block
}

function readDimension(
  reader: RowReader,
  ctx: GapkitSheetContext,
  numeric: Set<string>,
  earlier: Record<string, unknown>[],
): Record<string, unknown> | null {
  const id = reader.text('id')
  const kind = reader.text('kind') ?? 'current-target'
  const label = localize(reader.text('label'), reader.translations('label'), ctx.plan)
  const current = questionOf(reader, 'current', ctx, numeric)
  const target = questionOf(reader, 'target', ctx, numeric)
  if (!id) {
    ctx.problems.error(reader.place('id'), 'a dimension needs an id')
    return null
  }
  if (earlier.some((d) => d.id === id)) {
    ctx.problems.error(reader.place('id'), `the dimension "${id}" is declared twice`)
    return null
  }
  if (!KINDS.includes(kind)) {
    ctx.problems.error(reader.place('kind'), `kind must be ${KINDS.join(' or ')}`)
    return null
  }
  if (!current || !target) return null
  return { id, ...(label === undefined ? {} : { label }), kind, current, target }
}

/** The question a `current` or `target` cell names (`q` or `${q}`), checked to hold a number. */
function questionOf(
  reader: RowReader,
  column: 'current' | 'target',
  ctx: GapkitSheetContext,
  numeric: Set<string>,
): string | null {
  const text = reader.text(column)
  const name = text?.replace(/^\$\{\s*(.*?)\s*\}$/, '$1')
  if (!name) {
    ctx.problems.error(reader.place(column), `a dimension needs its "${column}" question`)
    return null
  }
  const entry = ctx.names.get(name)
  const problem = !entry
    ? 'names no question of the survey sheet'
    : entry.repeats.length > 0
      ? `is inside the repeat "${entry.repeats.at(-1)}": a dimension reads one answer per respondent`
      : !numeric.has(name)
        ? 'is not a number question: a dimension reads integer, decimal, range, or select_one with number choice names and the likert appearance'
        : null
  if (problem) {
    ctx.problems.error(reader.place(column), `"${name}" ${problem}`)
    return null
  }
  return name
}

// The questions the analysis reads as numbers, as the analysis itself reads them.
function numericQuestions(json: SurveyJson): Set<string> {
  const { items } = readQuestionItems(json)
  return new Set(items.filter((i) => i.kind === 'numeric' && i.row === null).map((i) => i.path))
}

function readSetting(
  type: string,
  reader: RowReader,
  block: Record<string, unknown>,
  ctx: GapkitSheetContext,
): void {
  const value = reader.text('value') ?? ''
  if (type === 'suppress_below') block.suppressBelow = /^\d+$/.test(value) ? Number(value) : value
  if (type === 'group_by') block.groupBy = value.split(/\s+/).filter(Boolean)
  if (type === 'one_per_link') block.onePerLink = readFlag(reader, 'value')
  const key = { suppress_below: 'suppressBelow', group_by: 'groupBy', one_per_link: 'onePerLink' }[
    type
  ]
  if (key) checkPart(block, key, reader, ctx)
}

/** Checks one key of the block as the questionnaire loader will, reporting on its row. */
function checkPart(
  block: Record<string, unknown>,
  key: string,
  reader: RowReader | null,
  ctx: GapkitSheetContext,
): void {
  if (!reader || block[key] === undefined) return
  const json = { ...ctx.json, gapkit: { [key]: block[key] } }
  try {
    parseGapkitBlock(json, listQuestionShapes(json))
  } catch (error) {
    ctx.problems.error(reader.place('value'), (error as Error).message)
  }
}
