/**
 * The page at `/`: what Gapkit is and where to go, in the dashboard's languages. It shows nothing
 * stored (no questionnaire, region, partner or count), so anyone may see it.
 */
import type { Asset } from '../http/static-assets.ts'
import { adminHref, h, renderPage } from './layout.ts'
import { type AdminLocale, landingText } from './text.ts'

/** `GET /`: the landing page in `locale`. */
export function renderLandingPage(input: {
  locale: AdminLocale
  assets: Map<string, Asset>
}): string {
  const t = landingText(input.locale)
  const body = `<section class="ak-card ak-landing">
<h1>${h(t.title)}</h1>
<p class="ak-lead">${h(t.tagline)}</p>
<p>${h(t.about)}</p>
<h2>${h(t.partnersTitle)}</h2>
<p>${h(t.partners)}</p>
<h2>${h(t.leadTitle)}</h2>
<p>${h(t.lead)}</p>
<p><a class="ak-button ak-primary" id="ak-to-dashboard" href="${h(adminHref('/admin', input.locale))}">${h(t.dashboard)} →</a></p>
<h2>${h(t.apiTitle)}</h2>
<p>${h(t.api)} <a href="/api/docs">${h(t.apiLink)}</a></p>
</section>`
  return renderPage({
    locale: input.locale,
    title: t.tagline,
    path: '/',
    body,
    assets: input.assets,
  })
}
