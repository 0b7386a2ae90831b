import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORM_TEXT } from '../../server/form/text.ts'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { expectPanelState, openForm, waitOfflineReady } from '../helpers/form-page.ts'
import { exampleInFrench, frenchXlsForm } from '../helpers/french-forms.ts'
import { createTestApp, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser

beforeAll(async () => {
  const { locale: _, ...example } = exampleInFrench()
  t = await createTestApp({
    example,
    epargne: await frenchXlsForm(),
    'example-fr': exampleInFrench(),
  })
  server = await listen(t)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await t?.close()
})

/** SurveyJS's own English buttons, and ours. */
const ENGLISH_BUTTONS = ['Next', 'Previous', 'Complete', 'Continue later']

/**
 * Our English strings that French says differently, cut at their first `{…}`: none may show on
 * a French page.
 */
const ENGLISH = Object.entries(FORM_TEXT.en)
  .filter(([key, text]) => FORM_TEXT.fr[key as keyof typeof FORM_TEXT.fr] !== text)
  .map(([, text]) => (text.split('{')[0] ?? '').trim())
  .filter((text) => text.length >= 4)

/** Every visible text of the page: its words and its buttons (SurveyJS's are inputs). */
function visibleTexts(page: Page) {
  return page.evaluate(() => {
    const shown = (e: Element) => (e as HTMLElement).offsetParent !== null
    const buttons = [...document.querySelectorAll('button, input[type="button"]')]
      .filter(shown)
      .map((b) => ((b as HTMLInputElement).value || b.textContent || '').trim())
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees
    return { text: document.body.innerText, buttons }
  })
}

/** Fails naming the first English string of ours, or English button, on screen. */
async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const { text, buttons } = await visibleTexts(page)
  const lines = text.split('\n').map((l) => l.trim())
  const found = ENGLISH.filter((e) =>
    e.length >= 10 ? text.includes(e) : lines.some((l) => l === e || l.startsWith(`${e} `)),
  )
  expect(found, `${where}: ${text}`).toEqual([])
  expect(
    buttons.filter((b) => ENGLISH_BUTTONS.includes(b) || ENGLISH.includes(b)),
    where,
  ).toEqual([])
}

/** Long enough for a debounced draft save or a send after the connection returns. */
const WAIT = { timeout: 15_000 }

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir(), name), fullPage: true })

describe('the partner form’s own strings in the language chosen', () => {
  it('follow a switch to French at once: status, Continue later, its panel, the outbox states', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await openForm(page, `${server.url}/s/example?t=${t.partnerA}`)
    await waitOfflineReady(page)
    await page.getByText('Microfinance institution').click()
    await expect
      .poll(() => page.locator('#gk-status').textContent(), WAIT)
      .toBe('Draft saved online — not sent yet')
    expect(await page.getByRole('button', { name: 'Continue later' }).count()).toBe(1)

    await page.selectOption('#gk-lang', 'fr')
    await expect
      .poll(() => page.locator('#gk-status').textContent())
      .toBe('Brouillon enregistré en ligne — pas encore envoyé')
    await page.getByRole('button', { name: 'Continuer plus tard' }).waitFor({ timeout: 10_000 })
    await page.getByRole('button', { name: 'Suivant' }).waitFor()
    expect(await page.locator('#gk-lang-label').textContent()).toBe('Langue')
    expect(await page.locator('#gk-offline').textContent()).toBe('Disponible hors ligne')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    expect(await page.title()).toBe("Diagnostic d'écosystème (exemple)")
    await expectNoEnglish(page, 'the form')
    await shot(page, 'form-languages-fr-form.png')

    // The resume panel, in French, and in whichever language is picked while it is open.
    await page.getByRole('button', { name: 'Continuer plus tard' }).click()
    await page.locator('#gk-resume-url').waitFor()
    expect(await page.locator('#gk-panel h2').textContent()).toBe('Continuer sur un autre appareil')
    await page.getByRole('button', { name: 'Copier le lien' }).waitFor()
    await expectNoEnglish(page, 'the resume panel')
    await shot(page, 'form-languages-fr-resume.png')
    await page.selectOption('#gk-lang', 'en')
    await page.getByRole('button', { name: 'Copy link' }).waitFor()
    expect(await page.locator('#gk-panel h2').textContent()).toBe('Continue on another device')
    await page.selectOption('#gk-lang', 'fr')
    await page.getByRole('button', { name: 'Retour au formulaire' }).click()
    await page.waitForSelector('body[data-view="form"]')
    await page.getByRole('button', { name: 'Continuer plus tard' }).waitFor()
    await expectNoEnglish(page, 'back in the form')

    // With no connection: kept on the device, then waiting in the outbox.
    await context.setOffline(true)
    await page.locator('.sd-boolean .sd-boolean__label', { hasText: 'Oui' }).first().click()
    await page.locator('.sd-rating__item-text', { hasText: '4' }).first().click()
    await page.getByLabel("Code de l'organisation").fill('FR-7')
    await page.getByLabel("Code de l'organisation").blur()
    await expect
      .poll(() => page.locator('#gk-status').textContent())
      .toBe('Enregistré sur cet appareil')
    await expectNoEnglish(page, 'offline')
    await page.getByRole('button', { name: 'Suivant' }).click()
    await page.getByRole('button', { name: 'Terminer' }).click()
    await expectPanelState(page, 'queued', 'En attente d’envoi')
    await expect.poll(() => page.locator('#gk-outbox').textContent()).toBe('En attente d’envoi (1)')
    expect(await page.locator('#gk-panel p').first().textContent()).toMatch(/^Vos réponses sont/)
    await expectNoEnglish(page, 'queued')
    await shot(page, 'form-languages-fr-queued.png')
    await page.selectOption('#gk-lang', 'en')
    await expectPanelState(page, 'queued', 'Waiting to send')
    expect(await page.locator('#gk-outbox').textContent()).toBe('Waiting to send (1)')
    await page.selectOption('#gk-lang', 'fr')
    await expectPanelState(page, 'queued', 'En attente d’envoi')

    // The connection is back: sent, and said in French.
    await context.setOffline(false)
    await expectPanelState(page, 'sent', 'Envoyé ✓')
    await expect.poll(() => page.locator('#gk-outbox').isHidden(), WAIT).toBe(true)
    await page.getByRole('button', { name: 'Commencer une nouvelle réponse' }).waitFor()
    await expectNoEnglish(page, 'sent')
    await shot(page, 'form-languages-fr-sent.png')

    // The choice is kept after a reload.
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.locator('#gk-lang').inputValue()).toBe('fr')
    await expectPanelState(page, 'sent', 'Envoyé ✓')
    await expectNoEnglish(page, 'reloaded')
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens an XLSForm whose default_language is French in French for an English browser', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await openForm(page, `${server.url}/s/epargne?t=${t.partnerB}`)
    expect(await page.locator('#gk-lang').inputValue()).toBe('fr')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    await page.getByLabel('Nom de la coopérative').fill('Jigiya')
    await page.getByLabel('Nom de la coopérative').blur()
    await expect
      .poll(() => page.locator('#gk-status').textContent())
      .toMatch(/^(Enregistr|Brouillon)/)
    await page.getByRole('button', { name: 'Suivant' }).waitFor()
    await page.getByRole('button', { name: 'Continuer plus tard' }).waitFor()
    await expectNoEnglish(page, 'the French XLSForm')
    expect(await page.locator('#gk-lang option').allTextContents()).toEqual([
      'Français',
      'Bamanankan',
    ])
    await shot(page, 'form-languages-xlsform-default-fr.png')
    await context.close()
  })

  it('opens a questionnaire whose locale is French in French for a browser asking for German', async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const page = await context.newPage()
    await openForm(page, `${server.url}/s/example-fr?t=${t.partnerB}`)
    expect(await page.locator('#gk-lang').inputValue()).toBe('fr')
    await expect
      .poll(() => page.locator('.sd-title').first().textContent())
      .toContain("Diagnostic d'écosystème")
    await page.getByRole('button', { name: 'Suivant' }).waitFor()
    await expectNoEnglish(page, 'the questionnaire with locale fr')
    await context.close()
  })

  it('follow a switch made while SurveyJS is still loading', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await context.route('**/survey.core.min.js', async (route) => {
      await held
      await route.continue()
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/s/example?t=${t.partnerB}`, { waitUntil: 'commit' })
    await page.locator('#gk-early').waitFor()
    expect(await page.locator('#gk-loading-text').textContent()).toBe(
      'You can start answering: the rest of the form is still loading…',
    )
    // The form's own scripts run after SurveyJS: the switch is read when they start.
    await page.selectOption('#gk-lang', 'fr')
    release()
    await page.waitForSelector('body[data-ready="true"]')
    await page.getByRole('button', { name: 'Continuer plus tard' }).waitFor({ timeout: 10_000 })
    expect(await page.title()).toBe("Diagnostic d'écosystème (exemple)")
    await expectNoEnglish(page, 'switched while loading')
    await context.close()
  })
})
