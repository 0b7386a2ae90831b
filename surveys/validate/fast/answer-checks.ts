/**
 * The fast validator's own checks, the same as the reference's (`answer-shape.ts` then
 * `answer-checks.ts`) but on a compiled plan: JSON types, names and text lengths first, then
 * choices, scales, rows, counts and answers to questions that are not shown.
 */

import { isPrimitive, isRecord, type Primitive, sameValue } from '../../json.ts'
import type { ValidationMode } from '../../types.ts'
import type { ExpressionScope } from './expressions.ts'
import type { ChoicePlan, FieldPlan, SurveyPlan, TopPlan } from './plan.ts'

/** State of one fast check. */
export interface FastRun {
  plan: SurveyPlan
  mode: ValidationMode
  scope: ExpressionScope
  /** Paths flagged by these checks (the reference's own issues). */
  flagged: Set<string>
  /** Per question: whether it is shown for `scope.values` (cleared when they change). */
  shown: Map<TopPlan, boolean>
  /** Per field and item: the shown choices or rows for `scope.values`. */
  visibleItems: Map<object, Set<Primitive | string>>
}

const DROP: unique symbol = Symbol('drop')

function flag(run: FastRun, path: string): typeof DROP {
  run.flagged.add(path)
  return DROP
}

function joinPath(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key
}

/** The field whose "Other" text `key` holds, if any. */
export function commentOwner(
  fields: Map<string, FieldPlan>,
  key: string,
  suffix: string,
): FieldPlan | undefined {
  if (!key.endsWith(suffix) || key.length === suffix.length) return undefined
  const owner = fields.get(key.slice(0, -suffix.length))
  return owner?.other ? owner : undefined
}

/** First pass: keeps the well-formed answers of `record`, flagging the rest. */
export function shapeRecord(
  fields: Map<string, FieldPlan>,
  record: Record<string, unknown>,
  prefix: string,
  run: FastRun,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const path = joinPath(prefix, key)
    const field = fields.get(key)
    let kept: unknown = DROP
    if (field) kept = shapeValue(field, value, path, run)
    else {
      const owner = commentOwner(fields, key, run.plan.commentSuffix)
      const max = owner?.other?.maxLength ?? 0
      if (!owner) flag(run, path)
      else if (value === null) kept = null
      else kept = typeof value === 'string' && value.length <= max ? value : flag(run, path)
    }
    if (kept !== DROP) out[key] = kept
  }
  return out
}

function shapeValue(f: FieldPlan, value: unknown, path: string, run: FastRun): unknown {
  if (f.kind === 'display') return flag(run, path)
  if (value === null) return null
  switch (f.kind) {
    case 'text':
    case 'comment':
      // Lengths here, with the type: a text over its limit never takes part in the live checks.
      if (typeof value !== 'string') return flag(run, path)
      return f.maxLength > 0 && value.length > f.maxLength ? flag(run, path) : value
    case 'number':
      // An emptied number field is no answer, as in survey-core.
      if (value === '') return null
      return typeof value === 'number' && Number.isFinite(value) ? value : flag(run, path)
    case 'choice':
    case 'rating':
      return isPrimitive(value) ? value : flag(run, path)
    case 'boolean': {
      const [yes, no] = f.booleans ?? [true, false]
      return sameValue(value, yes) || sameValue(value, no) ? value : flag(run, path)
    }
    case 'choices':
    case 'ranking':
      return isList(value) ? value : flag(run, path)
    case 'matrix':
      return isRecord(value) ? shapeMatrix(f, value, path, run) : flag(run, path)
    case 'matrixdropdown':
      return isRecord(value) ? shapeRows(f, value, path, run) : flag(run, path)
    default:
      return flag(run, path)
  }
}

function isList(value: unknown): boolean {
  if (!Array.isArray(value) || !value.every(isPrimitive)) return false
  return new Set(value).size === value.length
}

function shapeMatrix(f: FieldPlan, value: Record<string, unknown>, path: string, run: FastRun) {
  const rows = f.matrix?.rows ?? []
  const out: Record<string, unknown> = {}
  for (const [rowKey, cell] of Object.entries(value)) {
    const rowPath = joinPath(path, rowKey)
    if (!rows.includes(rowKey)) flag(run, rowPath)
    else if (cell === null || isPrimitive(cell)) out[rowKey] = cell
    else flag(run, rowPath)
  }
  return out
}

function shapeRows(f: FieldPlan, value: Record<string, unknown>, path: string, run: FastRun) {
  const cells = f.cells
  const out: Record<string, unknown> = {}
  for (const [rowKey, row] of Object.entries(value)) {
    const rowPath = joinPath(path, rowKey)
    if (!cells?.rows.includes(rowKey)) flag(run, rowPath)
    else if (!isRecord(row)) flag(run, rowPath)
    else out[rowKey] = shapeRecord(cells.columns, row, rowPath, run)
  }
  return out
}

/** Whether a top-level question (and its panels and page) is shown for `run.scope.values`. */
export function isShown(q: TopPlan, run: FastRun): boolean {
  if (q.visibleIf.length === 0) return true
  let shown = run.shown.get(q)
  if (shown === undefined) {
    shown = q.visibleIf.every((c) => c.run(run.scope))
    run.shown.set(q, shown)
  }
  return shown
}

const NO_ITEMS: ReadonlySet<Primitive | string> = new Set()
// Items without a visibility condition are the same for every answer set: one set per plan.
const STATIC_ITEMS = new WeakMap<object, ReadonlySet<Primitive | string>>()

function staticItems(
  plan: object,
  items: () => readonly (Primitive | string)[],
): ReadonlySet<Primitive | string> {
  let set = STATIC_ITEMS.get(plan)
  if (!set) {
    set = new Set(items())
    STATIC_ITEMS.set(plan, set)
  }
  return set
}

/** The shown choices of `f` (its own after `choicesVisibleIf`, then "None" and "Other"). */
export function shownChoices(plan: ChoicePlan, run: FastRun): ReadonlySet<Primitive | string> {
  if (!plan.visibleIf) return staticItems(plan, () => [...plan.items, ...plan.specials])
  let set = run.visibleItems.get(plan)
  if (!set) {
    const condition = plan.visibleIf
    const items = condition
      ? plan.items.filter((item) => condition.run(run.scope, { item }))
      : plan.items
    set = new Set([...items, ...plan.specials])
    run.visibleItems.set(plan, set)
  }
  return set
}

/** The shown rows of a matrix or matrixdropdown, by row key. */
export function shownRows(f: FieldPlan, run: FastRun): ReadonlySet<Primitive | string> {
  const spec = f.matrix ?? f.cells
  if (!spec) return NO_ITEMS
  if (!spec.rowsVisibleIf) return staticItems(spec, () => spec.rows)
  let set = run.visibleItems.get(spec)
  if (!set) {
    const condition = spec.rowsVisibleIf
    const rows = spec.rows.filter((row, i) => {
      const item = spec.values?.[i] ?? row
      return !condition || condition.run(run.scope, { item })
    })
    set = new Set(rows)
    run.visibleItems.set(spec, set)
  }
  return set
}

/** Second pass over well-formed answers; returns them without the values that failed. */
export function checkRecord(
  fields: Map<string, FieldPlan>,
  record: Record<string, unknown>,
  prefix: string,
  run: FastRun,
  top: boolean,
): Record<string, unknown> {
  let out = record
  for (const [key, value] of Object.entries(record)) {
    const path = joinPath(prefix, key)
    const field = fields.get(key)
    const owner = field ? undefined : commentOwner(fields, key, run.plan.commentSuffix)
    const target = field ?? owner
    if (!target) continue
    if (top && run.mode === 'submit' && !isShown(target as TopPlan, run)) {
      flag(run, path)
      continue
    }
    if (value === null) continue
    const checked = field
      ? checkValue(field, value, path, run)
      : checkComment(target, record, value, path, run)
    if (checked === value) continue
    if (out === record) out = { ...record }
    if (checked === DROP) delete out[key]
    else out[key] = checked
  }
  return out
}

function checkComment(
  owner: FieldPlan,
  record: Record<string, unknown>,
  text: unknown,
  path: string,
  run: FastRun,
): unknown {
  const other = owner.other
  if (!other) return text
  const chosen = record[owner.name]
  const list = Array.isArray(chosen) ? chosen : [chosen]
  if (!list.some((v) => sameValue(v, other.value))) return flag(run, path)
  return text
}

function checkValue(f: FieldPlan, value: unknown, path: string, run: FastRun): unknown {
  switch (f.kind) {
    case 'choice':
    case 'choices':
    case 'ranking':
      return f.choices ? checkChoices(f.choices, value, path, run) : value
    case 'rating':
      return f.scale?.some((v) => v === value) ? value : flag(run, path)
    case 'matrix':
      return isRecord(value) ? checkMatrix(f, value, path, run) : value
    case 'matrixdropdown':
      return isRecord(value) ? checkRows(f, value, path, run) : value
    default:
      return value
  }
}

function checkChoices(plan: ChoicePlan, value: unknown, path: string, run: FastRun): unknown {
  const shown = shownChoices(plan, run)
  const list: unknown[] = Array.isArray(value) ? value : [value]
  let failed = false
  for (const v of list) {
    if (!shown.has(v as Primitive)) failed = true
  }
  if (failed) return flag(run, path)
  if (!Array.isArray(value)) return value
  if (list.length > 1 && list.some((v) => plan.exclusive.has(v as Primitive))) {
    return flag(run, path)
  }
  if (plan.ranksAll && list.length > 0 && list.length !== shown.size) return flag(run, path)
  if (plan.maxSelected > 0 && list.length > plan.maxSelected) return flag(run, path)
  return value
}

function checkMatrix(f: FieldPlan, value: Record<string, unknown>, path: string, run: FastRun) {
  const shown = shownRows(f, run)
  const columns = f.matrix?.columns ?? []
  let out = value
  for (const [rowKey, cell] of Object.entries(value)) {
    if (!shown.has(rowKey)) {
      if (run.mode === 'submit') flag(run, joinPath(path, rowKey))
      continue
    }
    if (cell === null || columns.some((c) => c === cell)) continue
    flag(run, joinPath(path, rowKey))
    if (out === value) out = { ...value }
    delete out[rowKey]
  }
  return out
}

function checkRows(f: FieldPlan, value: Record<string, unknown>, path: string, run: FastRun) {
  const shown = shownRows(f, run)
  const columns = f.cells?.columns ?? new Map<string, FieldPlan>()
  const out: Record<string, unknown> = {}
  for (const [rowKey, row] of Object.entries(value)) {
    const rowPath = joinPath(path, rowKey)
    if (!shown.has(rowKey)) {
      if (run.mode === 'submit') flag(run, rowPath)
      out[rowKey] = row
    } else out[rowKey] = isRecord(row) ? checkRecord(columns, row, rowPath, run, false) : row
  }
  return out
}
