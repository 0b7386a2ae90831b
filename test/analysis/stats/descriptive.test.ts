import { describe, expect, it } from 'vitest'
import { mean, median, quantile, quartiles, sd } from '../../../analysis/stats/descriptive.ts'
import { expectRelative, reference } from './reference.ts'

describe('descriptives against NumPy', () => {
  it.each(reference.descriptive)('$name', (fixture) => {
    const { values } = fixture
    expectRelative(mean(values), fixture.mean)
    expectRelative(sd(values), fixture.sd)
    expectRelative(median(values), fixture.median)
    const q = quartiles(values)
    expectRelative(q?.q1 ?? null, fixture.q1)
    expectRelative(q?.q3 ?? null, fixture.q3)
    for (const { prob, value } of fixture.quantiles) expectRelative(quantile(values, prob), value)
  })
})

describe('small and empty samples', () => {
  it('returns null instead of NaN when a statistic does not exist', () => {
    expect([mean([]), sd([]), median([]), quantile([], 0.5), quartiles([])]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
    expect([mean([4]), sd([4]), median([4]), quartiles([4])]).toEqual([
      4,
      null,
      4,
      { q1: 4, median: 4, q3: 4 },
    ])
  })

  it('describes a Likert sample with R type-7 quartiles', () => {
    const values = [1, 2, 2, 3]
    expect([mean(values), sd(values), quartiles(values)]).toEqual([
      2,
      Math.sqrt(2 / 3),
      { q1: 1.75, median: 2, q3: 2.25 },
    ])
  })

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2]
    median(values)
    quartiles(values)
    expect(values).toEqual([3, 1, 2])
  })

  it('rejects a probability outside [0, 1]', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError)
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError)
  })
})
