import { Hono } from 'hono'
import { z } from 'zod'
import { badRequest } from '../errors.ts'
import { type AuthEnv, requireToken } from '../http/auth.ts'
import { parseJson } from '../http/request.ts'
import {
  createSubmission,
  readSubmission,
  type SubmissionDeps,
  updateSubmission,
} from '../services/submissions.ts'

const text = (max: number) => z.string().min(1).max(max)

const newResponseBody = z.strictObject({
  answers: z.unknown(),
  submissionKey: text(200).optional(),
  draft: z.boolean().optional(),
  language: text(20).optional(),
  region: text(64).optional(),
  wave: text(64).optional(),
})

const updateResponseBody = z.strictObject({
  answers: z.unknown(),
  draft: z.boolean().optional(),
  language: text(20).optional(),
})

/**
 * Partner and admin routes for responses: create one under its questionnaire
 * (`POST /surveys/:id/responses`), then read or update it by its own id (`/responses/:id`).
 * Mounted at `/api`, the one prefix both share.
 */
export function responseRoutes(deps: SubmissionDeps) {
  return new Hono<AuthEnv>()
    .use('/surveys/:id/responses', requireToken(deps.db))
    .use('/responses/*', requireToken(deps.db))
    .post('/surveys/:id/responses', async (c) => {
      const body = await parseJson(c, newResponseBody)
      if (body.answers === undefined) throw badRequest('"answers" is required')
      const { response, created } = await createSubmission(deps, c.var.principal, {
        ...body,
        survey: c.req.param('id'),
      })
      return c.json(response, created ? 201 : 200)
    })
    .get('/responses/:id', async (c) => {
      return c.json(await readSubmission(deps, c.var.principal, c.req.param('id')))
    })
    .put('/responses/:id', async (c) => {
      const body = await parseJson(c, updateResponseBody)
      if (body.answers === undefined) throw badRequest('"answers" is required')
      return c.json(await updateSubmission(deps, c.var.principal, c.req.param('id'), body))
    })
}
