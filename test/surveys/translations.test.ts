/**
 * Every shipped questionnaire speaks every partner language: for each of en, fr, it, ro, sv
 * and sl, every localizable string that has a text (of the survey, its pages, its elements and
 * their choices, rows, columns, validators…) has a non-empty text in that language. The strings
 * are read as survey-core reads them (each object's localizable properties, from its
 * Serializer), the elements found with the one walk of the JSON (`surveys/walk.ts`).
 */
import fs from 'node:fs'
import { type Base, type LocalizableString, type Model, Serializer } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { isRecord, type JsonObject } from '../../surveys/json.ts'
import { createModel } from '../../surveys/survey-model.ts'
import { walkElements } from '../../surveys/walk.ts'

const LOCALES = ['en', 'fr', 'it', 'ro', 'sv', 'sl'] as const

const DEFINITIONS = new URL('../../surveys/definitions/', import.meta.url)

const ids = fs
  .readdirSync(DEFINITIONS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort()

function definition(id: string): JsonObject {
  const json: unknown = JSON.parse(fs.readFileSync(new URL(`${id}.json`, DEFINITIONS), 'utf8'))
  if (!isRecord(json)) throw new Error(`${id}.json is not a JSON object`)
  return json
}

/** Properties whose objects the element walk visits on its own. */
const CONTAINED = new Set(['pages', 'elements', 'templateElements', 'questions'])

function isBase(value: unknown): value is Base {
  return typeof value === 'object' && value !== null && 'getType' in value
}

function isLocString(value: unknown): value is LocalizableString {
  return typeof value === 'object' && value !== null && 'getLocaleText' in value
}

/** A string's text in a locale; English is the default locale, stored as `default`. */
function textIn(loc: LocalizableString, locale: string): string {
  const text = loc.getLocaleText(locale) || (locale === 'en' ? loc.getLocaleText('default') : '')
  return text.trim()
}

/** How a nested object is named in a message: `choice "FR"`, `column "today"`, `validator 0`. */
function label(property: string, item: Base, index: number): string {
  const kind = property.endsWith('s') ? property.slice(0, -1) : property
  const name: unknown = Reflect.get(item, 'name')
  const value: unknown = Reflect.get(item, 'value')
  const key = typeof name === 'string' && name !== '' ? name : value
  return key === undefined || key === null || key === ''
    ? `${kind} ${index}`
    : `${kind} "${String(key)}"`
}

/**
 * The missing texts of one object and of the objects it holds (choices, rows, columns, their
 * choices, validators), one line each: where, which property, which locales.
 */
function missingTexts(obj: Base, where: string, out: string[], seen = new Set<Base>()): void {
  if (seen.has(obj)) return
  seen.add(obj)
  for (const prop of Serializer.getPropertiesByObj(obj)) {
    if (CONTAINED.has(prop.name)) continue
    if (prop.isLocalizable) {
      const loc: unknown = Reflect.get(obj, prop.serializationProperty || prop.name)
      if (!isLocString(loc) || loc.isEmpty) continue
      const missing = LOCALES.filter((l) => textIn(loc, l) === '')
      if (missing.length > 0) out.push(`${where} ${prop.name}: missing ${missing.join(', ')}`)
      continue
    }
    const value: unknown = Reflect.get(obj, prop.name)
    if (!Array.isArray(value)) continue
    value.forEach((item: unknown, i) => {
      if (isBase(item)) missingTexts(item, `${where} ${label(prop.name, item, i)}`, out, seen)
    })
  }
}

/** The survey-core object of a walked element: a question or panel, or one in a template. */
function findElement(model: Model, name: string, containers: readonly JsonObject[]): Base | null {
  const top = model.getQuestionByName(name) ?? model.getPanelByName(name)
  if (top) return top
  const dynamic = containers.find((c) => c.type === 'paneldynamic')
  const panel = dynamic ? model.getQuestionByName(String(dynamic.name)) : null
  const template: unknown = panel ? Reflect.get(panel, 'template') : null
  if (!isBase(template)) return null
  const inTemplate = (template as unknown as { getElementByName(n: string): Base | null })
    .getElementByName
  return typeof inTemplate === 'function' ? inTemplate.call(template, name) : null
}

/** Every missing translation of a questionnaire, one line each. */
function missingTranslations(id: string): string[] {
  const json = definition(id)
  const model = createModel(json)
  const out: string[] = []
  missingTexts(model, `${id}: survey`, out)
  model.pages.forEach((page, i) => {
    missingTexts(page, `${id}: page "${page.name || i}"`, out)
  })
  for (const { element, type, containers } of walkElements(json)) {
    const name = String(element.name ?? '')
    const where = `${id}: ${type} "${name}"`
    const found = findElement(model, name, containers)
    if (!found) {
      out.push(`${where}: not found in the survey-core model`)
      continue
    }
    missingTexts(found, where, out)
  }
  // The analysis labels are Gapkit's, not survey-core's: read from the JSON.
  const dims = isRecord(json.gapkit) ? json.gapkit.dimensions : undefined
  for (const dim of Array.isArray(dims) ? dims : []) {
    if (!isRecord(dim) || dim.label === undefined) continue
    const text = (l: string) => {
      if (typeof dim.label === 'string') return l === 'en' ? dim.label : ''
      if (!isRecord(dim.label)) return ''
      const t = dim.label[l] ?? (l === 'en' ? dim.label.default : undefined)
      return typeof t === 'string' ? t.trim() : ''
    }
    const missing = LOCALES.filter((l) => text(l) === '')
    if (missing.length > 0) {
      out.push(`${id}: gapkit dimension "${String(dim.id)}" label: missing ${missing.join(', ')}`)
    }
  }
  return out
}

describe('translations of the shipped questionnaires', () => {
  it('finds the questionnaires', () => {
    expect(ids.length).toBeGreaterThanOrEqual(5)
  })

  it('reports a string without a language, naming the questionnaire, element and locale', () => {
    const model = createModel({
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'radiogroup',
              name: 'q',
              title: { default: 'Question', fr: 'Question' },
              choices: [{ value: 'a', text: { default: 'A', fr: 'A', it: 'A' } }],
              validators: [{ type: 'expression', expression: 'true', text: 'Plain' }],
            },
          ],
        },
      ],
    })
    const out: string[] = []
    const q = model.getQuestionByName('q')
    if (q) missingTexts(q, 'x: radiogroup "q"', out)
    expect(out).toEqual([
      'x: radiogroup "q" title: missing it, ro, sv, sl',
      'x: radiogroup "q" validator 0 text: missing fr, it, ro, sv, sl',
      'x: radiogroup "q" choice "a" text: missing ro, sv, sl',
    ])
  })

  for (const id of ids) {
    it(`${id} has every localizable string in ${LOCALES.join(', ')}`, () => {
      expect(missingTranslations(id)).toEqual([])
    })
  }
})
