/**
 * Structure-driven demo answers: walks a questionnaire's JSON (choices, rating scales, matrix rows
 * and columns, numeric ranges, booleans, text) and answers any question, so `gapkit demo` works
 * with a folder of questionnaires it has never seen. Visibility (`visibleIf`, `choicesVisibleIf`,
 * `rowsVisibleIf`) and expression validators are evaluated with survey-core's `ConditionRunner`,
 * which is cheap enough per response (a full `Model` is not).
 */
import { ConditionRunner } from 'survey-core'
import { isRecord, type JsonObject } from '../surveys/json.ts'
import { carriesNoData } from '../surveys/question-kinds.ts'
import type { Answers, SurveyJson } from '../surveys/types.ts'
import { walkElements } from '../surveys/walk.ts'
import { chance, isoDate, pick, pickSome, type Rng, randInt, shuffled } from './random.ts'

/** One question of a questionnaire with the conditions that must hold for it to be shown. */
export interface QuestionSpec {
  name: string
  type: string
  el: JsonObject
  /** `visibleIf` of its page, panels and itself. */
  conditions: string[]
  /** Index of its page (0 for a flat questionnaire). */
  page: number
}

/** Evaluates a SurveyJS condition against values; compiled conditions are cached per instance. */
export type Conditions = (expression: string, values: Answers) => boolean

/** Conditions cache for one generation run. */
export function createConditions(): Conditions {
  const cache = new Map<string, ConditionRunner>()
  return (expression, values) => {
    let runner = cache.get(expression)
    if (!runner) {
      runner = new ConditionRunner(expression)
      cache.set(expression, runner)
    }
    return runner.runValues(values) === true
  }
}

/** Every answerable question in document order, with its visibility conditions. */
export function listQuestionSpecs(json: SurveyJson): QuestionSpec[] {
  const out: QuestionSpec[] = []
  for (const { element: el, type, page, containers, inDynamicPanel } of walkElements(json)) {
    // Questions of a dynamic panel are answered inside the panel's value, not by their names.
    if (inDynamicPanel || carriesNoData(type) || typeof el.name !== 'string') continue
    const chain = [...containers, el]
    if (chain.some((c) => c.visible === false)) continue
    const conditions = chain.flatMap((c) => (typeof c.visibleIf === 'string' ? [c.visibleIf] : []))
    out.push({ name: el.name, type, el, conditions, page })
  }
  return out
}

/** Raw values of a choices/rows/columns list (numbers stay numbers). */
export function itemValues(list: unknown): unknown[] {
  if (!Array.isArray(list)) return []
  return list
    .map((item) => (isRecord(item) ? (item.value ?? item.name) : item))
    .filter((v) => v !== undefined && v !== null)
}

/** The items of `list` shown for `values` (per-item `visibleIf` and the list's `{item}` filter). */
export function visibleItems(
  list: unknown,
  filter: unknown,
  values: Answers,
  cond: Conditions,
): unknown[] {
  if (!Array.isArray(list)) return []
  const out: unknown[] = []
  for (const item of list) {
    const value = isRecord(item) ? (item.value ?? item.name) : item
    if (value === undefined || value === null) continue
    if (isRecord(item) && typeof item.visibleIf === 'string' && !cond(item.visibleIf, values))
      continue
    if (typeof filter === 'string' && !cond(filter, { ...values, item: value })) continue
    out.push(value)
  }
  return out
}

/** Whether every condition of `spec` holds. */
export function isVisible(spec: QuestionSpec, values: Answers, cond: Conditions): boolean {
  return spec.conditions.every((c) => cond(c, values))
}

/** Whether a question must be answered on submit. */
export function isRequired(spec: QuestionSpec): boolean {
  return spec.el.isRequired === true
}

/** Lower and upper bounds from `min`/`max` and numeric validators. */
export function numericRange(el: JsonObject): [number, number] {
  let [lo, hi] = numericBounds(el)
  if (!Number.isFinite(lo)) lo = Number.isFinite(hi) ? Math.min(0, hi) : 0
  if (!Number.isFinite(hi)) hi = lo + 100
  return [lo, hi]
}

/** The bounds a numeric answer must respect (infinite where the questionnaire sets none). */
export function numericBounds(el: JsonObject): [number, number] {
  let lo = typeof el.min === 'number' ? el.min : Number.NEGATIVE_INFINITY
  let hi = typeof el.max === 'number' ? el.max : Number.POSITIVE_INFINITY
  for (const v of Array.isArray(el.validators) ? el.validators : []) {
    if (!isRecord(v) || v.type !== 'numeric') continue
    if (typeof v.minValue === 'number') lo = Math.max(lo, v.minValue)
    if (typeof v.maxValue === 'number') hi = Math.min(hi, v.maxValue)
  }
  return [lo, hi]
}

/** The values of a rating scale. */
export function ratingValues(el: JsonObject): unknown[] {
  const listed = itemValues(el.rateValues)
  if (listed.length > 0) return listed
  const min = typeof el.rateMin === 'number' ? el.rateMin : 1
  const step = typeof el.rateStep === 'number' && el.rateStep > 0 ? el.rateStep : 1
  const count = typeof el.rateCount === 'number' ? el.rateCount : undefined
  const max = typeof el.rateMax === 'number' ? el.rateMax : min + ((count ?? 5) - 1) * step
  const out: number[] = []
  for (let v = min; v <= max + 1e-9; v += step) out.push(v)
  return out
}

/** What the generic generator needs besides the question. */
export interface GenericContext {
  rng: Rng
  cond: Conditions
  /** Answers so far plus variables (`region`). */
  values: Answers
  /** A short free text in the response language. */
  text: (name: string) => string
}

function exclusive(el: JsonObject): Set<unknown> {
  const out = new Set<unknown>()
  for (const c of Array.isArray(el.choices) ? el.choices : []) {
    if (isRecord(c) && c.isExclusive === true) out.add(c.value)
  }
  return out
}

function selectable(el: JsonObject, ctx: GenericContext): unknown[] {
  const all = visibleItems(el.choices, el.choicesVisibleIf, ctx.values, ctx.cond)
  const ex = exclusive(el)
  return all.filter((v) => !ex.has(v))
}

function textValue(el: JsonObject, name: string, ctx: GenericContext): unknown {
  const input = typeof el.inputType === 'string' ? el.inputType : 'text'
  if (input === 'number' || input === 'range') {
    const [lo, hi] = numericRange(el)
    return randInt(ctx.rng, Math.ceil(lo), Math.max(Math.ceil(lo), Math.floor(hi)))
  }
  // A past quarter end passes the usual date checks (not in the future, end of a month or
  // quarter) and is a plausible start or end of anything.
  if (input === 'date')
    return isoDate(randInt(ctx.rng, 2019, 2024), 3 * randInt(ctx.rng, 1, 4) + 1, 0)
  if (input === 'month') return `202${randInt(ctx.rng, 2, 4)}-0${randInt(ctx.rng, 1, 9)}`
  if (input === 'email') return `contact${randInt(ctx.rng, 1, 99)}@example.org`
  if (input === 'url') return 'https://example.org'
  if (input === 'tel') return `+33 1 ${randInt(ctx.rng, 10, 99)} ${randInt(ctx.rng, 10, 99)} 00 00`
  if (input !== 'text') return undefined
  const max = typeof el.maxLength === 'number' && el.maxLength > 0 ? el.maxLength : 500
  return ctx.text(name).slice(0, max)
}

function cellValue(col: JsonObject, matrix: JsonObject, ctx: GenericContext): unknown {
  const cellType = String(col.cellType ?? matrix.cellType ?? 'dropdown')
  const choices = itemValues(col.choices ?? matrix.choices)
  const options = choices.length > 0 ? choices : [1, 2, 3, 4, 5]
  if (cellType === 'dropdown' || cellType === 'radiogroup') return pick(ctx.rng, options)
  if (cellType === 'checkbox' || cellType === 'tagbox') return pickSome(ctx.rng, options, 1, 2)
  if (cellType === 'boolean') return chance(ctx.rng, 0.5)
  if (cellType === 'rating') return pick(ctx.rng, ratingValues(col))
  if (cellType === 'text') return textValue(col, String(col.name ?? ''), ctx)
  if (cellType === 'comment') return ctx.text(String(col.name ?? ''))
  return undefined
}

function matrixRow(el: JsonObject, ctx: GenericContext): JsonObject {
  const row: JsonObject = {}
  for (const col of Array.isArray(el.columns) ? el.columns : []) {
    if (!isRecord(col) || typeof col.name !== 'string') continue
    const v = cellValue(col, el, ctx)
    if (v !== undefined) row[col.name] = v
  }
  return row
}

/**
 * A plausible answer to any question from its structure alone, or undefined to leave it blank
 * (unsupported types, and some optional questions).
 */
export function genericAnswer(spec: QuestionSpec, ctx: GenericContext): unknown {
  const { el } = spec
  const { rng } = ctx
  if (!isRequired(spec) && chance(rng, 0.15)) return undefined
  switch (spec.type) {
    case 'text':
      return textValue(el, spec.name, ctx)
    case 'comment':
      return ctx.text(spec.name).slice(0, typeof el.maxLength === 'number' ? el.maxLength : 1500)
    case 'radiogroup':
    case 'dropdown':
    case 'buttongroup':
    case 'imagepicker': {
      const options = selectable(el, ctx)
      if (options.length === 0) return undefined
      return el.multiSelect === true ? pickSome(rng, options, 1, 2) : pick(rng, options)
    }
    case 'checkbox':
    case 'tagbox': {
      const options = selectable(el, ctx)
      const min = typeof el.minSelectedChoices === 'number' ? el.minSelectedChoices : 1
      const max =
        typeof el.maxSelectedChoices === 'number' && el.maxSelectedChoices > 0
          ? el.maxSelectedChoices
          : 3
      return options.length === 0
        ? undefined
        : pickSome(rng, options, Math.max(1, min), Math.min(max, 3))
    }
    case 'ranking': {
      const options = shuffled(rng, selectable(el, ctx))
      if (el.selectToRankEnabled !== true) return options
      const max =
        typeof el.maxSelectedChoices === 'number' && el.maxSelectedChoices > 0
          ? el.maxSelectedChoices
          : options.length
      return options.slice(0, randInt(rng, Math.min(1, max), Math.min(max, options.length)))
    }
    case 'rating':
      return pick(rng, ratingValues(el))
    case 'boolean':
      return isRequired(spec)
        ? (el.valueTrue ?? true)
        : chance(rng, 0.6)
          ? (el.valueTrue ?? true)
          : (el.valueFalse ?? false)
    case 'slider': {
      const lo = typeof el.min === 'number' ? el.min : 0
      const hi = typeof el.max === 'number' ? el.max : 100
      return randInt(rng, lo, hi)
    }
    case 'matrix': {
      const columns = visibleItems(el.columns, el.columnsVisibleIf, ctx.values, ctx.cond)
      const rows = visibleItems(el.rows, el.rowsVisibleIf, ctx.values, ctx.cond)
      if (columns.length === 0) return undefined
      return Object.fromEntries(rows.map((r) => [String(r), pick(rng, columns)]))
    }
    case 'matrixdropdown': {
      const rows = visibleItems(el.rows, el.rowsVisibleIf, ctx.values, ctx.cond)
      return Object.fromEntries(rows.map((r) => [String(r), matrixRow(el, ctx)]))
    }
    case 'matrixdynamic': {
      const count = typeof el.rowCount === 'number' ? Math.max(1, el.rowCount) : 2
      return Array.from({ length: count }, () => matrixRow(el, ctx))
    }
    case 'multipletext': {
      const out: JsonObject = {}
      for (const item of Array.isArray(el.items) ? el.items : []) {
        if (!isRecord(item) || typeof item.name !== 'string') continue
        const v = textValue(item, item.name, ctx)
        if (v !== undefined) out[item.name] = v
      }
      return out
    }
    default:
      return undefined
  }
}
