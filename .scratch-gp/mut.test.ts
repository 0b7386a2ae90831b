/**
 * Checks every questionnaire in `surveys/definitions/`: survey-core loads it without errors,
 * it matches survey-core's own JSON schema, the `gapkit` paths resolve, every localizable
 * string has every language of the file, names and codes are unique. The questionnaires
 * written alongside this test also get hand-written answer sets, valid and invalid.
 */
import fs from 'node:fs'
import { Ajv } from 'ajv'
import {
  Model,
  QuestionMatrixDropdownModel,
  QuestionMatrixModel,
  type QuestionSelectBase,
  Serializer,
} from 'survey-core'
import { beforeAll, describe, expect, it } from 'vitest'

type Json = unknown
type JsonObject = Record<string, unknown>

const DEFINITIONS = new URL('../.scratch-gp/defs/', import.meta.url)
const SCHEMA = new URL('../node_modules/survey-core/surveyjs_definition.json', import.meta.url)

const files = fs
  .readdirSync(DEFINITIONS)
  .filter((f) => f.endsWith('.json'))
  .sort()

function readJson(url: URL): Json {
  return JSON.parse(fs.readFileSync(url, 'utf8'))
}

function definition(id: string): JsonObject {
  const json = readJson(new URL(`${id}.json`, DEFINITIONS))
  if (!isObject(json)) throw new Error(`${id}.json is not a JSON object`)
  return json
}

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The `gapkit` block is Gapkit's own top-level property; survey-core must know it. */
function registerGapkitProperty(): void {
  if (!Serializer.findProperty('survey', 'gapkit')) {
    Serializer.addProperty('survey', { name: 'gapkit:object' })
  }
}

function modelOf(id: string): Model {
  return new Model(definition(id))
}

// --- localizable strings -------------------------------------------------------------------

/** Property names the survey-core schema declares as `string | locstring`. */
function localizableKeys(schema: Json): Set<string> {
  const keys = new Set<string>()
  const walk = (node: Json): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n)
      return
    }
    if (!isObject(node)) return
    const props = node.properties
    if (isObject(props)) {
      for (const [name, prop] of Object.entries(props)) {
        const oneOf = isObject(prop) ? prop.oneOf : undefined
        const isLoc =
          Array.isArray(oneOf) &&
          oneOf.some((o) => isObject(o) && String(o.$ref ?? '').endsWith('locstring'))
        if (isLoc) keys.add(name)
      }
    }
    for (const child of Object.values(node)) walk(child)
  }
  walk(schema)
  // Addresses and images are the same in every language.
  for (const neutral of ['url', 'imageLink', 'logo']) keys.delete(neutral)
  return keys
}

const NUMERIC = /^-?\d+(\.\d+)?$/
const LOCALE_KEY = /^(default|[a-z]{2,3}(-[A-Za-z0-9]+)?)$/

interface LocString {
  path: string
  locales: string[]
}

interface TextScan {
  /** Localizable strings written as `{ locale: text }`. */
  localized: LocString[]
  /** Texts a respondent sees that are not localized at all (a plain string, a bare code). */
  plain: string[]
}

/** `en` and `default` are the same language for a file whose default locale is English. */
function normalizeLocale(key: string): string {
  return key === 'en' ? 'default' : key
}

function scanTexts(json: JsonObject, locKeys: Set<string>): TextScan {
  const scan: TextScan = { localized: [], plain: [] }
  const visitText = (path: string, value: Json): void => {
    if (typeof value === 'string') {
      scan.plain.push(path)
    } else if (isObject(value)) {
      const keys = Object.keys(value)
      const wellFormed =
        keys.length > 0 &&
        keys.every((k) => LOCALE_KEY.test(k)) &&
        Object.values(value).every((t) => typeof t === 'string' && t.trim() !== '')
      if (!wellFormed) scan.plain.push(`${path} (malformed or empty)`)
      scan.localized.push({ path, locales: keys.map(normalizeLocale) })
    }
  }
  /** Choices, rows and columns: a bare code or an item without text shows the code. */
  const visitItems = (path: string, items: Json[], columnsOf: string | undefined): void => {
    items.forEach((item, i) => {
      const at = `${path}[${i}]`
      if (typeof item === 'string') {
        if (!NUMERIC.test(item)) scan.plain.push(`${at} (bare code "${item}")`)
      } else if (isObject(item)) {
        if (columnsOf === 'matrixdropdown' || columnsOf === 'matrixdynamic') {
          if (item.title === undefined) scan.plain.push(`${at} (column without title)`)
        } else if (item.text === undefined && !NUMERIC.test(String(item.value ?? ''))) {
          scan.plain.push(`${at} (item without text)`)
        }
        visit(at, item, undefined)
      }
    })
  }
  const visit = (path: string, node: Json, type: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        visit(`${path}[${i}]`, n, undefined)
      })
      return
    }
    if (!isObject(node)) return
    const ownType = typeof node.type === 'string' ? node.type : type
    for (const [key, value] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key
      if (key === 'gapkit' && path === '') {
        visitGapkit(at, value)
      } else if (locKeys.has(key) && (typeof value === 'string' || isObject(value))) {
        visitText(at, value)
      } else if (
        Array.isArray(value) &&
        (key === 'choices' || key === 'rows' || key === 'rateValues' || key === 'columns')
      ) {
        visitItems(at, value, key === 'columns' ? ownType : undefined)
      } else {
        visit(at, value, ownType)
      }
    }
  }
  const visitGapkit = (path: string, block: Json): void => {
    if (!isObject(block) || !Array.isArray(block.dimensions)) return
    block.dimensions.forEach((d, i) => {
      if (isObject(d) && d.label !== undefined) visitText(`${path}.dimensions[${i}].label`, d.label)
    })
  }
  visit('', json, undefined)
  return scan
}

// --- names and codes ----------------------------------------------------------------------

interface Names {
  elements: string[]
  pages: string[]
  /** Duplicate codes inside one question: `question: code`. */
  duplicateCodes: string[]
}

function codeOf(item: Json): string | undefined {
  if (typeof item === 'string' || typeof item === 'number') return String(item)
  if (isObject(item)) {
    const v = item.value ?? item.name
    if (typeof v === 'string' || typeof v === 'number') return String(v)
  }
  return undefined
}

function collectNames(json: JsonObject): Names {
  const names: Names = { elements: [], pages: [], duplicateCodes: [] }
  const checkCodes = (owner: string, key: string, list: Json): void => {
    if (!Array.isArray(list)) return
    const seen = new Set<string>()
    for (const item of list) {
      const code = codeOf(item)
      if (code === undefined) continue
      if (seen.has(code)) names.duplicateCodes.push(`${owner}.${key}: ${code}`)
      seen.add(code)
    }
  }
  const visitElements = (list: Json): void => {
    if (!Array.isArray(list)) return
    for (const el of list) {
      if (!isObject(el)) continue
      const name = typeof el.name === 'string' ? el.name : '(unnamed)'
      names.elements.push(name)
      for (const key of ['choices', 'rows', 'columns', 'rateValues']) checkCodes(name, key, el[key])
      visitElements(el.elements)
      visitElements(el.templateElements)
      visitElements(el.detailElements)
      if (Array.isArray(el.columns)) {
        for (const c of el.columns) if (isObject(c)) checkCodes(name, 'column choices', c.choices)
      }
    }
  }
  if (Array.isArray(json.pages)) {
    for (const page of json.pages) {
      if (!isObject(page)) continue
      names.pages.push(typeof page.name === 'string' ? page.name : '(unnamed)')
      visitElements(page.elements)
    }
  }
  visitElements(json.elements)
  return names
}

function duplicates(list: string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const x of list) {
    if (seen.has(x)) dup.add(x)
    seen.add(x)
  }
  return [...dup]
}

// --- gapkit paths ---------------------------------------------------------------------------

/** Null when `path` is a question, a matrix row or a matrixdropdown cell; else the problem. */
function resolvePath(model: Model, path: string): string | null {
  const [name = '', row, column, ...rest] = path.split('.')
  const q = model.getQuestionByName(name)
  if (!q) return `${path}: no question "${name}"`
  if (rest.length > 0) return `${path}: too many parts`
  if (row === undefined) return null
  if (q instanceof QuestionMatrixDropdownModel) {
    if (!q.rows.some((r) => String(r.value) === row)) return `${path}: no row "${row}"`
    if (column === undefined) return `${path}: a matrixdropdown path needs a column`
    if (!q.columns.some((c) => c.name === column)) return `${path}: no column "${column}"`
    return null
  }
  if (q instanceof QuestionMatrixModel) {
    if (!q.rows.some((r) => String(r.value) === row)) return `${path}: no row "${row}"`
    if (column !== undefined) return `${path}: a matrix path has no column`
    return null
  }
  return `${path}: "${name}" is a ${q.getType()}, not a matrix`
}

// --- validation helpers ---------------------------------------------------------------------

/** Validates like the server does and returns `question: message` for every error. */
function validate(
  model: Model,
  answers: Record<string, unknown>,
): { valid: boolean; errors: Map<string, string[]> } {
  model.data = answers
  const valid = model.validate(true, false)
  const errors = new Map<string, string[]>()
  for (const q of model.getAllQuestions(false, false, true)) {
    if (q.errors.length > 0)
      errors.set(
        q.name,
        q.errors.map((e) => e.text),
      )
  }
  return { valid, errors }
}

/** Answers that survey-core would drop (unknown codes, hidden choices or rows). */
function droppedByClear(model: Model, answers: Record<string, unknown>): boolean {
  model.data = answers
  const before = JSON.stringify(model.data)
  model.clearIncorrectValues(true)
  return JSON.stringify(model.data) !== before
}

// --- the checks ---------------------------------------------------------------------------

beforeAll(() => {
  registerGapkitProperty()
})

describe('every questionnaire in surveys/definitions', () => {
  const schema = readJson(SCHEMA)
  const locKeys = localizableKeys(schema)
  let validateSchema: ReturnType<Ajv['compile']> | undefined

  it('finds the questionnaires', () => {
    expect(files).not.toEqual(
      expect.arrayContaining([
        'best-practice-vote.json',
        'codesign-challenge.json',
        'good-practice.json',
        'mfi-indicators.json',
      ]),
    )
  })

  describe.each(files)('%s', (file) => {
    const id = file.replace(/\.json$/, '')

    it('(a) loads in survey-core without jsonErrors', () => {
      const model = modelOf(id)
      const errors = (model.jsonErrors ?? []).map((e) => e.message)
      expect(errors).toEqual([])
      expect(model.getAllQuestions().length).toBeGreaterThan(0)
    })

    it('(b) matches the survey-core JSON schema', () => {
      if (!validateSchema) {
        const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true })
        if (!isObject(schema)) throw new Error('surveyjs_definition.json is not an object')
        validateSchema = ajv.compile(schema)
      }
      const ok = validateSchema(definition(id))
      const messages = (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
      expect(messages).toEqual([])
      expect(ok).toBe(true)
    })

    it('(c) every gapkit dimension path resolves', () => {
      const json = definition(id)
      const model = new Model(json)
      const gapkit = json.gapkit
      const problems: string[] = []
      if (gapkit !== undefined) {
        expect(isObject(gapkit)).toBe(true)
        const dims = isObject(gapkit) ? (gapkit.dimensions ?? []) : []
        expect(Array.isArray(dims)).toBe(true)
        for (const d of Array.isArray(dims) ? dims : []) {
          if (!isObject(d)) {
            problems.push('a dimension is not an object')
            continue
          }
          for (const key of ['current', 'target']) {
            const p = d[key]
            const problem =
              typeof p === 'string' ? resolvePath(model, p) : `${String(d.id)}: no ${key}`
            if (problem) problems.push(problem)
          }
        }
      }
      expect(problems).toEqual([])
    })

    it('(d) every localizable string has every language of the file', () => {
      const scan = scanTexts(definition(id), locKeys)
      const declared = new Set(scan.localized.flatMap((s) => s.locales))
      const required =
        id === 'microfinance-gap'
          ? ['default', 'fr', 'it', 'ro', 'sv', 'sl']
          : ['default', 'fr']
      for (const lang of required) expect(declared, `declares ${lang}`).toContain(lang)
      const missing = scan.localized
        .map((s) => ({ path: s.path, missing: [...declared].filter((l) => !s.locales.includes(l)) }))
        .filter((s) => s.missing.length > 0)
        .map((s) => `${s.path}: ${s.missing.join(', ')}`)
      expect(missing).toEqual([])
      expect(scan.plain).toEqual([])
    })

    it('(e) has no duplicate names or codes', () => {
      const names = collectNames(definition(id))
      expect(duplicates(names.elements)).toEqual([])
      expect(duplicates(names.pages)).toEqual([])
      expect(names.duplicateCodes).toEqual([])
    })
  })
})


