import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { parseWave, parseWavePair, WaveError } from '../../analysis/choose-waves.ts'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { badRequest } from '../errors.ts'
import { type AuthEnv, requireAdmin } from '../http/auth.ts'
import { parseQuery } from '../http/request.ts'
import { buildAnalysis } from '../services/analysis.ts'

export const analysisQuery = z.strictObject({
  by: z.string().min(1).max(100).optional(),
  wave: z.string().min(1).max(64).optional(),
  waves: z.string().min(1).max(130).optional(),
  lang: z.string().min(2).max(20).optional(),
  drafts: z.enum(['true', 'false']).optional(),
  review: z.enum(['not-rejected', 'approved']).optional(),
  seed: z
    .string()
    .regex(/^-?\d{1,9}$/)
    .optional(),
  t: z.string().optional(),
})

/** `wave` and `waves` of the query, parsed; 400 saying what is expected when malformed. */
function parseWaves(q: { wave?: string; waves?: string }) {
  try {
    return {
      wave: q.wave === undefined ? undefined : parseWave(q.wave),
      waves: q.waves === undefined ? undefined : parseWavePair(q.waves),
    }
  } catch (error) {
    if (!(error instanceof WaveError)) throw error
    const field = error.message.startsWith('waves') ? 'waves' : 'wave'
    throw badRequest('the query parameters are not valid', [{ field, message: error.message }])
  }
}

/**
 * Parses the analysis query string (shared by the analysis, chart and report routes): `wave`
 * is a wave or `all` (absent: the latest wave with enough respondents), `waves` two waves
 * separated by a comma for the wave comparison.
 */
export function parseAnalysisQuery(c: Context) {
  const q = parseQuery(c, analysisQuery)
  return {
    by: q.by,
    ...parseWaves(q),
    locale: q.lang,
    includeDrafts: q.drafts === 'true',
    review: q.review,
    seed: q.seed === undefined ? undefined : Number(q.seed),
  }
}

/**
 * `GET /api/surveys/:id/analysis` (admin; mounted at `/api/surveys`): the analysis document, as
 * `analyze --json`.
 */
export function analysisRoutes(db: Kysely<Database>, registry: SurveyRegistry) {
  return new Hono<AuthEnv>()
    .use('/:id/analysis', requireAdmin(db))
    .get('/:id/analysis', async (c) => {
      const options = parseAnalysisQuery(c)
      const doc = await buildAnalysis(db, registry, c.req.param('id'), options)
      c.header('Cache-Control', 'no-store')
      return c.json(doc)
    })
}
