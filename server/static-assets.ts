import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** A file served under a content-hashed URL, with its compressed forms prepared once. */
export interface Asset {
  name: string
  url: string
  type: string
  body: Buffer
  gzip: Buffer
  brotli: Buffer
  etag: string
}

const require = createRequire(import.meta.url)
const here = path.dirname(new URL(import.meta.url).pathname)

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
  const files: Record<string, string> = {
    'survey.core.min.js': path.join(core, 'survey.core.min.js'),
    'survey-js-ui.min.js': path.join(ui, 'survey-js-ui.min.js'),
    'survey-core.fontless.min.css': path.join(core, 'survey-core.fontless.min.css'),
    'form.js': path.join(here, 'assets', 'form.js'),
    'form.css': path.join(here, 'assets', 'form.css'),
    // The dashboard: browser builds of Vega, Vega-Lite and vega-embed (globals `vega`,
    // `vegaLite`, `vegaEmbed`; every main file sits in the package's build folder).
    'vega.min.js': path.join(packageDir('vega'), 'vega.min.js'),
    'vega-lite.min.js': path.join(packageDir('vega-lite'), 'vega-lite.min.js'),
    'vega-embed.min.js': path.join(packageDir('vega-embed'), 'vega-embed.min.js'),
    'admin.js': path.join(here, 'assets', 'admin.js'),
    'admin-survey.js': path.join(here, 'assets', 'admin-survey.js'),
    'admin.css': path.join(here, 'assets', 'admin.css'),
    'api-docs.js': path.join(here, 'assets', 'api-docs.js'),
  }
  for (const [locale, file] of Object.entries(SURVEY_I18N)) {
    files[`i18n-${locale}.min.js`] = path.join(core, 'i18n', `${file}.min.js`)
  }
  return files
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
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

/** Loads, hashes and compresses the form page's assets (once per process, ~1 s). */
export function loadAssets(): Map<string, Asset> {
  const out = new Map<string, Asset>()
  for (const [name, file] of Object.entries(sources())) {
    const body = stripSourceMap(fs.readFileSync(file))
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
    out.set(name, {
      name,
      url: `/assets/${hash}/${name}`,
      type: TYPES[path.extname(name)] ?? 'application/octet-stream',
      body,
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      etag: `"${hash}"`,
    })
  }
  return out
}

/** The `i18n-<locale>.min.js` asset names for a questionnaire's languages. */
export function surveyI18nAssets(locales: string[]): string[] {
  return locales.filter((l) => SURVEY_I18N[l]).map((l) => `i18n-${l}.min.js`)
}
