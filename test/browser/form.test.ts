import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SurveyJson } from '../../surveys/types.ts'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { expectPanelState, fillAndSubmitExample, openForm } from '../helpers/form-page.ts'
import { createTestApp, FIXTURES, type TestApp } from '../helpers/test-app.ts'

/** The example questionnaire, and a copy of it that takes one response per link. */
function surveys(): Record<string, SurveyJson> {
  const json = JSON.parse(
    readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'),
  ) as SurveyJson
  const gapkit = json.gapkit as Record<string, unknown>
  return { example: json, ballot: { ...json, gapkit: { ...gapkit, onePerLink: true } } }
}

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser

beforeAll(async () => {
  t = await createTestApp(surveys())
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

    await openForm(page, `${server.url}/s/example?t=${t.partnerA}`)
    await expect
      .poll(() => page.locator('.sd-title').first().textContent())
      .toContain('Example ecosystem check')

    await page.selectOption('#gk-lang', 'fr')
    await expect
      .poll(() => page.locator('.sd-title').first().textContent())
      .toContain("Diagnostic d'écosystème")
    expect(await page.locator('#gk-lang-label').textContent()).toBe('Langue')

    await page.getByText('Institution de microfinance').click()
    await expect.poll(() => page.locator('#gk-status').textContent()).toMatch(/^Enregistr/)
    await page.locator('.sd-rating__item-text', { hasText: '4' }).first().click()
    await page.getByLabel("Code de l'organisation").fill('FR-7')
    await page.getByLabel("Code de l'organisation").blur()
    // The draft reaches the server (debounced) and the link now names the response.
    await page.waitForURL(/[?&]r=/)
    await expect
      .poll(() => page.locator('#gk-status').textContent())
      .toBe('Brouillon enregistré en ligne — pas encore envoyé')
    const drafts = await t.db.kysely.selectFrom('responses').selectAll().execute()
    expect(drafts.map((r) => r.status)).toEqual(['draft'])

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
    await expectPanelState(page, 'sent', 'Envoyé ✓')
    expect(await page.locator('#gk-panel .gk-thanks').textContent()).toContain('Merci')
    await page.screenshot({ path: path.join(screenshotDir(), 'form-example-fr-done.png') })

    const rows = await t.db.kysely.selectFrom('responses').selectAll().execute()
    expect(rows).toHaveLength(1)
    const row = rows[0]
    expect(row?.id).toBe(drafts[0]?.id)
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

    // Opening the link again says it was sent, and offers a new response.
    await openForm(page, `${server.url}/s/example?t=${t.partnerA}`)
    await expectPanelState(page, 'sent', 'Envoyé ✓')
    await page.getByRole('button', { name: 'Commencer une nouvelle réponse' }).click()
    await page.waitForSelector('body[data-view="form"]')
    await expect.poll(() => page.getByLabel("Code de l'organisation").inputValue()).toBe('')
    expect(external).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('can be answered before SurveyJS arrives, and hands those answers over to it', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    // SurveyJS held back, as on a slow link where its 300 KB take seconds.
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await context.route('**/survey.core.min.js', async (route) => {
      await held
      await route.continue()
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/s/example?t=${t.partnerA}`, { waitUntil: 'commit' })
    const early = page.locator('#gk-early')
    await early.waitFor()
    expect(await page.locator('#gk-loading-text').textContent()).toBe(
      'You can start answering: the rest of the form is still loading…',
    )
    await early.getByLabel('Bank').check()
    await early.locator('[data-q="satisfaction"]').getByLabel('2').check()
    await early.locator('[data-q="code"] input').fill('FR-9')
    await early.locator('[data-q="code"] input').focus()
    await page.screenshot({ path: path.join(screenshotDir(), 'form-early.png') })
    release()
    await page.waitForSelector('body[data-ready="true"]')
    await expect.poll(() => page.getByLabel('Organisation code').inputValue()).toBe('FR-9')
    expect(await page.locator('input[value="bank"]').isChecked()).toBe(true)
    expect(await page.locator('#gk-early').count()).toBe(0)
    // Kept on the device like any change, with its key made at this first edit.
    await expect.poll(() => page.locator('#gk-status').textContent()).toMatch(/^(Saved|Draft)/)
    const kept = await page.evaluate(async () => {
      const outbox = (window as unknown as { GapkitOutbox: { all(): Promise<unknown[]> } })
        .GapkitOutbox
      return outbox.all()
    })
    expect(kept).toMatchObject([
      { status: 'editing', answers: { stakeholder: 'bank', satisfaction: 2, code: 'FR-9' } },
    ])
    await context.close()
  })

  it('gives a resume link that opens the same draft on another device', async () => {
    const phone = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 390, height: 844 },
    })
    const page = await phone.newPage()
    await openForm(page, `${server.url}/s/example?t=${t.partnerB}`)
    await page.getByText('Public authority').click()
    await page.getByLabel('Organisation code').fill('SI-9')
    await page.getByRole('button', { name: 'Continue later' }).click()
    const field = page.locator('#gk-resume-url')
    await field.waitFor()
    const url = await field.inputValue()
    expect(url).toMatch(new RegExp(`^${server.url}/s/example\\?t=.+&r=`))
    await page.locator('#gk-qr:not([hidden])').waitFor()
    expect(await page.locator('#gk-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    await page.screenshot({ path: path.join(screenshotDir(), 'form-resume-390.png') })
    await phone.close()

    const laptop = await browser.newContext({ locale: 'en-GB' })
    const other = await laptop.newPage()
    await openForm(other, url)
    await expect.poll(() => other.getByLabel('Organisation code').inputValue()).toBe('SI-9')
    await expect.poll(() => other.locator('input[value="public"]').isChecked()).toBe(true)
    await laptop.close()
  })

  it('takes one response per link where the questionnaire says so', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await openForm(page, `${server.url}/s/ballot?t=${t.partnerB}`)
    await fillAndSubmitExample(page)
    await expectPanelState(page, 'sent', 'Sent ✓')
    expect(await page.getByRole('button', { name: 'Start a new response' }).count()).toBe(0)
    expect(await page.locator('#gk-panel .gk-note').textContent()).toBe(
      'This questionnaire takes one response per link.',
    )
    await context.close()

    // Another device: the server says the link has answered.
    const fresh = await browser.newContext({ locale: 'en-GB' })
    const again = await fresh.newPage()
    await openForm(again, `${server.url}/s/ballot?t=${t.partnerB}`)
    await expect
      .poll(() => again.locator('#gk-panel .gk-done-title').textContent())
      .toBe('A response has already been sent with this link.')
    expect(await again.getByRole('button', { name: 'Start a new response' }).count()).toBe(0)
    await fresh.close()
  })

  it('shows a clear page for a revoked or unknown link', async () => {
    const page = await browser.newPage()
    const res = await page.goto(`${server.url}/s/example?t=gkp_nope`)
    expect(res?.status()).toBe(401)
    await expect.poll(() => page.locator('main').textContent()).toContain('not valid')
    await page.close()
  })
})
