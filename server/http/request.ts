import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError, badRequest } from '../errors.ts'

/** One problem of an input, as error `details` carry it. */
export interface FieldIssue {
  field: string
  message: string
}

/**
 * A zod error as `{ field, message }` per issue; `field` is the dotted path, or `whole` for an
 * issue of the whole input (an unknown key, a body that is not an object).
 */
export function zodIssues(error: z.ZodError, whole: string): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || whole, message: i.message }))
}

/**
 * Parses a JSON request body once, at the edge, into a typed value: 415 for another content
 * type, 400 for malformed JSON or a body that does not fit the schema.
 */
export async function parseJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
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
      zodIssues(parsed.error, '(body)'),
    )
  }
  return parsed.data
}

/**
 * Parses the query string into a typed value, 400 when it does not fit the schema. An empty
 * parameter (`region=`, what a form's "all" option sends) counts as absent.
 */
export function parseQuery<T>(c: Context, schema: z.ZodType<T>): T {
  const given = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''))
  const parsed = schema.safeParse(given)
  if (parsed.success) return parsed.data
  throw badRequest('the query parameters are not valid', zodIssues(parsed.error, '(query)'))
}
