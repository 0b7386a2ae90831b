import { Hono } from 'hono'
import { ADMIN_CSP, h } from '../admin/layout.ts'
import type { Asset } from '../http/static-assets.ts'
import { buildOpenApi, type MountedRoute } from '../openapi/document.ts'

/**
 * `GET /api/openapi.json` (public): the OpenAPI 3.1 document of the routes the app mounts, and
 * `GET /api/docs`: a page that renders it with our own small script (no CDN).
 * `routes` is read at the first request, once every route is mounted. Mounted at `/api`.
 */
export function openapiRoutes(routes: () => MountedRoute[], assets: Map<string, Asset>) {
  let document: ReturnType<typeof buildOpenApi> | undefined
  const url = (name: string) => h(assets.get(name)?.url ?? '')
  return new Hono()
    .get('/openapi.json', (c) => {
      document ??= buildOpenApi(routes())
      c.header('Cache-Control', 'no-cache')
      c.header('Access-Control-Allow-Origin', '*')
      return c.json(document)
    })
    .get('/docs', (c) => {
      c.header('Content-Security-Policy', ADMIN_CSP)
      c.header('Cache-Control', 'no-cache')
      c.header('Referrer-Policy', 'no-referrer')
      return c.html(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Gapkit HTTP API</title>
<link rel="stylesheet" href="${url('admin.css')}">
<script defer src="${url('api-docs.js')}"></script>
</head>
<body>
<header class="ak-top"><a class="ak-brand" href="/admin">Gapkit</a><nav class="ak-nav"><a href="/api/openapi.json">openapi.json</a></nav></header>
<main class="ak-main ak-docs" id="ak-docs"><p class="ak-muted">Loading /api/openapi.json…</p></main>
</body>
</html>
`)
    })
}
