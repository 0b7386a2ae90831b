import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../errors.ts'
import { type AuthEnv, requireToken } from '../http/auth.ts'

/** `GET /api/surveys` and `GET /api/surveys/:id` for anyone with a token (mounted at `/api/surveys`). */
export function surveyRoutes(db: Kysely<Database>, registry: SurveyRegistry) {
  return new Hono<AuthEnv>()
    .use('/', requireToken(db))
    .get('/', (c) => {
      const lang = c.req.query('lang') ?? 'en'
      return c.json({
        surveys: registry.list().map((s) => ({
          id: s.id,
          version: s.version,
          title: s.title(lang),
          locales: s.locales,
        })),
      })
    })
    .get('/:id', requireToken(db), (c) => {
      const survey = registry.get(c.req.param('id'))
      if (!survey) throw notFound(`no questionnaire "${c.req.param('id')}"`)
      return c.json({
        id: survey.id,
        version: survey.version,
        locales: survey.locales,
        definition: survey.json,
      })
    })
}
