/**
 * The questionnaire page of the dashboard in Slovenian (its words run longer than English, as
 * Swedish and Romanian ones do) on a desktop and a phone: the scripts' strings are Slovenian
 * too, and nothing sticks out of the page or of its cards. Tables and charts scroll inside
 * their own boxes by design; everything else must fit.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../server/cli/demo.ts'
import { loadConfig } from '../../server/config.ts'
import { chartRoutes } from '../../server/routes/charts.ts'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { createTestApp, type TestApp } from '../helpers/test-app.ts'

const SURVEY = 'microfinance-gap'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser
const errors: string[] = []

beforeAll(async () => {
  t = await createTestApp()
  const config = loadConfig({ db: path.join(t.dir, 'test.db') })
  await loadDemo(
    { config, registry: t.registry, db: t.db },
    { responses: 60, seed: 1, print: () => {} },
  )
  if (!t.app.routes.some((r) => r.path === '/api/surveys/:id/charts')) {
    t.app.route('/api/surveys', chartRoutes({ db: t.db.kysely, registry: t.registry }))
  }
  server = await listen(t)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await t?.close()
})

/** The survey page in Slovenian, signed in, once its rows, charts and downloads are drawn. */
async function openSlovenian(width: number): Promise<Page> {
  const context = await browser.newContext({
    locale: 'sl-SI',
    viewport: { width, height: 900 },
    ...(width < 500 ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  })
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`)
  })
  await page.goto(`${server.url}/admin/surveys/${SURVEY}?t=${t.admin}`)
  await page.waitForSelector('body[data-ready="true"]')
  await page.waitForSelector('#ak-rows tr[data-response]')
  await page.locator('#ak-analysis').scrollIntoViewIfNeeded()
  await page.waitForSelector('#ak-groups tr[data-group]')
  await page.waitForSelector('#ak-charts figure.ak-rendered svg')
  await page.locator('#ak-downloads').scrollIntoViewIfNeeded()
  await page.waitForSelector('#ak-publications tbody td')
  await page.evaluate(() => window.scrollTo(0, 0))
  return page
}

/**
 * Elements that stick out: past the page's width, or past the card they are in. What a
 * table's or a chart's scrolling box holds is left out (it scrolls by design).
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`
    const out: string[] = []
    for (const el of document.querySelectorAll('body *')) {
      if (el.parentElement?.closest('.ak-scroll, .ak-chart') || el.closest('.ak-sr, script')) {
        continue
      }
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.right > width + 1 || box.left < -1) out.push(`${name(el)} past the page`)
      const card = el.parentElement?.closest('.ak-card')
      if (card && box.right > card.getBoundingClientRect().right + 1) {
        out.push(`${name(el)} past its card`)
      }
    }
    if (document.documentElement.scrollWidth > width)
      out.push(`page ${document.documentElement.scrollWidth} px wide`)
    return out
  })
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir(), `admin-${name}.png`), fullPage: true })

describe('the questionnaire page in Slovenian', () => {
  it('speaks Slovenian in the page and its scripts, and fits a 1280 px screen', {
    timeout: 120_000,
  }, async () => {
    const page = await openSlovenian(1280)
    expect(await page.locator('html').getAttribute('lang')).toBe('sl')
    expect(await page.locator('#ak-responses-title').textContent()).toBe('Odgovori')
    expect(await page.locator('#ak-page-info').textContent()).toMatch(
      /^Stran 1 od \d+ · število odgovorov: \d+$/,
    )
    expect(await page.locator('#ak-selected').textContent()).toBe('Izbrano: 0')
    expect(await page.locator('#ak-rows button[data-act="approved"]').first().textContent()).toBe(
      'Odobri',
    )
    expect(await page.locator('#ak-waves-note').textContent()).toMatch(/^Rezultati: val /)
    expect(await page.locator('#ak-download-includes').textContent()).toMatch(/^Datoteka vsebuje /)
    expect(await page.locator('#ak-publications tbody').textContent()).toBe('Ni objavljeno.')
    await shot(page, 'sl-survey-1280')
    expect(await overflowing(page)).toEqual([])
    await page.context().close()
  })

  it('fits a 390 px phone: nothing past the page or its cards', {
    timeout: 120_000,
  }, async () => {
    const page = await openSlovenian(390)
    await shot(page, 'sl-survey-390')
    expect(await overflowing(page)).toEqual([])
    await page.context().close()
  })

  it('logged no error', () => {
    expect(errors).toEqual([])
  })
})
