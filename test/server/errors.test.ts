import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import {
  ConflictError,
  ForbiddenError,
  handleError,
  InvalidInputError,
  NotFoundError,
  notFound,
  ValidationError,
} from '../../server/errors.ts'
import { main } from '../../server/main.ts'

/** An app whose one route throws `error`, answered by the shared handler. */
async function answer(error: Error): Promise<{ status: number; body: unknown }> {
  const app = new Hono()
  app.get('/x', () => {
    throw error
  })
  app.onError(handleError)
  const res = await app.request('/x')
  return { status: res.status, body: await res.json() }
}

describe('domain errors over HTTP', () => {
  it('answers each kind with its status and code, in the one error shape', async () => {
    const detail = { question: 'age', message: 'too young' }
    const cases: [Error, number, string, unknown[]][] = [
      [new NotFoundError('no questionnaire "x"'), 404, 'not_found', []],
      [new ForbiddenError('this response is not yours'), 403, 'forbidden', []],
      [new ConflictError('already submitted'), 409, 'conflict', []],
      [
        new InvalidInputError('bad language', [{ field: 'language', message: 'no' }]),
        400,
        'bad_request',
        [{ field: 'language', message: 'no' }],
      ],
      [
        new ValidationError('invalid_answers', 'the answers are not valid', [detail]),
        422,
        'invalid_answers',
        [detail],
      ],
    ]
    for (const [error, status, code, details] of cases) {
      expect(await answer(error)).toEqual({
        status,
        body: { error: { code, message: error.message, details } },
      })
    }
  })

  it('answers a domain error exactly as the HTTP helper of the same meaning', async () => {
    expect(await answer(new NotFoundError('gone'))).toEqual(await answer(notFound('gone')))
  })

  it('never leaks an unexpected error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await answer(new Error('secret path /etc'))).toEqual({
        status: 500,
        body: { error: { code: 'internal', message: 'internal server error', details: [] } },
      })
    } finally {
      log.mockRestore()
    }
  })
})

describe('domain errors on the command line', () => {
  it('prints one line and exits 2', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      // `analyze` of an unknown questionnaire: the analysis service's NotFoundError.
      const dir = `${import.meta.dirname}/../fixtures/surveys`
      const code = await main(['analyze', 'nope', '--db', ':memory:', '--surveys', dir])
      expect(code).toBe(2)
      expect(err.mock.calls).toEqual([['gapkit analyze: no questionnaire "nope"']])
    } finally {
      err.mockRestore()
    }
  })
})
