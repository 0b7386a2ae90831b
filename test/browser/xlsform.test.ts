// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertXlsForm } from '../../surveys/xlsform/index.ts'
import { writeWorkbook } from '../../surveys/xlsform/write.ts'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { openForm } from '../helpers/form-page.ts'
import { createTestApp, type TestApp } from '../helpers/test-app.ts'
import { sheet } from '../surveys/xlsform/helpers.ts'

// An XLSForm converted by Gapkit, served and filled as a partner would: its relevant column
// shows and hides questions, its constraint blocks a bad value with the form's own message.
const FORM = {
  survey: sheet([
    { type: 'select_one yn', name: 'member', label: 'Are you a member?', required: 'yes' },
    {
      type: 'integer',
      name: 'years',
      label: 'Years as a member',
      relevant: "${member} = 'yes'",
      required: 'yes',
      constraint: '. <= 60',
      constraint_message: 'At most 60 years',
    },
    { type: 'text', name: 'why_not', label: 'Why not?', relevant: "${member} = 'no'" },
    { type: 'select_one region', name: 'zone', label: 'Region' },
    {
      type: 'select_one cercle',
      name: 'cercle',
      label: 'Cercle',
      choice_filter: 'region = ${zone}',
    },
  ]),
  choices: sheet([
    { list_name: 'yn', name: 'yes', label: 'Yes' },
    { list_name: 'yn', name: 'no', label: 'No' },
    { list_name: 'region', name: 'segou', label: 'Ségou region' },
    { list_name: 'region', name: 'sikasso', label: 'Sikasso region' },
    { list_name: 'cercle', name: 'niono', label: 'Niono', region: 'segou' },
    { list_name: 'cercle', name: 'koutiala', label: 'Koutiala', region: 'sikasso' },
  ]),
  settings: sheet([{ form_title: 'Member check', form_id: 'member_check' }]),
}

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser

beforeAll(async () => {
  const converted = await convertXlsForm(await writeWorkbook(FORM))
  expect(converted.usable).toBe(true)
  t = await createTestApp({ [converted.id]: converted.json })
  server = await listen(t)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await t?.close()
})

describe('a converted XLSForm in Chromium', () => {
  it('follows the skip logic and the constraint the XLSForm specifies', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await openForm(page, `${server.url}/s/member-check?t=${t.partnerA}`)
    await expect
      .poll(() => page.locator('.sd-title').first().textContent())
      .toContain('Member check')
    const years = page.getByLabel('Years as a member')
    const whyNot = page.getByLabel('Why not?')
    expect(await years.count()).toBe(0)
    expect(await whyNot.count()).toBe(0)

    await page.getByText('No', { exact: true }).click()
    await whyNot.waitFor()
    expect(await years.count()).toBe(0)
    await page.getByText('Yes', { exact: true }).click()
    await years.waitFor()
    await expect.poll(() => whyNot.isVisible(), { timeout: 5000 }).toBe(false)

    // The choice filter: the cercles of the region chosen.
    await page.getByText('Sikasso region').click()
    await page.getByText('Koutiala').waitFor()
    expect(await page.getByText('Niono').isVisible()).toBe(false)
    await page.getByText('Koutiala').click()

    await years.fill('75')
    await years.blur()
    await page.getByRole('button', { name: 'Complete' }).click()
    await page.getByText('At most 60 years').waitFor()
    await page.screenshot({ path: path.join(screenshotDir(), 'xlsform-constraint.png') })
    expect(await t.count({ survey: 'member-check' })).toBeLessThanOrEqual(1)
    const early = await t.db.kysely.selectFrom('responses').select('status').execute()
    expect(early.map((r) => r.status)).not.toContain('submitted')

    await years.fill('12')
    await years.blur()
    await page.getByRole('button', { name: 'Complete' }).click()
    await page.waitForSelector('#gk-panel[data-view="done"]')
    await expect
      .poll(async () => {
        const rows = await t.db.kysely.selectFrom('responses').selectAll().execute()
        return rows.map((r) => [r.status, JSON.parse(r.answers)])
      })
      .toEqual([['submitted', { member: 'yes', years: 12, zone: 'sikasso', cercle: 'koutiala' }]])
    expect(errors).toEqual([])
    await context.close()
  })
})
