import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LIMITS } from '../../server/config.ts'
import { findUserByEmail } from '../../server/db/repositories/users.ts'
import { addUser, TEST_SCRYPT } from '../helpers/accounts.ts'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { createTestApp, FIXTURES, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser
const contexts: BrowserContext[] = []
const errors: string[] = []

beforeAll(async () => {
  t = await createTestApp(path.join(FIXTURES, 'surveys'), {
    passwords: TEST_SCRYPT,
    limits: NO_LIMITS,
  })
  await addUser(t, 'owner', 'boss@example.org', 'the owner passphrase')
  server = await listen(t)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.close()
  await t?.close()
})

/** A browser profile of its own (its own cookies), as a second person on another computer. */
async function person(locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } })
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    // The refused sign-ins and the reviewer's look at the users page are 401 and 403 pages on
    // purpose; Chromium logs each. Anything else (a script error, a CSP report) counts.
    if (/^Failed to load resource: the server responded with a status of 40[13]/.test(m.text())) {
      return
    }
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`)
  })
  return page
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir(), `accounts-${name}.png`), fullPage: true })

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/admin`)
  await page.fill('#ak-email', email)
  await page.fill('#ak-password', password)
  await Promise.all([
    page.waitForNavigation(),
    page.click('#ak-login-password button[type=submit]'),
  ])
}

describe('accounts in Chromium', () => {
  let boss: Page
  let ana: Page
  let oneTime = ''

  it('signs the owner in by email and password', async () => {
    boss = await person()
    await boss.goto(`${server.url}/admin`)
    // The token form is folded away; the email form comes first.
    expect(await boss.locator('#ak-email').isVisible()).toBe(true)
    expect(await boss.locator('#ak-token').isVisible()).toBe(false)
    await boss.fill('#ak-email', 'boss@example.org')
    await boss.fill('#ak-password', 'not the passphrase')
    await Promise.all([boss.waitForNavigation(), boss.click('#ak-login-password button')])
    expect(await boss.locator('.ak-alert').textContent()).toBe(
      'The email or the password is not right.',
    )
    // The email stays filled in; only the password is typed again.
    expect(await boss.inputValue('#ak-email')).toBe('boss@example.org')
    await shot(boss, 'sign-in-refused')
    await boss.fill('#ak-password', 'the owner passphrase')
    await Promise.all([boss.waitForNavigation(), boss.click('#ak-login-password button')])
    expect(new URL(boss.url()).pathname).toBe('/admin')
    const nav = await boss.locator('.ak-top').textContent()
    expect(nav).toContain('Users')
    expect(nav).toContain('Audit log')
    expect(await boss.locator('.ak-account').textContent()).toContain('The owner')
  })

  it('adds a person, shows the one-time password once, and changes their role', async () => {
    await Promise.all([boss.waitForNavigation(), boss.click('.ak-nav >> text=Users')])
    await boss.waitForSelector('body[data-ready="true"]')
    await boss.fill('#ak-u-email', 'Ana@Example.org')
    await boss.fill('#ak-u-name', 'Ana Pop')
    await boss.selectOption('#ak-u-role', 'analyst')
    await boss.click('#ak-user-form button[type=submit]')
    await boss.waitForSelector('#ak-user-created:not([hidden])')
    oneTime = (await boss.textContent('#ak-user-password')) ?? ''
    expect(oneTime).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/)
    expect(await boss.textContent('#ak-user-created-note')).toContain('ana@example.org')
    const row = boss.locator('tr[data-email="ana@example.org"]')
    await row.waitFor()
    expect(await row.textContent()).toContain('one-time password')
    await shot(boss, 'users-created')

    await row.locator('select[data-role]').selectOption('reviewer')
    await boss.waitForFunction(() =>
      document.querySelector('#ak-user-status')?.textContent?.includes('is now Reviewer'),
    )
    const stored = await findUserByEmail(t.db.kysely, 'ana@example.org')
    expect(stored?.role).toBe('reviewer')
  })

  it('makes the new person choose a password before anything else', async () => {
    ana = await person('fr-FR')
    await signIn(ana, 'ana@example.org', oneTime)
    expect(new URL(ana.url()).pathname).toBe('/admin/account')
    expect(await ana.locator('.ak-alert').first().textContent()).toContain(
      'mot de passe à usage unique',
    )
    await ana.goto(`${server.url}/admin/surveys/example`)
    expect(new URL(ana.url()).pathname).toBe('/admin/account')
    await shot(ana, 'account-first-sign-in-fr')
    await ana.fill('#ak-current', oneTime)
    await ana.fill('#ak-new', 'ana chose this one')
    await ana.fill('#ak-confirm', 'ana chose this one')
    await Promise.all([ana.waitForNavigation(), ana.click('#ak-password-form button')])
    expect(await ana.locator('.ak-status').textContent()).toContain(
      'Votre mot de passe a été changé',
    )
    // A reviewer: no partner links, audit log or users in the navigation.
    const nav = (await ana.locator('.ak-nav').textContent()) ?? ''
    expect(nav).toContain('Avancement')
    expect(nav).not.toContain('Liens partenaires')
    expect(nav).not.toContain('Utilisateurs')
    expect(await ana.locator('#ak-account-role').textContent()).toContain('Relecteur')
    await shot(ana, 'account-changed-fr')
    await ana.goto(`${server.url}/admin/surveys/example`)
    expect(await ana.locator('#ak-responses').isVisible()).toBe(true)
    expect(await ana.locator('#ak-download-form').count()).toBe(0)
    expect(await ana.locator('a[data-report="html"]').count()).toBe(1)
    const users = await ana.goto(`${server.url}/admin/users`)
    expect(users?.status()).toBe(403)
  })

  it('disables the person from the users page: their session ends at once', async () => {
    await boss.reload()
    await boss.waitForSelector('body[data-ready="true"]')
    const disable = boss.locator('tr[data-email="ana@example.org"] button[data-disable]')
    await disable.click()
    expect(await disable.textContent()).toBe('Confirm disable')
    await disable.click()
    await boss.waitForFunction(() =>
      document.querySelector('#ak-user-status')?.textContent?.includes('is disabled'),
    )
    const row = boss.locator('tr[data-email="ana@example.org"]')
    expect(await row.textContent()).toContain('Disabled')
    await shot(boss, 'users-disabled')

    await ana.goto(`${server.url}/admin`)
    expect(await ana.locator('#ak-email').isVisible()).toBe(true)
    await signIn(ana, 'ana@example.org', 'ana chose this one')
    expect(await ana.locator('.ak-alert').textContent()).toContain('Ce compte est désactivé')
  })

  it('shows who did what in the audit log, filtered by person', async () => {
    await Promise.all([boss.waitForNavigation(), boss.click('.ak-nav >> text=Audit log')])
    const table = (await boss.locator('#ak-audit').textContent()) ?? ''
    for (const action of ['user.create', 'user.role', 'user.disable', 'user.password.change']) {
      expect(table).toContain(action)
    }
    await boss.selectOption('#ak-audit-actor', 'ana@example.org')
    await Promise.all([boss.waitForNavigation(), boss.click('#ak-audit-filters button')])
    const rows = await boss.locator('#ak-audit tbody tr th').allTextContents()
    expect(rows.length).toBeGreaterThan(0)
    for (const who of rows) expect(who).toContain('ana@example.org')
    expect(await boss.getAttribute('#ak-audit-csv', 'href')).toBe(
      '/api/admin/audit.csv?actor=ana%40example.org',
    )
    await shot(boss, 'audit-filtered')
  })

  it('logs out everywhere from the account page', async () => {
    const second = await person()
    await signIn(second, 'boss@example.org', 'the owner passphrase')
    await boss.goto(`${server.url}/admin/account`)
    await Promise.all([
      boss.waitForNavigation(),
      boss.click('form[action="/admin/logout-everywhere"] button'),
    ])
    expect(await boss.locator('#ak-email').isVisible()).toBe(true)
    await second.reload()
    expect(await second.locator('#ak-email').isVisible()).toBe(true)
  })

  it('ran without script errors or CSP violations', () => {
    expect(errors).toEqual([])
  })
})
