import type { Region } from '../db/schema.ts'
import type { Asset } from '../http/static-assets.ts'
import type { PartnerLink } from '../services/partner-links.ts'
import { h, renderPage, type Who } from './layout.ts'
import { shortTime } from './progress-page.ts'
import { type AdminLocale, type AdminText, adminText } from './text.ts'

/** One row of the partner links table (admin.js builds the same rows after a change). */
function partnerRow(p: PartnerLink, t: AdminText): string {
  const status = p.revokedAt
    ? `<span class="ak-badge ak-rejected">${h(t.revokedOn)} ${h(shortTime(p.revokedAt))}</span>`
    : `<span class="ak-badge ak-approved">${h(t.active)}</span>`
  const action = p.revokedAt
    ? ''
    : `<button type="button" class="ak-danger" data-revoke="${p.id}">${h(t.revoke)}</button>`
  return `<tr data-partner="${p.id}"><th scope="row">${h(p.name)}</th><td>${h(p.regionName)} <span class="ak-id">${h(p.region)}</span></td><td>${h(p.group ?? '—')}</td><td>${h(p.wave ?? '—')}</td><td class="ak-nowrap">${h(shortTime(p.createdAt))}</td><td>${status}</td><td>${action}</td></tr>`
}

function field(id: string, text: string, input: string, hint = ''): string {
  return `<div class="ak-field"><label for="${id}">${h(text)}${hint ? ` <span class="ak-muted">(${h(hint)})</span>` : ''}</label>${input}</div>`
}

/** `GET /admin/partners`: create a partner link (token shown once), list and revoke them. */
export function renderPartnersPage(input: {
  locale: AdminLocale
  csrf: string
  who?: Who
  partners: PartnerLink[]
  regions: Region[]
  assets: Map<string, Asset>
}): string {
  const t = adminText(input.locale)
  const regionOptions = [
    ...input.regions.map((r) => `<option value="${h(r.id)}">${h(r.name)} (${h(r.id)})</option>`),
    `<option value="">${h(t.newRegion)}</option>`,
  ].join('')
  const rows = input.partners.map((p) => partnerRow(p, t)).join('\n')
  const body = `<h1>${h(t.partnersTitle)}</h1>
<p class="ak-muted">${h(t.partnersIntro)}</p>
<section class="ak-card" aria-labelledby="ak-new-title">
<h2 id="ak-new-title">${h(t.newPartner)}</h2>
<form id="ak-partner-form" class="ak-grid" novalidate>
${field('ak-p-region', t.region, `<select id="ak-p-region" name="region">${regionOptions}</select>`)}
<div class="ak-new-region" id="ak-new-region"${input.regions.length > 0 ? ' hidden' : ''}>
${field('ak-p-region-id', t.regionId, '<input id="ak-p-region-id" name="regionId" maxlength="64" pattern="[A-Za-z0-9][A-Za-z0-9_-]*" autocomplete="off">')}
${field('ak-p-region-name', t.regionName, '<input id="ak-p-region-name" name="regionName" maxlength="200" autocomplete="off">')}
</div>
${field('ak-p-name', t.partnerName, '<input id="ak-p-name" name="name" maxlength="200" required autocomplete="off">')}
${field('ak-p-group', t.group, '<input id="ak-p-group" name="group" maxlength="100" autocomplete="off">', t.optional)}
${field('ak-p-wave', t.wave, '<input id="ak-p-wave" name="wave" maxlength="64" autocomplete="off">', t.optional)}
<div class="ak-actions"><button type="submit" class="ak-primary">${h(t.createLink)}</button></div>
</form>
<div id="ak-created" class="ak-created" hidden>
<p class="ak-alert ak-warn" role="status">${h(t.tokenOnce)}</p>
<p><strong>${h(t.token)}</strong> <code id="ak-created-token" class="ak-secret"></code></p>
<p><strong>${h(t.formLinks)}</strong></p>
<p class="ak-muted ak-no-print">${h(t.printHint)} <button type="button" id="ak-print-links">${h(t.printLinks)}</button></p>
<p class="ak-print-only" id="ak-created-for"></p>
<ul id="ak-created-links" class="ak-links ak-qr-cards"></ul>
</div>
<p id="ak-partner-status" class="ak-status" role="status" aria-live="polite"></p>
</section>
<section class="ak-card" aria-labelledby="ak-list-title">
<h2 id="ak-list-title">${h(t.partnersTitle)}</h2>
<div class="ak-scroll"><table class="ak-table" id="ak-partners">
<thead><tr><th scope="col">${h(t.name)}</th><th scope="col">${h(t.region)}</th><th scope="col">${h(t.group)}</th><th scope="col">${h(t.wave)}</th><th scope="col">${h(t.created)}</th><th scope="col">${h(t.statusCol)}</th><th scope="col"><span class="ak-sr">${h(t.actions)}</span></th></tr></thead>
<tbody>
${rows || `<tr><td colspan="7" class="ak-muted">${h(t.noPartners)}</td></tr>`}
</tbody>
</table></div>
</section>`
  return renderPage({
    locale: input.locale,
    title: t.partnersTitle,
    path: '/admin/partners',
    csrf: input.csrf,
    who: input.who,
    body,
    scripts: ['admin.js'],
    data: { page: 'partners', locale: input.locale, text: t },
    assets: input.assets,
  })
}
