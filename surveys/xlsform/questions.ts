/**
 * One question row of the survey sheet as SurveyJS elements: the question (with its label,
 * hint, relevance, requirement, constraint and default), plus the "specify other" text of an
 * `or_other` select. A type Gapkit cannot record becomes a labelled text question.
 */
import {
  Appearances,
  type CellContext,
  mapText,
  readExpression,
  readFlag,
  readText,
} from './cells.ts'
import { type ChoiceList, choiceFilter, choiceJson, readChoiceFile } from './choices.ts'
import type { LanguagePlan } from './languages.ts'
import type { RowReader } from './row-reader.ts'
import type { SimpleType, StandIn } from './row-types.ts'
import type { QuestionNode } from './structure.ts'
import { builtInText, joinTexts, TEXTS } from './texts.ts'
import type { ElementJson, LocalizedText } from './types.ts'
import { parseXPath } from './xpath/parse.ts'
import { describeFailure, variable } from './xpath/translate.ts'

/** What building questions needs besides the row. */
export interface QuestionContext extends CellContext {
  lists: Map<string, ChoiceList>
  /** A file beside the workbook (`select_one_from_file`), or undefined when there is none. */
  readFile?: (name: string) => Uint8Array | string | undefined
  /** Lists read from files, by file name (each file is read once). */
  fileLists: Map<string, ChoiceList | null>
  /** The questionnaire's `calculatedValues`, filled by `calculate` rows. */
  calculated: ElementJson[]
}

/** The elements of a question row (none for metadata and unknown types). */
export function buildQuestion(node: QuestionNode, ctx: QuestionContext): ElementJson[] {
  const { type, reader } = node
  const place = reader.place('type')
  switch (type.kind) {
    case 'simple':
      return buildSimple(node, type.type, ctx)
    case 'select':
      return buildSelect(node, type, ctx)
    case 'stand-in':
      return [buildStandIn(node, type.type, type.standIn, ctx)]
    case 'metadata':
      ctx.problems.warning(
        place,
        `"${type.type}" is metadata Gapkit does not collect as a question (each response records its own created_at and submitted_at): left out`,
      )
      return []
    case 'dropped':
      ctx.problems.warning(place, type.reason)
      return []
    case 'unknown':
      ctx.problems.warning(place, `the type "${type.type}" is unknown: the row is left out`)
      return []
    default:
      return []
  }
}

/** Label, hint, relevance, requirement and read-only state: what every question has. */
function commonProperties(node: QuestionNode, ctx: CellContext): ElementJson {
  const { reader } = node
  const out: ElementJson = { name: node.name }
  const title = readText(reader, 'label', ctx)
  if (title !== undefined) out.title = title
  const description = readText(reader, 'hint', ctx)
  if (description !== undefined) out.description = description
  const visibleIf = readExpression(reader, 'relevant', ctx, 'the question is always shown')
  if (visibleIf) out.visibleIf = visibleIf
  Object.assign(out, requirement(reader, ctx))
  const readOnly = readFlag(reader, 'read_only')
  if (readOnly === true) out.readOnly = true
  if (typeof readOnly === 'string') {
    ctx.problems.warning(
      reader.place('read_only'),
      'a read_only condition is not supported: the question can be answered',
    )
  }
  if (reader.has('guidance_hint')) {
    reader.text('guidance_hint')
    reader.translations('guidance_hint')
    ctx.problems.warning(reader.place('guidance_hint'), 'guidance hints are not shown: left out')
  }
  return out
}

function requirement(reader: RowReader, ctx: CellContext): ElementJson {
  const flag = readFlag(reader, 'required')
  const message = readText(reader, 'required_message', ctx)
  const out: ElementJson = {}
  if (flag === true) out.isRequired = true
  if (typeof flag === 'string') {
    const requiredIf = readExpression(reader, 'required', ctx, 'the question is optional')
    if (requiredIf) out.requiredIf = requiredIf
  }
  if (message !== undefined && flag !== false) out.requiredErrorText = message
  return out
}

/**
 * `constraint` as a validator: `regex(., 'p')` as a regex validator, anything else as an
 * expression validator that, as in ODK, passes an unanswered question.
 */
function constraintValidators(node: QuestionNode, ctx: CellContext): ElementJson[] {
  const { reader } = node
  const source = reader.text('constraint')
  const text = readText(reader, 'constraint_message', ctx)
  if (!source) return []
  const withText = (v: ElementJson) => (text === undefined ? v : { ...v, text })
  const pattern = regexConstraint(source)
  if (pattern !== null) return [withText({ type: 'regex', regex: pattern })]
  const expression = readExpression(reader, 'constraint', ctx, 'the answer is not checked')
  if (!expression) return []
  const self = `{${variable(node.name, ctx.scope)}}`
  return [withText({ type: 'expression', expression: `${self} empty or (${expression})` })]
}

function regexConstraint(source: string): string | null {
  try {
    const node = parseXPath(source)
    if (node.kind !== 'call' || node.name !== 'regex' || node.args.length !== 2) return null
    const [subject, pattern] = node.args
    return subject?.kind === 'self' && pattern?.kind === 'string' ? pattern.value : null
  } catch {
    return null
  }
}

/** `default`: a value, or (with `${q}` or a function call) an expression. */
function defaultValue(node: QuestionNode, ctx: CellContext, kind: 'number' | 'list' | 'text') {
  const { reader } = node
  const text = reader.text('default')
  if (!text) return {}
  if (/\$\{|\(/.test(text)) {
    const expression = readExpression(reader, 'default', ctx, 'the question starts empty')
    return expression ? { defaultValueExpression: expression } : {}
  }
  if (kind === 'list') return { defaultValue: text.split(/\s+/) }
  if (kind === 'number') {
    const value = Number(text)
    if (Number.isFinite(value)) return { defaultValue: value }
    ctx.problems.warning(reader.place('default'), 'not a number: the question starts empty')
    return {}
  }
  return { defaultValue: text }
}

function withValidators(element: ElementJson, validators: ElementJson[]): ElementJson {
  const all = [...((element.validators as ElementJson[] | undefined) ?? []), ...validators]
  return all.length > 0 ? { ...element, validators: all } : element
}

const INPUT_TYPES: Partial<Record<SimpleType, string>> = {
  date: 'date',
  time: 'time',
  datetime: 'datetime-local',
}

function buildSimple(node: QuestionNode, type: SimpleType, ctx: QuestionContext): ElementJson[] {
  const { reader } = node
  if (type === 'calculate') return buildCalculate(node, ctx)
  if (type === 'note') return [buildNote(node, ctx)]
  const appearances = new Appearances(reader)
  const common = commonProperties(node, ctx)
  let element: ElementJson
  if (type === 'text') {
    const multiline = appearances.take('multiline')
    element = {
      type: multiline ? 'comment' : 'text',
      ...common,
      ...defaultValue(node, ctx, 'text'),
    }
  } else if (type === 'integer' || type === 'decimal') {
    element = { type: 'text', ...common, inputType: 'number', ...defaultValue(node, ctx, 'number') }
    if (type === 'integer') {
      const text = builtInText(TEXTS.wholeNumber, ctx.plan)
      element.validators = [{ type: 'regex', regex: '^-?\\d+$', text }]
    }
  } else if (type === 'range') {
    appearances.take('rating')
    const range = rangeProperties(reader, ctx)
    element = { type: range.type, ...common, ...range, ...defaultValue(node, ctx, 'number') }
  } else if (type === 'acknowledge') {
    element = { type: 'boolean', ...common, renderAs: 'checkbox', valueTrue: 'OK' }
  } else {
    const inputType = INPUT_TYPES[type] ?? 'text'
    element = { type: 'text', ...common, inputType, ...defaultValue(node, ctx, 'text') }
  }
  appearances.reportRest(ctx.problems)
  return [withValidators(element, constraintValidators(node, ctx))]
}

/**
 * `range` as a rating when it has at most 11 whole points (`start=1 end=5`: a scale the
 * analysis reads as numbers), else as a slider input with its bounds.
 */
function rangeProperties(reader: RowReader, ctx: CellContext): ElementJson {
  const params = readParameters(reader, ctx, ['start', 'end', 'step'])
  const start = Number(params.get('start') ?? 1)
  const end = Number(params.get('end') ?? 10)
  const step = Number(params.get('step') ?? 1)
  if (![start, end, step].every(Number.isFinite) || step <= 0 || end < start) {
    ctx.problems.warning(
      reader.place('parameters'),
      'start, end and step must be numbers with start ≤ end and step > 0: a scale of 1 to 10 is used',
    )
    return { type: 'rating', rateMin: 1, rateMax: 10, rateStep: 1 }
  }
  const points = Math.floor((end - start) / step) + 1
  const whole = [start, end, step].every(Number.isInteger)
  if (whole && points <= 11) return { type: 'rating', rateMin: start, rateMax: end, rateStep: step }
  return { type: 'text', inputType: 'range', min: start, max: end, step }
}

/** `parameters` (`start=1 end=5`) as a map; keys not in `known` are reported. */
function readParameters(reader: RowReader, ctx: CellContext, known: string[]): Map<string, string> {
  const params = new Map<string, string>()
  const text = reader.text('parameters') ?? ''
  for (const pair of text.split(/[\s;,]+/).filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=').map((s) => s.trim())
    if (known.includes(key.toLowerCase()) && value) params.set(key.toLowerCase(), value)
    else {
      ctx.problems.warning(
        reader.place('parameters', pair),
        `the parameter "${pair}" is not supported here: ignored`,
      )
    }
  }
  return params
}

function buildCalculate(node: QuestionNode, ctx: QuestionContext): ElementJson[] {
  const { reader } = node
  if (node.repeats.length > 0) {
    reader.text('calculation')
    ctx.problems.warning(
      reader.place('calculation'),
      'a calculation inside a repeat is not supported: left out',
    )
    return []
  }
  // ODK shows a calculation's label nowhere; Kobo names its export column with it.
  reader.text('label')
  reader.translations('label')
  const expression = readExpression(reader, 'calculation', ctx, 'the value is not calculated')
  // A calculated value, not a question: hidden, as in ODK, and kept with the answers.
  ctx.calculated.push({ name: node.name, expression: expression ?? "''", includeIntoResult: true })
  return []
}

function buildNote(node: QuestionNode, ctx: CellContext): ElementJson {
  const { reader } = node
  const label = readText(reader, 'label', ctx)
  const hint = readText(reader, 'hint', ctx)
  const html = joinTexts(
    label === undefined ? undefined : mapText(label, paragraph),
    hint === undefined ? undefined : mapText(hint, paragraph),
  )
  const out: ElementJson = { type: 'html', name: node.name, html: html ?? '' }
  const visibleIf = readExpression(reader, 'relevant', ctx, 'the note is always shown')
  if (visibleIf) out.visibleIf = visibleIf
  new Appearances(reader).reportRest(ctx.problems)
  return out
}

function paragraph(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>')
  return `<p>${escaped}</p>`
}

function buildStandIn(
  node: QuestionNode,
  type: string,
  standIn: StandIn,
  ctx: QuestionContext,
): ElementJson {
  const common = commonProperties(node, ctx)
  const note = builtInText(TEXTS[standIn], ctx.plan)
  const description = joinTexts(note, common.description as LocalizedText | undefined)
  const asked = standIn === 'media' ? 'comment' : 'text'
  ctx.problems.warning(
    node.reader.place('type'),
    `Gapkit cannot record "${type}" answers: asked as a ${asked} question that says so`,
  )
  new Appearances(node.reader).reportRest(ctx.problems)
  const element = { type: asked, ...common, description }
  return withValidators(element, constraintValidators(node, ctx))
}

type SelectType = Extract<QuestionNode['type'], { kind: 'select' }>

function buildSelect(node: QuestionNode, type: SelectType, ctx: QuestionContext): ElementJson[] {
  const { reader } = node
  const list = type.fromFile ? fileList(reader, type.list, ctx) : listFromSheet(reader, type, ctx)
  if (list === null) return [{ type: 'text', ...commonProperties(node, ctx) }]
  if (list === undefined) {
    commonProperties(node, ctx)
    return []
  }
  const appearances = new Appearances(reader)
  const common = commonProperties(node, ctx)
  const choices = list.choices.map(choiceJson)
  if (type.orOther) choices.push({ value: 'other', text: builtInText(TEXTS.other, ctx.plan) })
  const element: ElementJson = { type: selectType(type.mode, appearances), ...common }
  if (element.type === 'rating') element.rateValues = choices
  else element.choices = choices
  Object.assign(element, selectLayout(type.mode, appearances))
  const filter = readChoiceFilter(reader, list, ctx, type.orOther)
  if (filter) element.choicesVisibleIf = filter
  Object.assign(element, defaultValue(node, ctx, type.mode === 'one' ? 'text' : 'list'))
  appearances.reportRest(ctx.problems)
  const built = withValidators(element, constraintValidators(node, ctx))
  return type.orOther ? [built, otherText(node, type.mode, ctx.plan, ctx)] : [built]
}

function selectType(mode: SelectType['mode'], appearances: Appearances): string {
  if (mode === 'rank') return 'ranking'
  const compact = ['minimal', 'autocomplete', 'search'].some((w) => appearances.take(w))
  if (mode === 'one') {
    if (appearances.take('likert')) return 'rating'
    return compact ? 'dropdown' : 'radiogroup'
  }
  return compact ? 'tagbox' : 'checkbox'
}

function selectLayout(mode: SelectType['mode'], appearances: Appearances): ElementJson {
  if (mode === 'rank') return {}
  const columns = appearances.takeMatch(/^columns-(\d+)$/)
  if (columns) return { colCount: Number(columns[1]) }
  const flow = ['horizontal', 'horizontal-compact', 'columns', 'columns-pack', 'compact']
  return flow.some((w) => appearances.take(w)) ? { colCount: 0 } : {}
}

// The "specify other" question pyxform adds for `or_other`: its own column, `q_other`, as
// in Kobo's exports.
function otherText(
  node: QuestionNode,
  mode: SelectType['mode'],
  plan: LanguagePlan,
  ctx: CellContext,
): ElementJson {
  const v = `{${variable(node.name, ctx.scope)}}`
  return {
    type: 'text',
    name: `${node.name}_other`,
    title: builtInText(TEXTS.specifyOther, plan),
    visibleIf: mode === 'one' ? `${v} = 'other'` : `${v} contains 'other'`,
  }
}

function listFromSheet(
  reader: RowReader,
  type: SelectType,
  ctx: QuestionContext,
): ChoiceList | undefined {
  const list = ctx.lists.get(type.list)
  if (!list) {
    ctx.problems.error(reader.place('type'), `the choices sheet has no list "${type.list}"`)
  }
  return list
}

// The list of a `select_one_from_file`: undefined when the file is missing (an error), null
// when it is not a CSV (asked as a text).
function fileList(
  reader: RowReader,
  file: string,
  ctx: QuestionContext,
): ChoiceList | null | undefined {
  const columns = { value: 'name', label: 'label' }
  for (const [key, value] of readParameters(reader, ctx, ['value', 'label'])) {
    columns[key as 'value' | 'label'] = value
  }
  if (!/\.csv$/i.test(file)) {
    ctx.problems.warning(
      reader.place('type'),
      `choices from ${file} are not supported (only a CSV file beside the workbook): asked as a text question`,
    )
    return null
  }
  if (/[\\/]/.test(file)) {
    ctx.problems.error(reader.place('type'), `${file}: name a file beside the workbook`)
    return undefined
  }
  const key = `${file}\n${columns.value}\n${columns.label}`
  if (!ctx.fileLists.has(key)) {
    const bytes = ctx.readFile?.(file)
    const text = typeof bytes === 'string' ? bytes : bytes && new TextDecoder().decode(bytes)
    ctx.fileLists.set(
      key,
      text === undefined ? null : readChoiceFile(file, text, columns, ctx.plan, ctx.problems),
    )
  }
  const list = ctx.fileLists.get(key)
  if (!list) {
    ctx.problems.error(reader.place('type'), `the file ${file} is not beside the workbook`)
    return undefined
  }
  return list
}

function readChoiceFilter(
  reader: RowReader,
  list: ChoiceList,
  ctx: CellContext,
  withOther: boolean,
): string | undefined {
  const filter = reader.text('choice_filter')
  if (!filter) return undefined
  try {
    return choiceFilter(filter, list, ctx.scope, withOther)
  } catch (error) {
    ctx.problems.warning(
      reader.place('choice_filter'),
      `${describeFailure(error)}; every choice is shown`,
    )
    return undefined
  }
}
