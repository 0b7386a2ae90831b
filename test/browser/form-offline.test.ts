import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshotDir } from '../helpers/browser.ts'
import {
  expectPanelState,
  fillAndSubmitExample,
  launchPersistent,
  openForm,
  profileDir,
  type SwitchableServer,
  switchableServer,
  waitOfflineReady,
} from '../helpers/form-page.ts'
import { createTestApp, FIXTURES, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
let server: SwitchableServer
let browser: Browser

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
  server = await switchableServer(t.app.fetch)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await t?.close()
})

const submitted = () =>
  t.db.kysely.selectFrom('responses').selectAll().where('status', '=', 'submitted').execute()

describe('the partner form with no connection', () => {
  it('opens from the device after one visit, with the context offline', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const link = `${server.url}/s/example?t=${t.partnerB}`
    const first = await context.newPage()
    await openForm(first, link)
    await waitOfflineReady(first)
    await first.close()

    await context.setOffline(true)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await openForm(page, link)
    await expect
      .poll(() => page.locator('.sd-title').first().textContent())
      .toContain('Example ecosystem check')
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
    // A change is kept on the device, and the state line says so.
    await page.getByLabel('Organisation code').fill('SI-1')
    await page.getByLabel('Organisation code').blur()
    await expect.poll(() => page.locator('#gk-status').textContent()).toBe('Saved on this device')
    await page.screenshot({ path: path.join(screenshotDir(), 'form-offline-open.png') })
    expect(errors).toEqual([])
    await context.close()
  })

  it('queues three responses offline, keeps them across a browser restart, sends each once', async () => {
    const dir = profileDir()
    const link = `${server.url}/s/example?t=${t.partnerA}`
    const before = (await submitted()).length
    try {
      let context = await launchPersistent(dir)
      let page = context.pages()[0] ?? (await context.newPage())
      await openForm(page, link)
      await waitOfflineReady(page)

      await context.setOffline(true)
      for (const [i, code] of ['FR-1', 'FR-2', 'FR-3'].entries()) {
        if (i > 0) {
          await page.getByRole('button', { name: 'Start a new response' }).click()
          await page.waitForSelector('body[data-view="form"]')
        }
        await fillAndSubmitExample(page, { satisfaction: i + 2, code })
        await expectPanelState(page, 'queued', 'Waiting to send')
        await expect
          .poll(() => page.locator('#gk-outbox').textContent())
          .toBe(`Waiting to send (${i + 1})`)
      }
      await page.screenshot({ path: path.join(screenshotDir(), 'form-offline-queued.png') })
      expect((await submitted()).length).toBe(before)
      await context.close()

      // The browser starts again, still with no connection: the queue is still there. The
      // server is down too, as for a phone with no network: Chrome's Background Sync follows
      // the machine's real connection, which the page's offline emulation does not cover.
      await server.stop()
      context = await launchPersistent(dir, { offline: true })
      page = context.pages()[0] ?? (await context.newPage())
      await openForm(page, link)
      await expectPanelState(page, 'queued', 'Waiting to send')
      await expect.poll(() => page.locator('#gk-outbox').textContent()).toBe('Waiting to send (3)')
      expect(await page.locator('#gk-panel .gk-list li[data-status="queued"]').count()).toBe(3)
      expect((await submitted()).length).toBe(before)

      // Back online: sent without a reload, each once.
      await server.start()
      await context.setOffline(false)
      await expectPanelState(page, 'sent', 'Sent ✓')
      await expect.poll(() => page.locator('#gk-outbox').isHidden()).toBe(true)
      await expect
        .poll(() => page.locator('#gk-panel .gk-list li[data-status="sent"]').count())
        .toBe(3)
      await page.screenshot({ path: path.join(screenshotDir(), 'form-offline-sent.png') })
      const rows = (await submitted()).slice(before)
      expect(rows.map((r) => JSON.parse(r.answers).code).sort()).toEqual(['FR-1', 'FR-2', 'FR-3'])
      expect(new Set(rows.map((r) => r.submission_key)).size).toBe(3)
      expect(rows.every((r) => r.region_id === 'FR-93')).toBe(true)
      expect(rows.every((r) => r.version === t.registry.get('example')?.version)).toBe(true)
      await context.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
