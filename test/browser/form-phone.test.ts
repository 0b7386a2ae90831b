import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { openForm } from '../helpers/form-page.ts'
import { createTestApp, DEFINITIONS, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser
let phone: BrowserContext

beforeAll(async () => {
  t = await createTestApp(DEFINITIONS)
  server = await listen(t)
  browser = await launchBrowser()
  phone = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  })
})

afterAll(async () => {
  await phone?.close()
  await browser?.close()
  await server?.close()
  await t?.close()
})

interface FormWindow {
  GapkitForm: { model(): { currentPageNo: number; data: Record<string, unknown> } }
}

const goToPage = (page: Page, n: number) =>
  page.evaluate((no) => {
    ;(window as unknown as FormWindow).GapkitForm.model().currentPageNo = no
  }, n)
const answers = (page: Page) =>
  page.evaluate(() => (window as unknown as FormWindow).GapkitForm.model().data)
const width = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)

describe('the form on a 390 px phone', () => {
  it('shows the survey description on the first page only, and matrices row by row', async () => {
    const page = await phone.newPage()
    await openForm(page, `${server.url}/s/microfinance-gap?t=${t.partnerA}`)
    const description = page.locator('.sd-header__text .sd-description')
    await expect.poll(() => description.isVisible()).toBe(true)
    expect(await width(page)).toBeLessThanOrEqual(390)

    await goToPage(page, 1)
    await expect.poll(() => description.isVisible()).toBe(false)
    // SurveyJS's phone layout: each of the 14 rows a block with its title and its choices.
    expect(await page.locator('.sd-root-modern--mobile').count()).toBe(1)
    const matrix = page.locator('.sd-question', { hasText: 'Cadre politique' }).first()
    const rows = matrix.locator('tr.sd-table__row')
    expect(await rows.count()).toBe(14)
    const label = rows.first().locator('.sd-matrix__responsive-title').first()
    await expect.poll(() => label.isVisible()).toBe(true)
    expect(await width(page)).toBeLessThanOrEqual(390)
    await rows.nth(3).locator('.sd-matrix__label').nth(4).tap()
    const importance = (await answers(page)).importance as Record<string, unknown>
    expect(Object.values(importance)).toEqual([5])
    await page.screenshot({ path: path.join(screenshotDir(), 'form-phone-matrix.png') })
    await page.close()
  })

  it('orders a ranking by tapping, with instructions for touch in the form’s language', async () => {
    const page = await phone.newPage()
    await openForm(page, `${server.url}/s/codesign-challenge?t=${t.partnerA}`)
    await goToPage(page, 1)
    const question = page.locator('.sd-question', { hasText: 'Classez les défis' })
    await expect
      .poll(() => question.locator('.gk-rank-hint').textContent())
      .toContain('Touchez les éléments dans l’ordre')
    expect(await question.textContent()).toContain(
      'Touchez les éléments ci-dessous par ordre d’importance',
    )
    await question.getByText('Manque de garanties').tap()
    await question.getByText('Chocs climatiques').tap()
    await question.getByText('Revenus agricoles irréguliers').tap()
    await expect
      .poll(async () => (await answers(page)).priority_challenges)
      .toEqual(['no_collateral', 'climate_shocks', 'irregular_income'])
    await page.screenshot({ path: path.join(screenshotDir(), 'form-phone-ranking.png') })
    // A full ranking stays full: all seven must be ranked before going on.
    await page.getByRole('button', { name: 'Suivant' }).tap()
    await expect.poll(() => question.locator('.sd-question__erbox').count()).toBeGreaterThan(0)
    expect(await width(page)).toBeLessThanOrEqual(390)
    await page.close()
  })
})
