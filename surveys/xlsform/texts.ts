/**
 * The few texts the converter writes into a questionnaire itself (the "Other" choice, what to
 * type in place of a location or a photo), in English and French; other languages show the
 * English text.
 */
import type { LanguagePlan } from './languages.ts'
import type { LocalizedText } from './types.ts'

type Messages = { en: string; fr: string }

export const TEXTS = {
  other: { en: 'Other', fr: 'Autre' },
  specifyOther: { en: 'Specify other.', fr: 'Précisez « Autre ».' },
  wholeNumber: { en: 'Enter a whole number.', fr: 'Saisissez un nombre entier.' },
  location: {
    en: 'Gapkit cannot record a location: type it as latitude and longitude (for example 12.6392 -8.0029).',
    fr: 'Gapkit ne peut pas enregistrer une position : saisissez-la en latitude et longitude (par exemple 12.6392 -8.0029).',
  },
  media: {
    en: 'Gapkit cannot take a photo, a recording or a file here: describe it, or give a link to it.',
    fr: "Gapkit ne peut pas prendre de photo, d'enregistrement ni de fichier ici : décrivez-le ou donnez un lien.",
  },
  barcode: {
    en: 'Gapkit cannot scan a code: type it.',
    fr: 'Gapkit ne peut pas lire un code : saisissez-le.',
  },
} satisfies Record<string, Messages>

/** A converter text in the form's languages (English in `default`, French where the form has it). */
export function builtInText(messages: Messages, plan: LanguagePlan): LocalizedText {
  if (plan.defaultCode === 'fr') return { default: messages.fr, fr: messages.fr }
  const hasFrench = [...plan.codes.values()].includes('fr')
  return hasFrench ? { default: messages.en, fr: messages.fr } : messages.en
}

/** Two localized texts as one, paragraph after paragraph, language by language. */
export function joinTexts(
  first: LocalizedText | undefined,
  second: LocalizedText | undefined,
): LocalizedText | undefined {
  if (first === undefined) return second
  if (second === undefined) return first
  const a = typeof first === 'string' ? { default: first } : first
  const b = typeof second === 'string' ? { default: second } : second
  const out: Record<string, string> = {}
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    out[key] = [a[key] ?? a.default, b[key] ?? b.default].filter(Boolean).join('\n')
  }
  return Object.keys(out).length === 1 ? (out.default ?? '') : out
}
