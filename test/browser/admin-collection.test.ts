import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../server/cli/demo.ts'
import { loadConfig } from '../../server/config.ts'
import { listTargets } from '../../server/db/repositories/targets.ts'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { createTestApp, type TestApp } from '../helpers/test-app.ts'

const SURVEY = 'microfinance-gap'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser
let context: BrowserContext
let page: Page
const errors: string[] = []
const external: string[] = []

beforeAll(async () => {
  t = await createTestApp()
  const config = loadConfig({ db: path.join(t.dir, 'test.db') })
  await loadDemo(
    { config, registry: t.registry, db: t.db },
    { responses: 60, seed: 1, print: () => {} },
  )
  server = await listen(t)
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(e.message))
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`)
    })
    p.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) external.push(r.url())
    })
  })
  page = await context.newPage()
}, 120_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await t?.close()
})

const shot = (p: Page, name: string, fullPage = true) =>
  p.screenshot({ path: path.join(screenshotDir(), `admin-${name}.png`), fullPage })

/** Submitted, not rejected responses of a region and wave. */
async function counted(region: string, wave: string): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey', '=', SURVEY)
    .where('region_id', '=', region)
    .where('wave', '=', wave)
    .where('status', '=', 'submitted')
    .where('review_status', '!=', 'rejected')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('the landing page', () => {
  it('says what Gapkit is and leads to the dashboard, in the browser’s language', async () => {
    const fr = await browser.newContext({ locale: 'fr-FR' })
    const p = await fr.newPage()
    await p.goto(`${server.url}/`)
    expect(await p.locator('h1').textContent()).toBe('Gapkit')
    expect(await p.locator('html').getAttribute('lang')).toBe('fr')
    await shot(p, 'landing-fr')
    await p.click('#ak-to-dashboard')
    await p.waitForURL(/\/admin\?lang=fr$/)
    expect(await p.locator('h1').textContent()).toBe('Connexion du partenaire chef de file')
    await fr.close()
  })
})

describe('collection targets on the progress page', () => {
  it('sets a target from the form and shows "n of N expected" with a meter', async () => {
    await page.goto(`${server.url}/admin?t=${t.admin}`)
    await page.waitForSelector('body[data-ready="true"]')
    const section = page.locator(`section[data-survey="${SURVEY}"]`)
    const row = section.locator('tr[data-region="FR-93"][data-wave="2025"]')
    await row.locator('button[data-set-target]').click()
    // The row's button opens the form on its region and wave.
    expect(await section.locator('details.ak-targets').getAttribute('open')).not.toBeNull()
    const form = section.locator('form.ak-target-form')
    expect(await form.locator('select[name="region"]').inputValue()).toBe('FR-93')
    expect(await form.locator('input[name="wave"]').inputValue()).toBe('2025')
    // A bad number is refused in the page, with nothing sent.
    await form.locator('input[name="expected"]').fill('0')
    await form.locator('button[type="submit"]').click()
    await expect
      .poll(() => section.locator('[data-target-status]').textContent())
      .toBe('Give a whole number of responses from 1 to 100000.')
    expect(await listTargets(t.db.kysely)).toEqual([])

    await form.locator('input[name="expected"]').fill('30')
    await form.locator('button[type="submit"]').click()
    await page.waitForLoadState('load')
    const status = page.locator(`section[data-survey="${SURVEY}"] [data-target-status]`)
    await expect
      .poll(() => status.textContent())
      .toBe('Target saved: Seine-Saint-Denis, wave 2025, 30 responses expected.')
    const n = await counted('FR-93', '2025')
    const cell = page.locator(
      `section[data-survey="${SURVEY}"] tr[data-region="FR-93"][data-wave="2025"] td[data-col="target"]`,
    )
    expect(await cell.locator('.ak-target-text').textContent()).toBe(`${n} of 30 expected`)
    expect(await cell.locator('meter').getAttribute('value')).toBe(String(n))
    expect(await listTargets(t.db.kysely)).toMatchObject([
      { survey: SURVEY, region_id: 'FR-93', wave: '2025', expected: 30 },
    ])
  })

  it('adds a row for a target no response has reached yet, and removes a target', async () => {
    const section = page.locator(`section[data-survey="${SURVEY}"]`)
    // Still open on this questionnaire after the reload that followed the last change.
    expect(await section.locator('details.ak-targets').getAttribute('open')).not.toBeNull()
    const form = section.locator('form.ak-target-form')
    await form.locator('select[name="region"]').selectOption('ML-KK')
    await form.locator('input[name="wave"]').fill('2027')
    await form.locator('input[name="expected"]').fill('12')
    await form.locator('button[type="submit"]').click()
    const row = page.locator(
      `section[data-survey="${SURVEY}"] tr[data-region="ML-KK"][data-wave="2027"]`,
    )
    await expect.poll(() => row.locator('.ak-target-text').textContent()).toBe('0 of 12 expected')
    const total = page.locator(`section[data-survey="${SURVEY}"] tfoot td[data-col="target"]`)
    const n = await counted('FR-93', '2025')
    expect(await total.textContent()).toBe(`${n} of 42 expected`)
    await shot(page, 'progress-targets')

    const remove = row.locator('button[data-remove-target]')
    await remove.click()
    await expect.poll(() => remove.textContent()).toBe('Confirm removal')
    await remove.click()
    await expect
      .poll(() =>
        page.locator(`section[data-survey="${SURVEY}"] [data-target-status]`).textContent(),
      )
      .toBe('Target removed: Koulikoro, wave 2027.')
    expect(
      await page
        .locator(`section[data-survey="${SURVEY}"] tr[data-region="ML-KK"][data-wave="2027"]`)
        .count(),
    ).toBe(0)
    expect((await listTargets(t.db.kysely)).map((x) => x.wave)).toEqual(['2025'])
  })

  it('shows the targets in French too', async () => {
    await page.goto(`${server.url}/admin?lang=fr`)
    await page.waitForSelector('body[data-ready="true"]')
    const n = await counted('FR-93', '2025')
    const cell = page.locator(
      `section[data-survey="${SURVEY}"] tr[data-region="FR-93"][data-wave="2025"] .ak-target-text`,
    )
    expect(await cell.textContent()).toBe(`${n} sur 30 attendues`)
  })
})

describe('QR codes of new partner links', () => {
  it('shows each new link with its QR code, and prints them for a workshop', async () => {
    await page.goto(`${server.url}/admin/partners?lang=fr`)
    await page.waitForSelector('body[data-ready="true"]')
    await page.selectOption('#ak-p-region', 'ML-KK')
    await page.fill('#ak-p-name', 'Atelier de co-conception, Bamako')
    await page.fill('#ak-p-group', 'coopératives')
    await page.click('#ak-partner-form button[type="submit"]')
    await page.waitForSelector('#ak-created:not([hidden])')
    const card = page.locator(`#ak-created-links li[data-survey="${SURVEY}"]`)
    const img = card.locator('img.ak-qr')
    expect(await img.getAttribute('alt')).toBe(
      "QR code du lien vers « Analyse des écarts de l'écosystème de la microfinance »",
    )
    // The SVG loads under the page's Content-Security-Policy.
    await expect
      .poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0)
    const url = (await card.locator('a.ak-url').textContent()) ?? ''
    expect(url).toMatch(new RegExp(`^${server.url}/s/${SURVEY}\\?t=gkp_`))
    await shot(page, 'partners-qr')
    await page.emulateMedia({ media: 'print' })
    // On paper: the cards only, each with the partner and region as text under the code.
    expect(await page.locator('.ak-top').isVisible()).toBe(false)
    expect(await page.locator('#ak-partner-form').isVisible()).toBe(false)
    expect(await page.locator('#ak-created-token').isVisible()).toBe(false)
    expect(await card.locator('.ak-print-only').textContent()).toBe(
      'Atelier de co-conception, Bamako · Koulikoro (ML-KK) · coopératives',
    )
    expect(await card.locator('.ak-print-only').isVisible()).toBe(true)
    await shot(page, 'partners-qr-print')
    await page.emulateMedia({ media: 'screen' })
  })
})

describe('the whole session', () => {
  it('made no external request and logged no error', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})
