/**
 * Issue 17: one campaign as the lead partner lives it, end to end in Chromium. Each step asserts
 * the stored state (SQL through the test's own Kysely handle) and the analysis document, and
 * leaves a screenshot in test-output/campaign/ for a person to look at.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoResponses } from '../../demo/index.ts'
import { loadDemo } from '../../server/cli/demo.ts'
import { loadConfig } from '../../server/config.ts'
import type { Answers } from '../../surveys/types.ts'
import { launchBrowser, listen } from '../helpers/browser.ts'
import { createTestApp, type TestApp } from '../helpers/test-app.ts'

const GAP = 'microfinance-gap'
const VOTE = 'best-practice-vote'
const SHOTS = 'test-output/campaign'

let t: TestApp
let server: { url: string; close(): Promise<void> }
let browser: Browser
let admin: BrowserContext
let page: Page
const pageErrors: string[] = []
/** Valid demo answer sets, per questionnaire, not tied to the database. */
let answerSets: Map<string, Answers[]>

/** Demo answer sets of a questionnaire made for a region (a vote hides the region's own practices). */
const setsFor = (survey: string, region: string) => answerSets.get(`${survey}|${region}`) ?? []

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  t = await createTestApp()
  const config = loadConfig({ db: path.join(t.dir, 'test.db') })
  await loadDemo(
    { config, registry: t.registry, db: t.db },
    { responses: 200, seed: 1, print: () => {} },
  )
  answerSets = new Map()
  for (const r of generateDemoResponses(t.registry.list(), { responses: 300, seed: 17 })) {
    if (r.draft) continue
    const key = `${r.survey}|${r.region}`
    answerSets.set(key, [...(answerSets.get(key) ?? []), r.answers])
  }
  server = await listen(t)
  browser = await launchBrowser()
  admin = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
  admin.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(`admin: ${e.message}`)))
  admin.setDefaultTimeout(10_000)
  page = await admin.newPage()
}, 120_000)

afterAll(async () => {
  await admin?.close()
  await browser?.close()
  await server?.close()
  await t?.close()
})

const db = () => t.db.kysely

let shotNo = 0
const shot = async (p: Page, name: string) => {
  shotNo += 1
  const file = `${String(shotNo).padStart(2, '0')}-${name}.png`
  await p.screenshot({ path: path.join(SHOTS, file), fullPage: true })
}

/** A JSON request to the running server with the admin token. */
async function api(method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${url}`, {
    method,
    headers: {
      Authorization: `Bearer ${t.admin}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await api(method, url, body)
  expect(res.status, `${method} ${url}: ${res.status}`).toBeLessThan(300)
  return (await res.json()) as T
}

interface AnalysisDoc {
  wave: string | null
  waves: { from: string; to: string; leftOut: string[] } | null
  waveCounts: { wave: string; n: number }[]
  special?: { kind: string; ballots: number } | null
}

const analysis = (survey: string, query = '') =>
  json<AnalysisDoc>('GET', `/api/surveys/${survey}/analysis${query}`)

/** A partner link made by the lead partner (the dashboard's own API). */
async function partnerLink(region: string, name: string, wave: string): Promise<string> {
  const made = await json<{ token: string }>('POST', '/api/admin/partners', { region, name, wave })
  return made.token
}

interface FormWindow {
  GapkitForm?: {
    model(): { data: Answers; currentPageNo: number; visiblePageCount: number } | null
  }
}

/**
 * Opens a partner link in a fresh context (a partner's own browser), puts the answers into the
 * page's SurveyJS model, goes to the last page and presses Complete as a person would.
 */
async function submitThroughForm(
  survey: string,
  token: string,
  answers: Answers,
  screenshot?: string,
): Promise<void> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1000, height: 900 },
  })
  context.setDefaultTimeout(10_000)
  const form = await context.newPage()
  try {
    form.on('pageerror', (e) => pageErrors.push(`form: ${e.message}`))
    await form.goto(`${server.url}/s/${survey}?t=${token}&lang=en`)
    await form.waitForSelector('body[data-ready="true"]')
    await form.waitForFunction(() => Boolean((window as FormWindow).GapkitForm?.model()))
    await form.evaluate((data) => {
      const model = (window as FormWindow).GapkitForm?.model()
      if (!model) throw new Error('no SurveyJS model on the form')
      model.data = data
      model.currentPageNo = model.visiblePageCount - 1
    }, answers)
    await form.getByRole('button', { name: 'Complete' }).click()
    await form.waitForSelector('#gk-panel[data-view="done"]')
    const title = form.locator('#gk-panel .gk-done-title')
    await expect
      .poll(() => title.getAttribute('data-state'), { timeout: 15_000 })
      .not.toBe('queued')
    expect(
      `${await title.getAttribute('data-state')}: ${await title.textContent()}`,
      `${survey} submitted through the form`,
    ).toMatch(/^sent: /)
    if (screenshot) await shot(form, screenshot)
  } catch (error) {
    await form.screenshot({ path: path.join(SHOTS, `failed-${survey}.png`), fullPage: true })
    throw error
  } finally {
    await context.close()
  }
}

/** The responses stored for a partner link (found by its token's stored prefix). */
const responsesOf = (token: string) =>
  db()
    .selectFrom('responses')
    .innerJoin('tokens', 'tokens.id', 'responses.token_id')
    .selectAll('responses')
    .where('tokens.prefix', '=', token.slice(0, 12))
    .execute()

const stored = (id: string) =>
  db().selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst()

/** A choice label of a question in the questionnaire's JSON (default language). */
function label(question: string, code: unknown): string {
  let found: string | undefined
  const walk = (o: unknown): void => {
    if (found !== undefined || o === null || typeof o !== 'object') return
    if (Array.isArray(o)) {
      for (const x of o) walk(x)
      return
    }
    const rec = o as Record<string, unknown>
    if (rec.name === question && Array.isArray(rec.choices)) {
      const c = rec.choices.find((x) => (x as { value?: unknown }).value === code) as
        | { text?: string | Record<string, string> }
        | undefined
      found = typeof c?.text === 'string' ? c.text : c?.text?.default
    }
    for (const x of Object.values(rec)) walk(x)
  }
  walk(t.registry.get(GAP)?.json)
  return String(found)
}

/** Ids of the three responses the partners of step 2 submitted, by region. */
const step2: Record<string, string> = {}
const REGIONS = ['IT-BO', 'RO-BI', 'ML-KK'] as const
let rejected = ''
let corrected = ''
let erased = ''

describe('a whole campaign as the lead partner lives it', () => {
  it('1. starts from the demo: waves 2024 and 2025, compared', async () => {
    const waves = await db()
      .selectFrom('responses')
      .select('wave')
      .distinct()
      .where('survey', '=', GAP)
      .execute()
    expect(waves.map((w) => w.wave).sort()).toEqual(['2024', '2025'])
    const doc = await analysis(GAP)
    expect(doc.waves).toMatchObject({ from: '2024', to: '2025' })
    await page.goto(`${server.url}/admin?t=${t.admin}`)
    await page.waitForSelector('body[data-ready="true"]')
    await shot(page, 'demo-dashboard')
  })

  it('2. partners of three regions submit through the form', async () => {
    const before = await db()
      .selectFrom('responses')
      .select('id')
      .where('survey', '=', GAP)
      .where('status', '=', 'submitted')
      .execute()
    const known = new Set(before.map((r) => r.id))
    for (const [i, region] of REGIONS.entries()) {
      const token = await partnerLink(region, `Campaign partner ${region}`, '2025')
      await submitThroughForm(
        GAP,
        token,
        setsFor(GAP, region)[0] ?? {},
        i === 0 ? 'partner-submitted' : undefined,
      )
      await expect.poll(async () => (await responsesOf(token)).length).toBe(1)
    }
    const after = await db()
      .selectFrom('responses')
      .selectAll()
      .where('survey', '=', GAP)
      .where('status', '=', 'submitted')
      .execute()
    const added = after.filter((r) => !known.has(r.id))
    expect(added.map((r) => r.region_id).sort()).toEqual([...REGIONS].sort())
    for (const r of added) {
      expect(r.wave).toBe('2025')
      expect(r.review_status).toBe('pending')
      step2[r.region_id] = r.id
    }
  })

  it('3. a new wave starts: 2024 → 2025 is still compared, and wave 2026 is named', async () => {
    const token = await partnerLink('FR-93', 'Wave 2026 partner', '2026')
    await submitThroughForm(GAP, token, setsFor(GAP, 'FR-93')[0] ?? {})
    await expect.poll(async () => (await responsesOf(token)).length).toBe(1)
    expect((await responsesOf(token))[0]?.wave).toBe('2026')

    const doc = await analysis(GAP)
    expect(doc.waves).toMatchObject({ from: '2024', to: '2025' })
    expect(doc.waves?.leftOut).toEqual(['2026'])
    expect(doc.waveCounts.find((w) => w.wave === '2026')?.n).toBe(1)
    const charts = await json<{ charts: { id: string }[] }>('GET', `/api/surveys/${GAP}/charts`)
    expect(charts.charts.length).toBeGreaterThan(0)
    // The wave slopes compare 2024 → 2025 and are still drawn.
    const slopes = charts.charts.filter((c) => c.id.includes('.gap-slope.'))
    expect(slopes.length).toBeGreaterThan(0)

    await page.goto(`${server.url}/admin/surveys/${GAP}`)
    await page.waitForSelector('body[data-ready="true"]')
    await page.locator('#ak-analysis').scrollIntoViewIfNeeded()
    const note = page.locator('#ak-waves-note')
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toContain('2024 → 2025')
    expect(await note.textContent()).toMatch(/wave 2026 has 1 response so far/i)
    await shot(page, 'new-wave')
  })

  it('4. the lead partner rejects one with a note and approves two; a draft is refused', async () => {
    const [a, b, c] = REGIONS.map((r) => step2[r] ?? '')
    rejected = a ?? ''
    corrected = b ?? ''
    erased = c ?? ''
    await page.goto(`${server.url}/admin/surveys/${GAP}`)
    await page.waitForSelector('body[data-ready="true"]')
    await page.selectOption('#ak-f-wave', '2025').catch(() => {})
    const row = (id: string) => page.locator(`#ak-rows tr[data-response="${id}"]`)
    for (const id of [rejected, corrected, erased]) await row(id).waitFor()

    await page.fill('#ak-note', 'Answers copied from another region')
    await row(rejected).locator('button[data-act="rejected"]').click()
    await expect.poll(() => row(rejected).getAttribute('data-review')).toBe('rejected')
    for (const id of [corrected, erased]) {
      await row(id).locator('button[data-act="approved"]').click()
      await expect.poll(() => row(id).getAttribute('data-review')).toBe('approved')
    }
    await shot(page, 'reviewed')

    const reviews = await db()
      .selectFrom('responses')
      .select(['id', 'review_status', 'review_note'])
      .where('id', 'in', [rejected, corrected, erased])
      .execute()
    const byId = new Map(reviews.map((r) => [r.id, r]))
    expect(byId.get(rejected)).toMatchObject({
      review_status: 'rejected',
      review_note: 'Answers copied from another region',
    })
    for (const id of [corrected, erased]) {
      expect(byId.get(id)).toMatchObject({ review_status: 'approved', review_note: null })
    }

    const draft = await db()
      .selectFrom('responses')
      .select('id')
      .where('survey', '=', GAP)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow()
    const refused = await api('POST', `/api/surveys/${GAP}/reviews`, {
      ids: [draft.id],
      status: 'approved',
    })
    expect(refused.status).toBe(409)
    expect((await stored(draft.id))?.review_status).toBe('pending')
  })

  it('5. one response’s page shows questions and choice labels, region and wave', async () => {
    const answers = JSON.parse((await stored(corrected))?.answers ?? '{}') as Answers
    await page.goto(`${server.url}/admin/surveys/${GAP}/responses/${corrected}`)
    await page.waitForSelector('body[data-ready="true"]')
    const type = page.locator('#ak-r-answers dd[data-question="stakeholder_type"]')
    expect(await type.textContent()).toBe(label('stakeholder_type', answers.stakeholder_type))
    expect(await type.textContent()).not.toBe(String(answers.stakeholder_type))
    const all = (await page.locator('#ak-r-answers').textContent()) ?? ''
    const question = t.registry.get(GAP)?.json
    expect(JSON.stringify(question)).toContain('stakeholder_type')
    expect(await page.locator('#ak-r-answers dt').count()).toBeGreaterThan(5)
    expect(all.length).toBeGreaterThan(100)
    const meta = (await page.locator('.ak-meta').textContent()) ?? ''
    expect(meta).toContain('Bucharest-Ilfov')
    expect(meta).toContain('2025')
    await shot(page, 'response-page')
  })

  it('6. corrects that response: answers change, review pending, audited, history kept', async () => {
    const before = JSON.parse((await stored(corrected))?.answers ?? '{}') as Answers
    const next = before.experience === 'gt10' ? '6to10' : 'gt10'
    await page.click('#ak-r-correct')
    const question = page.locator('#ak-r-editor [data-name="experience"]')
    await question.waitFor()
    await question.getByText(label('experience', next), { exact: true }).click()
    await page.fill('#ak-r-note', 'Confirmed by phone')
    await page.click('#ak-r-save')
    await expect.poll(() => page.locator('#ak-r-flash').textContent()).toContain('1 answer')
    await shot(page, 'corrected')

    const after = await stored(corrected)
    expect(JSON.parse(after?.answers ?? '{}')).toEqual({ ...before, experience: next })
    expect(after?.review_status).toBe('pending')
    expect(after?.review_note).toBeNull()
    const adminToken = await db()
      .selectFrom('tokens')
      .select('id')
      .where('role', '=', 'admin')
      .where('name', '=', 'test admin')
      .executeTakeFirstOrThrow()
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'response.correct')
      .where('entity_id', '=', corrected)
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.actor).toBe(`token:${adminToken.id}`)
    const history = await json<unknown>('GET', `/api/responses/${corrected}/history`)
    expect(JSON.stringify(history)).toContain(`"experience":"${String(before.experience)}"`)
    const kept = await db()
      .selectFrom('response_history')
      .selectAll()
      .where('response_id', '=', corrected)
      .execute()
    expect(kept.map((h) => h.reason)).toEqual(['corrected'])
    expect(JSON.parse(kept[0]?.answers ?? '{}')).toEqual(before)
  })

  it('7. erases a response after the confirmation: gone everywhere, audited without answers', async () => {
    const answers = JSON.parse((await stored(erased))?.answers ?? '{}') as Answers
    await page.goto(`${server.url}/admin/surveys/${GAP}/responses/${erased}`)
    await page.waitForSelector('body[data-ready="true"]')
    await page.click('#ak-r-erase')
    await page.locator('#ak-r-erase-what').waitFor()
    await shot(page, 'erase-confirmation')
    await page.fill('#ak-r-erase-reason', 'Partner withdrew')
    await page.click('#ak-r-erase-confirm')
    await page.waitForURL((url) => url.pathname === `/admin/surveys/${GAP}`)
    await page.waitForSelector('body[data-ready="true"]')

    expect(await stored(erased)).toBeUndefined()
    const left = async (table: 'response_history' | 'analysis_rows') =>
      (
        await db()
          .selectFrom(table)
          .select('response_id')
          .where('response_id', '=', erased)
          .execute()
      ).length
    expect(await left('response_history')).toBe(0)
    expect(await left('analysis_rows')).toBe(0)
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'response.delete')
      .where('entity_id', '=', erased)
      .execute()
    expect(audit).toHaveLength(1)
    const details = audit[0]?.details ?? ''
    expect(details).not.toContain('"answers"')
    for (const [name, value] of Object.entries(answers)) {
      if (typeof value === 'string' && value.length > 12) expect(details, name).not.toContain(value)
    }
    await shot(page, 'erased')
  })

  it('8. the CSV download holds submitted, not rejected responses, and not the erased one', async () => {
    await page.locator('#ak-downloads').scrollIntoViewIfNeeded()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#ak-download').click(),
    ])
    const file = await download.path()
    const csv = fs.readFileSync(file, 'utf8')
    await shot(page, 'download')
    expect(csv).toContain(corrected)
    expect(csv).not.toContain(rejected)
    expect(csv).not.toContain(erased)
    const drafts = await db()
      .selectFrom('responses')
      .select('id')
      .where('survey', '=', GAP)
      .where('status', '=', 'draft')
      .execute()
    for (const d of drafts) expect(csv).not.toContain(d.id)
    const counted = await db()
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('survey', '=', GAP)
      .where('status', '=', 'submitted')
      .where('review_status', '!=', 'rejected')
      .executeTakeFirstOrThrow()
    const lines = csv.trim().split(/\r?\n/).length
    // One header line; answers may hold line breaks only inside quotes, so at least n + 1.
    expect(lines).toBeGreaterThanOrEqual(Number(counted.n) + 1)
  })

  it('9. a partner votes twice: one ballot stored and counted, the first kept in its history', async () => {
    const token = await partnerLink('SE-VG', 'Voting partner', '2026')
    const ballots = setsFor(VOTE, 'SE-VG')
    expect(ballots.length).toBeGreaterThanOrEqual(2)
    await submitThroughForm(VOTE, token, ballots[0] ?? {})
    await expect.poll(async () => (await responsesOf(token)).length).toBe(1)
    const first = (await responsesOf(token))[0]
    // Reopened, the form says the link already voted and offers no second response (one per
    // link): the second ballot comes the way a second device's outbox sends it, through the API.
    const second = await fetch(`${server.url}/api/surveys/${VOTE}/responses`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: ballots[1], submissionKey: 'campaign-second-ballot' }),
    })
    expect(second.status, await second.clone().text()).toBeLessThan(300)
    const context = await browser.newContext({ locale: 'en-GB' })
    const form = await context.newPage()
    await form.goto(`${server.url}/s/${VOTE}?t=${token}&lang=en`)
    await form.waitForSelector('#gk-panel[data-view="done"]')
    await shot(form, 'vote-reopened')
    await context.close()
    const mine = await responsesOf(token)
    expect(mine).toHaveLength(1)
    expect(mine[0]?.id).toBe(first?.id)
    const kept = await db()
      .selectFrom('response_history')
      .selectAll()
      .where('response_id', '=', first?.id ?? '')
      .execute()
    expect(kept.map((h) => h.reason)).toEqual(['replaced'])
    expect(JSON.parse(kept[0]?.answers ?? '{}')).toEqual(ballots[0])
    const doc = await analysis(VOTE, '?wave=2026')
    expect(doc.special).toMatchObject({ kind: 'vote', ballots: 1 })
  })

  it('made no page error on the way', () => {
    expect(pageErrors).toEqual([])
  })
})
