import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pickLocale } from '../../server/http/html.ts'
import { defaultLocale, listLocales } from '../../surveys/definition.ts'
import { loadSurvey } from '../../surveys/registry.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { FIXTURES } from '../helpers/test-app.ts'

const example = (): SurveyJson =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'))

describe("a questionnaire's languages", () => {
  it('lists English first when the questionnaire names no locale', () => {
    expect(defaultLocale(example())).toBe('en')
    expect(listLocales(example())).toEqual(['en', 'fr'])
  })

  it('lists the top-level locale first: the language a reader asking for none gets', () => {
    const json = { ...example(), locale: 'fr' }
    expect(defaultLocale(json)).toBe('fr')
    const survey = loadSurvey('example', json)
    expect(survey.locales).toEqual(['fr', 'en'])
    expect(pickLocale({ header: 'de-DE' }, survey.locales)).toBe('fr')
    expect(pickLocale({}, survey.locales)).toBe('fr')
    // A language the questionnaire has still wins over its default.
    expect(pickLocale({ header: 'en-GB' }, survey.locales)).toBe('en')
    expect(pickLocale({ query: 'en', header: 'de' }, survey.locales)).toBe('en')
  })

  it('offers no English when every default text is the default language’s own', () => {
    const json: SurveyJson = {
      locale: 'fr',
      title: { default: 'Épargne', fr: 'Épargne', bm: 'Mɔgɔ' },
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', title: 'Montant' }] }],
    }
    expect(listLocales(json)).toEqual(['fr', 'bm'])
    expect(pickLocale({ header: 'en-GB,en;q=0.9' }, listLocales(json))).toBe('fr')
    // One English text is enough to offer English.
    const mixed = { ...json, description: { default: 'Savings', fr: 'Épargne' } }
    expect(listLocales(mixed)).toEqual(['fr', 'bm', 'en'])
  })

  it('ignores a locale that is no language code', () => {
    for (const locale of ['', 'French', 42, null]) {
      expect(defaultLocale({ ...example(), locale } as SurveyJson)).toBe('en')
      expect(listLocales({ ...example(), locale } as SurveyJson)).toEqual(['en', 'fr'])
    }
  })
})
