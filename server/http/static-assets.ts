import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** A file served under a content-hashed URL, with its compressed forms prepared once. */
export interface Asset {
  name: string
  url: string
  type: string
  body: Buffer
  /** Gzip of the body, made on first use. */
  gzip(): Buffer
  /** Brotli of the body, made on first use (cached on disk between processes). */
  brotli(): Buffer
  etag: string
}

const CACHE_DIR = path.join(os.tmpdir(), 'gapkit-asset-cache')

/**
 * Brotli at its best quality takes seconds for the 1.4 MB SurveyJS bundle, so the result is
 * kept in a cache folder keyed by the content hash: computed once per machine. Without a
 * writable cache folder a quicker quality is used.
 */
function brotliOnce(body: Buffer, fullHash: string): Buffer {
  const file = path.join(CACHE_DIR, `${fullHash}.q11w24.br`)
  try {
    return fs.readFileSync(file)
  } catch {
    // Not cached yet.
  }
  const hint = { [constants.BROTLI_PARAM_SIZE_HINT]: body.length }
  const best = brotliCompressSync(body, {
    params: { ...hint, [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
  })
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, best)
    fs.renameSync(tmp, file)
  } catch {
    // A read-only temporary folder only costs the next process the same work.
  }
  return best
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  return () => {
    if (value === undefined) value = make()
    return value
  }
}

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
    'admin-users.js': path.join(here, 'assets', 'admin-users.js'),
    'admin-targets.js': path.join(here, 'assets', 'admin-targets.js'),
    'admin-downloads.js': path.join(here, 'assets', 'admin-downloads.js'),
    'admin-response.js': path.join(here, 'assets', 'admin-response.js'),
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

/** Loads and hashes the static assets; each is compressed when first requested. */
export function loadAssets(): Map<string, Asset> {
  const out = new Map<string, Asset>()
  for (const [name, file] of Object.entries(sources())) {
    const body = stripSourceMap(fs.readFileSync(file))
    const fullHash = createHash('sha256').update(body).digest('hex')
    const hash = fullHash.slice(0, 12)
    out.set(name, {
      name,
      url: `/assets/${hash}/${name}`,
      type: TYPES[path.extname(name)] ?? 'application/octet-stream',
      body,
      gzip: lazy(() => gzipSync(body, { level: 9 })),
      brotli: lazy(() => brotliOnce(body, fullHash)),
      etag: `"${hash}"`,
    })
  }
  return out
}

/** The `i18n-<locale>.min.js` asset names for a questionnaire's languages. */
export function surveyI18nAssets(locales: string[]): string[] {
  return locales.filter((l) => SURVEY_I18N[l]).map((l) => `i18n-${l}.min.js`)
}
