import { isRecord } from './json.ts'
import { isGroupable } from './question-kinds.ts'
import { parseSpecialAnalysis } from './special-analysis.ts'
import type { GapDimension, GapkitBlock, SurveyJson } from './types.ts'
import { walkElements } from './walk.ts'

/** What a question path can point at, read from the questionnaire JSON. */
export interface QuestionShape {
  name: string
  type: string
  /** Row values of a `matrix` or `matrixdropdown`. */
  rows: string[]
  /** Column names of a `matrixdropdown` (cells are `q.row.column`). */
  columns: string[]
}

function itemValue(item: unknown): string | undefined {
  if (typeof item === 'string' || typeof item === 'number') return String(item)
  if (isRecord(item) && item.value !== undefined) return String(item.value)
  return undefined
}

/** Every question of a questionnaire in document order, those in (dynamic) panels included. */
export function listQuestionShapes(json: SurveyJson): QuestionShape[] {
  const out: QuestionShape[] = []
  for (const { element: el, type } of walkElements(json)) {
    if (type === 'panel' || typeof el.name !== 'string') continue
    const rows = Array.isArray(el.rows) ? el.rows.map(itemValue).filter(isString) : []
    const columns =
      type === 'matrixdropdown' && Array.isArray(el.columns)
        ? el.columns.map((c) => (isRecord(c) ? String(c.name ?? '') : '')).filter(Boolean)
        : []
    out.push({ name: el.name, type, rows, columns })
  }
  return out
}

function isString(v: string | undefined): v is string {
  return v !== undefined
}

/** Names used by more than one question. */
export function findDuplicateNames(shapes: QuestionShape[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const s of shapes) {
    if (seen.has(s.name)) dup.add(s.name)
    seen.add(s.name)
  }
  return [...dup]
}

/**
 * Whether `path` names a question (`q`), a matrix row (`q.row`) or a matrixdropdown cell
 * (`q.row.column`). Returns the problem as a sentence, or null when it resolves.
 */
export function checkPath(shapes: Map<string, QuestionShape>, path: string): string | null {
  const [name = '', row, column, ...rest] = path.split('.')
  const q = shapes.get(name)
  if (!q) return `"${path}" names no question`
  if (rest.length > 0) return `"${path}" has too many parts`
  if (row === undefined) return null
  if (!q.rows.includes(row)) return `"${path}": question "${name}" has no row "${row}"`
  if (column === undefined) {
    return q.type === 'matrixdropdown' ? `"${path}" needs a column (question.row.column)` : null
  }
  if (!q.columns.includes(column)) return `"${path}": question "${name}" has no column "${column}"`
  return null
}

/**
 * Parses the optional `gapkit` block (dimensions, `suppressBelow`, the special `analysis`,
 * `onePerLink`); throws with a one-line reason when it is malformed.
 */
export function parseGapkitBlock(json: SurveyJson, shapes: QuestionShape[]): GapkitBlock {
  const raw = json.gapkit
  if (raw === undefined) {
    return { dimensions: [], suppressBelow: 5, analysis: null, onePerLink: false }
  }
  if (!isRecord(raw)) throw new Error('"gapkit" must be an object')
  const byName = new Map(shapes.map((s) => [s.name, s]))
  const suppressBelow = raw.suppressBelow ?? 5
  if (typeof suppressBelow !== 'number' || !Number.isInteger(suppressBelow) || suppressBelow < 1) {
    throw new Error('"gapkit.suppressBelow" must be a positive integer')
  }
  const dims = raw.dimensions ?? []
  if (!Array.isArray(dims)) throw new Error('"gapkit.dimensions" must be an array')
  const ids = new Set<string>()
  const dimensions: GapDimension[] = dims.map((d, i) => {
    if (!isRecord(d)) throw new Error(`gapkit.dimensions[${i}] must be an object`)
    const { id, kind = 'current-target', current, target, label } = d
    if (typeof id !== 'string' || !id) throw new Error(`gapkit.dimensions[${i}] needs an "id"`)
    if (ids.has(id)) throw new Error(`gapkit dimension "${id}" is declared twice`)
    ids.add(id)
    if (kind !== 'current-target' && kind !== 'importance-performance') {
      throw new Error(
        `gapkit dimension "${id}": kind must be current-target or importance-performance`,
      )
    }
    for (const [key, path] of [
      ['current', current],
      ['target', target],
    ] as const) {
      if (typeof path !== 'string') throw new Error(`gapkit dimension "${id}" needs "${key}"`)
      const problem = checkPath(byName, path)
      if (problem) throw new Error(`gapkit dimension "${id}" ${key}: ${problem}`)
    }
    const okLabel =
      label === undefined ||
      typeof label === 'string' ||
      (isRecord(label) && Object.values(label).every((v) => typeof v === 'string'))
    if (!okLabel)
      throw new Error(`gapkit dimension "${id}": label must be a string or {locale: text}`)
    return {
      id,
      kind,
      current: String(current),
      target: String(target),
      label: (label as GapDimension['label'] | undefined) ?? id,
    }
  })
  const onePerLink = raw.onePerLink ?? false
  if (typeof onePerLink !== 'boolean') throw new Error('"gapkit.onePerLink" must be true or false')
  const groupBy = parseGroupBy(raw.groupBy, byName)
  return {
    dimensions,
    suppressBelow,
    analysis: parseSpecialAnalysis(raw.analysis, byName),
    onePerLink,
    ...(groupBy ? { groupBy } : {}),
  }
}

/**
 * `gapkit.groupBy`: the questions the analysis may group respondents by (besides region and
 * wave), each a whole single-choice question (radiogroup, dropdown, buttongroup or boolean),
 * listed once; null when the block does not restrict them.
 */
function parseGroupBy(raw: unknown, byName: Map<string, QuestionShape>): string[] | null {
  if (raw === undefined) return null
  if (!Array.isArray(raw)) throw new Error('"gapkit.groupBy" must be an array of question names')
  const seen = new Set<string>()
  return raw.map((name, i) => {
    if (typeof name !== 'string' || name === '') {
      throw new Error(`gapkit.groupBy[${i}] must be a question name`)
    }
    const shape = byName.get(name)
    if (!shape) throw new Error(`gapkit.groupBy: "${name}" names no question`)
    if (!isGroupable(shape.type)) {
      throw new Error(
        `gapkit.groupBy: "${name}" is a ${shape.type} question; only single-choice questions (radiogroup, dropdown, buttongroup, boolean) can group respondents`,
      )
    }
    if (seen.has(name)) throw new Error(`gapkit.groupBy: "${name}" is listed twice`)
    seen.add(name)
    return name
  })
}

const LOCALIZABLE_SKIP = new Set(['gapkit'])

const LOCALE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/

/**
 * The language a questionnaire opens in when the reader asks for none of its own: SurveyJS's
 * top-level `locale` (an XLSForm's `default_language`, kept by the converter), else English.
 */
export function defaultLocale(json: SurveyJson): string {
  const { locale } = json
  return typeof locale === 'string' && LOCALE_CODE.test(locale) ? locale : 'en'
}

/**
 * The content languages of a questionnaire, its default language (`defaultLocale`) first, then
 * the others sorted: every locale key found on a localizable string, and `en` for SurveyJS's
 * `default` texts. A questionnaire whose `locale` is not English lists `en` only when some
 * `default` text is not that locale's own (a text `{ default, fr }` with two different texts, or
 * no `fr`): when every default is the French text, there is no English to offer.
 * @example listLocales({ locale: 'fr', title: { default: 'Épargne', fr: 'Épargne' } }) // ['fr']
 */
export function listLocales(json: SurveyJson): string[] {
  const opening = defaultLocale(json)
  const found = new Set<string>([opening])
  let english = opening === 'en'
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const item of v) visit(item)
      return
    }
    if (!isRecord(v)) return
    const values = Object.values(v)
    if ('default' in v && values.length > 0 && values.every((x) => typeof x === 'string')) {
      for (const k of Object.keys(v)) if (k !== 'default') found.add(k)
      if (v[opening] !== v.default) english = true
      return
    }
    for (const [k, child] of Object.entries(v)) if (!LOCALIZABLE_SKIP.has(k)) visit(child)
  }
  visit(json)
  if (english) found.add('en')
  const rest = [...found].filter((l) => l !== opening).sort()
  return [opening, ...rest]
}

/** A localized text: the requested locale, else the default, else the first available. */
export function localize(text: unknown, locale = 'en'): string {
  if (typeof text === 'string') return text
  if (!isRecord(text)) return ''
  const pick = text[locale] ?? text.default ?? text.en ?? Object.values(text)[0]
  return typeof pick === 'string' ? pick : ''
}
