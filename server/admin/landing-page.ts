/**
 * The page at `/`: what Gapkit is and where to go, in English or French. It shows nothing
 * stored (no questionnaire, region, partner or count), so anyone may see it.
 */
import type { Asset } from '../http/static-assets.ts'
import { adminHref, h, renderPage } from './layout.ts'
import type { AdminLocale } from './text.ts'

const EN = {
  title: 'Gapkit',
  tagline: 'Stakeholder surveys and cross-region gap analysis for inclusive-finance cooperation.',
  about:
    'Regional partners fill questionnaires in their language through a personal link; the lead partner follows the collection, reviews the responses, compares the regions and publishes the charts of a gap report.',
  partnersTitle: 'Partners',
  partners:
    'Open the link you received from the lead partner: it leads straight to your questionnaire, and your answers are saved as you go. This page has no form of its own.',
  leadTitle: 'Lead partner',
  lead: 'Sign in to the dashboard: progress per region, partner links, responses and their review, analysis, downloads.',
  dashboard: 'Open the dashboard',
  apiTitle: 'Scripts and integrations',
  api: 'The HTTP API is described in OpenAPI 3.1.',
  apiLink: 'API documentation',
}

type LandingText = Record<keyof typeof EN, string>

const FR: LandingText = {
  title: 'Gapkit',
  tagline:
    'Enquêtes auprès des parties prenantes et analyse des écarts entre régions pour la coopération en finance inclusive.',
  about:
    'Les partenaires régionaux remplissent les questionnaires dans leur langue grâce à un lien personnel ; le partenaire chef de file suit la collecte, valide les réponses, compare les régions et publie les graphiques d’un rapport d’analyse des écarts.',
  partnersTitle: 'Partenaires',
  partners:
    'Ouvrez le lien reçu du partenaire chef de file : il mène directement à votre questionnaire, et vos réponses sont enregistrées au fur et à mesure. Cette page n’a pas de formulaire.',
  leadTitle: 'Partenaire chef de file',
  lead: 'Connectez-vous au tableau de bord : avancement par région, liens partenaires, réponses et leur validation, analyse, téléchargements.',
  dashboard: 'Ouvrir le tableau de bord',
  apiTitle: 'Scripts et intégrations',
  api: 'L’API HTTP est décrite en OpenAPI 3.1.',
  apiLink: 'Documentation de l’API',
}

const TEXT: Record<AdminLocale, LandingText> = { en: EN, fr: FR }

/** `GET /`: the landing page in `locale`. */
export function renderLandingPage(input: {
  locale: AdminLocale
  assets: Map<string, Asset>
}): string {
  const t = TEXT[input.locale]
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
