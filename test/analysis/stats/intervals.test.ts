import { describe, expect, it } from 'vitest'
import { mean, sd } from '../../../analysis/stats/descriptive.ts'
import { bootstrapMeanInterval, wilsonInterval } from '../../../analysis/stats/intervals.ts'
import { createRandom } from '../../../analysis/stats/random.ts'
import { expectRelative, reference } from './reference.ts'

describe('wilsonInterval', () => {
  it('reproduces the DOMAIN.md check: 4 of 7 → [0.2505, 0.8418]', () => {
    const [lo = 0, hi = 0] = wilsonInterval(4, 7) ?? []
    expect(lo).toBeCloseTo(0.2505, 4)
    expect(hi).toBeCloseTo(0.8418, 4)
  })

  it.each(reference.wilson)('matches SciPy binomtest(…).proportion_ci for $x of $n', (fixture) => {
    const interval = wilsonInterval(fixture.x, fixture.n, fixture.z)
    expect(interval).not.toBeNull()
    expectRelative(interval?.[0] ?? null, fixture.lo, 1e-9)
    expectRelative(interval?.[1] ?? null, fixture.hi, 1e-9)
  })

  it('pins the bounds at 0 and 1 for x = 0 and x = n', () => {
    const none = wilsonInterval(0, 5)
    expect(none?.[0]).toBe(0)
    expect(none?.[1]).toBeGreaterThan(0.4)
    const all = wilsonInterval(5, 5)
    expect(all?.[1]).toBe(1)
    expect(all?.[0]).toBeLessThan(0.6)
  })

  it('returns null for n = 0 and throws for impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError)
  })
})

/** Standard normal draws (Box–Muller) from the seeded generator. */
function normals(random: () => number, count: number): number[] {
  return Array.from({ length: count }, () => {
    const u = 1 - random()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
  })
}

describe('bootstrapMeanInterval', () => {
  const values = [2, 3, 3, 4, 2, 3, 5, 1, 4, 3]

  it('gives the identical interval for the same data and seed', () => {
    const first = bootstrapMeanInterval(values, { seed: 11 })
    expect(bootstrapMeanInterval([...values], { seed: 11 })).toEqual(first)
  })

  it('moves only slightly with another seed', () => {
    const a = bootstrapMeanInterval(values, { seed: 1 })
    const b = bootstrapMeanInterval(values, { seed: 2 })
    expect(a).not.toEqual(b)
    expect(Math.abs((a?.[0] ?? 0) - (b?.[0] ?? 9))).toBeLessThan(0.15)
    expect(Math.abs((a?.[1] ?? 0) - (b?.[1] ?? 9))).toBeLessThan(0.15)
  })

  it('contains the sample mean and narrows with a lower level', () => {
    const m = mean(values) ?? Number.NaN
    const wide = bootstrapMeanInterval(values, { seed: 3, level: 0.99 })
    const narrow = bootstrapMeanInterval(values, { seed: 3, level: 0.8 })
    expect(wide?.[0]).toBeLessThan(m)
    expect(wide?.[1]).toBeGreaterThan(m)
    expect(narrow?.[0]).toBeGreaterThan(wide?.[0] ?? 0)
    expect(narrow?.[1]).toBeLessThan(wide?.[1] ?? 0)
  })

  it('agrees with the normal-theory interval on a large sample', () => {
    const sample = normals(createRandom(99), 400).map((z) => 3 + z)
    const m = mean(sample) ?? 0
    const se = (sd(sample) ?? 0) / Math.sqrt(sample.length)
    const [lo = 0, hi = 0] = bootstrapMeanInterval(sample, { seed: 5 }) ?? []
    expect(Math.abs(lo - (m - 1.96 * se))).toBeLessThan(0.15 * se)
    expect(Math.abs(hi - (m + 1.96 * se))).toBeLessThan(0.15 * se)
  })

  it('covers the true mean about 95% of the time (n = 20, normal data)', () => {
    const random = createRandom(2024)
    const trials = 300
    let covered = 0
    for (let t = 0; t < trials; t++) {
      const sample = normals(random, 20)
      const [lo = 1, hi = -1] = bootstrapMeanInterval(sample, { seed: t, resamples: 1000 }) ?? []
      if (lo <= 0 && 0 <= hi) covered++
    }
    // The percentile bootstrap under-covers a little at n = 20 (about 93%).
    expect(covered / trials).toBeGreaterThan(0.88)
    expect(covered / trials).toBeLessThan(0.98)
  })

  it('returns null below two values and [v, v] for constant data', () => {
    expect(bootstrapMeanInterval([], { seed: 1 })).toBeNull()
    expect(bootstrapMeanInterval([4], { seed: 1 })).toBeNull()
    expect(bootstrapMeanInterval([4, 4, 4], { seed: 1 })).toEqual([4, 4])
  })

  it('rejects nonsensical options', () => {
    expect(() => bootstrapMeanInterval(values, { seed: 1, resamples: 0 })).toThrow(RangeError)
    expect(() => bootstrapMeanInterval(values, { seed: 1, level: 1 })).toThrow(RangeError)
  })
})
