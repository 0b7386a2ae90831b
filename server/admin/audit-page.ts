import type { Asset } from '../http/static-assets.ts'
import type { AuditEntryView, AuditFilter, AuditPage } from '../services/audit-log.ts'
import { adminHref, h, renderPage, type Who } from './layout.ts'
import { shortTime } from './progress-page.ts'
import { type AdminLocale, type AdminText, adminText, fill } from './text.ts'

/** Details as one short line: `key: value` pairs, long values cut. */
function detailsText(details: unknown): string {
  if (details === null || details === undefined) return ''
  const text =
    typeof details === 'object' && !Array.isArray(details)
      ? Object.entries(details)
          .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' · ')
      : JSON.stringify(details)
  return text.length > 300 ? `${text.slice(0, 299)}…` : text
}

function entryRow(e: AuditEntryView): string {
  const name = e.actorName ? ` <span class="ak-muted">${h(e.actorName)}</span>` : ''
  return `<tr><td class="ak-nowrap"><time datetime="${h(e.at)}">${h(shortTime(e.at))}</time></td><th scope="row">${h(e.actor)}${name}</th><td><code>${h(e.action)}</code></td><td>${h(e.entity)} <span class="ak-id">${h(e.entityId)}</span></td><td class="ak-details">${h(detailsText(e.details))}</td></tr>`
}

function select(
  id: string,
  name: string,
  label: string,
  options: { value: string; label: string }[],
  chosen: string | undefined,
) {
  const items = options
    .map(
      (o) =>
        `<option value="${h(o.value)}"${o.value === (chosen ?? '') ? ' selected' : ''}>${h(o.label)}</option>`,
    )
    .join('')
  return `<label class="ak-field" for="${id}">${h(label)}<select id="${id}" name="${name}">${items}</select></label>`
}

function filterForm(
  t: AdminText,
  locale: AdminLocale,
  filter: AuditFilter,
  facets: { actors: { actor: string; name: string | null }[]; actions: string[] },
): string {
  const actors = [
    { value: '', label: t.anyone },
    ...facets.actors.map((a) => ({
      value: a.actor,
      label: a.name ? `${a.actor} (${a.name})` : a.actor,
    })),
  ]
  const actions = [
    { value: '', label: t.anyAction },
    ...facets.actions.map((a) => ({ value: a, label: a })),
  ]
  const date = (key: 'from' | 'to', label: string) =>
    `<label class="ak-field" for="ak-audit-${key}">${h(label)}<input type="date" id="ak-audit-${key}" name="${key}" value="${h(filter[key] ?? '')}"></label>`
  return `<form method="get" action="/admin/audit" class="ak-filters" id="ak-audit-filters">
<input type="hidden" name="lang" value="${h(locale)}">
${select('ak-audit-actor', 'actor', t.auditActor, actors, filter.actor)}
${select('ak-audit-action', 'action', t.auditAction, actions, filter.action)}
${date('from', t.dateFrom)}
${date('to', t.dateTo)}
<div class="ak-actions"><button type="submit" class="ak-primary">${h(t.applyFilters)}</button>
<a class="ak-button" href="${h(adminHref('/admin/audit', locale))}">${h(t.clearFilters)}</a></div>
</form>`
}

/** The filter as query parameters (empty ones left out). */
function filterQuery(filter: AuditFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  )
}

/** `GET /admin/audit` (owners and analysts): the audit log, filtered and paged, and its CSV. */
export function renderAuditPage(input: {
  locale: AdminLocale
  csrf: string
  who?: Who
  filter: AuditFilter
  page: AuditPage
  facets: { actors: { actor: string; name: string | null }[]; actions: string[] }
  /** A filter the server refused, in its words. */
  problem?: string
  assets: Map<string, Asset>
}): string {
  const { locale, page, filter } = input
  const t = adminText(locale)
  const query = filterQuery(filter)
  const csv = `/api/admin/audit.csv?${new URLSearchParams(query).toString()}`
  const pageLink = (n: number, text: string, rel: string) =>
    n < 1 || n > page.pages
      ? `<span class="ak-muted">${h(text)}</span>`
      : `<a rel="${rel}" href="${h(adminHref('/admin/audit', locale, { ...query, page: String(n) }))}">${h(text)}</a>`
  const rows = page.entries.map(entryRow).join('\n')
  const body = `<h1>${h(t.auditTitle)}</h1>
<p class="ak-muted">${h(t.auditIntro)}</p>
<section class="ak-card" aria-labelledby="ak-audit-title">
<h2 id="ak-audit-title" class="ak-sr">${h(t.auditTitle)}</h2>
${input.problem ? `<p class="ak-alert" role="alert">${h(input.problem)}</p>` : ''}
${filterForm(t, locale, filter, input.facets)}
<div class="ak-downloads"><a class="ak-button" download id="ak-audit-csv" href="${h(csv)}">${h(t.exportAuditCsv)}</a></div>
<div class="ak-scroll"><table class="ak-table" id="ak-audit">
<thead><tr><th scope="col">${h(t.auditAt)}</th><th scope="col">${h(t.auditActor)}</th><th scope="col">${h(t.auditAction)}</th><th scope="col">${h(t.auditOn)}</th><th scope="col">${h(t.auditDetails)}</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="5" class="ak-muted">${h(t.noAudit)}</td></tr>`}
</tbody>
</table></div>
<div class="ak-pager">${pageLink(page.page - 1, `← ${t.previous}`, 'prev')}<span>${h(fill(t.auditPage, { page: page.page, pages: page.pages, total: page.total }))}</span>${pageLink(page.page + 1, `${t.next} →`, 'next')}</div>
</section>`
  return renderPage({
    locale,
    title: t.auditTitle,
    path: '/admin/audit',
    csrf: input.csrf,
    who: input.who,
    body,
    assets: input.assets,
  })
}
