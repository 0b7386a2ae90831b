import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { summarizeLinkSubmissions } from '../db/repositories/link-submissions.ts'
import type { Database } from '../db/schema.ts'
import { notFound, unauthorized } from '../errors.ts'
import { createDefinitionStore } from '../form/definitions.ts'
import { FORM_CSP, FORM_LOCALES, formPage, messagePage } from '../form/page.ts'
import { serviceWorkerScript } from '../form/service-worker.ts'
import { authenticate, readToken } from '../http/auth.ts'
import { contentSecurityPolicy, pickLocale } from '../http/html.ts'
import { type Asset, DEFAULT_ASSET_CACHE } from '../http/static-assets.ts'

export interface FormRouteOptions {
  /** Where compressed questionnaire versions are kept between processes (null: nowhere). */
  cacheDir?: string | null
  now?: () => Date
  /**
   * Questionnaire versions (`id@version`) known to be stored, shared with the submission path
   * (`SubmissionDeps.storedVersions`) so neither stores a version the other already did.
   */
  storedVersions?: Set<string>
}

/** An If-None-Match naming this ETag, weak or strong (compression makes ours weak). */
function matches(header: string | undefined, etag: string): boolean {
  return (header ?? '').split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

/**
 * The partner form (mounted at `/s`): `GET /:survey?t=TOKEN` the page, `GET
 * /:survey/definition/:version` one questionnaire version (immutable), `GET /sw.js` the service
 * worker that keeps the form working with no connection (its scope is `/s/`).
 */
export function formRoutes(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  assets: Map<string, Asset>,
  options: FormRouteOptions = {},
) {
  const now = options.now ?? (() => new Date())
  const cacheDir = options.cacheDir === undefined ? DEFAULT_ASSET_CACHE : options.cacheDir
  const definitions = createDefinitionStore(db, registry, {
    cacheDir,
    stored: options.storedVersions,
  })
  const worker = serviceWorkerScript(assets)
  return new Hono()
    .get('/sw.js', (c) => {
      c.header('Content-Type', 'text/javascript; charset=utf-8')
      // Browsers also check for a new worker at every visit; no-cache makes that a revalidation.
      c.header('Cache-Control', 'no-cache')
      c.header(
        'Content-Security-Policy',
        contentSecurityPolicy({ script: ["'self'"], connect: ["'self'"] }),
      )
      c.header('ETag', worker.etag)
      if (matches(c.req.header('if-none-match'), worker.etag)) return c.body(null, 304)
      return c.body(worker.body)
    })
    .get('/:survey/definition/:version', async (c) => {
      const principal = await authenticate(db, readToken(c))
      if (!principal) throw unauthorized()
      const id = c.req.param('survey')
      const version = c.req.param('version')
      const copy = registry.get(id) ? await definitions.get(id, version) : null
      if (!copy) throw notFound(`no version "${version}" of questionnaire "${id}"`)
      const etag = `"${version}"`
      c.header('Content-Type', 'application/json; charset=utf-8')
      // A version is its content hash: it never changes, and only a link holder may read it.
      c.header('Cache-Control', 'private, max-age=31536000, immutable')
      c.header('ETag', etag)
      c.header('Vary', 'Accept-Encoding')
      if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
      const { encoding, body } = await copy.pick(c.req.header('accept-encoding'))
      if (encoding) c.header('Content-Encoding', encoding)
      return c.body(new Uint8Array(body))
    })
    .get('/:survey', async (c) => {
      c.header('Content-Security-Policy', FORM_CSP)
      c.header('Cache-Control', 'no-store')
      c.header('Referrer-Policy', 'no-referrer')
      const survey = registry.get(c.req.param('survey'))
      const header = c.req.header('accept-language')
      if (!survey) {
        return c.html(messagePage(pickLocale({ header }, FORM_LOCALES), 'missing', assets), 404)
      }
      const locale = pickLocale({ query: c.req.query('lang'), header }, survey.locales)
      const principal = await authenticate(db, readToken(c))
      if (!principal) return c.html(messagePage(locale, 'denied', assets), 401)
      await definitions.remember(survey, now().toISOString())
      // An admin previewing the form writes nothing: it has no region.
      const region = principal.regionId ?? ''
      const sent = region
        ? await summarizeLinkSubmissions(db, {
            tokenId: principal.tokenId,
            region,
            survey: survey.id,
          })
        : { count: 0, lastAt: null }
      return c.html(
        formPage({
          survey,
          locale,
          region,
          token: c.req.query('t') ?? '',
          sent,
          onePerLink: survey.gapkit.onePerLink,
          assets,
        }),
      )
    })
}
