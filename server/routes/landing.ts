import { Hono } from 'hono'
import { renderLandingPage } from '../admin/landing-page.ts'
import { setPageHeaders } from '../admin/layout.ts'
import { ADMIN_LOCALES } from '../admin/text.ts'
import { pickLocale } from '../http/html.ts'
import type { Asset } from '../http/static-assets.ts'

/**
 * `GET /`: what Gapkit is, with a link to the dashboard, in the dashboard's languages
 * (`?lang=`, else `Accept-Language`). Public: it shows nothing stored. Mounted at `/`.
 */
export function landingRoutes(assets: Map<string, Asset>) {
  return new Hono().get('/', (c) => {
    setPageHeaders(c)
    c.header('Vary', 'Accept-Language')
    const locale = pickLocale(
      { query: c.req.query('lang'), header: c.req.header('accept-language') },
      ADMIN_LOCALES,
    )
    return c.html(renderLandingPage({ locale, assets }))
  })
}
