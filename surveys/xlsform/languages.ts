/**
 * XLSForm languages (`label::French (fr)`, `label::fr`, `label::Français`) as SurveyJS locales,
 * and the localized strings built from a row's translated columns. Gapkit reads SurveyJS's
 * `default` text as English, so English texts become `default` when the form has them.
 */
import type { LocalizedText } from './types.ts'

const NAMED: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  italian: 'it',
  italiano: 'it',
  romanian: 'ro',
  română: 'ro',
  romana: 'ro',
  swedish: 'sv',
  svenska: 'sv',
  slovenian: 'sl',
  slovene: 'sl',
  slovenščina: 'sl',
  spanish: 'es',
  español: 'es',
  portuguese: 'pt',
  português: 'pt',
  german: 'de',
  deutsch: 'de',
  dutch: 'nl',
  arabic: 'ar',
  bambara: 'bm',
  bamanankan: 'bm',
  wolof: 'wo',
  fulfulde: 'ff',
  fula: 'ff',
  hausa: 'ha',
  swahili: 'sw',
}

const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i

/**
 * The locale code of an XLSForm language, or null when it names none: `French (fr)` and `fr`
 * give `fr`; a bare language name is looked up among common ones.
 *
 * @example languageCode('Français (fr)') // 'fr'
 * @example languageCode('Bambara') // 'bm'
 */
export function languageCode(language: string): string | null {
  const inParens = /\(([^()]+)\)\s*$/.exec(language)?.[1]?.trim()
  if (inParens && CODE.test(inParens)) return inParens.toLowerCase()
  const bare = language.trim()
  if (CODE.test(bare) && bare.length <= 3) return bare.toLowerCase()
  if (CODE.test(bare) && bare.includes('-')) return bare.toLowerCase()
  return NAMED[bare.toLowerCase()] ?? null
}

/** How the form's languages become SurveyJS locales. */
export interface LanguagePlan {
  /** XLSForm language (as written after `::`) → locale code; `''` for untranslated columns. */
  codes: Map<string, string>
  /** The locale whose texts are SurveyJS's `default` (Gapkit's English). */
  defaultCode: string
  /** Languages that name no locale: their columns are left out. */
  unknown: string[]
}

/** `default` stands for the untranslated columns of a form that declares no language. */
export const UNNAMED = 'default'

/**
 * Chooses a locale per language. The `default` texts are the English ones when the form has
 * English, else those of the untranslated columns, else those of `default_language`, else
 * the first language met.
 */
export function planLanguages(
  languages: readonly string[],
  hasUntranslated: boolean,
  defaultLanguage: string | undefined,
): LanguagePlan {
  const codes = new Map<string, string>()
  const unknown: string[] = []
  const declared = defaultLanguage ? languageCode(defaultLanguage) : null
  if (hasUntranslated) codes.set('', declared ?? UNNAMED)
  for (const language of languages) {
    const code = languageCode(language)
    if (code) codes.set(language, code)
    else unknown.push(language)
  }
  const found = [...codes.values()]
  const defaultCode = found.includes('en')
    ? 'en'
    : hasUntranslated
      ? (codes.get('') ?? UNNAMED)
      : declared && found.includes(declared)
        ? declared
        : (found[0] ?? UNNAMED)
  return { codes, defaultCode, unknown }
}

/**
 * The locale the form opens in, for SurveyJS's top-level `locale`: `default_language` when the
 * form has it, else the language of the `default` texts when it is not English; undefined for
 * English (SurveyJS's own default).
 */
export function openingLocale(
  plan: LanguagePlan,
  defaultLanguage: string | undefined,
): string | undefined {
  const declared = defaultLanguage ? languageCode(defaultLanguage) : null
  const codes = new Set(plan.codes.values())
  const code = declared && codes.has(declared) ? declared : plan.defaultCode
  return code === 'en' || code === UNNAMED ? undefined : code
}

/**
 * A SurveyJS localized string from one column of a row: a plain string when there is one
 * language, else `{ default, fr, … }`. When the default language is not English it keeps its
 * own key too, so that it appears in the form's language switch.
 */
export function localize(
  untranslated: string | undefined,
  translations: ReadonlyMap<string, string> | undefined,
  plan: LanguagePlan,
): LocalizedText | undefined {
  const texts = new Map<string, string>()
  if (untranslated) texts.set(plan.codes.get('') ?? UNNAMED, untranslated)
  for (const [language, text] of translations ?? []) {
    const code = plan.codes.get(language)
    if (code && text) texts.set(code, text)
  }
  if (texts.size === 0) return undefined
  const fallback = texts.get(plan.defaultCode) ?? texts.get(UNNAMED) ?? [...texts.values()][0]
  const out: Record<string, string> = { default: fallback ?? '' }
  for (const [code, text] of texts) {
    if (code === UNNAMED || code === 'en') continue
    // The same text as the default needs no key, except the default language's own.
    if (text === out.default && code !== plan.defaultCode) continue
    out[code] = text
  }
  const keys = Object.keys(out)
  return keys.length === 1 ? out.default : out
}
