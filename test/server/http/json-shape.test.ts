/**
 * The structure of a JSON body judged on its text (server/http/json-shape.ts): the same counts
 * as the parsed value for any JSON, and a 422 before parsing for an answer set too large to
 * check.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LIMITS } from '../../../server/config.ts'
import { measureJson } from '../../../server/http/json-shape.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

/** Keys plus list entries, and the nesting, of a parsed value: what the scan must find. */
function countParsed(value: unknown, depth = 1): { values: number; depth: number } {
  if (typeof value !== 'object' || value === null) return { values: 0, depth: depth - 1 }
  const items = Array.isArray(value) ? value : Object.values(value)
  let values = items.length
  let deepest = depth
  for (const item of items) {
    const inner = countParsed(item, depth + 1)
    values += inner.values
    deepest = Math.max(deepest, inner.depth)
  }
  return { values, depth: deepest }
}

describe('measureJson', () => {
  it('counts exactly what the parser builds, for any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined)
        const { values, depth } = countParsed(value)
        expect(measureJson(text, { maxValues: values, maxDepth: depth })).toBeNull()
        if (values > 0) {
          expect(measureJson(text, { maxValues: values - 1, maxDepth: depth })).toBe('values')
        }
        if (depth > 0) {
          expect(measureJson(text, { maxValues: values, maxDepth: depth - 1 })).toBe('depth')
        }
      }),
      { numRuns: 300, seed: 16 },
    )
  })

  it('is not fooled by brackets, colons and quotes inside strings', () => {
    const text = JSON.stringify({ a: '[{"x":1},:,\\"]', b: ['"', '\\', ':'] })
    expect(measureJson(text, { maxValues: 5, maxDepth: 2 })).toBeNull()
    expect(measureJson(text, { maxValues: 4, maxDepth: 2 })).toBe('values')
  })
})

describe('the answers routes', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(undefined, { limits: NO_LIMITS })
  })
  afterAll(async () => {
    await t.close()
  })

  it('refuse a body of 90,000 rows (under 1 MiB) with 422 before parsing it, and store nothing', async () => {
    const rows = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`r${i}`, 1]))
    const url = '/api/surveys/microfinance-gap/responses'
    const res = await t.send('POST', url, t.partnerA, { answers: { importance: rows } })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_answers',
        message: 'the answers are too large to check',
        details: [
          {
            question: '',
            message:
              'The answers hold more than 10000 values (keys and list entries): nothing was checked.',
          },
        ],
      },
    })
    let deep = '1'
    for (let i = 0; i < 200_000; i++) deep = `[${deep}`
    const nested = await t.app.request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.partnerA}`, 'content-type': 'application/json' },
      body: `{"answers":{"q":${deep}`,
    })
    expect(nested.status).toBe(422)
    expect(await t.count()).toBe(0)
  })
})
