/**
 * SurveyJS expressions for the fast validator: each one parsed once with survey-core's own
 * `ConditionRunner`, then run against plain answers and variables instead of a live model.
 *
 * survey-core resolves `{name}` through a chain of contexts (the owner question's value, its
 * matrix row, the matrix, the survey's variables, questions and values). Only the names whose
 * resolution here provably matches that chain compile; anything else (element properties,
 * `{panel.x}`, `{prevRow.x}`, names that collide with a row or a key of the owner's value,
 * functions that read the survey) is refused with a reason, so the questionnaire falls back to
 * the reference validator.
 */
import {
  ConditionRunner,
  ConditionsParser,
  FunctionOperand,
  type Operand,
  ProcessValue,
  settings,
  Variable,
} from 'survey-core'
import { isRecord } from '../../json.ts'

type GetterContext = Parameters<ConditionRunner['runContext']>[0]
type GetterInfo = ReturnType<GetterContext['getValue']>

/** A question at the top level of the answers, as expressions see it. */
export interface ExpressionQuestion {
  /** The key of its answer. */
  name: string
  /** Checkboxes, tag boxes and rankings read as `[]` when unanswered. */
  listValue: boolean
  /** survey-core compares a ranking strictly (`requireStrictCompare`). */
  strict: boolean
}

/** What one evaluation reads: answers, variables (lower-case keys) and the top-level questions. */
export interface ExpressionScope {
  values: Record<string, unknown>
  variables: Record<string, unknown>
  /** By lower-case value name. */
  questions: Map<string, ExpressionQuestion>
}

/** Where an expression runs, which decides the names it may use. */
export type ExpressionPlace =
  | { kind: 'question'; taken: (lowerName: string) => boolean }
  | { kind: 'item'; taken: (lowerName: string) => boolean }
  | { kind: 'cell'; columns: Map<string, string>; taken: (lowerName: string) => boolean }

/** A compiled condition; `item` is the choice or row value, `row` the matrix row's answers. */
export interface Condition {
  readonly expression: string
  /** Top-level question names it reads (lower case), for the irregular-value guard. */
  readonly reads: string[]
  run(scope: ExpressionScope, extra?: { item?: unknown; row?: unknown }): boolean
}

// Functions that only compute from their arguments (and the clock): no survey, no question.
const PURE_FUNCTIONS = new Set(
  'sum min max count avg round trunc iif getDate age dateDiff dateAdd currentDate today getYear currentYear diffDays year month day weekday'.split(
    ' ',
  ),
)
// survey-core answers these names itself before looking at variables or questions.
const BUILT_INS = new Set(
  'pageno pagecount locale correctedanswers correctanswers correctedanswercount incorrectedanswers incorrectanswers incorrectedanswercount questioncount'.split(
    ' ',
  ),
)
const RESERVED = new Set(
  Object.values(settings.expressionVariables).map((name) => String(name).toLowerCase()),
)
const ITEM_NAMES = new Set(
  [settings.expressionVariables.item, settings.expressionVariables.choice].map((n) =>
    n.toLowerCase(),
  ),
)
const SELF = settings.expressionVariables.self.toLowerCase()
const ROW = settings.expressionVariables.row.toLowerCase()
const NOT_FOUND: GetterInfo = { isFound: false, value: undefined }

/**
 * Compiles `expression` for `place`, or returns why it cannot run without a model.
 *
 * @example compileCondition("{guarantee_scheme} = 'yes'", { kind: 'question', taken: () => false })
 */
export function compileCondition(
  expression: string,
  place: ExpressionPlace,
  commentSuffix: string,
): Condition | string {
  const operand: Operand | null = new ConditionsParser().parseExpression(expression)
  if (!operand) return `expression "${expression}" does not parse`
  const operands: Operand[] = []
  operand.addOperandsToList(operands)
  const reads = new Set<string>()
  for (const op of operands) {
    if (op instanceof FunctionOperand && !PURE_FUNCTIONS.has(op.functionName)) {
      return `expression "${expression}" calls ${op.functionName}()`
    }
    if (op instanceof Variable) {
      const problem = checkName(op.variable, place, commentSuffix)
      if (problem) return `expression "${expression}": ${problem}`
      const first = op.variable.split('.')[0]?.toLowerCase() ?? ''
      if (!(place.kind === 'cell' && first === ROW)) reads.add(first)
    }
  }
  const runner = new ConditionRunner(expression)
  if (runner.isAsync || !runner.canRun()) return `expression "${expression}" cannot run here`
  // Each name split once here; survey-core's ValueGetter splits it again on every evaluation.
  const paths = new Map(
    operands
      .filter((op) => op instanceof Variable)
      .map((op) => [op.variable, op.variable.split('.')]),
  )
  return {
    expression,
    reads: [...reads],
    run(scope, extra) {
      const values = new FastProcessValue(place, paths, scope, extra?.item, extra?.row)
      const result: unknown = operand.evaluate(values)
      // biome-ignore lint/suspicious/noDoubleEquals: ConditionRunner.runContext's own test (1 and '1' pass)
      return result == true
    },
  }
}

const NO_PROPERTIES = {}
// Never read: FastProcessValue answers every lookup itself.
const NO_CONTEXT = { getValue: () => NOT_FOUND }

/**
 * survey-core's ProcessValue for one evaluation (what ConditionRunner.runContext builds), with
 * names resolved here on paths split at compile time. The rest is ValueGetter's: an unresolved
 * `x.length` reads 0, and a found value carries its strict-compare flag. No closures: tsx names
 * every function it creates, which costs more than the lookup itself.
 */
class FastProcessValue extends ProcessValue {
  constructor(
    private readonly place: ExpressionPlace,
    private readonly paths: Map<string, string[]>,
    private readonly scope: ExpressionScope,
    private readonly item: unknown,
    private readonly row: unknown,
  ) {
    super(NO_CONTEXT)
    this.properties = NO_PROPERTIES
  }

  #find(name: string): GetterInfo {
    const path = this.paths.get(name) ?? name.split('.')
    const found =
      this.place.kind === 'item'
        ? resolveItem(this.scope, path, this.item)
        : this.place.kind === 'cell'
          ? resolveCell(this.scope, path, this.place.columns, this.row)
          : resolveTop(this.scope, path)
    if (!found.isFound && found.value === undefined && name.endsWith('.length')) {
      return { isFound: true, value: 0 }
    }
    return found
  }

  override hasValue(text: string): boolean {
    return this.#find(text).isFound === true
  }

  override getValue(text: string): unknown {
    return this.#find(text).value
  }

  override getValueInfo(valueInfo: {
    name: string
    value?: unknown
    hasValue?: boolean
    strictCompare?: boolean
  }): { hasValue: boolean } {
    const found = this.#find(valueInfo.name)
    const hasValue = found.isFound === true
    valueInfo.value = hasValue ? found.value : undefined
    valueInfo.hasValue = hasValue
    valueInfo.strictCompare = hasValue ? found.requireStrictCompare : undefined
    return { hasValue }
  }
}

function checkName(name: string, place: ExpressionPlace, commentSuffix: string): string {
  if (/[[\]$]/.test(name) || name.startsWith(settings.expressionElementPropertyPrefix)) {
    return `{${name}} reads an element property or an index`
  }
  const parts = name.split('.')
  if (parts.some((p) => p === '')) return `{${name}} is not a plain name`
  const lower = parts.map((p) => p.toLowerCase())
  const first = lower[0] ?? ''
  if (lower.some((p) => p.endsWith(settings.expressionVariables.unwrapPostfix))) {
    return `{${name}} uses the unwrapped suffix`
  }
  if (commentSuffix && name.toLowerCase().endsWith(commentSuffix.toLowerCase())) {
    return `{${name}} reads a comment`
  }
  if (place.kind === 'item' && (ITEM_NAMES.has(first) || first === SELF)) {
    return parts.length === 1 ? '' : `{${name}} reads a property of the item`
  }
  if (place.kind === 'cell' && first === ROW) {
    const column = parts.length === 2 ? place.columns.get(lower[1] ?? '') : undefined
    return column ? '' : `{${name}} is not {row.<column>}`
  }
  if (BUILT_INS.has(first) || RESERVED.has(first)) return `{${name}} is a built-in name`
  // The owner's own value (a matrix row, a list index) would answer before the survey does.
  for (let end = 1; end <= lower.length; end++) {
    if (place.taken(lower.slice(0, end).join('.'))) return `{${name}} names a key of its owner`
  }
  return ''
}

function resolveItem(scope: ExpressionScope, path: string[], item: unknown): GetterInfo {
  const first = path[0]?.toLowerCase() ?? ''
  if (path.length === 1 && (ITEM_NAMES.has(first) || first === SELF)) {
    return { isFound: true, value: item }
  }
  return resolveTop(scope, path)
}

function resolveCell(
  scope: ExpressionScope,
  path: string[],
  columns: Map<string, string>,
  row: unknown,
): GetterInfo {
  if (path.length === 2 && path[0]?.toLowerCase() === ROW) {
    const column = columns.get(path[1]?.toLowerCase() ?? '') ?? ''
    const value = isRecord(row) && Object.hasOwn(row, column) ? row[column] : undefined
    return { isFound: true, value }
  }
  return resolveTop(scope, path)
}

/**
 * survey-core's survey-level resolution: variables first, then questions (longest dotted
 * prefix first, case-insensitive), then the raw values.
 */
export function resolveTop(scope: ExpressionScope, path: string[]): GetterInfo {
  const variable = lookup(scope.variables, path)
  if (variable.isFound) return variable
  for (let end = path.length; end > 0; end--) {
    const q = scope.questions.get(path.slice(0, end).join('.').toLowerCase())
    if (!q) continue
    const value = questionValue(scope, q)
    if (end === path.length) return { isFound: true, value, requireStrictCompare: q.strict }
    const inner = isEmptyAnswer(value) ? NOT_FOUND : lookup(value, path.slice(end))
    return inner.isFound ? inner : lookup(scope.values, path)
  }
  return lookup(scope.values, path)
}

/** The value survey-core's question holds for these answers. */
export function questionValue(scope: ExpressionScope, q: ExpressionQuestion): unknown {
  const value = Object.hasOwn(scope.values, q.name) ? scope.values[q.name] : undefined
  return q.listValue && (value === undefined || value === null) ? [] : value
}

// survey-core's VariableGetterContext: a dotted path through objects, longest key first,
// keys compared case-insensitively, `length` of arrays and strings.
function lookup(root: unknown, path: string[]): GetterInfo {
  let value = root
  let i = 0
  while (i < path.length) {
    let found = false
    for (let end = path.length; end > i; end--) {
      const next = itemOf(value, path.slice(i, end).join('.'))
      if (next !== undefined) {
        value = next
        i = end
        found = true
        break
      }
    }
    if (!found) return NOT_FOUND
  }
  return { isFound: true, value }
}

function itemOf(obj: unknown, name: string): unknown {
  if (!obj || !name) return undefined
  if (name === 'length' && (Array.isArray(obj) || typeof obj === 'string')) return obj.length
  if (typeof obj !== 'object') return undefined
  const lower = name.toLowerCase()
  const a = lower[0]
  const upper = name[0]?.toLocaleUpperCase()
  for (const key in obj) {
    const first = key[0]
    if ((first === a || first === upper) && key.toLowerCase() === lower) {
      return (obj as Record<string, unknown>)[key]
    }
  }
  return undefined
}

/** survey-core's `isValueEmpty` with strings trimmed (how questions test their own value). */
export function isEmptyAnswer(value: unknown, trim = true): boolean {
  if (trim && typeof value === 'string') return isEmptyValue(value.trim())
  return isEmptyValue(value)
}

function isEmptyValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0
  if (isRecord(value) && value.constructor === Object) {
    for (const key in value) if (!isEmptyValue(value[key])) return false
    return true
  }
  return !value && value !== 0 && value !== false
}

/**
 * Variables as survey-core stores them: lower-case names, later duplicates win, `undefined`
 * values absent. Returns undefined for names survey-core would also look up among answers.
 */
export function normalizeVariables(
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (!name) continue
    if (/[.[]/.test(name)) return undefined
    out[name.toLowerCase()] = value
  }
  return out
}
