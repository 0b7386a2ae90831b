import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { escapeHtml } from '../../reports/escape.ts'
import type { LoadedSurvey, SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { authenticate, readToken } from '../http/auth.ts'
import { contentSecurityPolicy, embedJson, pickLocale, SELF_HOSTED } from '../http/html.ts'
import { type Asset, surveyI18nAssets } from '../http/static-assets.ts'

/** Page strings around the questionnaire (SurveyJS translates its own). */
const PAGE_TEXT: Record<string, Record<string, string>> = {
  en: {
    language: 'Language',
    saved: 'Saved',
    savedLocal: 'Saved on this device — will be sent when online',
    saving: 'Saving…',
    denied: 'This link is not valid or has been revoked. Ask your lead partner for a new one.',
    missing: 'No such questionnaire.',
    thanks: 'Thank you. Your answers have been received.',
    sendError: 'Your answers could not be sent. They are kept on this device; please try again.',
    fix: 'Please correct the answers marked below.',
  },
  fr: {
    language: 'Langue',
    saved: 'Enregistré',
    savedLocal: 'Enregistré sur cet appareil — sera envoyé dès le retour de la connexion',
    saving: 'Enregistrement…',
    denied:
      'Ce lien n’est pas valide ou a été révoqué. Demandez-en un nouveau au partenaire chef de file.',
    missing: 'Questionnaire introuvable.',
    thanks: 'Merci. Vos réponses ont bien été reçues.',
    sendError:
      'Vos réponses n’ont pas pu être envoyées. Elles sont conservées sur cet appareil ; veuillez réessayer.',
    fix: 'Veuillez corriger les réponses signalées ci-dessous.',
  },
  it: {
    language: 'Lingua',
    saved: 'Salvato',
    savedLocal: 'Salvato su questo dispositivo — verrà inviato appena online',
    saving: 'Salvataggio…',
    denied:
      'Questo link non è valido o è stato revocato. Chiedetene uno nuovo al partner capofila.',
    missing: 'Questionario inesistente.',
    thanks: 'Grazie. Le vostre risposte sono state ricevute.',
    sendError:
      'Non è stato possibile inviare le risposte. Sono conservate su questo dispositivo; riprovate.',
    fix: 'Correggete le risposte segnalate qui sotto.',
  },
  ro: {
    language: 'Limba',
    saved: 'Salvat',
    savedLocal: 'Salvat pe acest dispozitiv — va fi trimis când reveniți online',
    saving: 'Se salvează…',
    denied: 'Acest link nu este valid sau a fost revocat. Cereți unul nou partenerului principal.',
    missing: 'Chestionarul nu există.',
    thanks: 'Vă mulțumim. Răspunsurile dumneavoastră au fost primite.',
    sendError:
      'Răspunsurile nu au putut fi trimise. Sunt păstrate pe acest dispozitiv; încercați din nou.',
    fix: 'Vă rugăm să corectați răspunsurile marcate mai jos.',
  },
  sv: {
    language: 'Språk',
    saved: 'Sparat',
    savedLocal: 'Sparat på den här enheten — skickas när du är online igen',
    saving: 'Sparar…',
    denied: 'Länken är ogiltig eller har återkallats. Be den ledande partnern om en ny.',
    missing: 'Enkäten finns inte.',
    thanks: 'Tack! Dina svar har tagits emot.',
    sendError: 'Dina svar kunde inte skickas. De finns kvar på den här enheten; försök igen.',
    fix: 'Rätta de markerade svaren nedan.',
  },
  sl: {
    language: 'Jezik',
    saved: 'Shranjeno',
    savedLocal: 'Shranjeno na tej napravi — poslano bo, ko boste spet povezani',
    saving: 'Shranjevanje…',
    denied: 'Ta povezava ni veljavna ali je bila preklicana. Prosite vodilnega partnerja za novo.',
    missing: 'Vprašalnik ne obstaja.',
    thanks: 'Hvala. Vaši odgovori so bili prejeti.',
    sendError: 'Odgovorov ni bilo mogoče poslati. Shranjeni so na tej napravi; poskusite znova.',
    fix: 'Popravite spodaj označene odgovore.',
  },
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'Français',
  it: 'Italiano',
  ro: 'Română',
  sv: 'Svenska',
  sl: 'Slovenščina',
  de: 'Deutsch',
  es: 'Español',
  pt: 'Português',
  bm: 'Bamanankan',
}

/** The form posts nothing itself (form.js sends JSON), so no form action at all. */
const CSP = contentSecurityPolicy({
  ...SELF_HOSTED,
  formAction: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
})

function page(lang: string, title: string, body: string, head = ''): string {
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

function formPage(
  survey: LoadedSurvey,
  locale: string,
  region: string,
  assets: Map<string, Asset>,
) {
  const url = (name: string) => escapeHtml(assets.get(name)?.url ?? '')
  const scripts = [
    'survey.core.min.js',
    ...surveyI18nAssets(survey.locales),
    'survey-js-ui.min.js',
    'form.js',
  ]
  const data = {
    survey: survey.id,
    version: survey.version,
    definition: survey.json,
    locales: survey.locales.map((l) => ({ code: l, name: LANGUAGE_NAMES[l] ?? l })),
    locale,
    region,
    text: Object.fromEntries(survey.locales.map((l) => [l, PAGE_TEXT[l] ?? PAGE_TEXT.en])),
  }
  const head = [
    `<link rel="stylesheet" href="${url('survey-core.fontless.min.css')}">`,
    `<link rel="stylesheet" href="${url('form.css')}">`,
    ...scripts.map((s) => `<script defer src="${url(s)}"></script>`),
  ].join('\n')
  const t = PAGE_TEXT[locale] ?? PAGE_TEXT.en ?? {}
  const options = survey.locales
    .map(
      (l) =>
        `<option value="${escapeHtml(l)}"${l === locale ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[l] ?? l)}</option>`,
    )
    .join('')
  const body = `<header class="gk-bar">
<label class="gk-lang"><span id="gk-lang-label">${escapeHtml(t.language ?? 'Language')}</span>
<select id="gk-lang">${options}</select></label>
<span id="gk-status" role="status" aria-live="polite"></span>
</header>
<main id="gk-survey"></main>
<script type="application/json" id="gk-data">${embedJson(data)}</script>`
  return page(locale, survey.title(locale), body, head)
}

function messagePage(locale: string, key: string): string {
  const text = (PAGE_TEXT[locale] ?? PAGE_TEXT.en)?.[key] ?? key
  return page(locale, 'Gapkit', `<main class="gk-message"><p>${escapeHtml(text)}</p></main>`)
}

/** `GET /s/:survey?t=TOKEN` (mounted at `/s`): the questionnaire page. */
export function formRoutes(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  assets: Map<string, Asset>,
) {
  return new Hono().get('/:survey', async (c) => {
    c.header('Content-Security-Policy', CSP)
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Content-Type-Options', 'nosniff')
    const survey = registry.get(c.req.param('survey'))
    const header = c.req.header('accept-language')
    if (!survey)
      return c.html(messagePage(pickLocale({ header }, Object.keys(PAGE_TEXT)), 'missing'), 404)
    const locale = pickLocale({ query: c.req.query('lang'), header }, survey.locales)
    const principal = await authenticate(db, readToken(c))
    if (!principal) return c.html(messagePage(locale, 'denied'), 401)
    // An admin previewing the form writes nothing without a region; show it for the first region.
    const region = principal.regionId ?? ''
    return c.html(formPage(survey, locale, region, assets))
  })
}
