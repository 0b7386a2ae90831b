import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { handleError } from '../../../server/errors.ts'
import { parseJson, parseQuery, zodIssues } from '../../../server/http/request.ts'

const body = z.strictObject({ name: z.string().min(1), tags: z.array(z.string()).optional() })
const query = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  region: z.string().min(1).optional(),
})

// The helpers as routes use them, with the app's one error handler.
const app = new Hono()
  .post('/body', async (c) => c.json(await parseJson(c, body)))
  .get('/query', (c) => c.json(parseQuery(c, query)))
app.onError(handleError)

const post = (text: string, type = 'application/json') =>
  app.request('/body', { method: 'POST', headers: { 'Content-Type': type }, body: text })

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; message: string }[] }
}

describe('zodIssues', () => {
  it('gives the dotted path of each issue, or the name of the whole input', () => {
    const parsed = body.safeParse({ tags: ['a', 2], extra: true })
    expect(parsed.success).toBe(false)
    const issues = parsed.success ? [] : zodIssues(parsed.error, '(body)')
    expect(issues.map((i) => i.field)).toEqual(['name', 'tags.1', '(body)'])
    for (const issue of issues) expect(issue.message).not.toBe('')
  })
})

describe('parseJson', () => {
  it('returns the typed body', async () => {
    const res = await post('{"name":"x","tags":["a"]}')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ name: 'x', tags: ['a'] })
  })

  it('answers 415 for another type, 400 for malformed JSON and for a wrong shape', async () => {
    expect((await post('{"name":"x"}', 'text/plain')).status).toBe(415)
    const malformed = await post('{"name":')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as ErrorBody).error.message).toMatch(/^malformed JSON/)
    const wrong = await post('[1]')
    expect(wrong.status).toBe(400)
    const error = ((await wrong.json()) as ErrorBody).error
    expect(error.code).toBe('bad_request')
    expect(error.details).toEqual([{ field: '(body)', message: expect.any(String) }])
  })
})

describe('parseQuery', () => {
  it('returns the typed query, empty parameters counting as absent', async () => {
    const res = await app.request('/query?page=3&region=')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ page: 3 })
  })

  it('answers 400 naming each bad parameter, and (query) for an unknown one', async () => {
    const res = await app.request('/query?page=0&sort=id')
    expect(res.status).toBe(400)
    const error = ((await res.json()) as ErrorBody).error
    expect(error.message).toBe('the query parameters are not valid')
    expect(error.details.map((d) => d.field).sort()).toEqual(['(query)', 'page'])
  })
})
