/**
 * Strings of the lead-partner dashboard: one module per language in `text/<lang>.ts` (en, fr,
 * it, ro, sv, sl), each with three tables: the dashboard's own (`admin`, also embedded for its
 * browser scripts), the report downloads and published link (`publish`) and the page at `/`
 * (`landing`). The keys are those of the English tables; every table of every language must
 * have every key and every language its module: the types check both.
 */
import * as en from './text/en.ts'
import * as fr from './text/fr.ts'
import * as it from './text/it.ts'
import * as ro from './text/ro.ts'
import * as sl from './text/sl.ts'
import * as sv from './text/sv.ts'

/** Languages of the lead-partner dashboard, in the order of its language switch. */
export const ADMIN_LOCALES = ['en', 'fr', 'it', 'ro', 'sv', 'sl'] as const
export type AdminLocale = (typeof ADMIN_LOCALES)[number]

export type AdminText = Record<keyof typeof en.admin, string>
export type PublishText = Record<keyof typeof en.publish, string>
export type LandingText = Record<keyof typeof en.landing, string>

/** Every table of one language. */
export interface DashboardText {
  admin: AdminText
  publish: PublishText
  landing: LandingText
}

/** Every language's tables: a language without one fails the type check. */
const TABLES: Record<AdminLocale, DashboardText> = { en, fr, it, ro, sv, sl }

/** The dashboard strings of a language. */
export function adminText(locale: AdminLocale): AdminText {
  return TABLES[locale].admin
}

/** The strings of the report downloads and the published link in a language. */
export function publishText(locale: AdminLocale): PublishText {
  return TABLES[locale].publish
}

/** The strings of the page at `/` in a language. */
export function landingText(locale: AdminLocale): LandingText {
  return TABLES[locale].landing
}

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    key in values ? String(values[key]) : m,
  )
}
