/** Reads one question (or matrix column) of a fresh survey-core model into a `FieldPlan`. */
import {
  AnswerCountValidator,
  ConditionRunner,
  EmailValidator,
  ExpressionValidator,
  Helpers,
  type Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionMatrixDropdownModel,
  QuestionMatrixModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextBase,
  QuestionTextModel,
} from 'survey-core'
import { isPrimitive, type Primitive } from '../../json.ts'
import { kindOf } from '../../question-kinds.ts'
import { textLimit } from '../limits.ts'
import type { ExpressionPlace } from './expressions.ts'
import type { ChoicePlan, FieldPlan, PlanContext, TextPlan, ValidatorPlan } from './plan.ts'

const SUPPORTED = new Set([
  'text',
  'number',
  'comment',
  'choice',
  'choices',
  'ranking',
  'rating',
  'boolean',
  'matrix',
  'matrixdropdown',
  'display',
])

/**
 * The plan of `q`. `place` is where its own expressions run: the question itself at the top
 * level, the matrix row for a cell (whose expression validators are not supported).
 */
export function compileField(
  q: Question,
  ctx: PlanContext,
  taken: (lowerName: string) => boolean,
  cell?: ExpressionPlace,
): FieldPlan | undefined {
  const kind = kindOf(q)
  if (!kind || !SUPPORTED.has(kind)) {
    ctx.problems.push(`${q.name}: answers of type "${q.getType()}"`)
    return undefined
  }
  const place: ExpressionPlace = cell ?? { kind: 'question', taken }
  const field: FieldPlan = {
    name: q.getValueName(),
    kind,
    isRequired: q.isRequired,
    maxLength: 0,
    validators: compileValidators(q, ctx, cell ? undefined : place),
  }
  if (q.requiredIf) field.requiredIf = ctx.condition(q.requiredIf, place, q.name)
  if (q instanceof QuestionTextBase && (kind === 'text' || kind === 'comment')) {
    field.maxLength = textLimit(q.getMaxLength(), kind === 'comment' ? 'comment' : 'text')
  }
  if (q instanceof QuestionTextModel) field.text = textPlan(q)
  if (q instanceof QuestionSelectBase) {
    field.choices = choicePlan(q, ctx, taken)
    if (q.showOtherItem) {
      if (!q.getStoreOthersAsComment()) ctx.problems.push(`${q.name}: "Other" stored as the value`)
      const max: unknown = q.getOthersMaxLength()
      const value: unknown = q.otherItem.value
      if (isPrimitive(value)) {
        field.other = { value, maxLength: textLimit(max, 'other') }
      }
    }
  }
  if (q instanceof QuestionRatingModel) {
    field.scale = primitives(
      q.visibleRateValues.map((item) => item.value),
      ctx,
      q.name,
    )
  }
  if (q instanceof QuestionBooleanModel) field.booleans = [q.getValueTrue(), q.getValueFalse()]
  if (q instanceof QuestionMatrixModel) {
    const columns = primitives(
      q.columns.map((c: { value: unknown }) => c.value),
      ctx,
      q.name,
    )
    const visible: unknown[] = q.visibleColumns.map((c: { value: unknown }) => c.value)
    if (visible.length !== columns.length) ctx.problems.push(`${q.name}: hidden columns`)
    if (q.isMultiSelect) ctx.problems.push(`${q.name}: multiple choices per row`)
    field.matrix = {
      rows: q.rows.map((r: { value: unknown }) => String(r.value)),
      values: primitives(
        q.rows.map((r: { value: unknown }) => r.value),
        ctx,
        q.name,
      ),
      columns,
      allRows: q.eachRowRequired,
    }
    if (q.rowsVisibleIf) {
      const place = { kind: 'item' as const, taken: ownerKeys(q) }
      field.matrix.rowsVisibleIf = ctx.condition(q.rowsVisibleIf, place, q.name)
    }
  }
  if (q instanceof QuestionMatrixDropdownModel) field.cells = cellsPlan(q, ctx)
  return field
}

function cellsPlan(q: QuestionMatrixDropdownModel, ctx: PlanContext): FieldPlan['cells'] {
  const rows = q.rows.map((r: { value: unknown }) => String(r.value))
  const taken = ownerKeys(q)
  const sample = q.visibleRows[0]
  if (!sample) {
    ctx.problems.push(`${q.name}: no row to read the cells from`)
    return undefined
  }
  const names = new Map(q.columns.map((c) => [c.name.toLowerCase(), c.name]))
  if (names.size !== q.columns.length) ctx.problems.push(`${q.name}: columns differ only in case`)
  const place: ExpressionPlace = { kind: 'cell', columns: names, taken }
  const columns = new Map<string, FieldPlan>()
  for (const cell of sample.cells) {
    const template = cell.column.templateQuestion
    if (kindOf(template) !== kindOf(cell.question)) {
      ctx.problems.push(`${q.name}.${cell.column.name}: template and cell differ`)
    }
    const field = compileField(cell.question, ctx, taken, place)
    if (field) columns.set(cell.column.name, { ...field, name: cell.column.name })
  }
  const values = primitives(
    q.rows.map((r: { value: unknown }) => r.value),
    ctx,
    q.name,
  )
  const out: NonNullable<FieldPlan['cells']> = { rows, values, columns }
  if (q.rowsVisibleIf) {
    out.rowsVisibleIf = ctx.condition(q.rowsVisibleIf, { kind: 'item', taken }, q.name)
  }
  return out
}

function textPlan(q: QuestionTextModel): TextPlan {
  const plan: TextPlan = {}
  const isSet = (v: unknown) => v !== undefined && v !== null && v !== ''
  if (q.inputType === 'number') {
    if (typeof q.renderedMin === 'number') plan.min = q.renderedMin
    if (typeof q.renderedMax === 'number') plan.max = q.renderedMax
    const step: unknown = q.renderedStep
    if (Helpers.isNumber(step)) plan.step = Helpers.getNumber(step)
  }
  if (q.inputType === 'date') {
    if (isSet(q.renderedMin)) plan.dateMin = String(q.renderedMin)
    if (isSet(q.renderedMax)) plan.dateMax = String(q.renderedMax)
  }
  if (q.inputType === 'email' && !q.validators.some((v) => v.getType() === 'emailvalidator')) {
    plan.email = new EmailValidator()
  }
  return plan
}

function choicePlan(
  q: QuestionSelectBase,
  ctx: PlanContext,
  taken: (lowerName: string) => boolean,
): ChoicePlan {
  const items = primitives(
    q.choices.map((c: { value: unknown }) => c.value),
    ctx,
    q.name,
  )
  const exclusive = new Set<Primitive>()
  for (const c of q.choices as { value: unknown; isExclusive?: unknown }[]) {
    if (c.isExclusive === true && isPrimitive(c.value)) exclusive.add(c.value)
  }
  const specials: Primitive[] = []
  const noneValue: unknown = q.noneItem.value
  if (q.showNoneItem && isPrimitive(noneValue)) {
    specials.push(noneValue)
    exclusive.add(noneValue)
  }
  const otherValue: unknown = q.otherItem.value
  if (q.showOtherItem && isPrimitive(otherValue)) specials.push(otherValue)
  const known = new Set<Primitive>([...items, ...specials])
  // survey-core matches choices loosely ("1" and 1, case): such values would be ambiguous.
  const loose = new Set([...known].map((v) => String(v).trim().toLowerCase()))
  if (loose.size !== items.length + specials.length) {
    ctx.problems.push(`${q.name}: choice values that survey-core may confuse`)
  }
  const plan: ChoicePlan = {
    items,
    specials,
    exclusive,
    known,
    ranksAll: q instanceof QuestionRankingModel && !q.selectToRankEnabled,
    maxSelected: q instanceof QuestionCheckboxModel ? q.maxSelectedChoices : 0,
    minSelected: q instanceof QuestionCheckboxModel ? q.minSelectedChoices : 0,
  }
  if (q.choicesVisibleIf) {
    plan.visibleIf = ctx.condition(q.choicesVisibleIf, { kind: 'item', taken }, q.name)
  } else {
    const shown = q.visibleChoices.map((item) => item.value)
    const same = shown.length === known.size && shown.every((v) => known.has(v as Primitive))
    if (!same) ctx.problems.push(`${q.name}: choices differ from survey-core's`)
  }
  return plan
}

function primitives(values: unknown[], ctx: PlanContext, where: string): Primitive[] {
  const out: Primitive[] = []
  for (const v of values) {
    if (isPrimitive(v)) out.push(v)
    else ctx.problems.push(`${where}: a choice, row or column value is not text or a number`)
  }
  return out
}

/**
 * Names that survey-core would find inside the owner's own value before reaching the survey:
 * `length`, list indexes, matrix rows.
 */
export function ownerKeys(q: Question): (lowerName: string) => boolean {
  const rows = new Set<string>()
  if (q instanceof QuestionMatrixModel || q instanceof QuestionMatrixDropdownModel) {
    for (const row of q.rows as { value: unknown }[]) rows.add(String(row.value).toLowerCase())
  }
  return (name) => name === 'length' || /^\d/.test(name) || rows.has(name)
}

/** Compiles the validators of `q` (already restricted to supported types by the JSON check). */
export function compileValidators(
  q: Question,
  ctx: PlanContext,
  place: ExpressionPlace | undefined,
): ValidatorPlan[] {
  const out: ValidatorPlan[] = []
  const texts = q.validators.map((v, i) => {
    const json: unknown = v.toJSON()
    const text = json && typeof json === 'object' ? Reflect.get(json, 'text') : undefined
    return text === undefined ? `#${i}` : JSON.stringify(text)
  })
  q.validators.forEach((v, i) => {
    if (v.notificationType && v.notificationType !== 'error') {
      ctx.problems.push(`${q.name}: a validator is a ${v.notificationType}`)
    } else if (v instanceof ExpressionValidator) {
      // A draft tells an incomplete expression from others by its text: keep texts distinct.
      if (texts.filter((t) => t === texts[i]).length > 1) {
        ctx.problems.push(`${q.name}: two validators share a text`)
      }
      if (!place) ctx.problems.push(`${q.name}: expression validator in a matrix cell`)
      const condition = place && ctx.condition(v.expression ?? '', place, q.name)
      if (condition) out.push({ kind: 'expression', condition, names: variablesOf(v) })
    } else if (v instanceof AnswerCountValidator) {
      const min = typeof v.minCount === 'number' ? v.minCount : 0
      const max = typeof v.maxCount === 'number' ? v.maxCount : 0
      out.push({ kind: 'count', min, max, customText: !texts[i]?.startsWith('#') })
    } else out.push({ kind: 'plain', validator: v })
  })
  return out
}

function variablesOf(v: ExpressionValidator): string[] {
  return new ConditionRunner(v.expression ?? '').getVariables()
}
