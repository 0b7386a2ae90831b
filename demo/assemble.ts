/**
 * Puts a response together: hand-written answers where they still fit the questionnaire,
 * generic ones elsewhere, then drops what a condition hides or an expression validator rejects.
 */

import { isRecord, type JsonObject } from '../surveys/json.ts'
import type { Answers } from '../surveys/types.ts'
import {
  type Conditions,
  type GenericContext,
  genericAnswer,
  isVisible,
  itemValues,
  numericBounds,
  type QuestionSpec,
  ratingValues,
  visibleItems,
} from './generic.ts'
import { type Rng, randInt } from './random.ts'

/** Drops answers whose question is hidden, until nothing changes (a hidden answer can hide more). */
export function pruneHidden(
  specs: QuestionSpec[],
  answers: Answers,
  vars: Answers,
  cond: Conditions,
) {
  for (let pass = 0; pass < 5; pass++) {
    let changed = false
    const values = { ...answers, ...vars }
    for (const spec of specs) {
      if (spec.name in answers && !isVisible(spec, values, cond)) {
        delete answers[spec.name]
        changed = true
      }
    }
    if (!changed) return
  }
}

/** Names of answered questions whose expression validators fail. */
export function failingExpressions(
  specs: QuestionSpec[],
  answers: Answers,
  vars: Answers,
  cond: Conditions,
): string[] {
  const values = { ...answers, ...vars }
  const out: string[] = []
  for (const spec of specs) {
    if (!(spec.name in answers)) continue
    const validators = Array.isArray(spec.el.validators) ? spec.el.validators : []
    const fails = validators.some(
      (v) =>
        isRecord(v) &&
        v.type === 'expression' &&
        typeof v.expression === 'string' &&
        !cond(v.expression, values),
    )
    if (fails) out.push(spec.name)
  }
  return out
}

function inList(value: unknown, allowed: unknown[]): boolean {
  return allowed.some((a) => a === value)
}

function cellFits(col: JsonObject, matrix: JsonObject, value: unknown): boolean {
  const cellType = String(col.cellType ?? matrix.cellType ?? 'dropdown')
  if (cellType !== 'dropdown' && cellType !== 'radiogroup') return true
  const choices = itemValues(col.choices ?? matrix.choices)
  return inList(value, choices.length > 0 ? choices : [1, 2, 3, 4, 5])
}

/**
 * Whether a hand-written answer still fits the questionnaire (its codes, rows, columns and
 * ranges), so a renamed choice in a definition falls back to a generic answer, never to an
 * invalid one.
 */
export function fitsQuestion(spec: QuestionSpec, value: unknown, ctx: GenericContext): boolean {
  const { el } = spec
  const choices = () => {
    const shown = visibleItems(el.choices, el.choicesVisibleIf, ctx.values, ctx.cond)
    if (el.showNoneItem === true) shown.push('none')
    return shown
  }
  const max =
    typeof el.maxSelectedChoices === 'number' && el.maxSelectedChoices > 0
      ? el.maxSelectedChoices
      : Infinity
  switch (spec.type) {
    case 'radiogroup':
    case 'dropdown':
      return inList(value, choices())
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
      return Array.isArray(value) && value.length <= max && value.every((v) => inList(v, choices()))
    case 'rating':
      return inList(value, ratingValues(el))
    case 'text': {
      if (el.inputType !== 'number') return typeof value === 'string'
      const [lo, hi] = numericBounds(el)
      return typeof value === 'number' && value >= lo && value <= hi
    }
    case 'matrix': {
      if (!isRecord(value)) return false
      const rows = visibleItems(el.rows, el.rowsVisibleIf, ctx.values, ctx.cond).map(String)
      const columns = itemValues(el.columns)
      return Object.entries(value).every(([r, v]) => rows.includes(r) && inList(v, columns))
    }
    case 'matrixdropdown': {
      if (!isRecord(value)) return false
      const rows = visibleItems(el.rows, el.rowsVisibleIf, ctx.values, ctx.cond).map(String)
      const columns = new Map<string, JsonObject>()
      for (const c of Array.isArray(el.columns) ? el.columns : []) {
        if (isRecord(c) && typeof c.name === 'string') columns.set(c.name, c)
      }
      return Object.entries(value).every(([r, row]) => {
        if (!rows.includes(r) || !isRecord(row)) return false
        return Object.entries(row).every(([c, v]) => {
          const col = columns.get(c)
          return col !== undefined && cellFits(col, el, v)
        })
      })
    }
    default:
      return true
  }
}

/**
 * Answers a whole questionnaire: a hand-written value from `chosen` where it fits (`null` there
 * means "leave blank"), a generic one elsewhere; hidden questions stay unanswered and a value
 * failing an expression validator is redrawn or dropped.
 */
export function assembleAnswers(
  specs: QuestionSpec[],
  chosen: Answers,
  ctx: Omit<GenericContext, 'values'> & { vars: Answers },
): Answers {
  const answers: Answers = {}
  const context = (): GenericContext => ({ ...ctx, values: { ...answers, ...ctx.vars } })
  for (const spec of specs) {
    const c = context()
    if (!isVisible(spec, c.values, ctx.cond)) continue
    const own = spec.name in chosen ? chosen[spec.name] : undefined
    if (own === null) continue
    const value = own !== undefined && fitsQuestion(spec, own, c) ? own : genericAnswer(spec, c)
    if (value !== undefined) answers[spec.name] = value
  }
  pruneHidden(specs, answers, ctx.vars, ctx.cond)
  for (let attempt = 0; attempt < 5; attempt++) {
    const failing = failingExpressions(specs, answers, ctx.vars, ctx.cond)
    if (failing.length === 0) break
    for (const name of failing) {
      const spec = specs.find((s) => s.name === name)
      const redo = spec && attempt < 4 ? genericAnswer(spec, context()) : undefined
      if (redo === undefined) delete answers[name]
      else answers[name] = redo
    }
  }
  return answers
}

/** One response to build: where, when, in which language, with which randomness. */
export interface DemoCase {
  rng: Rng
  region: string
  wave: string
  language: string
  /** Position of the response within its survey (0-based). */
  index: number
  /** The questionnaire's questions, to read rows and choices from. */
  specs: QuestionSpec[]
}

/** The row values of a matrix question, or an empty list when the question is missing. */
export function rowsOf(specs: QuestionSpec[], name: string): string[] {
  const spec = specs.find((s) => s.name === name)
  return spec ? itemValues(spec.el.rows).map(String) : []
}

/** The choice values of a question, or an empty list when the question is missing. */
export function choicesOf(specs: QuestionSpec[], name: string): unknown[] {
  const spec = specs.find((s) => s.name === name)
  return spec ? itemValues(spec.el.choices) : []
}

/** A draft stops somewhere: answers after a random page are not there yet. */
export function truncateDraft(
  specs: QuestionSpec[],
  answers: Answers,
  rng: Rng,
  region: string,
  cond: Conditions,
) {
  const lastPage = specs.reduce((m, s) => Math.max(m, s.page), 0)
  const stop = randInt(rng, 0, Math.max(0, lastPage - 1))
  const out: Answers = {}
  for (const spec of specs) {
    if (spec.page <= stop && spec.name in answers) out[spec.name] = answers[spec.name]
  }
  pruneHidden(specs, out, { region }, cond)
  for (const name of failingExpressions(specs, out, { region }, cond)) delete out[name]
  return out
}
