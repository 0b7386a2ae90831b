import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../server/cli/demo.ts'
import { loadConfig } from '../../server/config.ts'
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
/** Paths of the API requests every page of the context made, in order. */
const requests: string[] = []

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
      else if (r.url().startsWith(`${server.url}/api/`)) requests.push(new URL(r.url()).pathname)
    })
  })
  page = await context.newPage()
  await page.goto(`${server.url}/admin?t=${t.admin}`)
  await page.waitForSelector('body[data-ready="true"]')
}, 120_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await t?.close()
})

const shot = (p: Page, name: string, fullPage = true) =>
  p.screenshot({ path: path.join(screenshotDir(), `admin-${name}.png`), fullPage })

/** The analysis document and chart list requests made since `from`. */
const analysisRequests = (from: number) =>
  requests.slice(from).filter((p) => /\/(analysis|charts)$/.test(p))

describe('the responses table in Chromium', () => {
  it('shows short ids that tell apart responses stored in the same minute', async () => {
    await page.goto(`${server.url}/admin/surveys/${SURVEY}`)
    await page.waitForSelector('#ak-rows tr[data-response]')
    const ids = await page.locator('#ak-rows tr[data-response]').evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-response') ?? '',
        short: r.querySelector('code')?.textContent ?? '',
      })),
    )
    expect(ids.length).toBe(25)
    // The demo stores its responses within seconds: the ids' time prefix is the same.
    expect(new Set(ids.map((r) => r.id.slice(0, 8))).size).toBe(1)
    expect(new Set(ids.map((r) => r.short)).size).toBe(ids.length)
    for (const r of ids) expect(r.id.replace(/-/g, '').endsWith(r.short)).toBe(true)
  })

  it('shows choice labels, not codes, in the summaries', async () => {
    const summaries = await page.locator('#ak-rows tr[data-response] .ak-summary').allTextContents()
    const gap = summaries.filter((s) => s.includes('stakeholder_type'))
    expect(gap.length).toBeGreaterThan(0)
    for (const s of gap) expect(s).not.toMatch(/stakeholder_type: [a-z_]+(;|$)/)
  })

  it('updates a reviewed row at once, without refetching the analysis or the charts', async () => {
    // The analysis panel is below the table, out of view: nothing is computed for it yet.
    await page.evaluate(() => window.scrollTo(0, 0))
    const from = requests.length
    const row = page.locator('#ak-rows tr[data-review="pending"]').first()
    const id = (await row.getAttribute('data-response')) ?? ''
    await row.locator('button[data-act="approved"]').click()
    const updated = page.locator(`#ak-rows tr[data-response="${id}"]`)
    await expect.poll(() => updated.getAttribute('data-review')).toBe('approved')
    await expect.poll(() => updated.locator('.ak-badge.ak-approved').textContent()).toBe('Approved')
    // The button keeps the keyboard focus in the redrawn row.
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('tr')?.getAttribute('data-response'),
      ),
    ).toBe(id)
    const reject = page.locator('#ak-rows tr[data-review="pending"]').first()
    await reject.locator('button[data-act="rejected"]').click()
    await expect.poll(() => page.locator('#ak-rows tr[data-review="rejected"]').count()).toBe(1)
    // Only the review itself went to the server: no reload of the rows, no analysis.
    await page.waitForTimeout(800)
    const made = requests.slice(from)
    expect(made.filter((p) => p.endsWith('/reviews'))).toHaveLength(2)
    expect(made.filter((p) => p.startsWith('/api/admin/surveys/'))).toEqual([])
    expect(analysisRequests(from)).toEqual([])

    // Scrolled into view, the analysis loads once, with the reviews counted.
    await page.locator('#ak-analysis').scrollIntoViewIfNeeded()
    await page.waitForSelector('#ak-groups tr[data-group]')
    await expect.poll(() => analysisRequests(from).length).toBe(2)
    const inView = requests.length
    // Reviews made while it is in view reload it once, after the last of them.
    await page.locator('#ak-a-approved').scrollIntoViewIfNeeded()
    const ids = await page
      .locator('#ak-rows tr[data-review="pending"]')
      .evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-response') ?? ''))
    await page.evaluate(async (list) => {
      for (const id of list) {
        const button = document.querySelector(
          `#ak-rows tr[data-response="${id}"] button[data-act="approved"]`,
        )
        if (button instanceof HTMLButtonElement) button.click()
        await new Promise((r) => setTimeout(r, 50))
      }
    }, ids)
    await expect.poll(() => page.locator('#ak-rows tr[data-review="approved"]').count()).toBe(4)
    await expect.poll(() => analysisRequests(inView).length, { timeout: 5000 }).toBe(2)
    await page.waitForTimeout(800)
    expect(analysisRequests(inView)).toHaveLength(2)
  })
})

describe('the responses download', () => {
  it('says what the file holds and offers codes or labels, commas or semicolons', async () => {
    await page.goto(`${server.url}/admin/surveys/${SURVEY}`)
    await page.waitForSelector('body[data-ready="true"]')
    const includes = page.locator('#ak-download-includes')
    expect(await includes.textContent()).toBe(
      'This file holds submitted responses, not rejected, all waves, all regions, answers as codes.',
    )
    const href = async () =>
      new URL((await page.locator('#ak-download').getAttribute('href')) ?? '', server.url)
    expect((await href()).search).toBe('?format=csv&status=submitted&review=not-rejected')

    await page.selectOption('#ak-d-format', 'csv;')
    await page.selectOption('#ak-d-region', 'FR-93')
    await page.selectOption('#ak-d-values', 'fr')
    expect(await includes.textContent()).toBe(
      'This file holds submitted responses, not rejected, all waves, Seine-Saint-Denis only, answers as labels in French, separated by semicolons with decimal commas.',
    )
    const url = await href()
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'csv',
      status: 'submitted',
      review: 'not-rejected',
      region: 'FR-93',
      labels: 'fr',
      delimiter: ';',
    })
    // The file is what the sentence says: FR-93's submitted responses that are not rejected.
    const text = await page.evaluate(
      async (u) => (await fetch(u)).text(),
      url.pathname + url.search,
    )
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^\uFEFF?id;survey;version;region;region_name;/)
    const expected = await t.db.kysely
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('survey', '=', SURVEY)
      .where('region_id', '=', 'FR-93')
      .where('status', '=', 'submitted')
      .where('review_status', '!=', 'rejected')
      .executeTakeFirstOrThrow()
    expect(lines.length - 1).toBe(Number(expected.n))
    expect(text).toContain(';Seine-Saint-Denis;')

    await page.selectOption('#ak-d-format', 'json')
    expect(await page.locator('#ak-d-values').isDisabled()).toBe(true)
    expect(await includes.textContent()).toContain('answers as stored (codes).')
    await page.locator('#ak-downloads').scrollIntoViewIfNeeded()
    await page.selectOption('#ak-d-format', 'csv;')
    await page.locator('#ak-downloads').scrollIntoViewIfNeeded()
    await shot(page, 'survey-downloads', false)
  })
})

describe('the whole session', () => {
  it('made no external request and logged no error', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})
