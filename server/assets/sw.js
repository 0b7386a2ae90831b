// The partner form's service worker (scope /s/). The server puts one line before this file,
// `self.GAPKIT_BUILD`, naming this build's assets. For every link opened once it keeps the form
// page, its questionnaire version and the assets, so the link opens with no connection; it sends
// the outbox (outbox.js) on Background Sync.
//
// The caches are not named per build. An update adds the new assets and drops only those that no
// kept page names any more: a form page kept before the update still finds the scripts it was
// made with, and the outbox lives in IndexedDB, which no update touches.
const BUILD = self.GAPKIT_BUILD
importScripts(BUILD.outbox)

const ASSETS = 'gapkit-assets'
const PAGES = 'gapkit-pages'
const DEFINITIONS = 'gapkit-definitions'
/** On a slow link the kept page is shown after this long; the network copy still refreshes it. */
const PAGE_TIMEOUT_MS = 3000
const FORM_PAGE = /^\/s\/[a-z0-9][a-z0-9-]*$/
const DEFINITION = /^\/s\/[a-z0-9][a-z0-9-]*\/definition\/[^/]+$/

const sameOrigin = (url) => new URL(url, self.location.origin).origin === self.location.origin
/** A page is kept per link: its questionnaire and token, whatever the other parameters. */
const pageKey = (url) => {
  const u = new URL(url, self.location.origin)
  const key = new URL(u.pathname, u.origin)
  const token = u.searchParams.get('t')
  if (token) key.searchParams.set('t', token)
  return key.href
}
/** A questionnaire version is the same for every link. */
const definitionKey = (url) => {
  const u = new URL(url, self.location.origin)
  return `${u.origin}${u.pathname}`
}

const cacheFirst = async (name, request, key) => {
  const cache = await caches.open(name)
  const hit = await cache.match(key)
  if (hit) return hit
  const res = await fetch(request)
  if (res.ok) await cache.put(key, res.clone())
  return res
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(ASSETS)
      // Hashed URLs: what is kept already is the right file. A failure keeps the old worker.
      for (const url of BUILD.precache) {
        if (!(await cache.match(url))) await cache.add(url)
      }
      await self.skipWaiting()
    })(),
  )
})

/** Drops what neither this build nor any kept page names. */
const prune = async () => {
  const keep = new Set(BUILD.precache.map((u) => new URL(u, self.location.origin).href))
  const pages = await caches.open(PAGES)
  for (const request of await pages.keys()) {
    const res = await pages.match(request)
    const html = res ? await res.text() : ''
    for (const m of html.matchAll(/\/assets\/[0-9a-f]+\/[\w.-]+/g)) {
      keep.add(new URL(m[0], self.location.origin).href)
    }
    for (const m of html.matchAll(/\/s\/[a-z0-9-]+\/definition\/[0-9a-z]+/g)) {
      keep.add(definitionKey(m[0]))
    }
  }
  for (const name of [ASSETS, DEFINITIONS]) {
    const cache = await caches.open(name)
    for (const request of await cache.keys()) {
      if (!keep.has(request.url)) await cache.delete(request)
    }
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await self.registration.navigationPreload?.enable().catch(() => undefined)
      await self.clients.claim()
      await prune()
    })(),
  )
})

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A link never opened on this device, with no connection: say so in the person's language. */
const offlinePage = () => {
  const lang = (self.navigator.language || 'en').slice(0, 2).toLowerCase()
  const text = BUILD.offline[lang] || BUILD.offline.en
  const html = `<!doctype html><html lang="${BUILD.offline[lang] ? lang : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Gapkit</title></head><body style="margin:0;background:#f3f3f3;font-family:system-ui,sans-serif"><main style="max-width:40rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:6px"><p>${escapeHtml(text)}</p></main></body></html>`
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  })
}

/**
 * Network first, so a link shows the current questionnaire and a revoked link says so; the kept
 * page when there is no answer (offline, server down, 5xx) or none within PAGE_TIMEOUT_MS.
 */
const formPage = async (event) => {
  const key = pageKey(event.request.url)
  const cache = await caches.open(PAGES)
  const network = (async () => {
    const res = (await event.preloadResponse) || (await fetch(event.request))
    if (res.status === 200) await cache.put(key, res.clone())
    else if (res.status === 401 || res.status === 404) await cache.delete(key)
    return res
  })()
  event.waitUntil(network.catch(() => undefined))
  const kept = await cache.match(key)
  if (!kept) return network.catch(() => offlinePage())
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(kept), PAGE_TIMEOUT_MS)
    network.then(
      (res) => {
        clearTimeout(timer)
        resolve(res.status >= 500 ? kept : res)
      },
      () => {
        clearTimeout(timer)
        resolve(kept)
      },
    )
  })
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || !sameOrigin(request.url)) return
  const url = new URL(request.url)
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(ASSETS, request, url.href))
  } else if (DEFINITION.test(url.pathname)) {
    event.respondWith(cacheFirst(DEFINITIONS, request, definitionKey(request.url)))
  } else if (request.mode === 'navigate' && FORM_PAGE.test(url.pathname)) {
    event.respondWith(formPage(event))
  }
})

/** A page asks to keep its link (its first visit happened before this worker existed). */
const keepLink = async (message) => {
  const urls = [message.page, message.definition, ...(message.assets || [])]
  if (!urls.every((u) => typeof u === 'string' && sameOrigin(u))) throw new Error('bad URL')
  const pages = await caches.open(PAGES)
  const key = pageKey(message.page)
  if (!(await pages.match(key))) {
    const res = await fetch(key)
    if (res.status !== 200) throw new Error(`page: HTTP ${res.status}`)
    await pages.put(key, res)
  }
  await cacheFirst(DEFINITIONS, new Request(message.definition), definitionKey(message.definition))
  for (const url of message.assets || []) await cacheFirst(ASSETS, new Request(url), url)
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep') return
  const port = event.ports[0]
  event.waitUntil(
    keepLink(event.data).then(
      () => port?.postMessage({ ok: true }),
      (error) => port?.postMessage({ ok: false, error: String(error) }),
    ),
  )
})

self.addEventListener('sync', (event) => {
  if (event.tag !== 'gapkit-outbox') return
  event.waitUntil(
    self.GapkitOutbox.flush({ force: true }).then((result) => {
      // Still waiting: the browser tries the sync again later, backing off by itself.
      if (result.waiting > 0) throw new Error(`${result.waiting} response(s) still waiting`)
    }),
  )
})
