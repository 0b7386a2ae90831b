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

/**
 * A failure the caller caused, told in the domain's words. Services throw these and never an
 * HTTP status; each edge maps them once: HTTP in `handleError`, the command line in main.ts.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message)
  }
}

/** Nothing by that name or id: a questionnaire, a response, a partner link. */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError'
}

/** The caller may not do this, e.g. a partner link reading another region's response. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError'
}

/**
 * The current state forbids it: a response already submitted, a link already revoked. `code`
 * (default `conflict`) names the state for clients, e.g. `already_submitted`.
 */
export class ConflictError extends DomainError {
  override name = 'ConflictError'
  constructor(
    message: string,
    details: ErrorDetail[] = [],
    readonly code = 'conflict',
  ) {
    super(message, details)
  }
}

/** Input the operation cannot take at all: an unknown language, region or grouping. */
export class InvalidInputError extends DomainError {
  override name = 'InvalidInputError'
}

/**
 * Well-formed input that breaks the rules, e.g. answers that fail the questionnaire's checks;
 * `code` names the rule for clients (`invalid_answers`), `details` has one entry per problem.
 */
export class ValidationError extends DomainError {
  override name = 'ValidationError'
  constructor(
    readonly code: string,
    message: string,
    details: ErrorDetail[] = [],
  ) {
    super(message, details)
  }
}

/** The status and code a domain error is answered with over HTTP. */
function httpOf(error: DomainError): { status: ContentfulStatusCode; code: string } {
  if (error instanceof NotFoundError) return { status: 404, code: 'not_found' }
  if (error instanceof ForbiddenError) return { status: 403, code: 'forbidden' }
  if (error instanceof ConflictError) return { status: 409, code: error.code }
  if (error instanceof ValidationError) return { status: 422, code: error.code }
  return { status: 400, code: 'bad_request' }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(400, 'bad_request', message, details)
export const unauthorized = (message = 'a valid token is required') =>
  new ApiError(401, 'unauthorized', message)
export const forbidden = (message = 'this token may not do that') =>
  new ApiError(403, 'forbidden', message)
export const notFound = (message = 'not found') => new ApiError(404, 'not_found', message)

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
  if (error instanceof DomainError) {
    const { status, code } = httpOf(error)
    return c.json({ error: { code, message: error.message, details: error.details } }, status)
  }
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
