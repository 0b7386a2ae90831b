/** The dashboard's page shell: head, navigation, language switch, logout, page data. */
import type { Context } from 'hono'
import { escapeHtml } from '../../reports/escape.ts'
import type { UserRole } from '../db/schema.ts'
import { LANGUAGE_NAMES } from '../form/text.ts'
import { contentSecurityPolicy, embedJson, SELF_HOSTED } from '../http/html.ts'
import type { Asset } from '../http/static-assets.ts'
import { ADMIN_LOCALES, type AdminLocale, type AdminText, adminText, fill } from './text.ts'

/** As the form page (server/http/html.ts), but the sign-in and logout forms post to us. */
export const ADMIN_CSP = contentSecurityPolicy({
  ...SELF_HOSTED,
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
})

/** Headers of every dashboard page. */
export function setPageHeaders(c: Context): void {
  c.header('Content-Security-Policy', ADMIN_CSP)
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'same-origin')
  c.header('X-Frame-Options', 'DENY')
}

/** Shorthand used by the page modules: escape for element content and attributes. */
export const h = escapeHtml

/** A dashboard link that keeps the page language. */
export function adminHref(path: string, locale: AdminLocale, query: Record<string, string> = {}) {
  const params = new URLSearchParams({ ...query, lang: locale })
  return `${path}?${params.toString()}`
}

/** Who is signed in, for the navigation: what they may open and whose account it is. */
export interface Who {
  kind: 'user' | 'token'
  name: string
  role: UserRole
}

const RANK: Record<UserRole, number> = { viewer: 0, reviewer: 1, analyst: 2, owner: 3 }

/** Whether the signed-in role is at least `min` (the server checks again on every request). */
export function mayOpen(who: Who | undefined, min: UserRole): boolean {
  // Pages rendered without `who` predate accounts: only an admin token (an owner) saw them.
  return RANK[who?.role ?? 'owner'] >= RANK[min]
}

export interface PageInput {
  locale: AdminLocale
  title: string
  /** Path of this page, for the language switch and the active navigation entry. */
  path: string
  /** The session's CSRF token; absent on the sign-in page (no navigation then). */
  csrf?: string
  /** Who is signed in: the navigation shows only what their role may open. */
  who?: Who
  body: string
  /** Asset names of the scripts, in order (deferred). */
  scripts?: string[]
  /** Data for admin.js, read from `#ak-data`. */
  data?: unknown
  assets: Map<string, Asset>
}

function navigation(input: PageInput, t: AdminText): string {
  const { locale, path, csrf, who } = input
  const entry = (href: string, text: string, min: UserRole = 'viewer') =>
    mayOpen(who, min)
      ? `<a href="${h(adminHref(href, locale))}"${path === href ? ' aria-current="page"' : ''}>${h(text)}</a>`
      : ''
  // Each language by its code, named in itself for a tooltip and a screen reader.
  const langs = ADMIN_LOCALES.map((l) =>
    l === locale
      ? `<strong aria-current="true" title="${h(LANGUAGE_NAMES[l] ?? l)}">${l.toUpperCase()}</strong>`
      : `<a href="${h(adminHref(path, l))}" hreflang="${l}" lang="${l}" title="${h(LANGUAGE_NAMES[l] ?? l)}">${l.toUpperCase()}</a>`,
  ).join(' ')
  const links =
    csrf === undefined
      ? ''
      : `<nav class="ak-nav" aria-label="Gapkit">${entry('/admin', t.navProgress)}${entry('/admin/partners', t.navPartners, 'analyst')}${entry('/admin/questionnaires', t.navQuestionnaires, 'owner')}${entry('/admin/audit', t.navAudit, 'analyst')}${entry('/admin/users', t.navUsers, 'owner')}<a href="/api/docs">${h(t.navApi)}</a></nav>`
  const account =
    csrf === undefined || who === undefined
      ? ''
      : `<a class="ak-account" href="${h(adminHref('/admin/account', locale))}"${path === '/admin/account' ? ' aria-current="page"' : ''} title="${h(t.navAccount)}">${h(who.kind === 'token' ? fill(t.tokenWho, { name: who.name }) : who.name)} <span class="ak-badge">${h(t[`role_${who.role}`])}</span></a>`
  const logout =
    csrf === undefined
      ? ''
      : `${account}<form method="post" action="/admin/logout" class="ak-logout"><input type="hidden" name="csrf" value="${h(csrf)}"><button type="submit">${h(t.logout)}</button></form>`
  return `<header class="ak-top">
<a class="ak-brand" href="${h(adminHref('/admin', locale))}">${h(t.appName)}</a>
${links}
<div class="ak-tools"><span class="ak-langs" aria-label="${h(t.language)}">${langs}</span>${logout}</div>
</header>`
}

/** A complete dashboard page. Every dynamic text passed in must already be escaped. */
export function renderPage(input: PageInput): string {
  const t = adminText(input.locale)
  const url = (name: string) => h(input.assets.get(name)?.url ?? '')
  const scripts = (input.scripts ?? [])
    .map((s) => `<script defer src="${url(s)}"></script>`)
    .join('\n')
  const data =
    input.data === undefined
      ? ''
      : `<script type="application/json" id="ak-data">${embedJson(input.data)}</script>`
  const csrfMeta = input.csrf ? `<meta name="gapkit-csrf" content="${h(input.csrf)}">` : ''
  return `<!doctype html>
<html lang="${h(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${h(input.title)} · ${h(t.appName)}</title>
${csrfMeta}
<link rel="stylesheet" href="${url('admin.css')}">
${scripts}
</head>
<body>
${navigation(input, t)}
<main class="ak-main">
${input.body}
</main>
${data}
</body>
</html>
`
}
