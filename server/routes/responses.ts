import { Hono } from 'hono'
import { z } from 'zod'
import { type AuthEnv, requireToken } from '../auth.ts'
import { listResponses } from '../db/repositories/responses.ts'
import { badRequest, forbidden, notFound } from '../errors.ts'
import { readJson } from '../request.ts'
import {
  createSubmission,
  readSubmission,
  type SubmissionDeps,
  updateSubmission,
  viewResponse,
} from '../submissions.ts'

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

const STATUSES = ['draft', 'submitted'] as const

/** Partner and admin routes for responses: create, update a draft, read, list. */
export function responseRoutes(deps: SubmissionDeps) {
  return new Hono<AuthEnv>()
    .use('/api/surveys/:id/responses', requireToken(deps.db))
    .use('/api/responses/*', requireToken(deps.db))
    .post('/api/surveys/:id/responses', async (c) => {
      const body = await readJson(c, newResponseBody)
      if (body.answers === undefined) throw badRequest('"answers" is required')
      const { response, created } = await createSubmission(deps, c.var.principal, {
        ...body,
        survey: c.req.param('id'),
      })
      return c.json(response, created ? 201 : 200)
    })
    .get('/api/surveys/:id/responses', async (c) => {
      const survey = deps.registry.get(c.req.param('id'))
      if (!survey) throw notFound(`no questionnaire "${c.req.param('id')}"`)
      const format = c.req.query('format') ?? 'json'
      if (format !== 'json') throw badRequest(`unknown format "${format}"; use json`)
      const p = c.var.principal
      const region = c.req.query('region')
      if (p.role !== 'admin' && region !== undefined && region !== p.regionId) {
        throw forbidden('a partner link reads only its own region')
      }
      const status = c.req.query('status')
      if (status !== undefined && !STATUSES.some((s) => s === status)) {
        throw badRequest('status must be draft or submitted')
      }
      const rows = await listResponses(deps.db, {
        survey: survey.id,
        region: p.role === 'admin' ? region : (p.regionId ?? undefined),
        wave: c.req.query('wave'),
        status: STATUSES.find((s) => s === status),
      })
      return c.json({ survey: survey.id, responses: rows.map(viewResponse) })
    })
    .get('/api/responses/:id', async (c) => {
      return c.json(await readSubmission(deps, c.var.principal, c.req.param('id')))
    })
    .put('/api/responses/:id', async (c) => {
      const body = await readJson(c, updateResponseBody)
      if (body.answers === undefined) throw badRequest('"answers" is required')
      return c.json(await updateSubmission(deps, c.var.principal, c.req.param('id'), body))
    })
}
