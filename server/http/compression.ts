import type { MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'

/**
 * Hono's `compress` (gzip or deflate by Accept-Encoding), with `Vary: Accept-Encoding` set
 * before the handler runs. Hono adds it after, with `c.header`, which copies every finished
 * response, body included, and takes @hono/node-server off its direct write path: on a
 * submission that copy cost more than the token lookup.
 */
export function compressResponses(): MiddlewareHandler {
  const inner = compress()
  return async (c, next) => {
    c.header('Vary', 'Accept-Encoding')
    await inner(c, next)
  }
}
