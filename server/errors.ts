import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** One entry of an error's `details`, e.g. a question that failed validation. */
export interface ErrorDetail {
  question?: string
  field?: string
  message: string
}

/** An expected HTTP failure, answered as `{error: {code, message, details}}`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(status, { message })
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(400, 'bad_request', message, details)
export const unauthorized = (message = 'a valid token is required') =>
  new ApiError(401, 'unauthorized', message)
export const forbidden = (message = 'this token may not do that') =>
  new ApiError(403, 'forbidden', message)
export const notFound = (message = 'not found') => new ApiError(404, 'not_found', message)
export const conflict = (message: string) => new ApiError(409, 'conflict', message)

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_answers',
}

/** The one error handler: JSON in the shared shape, never a stack trace. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      error.status,
    )
  }
  if (error instanceof HTTPException) {
    const status = error.status
    return c.json(
      {
        error: {
          code: CODES[status] ?? 'http_error',
          message: error.message || 'request failed',
          details: [],
        },
      },
      status,
    )
  }
  console.error(`gapkit: ${c.req.method} ${c.req.path} failed:`, error)
  return c.json({ error: { code: 'internal', message: 'internal server error', details: [] } }, 500)
}
