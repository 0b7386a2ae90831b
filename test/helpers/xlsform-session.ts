import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { convertFeatureForms, type FeatureForm } from '../surveys/xlsform/feature-forms.ts'
import { launchBrowser, listen, screenshotDir } from './browser.ts'
import { openForm } from './form-page.ts'
import { createTestApp, type TestApp } from './test-app.ts'

/**
 * Converted XLSForm workbooks served by the real app, and one Chromium page a partner fills
 * them in with, form after form.
 */
export interface XlsFormSession {
  t: TestApp
  page: Page
  /** Uncaught errors of the page so far. */
  errors: string[]
  /** Opens a form with partner A's link and waits until SurveyJS shows it. */
  open(id: string): Promise<void>
  /** A screenshot of the whole form, from its top, in screenshotDir(). */
  snap(name: string): Promise<void>
  /** The stored responses of a questionnaire: status, language and parsed answers. */
  stored(id: string): Promise<{ status: string; language: string; answers: unknown }[]>
  close(): Promise<void>
}

export async function startXlsFormSession(forms: FeatureForm[]): Promise<XlsFormSession> {
  const t = await createTestApp(await convertFeatureForms(forms))
  const server = await listen(t)
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  try {
    browser = await launchBrowser()
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 900, height: 1400 } })
  } catch (error) {
    await browser?.close()
    await server.close()
    await t.close()
    throw error
  }
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return {
    t,
    page,
    errors,
    async open(id) {
      await openForm(page, `${server.url}/s/${id}?t=${t.partnerA}`)
      await page.locator('.sd-question, .sd-html').first().waitFor()
    },
    async snap(name) {
      // From the top, so that the sticky language bar is where a person sees it.
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.screenshot({
        path: path.join(screenshotDir(), name),
        fullPage: true,
        animations: 'disabled',
      })
    },
    async stored(id) {
      const rows = await t.db.kysely
        .selectFrom('responses')
        .select(['status', 'language', 'answers'])
        .where('survey', '=', id)
        .execute()
      return rows.map((r) => ({ ...r, answers: JSON.parse(r.answers) as unknown }))
    },
    async close() {
      await browser?.close()
      await server.close()
      await t.close()
    },
  }
}

/**
 * Types an answer and leaves the field, as a person does: SurveyJS takes a text when its field
 * loses focus (a date filled while another field was still being left could be lost).
 */
export async function answer(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(fieldName(label))
  await field.fill(value)
  await field.blur()
  expect(await field.inputValue()).toBe(value)
}

/** A field's whole accessible name (a required question's ends with its asterisk). */
export function fieldName(label: string): RegExp {
  return new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`)
}

/** Waits until the response is stored as submitted and returns its answers. */
export async function submittedAnswers(session: XlsFormSession, id: string): Promise<unknown> {
  await session.page.waitForSelector('#gk-panel[data-view="done"]')
  await expect
    .poll(async () => (await session.stored(id)).map((r) => r.status))
    .toEqual(['submitted'])
  const [row] = await session.stored(id)
  return row?.answers
}
