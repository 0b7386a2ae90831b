import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../../reports/report/render-pdf.ts'
import type { TestApp } from './test-app.ts'

const CHROMIUM = chromiumPath()

/** Debian's Chromium, headless, with no background network (never a downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  })
}

/** Serves a test app on a free loopback port. */
export async function listen(t: TestApp): Promise<{ url: string; close(): Promise<void> }> {
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Where tests leave screenshots for a person to look at (git-ignored). */
export function screenshotDir(): string {
  const dir = 'test-output/screenshots'
  fs.mkdirSync(dir, { recursive: true })
  return dir
}
