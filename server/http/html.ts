/**
 * What every HTML page the server makes shares: its Content-Security-Policy, its language, and
 * JSON embedded for its script. Text is escaped with `escapeHtml` of reports/escape.ts.
 */

type Source = "'self'" | "'none'" | "'unsafe-inline'" | 'data:'

/** Sources per directive; a fetch directive left out falls back to `default-src 'none'`. */
export interface CspDirectives {
  script?: Source[]
  style?: Source[]
  img?: Source[]
  connect?: Source[]
  font?: Source[]
  formAction?: Source[]
  baseUri?: Source[]
  frameAncestors?: Source[]
}

const DIRECTIVE_NAMES: Record<keyof CspDirectives, string> = {
  script: 'script-src',
  style: 'style-src',
  img: 'img-src',
  connect: 'connect-src',
  font: 'font-src',
  formAction: 'form-action',
  baseUri: 'base-uri',
  frameAncestors: 'frame-ancestors',
}

/**
 * A `Content-Security-Policy` value: `default-src 'none'`, then each directive in the order
 * given, so nothing loads that a page does not name.
 * @example contentSecurityPolicy({ img: ['data:'] }) // "default-src 'none'; img-src data:"
 */
export function contentSecurityPolicy(directives: CspDirectives): string {
  const named = (Object.keys(directives) as (keyof CspDirectives)[]).map(
    (key) => `${DIRECTIVE_NAMES[key]} ${(directives[key] ?? []).join(' ')}`,
  )
  return ["default-src 'none'", ...named].join('; ')
}

/**
 * The pages' own origin serves every script, style, font and request: no inline script, no
 * third-party origin. Inline styles stay allowed because SurveyJS and vega-embed set them.
 */
export const SELF_HOSTED: CspDirectives = {
  script: ["'self'"],
  style: ["'self'", "'unsafe-inline'"],
  img: ["'self'", 'data:'],
  connect: ["'self'"],
  font: ["'self'"],
}

/** JSON safe inside `<script type="application/json">`: nothing can close the element. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/**
 * A page's language: `?lang=` when it is one of `available`, else the best match of the
 * `Accept-Language` header (q-values respected, `fr-CH` matching `fr`), else the first (a
 * questionnaire lists its default language first; English when there is none).
 */
export function pickLocale<L extends string>(
  request: { query?: string; header?: string },
  available: readonly L[],
): L | 'en' {
  const { query, header } = request
  const listed = available.find((l) => l === query)
  if (listed) return listed
  const wanted = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1, i }
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  for (const w of wanted) {
    const base = available.find((l) => l === w.tag.split('-')[0])
    if (base) return base
  }
  return available[0] ?? 'en'
}
