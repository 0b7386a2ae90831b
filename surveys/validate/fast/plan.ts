/**
 * The fast validator's view of a questionnaire: plain data read once from a survey-core model
 * (choices, scales, rows, columns, lengths, validators) and conditions compiled once.
 */
import {
  type EmailValidator,
  type Model,
  type Question,
  QuestionRankingModel,
  type SurveyValidator,
} from 'survey-core'
import type { Primitive } from '../../json.ts'
import { kindOf, type QuestionKind } from '../../question-kinds.ts'
import {
  type Condition,
  compileCondition,
  type ExpressionPlace,
  type ExpressionQuestion,
} from './expressions.ts'
import { compileField, ownerKeys } from './plan-fields.ts'

/** Choices of a choice question, checkbox, tag box, image picker or ranking. */
export interface ChoicePlan {
  /** The question's own choices, filtered by `visibleIf` at run time. */
  items: Primitive[]
  /** "None" and "Other": offered whatever `visibleIf` says. */
  specials: Primitive[]
  /** Values that exclude any other choice (`isExclusive`, "None"). */
  exclusive: Set<Primitive>
  /** Every value the question knows (irregular-value guard). */
  known: Set<Primitive>
  visibleIf?: Condition
  /** A ranking without select-to-rank: every shown choice, once. */
  ranksAll: boolean
  /** Checkbox family (checkbox, tag box, ranking): count limits; 0 = none. */
  maxSelected: number
  minSelected: number
}

/** What a text question adds to its answer's checks. */
export interface TextPlan {
  min?: number
  max?: number
  step?: number
  /** Date bounds as survey-core renders them (its default maximum is 2999-12-31). */
  dateMin?: string
  dateMax?: string
  /** `inputType: email` without an email validator: survey-core checks the address itself. */
  email?: EmailValidator
}

/** One validator of a question. */
export type ValidatorPlan =
  | { kind: 'expression'; condition: Condition; names: string[] }
  | { kind: 'count'; min: number; max: number; customText: boolean }
  | { kind: 'plain'; validator: SurveyValidator }

/** A question (top level) or a matrix column (its cells). */
export interface FieldPlan {
  name: string
  kind: QuestionKind
  isRequired: boolean
  requiredIf?: Condition
  /** Text and comment: the questionnaire's limit or the default (limits.ts); 0 for others. */
  maxLength: number
  /** "Other", whose text is stored under `<name><commentSuffix>`. */
  other?: { value: Primitive; maxLength: number }
  choices?: ChoicePlan
  scale?: Primitive[]
  booleans?: [unknown, unknown]
  text?: TextPlan
  validators: ValidatorPlan[]
  matrix?: RowsPlan & { columns: Primitive[]; allRows: boolean }
  cells?: RowsPlan & { columns: Map<string, FieldPlan> }
}

/** The rows of a matrix: their keys in the answer, their values (`{item}`), `rowsVisibleIf`. */
export interface RowsPlan {
  rows: string[]
  values: Primitive[]
  rowsVisibleIf?: Condition
}

/** A top-level question and the conditions (its own, its panels', its page's) that show it. */
export interface TopPlan extends FieldPlan {
  visibleIf: Condition[]
}

/** A compiled questionnaire. */
export interface SurveyPlan {
  questions: Map<string, TopPlan>
  commentSuffix: string
  expressionQuestions: Map<string, ExpressionQuestion>
  /** Choice questions some condition reads: their values must be known choices (else defer). */
  guarded: TopPlan[]
}

/** Compile-time context shared by the field compilers. */
export interface PlanContext {
  commentSuffix: string
  problems: string[]
  reads: Set<string>
  condition(expression: string, place: ExpressionPlace, where: string): Condition | undefined
}

/**
 * Builds the plan of `model`, or returns why a part of it cannot be compiled. The model must be
 * fresh (no answers, no variables): the plan reads its static state.
 */
export function compileSurveyPlan(model: Model): SurveyPlan | string[] {
  const problems: string[] = []
  const reads = new Set<string>()
  const ctx: PlanContext = {
    commentSuffix: model.commentSuffix,
    problems,
    reads,
    condition(expression, place, where) {
      const compiled = compileCondition(expression, place, model.commentSuffix)
      if (typeof compiled === 'string') {
        problems.push(`${where}: ${compiled}`)
        return undefined
      }
      for (const name of compiled.reads) reads.add(name)
      return compiled
    },
  }
  const questions = new Map<string, TopPlan>()
  const expressionQuestions = new Map<string, ExpressionQuestion>()
  for (const q of model.getAllQuestions(false, false, false)) {
    const name = q.getValueName()
    if (name !== q.name) problems.push(`${q.name}: valueName`)
    const lower = name.toLowerCase()
    if (expressionQuestions.has(lower)) problems.push(`${name}: names differ only in case`)
    const kind = kindOf(q)
    expressionQuestions.set(lower, {
      name,
      listValue: kind === 'choices' || kind === 'ranking',
      strict: q instanceof QuestionRankingModel,
    })
    const field = compileField(q, ctx, ownerKeys(q))
    if (field) questions.set(name, { ...field, visibleIf: visibility(q, ctx) })
  }
  const guarded = [...questions.values()].filter(
    (q) => q.choices && reads.has(q.name.toLowerCase()),
  )
  for (const q of guarded) {
    if (q.kind === 'ranking') problems.push(`${q.name}: a condition reads a ranking`)
    if (q.other && q.choices?.visibleIf) {
      problems.push(`${q.name}: a condition reads "Other" with choicesVisibleIf`)
    }
  }
  if (problems.length > 0) return problems
  return { questions, commentSuffix: model.commentSuffix, expressionQuestions, guarded }
}

// The question's own `visibleIf`, then each enclosing panel's and the page's.
function visibility(q: Question, ctx: PlanContext): Condition[] {
  const out: Condition[] = []
  const own = ownerKeys(q)
  if (q.visibleIf) {
    const c = ctx.condition(q.visibleIf, { kind: 'question', taken: own }, q.name)
    if (c) out.push(c)
  }
  let parent: unknown = q.parent
  while (parent && typeof parent === 'object') {
    const visibleIf: unknown = Reflect.get(parent, 'visibleIf')
    const name = String(Reflect.get(parent, 'name'))
    if (typeof visibleIf === 'string' && visibleIf) {
      const c = ctx.condition(visibleIf, { kind: 'question', taken: () => false }, name)
      if (c) out.push(c)
    }
    parent = Reflect.get(parent, 'parent')
  }
  return out
}
