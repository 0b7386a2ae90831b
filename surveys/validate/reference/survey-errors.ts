/**
 * Reads the errors survey-core's `validate()` left on the shown questions (required answers,
 * validators, number ranges, matrix rows and cells) as issues with answer paths.
 */
import {
  AnswerCountValidator,
  ConditionRunner,
  ExpressionValidator,
  Helpers,
  type Model,
  PanelModel,
  ProcessValue,
  type Question,
  QuestionCheckboxModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  type SurveyError,
} from 'survey-core'
import {
  addIssue,
  type CheckContext,
  isFlagged,
  joinPath,
  ownMessage,
  surveyMessage,
} from '../issues.ts'

// Errors that only say "not finished yet": skipped in draft mode.
const INCOMPLETE = new Set([
  'required',
  'requireoneanswer',
  'requiredinallrowserror',
  'minrowcounterror',
  'otherempty',
])

/** Adds the errors of every shown question of `model` (after `validate`) to `ctx`. */
export function collectSurveyErrors(model: Model, ctx: CheckContext): void {
  for (const q of model.getAllQuestions(true)) collectQuestion(q, q.getValueName(), ctx)
  // A required panel ("answer at least one question") carries its error itself.
  for (const panel of model.getAllPanels(true)) {
    if (!(panel instanceof PanelModel)) continue
    for (const error of panel.errors) {
      if (error.isError && (ctx.mode === 'submit' || !INCOMPLETE.has(error.getErrorType()))) {
        addIssue(ctx, panel.name, error.getText() || ownMessage(ctx.locale, 'invalid'))
      }
    }
  }
}

function collectQuestion(q: Question, path: string, ctx: CheckContext): void {
  addErrors(q, path, ctx)
  if (q instanceof QuestionMatrixDropdownModelBase) {
    const dynamic = q instanceof QuestionMatrixDynamicModel
    q.visibleRows.forEach((row, i) => {
      const rowPath = joinPath(path, dynamic ? i : String(row.rowName))
      for (const cell of row.cells) {
        if (cell.question.isVisible) {
          collectQuestion(cell.question, joinPath(rowPath, cell.column.name), ctx)
        }
      }
    })
  } else if (q instanceof QuestionPanelDynamicModel) {
    q.panels.forEach((panel, i) => {
      for (const inner of panel.questions) {
        if (inner.isVisible && inner.isParentVisible) {
          collectQuestion(inner, joinPath(joinPath(path, i), inner.getValueName()), ctx)
        }
      }
    })
  } else if (q instanceof QuestionMultipleTextModel) {
    for (const item of q.items) collectQuestion(item.editor, joinPath(path, item.name), ctx)
  }
}

function addErrors(q: Question, path: string, ctx: CheckContext): void {
  if (q.errors.length === 0 || isFlagged(ctx, path)) return
  for (const error of q.errors) {
    // Warnings and notes (a validator's notificationType) never block.
    if (!error.isError) continue
    if (ctx.mode === 'draft' && isIncomplete(q, error, ctx)) continue
    // A regex validator without `text` has an empty message.
    addIssue(ctx, path, error.getText() || ownMessage(ctx.locale, 'badFormat'))
  }
}

// Besides required answers: too few choices yet, and an expression validator that reads an
// unanswered question (survey-core runs those even on an empty answer, e.g. `{a} <= {b}` while
// `b` is still blank).
function isIncomplete(q: Question, error: SurveyError, ctx: CheckContext): boolean {
  if (INCOMPLETE.has(error.getErrorType())) return true
  const text = error.getText()
  const minimums: unknown[] = q.validators.map((v) =>
    v instanceof AnswerCountValidator ? v.minCount : 0,
  )
  if (q instanceof QuestionCheckboxModel) minimums.push(q.minSelectedChoices)
  for (const min of minimums) {
    if (typeof min === 'number' && min > 0) {
      if (text === surveyMessage(ctx.locale, 'minSelectError', min)) return true
    }
  }
  for (const v of q.validators) {
    if (!(v instanceof ExpressionValidator) || !readsEmptyValue(q, v)) continue
    // Run it again alone to tell its error from the others ('custom' errors carry no origin).
    const props: unknown = q.getDataFilteredProperties()
    const rerun = v.validateOnCallback(q.validatedValue, noop, q.getValidatorTitle(), props)
    if (rerun?.error?.getText() === text) return true
  }
  return false
}

function noop(): void {}

const variablesOf = new WeakMap<ExpressionValidator, string[]>()

function readsEmptyValue(q: Question, v: ExpressionValidator): boolean {
  let names = variablesOf.get(v)
  if (!names) {
    names = new ConditionRunner(v.expression ?? '').getVariables()
    variablesOf.set(v, names)
  }
  if (names.length === 0) return false
  const values = new ProcessValue(q.getValueGetterContext())
  return names.some((name) => Helpers.isValueEmpty(values.getValue(name)))
}
