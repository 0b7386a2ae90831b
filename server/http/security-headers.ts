/**
 * Headers every response carries, pages or not: `X-Content-Type-Options: nosniff`, and no
 * framing by another site (`X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`). Nothing
 * of Gapkit is meant to be framed: the dashboard draws charts itself and links to the SVGs and
 * the report, so a report or a chart framed elsewhere could only serve clickjacking.
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
    if (!headers.has('x-frame-options')) headers.set('X-Frame-Options', 'DENY')
    if (!headers.has('x-content-type-options')) headers.set('X-Content-Type-Options', 'nosniff')
  }
}
