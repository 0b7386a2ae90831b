import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError, badRequest } from '../errors.ts'

/**
 * Parses a JSON request body once, at the edge, into a typed value: 415 for another content
 * type, 400 for malformed JSON or a body that does not fit the schema.
 */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json')
  }
  const text = await c.req.text()
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw badRequest(`malformed JSON: ${(error as Error).message}`)
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    throw badRequest(
      'the request body does not have the expected shape',
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })),
    )
  }
  return parsed.data
}
