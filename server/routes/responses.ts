import { Hono } from 'hono'
import { z } from 'zod'
import { badRequest } from '../errors.ts'
import { type AuthEnv, checkRole, leadNeeds, requireToken } from '../http/auth.ts'
import { parseJson, parseQuery } from '../http/request.ts'
import {
  correctResponse,
  eraseResponse,
  readResponseHistory,
} from '../services/response-lifecycle.ts'
import {
  createSubmission,
  readSubmission,
  type SubmissionDeps,
  updateSubmission,
} from '../services/submissions.ts'

const text = (max: number) => z.string().min(1).max(max)

export const newResponseBody = z.strictObject({
  answers: z.unknown(),
  submissionKey: text(200).optional(),
  draft: z.boolean().optional(),
  language: text(20).optional(),
  region: text(64).optional(),
  wave: text(64).optional(),
  version: text(64).optional(),
})

export const updateResponseBody = z.strictObject({
  answers: z.unknown(),
  draft: z.boolean().optional(),
  language: text(20).optional(),
  version: text(64).optional(),
})

export const correctionBody = z.strictObject({
  answers: z.unknown(),
  note: z.string().trim().max(2000).optional(),
  updatedAt: text(40).optional(),
})

export const correctionQuery = z.strictObject({
  lang: text(20).optional(),
  t: z.string().optional(),
})
export const deleteQuery = z.strictObject({
  reason: z.string().trim().max(500).optional(),
  t: z.string().optional(),
})

/**
 * Partner and admin routes for responses: create one under its questionnaire
 * (`POST /surveys/:id/responses`), then read or update it by its own id (`/responses/:id`);
 * the lead partner also corrects (`PATCH`), erases (`DELETE`) and reads the history of one
 * (`/responses/:id/history`). Mounted at `/api`, the one prefix both share. A lead partner
 * reads responses as a reviewer, enters, updates and corrects them as an analyst, and erases
 * them as an owner; a partner link passes those checks and the service holds it to its region.
 */
export function responseRoutes(deps: SubmissionDeps) {
  return new Hono<AuthEnv>()
    .use('/surveys/:id/responses', requireToken(deps.db))
    .use('/responses/*', requireToken(deps.db))
    .post('/surveys/:id/responses', leadNeeds('analyst'), async (c) => {
      const body = await parseJson(c, newResponseBody)
      if (body.answers === undefined) throw badRequest('"answers" is required')
      const { response, created } = await createSubmission(deps, c.var.principal, {
        ...body,
        survey: c.req.param('id'),
      })
      return c.json(response, created ? 201 : 200)
    })
    .get('/responses/:id', leadNeeds('reviewer'), async (c) => {
      return c.json(await readSubmission(deps, c.var.principal, c.req.param('id')))
    })
    .put('/responses/:id', leadNeeds('analyst'), async (c) => {
      const body = await parseJson(c, updateResponseBody)
      if (body.answers === undefined) throw badRequest('"answers" is required')
      return c.json(await updateSubmission(deps, c.var.principal, c.req.param('id'), body))
    })
    .patch('/responses/:id', async (c) => {
      checkRole(c.var.principal, 'analyst')
      const { lang } = parseQuery(c, correctionQuery)
      const body = await parseJson(c, correctionBody)
      if (body.answers === undefined) throw badRequest('"answers" is required')
      const { note, ...rest } = body
      const correction = { ...rest, ...(note ? { note } : {}), lang }
      const id = c.req.param('id')
      const { response, changed } = await correctResponse(deps, c.var.principal, id, correction)
      return c.json({ ...response, changed })
    })
    .delete('/responses/:id', async (c) => {
      checkRole(c.var.principal, 'owner')
      const { reason } = parseQuery(c, deleteQuery)
      return c.json(
        await eraseResponse(deps, c.var.principal, c.req.param('id'), reason || undefined),
      )
    })
    .get('/responses/:id/history', async (c) => {
      checkRole(c.var.principal, 'reviewer')
      return c.json(await readResponseHistory(deps, c.var.principal, c.req.param('id')))
    })
}
