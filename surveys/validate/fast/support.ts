/**
 * Which questionnaires the fast validator may compile: every property of the definition must be
 * either presentational or one whose effect on validation the fast validator reproduces. Any
 * other property (an unknown type, `defaultValue`, `readOnly`, `enableIf`, masks, triggers…)
 * sends the whole questionnaire to the reference validator, so correctness never depends on
 * what the compiler covers.
 */
import { isRecord } from '../../json.ts'
import type { SurveyJson } from '../../types.ts'

// Text, layout and messages: no effect on which answers are accepted.
const PRESENTATION = [
  'name',
  'title',
  'description',
  'titleLocation',
  'descriptionLocation',
  'placeholder',
  'colCount',
  'width',
  'minWidth',
  'maxWidth',
  'startWithNewLine',
  'indent',
  'hideNumber',
  'requiredErrorText',
  'otherText',
  'noneText',
  'otherPlaceholder',
  'otherErrorText',
  'stepErrorText',
  'autocomplete',
  'state',
]
const SELECT = ['choices', 'choicesVisibleIf', 'showOtherItem', 'showNoneItem', 'validators']
const QUESTION = ['type', 'isRequired', 'requiredIf', 'visibleIf']

const TYPES: Record<string, string[]> = {
  text: ['inputType', 'maxLength', 'min', 'max', 'step', 'validators'],
  comment: ['maxLength', 'rows', 'validators'],
  radiogroup: SELECT,
  dropdown: [...SELECT, 'allowClear', 'searchEnabled'],
  checkbox: [...SELECT, 'maxSelectedChoices', 'minSelectedChoices'],
  tagbox: [...SELECT, 'maxSelectedChoices', 'minSelectedChoices', 'allowClear', 'searchEnabled'],
  ranking: [
    'choices',
    'choicesVisibleIf',
    'validators',
    'selectToRankEnabled',
    'maxSelectedChoices',
    'minSelectedChoices',
    'selectToRankAreasLayout',
    'selectToRankEmptyRankedAreaText',
    'selectToRankEmptyUnrankedAreaText',
  ],
  imagepicker: ['choices', 'validators', 'imageFit', 'imageHeight', 'imageWidth', 'showLabel'],
  rating: [
    'rateMin',
    'rateMax',
    'rateStep',
    'validators',
    'minRateDescription',
    'maxRateDescription',
  ],
  boolean: ['valueTrue', 'valueFalse', 'validators', 'renderAs', 'labelTrue', 'labelFalse'],
  matrix: ['columns', 'rows', 'isAllRowRequired', 'eachRowRequired', 'rowsVisibleIf'],
  matrixdropdown: ['columns', 'rows', 'rowsVisibleIf', 'cellType', 'choices'],
  html: ['html'],
}
const COLUMN = [
  'name',
  'title',
  'cellType',
  'choices',
  'isRequired',
  'requiredIf',
  'requiredErrorText',
  'validators',
  'inputType',
  'min',
  'max',
  'step',
  'maxLength',
  'rateMin',
  'rateMax',
  'rateStep',
  'width',
  'minWidth',
  'placeholder',
]
const VALIDATORS: Record<string, string[]> = {
  numeric: ['minValue', 'maxValue'],
  text: ['minLength', 'maxLength', 'allowDigits'],
  email: [],
  regex: ['regex', 'caseInsensitive', 'insensitive'],
  expression: ['expression'],
  answercount: ['minCount', 'maxCount'],
}
const SURVEY = [
  'title',
  'description',
  'logo',
  'logoPosition',
  'showQuestionNumbers',
  'showProgressBar',
  'progressBarType',
  'completedHtml',
  'completedBeforeHtml',
  'loadingHtml',
  'pages',
  'elements',
  'gapkit',
  'locale',
  'showTitle',
  'widthMode',
  'width',
  'questionTitleLocation',
  'showPageTitles',
  'showPageNumbers',
  // Read through the model (getMaxLength, getOthersMaxLength) by both validators.
  'maxTextLength',
  'maxCommentLength',
  'maxOthersLength',
]
const CONTAINER = ['name', 'title', 'description', 'elements', 'visibleIf', 'state', 'type']
const INPUT_TYPES = new Set(['text', 'email', 'tel', 'url', 'number', 'date'])

/**
 * Every reason the fast validator cannot take this questionnaire, one line each (empty when it
 * can).
 */
export function listFastUnsupported(json: SurveyJson): string[] {
  const problems: string[] = []
  const extra = (where: string, obj: Record<string, unknown>, allowed: string[]) => {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) problems.push(`${where}: property "${key}"`)
    }
  }
  extra('survey', json, SURVEY)
  const pages = Array.isArray(json.pages) ? json.pages : []
  for (const [i, page] of pages.entries()) {
    if (!isRecord(page)) {
      problems.push(`page ${i}: not an object`)
      continue
    }
    extra(`page ${String(page.name ?? i)}`, page, CONTAINER)
    visitElements(page.elements, problems)
  }
  visitElements(json.elements, problems)
  return problems
}

// Not `walkElements`: this walk must report the malformed lists and entries that the walker
// passes over, and must not enter a container whose own type is unsupported.
function visitElements(elements: unknown, problems: string[]): void {
  if (elements === undefined) return
  if (!Array.isArray(elements)) {
    problems.push('elements: not a list')
    return
  }
  for (const el of elements) {
    if (!isRecord(el)) {
      problems.push('element: not an object')
      continue
    }
    const name = String(el.name ?? '?')
    const type = String(el.type ?? '')
    if (type === 'panel') {
      visitKeys(`panel ${name}`, el, CONTAINER, problems)
      visitElements(el.elements, problems)
      continue
    }
    const own = TYPES[type]
    if (!own) {
      problems.push(`${name}: question type "${type}"`)
      continue
    }
    visitKeys(name, el, [...PRESENTATION, ...QUESTION, ...own], problems)
    checkQuestionValues(name, el, problems)
  }
}

function visitKeys(where: string, obj: Record<string, unknown>, allowed: string[], out: string[]) {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) out.push(`${where}: "${key}"`)
}

function checkQuestionValues(name: string, el: Record<string, unknown>, problems: string[]) {
  const type = el.type
  if (type === 'text' || el.cellType === 'text') {
    const input = el.inputType ?? 'text'
    if (typeof input !== 'string' || !INPUT_TYPES.has(input)) {
      problems.push(`${name}: inputType "${String(input)}"`)
    }
    for (const key of ['min', 'max', 'step']) {
      if (el[key] === undefined) continue
      if (input !== 'number' || typeof el[key] !== 'number') problems.push(`${name}: ${key}`)
    }
  }
  visitItems(name, el.choices, ['value', 'text', 'isExclusive', 'imageLink'], problems)
  if (type === 'matrix') {
    visitItems(name, el.rows, ['value', 'text'], problems)
    visitItems(name, el.columns, ['value', 'text'], problems)
  }
  if (type === 'matrixdropdown') {
    visitItems(name, el.rows, ['value', 'text'], problems)
    for (const column of Array.isArray(el.columns) ? el.columns : []) {
      if (!isRecord(column)) {
        problems.push(`${name}: a column is not an object`)
        continue
      }
      const where = `${name}.${String(column.name)}`
      visitKeys(where, column, COLUMN, problems)
      const cellType = column.cellType ?? el.cellType ?? 'dropdown'
      if (!['dropdown', 'radiogroup', 'text', 'comment', 'rating'].includes(String(cellType))) {
        problems.push(`${where}: cell type "${String(cellType)}"`)
      }
      checkQuestionValues(where, { ...column, type: undefined, cellType }, problems)
    }
  }
  visitValidators(name, el.validators, problems)
}

function visitItems(where: string, items: unknown, allowed: string[], problems: string[]): void {
  if (items === undefined) return
  if (!Array.isArray(items)) {
    problems.push(`${where}: items are not a list`)
    return
  }
  for (const item of items) {
    if (isRecord(item)) visitKeys(`${where} item`, item, allowed, problems)
    else if (typeof item !== 'string' && typeof item !== 'number') {
      problems.push(`${where}: an item is neither text, a number nor an object`)
    }
  }
}

function visitValidators(where: string, validators: unknown, problems: string[]): void {
  if (validators === undefined) return
  if (!Array.isArray(validators)) {
    problems.push(`${where}: validators are not a list`)
    return
  }
  for (const v of validators) {
    const own = isRecord(v) ? VALIDATORS[String(v.type)] : undefined
    if (!own || !isRecord(v)) {
      problems.push(`${where}: validator ${isRecord(v) ? String(v.type) : '?'}`)
      continue
    }
    visitKeys(`${where} ${String(v.type)} validator`, v, ['type', 'text', ...own], problems)
  }
}
