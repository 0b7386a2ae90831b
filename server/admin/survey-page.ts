import { compareKeys, isGroupingItem } from '../../analysis/group-responses.ts'
import { readQuestionItems } from '../../analysis/questions.ts'
import type { LoadedSurvey } from '../../surveys/registry.ts'
import type { Region } from '../db/schema.ts'
import type { Asset } from '../http/static-assets.ts'
import { renderExportForm } from './downloads-form.ts'
import { h, mayOpen, renderPage, type Who } from './layout.ts'
import { CHART_SCRIPTS } from './progress-page.ts'
import { renderPublishPanel, renderReportDownloads } from './publish-panel.ts'
import { type AdminLocale, type AdminText, adminText, publishText } from './text.ts'

/**
 * The grouping choices: region, wave, then each question the analysis can group by (those of
 * `gapkit.groupBy` when the questionnaire lists them).
 */
export function groupByOptions(survey: LoadedSurvey, locale: string, t: AdminText) {
  const cut = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s)
  const { items } = readQuestionItems(survey.json, locale)
  return [
    { value: 'region', label: t.byRegion },
    { value: 'wave', label: t.byWave },
    ...items
      .filter((i) => isGroupingItem(i, survey.gapkit.groupBy))
      .map((i) => ({ value: i.path, label: cut(i.title) })),
  ]
}

/**
 * The wave choices of the analysis: the latest wave with enough respondents (the default), all
 * waves, then each wave (the page script refills them with the waves the analysis counted).
 */
export function analysisWaves(waves: readonly string[], t: AdminText) {
  return [
    { value: '', label: t.latestWave },
    { value: 'all', label: t.allWaves },
    ...waves.map((w) => ({ value: w, label: w })),
  ]
}

/** The wave comparison choices: the two latest with enough respondents, then each pair. */
export function comparePairs(waves: readonly string[], t: AdminText) {
  const sorted = [...waves].sort(compareKeys)
  return [
    { value: '', label: t.compareLatest },
    ...sorted.flatMap((a, i) =>
      sorted.slice(i + 1).map((b) => ({ value: `${a},${b}`, label: `${a} → ${b}` })),
    ),
  ]
}

function select(id: string, label: string, options: { value: string; label: string }[]) {
  const items = options.map((o) => `<option value="${h(o.value)}">${h(o.label)}</option>`).join('')
  return `<label class="ak-field" for="${id}">${h(label)}<select id="${id}">${items}</select></label>`
}

/** `GET /admin/surveys/:id`: downloads, the responses table with review, the analysis. */
export function renderSurveyPage(input: {
  locale: AdminLocale
  csrf: string
  who?: Who
  survey: LoadedSurvey
  regions: Region[]
  waves: string[]
  /** Whether the chart routes are mounted; without them the page draws one chart itself. */
  charts: boolean
  assets: Map<string, Asset>
}): string {
  const { survey, locale } = input
  const t = adminText(locale)
  const title = survey.title(locale)
  const all = { value: '', label: t.all }
  const regions = [all, ...input.regions.map((r) => ({ value: r.id, label: r.name }))]
  const waves = [all, ...input.waves.map((w) => ({ value: w, label: w }))]
  const base = `/api/surveys/${survey.id}`
  // What the role may see (the server refuses the rest anyway): raw answers from reviewer up,
  // raw-data downloads and publishing from analyst up; analysis and reports for everyone.
  const can = {
    responses: mayOpen(input.who, 'reviewer'),
    export: mayOpen(input.who, 'analyst'),
    publish: mayOpen(input.who, 'analyst'),
  }
  const download = (key: keyof AdminText, kind: string, value: string) => {
    const href =
      kind === 'export'
        ? `${base}/responses?format=${value}`
        : `${base}/report.${value}?lang=${locale}`
    return `<a class="ak-button" download data-${kind}="${h(value)}" href="${h(href)}">${h(t[key])}</a>`
  }
  const body = `<h1>${h(title)}</h1>
<p class="ak-muted"><span class="ak-id">${h(survey.id)}</span> · ${h(survey.version)}</p>
<nav class="ak-tabs">${can.responses ? `<a href="#ak-responses">${h(t.responses)}</a>` : ''}<a href="#ak-analysis">${h(t.analysis)}</a><a href="#ak-downloads">${h(t.downloads)}</a></nav>
<section class="ak-card" id="ak-responses" aria-labelledby="ak-responses-title"${can.responses ? '' : ' hidden'}>
<h2 id="ak-responses-title">${h(t.responses)}</h2>
<form id="ak-filters" class="ak-filters">
${select('ak-f-region', t.region, regions)}
${select('ak-f-wave', t.wave, waves)}
${select('ak-f-status', t.status, [all, { value: 'submitted', label: t.statusSubmitted }, { value: 'draft', label: t.statusDraft }])}
${select('ak-f-review', t.review, [all, { value: 'pending', label: t.pending }, { value: 'approved', label: t.approved }, { value: 'rejected', label: t.rejected }])}
${select(
  'ak-f-size',
  t.pageSize,
  ['25', '50', '100'].map((v) => ({ value: v, label: v })),
)}
</form>
<div class="ak-bulk">
<label class="ak-field ak-grow" for="ak-note">${h(t.note)}<input id="ak-note" maxlength="2000" placeholder="${h(t.notePlaceholder)}" autocomplete="off"></label>
<div class="ak-actions"><button type="button" id="ak-bulk-approve" class="ak-ok">${h(t.approveSelected)}</button>
<button type="button" id="ak-bulk-reject" class="ak-danger">${h(t.rejectSelected)}</button>
<span id="ak-selected" class="ak-muted"></span></div>
</div>
<p id="ak-review-status" class="ak-status" role="status" aria-live="polite"></p>
<div class="ak-scroll"><table class="ak-table ak-responses">
<thead><tr><th scope="col"><input type="checkbox" id="ak-select-all" aria-label="${h(t.selectAll)}"></th><th scope="col">${h(t.actions)}</th><th scope="col">${h(t.id)}</th><th scope="col">${h(t.region)}</th><th scope="col">${h(t.wave)}</th><th scope="col">${h(t.group)}</th><th scope="col">${h(t.languageCol)}</th><th scope="col">${h(t.status)}</th><th scope="col">${h(t.review)}</th><th scope="col">${h(t.submittedAt)}</th><th scope="col">${h(t.summary)}</th></tr></thead>
<tbody id="ak-rows"><tr><td colspan="11" class="ak-muted">${h(t.loading)}</td></tr></tbody>
</table></div>
<div class="ak-pager"><button type="button" id="ak-prev">← ${h(t.previous)}</button><span id="ak-page-info" aria-live="polite"></span><button type="button" id="ak-next">${h(t.next)} →</button></div>
</section>
<section class="ak-card" id="ak-analysis" aria-labelledby="ak-analysis-title">
<h2 id="ak-analysis-title">${h(t.analysis)}</h2>
<form id="ak-analysis-controls" class="ak-filters">
${select('ak-a-by', t.groupBy, groupByOptions(survey, locale, t))}
${select('ak-a-wave', t.wave, analysisWaves(input.waves, t))}
${select('ak-a-waves', t.compareWaves, comparePairs(input.waves, t))}
<label class="ak-check" for="ak-a-approved"><input type="checkbox" id="ak-a-approved"> ${h(t.approvedOnly)}</label>
</form>
<p class="ak-muted" id="ak-counts-note">${h(t.countsNote)}</p>
<p class="ak-muted" id="ak-waves-note" aria-live="polite"></p>
<h3>${h(t.perGroup)}</h3>
<div class="ak-scroll"><table class="ak-table ak-groups" id="ak-groups">
<thead><tr><th scope="col">${h(t.groupCol)}</th><th scope="col" class="ak-num">${h(t.n)}</th></tr></thead>
<tbody><tr><td colspan="2" class="ak-muted">${h(t.loading)}</td></tr></tbody>
</table></div>
<p id="ak-analysis-status" class="ak-status" role="status" aria-live="polite"></p>
<div id="ak-charts" class="ak-charts"></div>
</section>
<section class="ak-card" id="ak-downloads" aria-labelledby="ak-downloads-title">
<h2 id="ak-downloads-title">${h(t.downloads)}</h2>
${
  can.export
    ? `<h3>${h(t.responses)}</h3>
${renderExportForm({ locale, survey, regions: input.regions, waves: input.waves, t })}
<h3>${h(t.dlReports)}</h3>
`
    : ''
}<div class="ak-downloads">
${download('reportHtml', 'report', 'html')}
${download('reportMd', 'report', 'md')}
${renderReportDownloads(survey.id, locale)}
</div>
${renderPublishPanel({ survey: survey.id, locale, canPublish: can.publish })}
</section>`
  return renderPage({
    locale,
    title,
    path: `/admin/surveys/${survey.id}`,
    csrf: input.csrf,
    who: input.who,
    body,
    scripts: [...CHART_SCRIPTS, 'admin-survey.js', 'admin-downloads.js'],
    data: {
      page: 'survey',
      can,
      survey: survey.id,
      locale,
      text: t,
      publishText: publishText(locale),
      suppressBelow: survey.gapkit.suppressBelow,
      charts: input.charts,
      regions: input.regions.map((r) => ({ id: r.id, name: r.name })),
    },
    assets: input.assets,
  })
}
