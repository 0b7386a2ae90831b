/**
 * The report downloads and the published link of the questionnaire page: the report as Word
 * and as a zip with its charts, and a read-only public link to the report (publish, list,
 * revoke), with their own strings. admin-downloads.js runs the publishing.
 */
import { h } from './layout.ts'
import { type AdminLocale, publishText } from './text.ts'

/** The Word and zip download links; admin-survey.js gives them the analysis query. */
export function renderReportDownloads(survey: string, locale: AdminLocale): string {
  const t = publishText(locale)
  const base = `/api/surveys/${survey}`
  const link = (ext: string, label: string) =>
    `<a class="ak-button" download data-report="${ext}" href="${h(`${base}/report.${ext}?lang=${locale}`)}">${h(label)}</a>`
  return `${link('docx', t.reportDocx)}\n${link('zip', t.reportZip)}`
}

/**
 * The published link: what it is, the publish form (analyst and up), the link just made, and
 * every published link of the questionnaire with its state (filled by admin-downloads.js).
 */
export function renderPublishPanel(input: {
  survey: string
  locale: AdminLocale
  canPublish: boolean
}): string {
  const t = publishText(input.locale)
  const head = [t.colName, t.colLanguage, t.colBy, t.colWave, t.colCreated, t.colState, '']
    .map((label) => `<th scope="col">${h(label)}</th>`)
    .join('')
  const form = input.canPublish
    ? `<form id="ak-publish-form" class="ak-filters" data-survey="${h(input.survey)}">
<label class="ak-field ak-grow" for="ak-pub-name">${h(t.publishName)}<input id="ak-pub-name" maxlength="200" autocomplete="off"></label>
<div class="ak-actions"><button type="submit" class="ak-primary" id="ak-publish">${h(t.publish)}</button></div>
</form>
<div id="ak-published" class="ak-created" hidden>
<p class="ak-alert ak-warn" role="status">${h(t.publishedOnce)}</p>
<p><a id="ak-published-url" class="ak-url" rel="noreferrer" target="_blank" href="#"></a></p>
</div>`
    : ''
  return `<h3 id="ak-publish-title">${h(t.published)}</h3>
<p class="ak-muted">${h(t.publishIntro)}</p>
${form}
<p id="ak-publish-status" class="ak-status" role="status" aria-live="polite"></p>
<div class="ak-scroll"><table class="ak-table" id="ak-publications" data-survey="${h(input.survey)}">
<thead><tr>${head}</tr></thead>
<tbody><tr><td colspan="7" class="ak-muted">${h(t.noPublished)}</td></tr></tbody>
</table></div>`
}
