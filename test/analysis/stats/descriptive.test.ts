import { describe, expect, it } from 'vitest'
import {
  countDistribution,
  describeSample,
  mean,
  median,
  minMax,
  quantile,
  quartiles,
  sd,
} from '../../../analysis/stats/descriptive.ts'
import { expectRelative, reference } from './reference.ts'

describe('descriptives against NumPy', () => {
  it.each(reference.descriptive)('$name', (fixture) => {
    const { values } = fixture
    expectRelative(mean(values), fixture.mean)
    expectRelative(sd(values), fixture.sd)
    expectRelative(median(values), fixture.median)
    expect(minMax(values)).toEqual({ min: fixture.min, max: fixture.max })
    const q = quartiles(values)
    expectRelative(q?.q1 ?? null, fixture.q1)
    expectRelative(q?.q3 ?? null, fixture.q3)
    for (const { prob, value } of fixture.quantiles) expectRelative(quantile(values, prob), value)
  })
})

describe('small and empty samples', () => {
  it('returns null instead of NaN when a statistic does not exist', () => {
    expect(describeSample([])).toEqual({
      n: 0,
      mean: null,
      sd: null,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
    })
    expect(describeSample([4])).toEqual({
      n: 1,
      mean: 4,
      sd: null,
      min: 4,
      q1: 4,
      median: 4,
      q3: 4,
      max: 4,
    })
  })

  it('describes a Likert sample with R type-7 quartiles', () => {
    expect(describeSample([1, 2, 2, 3])).toEqual({
      n: 4,
      mean: 2,
      sd: Math.sqrt(2 / 3),
      min: 1,
      q1: 1.75,
      median: 2,
      q3: 2.25,
      max: 3,
    })
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

describe('countDistribution', () => {
  it('lists every scale level in order, including unchosen ones', () => {
    expect(countDistribution([2, 1, 2, 5], [1, 2, 3, 4, 5])).toEqual([
      { value: 1, count: 1, share: 0.25 },
      { value: 2, count: 2, share: 0.5 },
      { value: 3, count: 0, share: 0 },
      { value: 4, count: 0, share: 0 },
      { value: 5, count: 1, share: 0.25 },
    ])
  })

  it('sorts observed values without levels and keeps values outside the levels', () => {
    expect(countDistribution([3, 1, 3]).map((e) => [e.value, e.count])).toEqual([
      [1, 1],
      [3, 2],
    ])
    expect(countDistribution(['no', 'yes', 'n/a', 'yes'], ['yes', 'no'])).toEqual([
      { value: 'yes', count: 2, share: 0.5 },
      { value: 'no', count: 1, share: 0.25 },
      { value: 'n/a', count: 1, share: 0.25 },
    ])
  })

  it('gives zero shares for an empty sample', () => {
    expect(countDistribution([], [1, 2])).toEqual([
      { value: 1, count: 0, share: 0 },
      { value: 2, count: 0, share: 0 },
    ])
  })
})
