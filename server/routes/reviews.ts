import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { listDraftIds, setReviewStatus } from '../db/repositories/responses.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../errors.ts'
import { type AuthEnv, actorOf, requireRole } from '../http/auth.ts'
import { parseJson } from '../http/request.ts'

const reviewBody = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected']),
  note: z.string().max(2000).optional(),
})

export const bulkReviewBody = reviewBody.extend({
  ids: z.array(z.string().min(1).max(64)).min(1).max(5000),
})

/** 409 naming the drafts of a review request; nothing of the request is changed. */
function draftsRefused(drafts: string[]): ApiError {
  const shown = drafts.slice(0, 20).join(', ')
  const more = drafts.length > 20 ? ` and ${drafts.length - 20} more` : ''
  return new ApiError(
    409,
    'review_of_draft',
    `drafts cannot be reviewed until they are submitted (${drafts.length}: ${shown}${more}); nothing was changed`,
    drafts.map((id) => ({ field: 'ids', message: `${id} is a draft` })),
  )
}

/**
 * `POST /api/surveys/:id/reviews` (mounted at `/api/surveys`): review by the lead partner, many
 * responses at once; every change is audited. The note belongs to its decision: a review without
 * one clears the note of the previous review. Drafts are refused (409, all or nothing).
 */
export function reviewRoutes(db: Kysely<Database>, registry: SurveyRegistry, now: () => Date) {
  const review = async (
    actor: string,
    survey: string,
    ids: string[],
    input: z.infer<typeof reviewBody>,
  ): Promise<string[]> => {
    const at = now().toISOString()
    const unique = [...new Set(ids)]
    return db.transaction().execute(async (trx) => {
      // A draft's answers may still change: its review would approve answers nobody has seen.
      const drafts = await listDraftIds(trx, survey, unique)
      if (drafts.length > 0) throw draftsRefused(drafts)
      const changed = await setReviewStatus(trx, survey, unique, {
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
    .use('/:id/reviews', requireRole(db, 'reviewer'))
    .post('/:id/reviews', async (c) => {
      const survey = registry.get(c.req.param('id'))
      if (!survey) throw notFound(`no questionnaire "${c.req.param('id')}"`)
      const body = await parseJson(c, bulkReviewBody)
      const updated = await review(actorOf(c.var.principal), survey.id, body.ids, body)
      const missing = body.ids.filter((id) => !updated.includes(id))
      return c.json({ status: body.status, updated, missing })
    })
}
