import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { createTestApp, FIXTURES, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'))
  server = await listen(t)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await t?.close()
})

describe('the partner form in Chromium', () => {
  it('switches to French, keeps answers across a reload, submits, and stores them', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    const errors: string[] = []
    const external: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) external.push(r.url())
    })

    await page.goto(`${server.url}/s/example?t=${t.partnerA}`)
    await page.waitForSelector('body[data-ready="true"]')
    await expect
      .poll(() => page.locator('.sd-title').first().textContent())
      .toContain('Example ecosystem check')

    await page.selectOption('#gk-lang', 'fr')
    await expect
      .poll(() => page.locator('.sd-title').first().textContent())
      .toContain("Diagnostic d'écosystème")

    await page.getByText('Institution de microfinance').click()
    await page.locator('.sd-rating__item-text', { hasText: '4' }).first().click()
    await page.getByLabel("Code de l'organisation").fill('FR-7')
    await page.getByLabel("Code de l'organisation").blur()
    // The draft reaches the server (debounced) and the link now names the response.
    await page.waitForURL(/[?&]r=/)
    await expect.poll(() => page.locator('#gk-status').textContent()).toBe('Enregistré')

    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    await expect.poll(() => page.locator('#gk-lang').inputValue()).toBe('fr')
    await expect.poll(() => page.getByLabel("Code de l'organisation").inputValue()).toBe('FR-7')
    await expect.poll(() => page.locator('input[value="mfi"]').isChecked()).toBe(true)

    // Consent is required: the switch, labelled in French.
    await page.locator('.sd-boolean .sd-boolean__label', { hasText: 'Oui' }).first().click()
    await page.screenshot({
      path: path.join(screenshotDir(), 'form-example-fr-page1.png'),
      fullPage: true,
    })
    await page.getByRole('button', { name: 'Suivant' }).click()
    await page.getByRole('button', { name: 'Terminer' }).click()
    await expect
      .poll(() => page.locator('.sd-completedpage, .sv_completed_page').first().textContent())
      .toContain('Merci')
    await page.screenshot({ path: path.join(screenshotDir(), 'form-example-fr-done.png') })

    const rows = await t.db.kysely.selectFrom('responses').selectAll().execute()
    expect(rows).toHaveLength(1)
    const row = rows[0]
    expect(row?.status).toBe('submitted')
    expect(row?.region_id).toBe('FR-93')
    expect(row?.language).toBe('fr')
    expect(row?.version).toBe(t.registry.get('example')?.version)
    expect(JSON.parse(row?.answers ?? '{}')).toMatchObject({
      stakeholder: 'mfi',
      satisfaction: 4,
      code: 'FR-7',
      consent: true,
    })
    expect(external).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows a clear page for a revoked or unknown link', async () => {
    const page = await browser.newPage()
    const res = await page.goto(`${server.url}/s/example?t=gkp_nope`)
    expect(res?.status()).toBe(401)
    await expect.poll(() => page.locator('main').textContent()).toContain('not valid')
    await page.close()
  })
})
