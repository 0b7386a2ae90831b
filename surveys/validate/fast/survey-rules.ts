/**
 * What survey-core's `validate()` would report for the compiled questionnaire, computed on plain
 * answers: required answers (`isRequired`, `requiredIf`), "Other" without its text, too few
 * choices, empty matrix rows, number ranges and steps, date bounds, e-mail inputs and
 * validators, for every shown question and every cell of a shown matrix row. In a draft, the
 * errors that only say "not finished yet" are left out, as the reference does.
 */
import { settings } from 'survey-core'
import { isRecord } from '../../json.ts'
import { type FastRun, isShown, shownChoices, shownRows } from './answer-checks.ts'
import { isEmptyAnswer, questionValue, resolveTop } from './expressions.ts'
import type { FieldPlan, TextPlan, ValidatorPlan } from './plan.ts'

/** Paths of the questions and cells survey-core would flag for `run.scope.values`. */
export function listSurveyErrors(run: FastRun): string[] {
  const paths: string[] = []
  const values = run.scope.values
  for (const q of run.plan.questions.values()) {
    if (q.kind === 'display' || !isShown(q, run)) continue
    const value = questionValue(run.scope, { name: q.name, listValue: isList(q), strict: false })
    const comment = values[q.name + run.plan.commentSuffix]
    if (hasErrors(q, value, run, comment)) paths.push(q.name)
    if (!q.cells) continue
    const rows = shownRows(q, run)
    const answer = isRecord(value) ? value : {}
    for (const rowKey of q.cells.rows) {
      if (!rows.has(rowKey)) continue
      const row = answer[rowKey]
      const cells = isRecord(row) ? row : {}
      for (const [column, cell] of q.cells.columns) {
        const cellValue = Object.hasOwn(cells, column) ? cells[column] : undefined
        if (hasErrors(cell, cellValue, run, undefined, row)) {
          paths.push(`${q.name}.${rowKey}.${column}`)
        }
      }
    }
  }
  return paths
}

function isList(f: FieldPlan): boolean {
  return f.kind === 'choices' || f.kind === 'ranking'
}

// One error of survey-core, and whether a draft leaves it out.
type Found = { incomplete: boolean }

function hasErrors(
  f: FieldPlan,
  value: unknown,
  run: FastRun,
  comment: unknown,
  row?: unknown,
): boolean {
  let errors = ownErrors(f, value, run, comment, row)
  // survey-core runs the validators only when the question has no error of its own.
  if (errors.length === 0) errors = validatorErrors(f.validators, value, run)
  return errors.some((e) => run.mode === 'submit' || !e.incomplete)
}

function ownErrors(
  f: FieldPlan,
  value: unknown,
  run: FastRun,
  comment: unknown,
  row: unknown,
): Found[] {
  const errors: Found[] = []
  const textBase = f.kind === 'text' || f.kind === 'comment' || f.kind === 'number'
  const empty = isEmptyAnswer(value) || (textBase && value === '')
  const required = f.isRequired || (f.requiredIf?.run(run.scope, { row }) ?? false)
  if (required && empty) errors.push({ incomplete: true })
  const choices = f.choices
  if (choices && f.other) {
    const chosen = Array.isArray(value) ? value : [value]
    if (chosen.includes(f.other.value) && !comment) errors.push({ incomplete: true })
  }
  if (choices && choices.minSelected >= 1) {
    const list = Array.isArray(value) ? value : []
    const shown = shownChoices(choices, run)
    const none =
      list.length === 1 && [...choices.exclusive].some((v) => shown.has(v) && list.includes(v))
    if (!none && list.length < choices.minSelected) errors.push({ incomplete: true })
  }
  if (f.matrix?.allRows) {
    const rows = shownRows(f, run)
    const answer = isRecord(value) ? value : {}
    if ([...rows].some((r) => isEmptyAnswer(answer[String(r)]))) errors.push({ incomplete: true })
  }
  if (f.text && !empty && textErrors(f.text, value)) errors.push({ incomplete: false })
  return errors
}

function textErrors(text: TextPlan, value: unknown): boolean {
  if (typeof value === 'number') {
    if (text.min !== undefined && value < text.min) return true
    if (text.max !== undefined && value > text.max) return true
    if (text.step !== undefined && isOffStep(value, text.step)) return true
  }
  if (typeof value === 'string') {
    if (text.dateMin !== undefined && toDate(value) < toDate(text.dateMin)) return true
    if (text.dateMax !== undefined && toDate(value) > toDate(text.dateMax)) return true
  }
  return !!text.email?.validate(value, '', {})?.error
}

// survey-core's isStepNumberIncorrect.
function isOffStep(value: number, rawStep: number): boolean {
  let val = value
  let step = rawStep
  let pw = 1
  while (
    (Math.round(step * pw) / pw !== step || Math.round(val * pw) / pw !== val) &&
    pw < 1000000
  ) {
    pw *= 10
  }
  val = Math.round(val * pw)
  step = Math.round(step * pw)
  return step > 0 && val % step !== 0
}

// survey-core's createDate: a date-only ISO string is local midnight.
function toDate(value: string): number {
  const isoDateOnly =
    value.indexOf('T') <= 0 &&
    /\d{4}-\d{2}-\d{2}/.test(value) &&
    !Number.isNaN(new Date(value).getTime())
  const text = !settings.storeUtcDates && isoDateOnly ? `${value}T00:00:00` : value
  return new Date(text).getTime()
}

function validatorErrors(validators: ValidatorPlan[], value: unknown, run: FastRun): Found[] {
  const errors: Found[] = []
  for (const v of validators) {
    if (v.kind === 'expression') {
      if (!v.condition.run(run.scope)) errors.push({ incomplete: readsEmpty(v.names, run) })
    } else if (v.kind === 'count') {
      const count = Array.isArray(value) ? value.length : 0
      if (count === 0) continue
      if (v.min && count < v.min) errors.push({ incomplete: !v.customText })
      else if (v.max && count > v.max) errors.push({ incomplete: false })
    } else if (v.validator.validate(value, '', {})?.error) errors.push({ incomplete: false })
  }
  return errors
}

// The reference waits in a draft for an expression validator that reads an empty answer.
function readsEmpty(names: string[], run: FastRun): boolean {
  return names.some((name) => {
    const info = resolveTop(run.scope, name.split('.'))
    const value = info.isFound ? info.value : name.endsWith('.length') ? 0 : undefined
    return isEmptyAnswer(value, false)
  })
}
