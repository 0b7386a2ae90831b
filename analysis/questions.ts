/**
 * Reads a SurveyJS questionnaire into the items the analysis summarises: one item per
 * question, matrix row (`q.row`) and matrixdropdown cell (`q.row.column`), with its options,
 * numeric scale and labels in the report language.
 */

import { localize } from '../surveys/definition.ts'
import { isRecord, type JsonObject } from '../surveys/json.ts'
import { carriesNoData, kindOfType } from '../surveys/question-kinds.ts'
import type { SurveyJson } from '../surveys/types.ts'
import { walkElements } from '../surveys/walk.ts'
import type { ItemKind, OptionLabel } from './types.ts'

/** Answer codes that mean "don't know" or "no usable answer"; compared case-insensitively. */
export const DK_CODES = [
  'dk',
  'dontknow',
  'dont_know',
  'na',
  'n/a',
  'not_applicable',
  'nsp',
  'refused',
  'unknown',
] as const

const dkSet = new Set<string>(DK_CODES)

/** Whether an answer value is a "don't know" code. */
export function isDkCode(value: unknown): boolean {
  return typeof value === 'string' && dkSet.has(value.trim().toLowerCase())
}

/** One analysable item of a questionnaire. */
export interface ItemSpec {
  /** `q`, `q.row` or `q.row.column`. */
  path: string
  question: string
  row: string | null
  column: string | null
  /** SurveyJS type of the question. */
  type: string
  /** Cell type of a matrixdropdown column, else null. */
  cellType: string | null
  kind: ItemKind
  title: string
  /** Choice options (dk codes left out), ranking options, or the scale points of a numeric item. */
  options: OptionLabel[]
  /** Scale points of a numeric item; null for a free number or a non-numeric item. */
  scale: number[] | null
  /** Ranking: points of the first place (maxSelectedChoices, else the option count). */
  rankPoints: number
}

/** Items in document order, and questions whose type the analysis does not summarise. */
export interface QuestionItems {
  items: ItemSpec[]
  /** `name (type)` of each question left out. */
  skipped: string[]
}

/** A number, or a string that spells one, as a number; otherwise null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return null
}

/** Value and label of a choice item (`"a"`, `3` or `{ value, text }`). */
function readChoice(item: unknown, locale: string): OptionLabel | null {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
    return { value: String(item), label: String(item) }
  }
  if (!isRecord(item) || item.value === undefined || item.value === null) return null
  const value = String(item.value)
  return { value, label: localize(item.text, locale) || value }
}

function readChoices(list: unknown, locale: string): OptionLabel[] {
  if (!Array.isArray(list)) return []
  return list.map((c) => readChoice(c, locale)).filter((c): c is OptionLabel => c !== null)
}

/** Choices plus the built-in "other" and "none" items a question switches on. */
function selectOptions(q: JsonObject, locale: string, choices: unknown = q.choices): OptionLabel[] {
  const options = readChoices(choices, locale)
  if (q.showNoneItem === true || q.hasNone === true) {
    options.push({ value: 'none', label: localize(q.noneText, locale) || 'None' })
  }
  if (q.showOtherItem === true || q.hasOther === true) {
    options.push({ value: 'other', label: localize(q.otherText, locale) || 'Other' })
  }
  return options.filter((o) => !isDkCode(o.value))
}

/** The numeric scale of options whose values are all numbers or dk codes; null otherwise. */
function numericScale(options: OptionLabel[], all: unknown): number[] | null {
  const values = readChoices(all, 'en').map((o) => o.value)
  if (values.length === 0) return null
  const numbers: number[] = []
  for (const value of values) {
    const n = toNumber(value)
    if (n !== null) numbers.push(n)
    else if (!isDkCode(value)) return null
  }
  return numbers.length > 0 && options.length > 0 ? numbers : null
}

/**
 * Scale points of a rating: numeric rateValues, else rateMin…rateMax by rateStep (SurveyJS
 * defaults 1…5); `null` when rateValues are not numbers (the rating is then a choice).
 */
function ratingScale(
  q: JsonObject,
  locale: string,
): { scale: number[]; options: OptionLabel[] } | null {
  const listed = readChoices(q.rateValues, locale)
  if (listed.length > 0) {
    const numeric = listed.map((o) => toNumber(o.value))
    if (!numeric.every((v) => v !== null)) return null
    return { scale: numeric.filter((v): v is number => v !== null), options: listed }
  }
  const min = toNumber(q.rateMin) ?? 1
  const step = toNumber(q.rateStep) ?? 1
  const count = toNumber(q.rateCount)
  const max = toNumber(q.rateMax) ?? (count !== null ? min + (count - 1) * step : 5)
  const scale: number[] = []
  for (let v = min; v <= max + 1e-9 && scale.length < 1000; v += step) {
    scale.push(Math.round(v * 1e6) / 1e6)
  }
  return { scale, options: scale.map((v) => ({ value: String(v), label: String(v) })) }
}

function booleanOptions(q: JsonObject, locale: string): OptionLabel[] {
  const yes = q.valueTrue ?? true
  const no = q.valueFalse ?? false
  return [
    { value: String(yes), label: localize(q.labelTrue, locale) || 'Yes' },
    { value: String(no), label: localize(q.labelFalse, locale) || 'No' },
  ]
}

type ItemShape = Pick<ItemSpec, 'kind' | 'options' | 'scale' | 'rankPoints'>

/** Kind, options and scale of a question or a matrixdropdown column (`q` is then the column). */
function shapeOf(
  type: string,
  q: JsonObject,
  locale: string,
  fallback?: JsonObject,
): ItemShape | null {
  const none = { scale: null, rankPoints: 0 }
  const kind = kindOfType(type)
  if (kind === 'choice' || kind === 'choices') {
    const source = q.choices ?? fallback?.choices
    const options = selectOptions(q, locale, source)
    if (kind === 'choice') {
      const scale = fallback ? numericScale(options, source) : null
      if (scale) return { kind: 'numeric', options, scale, rankPoints: 0 }
      if (fallback && options.length === 0) return fallbackRange(fallback)
    }
    return { kind, options, ...none }
  }
  if (type === 'boolean') return { kind: 'choice', options: booleanOptions(q, locale), ...none }
  if (type === 'rating') {
    const rating = ratingScale(q, locale)
    if (rating) return { kind: 'numeric', ...rating, rankPoints: 0 }
    return { kind: 'choice', options: selectOptions(q, locale, q.rateValues), ...none }
  }
  if (type === 'ranking') {
    const options = selectOptions(q, locale)
    const max = toNumber(q.maxSelectedChoices)
    const rankPoints = max !== null && max > 0 ? Math.min(max, options.length) : options.length
    return { kind: 'ranking', options, scale: null, rankPoints }
  }
  if (type === 'text') {
    const numeric = q.inputType === 'number' || q.inputType === 'range'
    return { kind: numeric ? 'numeric' : 'text', options: [], ...none }
  }
  if (type === 'comment') return { kind: 'text', options: [], ...none }
  return null
}

/** A matrixdropdown's `choicesMin`…`choicesMax` range when its columns list no choices. */
function fallbackRange(q: JsonObject): ItemShape | null {
  const min = toNumber(q.choicesMin)
  const max = toNumber(q.choicesMax)
  if (min === null || max === null) return null
  const step = toNumber(q.choicesStep) ?? 1
  const scale: number[] = []
  for (let v = min; v <= max && scale.length < 1000; v += step) scale.push(v)
  const options = scale.map((v) => ({ value: String(v), label: String(v) }))
  return { kind: 'numeric', options, scale, rankPoints: 0 }
}

function title(el: JsonObject, locale: string, fallback: string): string {
  return localize(el.title, locale) || fallback
}

/** Items of a `matrix` (one per row) and a `matrixdropdown` (one per row × column). */
function matrixItems(q: JsonObject, name: string, type: string, locale: string): ItemSpec[] {
  const heading = title(q, locale, name)
  const rows = readChoices(q.rows, locale)
  const out: ItemSpec[] = []
  if (type === 'matrix') {
    const options = selectOptions({}, locale, q.columns)
    const scale = numericScale(options, q.columns)
    const kind: ItemKind = scale ? 'numeric' : 'choice'
    for (const row of rows) {
      out.push({
        path: `${name}.${row.value}`,
        question: name,
        row: row.value,
        column: null,
        type,
        cellType: null,
        kind,
        title: `${heading} — ${row.label}`,
        options,
        scale,
        rankPoints: 0,
      })
    }
    return out
  }
  const columns = Array.isArray(q.columns) ? q.columns.filter(isRecord) : []
  for (const row of rows) {
    for (const column of columns) {
      if (typeof column.name !== 'string') continue
      const cellType = String(column.cellType ?? q.cellType ?? 'dropdown')
      const shape = shapeOf(cellType, column, locale, q)
      if (!shape) continue
      out.push({
        path: `${name}.${row.value}.${column.name}`,
        question: name,
        row: row.value,
        column: column.name,
        type,
        cellType,
        title: `${heading} — ${row.label} — ${title(column, locale, column.name)}`,
        ...shape,
      })
    }
  }
  return out
}

/**
 * Every analysable item of a questionnaire, in document order (panels included), with titles
 * and labels in `locale`.
 *
 * @example
 * readQuestionItems(survey.json, 'fr').items.map((i) => i.path) // ['consent', 'performance.regulation', …]
 */
export function readQuestionItems(json: SurveyJson, locale = 'en'): QuestionItems {
  const items: ItemSpec[] = []
  const skipped: string[] = []
  for (const { element: el, type, inDynamicPanel } of walkElements(json)) {
    // A dynamic panel's questions are answered inside its value: it is skipped as a whole.
    if (inDynamicPanel || typeof el.name !== 'string' || carriesNoData(type)) continue
    const name = el.name
    if (type === 'matrix' || type === 'matrixdropdown') {
      items.push(...matrixItems(el, name, type, locale))
      continue
    }
    const shape = shapeOf(type, el, locale)
    if (!shape) {
      skipped.push(`${name} (${type})`)
      continue
    }
    const base = { path: name, question: name, row: null, column: null, type, cellType: null }
    items.push({ ...base, title: title(el, locale, name), ...shape })
  }
  return { items, skipped }
}
