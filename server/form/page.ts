/**
 * The partner form's HTML. The first bytes already paint the title, a loading message and the
 * language switch (the form's own styles are inline, SurveyJS's stylesheet comes after them in
 * the body): on a slow link a person sees at once that the page is there and in which language.
 */
import { escapeHtml } from '../../reports/escape.ts'
import { localize } from '../../surveys/definition.ts'
import type { LoadedSurvey } from '../../surveys/registry.ts'
import { contentSecurityPolicy, embedJson, SELF_HOSTED } from '../http/html.ts'
import { type Asset, surveyI18nAsset } from '../http/static-assets.ts'
import { renderFirstQuestions } from './first-page.ts'
import { FORM_TEXT, type FormTextKey, formText, LANGUAGE_NAMES } from './text.ts'

/** The form posts nothing itself (form.js sends JSON), so no form action at all. */
export const FORM_CSP = contentSecurityPolicy({
  ...SELF_HOSTED,
  formAction: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
})

/** Where the service worker is served, and the pages it controls. */
export const SERVICE_WORKER = { url: '/s/sw.js', scope: '/s/' }

/** The form scripts, in execution order, after SurveyJS and its strings. */
const FORM_SCRIPTS = ['outbox.js', 'form-view.js', 'form-model.js', 'form.js', 'form-start.js']

export interface FormPageInput {
  survey: LoadedSurvey
  locale: string
  /** The link's region; empty for an admin preview. */
  region: string
  /** The link's token: the questionnaire version is fetched with it. */
  token: string
  /** Responses this link has already submitted. */
  sent: { count: number; lastAt: string | null }
  onePerLink: boolean
  assets: Map<string, Asset>
  /**
   * Where the page fetches its questionnaire, when not the version's URL under `/s/` (the
   * preview of an uploaded draft, which no link may read).
   */
  definition?: string
}

function page(lang: string, title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`
}

/** The URL of one questionnaire version, as form.js and the service worker fetch it. */
export function definitionUrl(survey: string, version: string, token: string): string {
  const path = `/s/${encodeURIComponent(survey)}/definition/${encodeURIComponent(version)}`
  return `${path}?t=${encodeURIComponent(token)}`
}

/** The form page of one link. */
export function formPage(input: FormPageInput): string {
  const { survey, locale, assets } = input
  const url = (name: string) => assets.get(name)?.url ?? ''
  const t = formText(locale)
  const i18n = surveyI18nAsset(locale)
  const definition = input.definition ?? definitionUrl(survey.id, survey.version, input.token)
  const scripts = ['survey.core.min.js', ...(i18n ? [i18n] : []), 'survey-js-ui.min.js']
  const css = assets.get('form.css')?.body.toString('utf8') ?? ''
  const head = [
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    `<link rel="preload" href="${escapeHtml(definition)}" as="fetch" crossorigin>`,
    ...[...scripts, ...FORM_SCRIPTS].map(
      (s) => `<script defer src="${escapeHtml(url(s))}"></script>`,
    ),
  ].join('\n')
  const data = {
    survey: survey.id,
    version: survey.version,
    definition,
    title: survey.title(locale),
    titles: Object.fromEntries(survey.locales.map((l) => [l, survey.title(l)])),
    locales: survey.locales.map((l) => {
      const asset = surveyI18nAsset(l)
      return { code: l, name: LANGUAGE_NAMES[l] ?? l, i18n: asset ? url(asset) : null }
    }),
    locale,
    region: input.region,
    preview: input.region === '',
    // An uploaded draft, previewed from the dashboard (its own notice).
    draft: input.definition !== undefined,
    onePerLink: input.onePerLink,
    sent: input.sent,
    text: Object.fromEntries(survey.locales.map((l) => [l, formText(l)])),
    sw: SERVICE_WORKER,
    uqr: url('uqr.mjs'),
  }
  const options = survey.locales
    .map(
      (l) =>
        `<option value="${escapeHtml(l)}"${l === locale ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[l] ?? l)}</option>`,
    )
    .join('')
  const title = survey.title(locale)
  // Something to read and answer while SurveyJS is on its way (first-page.ts).
  const early = renderFirstQuestions(survey.json, locale, t)
  const intro = localize(survey.json.description, locale)
  const description =
    intro && !intro.includes('{') ? `<p class="gk-intro">${escapeHtml(intro)}</p>\n` : ''
  const body = `<header class="gk-bar">
<label class="gk-lang"><span id="gk-lang-label">${escapeHtml(t.language)}</span>
<select id="gk-lang">${options}</select></label>
<span class="gk-states"><span id="gk-status" role="status" aria-live="polite"></span>
<span id="gk-outbox" role="status" aria-live="polite" hidden></span>
<span id="gk-offline" hidden></span></span>
</header>
<div id="gk-notice" role="alert" hidden></div>
<main id="gk-survey"><div class="gk-loading"><h1>${escapeHtml(title)}</h1>
${description}<p id="gk-loading-text" class="gk-loading-line">${escapeHtml(early ? t.earlyHint : t.loading)}</p>
<noscript><p>${escapeHtml(t.noscript)}</p></noscript>
${early ? `<div id="gk-early" class="gk-early">\n${early}\n</div>` : ''}</div></main>
<section id="gk-panel" class="gk-panel" aria-live="polite" hidden></section>
<link rel="stylesheet" href="${escapeHtml(url('survey-core.fontless.min.css'))}">
<script type="application/json" id="gk-data">${embedJson(data)}</script>`
  return page(locale, title, head, body)
}

/** A page with one message (unknown questionnaire, revoked link), in the visitor's language. */
export function messagePage(locale: string, key: FormTextKey, assets: Map<string, Asset>): string {
  const css = assets.get('form.css')?.body.toString('utf8') ?? ''
  const text = formText(locale)[key]
  return page(
    locale,
    'Gapkit',
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    `<main class="gk-message"><p>${escapeHtml(text)}</p></main>`,
  )
}

/** Languages the form has strings in. */
export const FORM_LOCALES = Object.keys(FORM_TEXT)
