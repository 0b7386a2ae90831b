/**
 * The request log: one line per request, `<ISO time> <method> <path?query> <status> <ms>ms`,
 * written when the response starts (a streamed export goes on after its line). Tokens never reach it: the `t` query parameter's value is
 * replaced by `***`, and headers (`Authorization`, cookies) are not logged at all. Our own rather
 * than Hono's `logger`, which prints two lines per request and the query string as sent.
 */
import type { MiddlewareHandler } from 'hono'

/** Query parameters whose values are credentials. */
const SECRET_PARAMS = new Set(['t', 'token'])

/**
 * The path and query of a URL, with credential values masked.
 * @example redactUrl('http://h/s/x?t=gkp_abc&lang=fr') // → '/s/x?t=***&lang=fr'
 */
export function redactUrl(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2)
  const local = start < 0 ? '/' : url.slice(start)
  const q = local.indexOf('?')
  if (q < 0) return local
  const pairs = local
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0] ?? ''
      let decoded = name
      try {
        decoded = decodeURIComponent(name)
      } catch {}
      return SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=***` : pair
    })
  return `${local.slice(0, q)}?${pairs.join('&')}`
}

/**
 * Middleware: logs every request through `print` once it is answered (errors included, as the
 * status the client got).
 */
export function logRequests(
  print: (line: string) => void,
  now: () => Date = () => new Date(),
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    try {
      await next()
    } finally {
      const ms = performance.now() - started
      const took = ms < 10 ? ms.toFixed(1) : Math.round(ms).toString()
      print(
        `${now().toISOString()} ${c.req.method} ${redactUrl(c.req.url)} ${c.res.status} ${took}ms`,
      )
    }
  }
}
