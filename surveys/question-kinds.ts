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

/**
 * The answer shape of a SurveyJS `type` as read from the questionnaire JSON, where the type
 * alone decides it; undefined for `text` and `imagepicker` (their shape depends on other
 * properties: see {@link kindOf}) and for types the server cannot validate.
 *
 * @example
 * kindOfType('dropdown') // 'choice'
 */
export function kindOfType(type: string): QuestionKind | undefined {
  return Object.hasOwn(byType, type) ? byType[type] : undefined
}

/**
 * Whether the analysis can group respondents by a question of this type: one choice per
 * respondent (radiogroup, dropdown, buttongroup, boolean).
 */
export function isGroupable(type: string): boolean {
  const kind = kindOfType(type)
  return kind === 'choice' || kind === 'boolean'
}

const NO_DATA = new Set<QuestionKind>(['display', 'expression', 'file', 'signaturepad'])

/**
 * Whether an element of this type holds nothing to tally or make up: a panel, a display
 * element, a computed expression, or binary content (a file, a signature).
 */
export function carriesNoData(type: string): boolean {
  const kind = kindOfType(type)
  return type === 'panel' || (kind !== undefined && NO_DATA.has(kind))
}

const SCALAR = new Set<QuestionKind>([
  'text',
  'number',
  'comment',
  'choice',
  'rating',
  'boolean',
  'expression',
  'signaturepad',
])

/** Whether answers of this kind are one JSON primitive (a text, a number, a code, a boolean). */
export function isScalarKind(kind: QuestionKind): boolean {
  return SCALAR.has(kind)
}

/** The answer shape of a question, or undefined for a type the server cannot validate. */
export function kindOf(q: Question): QuestionKind | undefined {
  const type = q.getType()
  if (type === 'text') return isNumericText(q) ? 'number' : 'text'
  if (type === 'imagepicker') {
    return q instanceof QuestionImagePickerModel && q.multiSelect ? 'choices' : 'choice'
  }
  return kindOfType(type)
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
