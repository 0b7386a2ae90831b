import { createHash } from 'node:crypto'
import type { Asset } from '../http/static-assets.ts'
import { FORM_TEXT } from './text.ts'

/** What the form needs to open with no connection, whatever the questionnaire. */
const PRECACHE = [
  'survey.core.min.js',
  'survey-js-ui.min.js',
  'survey-core.fontless.min.css',
  'outbox.js',
  'form-view.js',
  'form-model.js',
  'form.js',
  'form-start.js',
]

/**
 * The service worker script: server/assets/sw.js after a line naming this build's assets. A new
 * build changes these bytes, which is how browsers notice an update; the worker keeps every
 * asset a cached form page still names, so an update never strands a form opened before it.
 */
export function serviceWorkerScript(assets: Map<string, Asset>): { body: string; etag: string } {
  const url = (name: string) => assets.get(name)?.url ?? ''
  const worker = assets.get('sw.js')?.body.toString('utf8') ?? ''
  const build = {
    precache: PRECACHE.map(url),
    outbox: url('outbox.js'),
    offline: Object.fromEntries(Object.entries(FORM_TEXT).map(([l, t]) => [l, t.offlineUnknown])),
  }
  const head = `self.GAPKIT_BUILD = ${JSON.stringify(build)}\n`
  const body = `${head}${worker}`
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`
  return { body, etag }
}
