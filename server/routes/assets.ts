import { Hono } from 'hono'
import type { Asset } from '../http/static-assets.ts'

/**
 * `GET /assets/:hash/:name` (mounted at `/assets`): the scripts and styles of the form, the
 * dashboard and the API page. The hash in the URL changes with the content, so a file is cached
 * for a year; its precompressed copy is sent when the browser accepts it (made at start-up, off
 * the event loop: a request may wait for the quick gzip copy, never for a compression).
 */
export function assetRoutes(assets: Map<string, Asset>) {
  return new Hono().get('/:hash/:name', async (c) => {
    const asset = assets.get(c.req.param('name'))
    if (!asset || asset.url !== c.req.path) return c.notFound()
    c.header('Content-Type', asset.type)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    c.header('ETag', asset.etag)
    c.header('Vary', 'Accept-Encoding')
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304)
    const { encoding, body } = await asset.compressed.pick(c.req.header('accept-encoding'))
    if (encoding) c.header('Content-Encoding', encoding)
    return c.body(new Uint8Array(body))
  })
}
