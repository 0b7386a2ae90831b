import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../errors.ts'
import { type AuthEnv, actorOf, leadNeeds, requireAdmin } from '../http/auth.ts'
import { parseJson, parseQuery } from '../http/request.ts'
import {
  listCollectionTargets,
  MAX_EXPECTED,
  removeTarget,
  setTarget,
} from '../services/targets.ts'

export const listQuery = z.strictObject({
  survey: z.string().min(1).max(64).optional(),
  t: z.string().optional(),
})

export const targetBody = z.strictObject({
  expected: z
    .number({ error: 'a whole number of responses' })
    .int('a whole number of responses')
    .min(1, 'at least 1 (remove the target instead)')
    .max(MAX_EXPECTED, `at most ${MAX_EXPECTED}`),
})

/**
 * Collection targets (admin token or a lead partner's session): `GET /?survey=` lists them (every
 * role), `PUT /:survey/:region/:wave` with `{expected}` sets one and `DELETE` of the same path
 * removes it (analyst or owner). Mounted at `/api/admin/targets`.
 */
export function targetRoutes(db: Kysely<Database>, registry: SurveyRegistry, now: () => Date) {
  return new Hono<AuthEnv>()
    .use('*', requireAdmin(db, now))
    .use('*', async (c, next) => {
      await next()
      c.header('Cache-Control', 'no-store')
    })
    .get('/', async (c) => {
      const query = parseQuery(c, listQuery)
      if (query.survey !== undefined && !registry.get(query.survey)) {
        throw notFound(`no questionnaire "${query.survey}"`)
      }
      return c.json({ targets: await listCollectionTargets(db, { survey: query.survey }) })
    })
    .put('/:survey/:region/:wave', leadNeeds('analyst'), async (c) => {
      const body = await parseJson(c, targetBody)
      const { survey, region, wave } = c.req.param()
      const target = await setTarget(
        db,
        registry,
        { survey, region, wave, expected: body.expected },
        actorOf(c.var.principal),
        now().toISOString(),
      )
      return c.json({ target })
    })
    .delete('/:survey/:region/:wave', leadNeeds('analyst'), async (c) => {
      const { survey, region, wave } = c.req.param()
      await removeTarget(
        db,
        { survey, region, wave },
        actorOf(c.var.principal),
        now().toISOString(),
      )
      return c.json({ removed: { survey, region, wave } })
    })
}
