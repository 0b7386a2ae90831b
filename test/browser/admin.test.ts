import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
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
let context: BrowserContext
const errors: string[] = []
const external: string[] = []

beforeAll(async () => {
  t = await createTestApp()
  const config = loadConfig({ db: path.join(t.dir, 'test.db') })
  await loadDemo(
    { config, registry: t.registry, db: t.db },
    { responses: 60, seed: 1, print: () => {} },
  )
  // The chart routes embed live in the analysis view; mount them if the app does not yet.
  if (!t.app.routes.some((r) => r.path === '/api/surveys/:id/charts')) {
    t.app.route('/api/surveys', chartRoutes({ db: t.db.kysely, registry: t.registry }))
  }
  server = await listen(t)
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
  context.on('page', watch)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await t?.close()
})

function watch(page: Page) {
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`)
  })
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) external.push(r.url())
  })
}

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(screenshotDir(), `admin-${name}.png`), fullPage })

async function submittedCount(region: string): Promise<number> {
  return Number(
    (
      await t.db.kysely
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('survey', '=', SURVEY)
        .where('region_id', '=', region)
        .where('status', '=', 'submitted')
        .executeTakeFirstOrThrow()
    ).n,
  )
}

// The analysis loads when its panel is in view: look at it, then read.
const groupN = async (page: Page, region: string) => {
  await page.locator('#ak-groups').scrollIntoViewIfNeeded()
  return page.locator(`#ak-groups tr[data-group="${region}"] .ak-n`).textContent()
}

describe('the lead-partner dashboard in Chromium', () => {
  let page: Page

  it('signs in from the admin link and drops the token from the address', async () => {
    page = await context.newPage()
    await page.goto(`${server.url}/admin?t=${t.admin}`)
    await page.waitForSelector('body[data-ready="true"]')
    expect(page.url()).toBe(`${server.url}/admin`)
    const cookie = (await context.cookies()).find((c) => c.name === 'gapkit_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
  })

  it('shows the demo progress per region, with its chart', async () => {
    const section = page.locator(`section[data-survey="${SURVEY}"]`)
    const fr = await section
      .locator('tr[data-region="FR-93"] td[data-col="submitted"]')
      .allTextContents()
    expect(fr.reduce((s, n) => s + Number(n), 0)).toBe(await submittedCount('FR-93'))
    expect(await section.locator('tfoot td[data-col="submitted"]').textContent()).toBe(
      String(await t.count({ survey: SURVEY })),
    )
    await page.waitForSelector('#ak-progress-chart svg .mark-rect path')
    await shot(page, 'progress-desktop')
  })

  it('approves and rejects responses, one by one and in bulk, and the analysis follows', {
    timeout: 120_000,
  }, async () => {
    await page.click(`a[href^="/admin/surveys/${SURVEY}"]`)
    await page.waitForSelector('body[data-ready="true"]')
    const before = await submittedCount('FR-93')
    // The analysis shows the latest wave by default; these counts are over every wave.
    await page.selectOption('#ak-a-wave', 'all')
    await expect.poll(() => groupN(page, 'FR-93')).toBe(String(before))

    await page.selectOption('#ak-f-region', 'FR-93')
    await expect.poll(() => page.locator('#ak-rows tr[data-response]').count()).toBe(before)
    const note = '<b>duplicate</b> of another answer'
    await page.fill('#ak-note', note)
    const first = page.locator('#ak-rows tr[data-response]').first()
    const rejectedId = await first.getAttribute('data-response')
    await first.locator('button[data-act="rejected"]').click()
    const rejectedRow = page.locator(`#ak-rows tr[data-response="${rejectedId}"]`)
    await expect.poll(() => rejectedRow.getAttribute('data-review')).toBe('rejected')
    // The hostile note is shown as text, never as markup.
    expect(await rejectedRow.locator('.ak-note').textContent()).toBe(note)
    expect(await rejectedRow.locator('b').count()).toBe(0)
    await expect.poll(() => groupN(page, 'FR-93')).toBe(String(before - 1))
    // The note went with that decision only: the field is empty for the next one.
    expect(await page.inputValue('#ak-note')).toBe('')

    const pending = page.locator('#ak-rows tr[data-review="pending"]')
    const ids = [
      await pending.nth(0).getAttribute('data-response'),
      await pending.nth(1).getAttribute('data-response'),
    ]
    for (const id of ids) await page.check(`#ak-rows input[data-id="${id}"]`)
    await expect.poll(() => page.locator('#ak-selected').textContent()).toBe('2 selected')
    await page.click('#ak-bulk-approve')
    for (const id of ids) {
      await expect
        .poll(() => page.locator(`#ak-rows tr[data-response="${id}"]`).getAttribute('data-review'))
        .toBe('approved')
    }
    await page.check('#ak-a-approved')
    await expect.poll(() => groupN(page, 'FR-93')).toBe('2')
    // The same through the analysis API, authenticated by the session cookie alone.
    const viaApi = await page.evaluate(async (url) => {
      const res = await fetch(url)
      const doc = (await res.json()) as { groups: { key: string; n: number }[] }
      return doc.groups.find((g) => g.key === 'FR-93')?.n
    }, `/api/surveys/${SURVEY}/analysis?review=approved`)
    expect(viaApi).toBe(2)
    const rows = await t.db.kysely
      .selectFrom('responses')
      .select(['id', 'review_status', 'review_note'])
      .where('review_status', '!=', 'pending')
      .orderBy('id')
      .execute()
    expect(rows).toHaveLength(3)
    expect(rows.find((r) => r.id === rejectedId)).toMatchObject({
      review_status: 'rejected',
      review_note: note,
    })
    // The approvals after it carry no note: it belonged to the rejection.
    expect(rows.filter((r) => r.id !== rejectedId).map((r) => r.review_note)).toEqual([null, null])
    await page.uncheck('#ak-a-approved')
    await expect.poll(() => groupN(page, 'FR-93')).toBe(String(before - 1))
    await page.locator('#ak-charts').scrollIntoViewIfNeeded()
    await page.waitForSelector('#ak-charts figure.ak-rendered svg')
    const progress = page.locator('figure[data-chart$=".response-progress.all"]')
    await expect.poll(() => progress.getAttribute('class')).toContain('ak-rendered')
    await shot(page, 'survey-desktop')
  })

  it('picks the waves of the analysis: the latest by default, all, or a comparison', {
    timeout: 120_000,
  }, async () => {
    const note = () => page.locator('#ak-waves-note').textContent()
    const caption = (id: string) => page.locator(`figure[data-chart$="${id}"] figcaption`)
    await page.selectOption('#ak-a-wave', '')
    await page.locator('#ak-analysis').scrollIntoViewIfNeeded()
    await expect.poll(note).toBe('Figures: wave 2025. Wave comparison: 2024 → 2025.')
    // The two slope charts tell their kind of gap apart; every other title states its wave.
    await expect
      .poll(() => caption('.gap-slope.ipa').textContent())
      .toBe('Importance − performance gaps: wave 2024 → 2025')
    expect(await caption('.gap-slope.maturity').textContent()).toBe(
      'Maturity gaps, target − today: wave 2024 → 2025',
    )
    expect(await caption('.gap-heatmap.all').textContent()).toMatch(/\(wave 2025\)$/)
    // The consent box is no grouping (gapkit.groupBy).
    const groupings = await page
      .locator('#ak-a-by option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    expect(groupings).toEqual([
      'region',
      'wave',
      'stakeholder_type',
      'experience',
      'guarantee_scheme',
    ])

    // The first response of wave 2026 (the partner links' wave) arrives.
    const answers = await t.db.kysely
      .selectFrom('responses')
      .select('answers')
      .where('survey', '=', SURVEY)
      .where('status', '=', 'submitted')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const res = await t.send('POST', `/api/surveys/${SURVEY}/responses`, t.partnerB, {
      answers: JSON.parse(answers.answers),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    await page.selectOption('#ak-a-wave', 'all')
    await expect
      .poll(note)
      .toBe(
        'Figures: all waves. Wave comparison: 2024 → 2025. Wave 2026 has 1 response so far and is not compared yet: a wave needs at least 5 respondents who answered both sides of a dimension.',
      )
    await page.selectOption('#ak-a-waves', '2025,2026')
    await expect
      .poll(note)
      .toBe(
        'Figures: all waves. Wave 2026 has 1 response so far: the waves asked for cannot be compared yet, each needs at least 5 respondents who answered both sides of a dimension.',
      )
    await expect.poll(() => page.locator('#ak-charts figure').count()).toBeGreaterThan(5)
    expect(await page.locator('#ak-charts figure[data-chart*=".gap-slope."]').count()).toBe(0)
    await page.locator('#ak-analysis-title').evaluate((h) => h.scrollIntoView())
    await shot(page, 'analysis-waves', false)
    await page.selectOption('#ak-a-waves', '')
  })

  it('revokes a partner link, and its next submission is refused', async () => {
    const submit = () =>
      fetch(`${server.url}/api/surveys/${SURVEY}/responses`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.partnerA}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers: {}, draft: true }),
      })
    expect((await submit()).status).toBe(201)
    await page.click('nav a[href^="/admin/partners"]')
    await page.waitForSelector('body[data-ready="true"]')
    const row = page.locator('#ak-partners tr', {
      has: page.locator('th', { hasText: /^Partner A$/ }),
    })
    await row.locator('button[data-revoke]').click()
    await expect.poll(() => row.locator('button[data-revoke]').textContent()).toBe('Confirm revoke')
    await row.locator('button[data-revoke]').click()
    await expect.poll(() => row.locator('.ak-badge').textContent()).toMatch(/^Revoked/)
    expect((await submit()).status).toBe(401)

    // A new link for a new region: the token is shown once, and works.
    await page.selectOption('#ak-p-region', '')
    await page.fill('#ak-p-region-id', 'TEST-1')
    await page.fill('#ak-p-region-name', 'Test <region>')
    await page.fill('#ak-p-name', 'New partner')
    await page.click('#ak-partner-form button[type="submit"]')
    await page.waitForSelector('#ak-created:not([hidden])')
    const token = (await page.locator('#ak-created-token').textContent()) ?? ''
    expect(token).toMatch(/^gkp_/)
    await expect.poll(() => page.locator('#ak-partners').textContent()).toContain('Test <region>')
    const res = await fetch(`${server.url}/api/surveys`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
    await shot(page, 'partners-desktop')
  })

  it('works on a phone screen, in French', { timeout: 90_000 }, async () => {
    const phone = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    phone.on('page', watch)
    const mobile = await phone.newPage()
    await mobile.goto(`${server.url}/admin?t=${t.admin}`)
    await mobile.waitForSelector('body[data-ready="true"]')
    expect(await mobile.locator('h1').textContent()).toBe('Avancement de la collecte')
    await mobile.waitForSelector('#ak-progress-chart svg')
    const width = () => mobile.evaluate(() => document.documentElement.scrollWidth)
    expect(await width()).toBeLessThanOrEqual(390)
    await shot(mobile, 'progress-phone', false)
    await mobile.goto(`${server.url}/admin/surveys/${SURVEY}`)
    await mobile.waitForSelector('#ak-rows tr[data-response]')
    await mobile.locator('#ak-charts').scrollIntoViewIfNeeded()
    await mobile.waitForSelector('#ak-charts svg')
    expect(await width()).toBeLessThanOrEqual(390)
    // The table scrolls inside its box instead of widening the page.
    const table = await mobile.evaluate(() => {
      const box = document.querySelector('#ak-responses .ak-scroll')
      return box ? box.scrollWidth > box.clientWidth : false
    })
    expect(table).toBe(true)
    await shot(mobile, 'survey-phone', false)
    await mobile.locator('#ak-analysis').scrollIntoViewIfNeeded()
    await shot(mobile, 'analysis-phone', false)
    await mobile.click('a[hreflang="en"]')
    await mobile.waitForSelector('body[data-ready="true"]')
    expect(await mobile.locator('#ak-responses-title').textContent()).toBe('Responses')
    await phone.close()
  })

  it('documents the API on a page rendered from openapi.json', async () => {
    await page.goto(`${server.url}/api/docs`)
    await page.waitForSelector('body[data-ready="true"]')
    const paths = await page.locator('.ak-path').allTextContents()
    expect(paths).toContain('/api/admin/partners/{id}')
    expect(paths).toContain('/api/surveys/{id}/charts/{chart}')
    await shot(page, 'api-docs')
  })

  it('made no external request and logged no error', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})
