import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCompressor, type Precompressed } from './precompress.ts'

/** A file served under a content-hashed URL, with compressed copies made at start-up. */
export interface Asset {
  name: string
  url: string
  type: string
  body: Buffer
  /** Gzip and brotli copies, made off the event loop from the moment the assets load. */
  compressed: Precompressed
  etag: string
}

/** Where compressed copies are kept between processes (made once per machine). */
export const DEFAULT_ASSET_CACHE = path.join(os.tmpdir(), 'gapkit-asset-cache')

const require = createRequire(import.meta.url)
// The browser code lives in server/assets/, beside this folder. fileURLToPath decodes the URL,
// so a checkout under a path with spaces or non-ASCII characters finds it.
const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')

/** SurveyJS's own UI strings for the questionnaire languages we ship. */
const SURVEY_I18N: Record<string, string> = {
  fr: 'french',
  it: 'italian',
  ro: 'romanian',
  sv: 'swedish',
  sl: 'slovenian',
  de: 'german',
  es: 'spanish',
  pt: 'portuguese',
}

/** A package's folder, found through its main file (these packages do not export package.json). */
function packageDir(name: string): string {
  return path.dirname(require.resolve(name))
}

function sources(): Record<string, string> {
  const core = packageDir('survey-core')
  const ui = packageDir('survey-js-ui')
  // The partner form first: its copies are compressed first after a start.
  const files: Record<string, string> = {
    'survey.core.min.js': path.join(core, 'survey.core.min.js'),
    'survey-js-ui.min.js': path.join(ui, 'survey-js-ui.min.js'),
    'survey-core.fontless.min.css': path.join(core, 'survey-core.fontless.min.css'),
    'outbox.js': path.join(here, 'assets', 'outbox.js'),
    'form-view.js': path.join(here, 'assets', 'form-view.js'),
    'form-model.js': path.join(here, 'assets', 'form-model.js'),
    'form.js': path.join(here, 'assets', 'form.js'),
    'form-start.js': path.join(here, 'assets', 'form-start.js'),
    'form.css': path.join(here, 'assets', 'form.css'),
    'sw.js': path.join(here, 'assets', 'sw.js'),
    // QR codes of resume links, drawn in the browser (an ES module, imported when asked for).
    'uqr.mjs': path.join(path.dirname(require.resolve('uqr')), 'index.mjs'),
    // The dashboard: browser builds of Vega, Vega-Lite and vega-embed (globals `vega`,
    // `vegaLite`, `vegaEmbed`; every main file sits in the package's build folder).
    'vega.min.js': path.join(packageDir('vega'), 'vega.min.js'),
    'vega-lite.min.js': path.join(packageDir('vega-lite'), 'vega-lite.min.js'),
    'vega-embed.min.js': path.join(packageDir('vega-embed'), 'vega-embed.min.js'),
    'admin.js': path.join(here, 'assets', 'admin.js'),
    'admin-survey.js': path.join(here, 'assets', 'admin-survey.js'),
    'admin-targets.js': path.join(here, 'assets', 'admin-targets.js'),
    'admin-downloads.js': path.join(here, 'assets', 'admin-downloads.js'),
    'admin-response.js': path.join(here, 'assets', 'admin-response.js'),
    'admin-users.js': path.join(here, 'assets', 'admin-users.js'),
    'admin.css': path.join(here, 'assets', 'admin.css'),
    'api-docs.js': path.join(here, 'assets', 'api-docs.js'),
  }
  for (const [locale, file] of Object.entries(SURVEY_I18N)) {
    files[`i18n-${locale}.min.js`] = path.join(core, 'i18n', `${file}.min.js`)
  }
  return {
    ...Object.fromEntries(Object.entries(files).filter(([name]) => !isDashboardAsset(name))),
    ...Object.fromEntries(Object.entries(files).filter(([name]) => isDashboardAsset(name))),
  }
}

function isDashboardAsset(name: string): boolean {
  return /^(vega|admin|api-docs)/.test(name)
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/**
 * Drops a trailing `//# sourceMappingURL=` comment: we do not serve the maps, and a browser's
 * developer tools would otherwise ask for them.
 */
function stripSourceMap(body: Buffer): Buffer {
  const tail = body.subarray(Math.max(0, body.length - 300)).toString('latin1')
  const match = /\n\/\/# sourceMappingURL=[^\n]*\n?$/.exec(tail)
  return match ? body.subarray(0, body.length - match[0].length + 1) : body
}

/**
 * Loads and hashes the static assets and starts compressing them at once, in a background
 * thread (precompress.ts; copies kept in `cacheDir`): no request ever waits for a compression
 * on the event loop.
 */
export function loadAssets(options: { cacheDir?: string | null } = {}): Map<string, Asset> {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_ASSET_CACHE : options.cacheDir
  const compressor = createCompressor({ cacheDir })
  const out = new Map<string, Asset>()
  for (const [name, file] of Object.entries(sources())) {
    const body = stripSourceMap(fs.readFileSync(file))
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
    out.set(name, {
      name,
      url: `/assets/${hash}/${name}`,
      type: TYPES[path.extname(name)] ?? 'application/octet-stream',
      body,
      compressed: compressor.add(body),
      etag: `"${hash}"`,
    })
  }
  return out
}

/** The `i18n-<locale>.min.js` asset names for a questionnaire's languages. */
export function surveyI18nAssets(locales: string[]): string[] {
  return locales.flatMap((l) => surveyI18nAsset(l) ?? [])
}

/** The asset of SurveyJS's own strings in one language; null for English (built in). */
export function surveyI18nAsset(locale: string): string | null {
  return SURVEY_I18N[locale] ? `i18n-${locale}.min.js` : null
}
