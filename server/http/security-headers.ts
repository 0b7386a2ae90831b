/**
 * Headers every response carries, pages or not: `X-Content-Type-Options: nosniff`, and no
 * framing by another site (`X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`). Nothing
 * of Gapkit is meant to be framed — a report or a chart framed elsewhere could only serve
 * clickjacking — except the one kind of page made for it: a published chart's embed page, whose
 * route says so with its own CSP `frame-ancestors`; that page then carries no X-Frame-Options,
 * which would forbid the framing its CSP allows.
 */
import type { MiddlewareHandler } from 'hono'

const NO_FRAMING = "frame-ancestors 'none'"

/**
 * Middleware: sets the headers before the handler (so responses made by the context carry them
 * from the start) and checks them after it, adding `frame-ancestors` to a route's own CSP that
 * lacks it.
 */
export function secureResponses(): MiddlewareHandler {
  return async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('X-Frame-Options', 'DENY')
    c.header('Content-Security-Policy', NO_FRAMING)
    await next()
    const headers = c.res.headers
    const csp = headers.get('content-security-policy')
    if (csp === null) headers.set('Content-Security-Policy', NO_FRAMING)
    else if (!/(^|;)\s*frame-ancestors\s/i.test(csp)) {
      headers.set('Content-Security-Policy', `${csp}; ${NO_FRAMING}`)
    }
    if (allowsFraming(headers.get('content-security-policy') ?? '')) {
      headers.delete('X-Frame-Options')
    } else if (!headers.has('x-frame-options')) headers.set('X-Frame-Options', 'DENY')
    if (!headers.has('x-content-type-options')) headers.set('X-Content-Type-Options', 'nosniff')
  }
}

/** Whether a CSP lets other pages frame this one (its `frame-ancestors` is not `'none'`). */
function allowsFraming(csp: string): boolean {
  const directive = /(?:^|;)\s*frame-ancestors\s+([^;]*)/i.exec(csp)
  return directive !== null && (directive[1] ?? '').trim() !== "'none'"
}
