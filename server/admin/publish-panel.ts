/**
 * The report downloads and the published link of the questionnaire page: the report as Word
 * and as a zip with its charts, and a read-only public link to the report (publish, list,
 * revoke), with their own strings. admin-downloads.js runs the publishing.
 */
import { h } from './layout.ts'

/** The strings of the report downloads and the published link. */
export interface PublishText {
  reportDocx: string
  reportZip: string
  published: string
  publishIntro: string
  publishName: string
  publish: string
  publishedOnce: string
  publishedOk: string
  unpublishedOk: string
  noPublished: string
  colName: string
  colLanguage: string
  colBy: string
  colWave: string
  colCreated: string
  colState: string
  live: string
  revokedOn: string
  latest: string
  revoke: string
  confirmRevoke: string
}

const EN: PublishText = {
  reportDocx: 'Gap report (Word)',
  reportZip: 'Report with charts (zip: HTML, Markdown, Word, PDF)',
  published: 'Published link',
  publishIntro:
    'A read-only link to this report that anyone can open without signing in, such as a ministry: the figures of the report with its small-group suppression, nothing else of the data. It reads the grouping and wave chosen under Analysis, in the dashboard language, and follows the data as responses come in. Revoke it to stop it at once.',
  publishName: 'Name (optional, for this list)',
  publish: 'Publish the report',
  publishedOnce:
    'Copy the link now: it is shown only once. The page ends with embed snippets for each chart.',
  publishedOk: 'Published.',
  unpublishedOk: 'The link no longer opens.',
  noPublished: 'Not published.',
  colName: 'Name',
  colLanguage: 'Language',
  colBy: 'Group by',
  colWave: 'Wave',
  colCreated: 'Published',
  colState: 'State',
  live: 'Live',
  revokedOn: 'Revoked',
  latest: 'latest',
  revoke: 'Revoke',
  confirmRevoke: 'Click again to revoke',
}

const FR: PublishText = {
  reportDocx: 'Rapport d’écarts (Word)',
  reportZip: 'Rapport et graphiques (zip : HTML, Markdown, Word, PDF)',
  published: 'Lien publié',
  publishIntro:
    'Un lien en lecture seule vers ce rapport, que chacun peut ouvrir sans se connecter, un ministère par exemple : les chiffres du rapport avec son masquage des petits groupes, rien d’autre des données. Il reprend le regroupement et la vague choisis sous Analyse, dans la langue du tableau de bord, et suit les données à mesure que les réponses arrivent. Révoquez-le pour l’arrêter aussitôt.',
  publishName: 'Nom (facultatif, pour cette liste)',
  publish: 'Publier le rapport',
  publishedOnce:
    'Copiez le lien maintenant : il n’est affiché qu’une fois. La page se termine par les extraits d’intégration de chaque graphique.',
  publishedOk: 'Publié.',
  unpublishedOk: 'Le lien ne s’ouvre plus.',
  noPublished: 'Pas publié.',
  colName: 'Nom',
  colLanguage: 'Langue',
  colBy: 'Regrouper par',
  colWave: 'Vague',
  colCreated: 'Publié',
  colState: 'État',
  live: 'Actif',
  revokedOn: 'Révoqué',
  latest: 'la plus récente',
  revoke: 'Révoquer',
  confirmRevoke: 'Cliquez encore pour révoquer',
}

const TEXTS: Record<string, PublishText> = { en: EN, fr: FR }

/** The strings in the dashboard's language (English where they are not translated yet). */
export function publishText(locale: string): PublishText {
  return TEXTS[locale] ?? EN
}

/** The Word and zip download links; admin-survey.js gives them the analysis query. */
export function renderReportDownloads(survey: string, locale: string): string {
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
  locale: string
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
