/**
 * Number, percentage, p-value and date formatting for report text and tables, through
 * `Intl.NumberFormat` / `Intl.DateTimeFormat` with fixed options (French: decimal comma, narrow
 * no-break space before `%` and between thousands; Italian, Romanian, Swedish and Slovenian
 * their own). Minus signs are U+2212, as in the charts.
 */

/** The languages of the report text, in the order the command line lists them. */
export const REPORT_LANGUAGES = ['en', 'fr', 'it', 'ro', 'sv', 'sl'] as const

/** A language the report is written in. */
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]

/** The locale whose number and date conventions each report language follows. */
const TAGS: Record<ReportLanguage, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  it: 'it-IT',
  ro: 'ro-RO',
  sv: 'sv-SE',
  sl: 'sl-SI',
}

/** Formatters of one report language. */
export interface ReportFormat {
  /** `1.25` / `1,25`; null gives an en dash. */
  decimal: (value: number | null, digits?: number) => string
  /** A gap: signed (`+1.31`, `−0.47`), two decimals unless told. */
  signed: (value: number | null, digits?: number) => string
  /** A number without thousands separators (years, codes): `2023`, `2023,5`. */
  plain: (value: number | null, digits?: number) => string
  /** Whole number with thousands separators. */
  integer: (value: number) => string
  /** A percentage given in 0–100: `48.8%` / `48,8 %`. */
  percent: (value: number | null, digits?: number) => string
  /** A share given in 0–1, as a percentage. */
  share: (value: number | null, digits?: number) => string
  /** p-value: three decimals, `< 0.001` below that. */
  p: (value: number | null) => string
  /** 95% interval `[1.13, 1.49]` / `[1,13 ; 1,49]` / `[1,13; 1,49]`. */
  interval: (interval: readonly [number, number] | null, digits?: number) => string
  /** An ISO timestamp's date in UTC, spelled out: `23 November 2026` / `23 novembre 2026`. */
  date: (iso: string) => string
}

/** Placeholder of a figure that does not exist. */
export const NO_FIGURE = '–'

const MINUS = '\u2212'

/**
 * The report language of a locale: its primary language when the report has it (`fr-FR` →
 * `fr`), else `en`.
 * @example reportLanguage('sl-SI') // 'sl'
 */
export function reportLanguage(locale: string): ReportLanguage {
  const primary = locale.toLowerCase().split(/[-_]/)[0]
  return REPORT_LANGUAGES.find((l) => l === primary) ?? 'en'
}

/** Between the ends of an interval: a comma, unless the language writes decimals with one. */
function intervalSeparator(language: ReportLanguage): string {
  if (language === 'en') return ', '
  // French puts a space before the semicolon; the others do not.
  return language === 'fr' ? ' ; ' : '; '
}

const cache = new Map<string, ReportFormat>()

/**
 * The formatters of a report language (cached: building `Intl` objects is slow).
 * @example reportFormat('fr').percent(48.8) // '48,8 %' (narrow no-break space)
 */
export function reportFormat(locale: string): ReportFormat {
  const language = reportLanguage(locale)
  const cached = cache.get(language)
  if (cached) return cached
  const tag = TAGS[language]
  const numberFormats = new Map<string, Intl.NumberFormat>()
  const numberFormat = (
    style: 'decimal' | 'percent',
    digits: number,
    signed: boolean,
    grouping = true,
  ) => {
    const key = `${style}/${digits}/${signed}/${grouping}`
    let format = numberFormats.get(key)
    if (!format) {
      format = new Intl.NumberFormat(tag, {
        style,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        signDisplay: signed ? 'exceptZero' : 'auto',
        useGrouping: grouping,
      })
      numberFormats.set(key, format)
    }
    return format
  }
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' })
  const clean = (text: string) => text.replace(/-/g, MINUS)
  const decimal = (value: number | null, digits = 2) =>
    value === null || !Number.isFinite(value)
      ? NO_FIGURE
      : clean(numberFormat('decimal', digits, false).format(value))
  const share = (value: number | null, digits = 1) =>
    value === null || !Number.isFinite(value)
      ? NO_FIGURE
      : clean(numberFormat('percent', digits, false).format(value))
  const separator = intervalSeparator(language)
  const format: ReportFormat = {
    decimal,
    signed: (value, digits = 2) =>
      value === null || !Number.isFinite(value)
        ? NO_FIGURE
        : clean(numberFormat('decimal', digits, true).format(value)),
    plain: (value, digits = 0) =>
      value === null || !Number.isFinite(value)
        ? NO_FIGURE
        : clean(numberFormat('decimal', digits, false, false).format(value)),
    integer: (value) => clean(numberFormat('decimal', 0, false).format(value)),
    percent: (value, digits = 1) => share(value === null ? null : value / 100, digits),
    share,
    p: (value) => {
      if (value === null || !Number.isFinite(value)) return NO_FIGURE
      return value < 0.001 ? `< ${decimal(0.001, 3)}` : decimal(value, 3)
    },
    interval: (interval, digits = 2) =>
      interval === null
        ? NO_FIGURE
        : `[${decimal(interval[0], digits)}${separator}${decimal(interval[1], digits)}]`,
    date: (iso) => {
      const time = Date.parse(iso)
      return Number.isFinite(time) ? dates.format(new Date(time)) : iso
    },
  }
  cache.set(language, format)
  return format
}
