import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { createCompressor } from '../../server/http/precompress.ts'
import { type Asset, loadAssets } from '../../server/http/static-assets.ts'
import { createPartnerLink, revokePartnerLink } from '../../server/services/partner-links.ts'
import { createRegistry, loadSurvey } from '../../surveys/registry.ts'
import { launchBrowser, screenshotDir } from '../helpers/browser.ts'
import {
  expectPanelState,
  fillAndSubmitExample,
  openForm,
  type SwitchableServer,
  switchableServer,
  waitOfflineReady,
} from '../helpers/form-page.ts'
import { createTestApp, FIXTURES, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
let server: SwitchableServer
let browser: Browser
/** The assets of the release the tests start with (a later one is made from them). */
let assets: Map<string, Asset>
let appFetch: (request: Request) => Response | Promise<Response>
const NOW = '2026-01-01T00:00:00.000Z'

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
  assets = loadAssets()
  appFetch = createApp({ db: t.db.kysely, registry: t.registry, defaultWave: '2026', assets }).fetch
  server = await switchableServer(appFetch)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await t?.close()
})

/** A partner link of its own for one test, so revoking or filling it touches no other test. */
async function newLink(name: string) {
  const { token, partner } = await createPartnerLink(
    t.db.kysely,
    { region: 'FR-93', name },
    'cli',
    NOW,
  )
  return { token, id: partner.id, url: `${server.url}/s/example?t=${token}` }
}

const rowsOf = (tokenId: number) =>
  t.db.kysely.selectFrom('responses').selectAll().where('token_id', '=', tokenId).execute()

/**
 * Counts the API requests the server receives from now on (sending or saving a response),
 * whoever makes them: the page, or its service worker's Background Sync, whose requests the
 * page's `request` event never sees. Tests in this file run one at a time.
 */
function countApiCalls(): () => number {
  let n = 0
  server.swap((request) => {
    if (new URL(request.url).pathname.startsWith('/api/')) n++
    return appFetch(request)
  })
  return () => n
}

async function formPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await openForm(page, url)
  await waitOfflineReady(page)
  return page
}

describe('sending the outbox', () => {
  it('treats a server that refuses connections like no connection', async () => {
    const link = await newLink('server down')
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await formPage(context, link.url)
    await server.stop()
    try {
      await fillAndSubmitExample(page, { code: 'DN-1' })
      await expectPanelState(page, 'queued', 'Waiting to send')
      expect(await page.evaluate(() => navigator.onLine)).toBe(true)
      // Opening the link again while the server is down shows the kept page and the queue.
      await openForm(page, link.url)
      await expectPanelState(page, 'queued', 'Waiting to send')
    } finally {
      await server.start()
    }
    // The retry timer sends it, with no reload and no `online` event.
    await expectPanelState(page, 'sent', 'Sent ✓')
    const rows = await rowsOf(link.id)
    expect(rows.map((r) => [r.status, JSON.parse(r.answers).code])).toEqual([['submitted', 'DN-1']])
    await context.close()
  })

  it('shows a refusal (422) on the answer to fix and does not send it again until fixed', async () => {
    const link = await newLink('invalid')
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await formPage(context, link.url)
    await context.setOffline(true)
    await fillAndSubmitExample(page, { satisfaction: 2 })
    // Answers the server refuses, as a faulty older form could have stored on the device.
    await page.evaluate(async () => {
      const outbox = (window as unknown as { GapkitOutbox: OutboxApi }).GapkitOutbox
      const queued = (await outbox.all()).filter((r) => r.status === 'queued')
      for (const r of queued) {
        await outbox.update(r.key, (x) => ({ ...x, answers: { ...x.answers, satisfaction: 9 } }))
      }
    })
    const calls = countApiCalls()
    await context.setOffline(false)
    // The form opens again on the refused answer, with the server's message beside it.
    await expect
      .poll(() => page.locator('#gk-status').textContent(), { timeout: 15_000 })
      .toBe('Cannot be sent: fix the highlighted answer.')
    await page.waitForSelector('body[data-view="form"]')
    const question = page.locator('.sd-question', { hasText: 'How well does the ecosystem' })
    await expect.poll(() => question.locator('.sd-question__erbox').count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(screenshotDir(), 'form-refused-422.png') })
    // The refusal stays on screen, also once the form has gone to the answer's page.
    expect(await page.locator('#gk-status').textContent()).toBe(
      'Cannot be sent: fix the highlighted answer.',
    )
    expect(calls()).toBe(1)
    // Coming back online or to the page sends nothing more: it waits for the person.
    await page.evaluate(() => (window as unknown as { GapkitForm: FormApi }).GapkitForm.flush(true))
    expect(calls()).toBe(1)
    expect(await rowsOf(link.id)).toEqual([])

    await question.locator('.sd-rating__item-text', { hasText: '3' }).first().click()
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByRole('button', { name: 'Complete' }).click()
    await expectPanelState(page, 'sent', 'Sent ✓')
    const rows = await rowsOf(link.id)
    expect(rows.map((r) => [r.status, JSON.parse(r.answers).satisfaction])).toEqual([
      ['submitted', 3],
    ])
    await context.close()
  })

  it('says a revoked link (401) cannot send, and stops trying', async () => {
    const link = await newLink('revoked')
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await formPage(context, link.url)
    await context.setOffline(true)
    await fillAndSubmitExample(page)
    await expectPanelState(page, 'queued', 'Waiting to send')
    await revokePartnerLink(t.db.kysely, link.id, 'cli', NOW)
    const calls = countApiCalls()
    await context.setOffline(false)
    await expectPanelState(
      page,
      'revoked',
      'Cannot be sent: this link has been revoked — contact the lead partner.',
    )
    await page.screenshot({ path: path.join(screenshotDir(), 'form-refused-401.png') })
    expect(await page.getByRole('button', { name: 'Start a new response' }).count()).toBe(0)
    const after = calls()
    await page.evaluate(() => (window as unknown as { GapkitForm: FormApi }).GapkitForm.flush(true))
    expect(calls()).toBe(after)
    expect(await rowsOf(link.id)).toEqual([])
    await context.close()
  })

  it('sends a response queued before the questionnaire changed with the version it answered', async () => {
    const link = await newLink('older version')
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await formPage(context, link.url)
    const before = t.registry.get('example')
    if (!before) throw new Error('no example')
    await context.setOffline(true)
    await fillAndSubmitExample(page, { code: 'OV-1' })
    await expectPanelState(page, 'queued', 'Waiting to send')
    // Meanwhile the lead partner changes the questionnaire: a new version on the server.
    const changed = { ...before.json, title: { default: 'Example ecosystem check, 2nd edition' } }
    const registry = createRegistry([loadSurvey('example', changed)])
    expect(registry.get('example')?.version).not.toBe(before.version)
    server.swap(createApp({ db: t.db.kysely, registry, defaultWave: '2026', assets }).fetch)
    try {
      await context.setOffline(false)
      await expectPanelState(page, 'sent', 'Sent ✓')
    } finally {
      server.swap(appFetch)
    }
    const rows = await rowsOf(link.id)
    expect(rows.map((r) => [r.status, r.version])).toEqual([['submitted', before.version]])
    await context.close()
  })

  it('loses nothing when the service worker updates between queueing and sending', async () => {
    const queuedLink = await newLink('update')
    const otherLink = await newLink('kept before the update')
    const context = await browser.newContext({ locale: 'en-GB' })
    const other = await formPage(context, otherLink.url)
    await other.close()
    const page = await formPage(context, queuedLink.url)
    // The API unreachable (the pages and the worker script still load).
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'))
    await fillAndSubmitExample(page, { code: 'UP-1' })
    await expectPanelState(page, 'queued', 'Waiting to send')

    // A new build: another form.js, so another worker script.
    const next = newBuild(assets)
    const later = createApp({
      db: t.db.kysely,
      registry: t.registry,
      defaultWave: '2026',
      assets: next,
    })
    server.swap(later.fetch)
    const newUrl = next.get('form.js')?.url ?? ''
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration('/s/')
      await reg?.update()
    })
    await expect
      .poll(
        () =>
          page.evaluate(async (url) => {
            const reg = await navigator.serviceWorker.getRegistration('/s/')
            const settled = reg?.active && !reg.installing && !reg.waiting
            return Boolean(settled && (await caches.match(url)))
          }, newUrl),
        { timeout: 15_000 },
      )
      .toBe(true)
    expect(await rowsOf(queuedLink.id)).toEqual([])
    // The assets the page kept before the update still serve it.
    const oldUrl = assets.get('form.js')?.url ?? ''
    expect(await page.evaluate((url) => caches.match(url).then(Boolean), oldUrl)).toBe(true)

    await context.unroute('**/api/**')
    await openForm(page, queuedLink.url)
    await expectPanelState(page, 'sent', 'Sent ✓')
    const rows = await rowsOf(queuedLink.id)
    expect(rows.map((r) => [r.status, JSON.parse(r.answers).code])).toEqual([['submitted', 'UP-1']])

    // A link kept before the update still opens with no connection.
    await context.setOffline(true)
    const offline = await context.newPage()
    await openForm(offline, otherLink.url)
    await expect
      .poll(() => offline.locator('.sd-title').first().textContent())
      .toContain('Example ecosystem check')
    await context.close()
    server.swap(appFetch)
  })
})

interface OutboxRecord {
  key: string
  status: string
  answers: Record<string, unknown>
}
interface OutboxApi {
  all(): Promise<OutboxRecord[]>
  update(key: string, change: (r: OutboxRecord) => OutboxRecord): Promise<OutboxRecord>
}
interface FormApi {
  flush(force: boolean): Promise<void>
}

/** The assets of a later release: form.js changed, everything else the same. */
function newBuild(assets: Map<string, Asset>): Map<string, Asset> {
  const next = new Map(assets)
  const old = assets.get('form.js')
  if (!old) throw new Error('no form.js')
  const body = Buffer.concat([old.body, Buffer.from('\n// a later release\n')])
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
  next.set('form.js', {
    ...old,
    url: `/assets/${hash}/form.js`,
    body,
    compressed: createCompressor({ cacheDir: null }).add(body),
    etag: `"${hash}"`,
  })
  return next
}
