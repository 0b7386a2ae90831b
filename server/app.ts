import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { SurveyRegistry } from '../surveys/registry.ts'
import { DEFAULT_LIMITS, type LimitSettings } from './config.ts'
import { ResponseWriter } from './db/response-writer.ts'
import type { Database } from './db/schema.ts'
import { handleError } from './errors.ts'
import { limitBody } from './http/body-limit.ts'
import { compressResponses } from './http/compression.ts'
import { limitJsonShape } from './http/json-shape.ts'
import { limitLinks } from './http/link-quota.ts'
import { limitSignIn, limitWrites } from './http/rate-limit.ts'
import { logRequests } from './http/request-log.ts'
import { secureResponses } from './http/security-headers.ts'
import { type Asset, loadAssets } from './http/static-assets.ts'
import { adminRoutes } from './routes/admin.ts'
import { adminAccountRoutes } from './routes/admin-accounts.ts'
import { adminApiRoutes } from './routes/admin-api.ts'
import { adminQuestionnaireRoutes } from './routes/admin-questionnaires.ts'
import { analysisRoutes } from './routes/analysis.ts'
import { assetRoutes } from './routes/assets.ts'
import { auditRoutes } from './routes/audit.ts'
import { chartRoutes } from './routes/charts.ts'
import { exportRoutes } from './routes/exports.ts'
import { formRoutes } from './routes/form.ts'
import { healthRoutes } from './routes/health.ts'
import { landingRoutes } from './routes/landing.ts'
import { openapiRoutes } from './routes/openapi.ts'
import { publicationRoutes, publishedRoutes } from './routes/published.ts'
import { reportDownloadRoutes } from './routes/report-downloads.ts'
import { responseRoutes } from './routes/responses.ts'
import { reviewRoutes } from './routes/reviews.ts'
import { surveyUploadRoutes } from './routes/survey-uploads.ts'
import { surveyRoutes } from './routes/surveys.ts'
import { targetRoutes } from './routes/targets.ts'
import { userRoutes } from './routes/users.ts'
import { createLiveRegistry, isLiveRegistry } from './services/live-registry.ts'
import type { ScryptParams } from './services/passwords.ts'

export interface AppDeps {
  db: Kysely<Database>
  registry: SurveyRegistry
  /** The clock, passed in so tests and documents control it. */
  now?: () => Date
  /** Wave for responses whose link names none. */
  defaultWave: string
  /** Maximum request body in bytes (default 1 MiB). */
  bodyLimit?: number
  /** Maximum body of an import in bytes (default 64 MiB). */
  importLimit?: number
  /** Prepared static assets; loaded once when absent. */
  assets?: Map<string, Asset>
  /**
   * Rate limits and per-link daily quotas (default `DEFAULT_LIMITS`, suited to real use; a
   * benchmark passes `NO_LIMITS`).
   */
  limits?: LimitSettings
  /** Where the request log goes, one line per request; no log when absent (tests). */
  log?: (line: string) => void
  /** scrypt cost of account passwords (default `SCRYPT_PARAMS`; tests pass a cheaper one). */
  passwords?: ScryptParams
  /**
   * How old (ms) the look at the database's questionnaire publications may be when a request
   * comes (default 1000): a publication by another process is served within that time.
   */
  registryMaxAge?: number
}

let sharedAssets: Map<string, Asset> | undefined

/** Static files are immutable for a process: prepare them once (tests build many apps). */
function defaultAssets(): Map<string, Asset> {
  if (!sharedAssets) sharedAssets = loadAssets()
  return sharedAssets
}

/** Builds the HTTP application. It holds no global state: every dependency is passed in. */
export function createApp(given: AppDeps) {
  // The folder's questionnaires and the published uploads, as every process on the database
  // sees them (a plain registry is wrapped: tests and embedders pass the folder's).
  const registry = isLiveRegistry(given.registry)
    ? given.registry
    : createLiveRegistry(given.db, given.registry)
  const deps = { ...given, registry }
  const now = deps.now ?? (() => new Date())
  const assets = deps.assets ?? defaultAssets()
  const submissionDeps = {
    db: deps.db,
    registry: deps.registry,
    now,
    defaultWave: deps.defaultWave,
    storedVersions: new Set<string>(),
    // Concurrent submissions share a transaction (group commit): see db/response-writer.ts.
    writer: new ResponseWriter(deps.db),
  }
  const limits = deps.limits ?? DEFAULT_LIMITS
  const app = new Hono()
  if (deps.log) app.use('*', logRequests(deps.log, now))
  // nosniff and no framing, on every response.
  app.use('*', secureResponses())
  // Pages and JSON are compressed on the fly; static assets carry precompressed copies.
  app.use('/s/*', compressResponses())
  app.use('/api/*', compressResponses())
  app.use('/r/*', compressResponses())
  // Rate limits first: a refused request costs no body read, no parse, no lookup.
  app.use('/api/*', limitWrites(limits, now))
  const signIn = limitSignIn(limits.signInsPerAddress, limits.trustProxy, now)
  app.use('/admin/*', signIn) // also matches `/admin` itself
  const defaultLimit = limitBody(deps.bodyLimit ?? 1024 * 1024)
  // An import carries a whole export, an upload a questionnaire file (`POST /api/surveys`):
  // they get their own, larger limit.
  const importLimit = limitBody(deps.importLimit ?? 64 * 1024 * 1024)
  app.use('/api/*', (c, next) =>
    /^\/api\/surveys(\/[^/]+\/imports)?$/.test(c.req.path)
      ? importLimit(c, next)
      : defaultLimit(c, next),
  )
  // Answers: the body's structure, judged before parsing, then a partner link's daily quota.
  const shape = limitJsonShape()
  const quota = limitLinks(limits, deps.db, now)
  for (const path of ['/api/surveys/:id/responses', '/api/responses/:id']) {
    app.use(path, shape)
    app.use(path, quota)
  }
  // A publication by another process is seen within `registryMaxAge` (one indexed read at most
  // that often; this process's own publications at once).
  const registryMaxAge = deps.registryMaxAge ?? 1000
  app.use('*', async (c, next) => {
    if (!c.req.path.startsWith('/assets/')) await registry.refresh(registryMaxAge)
    await next()
  })
  app.route('/', landingRoutes(assets))
  app.route('/healthz', healthRoutes(deps.db))
  // Before the questionnaire routes: `/api/surveys/uploads` is not a questionnaire's id.
  app.route('/api/surveys', surveyUploadRoutes({ db: deps.db, registry, now }))
  app.route('/api/surveys', surveyRoutes(deps.db, deps.registry))
  // A response is created under its questionnaire and then read by its own id: `/api` is the
  // one prefix of both (`/surveys/:id/responses`, `/responses/:id`).
  app.route('/api', responseRoutes(submissionDeps))
  app.route('/api/surveys', exportRoutes(submissionDeps))
  app.route('/api/surveys', reviewRoutes(deps.db, deps.registry, now))
  app.route('/api/surveys', analysisRoutes(deps.db, deps.registry))
  app.route('/api/surveys', chartRoutes({ db: deps.db, registry: deps.registry }))
  app.route('/api/surveys', reportDownloadRoutes({ db: deps.db, registry: deps.registry }))
  const published = { db: deps.db, registry: deps.registry, now }
  app.route('/api/surveys', publicationRoutes(published))
  // Published reports open without any sign-in: read-only, aggregated figures only.
  app.route('/r', publishedRoutes(published))
  app.route('/assets', assetRoutes(assets))
  app.route(
    '/s',
    formRoutes(deps.db, deps.registry, assets, { storedVersions: submissionDeps.storedVersions }),
  )
  app.route('/api/admin/targets', targetRoutes(deps.db, deps.registry, now))
  app.route('/api/admin', adminApiRoutes(deps.db, deps.registry, now))
  app.route('/api/admin', auditRoutes(deps.db, now))
  app.route('/api/admin/users', userRoutes({ db: deps.db, now, passwords: deps.passwords }))
  // Before the other dashboard routes: their 16 KiB body limit would refuse an upload.
  const uploadLimit = deps.importLimit ?? 64 * 1024 * 1024
  const questionnaires = {
    db: deps.db,
    registry,
    assets,
    now,
    uploadLimit,
    passwords: deps.passwords,
  }
  app.route('/admin', adminQuestionnaireRoutes(questionnaires))
  app.route('/admin', adminAccountRoutes(deps.db, assets, now, deps.passwords))
  // Read at request time, once every route is mounted (the API description lists them).
  const mounted = () => app.routes
  app.route('/admin', adminRoutes(deps.db, deps.registry, assets, now, mounted, deps.passwords))
  app.route('/api', openapiRoutes(mounted, assets))
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `no route ${c.req.method} ${c.req.path}`,
          details: [],
        },
      },
      404,
    ),
  )
  app.onError(handleError)
  return app
}

export type App = ReturnType<typeof createApp>
