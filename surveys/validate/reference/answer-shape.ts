/**
 * First pass over raw answers: JSON types, names and text lengths, checked against the
 * questionnaire alone (no answers, no variables). It returns a copy holding only well-formed
 * values, which is what survey-core gets to see: survey-core throws or silently rewrites values of
 * the wrong type, and a text over its limit never reaches it.
 */
import {
  type Question,
  QuestionBooleanModel,
  QuestionMatrixDropdownModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionSelectBase,
  QuestionTextBase,
} from 'survey-core'
import { isPrimitive, isRecord, sameValue } from '../../json.ts'
import { kindOf } from '../../question-kinds.ts'
import {
  type CheckContext,
  joinPath,
  type MessageKey,
  report,
  reportOwn,
  showValue,
  surveyMessage,
} from '../issues.ts'
import { MAX_LIST_LENGTH, textLimit } from '../limits.ts'

/** Marks a value that failed a check and must not reach survey-core. */
export const DROP: unique symbol = Symbol('drop')

/** The questions whose answers one JSON object holds (the survey, a matrix row, a panel…). */
export interface Scope {
  questions: Map<string, Question>
  /** Message for a key that names nothing here. */
  unknown: MessageKey
  /** Keys the form computes itself (calculated values, matrix totals): kept, not checked. */
  computed?: Set<string>
}

/** The question whose comment (or "Other" text) `key` holds, if `key` is `<name><suffix>`. */
export function commentOwner(
  questions: { get(key: string): Question | undefined },
  key: string,
  suffix: string,
): Question | undefined {
  if (!key.endsWith(suffix) || key.length === suffix.length) return undefined
  const owner = questions.get(key.slice(0, -suffix.length))
  if (!owner) return undefined
  const hasOther = owner instanceof QuestionSelectBase && owner.showOtherItem
  return owner.hasComment || hasOther ? owner : undefined
}

/** Checks every key of `record` against `scope`; returns the well-formed part. */
export function shapeRecord(
  scope: Scope,
  record: Record<string, unknown>,
  prefix: string,
  ctx: CheckContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const path = joinPath(prefix, key)
    const q = scope.questions.get(key)
    let kept: unknown = DROP
    if (q) kept = shapeValue(q, value, path, ctx)
    else if (scope.computed?.has(key)) kept = value
    else {
      const owner = commentOwner(scope.questions, key, ctx.commentSuffix)
      if (owner) kept = shapeComment(owner, value, path, ctx)
      else reportOwn(ctx, path, scope.unknown, key)
    }
    if (kept !== DROP) out[key] = kept
  }
  return out
}

// The text of "Other" or of a comment area: text, at most the survey's maxCommentLength.
function shapeComment(owner: Question, value: unknown, path: string, ctx: CheckContext): unknown {
  if (value === null) return null
  if (typeof value !== 'string') return fail(ctx, path, 'expectText')
  return checkLength(value, textLimit(owner.getOthersMaxLength(), 'other'), path, ctx)
}

function checkLength(text: string, max: number, path: string, ctx: CheckContext): unknown {
  if (text.length <= max) return text
  report(ctx, path, surveyMessage(ctx.locale, 'textMaxLength', max))
  return DROP
}

function fail(ctx: CheckContext, path: string, key: MessageKey, ...args: unknown[]): typeof DROP {
  reportOwn(ctx, path, key, ...args)
  return DROP
}

/** Checks the JSON type of one answer; `null` counts as no answer. */
export function shapeValue(q: Question, value: unknown, path: string, ctx: CheckContext): unknown {
  const kind = kindOf(q)
  if (kind === 'display' || kind === undefined) return fail(ctx, path, 'notAnswerable', q.name)
  if (value === null) return null
  switch (kind) {
    case 'text':
    case 'comment':
      if (typeof value !== 'string') return fail(ctx, path, 'expectText')
      if (!(q instanceof QuestionTextBase)) return value
      return checkLength(value, textLimit(q.getMaxLength(), kind), path, ctx)
    case 'signaturepad':
      return typeof value === 'string' ? value : fail(ctx, path, 'expectText')
    case 'number':
      // An emptied number field: survey-core, and the form, read it as no answer.
      if (value === '') return null
      if (typeof value === 'number' && Number.isFinite(value)) return value
      report(ctx, path, surveyMessage(ctx.locale, 'numericError'))
      return DROP
    case 'choice':
    case 'rating':
      return isPrimitive(value) ? value : fail(ctx, path, 'expectChoice')
    case 'expression':
      return isPrimitive(value) ? value : fail(ctx, path, 'invalid')
    case 'boolean':
      return shapeBoolean(q, value, path, ctx)
    case 'choices':
    case 'ranking':
      return shapeList(value, path, ctx)
    case 'slider': {
      const ok = Array.isArray(value)
        ? value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))
        : typeof value === 'number' && Number.isFinite(value)
      if (ok) return value
      report(ctx, path, surveyMessage(ctx.locale, 'numericError'))
      return DROP
    }
    case 'file':
      if (Array.isArray(value) && value.every((f) => isRecord(f) || typeof f === 'string')) {
        return value
      }
      return fail(ctx, path, 'expectFiles')
    case 'matrix':
      return q instanceof QuestionMatrixModel ? shapeMatrix(q, value, path, ctx) : DROP
    case 'matrixdropdown':
    case 'matrixdynamic':
    case 'paneldynamic':
    case 'multipletext':
      return shapeContainer(q, value, path, ctx)
  }
}

function shapeBoolean(q: Question, value: unknown, path: string, ctx: CheckContext): unknown {
  const yes: unknown = q instanceof QuestionBooleanModel ? q.getValueTrue() : true
  const no: unknown = q instanceof QuestionBooleanModel ? q.getValueFalse() : false
  if (sameValue(value, yes) || sameValue(value, no)) return value
  return fail(ctx, path, 'expectBoolean', showValue(yes), showValue(no))
}

function shapeList(value: unknown, path: string, ctx: CheckContext): unknown {
  if (!Array.isArray(value) || !value.every(isPrimitive)) return fail(ctx, path, 'expectList')
  if (value.length > MAX_LIST_LENGTH) return fail(ctx, path, 'tooManyEntries', MAX_LIST_LENGTH)
  const seen = new Set<unknown>()
  for (const v of value) {
    if (seen.has(v)) return fail(ctx, path, 'duplicate', v)
    seen.add(v)
  }
  return value
}

function shapeMatrix(q: QuestionMatrixModel, value: unknown, path: string, ctx: CheckContext) {
  if (!isRecord(value)) return fail(ctx, path, 'expectObject')
  const rows = new Set(q.rows.map((r: { value: unknown }) => String(r.value)))
  const out: Record<string, unknown> = {}
  for (const [rowKey, cell] of Object.entries(value)) {
    const rowPath = joinPath(path, rowKey)
    if (!rows.has(rowKey)) reportOwn(ctx, rowPath, 'unknownRow', rowKey)
    else if (cell === null) out[rowKey] = null
    else if (q.isMultiSelect) {
      const list = shapeList(cell, rowPath, ctx)
      if (list !== DROP) out[rowKey] = list
    } else if (isPrimitive(cell)) out[rowKey] = cell
    else reportOwn(ctx, rowPath, 'expectChoice')
  }
  return out
}

// matrixdropdown: {row: {column: cell}}; matrixdynamic and paneldynamic: [{name: value}];
// multipletext: {item: text}. Bad entries of a list become {} so indexes (and paths) hold.
function shapeContainer(q: Question, value: unknown, path: string, ctx: CheckContext): unknown {
  const scope = innerScope(q)
  if (!scope) return DROP
  if (q instanceof QuestionMatrixDropdownModel) {
    if (!isRecord(value)) return fail(ctx, path, 'expectObject')
    const rows = new Set(q.rows.map((r: { value: unknown }) => String(r.value)))
    const out: Record<string, unknown> = {}
    for (const [rowKey, row] of Object.entries(value)) {
      const rowPath = joinPath(path, rowKey)
      if (!rows.has(rowKey)) reportOwn(ctx, rowPath, 'unknownRow', rowKey)
      else if (!isRecord(row)) reportOwn(ctx, rowPath, 'expectObject')
      else out[rowKey] = shapeRecord(scope, row, rowPath, ctx)
    }
    return out
  }
  if (q instanceof QuestionMultipleTextModel) {
    return isRecord(value) ? shapeRecord(scope, value, path, ctx) : fail(ctx, path, 'expectObject')
  }
  if (!Array.isArray(value)) return fail(ctx, path, 'expectEntries')
  const most = maxEntries(q)
  if (value.length > most) return fail(ctx, path, 'tooManyEntries', most)
  return value.map((entry: unknown, i) => {
    if (isRecord(entry)) return shapeRecord(scope, entry, joinPath(path, i), ctx)
    reportOwn(ctx, joinPath(path, i), 'expectObject')
    return {}
  })
}

// A dynamic matrix or panel takes at most its own maxRowCount / maxPanelCount entries (1,000 and
// 100 unless the questionnaire says otherwise): survey-core would build a row or panel for each.
function maxEntries(q: Question): number {
  if (q instanceof QuestionMatrixDynamicModel) return q.maxRowCount
  if (q instanceof QuestionPanelDynamicModel) return q.maxPanelCount
  return Number.POSITIVE_INFINITY
}

const scopes = new WeakMap<Question, Scope>()

/** The template scope of a container question: its columns, template questions or items. */
export function innerScope(q: Question): Scope | undefined {
  const cached = scopes.get(q)
  if (cached) return cached
  let scope: Scope | undefined
  if (q instanceof QuestionMatrixDropdownModelBase) {
    const questions = new Map(q.columns.map((c) => [c.name, c.templateQuestion]))
    scope = { questions, unknown: 'unknownColumn' }
  } else if (q instanceof QuestionPanelDynamicModel) {
    const questions = new Map(q.template.questions.map((t) => [t.getValueName(), t]))
    scope = { questions, unknown: 'unknownQuestion' }
  } else if (q instanceof QuestionMultipleTextModel) {
    const questions = new Map<string, Question>(q.items.map((i) => [i.name, i.editor]))
    scope = { questions, unknown: 'unknownField' }
  }
  if (scope) scopes.set(q, scope)
  return scope
}
