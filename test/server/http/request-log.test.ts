/** The request log: one line per request, never a token; off unless asked for. */
import { afterEach, describe, expect, it } from 'vitest'
import { redactUrl } from '../../../server/http/request-log.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('redactUrl', () => {
  it('masks the token parameter and keeps the rest', () => {
    expect(redactUrl('http://h:3000/s/x?t=gkp_abc&lang=fr')).toBe('/s/x?t=***&lang=fr')
    expect(redactUrl('http://h/api/a?lang=fr&T=secret&token=x')).toBe(
      '/api/a?lang=fr&T=***&token=***',
    )
    expect(redactUrl('http://h/a?%74=secret')).toBe('/a?%74=***')
    expect(redactUrl('http://h/healthz')).toBe('/healthz')
  })
})

describe('the log', () => {
  it('writes method, path, status and time, one line a request, without tokens', async () => {
    const lines: string[] = []
    t = await createTestApp(undefined, {
      log: (line) => lines.push(line),
      now: () => new Date('2026-03-01T10:00:00.000Z'),
    })
    await t.send('GET', '/healthz', null)
    await t.send('POST', '/api/surveys/microfinance-gap/responses', t.partnerA, { answers: 1 })
    await t.app.request(`/s/microfinance-gap?t=${t.partnerA}&lang=fr`)
    await t.send('GET', '/api/surveys', 'gkp_not-a-token')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/^2026-03-01T10:00:00\.000Z GET \/healthz 200 \d+(\.\d)?ms$/)
    expect(lines[1]).toMatch(/ POST \/api\/surveys\/microfinance-gap\/responses 422 /)
    expect(lines[2]).toMatch(/ GET \/s\/microfinance-gap\?t=\*\*\*&lang=fr 200 /)
    expect(lines[3]).toMatch(/ GET \/api\/surveys 401 /)
    const all = lines.join('\n')
    for (const secret of [t.partnerA, 'gkp_not-a-token']) expect(all).not.toContain(secret)
  })

  it('is off unless a printer is given', async () => {
    const printed: unknown[] = []
    const original = console.log
    const originalError = console.error
    console.log = (...args: unknown[]) => printed.push(args)
    console.error = (...args: unknown[]) => printed.push(args)
    try {
      t = await createTestApp()
      await t.send('GET', '/healthz', null)
    } finally {
      console.log = original
      console.error = originalError
    }
    expect(printed).toEqual([])
  })
})
