import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { type AuthEnv, requireAdmin } from '../http/auth.ts'
import { parseQuery } from '../http/request.ts'
import { buildAnalysis } from '../services/analysis.ts'

const query = z.strictObject({
  by: z.string().min(1).max(100).optional(),
  wave: z.string().min(1).max(64).optional(),
  lang: z.string().min(2).max(20).optional(),
  drafts: z.enum(['true', 'false']).optional(),
  review: z.enum(['not-rejected', 'approved']).optional(),
  seed: z
    .string()
    .regex(/^-?\d{1,9}$/)
    .optional(),
  t: z.string().optional(),
})

/** Parses the analysis query string (shared by the analysis, chart and report routes). */
export function parseAnalysisQuery(c: Context) {
  const q = parseQuery(c, query)
  return {
    by: q.by,
    wave: q.wave,
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
