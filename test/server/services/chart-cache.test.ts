import path from 'node:path'
import type { TopLevelSpec } from 'vega-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChartEntry } from '../../../reports/charts/registry.ts'
import { InvalidInputError, NotFoundError } from '../../../server/errors.ts'
import { createChartCache, createRenderCache } from '../../../server/services/chart-cache.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

const bars = (n: number): ChartEntry => ({
  id: `test.bars.${n}`,
  title: 'bars',
  spec: {
    data: { values: [{ a: 'x', b: n }] },
    mark: 'bar',
    encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
  },
})

describe('render cache', () => {
  it('shares one drawing per spec and keeps only the most recently used', async () => {
    const rendered = createRenderCache(2)
    const one = rendered(bars(1), 'svg')
    expect(rendered(bars(1), 'svg')).toBe(one)
    const svg = new TextDecoder().decode(await one)
    expect(svg).toMatch(/^<svg/)
    // Another extension is another file.
    expect(rendered(bars(1), 'png')).not.toBe(one)
    // bars(1).svg was used last but one: touching it keeps it over bars(1).png.
    expect(rendered(bars(1), 'svg')).toBe(one)
    const two = rendered(bars(2), 'svg')
    expect(rendered(bars(1), 'svg')).toBe(one)
    expect(rendered(bars(2), 'svg')).toBe(two)
    await Promise.all([rendered(bars(1), 'png'), rendered(bars(3), 'svg')])
    const again = rendered(bars(1), 'svg')
    expect(again).not.toBe(one)
    expect(await again).toEqual(await one)
  })

  it('does not keep a failure', async () => {
    const rendered = createRenderCache(4)
    const broken: ChartEntry = { ...bars(1), spec: { mark: 'nope' } as unknown as TopLevelSpec }
    const first = rendered(broken, 'svg')
    await expect(first).rejects.toThrow()
    const second = rendered(broken, 'svg')
    expect(second).not.toBe(first)
    await expect(second).rejects.toThrow()
  })
})

describe('chart cache', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await createTestApp(path.join(FIXTURES, 'surveys'))
  })
  afterEach(async () => {
    await t.close()
  })

  const submit = async () => {
    const res = await t.send('POST', '/api/surveys/example/responses', t.partnerA, {
      answers: { consent: true, stakeholder: 'mfi', satisfaction: 4, barriers: ['cost'] },
    })
    expect(res.status).toBe(201)
  }

  it('reuses an analysis while the data is unchanged, and makes a fresh one after a change', async () => {
    const cache = createChartCache(t.db.kysely, t.registry)
    await submit()
    const first = await cache.charts('example', {})
    expect(await cache.charts('example', {})).toBe(first)
    expect(first.doc.n).toBe(1)
    expect(first.charts.length).toBeGreaterThan(0)
    // Another query is another entry.
    expect(await cache.charts('example', { locale: 'fr' })).not.toBe(first)
    await submit()
    const second = await cache.charts('example', {})
    expect(second).not.toBe(first)
    expect(second.doc.n).toBe(2)
  })

  it('refuses an unknown questionnaire and a bad grouping with domain errors', async () => {
    const cache = createChartCache(t.db.kysely, t.registry)
    await expect(cache.charts('nope', {})).rejects.toBeInstanceOf(NotFoundError)
    await expect(cache.charts('example', { by: 'nowhere' })).rejects.toBeInstanceOf(
      InvalidInputError,
    )
  })
})
