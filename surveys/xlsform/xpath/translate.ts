// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
/**
 * Prints an XPath syntax tree as a SurveyJS expression, or says why it cannot. Each translated
 * construct keeps the meaning ODK gives it for the answers SurveyJS stores: `selected()` is
 * `contains` on a list answer but `=` on a single one, a comparison with `''` is `empty` /
 * `notempty`, `${q}` inside a repeat is `{panel.q}`.
 */
import { type BinaryOp, parseXPath, type XPathNode } from './parse.ts'
import { XPathSyntaxError } from './tokenize.ts'

/** How a name of the form holds its answer, as expressions see it. */
export interface NameInfo {
  /** `choice` one choice, `list` several (select_multiple, rank), `repeat` one record per repeat, `none` no answer (a group, a note). */
  answer: 'value' | 'choice' | 'list' | 'repeat' | 'none'
  /** The repeats it sits in, outermost first. */
  repeats: readonly string[]
  /** Why the name has no value in the questionnaire (`is metadata Gapkit does not collect`). */
  missing?: string
  /** A `date` question: its answer is a day (`YYYY-MM-DD`), and two days subtract to days. */
  date?: boolean
  /** A `calculate`: a SurveyJS calculated value, which a property binding cannot read. */
  calculated?: boolean
}

/** Where an expression is read. */
export interface TranslateContext {
  names: ReadonlyMap<string, NameInfo>
  /** The question that `.` means (the row's own question), if any. */
  self?: string
  /** The repeats the expression's row sits in, outermost first. */
  repeats: readonly string[]
  /**
   * In a `choice_filter`: a bare name is a column of the choices sheet; this returns its
   * SurveyJS operand (a constant, or `{item}` for the choice's own name).
   */
  column?: (name: string) => Printed | undefined
}

/** A printed SurveyJS operand and how tightly it binds (higher binds tighter). */
export interface Printed {
  text: string
  level: number
}

/** A construct with no SurveyJS equivalent; the message says which and why. */
export class UntranslatableError extends Error {
  override name = 'UntranslatableError'
}

export type Translation = { ok: true; expression: string } | { ok: false; reason: string }

const OR = 1
const AND = 2
const COMPARE = 3
const ADD = 4
const MULTIPLY = 5
const ATOM = 7

const PRINTED_OP: Partial<Record<BinaryOp, { text: string; level: number }>> = {
  or: { text: 'or', level: OR },
  and: { text: 'and', level: AND },
  '=': { text: '=', level: COMPARE },
  '!=': { text: '!=', level: COMPARE },
  '<': { text: '<', level: COMPARE },
  '<=': { text: '<=', level: COMPARE },
  '>': { text: '>', level: COMPARE },
  '>=': { text: '>=', level: COMPARE },
  '+': { text: '+', level: ADD },
  '-': { text: '-', level: ADD },
  '*': { text: '*', level: MULTIPLY },
  div: { text: '/', level: MULTIPLY },
  mod: { text: '%', level: MULTIPLY },
}

/**
 * Translates an XPath expression for SurveyJS.
 *
 * @example
 * translateXPath("selected(${crops}, 'maize') and ${age} >= 18", context)
 * // { ok: true, expression: "{crops} contains 'maize' and {age} >= 18" }
 */
export function translateXPath(source: string, ctx: TranslateContext): Translation {
  try {
    return { ok: true, expression: translateNode(parseXPath(source), ctx).text }
  } catch (error) {
    return { ok: false, reason: describeFailure(error) }
  }
}

/** The reason of a failed parse or translation, as one sentence. */
export function describeFailure(error: unknown): string {
  if (error instanceof XPathSyntaxError) {
    return `not a valid expression: ${error.message} (at character ${error.at + 1})`
  }
  if (error instanceof UntranslatableError) return error.message
  throw error
}

/** Prints one node; throws `UntranslatableError`. */
export function translateNode(node: XPathNode, ctx: TranslateContext): Printed {
  switch (node.kind) {
    case 'number':
      return { text: String(node.value), level: ATOM }
    case 'string':
      return { text: quote(node.value), level: ATOM }
    case 'ref':
      return atom(`{${variable(node.name, ctx)}}`)
    case 'self':
      return atom(`{${variable(selfName(ctx), ctx)}}`)
    case 'name':
      return columnOrFail(node.name, ctx)
    case 'path':
      throw new UntranslatableError(
        `the path "${node.text}" is not supported: name questions as \${name}`,
      )
    case 'negate':
      return negate(translateNode(node.operand, ctx))
    case 'binary':
      return binary(node.op, node.left, node.right, ctx)
    case 'call':
      return call(node.name, node.args, ctx)
  }
}

function atom(text: string): Printed {
  return { text, level: ATOM }
}

/** A SurveyJS text constant; SurveyJS cannot read quotes inside one. */
export function quote(value: string): string {
  if (/['"]/.test(value)) {
    throw new UntranslatableError(
      `the text ${JSON.stringify(value)} holds a quote, which SurveyJS expressions cannot hold`,
    )
  }
  return `'${value}'`
}

function selfName(ctx: TranslateContext): string {
  if (!ctx.self) throw new UntranslatableError('"." (this question) has no meaning here')
  return ctx.self
}

function columnOrFail(name: string, ctx: TranslateContext): Printed {
  const column = ctx.column?.(name)
  if (column) return column
  if (ctx.column) throw new UntranslatableError(`the choices sheet has no column "${name}"`)
  throw new UntranslatableError(`"${name}" is an XPath path, not a reference: write \${${name}}`)
}

/**
 * The SurveyJS variable (without braces) of a name read from `ctx`: `q`, `panel.q` from the
 * same repeat, `parentPanel.q` from a repeat inside its repeat.
 */
export function variable(name: string, ctx: TranslateContext): string {
  const info = ctx.names.get(name)
  if (!info) throw new UntranslatableError(`\${${name}} names no question of the form`)
  if (info.missing) throw new UntranslatableError(`\${${name}} ${info.missing}`)
  if (info.answer === 'none') throw new UntranslatableError(`\${${name}} holds no answer`)
  return scoped(name, info.repeats, ctx.repeats)
}

function scoped(name: string, own: readonly string[], from: readonly string[]): string {
  if (own.length === 0) return name
  const inside = own.every((r, i) => from[i] === r)
  if (!inside) {
    throw new UntranslatableError(
      `\${${name}} is inside the repeat "${own.at(-1)}": read from outside it, it is one answer per repeat`,
    )
  }
  const up = from.length - own.length
  if (up === 0) return `panel.${name}`
  if (up === 1) return `parentPanel.${name}`
  throw new UntranslatableError(`\${${name}} is read from more than one repeat further in`)
}

function wrap(p: Printed, needs: boolean): string {
  return needs ? `(${p.text})` : p.text
}

function negate(operand: Printed): Printed {
  if (/^\d/.test(operand.text) && operand.level === ATOM) return atom(`-${operand.text}`)
  return { text: `0 - ${wrap(operand, operand.level <= ADD)}`, level: ADD }
}

function binary(op: BinaryOp, left: XPathNode, right: XPathNode, ctx: TranslateContext): Printed {
  const printed = PRINTED_OP[op]
  if (!printed) throw new UntranslatableError(`the operator "${op}" is not supported`)
  if (op === '-' && isDay(left, ctx) && isDay(right, ctx)) {
    // ODK subtracts two dates as days; SurveyJS would subtract two texts (NaN). Its dateDiff()
    // counts whole days between local midnights, unsigned, and null when a date is missing.
    const [to, from] = [translateNode(left, ctx), translateNode(right, ctx)]
    const days = `dateDiff(${from.text}, ${to.text}, 'days')`
    const before = `${wrap(to, to.level <= COMPARE)} < ${wrap(from, from.level <= COMPARE)}`
    return atom(`iif(${before}, 0 - ${days}, ${days})`)
  }
  if ((op === '=' || op === '!=') && isEmptyText(right)) {
    return emptiness(translateNode(left, ctx), op === '=')
  }
  if ((op === '=' || op === '!=') && isEmptyText(left)) {
    return emptiness(translateNode(right, ctx), op === '=')
  }
  const joined = join(
    printed.text,
    printed.level,
    translateNode(left, ctx),
    translateNode(right, ctx),
  )
  return printed.level === COMPARE ? guardArithmetic(op, joined, [left, right], ctx) : joined
}

const ARITHMETIC = new Set<BinaryOp>(['+', '-', '*', 'div', 'mod'])
const NUMERIC_CALLS = new Set(['int', 'round', 'number'])

/**
 * A comparison of a sum (or any arithmetic) of answers, as ODK reads it: an unanswered operand
 * makes the number NaN, so the comparison is false (true for `!=`). SurveyJS counts an empty
 * operand as 0: `${income} - ${spent} < 0` would hold with only `spent` answered. The
 * comparison is guarded by the answers its arithmetic reads.
 */
function guardArithmetic(
  op: BinaryOp,
  comparison: Printed,
  operands: XPathNode[],
  ctx: TranslateContext,
): Printed {
  const names = new Set<string>()
  for (const operand of operands) arithmeticOperands(operand, ctx, false, names)
  if (names.size === 0) return comparison
  const test = op === '!=' ? 'empty' : 'notempty'
  const guards = [...names].map((name) => `{${name}} ${test}`)
  if (op === '!=') return { text: [...guards, comparison.text].join(' or '), level: OR }
  return { text: [...guards, comparison.text].join(' and '), level: AND }
}

/** The SurveyJS variables that are operands of arithmetic within `node`. */
function arithmeticOperands(
  node: XPathNode,
  ctx: TranslateContext,
  inArithmetic: boolean,
  out: Set<string>,
): void {
  if ((node.kind === 'ref' || node.kind === 'self') && inArithmetic) {
    out.add(variable(referenced(node, ctx) ?? '', ctx))
  } else if (node.kind === 'negate') {
    arithmeticOperands(node.operand, ctx, true, out)
  } else if (node.kind === 'binary' && ARITHMETIC.has(node.op)) {
    arithmeticOperands(node.left, ctx, true, out)
    arithmeticOperands(node.right, ctx, true, out)
  } else if (node.kind === 'call' && NUMERIC_CALLS.has(node.name)) {
    for (const arg of node.args) arithmeticOperands(arg, ctx, inArithmetic, out)
  }
}

/** `today()`, `date('YYYY-MM-DD')` or a `date` question: a day. */
function isDay(node: XPathNode, ctx: TranslateContext): boolean {
  if (node.kind === 'call') return node.name === 'today' || node.name === 'date'
  const question = node.kind === 'ref' || node.kind === 'self' ? referenced(node, ctx) : null
  return question !== null && ctx.names.get(question)?.date === true
}

function isEmptyText(node: XPathNode): boolean {
  return node.kind === 'string' && node.value === ''
}

// `x = ''` is true for an unanswered question in ODK; SurveyJS's `empty` says the same of an
// empty list, where `= ''` would not.
function emptiness(operand: Printed, isEmpty: boolean): Printed {
  return {
    text: `${wrap(operand, operand.level < ATOM)} ${isEmpty ? 'empty' : 'notempty'}`,
    level: COMPARE,
  }
}

function join(op: string, level: number, left: Printed, right: Printed): Printed {
  const associative = level === OR || level === AND
  const leftNeeds = left.level < level || (left.level === level && level === COMPARE)
  const rightNeeds = right.level < level || (right.level === level && !associative)
  return { text: `${wrap(left, leftNeeds)} ${op} ${wrap(right, rightNeeds)}`, level }
}

function call(name: string, args: XPathNode[], ctx: TranslateContext): Printed {
  const translate = FUNCTIONS[name]
  if (!translate) {
    throw new UntranslatableError(`the function ${name}() has no SurveyJS equivalent`)
  }
  return translate(args, ctx, name)
}

type FunctionTranslation = (args: XPathNode[], ctx: TranslateContext, name: string) => Printed

function arity(name: string, args: XPathNode[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const count = min === max ? `${min}` : `${min} to ${max}`
    throw new UntranslatableError(`${name}() takes ${count} argument(s), not ${args.length}`)
  }
}

/** The question a node names (`${q}` or `.`), or null when it is not a plain reference. */
function referenced(node: XPathNode, ctx: TranslateContext): string | null {
  if (node.kind === 'ref') return node.name
  if (node.kind === 'self') return selfName(ctx)
  return null
}

const FUNCTIONS: Record<string, FunctionTranslation> = {
  selected(args, ctx, name) {
    arity(name, args, 2)
    const [list, value] = args as [XPathNode, XPathNode]
    const question = referenced(list, ctx)
    const left = translateNode(list, ctx)
    const right = translateNode(value, ctx)
    const isList = question !== null && ctx.names.get(question)?.answer === 'list'
    return join(isList ? 'contains' : '=', COMPARE, left, right)
  },
  'count-selected'(args, ctx, name) {
    arity(name, args, 1)
    return atom(`count(${translateNode(args[0] as XPathNode, ctx).text})`)
  },
  'string-length'(args, ctx, name) {
    arity(name, args, 1)
    const question = referenced(args[0] as XPathNode, ctx)
    if (question === null) {
      throw new UntranslatableError('string-length() is translated for a question (${q} or .) only')
    }
    const v = variable(question, ctx)
    return atom(`iif({${v}} empty, 0, {${v}.length})`)
  },
  not(args, ctx, name) {
    arity(name, args, 1)
    return atom(`!(${translateNode(args[0] as XPathNode, ctx).text})`)
  },
  if(args, ctx, name) {
    arity(name, args, 3)
    return atom(`iif(${args.map((a) => translateNode(a, ctx).text).join(', ')})`)
  },
  today(args, _ctx, name) {
    arity(name, args, 0)
    return { text: TODAY, level: ADD }
  },
  now: constant('currentDate()'),
  true: constant('true'),
  false: constant('false'),
  int(args, ctx, name) {
    arity(name, args, 1)
    return atom(`trunc(${translateNode(args[0] as XPathNode, ctx).text})`)
  },
  round(args, ctx, name) {
    arity(name, args, 1, 2)
    return atom(`round(${args.map((a) => translateNode(a, ctx).text).join(', ')})`)
  },
  number: passThrough,
  string: passThrough,
  coalesce(args, ctx, name) {
    arity(name, args, 2)
    const [first, second] = args.map((a) => translateNode(a, ctx)) as [Printed, Printed]
    return atom(`iif(${wrap(first, first.level < ATOM)} notempty, ${first.text}, ${second.text})`)
  },
  date(args, ctx, name) {
    arity(name, args, 1)
    const [value] = args as [XPathNode]
    if (value.kind !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.value)) {
      throw new UntranslatableError('date() is translated for a written date (YYYY-MM-DD) only')
    }
    return translateNode(value, ctx)
  },
  count(args, ctx, name) {
    arity(name, args, 1)
    const repeat = referenced(args[0] as XPathNode, ctx)
    if (repeat === null || ctx.names.get(repeat)?.answer !== 'repeat') {
      throw new UntranslatableError('count() is translated for a repeat (${repeat}) only')
    }
    return atom(`count({${variable(repeat, ctx)}})`)
  },
  sum: inRepeat('sumInArray'),
  min: inRepeat('minInArray'),
  max: inRepeat('maxInArray'),
  position(args, ctx, name) {
    arity(name, args, 1)
    const [here] = args as [XPathNode]
    if (here.kind !== 'path' || here.text !== '..' || ctx.repeats.length === 0) {
      throw new UntranslatableError('position() is translated as position(..) inside a repeat only')
    }
    return { text: '{panelIndex} + 1', level: ADD }
  },
}

/**
 * Today as ODK gives it, the text `YYYY-MM-DD` of the respondent's day. SurveyJS's today() is a
 * Date at local midnight: compared with a date answer it works, but kept by a calculate it is
 * stored as an instant in UTC (the day before, east of Greenwich) and a default of a text
 * question shows the Date's long form.
 */
const TODAY = [
  'year(today())',
  "'-'",
  "iif(month(today()) < 10, '0', '')",
  'month(today())',
  "'-'",
  "iif(day(today()) < 10, '0', '')",
  'day(today())',
].join(' + ')

function constant(text: string): FunctionTranslation {
  return (args, _ctx, name) => {
    arity(name, args, 0)
    return atom(text)
  }
}

function passThrough(args: XPathNode[], ctx: TranslateContext, name: string): Printed {
  arity(name, args, 1)
  return translateNode(args[0] as XPathNode, ctx)
}

// sum(${q}) of a question in a repeat just inside the expression's place: SurveyJS's
// sumInArray over the repeat's records.
function inRepeat(surveyFunction: string): FunctionTranslation {
  return (args, ctx, name) => {
    arity(name, args, 1)
    const [arg] = args as [XPathNode]
    const info = arg.kind === 'ref' ? ctx.names.get(arg.name) : undefined
    const repeat = info?.repeats.at(-1)
    const justInside =
      info !== undefined &&
      repeat !== undefined &&
      info.repeats.length === ctx.repeats.length + 1 &&
      ctx.repeats.every((r, i) => info.repeats[i] === r)
    if (arg.kind !== 'ref' || !justInside || !repeat) {
      throw new UntranslatableError(
        `${name}() is translated for a question of a repeat (\${q} read from just outside it) only`,
      )
    }
    return atom(`${surveyFunction}({${variable(repeat, ctx)}}, ${quote(arg.name)})`)
  }
}
