import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { setReviewStatus } from '../db/repositories/responses.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../errors.ts'
import { type AuthEnv, actorOf, requireAdmin } from '../http/auth.ts'
import { parseJson } from '../http/request.ts'

const reviewBody = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected']),
  note: z.string().max(2000).optional(),
})

const bulkReviewBody = reviewBody.extend({
  ids: z.array(z.string().min(1).max(64)).min(1).max(5000),
})

/**
 * `POST /api/surveys/:id/reviews` (mounted at `/api/surveys`): review by the lead partner, many
 * responses at once; every change is audited.
 */
export function reviewRoutes(db: Kysely<Database>, registry: SurveyRegistry, now: () => Date) {
  const review = async (
    actor: string,
    survey: string,
    ids: string[],
    input: z.infer<typeof reviewBody>,
  ): Promise<string[]> => {
    const at = now().toISOString()
    return db.transaction().execute(async (trx) => {
      const changed = await setReviewStatus(trx, survey, [...new Set(ids)], {
        status: input.status,
        note: input.note ?? null,
        by: actor,
        at,
      })
      for (const id of changed) {
        await writeAudit(
          trx,
          {
            actor,
            action: `response.review.${input.status}`,
            entity: 'response',
            entityId: id,
            details: input.note ? { note: input.note } : undefined,
          },
          at,
        )
      }
      return changed
    })
  }
  return new Hono<AuthEnv>()
    .use('/:id/reviews', requireAdmin(db))
    .post('/:id/reviews', async (c) => {
      const survey = registry.get(c.req.param('id'))
      if (!survey) throw notFound(`no questionnaire "${c.req.param('id')}"`)
      const body = await parseJson(c, bulkReviewBody)
      const updated = await review(actorOf(c.var.principal), survey.id, body.ids, body)
      const missing = body.ids.filter((id) => !updated.includes(id))
      return c.json({ status: body.status, updated, missing })
    })
}
