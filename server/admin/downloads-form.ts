/**
 * The responses download of the questionnaire page: what to include (responses, review,
 * region, wave), codes or labels, the format (CSV with commas or with semicolons for Excel in
 * European locales, Excel, JSON), the column names of CSV and Excel (Gapkit's or KoboToolbox's,
 * the questionnaire's default chosen), and one sentence saying what the file holds. The link works
 * without script on its defaults (submitted, not rejected, every region and wave, codes);
 * admin-downloads.js follows the choices.
 */
import type { LoadedSurvey } from '../../surveys/registry.ts'
import type { Region } from '../db/schema.ts'
import { defaultHeaders } from '../exports/kobo.ts'
import { h } from './layout.ts'
import { type AdminLocale, type AdminText, fill } from './text.ts'

interface Option {
  value: string
  label: string
}

function select(id: string, label: string, options: Option[], chosen?: string): string {
  const items = options
    .map((o) => {
      const selected = o.value === chosen ? ' selected' : ''
      return `<option value="${h(o.value)}"${selected}>${h(o.label)}</option>`
    })
    .join('')
  return `<label class="ak-field" for="${id}">${h(label)}<select id="${id}" data-download>${items}</select></label>`
}

/** A language's name in the dashboard's language (`it` → "italien" in French). */
function languageName(code: string, locale: AdminLocale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)
  } catch {
    return code
  }
}

/** The URL of the default download: submitted, not rejected, every region and wave, codes. */
export function defaultExportHref(survey: string): string {
  return `/api/surveys/${survey}/responses?format=csv&status=submitted&review=not-rejected`
}

/** The download form and its link; `waves` are the questionnaire's waves with responses. */
export function renderExportForm(input: {
  locale: AdminLocale
  survey: LoadedSurvey
  regions: Region[]
  waves: string[]
  t: AdminText
}): string {
  const { locale, survey, t } = input
  // The dashboard's language first, then the questionnaire's others.
  const languages = [...survey.locales].sort((a, b) => (a === locale ? -1 : b === locale ? 1 : 0))
  const labels = languages.map((code) => ({
    value: code,
    label: `${t.dlLabels} (${languageName(code, locale)})`,
  }))
  const fields = [
    select('ak-d-format', t.dlFormat, [
      { value: 'csv', label: t.dlCsv },
      { value: 'csv;', label: t.dlCsvSemicolon },
      { value: 'xlsx', label: t.dlXlsx },
      { value: 'json', label: t.dlJson },
    ]),
    select('ak-d-status', t.dlResponses, [
      { value: 'submitted', label: t.dlSubmitted },
      { value: 'all', label: t.dlSubmittedDrafts },
      { value: 'draft', label: t.dlDrafts },
    ]),
    select('ak-d-review', t.review, [
      { value: 'not-rejected', label: t.dlNotRejected },
      { value: 'approved', label: t.dlApproved },
      { value: 'all', label: t.dlAllReviews },
    ]),
    select('ak-d-region', t.region, [
      { value: '', label: t.all },
      ...input.regions.map((r) => ({ value: r.id, label: r.name })),
    ]),
    select('ak-d-wave', t.wave, [
      { value: '', label: t.all },
      ...input.waves.map((w) => ({ value: w, label: w })),
    ]),
    select('ak-d-values', t.dlValues, [{ value: '', label: t.dlCodes }, ...labels]),
    // Only CSV and Excel have column names (JSON keeps the answers as stored). The link follows
    // this choice once admin-downloads.js reads it (`headers=` when not the default; hidden for JSON).
    select(
      'ak-d-headers',
      t.dlHeaders,
      [
        { value: 'gapkit', label: t.dlHeadersGapkit },
        { value: 'kobo', label: t.dlHeadersKobo },
      ],
      defaultHeaders(survey.json),
    ),
  ]
  // The link's default is a CSV: Kobo's names leave its repeats to the Excel workbook.
  const kobo = defaultHeaders(survey.json) === 'kobo' ? t.dlPhraseKoboCsv : ''
  const includes = `${t.dlPhraseSubmitted}, ${t.dlPhraseNotRejected}, ${t.dlPhraseAllWaves}, ${t.dlPhraseAllRegions}, ${t.dlPhraseCodes}${kobo}`
  return `<form id="ak-download-form" class="ak-filters" data-survey="${h(survey.id)}">
${fields.join('\n')}
</form>
<p id="ak-download-includes" class="ak-includes" aria-live="polite">${h(fill(t.dlIncludes, { what: includes }))}</p>
<p><a class="ak-button ak-primary" id="ak-download" download href="${h(defaultExportHref(survey.id))}">${h(t.dlDownload)}</a></p>`
}
