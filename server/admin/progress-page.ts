import type { ProgressRow } from '../db/repositories/progress.ts'
import type { Region } from '../db/schema.ts'
import type { Asset } from '../http/static-assets.ts'
import type { Target } from '../services/targets.ts'
import { adminHref, h, mayOpen, renderPage, type Who } from './layout.ts'
import { countedTowardsTarget, targetCell, targetForm, withTargetRows } from './targets-view.ts'
import { type AdminLocale, type AdminText, adminText, fill } from './text.ts'

/** Vega, Vega-Lite and vega-embed, then the dashboard script. */
export const CHART_SCRIPTS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'admin.js']

/** `2026-03-01T09:30:00.000Z` → `2026-03-01 09:30` (UTC, as stored). */
export function shortTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}`.trim() : '—'
}

interface SurveyInfo {
  id: string
  title: string
}

const COUNTS = ['submitted', 'drafts', 'approved', 'rejected'] as const

function progressTable(
  survey: SurveyInfo,
  counted: ProgressRow[],
  regions: Region[],
  targets: Target[],
  t: AdminText,
): string {
  const rows = withTargetRows(counted, targets, regions)
  const targetOf = new Map(targets.map((x) => [`${x.region}\n${x.wave}`, x]))
  const target = (r: ProgressRow) => targetCell(r, targetOf.get(`${r.region}\n${r.wave}`), t)
  const seen = new Set(rows.map((r) => r.region))
  // Regions that have not started yet are what the lead partner chases: list them too.
  const idle = regions.filter((r) => !seen.has(r.id))
  const cells = (r: Pick<ProgressRow, (typeof COUNTS)[number]>) =>
    COUNTS.map((k) => `<td class="ak-num" data-col="${k}">${r[k]}</td>`).join('')
  const body = [
    ...rows.map(
      (r) =>
        `<tr data-region="${h(r.region)}" data-wave="${h(r.wave)}"><th scope="row">${h(r.regionName)} <span class="ak-id">${h(r.region)}</span></th><td>${h(r.wave)}</td>${target(r)}${cells(r)}<td>${r.lastActivity ? `<time datetime="${h(r.lastActivity)}">${h(shortTime(r.lastActivity))}</time>` : '—'}</td></tr>`,
    ),
    ...idle.map(
      (r) =>
        `<tr data-region="${h(r.id)}" class="ak-idle"><th scope="row">${h(r.name)} <span class="ak-id">${h(r.id)}</span></th><td>—</td><td data-col="target"><button type="button" class="ak-link" data-set-target data-region="${h(r.id)}" data-wave="">${h(t.setTarget)}</button></td>${cells({ submitted: 0, drafts: 0, approved: 0, rejected: 0 })}<td>—</td></tr>`,
    ),
  ].join('\n')
  const sum = (k: (typeof COUNTS)[number]) => rows.reduce((s, r) => s + r[k], 0)
  const totals = {
    submitted: sum('submitted'),
    drafts: sum('drafts'),
    approved: sum('approved'),
    rejected: sum('rejected'),
  }
  const aimed = rows.filter((r) => targetOf.has(`${r.region}\n${r.wave}`))
  const expected = targets.reduce((s, x) => s + x.expected, 0)
  const reached = aimed.reduce((s, r) => s + countedTowardsTarget(r), 0)
  const totalTarget =
    targets.length === 0
      ? '<td data-col="target"></td>'
      : `<td data-col="target" data-expected="${expected}">${h(fill(t.ofExpected, { n: reached, expected }))}</td>`
  return `<div class="ak-scroll"><table class="ak-table">
<thead><tr><th scope="col">${h(t.region)}</th><th scope="col">${h(t.wave)}</th><th scope="col">${h(t.targetCol)}</th><th scope="col" class="ak-num">${h(t.submitted)}</th><th scope="col" class="ak-num">${h(t.drafts)}</th><th scope="col" class="ak-num">${h(t.approved)}</th><th scope="col" class="ak-num">${h(t.rejected)}</th><th scope="col">${h(t.lastActivity)}</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr data-total="${h(survey.id)}"><th scope="row">${h(t.total)}</th><td></td>${totalTarget}${cells(totals)}<td></td></tr></tfoot>
</table></div>`
}

/** `GET /admin`: progress per questionnaire × region × wave, with a progress chart. */
export function renderProgressPage(input: {
  locale: AdminLocale
  csrf: string
  who?: Who
  surveys: SurveyInfo[]
  progress: ProgressRow[]
  regions: Region[]
  /** Collection targets of every questionnaire (none when absent). */
  targets?: Target[]
  assets: Map<string, Asset>
}): string {
  const t = adminText(input.locale)
  // The chart opens on the questionnaire with the most responses.
  const totals = new Map<string, number>()
  for (const p of input.progress) totals.set(p.survey, (totals.get(p.survey) ?? 0) + p.submitted)
  const busiest = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]
  const options = input.surveys
    .map(
      (s) =>
        `<option value="${h(s.id)}"${s.id === busiest?.[0] ? ' selected' : ''}>${h(s.title)}</option>`,
    )
    .join('')
  // Targets are set by analysts and owners; the other roles see them, with no controls.
  const setsTargets = mayOpen(input.who, 'analyst')
  const sections = input.surveys.map((s) => {
    const rows = input.progress.filter((p) => p.survey === s.id)
    const targets = (input.targets ?? []).filter((x) => x.survey === s.id)
    const waves = [...new Set([...rows, ...targets].map((r) => r.wave))].sort()
    return `<section class="ak-card${setsTargets ? '' : ' ak-read-only'}" data-survey="${h(s.id)}" aria-labelledby="ak-s-${h(s.id)}">
<div class="ak-row"><h2 id="ak-s-${h(s.id)}">${h(s.title)}</h2>
<a class="ak-button" href="${h(adminHref(`/admin/surveys/${s.id}`, input.locale))}">${h(t.open)} →</a></div>
${rows.length === 0 ? `<p class="ak-muted">${h(t.noResponses)}</p>` : ''}
${progressTable(s, rows, input.regions, targets, t)}
${setsTargets ? targetForm(s.id, input.regions, waves, t) : ''}
</section>`
  })
  const body = `<h1>${h(t.progressTitle)}</h1>
<p class="ak-muted">${h(t.progressIntro)}</p>
<section class="ak-card" aria-labelledby="ak-chart-title">
<div class="ak-row"><h2 id="ak-chart-title">${h(t.chart)}</h2>
<label class="ak-field">${h(t.questionnaire)} <select id="ak-progress-survey">${options}</select></label></div>
<div id="ak-progress-chart" class="ak-chart"></div>
</section>
${sections.join('\n')}`
  return renderPage({
    locale: input.locale,
    title: t.progressTitle,
    path: '/admin',
    csrf: input.csrf,
    who: input.who,
    body,
    scripts: [...CHART_SCRIPTS, 'admin-targets.js'],
    data: { page: 'progress', locale: input.locale, text: t, progress: input.progress },
    assets: input.assets,
  })
}
