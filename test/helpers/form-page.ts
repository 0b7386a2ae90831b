import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { CHROMIUM_ARGS, chromiumPath } from '../../reports/report/render-pdf.ts'

type Fetch = (request: Request) => Response | Promise<Response>

/**
 * A loopback server whose app can be swapped (a new build) and which can be stopped and started
 * again on the same port (the origin, and so the service worker, stays the same).
 */
export interface SwitchableServer {
  url: string
  stop(): Promise<void>
  start(): Promise<void>
  swap(fetch: Fetch): void
}

export async function switchableServer(fetch: Fetch): Promise<SwitchableServer> {
  let handler = fetch
  let port = 0
  let server: ReturnType<typeof serve> | null = null
  const start = async () => {
    const s = serve({ fetch: (req: Request) => handler(req), port, hostname: '127.0.0.1' })
    await new Promise<void>((resolve, reject) => {
      s.once('listening', () => resolve())
      s.once('error', reject)
    })
    port = (s.address() as AddressInfo).port
    server = s
  }
  await start()
  return {
    get url() {
      return `http://127.0.0.1:${port}`
    },
    start,
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server
        server = null
        if (!s) return resolve()
        if ('closeAllConnections' in s) s.closeAllConnections()
        s.close(() => resolve())
      }),
    swap: (next) => {
      handler = next
    },
  }
}

/** Chromium with a profile folder: closing and launching it again is a browser restart. */
export async function launchPersistent(
  dir: string,
  options: { offline?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'en-GB',
    offline: options.offline ?? false,
  })
}

export function profileDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-profile-'))
}

/** Opens a form link and waits until the form (or its state panel) is on screen. */
export async function openForm(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"]')
}

/** Waits until the service worker keeps this link for use with no connection. */
export async function waitOfflineReady(page: Page): Promise<void> {
  await page.waitForSelector('#gk-offline:not([hidden])')
}

/** Fills the required answers of the example questionnaire (English) and submits them. */
export async function fillAndSubmitExample(
  page: Page,
  answers: { satisfaction?: number; code?: string } = {},
): Promise<void> {
  await page.locator('.sd-boolean .sd-boolean__label', { hasText: 'Yes' }).first().click()
  await page.getByText('Microfinance institution').click()
  await page
    .locator('.sd-rating__item-text', { hasText: String(answers.satisfaction ?? 4) })
    .first()
    .click()
  await page.getByLabel('Organisation code').fill(answers.code ?? 'FR-7')
  await page.getByLabel('Organisation code').blur()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Complete' }).click()
  await page.waitForSelector('#gk-panel[data-view="done"]')
}

/** The state the panel shows for the response just submitted (`queued`, `sent`, …). */
export async function expectPanelState(page: Page, state: string, text: string): Promise<void> {
  const title = page.locator('#gk-panel .gk-done-title')
  await expect
    .poll(() => title.getAttribute('data-state').catch(() => null), { timeout: 15_000 })
    .toBe(state)
  expect(await title.textContent()).toBe(text)
}
