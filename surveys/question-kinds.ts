/** How each SurveyJS question type stores its answer, and what server validation supports. */
import {
  ChoiceItem,
  type Model,
  type Question,
  QuestionCheckboxModel,
  QuestionImagePickerModel,
  QuestionMatrixDropdownModelBase,
  QuestionPanelDynamicModel,
  QuestionSelectBase,
  QuestionTextModel,
} from 'survey-core'

/** The shape of an answer, one per family of question types. */
export type QuestionKind =
  | 'text'
  | 'number'
  | 'comment'
  | 'choice'
  | 'choices'
  | 'ranking'
  | 'rating'
  | 'boolean'
  | 'matrix'
  | 'matrixdropdown'
  | 'matrixdynamic'
  | 'paneldynamic'
  | 'multipletext'
  | 'expression'
  | 'file'
  | 'signaturepad'
  | 'slider'
  | 'display'

const byType: Record<string, QuestionKind> = {
  comment: 'comment',
  radiogroup: 'choice',
  dropdown: 'choice',
  buttongroup: 'choice',
  checkbox: 'choices',
  tagbox: 'choices',
  ranking: 'ranking',
  rating: 'rating',
  boolean: 'boolean',
  matrix: 'matrix',
  matrixdropdown: 'matrixdropdown',
  matrixdynamic: 'matrixdynamic',
  paneldynamic: 'paneldynamic',
  multipletext: 'multipletext',
  expression: 'expression',
  file: 'file',
  signaturepad: 'signaturepad',
  slider: 'slider',
  html: 'display',
  image: 'display',
}

/** The answer shape of a question, or undefined for a type the server cannot validate. */
export function kindOf(q: Question): QuestionKind | undefined {
  const type = q.getType()
  if (type === 'text') return isNumericText(q) ? 'number' : 'text'
  if (type === 'imagepicker') {
    return q instanceof QuestionImagePickerModel && q.multiSelect ? 'choices' : 'choice'
  }
  return byType[type]
}

// A number input, or a numeric/currency mask that stores the unmasked number, holds a number.
function isNumericText(q: Question): boolean {
  if (!(q instanceof QuestionTextModel)) return false
  if (q.inputType === 'number' || q.inputType === 'range') return true
  const numericMask = q.maskType === 'numeric' || q.maskType === 'currency'
  return numericMask && !q.maskSettings.saveMaskedValue
}

/**
 * Every question of `model` (matrix cells and dynamic-panel templates included) whose answers
 * the server cannot check, as one-line reasons. Empty when the questionnaire is fully supported.
 */
export function listUnsupported(model: Model): string[] {
  const problems: string[] = []
  const visit = (q: Question, path: string) => {
    const kind = kindOf(q)
    if (!kind) problems.push(`${path}: question type "${q.getType()}" is not supported`)
    if (q instanceof QuestionSelectBase) {
      if (q.choicesByUrl?.url)
        problems.push(`${path}: choicesByUrl cannot be checked on the server`)
      if (q instanceof QuestionCheckboxModel && q.valuePropertyName) {
        problems.push(`${path}: valuePropertyName is not supported`)
      }
      const commented = q.choices.some(
        (c: unknown) => c instanceof ChoiceItem && c.showCommentArea && c !== q.otherItem,
      )
      if (commented) problems.push(`${path}: choices with their own comment are not supported`)
    }
    if (q instanceof QuestionMatrixDropdownModelBase) {
      for (const column of q.columns) visit(column.templateQuestion, `${path}.${column.name}`)
    }
    if (q instanceof QuestionPanelDynamicModel) {
      for (const inner of q.template.questions) visit(inner, `${path}.${inner.name}`)
    }
  }
  for (const q of model.getAllQuestions(false, false, false)) visit(q, q.name)
  return problems
}

/** JSON primitives a choice value can be. */
export type Primitive = string | number | boolean

/** Whether `v` is a JSON primitive (null excluded). */
export function isPrimitive(v: unknown): v is Primitive {
  return (
    typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
  )
}

/** Whether `v` is a plain JSON object (not an array, not a class instance). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Strict equality for answers: no type coercion, no case folding, objects compared as JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
