import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { createTestApp, DEFINITIONS, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser

beforeAll(async () => {
  t = await createTestApp(DEFINITIONS)
  server = await listen(t)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await t?.close()
})

const surveys = fs
  .readdirSync(DEFINITIONS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => path.basename(f, '.json'))
  .sort()

describe('every shipped questionnaire in Chromium', () => {
  for (const id of surveys) {
    for (const lang of ['en', 'fr']) {
      it(`renders ${id} in ${lang} without console errors`, async () => {
        const page = await browser.newPage({ viewport: { width: 900, height: 1200 } })
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text())
        })
        const res = await page.goto(`${server.url}/s/${id}?t=${t.partnerA}&lang=${lang}`)
        expect(res?.status()).toBe(200)
        await page.waitForSelector('body[data-ready="true"]')
        await page.waitForSelector('.sd-question')
        const title = t.registry.get(id)?.title(lang) ?? ''
        await expect.poll(() => page.locator('.sd-title').first().textContent()).toContain(title)
        expect(await page.locator('html').getAttribute('lang')).toBe(lang)
        await page.screenshot({
          path: path.join(screenshotDir(), `questionnaire-${id}-${lang}.png`),
          fullPage: true,
        })
        expect(errors).toEqual([])
        await page.close()
      })
    }
  }
})
