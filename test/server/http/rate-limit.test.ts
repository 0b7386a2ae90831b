/**
 * Rate limits (token buckets per token, per address, on sign-in) and the daily quotas of a
 * partner link, through the app with a clock the test moves.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, type LimitSettings, NO_LIMITS } from '../../../server/config.ts'
import { createRateLimiter } from '../../../server/http/rate-limit.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

const SURVEY = '/api/surveys/microfinance-gap/responses'
let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

/** An app whose clock is `clock.now`, with `limits` over no limits at all. */
async function appWith(limits: Partial<LimitSettings>) {
  const clock = { now: new Date('2026-03-01T10:00:00.000Z') }
  t = await createTestApp(undefined, {
    limits: { ...NO_LIMITS, ...limits },
    now: () => clock.now,
  })
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms)
  }
  return { t, clock, advance }
}

const draft = (extra: Record<string, unknown> = {}) => ({ answers: {}, draft: true, ...extra })

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error
}

describe('token buckets', () => {
  it('allows N at once, then one every 60/N s', () => {
    const clock = { now: new Date(0) }
    const limiter = createRateLimiter(6, () => clock.now)
    for (let i = 0; i < 6; i++) expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(10)
    expect(limiter.take('b')).toBe(0)
    clock.now = new Date(9_000)
    expect(limiter.take('a')).toBe(1)
    clock.now = new Date(10_000)
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(10)
  })
})

describe('rate limits', () => {
  it('answers 429 with Retry-After once a token has written its share, and again later', async () => {
    const { t, advance } = await appWith({ writesPerToken: 3 })
    for (let i = 0; i < 3; i++) {
      expect((await t.send('POST', SURVEY, t.partnerA, draft())).status).toBe(201)
    }
    const refused = await t.send('POST', SURVEY, t.partnerA, draft())
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('20')
    const error = await errorOf(refused)
    expect(error.code).toBe('rate_limited')
    expect(error.message).toBe('more than 3 writes a minute with this link: try again in 20 s')
    // Another link is not held back, and reads are not limited.
    expect((await t.send('POST', SURVEY, t.partnerB, draft())).status).toBe(201)
    expect((await t.send('GET', '/api/surveys', t.partnerA)).status).toBe(200)
    advance(20_000)
    expect((await t.send('POST', SURVEY, t.partnerA, draft())).status).toBe(201)
    expect(await t.count()).toBe(5)
  })

  it('limits writes per client address, read from X-Forwarded-For behind a proxy', async () => {
    const { t } = await appWith({ writesPerAddress: 2, trustProxy: true })
    const post = (token: string, address: string) =>
      t.app.request(SURVEY, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'x-forwarded-for': `203.0.113.9, ${address}`,
        },
        body: JSON.stringify(draft()),
      })
    expect((await post(t.partnerA, '198.51.100.1')).status).toBe(201)
    expect((await post(t.partnerB, '198.51.100.1')).status).toBe(201)
    const refused = await post(t.partnerA, '198.51.100.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect((await post(t.partnerA, '198.51.100.2')).status).toBe(201)
  })

  it('limits sign-in attempts per address, on the form and with ?t=', async () => {
    const { t } = await appWith({ signInsPerAddress: 2, trustProxy: true })
    const headers = { 'x-forwarded-for': '198.51.100.7' }
    const login = () =>
      t.app.request('/admin/login', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'token=wrong',
      })
    expect((await login()).status).not.toBe(429)
    expect((await t.app.request('/admin?t=wrong', { headers })).status).toBe(401)
    const refused = await t.app.request(`/admin?t=${t.admin}`, { headers })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(await refused.text()).toMatch(/^Too many sign-in attempts from this address/)
    expect((await login()).status).toBe(429)
    // Pages without a token are not sign-in attempts.
    expect((await t.app.request('/admin', { headers })).status).toBe(200)
  })

  it('has defaults suited to real use, off in NO_LIMITS', () => {
    expect(DEFAULT_LIMITS.writesPerToken).toBeGreaterThanOrEqual(300)
    expect(Object.values(NO_LIMITS).every((v) => v === 0 || v === false)).toBe(true)
  })
})

describe('daily quotas of a partner link', () => {
  it('refuses a new response past the daily count until midnight UTC', async () => {
    const { t, clock } = await appWith({ linkResponsesPerDay: 2 })
    expect((await t.send('POST', SURVEY, t.partnerA, draft())).status).toBe(201)
    // A retry of the same submission is not a new response.
    const keyed = draft({ submissionKey: 'k1' })
    expect((await t.send('POST', SURVEY, t.partnerA, keyed)).status).toBe(201)
    expect((await t.send('POST', SURVEY, t.partnerA, keyed)).status).toBe(200)
    const refused = await t.send('POST', SURVEY, t.partnerA, draft())
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe(String(14 * 3600))
    const error = await errorOf(refused)
    expect(error.code).toBe('quota_exceeded')
    expect(error.message).toBe(
      'this partner link has reached its daily limit of 2 new responses; it resets at midnight UTC (in 14 h 0 min)',
    )
    // The admin token is not counted; another link has its own count.
    const asAdmin = draft({ region: 'FR-93' })
    expect((await t.send('POST', SURVEY, t.admin, asAdmin)).status).toBe(201)
    expect((await t.send('POST', SURVEY, t.partnerB, draft())).status).toBe(201)
    clock.now = new Date('2026-03-02T00:00:00.000Z')
    expect((await t.send('POST', SURVEY, t.partnerA, draft())).status).toBe(201)
  })

  it('counts the bytes of new responses and what a draft grows by', async () => {
    const { t } = await appWith({ linkBytesPerDay: 2_500 })
    const text = (n: number) => ({ biggest_gap: 'a'.repeat(n) })
    const created = await t.send('POST', SURVEY, t.partnerA, { answers: text(1_000), draft: true })
    expect(created.status).toBe(201) // ~1,040 bytes
    const { id } = (await created.json()) as { id: string }
    const put = (n: number) =>
      t.send('PUT', `/api/responses/${id}`, t.partnerA, { answers: text(n), draft: true })
    // Saving the same draft again and again costs nothing: it does not grow.
    for (let i = 0; i < 10; i++) expect((await put(1_000)).status).toBe(200)
    expect((await put(1_400)).status).toBe(200) // + ~420
    const tooMuch = await t.send('POST', SURVEY, t.partnerA, {
      answers: text(1_050),
      draft: true,
    })
    expect(tooMuch.status).toBe(429)
    expect((await errorOf(tooMuch)).message).toMatch(/daily limit of 2500 bytes of answers/)
    expect((await put(2_600)).status).toBe(429) // + ~1,200
    expect((await t.send('POST', SURVEY, t.partnerA, draft())).status).toBe(201)
    expect(await t.count()).toBe(2)
  })
})
