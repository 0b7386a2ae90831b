// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
/**
 * Issue 13 in headless Chromium: an owner uploads a broken workbook (its errors by row, nothing
 * stored), a good one (a draft), previews it as a partner would (nothing stored), publishes it,
 * a partner link answers it at that version, then a changed workbook of the same id is
 * published and the first response keeps its version. The database is read after each step.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LIMITS } from '../../server/config.ts'
import { type CellInput, writeWorkbook } from '../../surveys/xlsform/write.ts'
import { addUser, TEST_SCRYPT } from '../helpers/accounts.ts'
import { launchBrowser, listen, screenshotDir } from '../helpers/browser.ts'
import { openForm } from '../helpers/form-page.ts'
import { createTestApp, FIXTURES, type TestApp } from '../helpers/test-app.ts'
import { sheet } from '../surveys/xlsform/helpers.ts'

const CHOICES = sheet([
  { list_name: 'yn', name: 'yes', label: 'Yes' },
  { list_name: 'yn', name: 'no', label: 'No' },
])
const SETTINGS = sheet([{ form_title: 'Member check', form_id: 'member_check' }])

/** A workbook of the member check; `years` is the label of its second question. */
function memberCheck(years: string): Promise<Uint8Array> {
  return writeWorkbook({
    survey: sheet([
      { type: 'select_one yn', name: 'member', label: 'Are you a member?', required: 'yes' },
      { type: 'integer', name: 'years', label: years, relevant: "${member} = 'yes'" },
    ]),
    choices: CHOICES,
    settings: SETTINGS,
  })
}

/** Row 3 names a list that does not exist, row 4 repeats a name. */
const BROKEN: Record<string, CellInput[][]> = {
  survey: sheet([
    { type: 'select_one yn', name: 'member', label: 'Are you a member?' },
    { type: 'select_one sizes', name: 'size', label: 'Size' },
    { type: 'text', name: 'member', label: 'Member again' },
  ]),
  choices: CHOICES,
  settings: SETTINGS,
}

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
  await addUser(t, 'owner', 'olga@example.org', 'the owner passphrase')
  server = await listen(t)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close()
  await browser?.close()
  await server?.close()
  await t?.close()
})

async function person(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  })
  contexts.push(context)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    // The refused upload is a 422 page on purpose; Chromium logs it.
    if (/^Failed to load resource: the server responded with a status of 422/.test(m.text())) {
      return
    }
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`)
  })
  return page
}

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: path.join(screenshotDir(), `survey-upload-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  })

const db = () => t.db.kysely
const uploads = () =>
  db()
    .selectFrom('survey_uploads')
    .select(['id', 'survey', 'version', 'status', 'replaces'])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
const versionsOf = (survey: string) =>
  db()
    .selectFrom('survey_versions')
    .select('version')
    .where('survey', '=', survey)
    .orderBy('first_seen_at')
    .execute()
    .then((rows) => rows.map((r) => r.version))
const responses = () =>
  db()
    .selectFrom('responses')
    .select(['id', 'survey', 'version', 'status', 'answers'])
    .orderBy('created_at')
    .execute()

/** Chooses a workbook in the upload form and sends it; the page that answers. */
async function uploadWorkbook(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('#ak-q-file', {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(bytes),
  })
  await Promise.all([page.waitForNavigation(), page.click('#ak-q-upload button[type=submit]')])
}

/** Answers the member check as a person would and completes it. */
async function answerMemberCheck(
  page: Page,
  yearsLabel: string,
  years: string,
  screenshot?: string,
): Promise<void> {
  await page.getByText('Yes', { exact: true }).click()
  const field = page.getByLabel(yearsLabel)
  await field.fill(years)
  await field.blur()
  if (screenshot) await shot(page, screenshot)
  await page.getByRole('button', { name: 'Complete' }).click()
  await page.waitForSelector('#gk-panel[data-view="done"]')
}

/** The questionnaire version a form page loaded. */
const formVersion = (page: Page) =>
  page.evaluate(() => JSON.parse(document.getElementById('gk-data')?.textContent ?? '{}').version)

describe('upload, preview and publish a questionnaire in Chromium', () => {
  let owner: Page
  let first = ''

  it('signs the owner in and opens the questionnaires page from the navigation', async () => {
    owner = await person()
    await owner.goto(`${server.url}/admin`)
    await owner.fill('#ak-email', 'olga@example.org')
    await owner.fill('#ak-password', 'the owner passphrase')
    await Promise.all([owner.waitForNavigation(), owner.click('#ak-login-password button')])
    await Promise.all([owner.waitForNavigation(), owner.click('.ak-nav >> text=Questionnaires')])
    expect(new URL(owner.url()).pathname).toBe('/admin/questionnaires')
    expect(await owner.locator('#ak-q-served tbody tr').count()).toBe(1)
    expect(await owner.locator('#ak-q-served').textContent()).toContain('questionnaire folder')
  })

  it('shows the errors of a broken workbook by row and stores nothing', async () => {
    await uploadWorkbook(owner, 'member check broken.xlsx', await writeWorkbook(BROKEN))
    expect(await owner.locator('#ak-q-refused').textContent()).toBe(
      'member check broken.xlsx was not uploaded: problems to correct: 2. Nothing was changed.',
    )
    const rows = await owner
      .locator('#ak-q-problems tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)))
    expect(rows).toEqual([
      ['sheet survey, row 3, column type', 'error', expect.stringContaining('"sizes"')],
      [
        'sheet survey, row 4, column name',
        'error',
        expect.stringContaining('already used on row 2'),
      ],
    ])
    await shot(owner, '1-refused')
    expect(await uploads()).toEqual([])
    expect(await versionsOf('member-check')).toEqual([])
    const audit = await db().selectFrom('audit_log').select('action').execute()
    expect(audit.map((a) => a.action)).not.toContain('survey.upload')
  })

  it('keeps a good workbook as a draft', async () => {
    await uploadWorkbook(owner, 'member check.xlsx', await memberCheck('Years as a member'))
    expect(await owner.locator('#ak-q-notice').textContent()).toBe(
      'member check.xlsx passed the checks and is kept as a draft of “Member check”: preview it, then publish it.',
    )
    const stored = await uploads()
    expect(stored).toEqual([
      {
        id: expect.stringMatching(/^u_[0-9a-f]{16}$/),
        survey: 'member-check',
        version: expect.stringMatching(/^[0-9a-f]{16}$/),
        status: 'draft',
        replaces: null,
      },
    ])
    first = stored[0]?.version ?? ''
    const row = owner.locator(`tr[data-upload="${stored[0]?.id}"]`)
    expect(await row.getAttribute('data-status')).toBe('draft')
    expect(await row.textContent()).toContain('new questionnaire')
    await shot(owner, '2-draft')
    expect(await versionsOf('member-check')).toEqual([])
    // Not served yet: a partner link finds no such questionnaire.
    const link = await fetch(`${server.url}/s/member-check?t=${t.partnerA}`)
    expect(link.status).toBe(404)
  })

  it('previews the draft as a partner would see it, storing nothing', async () => {
    await Promise.all([owner.waitForNavigation(), owner.click('a[data-preview]')])
    await owner.waitForSelector('body[data-ready="true"]')
    expect(await formVersion(owner)).toBe(first)
    expect(await owner.locator('#gk-notice').textContent()).toBe(
      'Preview of an unpublished draft: answers are neither saved nor sent. Partner links open it only once it is published.',
    )
    await answerMemberCheck(owner, 'Years as a member', '7', '3-preview')
    expect(await owner.locator('#gk-panel').textContent()).toContain(
      'Preview complete: nothing was sent.',
    )
    await shot(owner, '4-preview-done')
    expect(await responses()).toEqual([])
    expect(await versionsOf('member-check')).toEqual([])
    expect((await uploads()).map((u) => u.status)).toEqual(['draft'])
  })

  it('publishes the draft; a partner link answers it at that version', async () => {
    await owner.goto(`${server.url}/admin/questionnaires`)
    await Promise.all([owner.waitForNavigation(), owner.click('button[data-publish]')])
    expect(await owner.locator('#ak-q-notice').textContent()).toBe(
      `Version ${first} of “Member check” is published: partner links open it from now on.`,
    )
    expect(await owner.locator('tr[data-survey="member-check"]').textContent()).toContain(
      'uploaded: member check.xlsx',
    )
    await shot(owner, '5-published')
    expect((await uploads()).map((u) => u.status)).toEqual(['published'])
    expect(await versionsOf('member-check')).toEqual([first])

    const partner = await person()
    await openForm(partner, `${server.url}/s/member-check?t=${t.partnerA}`)
    expect(await formVersion(partner)).toBe(first)
    await answerMemberCheck(partner, 'Years as a member', '12', '6-partner')
    await expect
      .poll(async () => (await responses()).map((r) => [r.survey, r.version, r.status]))
      .toEqual([['member-check', first, 'submitted']])
    expect(JSON.parse((await responses())[0]?.answers ?? '{}')).toEqual({
      member: 'yes',
      years: 12,
    })
  })

  it('publishes a changed workbook of the same id; the first response keeps its version', async () => {
    await owner.goto(`${server.url}/admin/questionnaires`)
    await uploadWorkbook(owner, 'member check v2.xlsx', await memberCheck('Years in the network'))
    const draft = (await uploads())[1]
    expect(draft).toMatchObject({ survey: 'member-check', status: 'draft', replaces: first })
    const second = draft?.version ?? ''
    expect(second).not.toBe(first)
    expect(await owner.locator(`tr[data-upload="${draft?.id}"]`).textContent()).toContain(
      `replaces version ${first}`,
    )
    await Promise.all([
      owner.waitForNavigation(),
      owner.click(`button[data-publish="${draft?.id}"]`),
    ])
    await shot(owner, '7-second-published')
    expect((await uploads()).map((u) => [u.version, u.status])).toEqual([
      [first, 'published'],
      [second, 'published'],
    ])
    expect(await versionsOf('member-check')).toEqual([first, second])
    expect(await owner.locator('tr[data-survey="member-check"] code').textContent()).toBe(second)

    const partner = await person()
    await openForm(partner, `${server.url}/s/member-check?t=${t.partnerB}`)
    expect(await formVersion(partner)).toBe(second)
    await answerMemberCheck(partner, 'Years in the network', '3', '8-partner-second-version')
    await expect
      .poll(async () => (await responses()).map((r) => [r.version, r.status]))
      .toEqual([
        [first, 'submitted'],
        [second, 'submitted'],
      ])
    expect(errors).toEqual([])
  })
})
