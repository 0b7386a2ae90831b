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
    // The demo stores its responses within seconds, so the ids' time prefix (the top 32 bits of
    // the millisecond clock) is shared: by all of them, or, when the clock crossed one of its
    // 65.5 s steps meanwhile, by two groups of them. Either way ids share a prefix.
    const prefixes = new Map<string, number>()
    for (const r of ids) prefixes.set(r.id.slice(0, 8), (prefixes.get(r.id.slice(0, 8)) ?? 0) + 1)
    expect(prefixes.size).toBeLessThanOrEqual(2)
    expect(Math.max(...prefixes.values())).toBeGreaterThanOrEqual(13)
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

    // Column names: Gapkit's by default for this questionnaire; Kobo's in the link and the sentence.
    expect(await page.locator('#ak-d-headers').inputValue()).toBe('gapkit')
    await page.selectOption('#ak-d-headers', 'kobo')
    const kobo = await href()
    expect(kobo.searchParams.get('headers')).toBe('kobo')
    expect(await includes.textContent()).toMatch(
      /decimal commas, columns named as in KoboToolbox \(repeats in the Excel workbook only\)\.$/,
    )
    const koboText = await page.evaluate(
      async (u) => (await fetch(u)).text(),
      kobo.pathname + kobo.search,
    )
    const koboHeader = koboText.split('\r\n')[0] ?? ''
    expect(koboHeader).not.toMatch(/^\uFEFF?id;/)
    expect(koboHeader).toContain(';_uuid;_submission_time;')
    await page.selectOption('#ak-d-format', 'xlsx')
    expect(await includes.textContent()).toMatch(
      /answers as labels in French, columns named as in KoboToolbox\.$/,
    )

    await page.selectOption('#ak-d-format', 'json')
    expect(await page.locator('#ak-d-values').isDisabled()).toBe(true)
    expect(await page.locator('#ak-d-headers').isVisible()).toBe(false)
    expect((await href()).searchParams.has('headers')).toBe(false)
    expect(await includes.textContent()).toContain('answers as stored (codes).')
    await page.locator('#ak-downloads').scrollIntoViewIfNeeded()
    await page.selectOption('#ak-d-format', 'csv;')
    await page.locator('#ak-downloads').scrollIntoViewIfNeeded()
    await shot(page, 'survey-downloads', false)
  })
})

describe('one response, whole', () => {
  /** The label of a choice of microfinance-gap's question, in a language. */
  const label = (question: string, code: unknown, lang: 'default' | 'fr') => {
    const survey = t.registry.get(SURVEY)
    let found: unknown
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) for (const x of v) walk(x)
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>
        if (o.name === question && Array.isArray(o.choices)) {
          const c = o.choices.find((x) => (x as { value?: unknown }).value === code)
          found = (c as { text?: Record<string, string> } | undefined)?.text?.[lang]
        }
        for (const x of Object.values(o)) walk(x)
      }
    }
    walk(survey?.json)
    return String(found)
  }
  const stored = async (id: string) =>
    t.db.kysely.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst()
  let id = ''

  it('shows every answer under its question with choice labels, and the response’s details', async () => {
    await page.goto(`${server.url}/admin/surveys/${SURVEY}`)
    await page.selectOption('#ak-f-region', 'FR-93')
    await page.selectOption('#ak-f-status', 'submitted')
    const row = page.locator('#ak-rows tr[data-status="submitted"][data-review="pending"]').first()
    // The table reloads after each filter: until then its first row can be of any region.
    await expect
      .poll(async () => (await stored((await row.getAttribute('data-response')) ?? ''))?.region_id)
      .toBe('FR-93')
    id = (await row.getAttribute('data-response')) ?? ''
    const short = id.replace(/-/g, '').slice(-8)
    await row.locator(`a[title="Open response ${short}"]`).click()
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.locator('h1').textContent()).toBe(`Response ${short}`)
    const answers = JSON.parse((await stored(id))?.answers ?? '{}') as Record<string, unknown>
    const type = page.locator('#ak-r-answers dd[data-question="stakeholder_type"]')
    expect(await type.textContent()).toBe(
      label('stakeholder_type', answers.stakeholder_type, 'default'),
    )
    expect(await page.locator('#ak-r-answers').textContent()).not.toContain(
      `${String(answers.stakeholder_type)}`.length > 4
        ? `>${String(answers.stakeholder_type)}<`
        : '\u0000',
    )
    // A matrix: each row under its text, each answer as its label.
    const importance = page.locator('#ak-r-answers dd[data-question="importance"] dd')
    expect(await importance.count()).toBeGreaterThan(5)
    expect(await importance.first().textContent()).toMatch(/^\d – /)
    const meta = (await page.locator('.ak-meta').textContent()) ?? ''
    expect(meta).toContain('Seine-Saint-Denis')
    expect(meta).toContain('the current one')
    await expect
      .poll(() => page.locator('#ak-r-history li[data-action="response.submit"]').count())
      .toBe(1)
    await shot(page, 'response')

    await page.goto(`${server.url}/admin/surveys/${SURVEY}/responses/${id}?lang=fr`)
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.locator('h1').textContent()).toBe(`Réponse ${short}`)
    expect(await type.textContent()).toBe(label('stakeholder_type', answers.stakeholder_type, 'fr'))
  })

  it('corrects an answer in the questionnaire’s own form, checked by the server and kept in the history', async () => {
    await page.goto(`${server.url}/admin/surveys/${SURVEY}/responses/${id}`)
    await page.waitForSelector('body[data-ready="true"]')
    const before = JSON.parse((await stored(id))?.answers ?? '{}') as Record<string, unknown>
    const next = before.experience === 'gt10' ? '6to10' : 'gt10'
    await page.click('#ak-r-correct')
    const question = page.locator('#ak-r-editor [data-name="experience"]')
    await question.waitFor()
    await question.getByText(label('experience', next, 'default'), { exact: true }).click()
    await page.fill('#ak-r-note', 'Confirmed by phone with the respondent')
    await page.click('#ak-r-save')
    await expect
      .poll(() => page.locator('#ak-r-flash').textContent())
      .toBe('Correction saved: 1 answer(s) changed; the review is pending again.')
    expect(await page.locator('#ak-r-answers dd[data-question="experience"]').textContent()).toBe(
      label('experience', next, 'default'),
    )
    const after = await stored(id)
    expect(JSON.parse(after?.answers ?? '{}')).toEqual({ ...before, experience: next })
    await expect
      .poll(() => page.locator('#ak-r-history li[data-action="response.correct"]').count())
      .toBe(1)
    expect(
      await page.locator('#ak-r-history li[data-action="response.correct"]').textContent(),
    ).toContain('Confirmed by phone with the respondent')
    expect(await page.locator('#ak-r-history li[data-revision="1"]').count()).toBe(1)
    await shot(page, 'response-corrected')
  })

  it('erases a response after a confirmation naming what goes', async () => {
    const short = id.replace(/-/g, '').slice(-8)
    await page.click('#ak-r-erase')
    const what = (await page.locator('#ak-r-erase-what').textContent()) ?? ''
    expect(what).toMatch(
      new RegExp(
        `^Erase response ${short} of Seine-Saint-Denis \\(FR-93\\), wave \\d+, for good: its \\d+ answers`,
      ),
    )
    expect(await stored(id)).toBeDefined()
    await page.fill('#ak-r-erase-reason', 'Respondent asked for erasure')
    await page.click('#ak-r-erase-confirm')
    await page.waitForURL(new RegExp(`/admin/surveys/${SURVEY}`))
    await expect
      .poll(() => page.locator('#ak-review-status').textContent())
      .toBe(`Response ${short} was erased.`)
    expect(await stored(id)).toBeUndefined()
    // Its page is gone too (asked outside the page, whose console would log the 404).
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const gone = await fetch(`${server.url}/admin/surveys/${SURVEY}/responses/${id}`, {
      headers: { cookie },
    })
    expect(gone.status).toBe(404)
    expect(await gone.text()).toContain('No such response: it may have been erased.')
  })
})

describe('the whole session', () => {
  it('made no external request and logged no error', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})
