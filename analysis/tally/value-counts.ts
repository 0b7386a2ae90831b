/**
 * A sample held as its distinct values and their counts, and the descriptives of the sorted
 * sample computed from it with the same arithmetic, in the same order, as `stats/descriptive.ts`
 * applies to the expanded, ascending array — so a million answers on a 5-point scale give
 * bit-identical figures without ever materialising a million numbers.
 */

import { BOOTSTRAP_MAX_N, type MeanSample } from '../mean-intervals.ts'

/** A sample as distinct values (ascending) with how often each occurs. */
export interface ValueCounts {
  /** Distinct values, ascending; never -0. */
  values: number[]
  /** `counts[i]` occurrences of `values[i]`; all positive. */
  counts: number[]
  /** Σ counts. */
  n: number
}

/** The empty sample. */
export const NO_VALUES: ValueCounts = { values: [], counts: [], n: 0 }

/**
 * Builds counts from (value, count) pairs in any order; zero counts are dropped and -0 is 0
 * (as a `Map` key would have it).
 *
 * @example
 * countPairs([[4, 2], [2, 1], [4, 1]]) // { values: [2, 4], counts: [1, 3], n: 4 }
 */
export function countPairs(pairs: Iterable<readonly [number, number]>): ValueCounts {
  const map = new Map<number, number>()
  for (const [value, count] of pairs) {
    if (count > 0) map.set(value, (map.get(value) ?? 0) + count)
  }
  const values = [...map.keys()].sort((a, b) => a - b)
  const counts = values.map((v) => map.get(v) ?? 0)
  return { values, counts, n: counts.reduce((s, c) => s + c, 0) }
}

/**
 * Counts of a list of numbers.
 *
 * @example
 * countValues([3, 1, 3]) // { values: [1, 3], counts: [1, 2], n: 3 }
 */
export function countValues(values: Iterable<number>): ValueCounts {
  const map = new Map<number, number>()
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1)
  return countPairs(map)
}

/** The values ascending, each repeated by its count (what `expandTally` gave). */
export function expandValues(sample: ValueCounts): number[] {
  const out: number[] = []
  sample.values.forEach((value, i) => {
    const count = sample.counts[i] ?? 0
    for (let c = 0; c < count; c++) out.push(value)
  })
  return out
}

/** The largest power of two not above x (x > 0, finite, normal). */
function binadeOf(x: number): number {
  let p = 2 ** Math.floor(Math.log2(x))
  if (p > x) p /= 2
  else if (p * 2 <= x) p *= 2
  return p
}

/**
 * The result of `for (let c = 0; c < count; c++) sum += x`, bit for bit, in a few steps: while
 * the sum stays in one binade (one power of two to the next) every addition of x rounds to the
 * same increment, so the additions up to the next binade are one multiplication. Ties (x on the
 * exact midpoint of the grid, where rounding depends on the last bit) fall back to the loop.
 *
 * @example
 * repeatAdd(0, 0.1, 3) // 0.30000000000000004, as 0.1 + 0.1 + 0.1
 */
export function repeatAdd(sum: number, x: number, count: number): number {
  let s = sum
  let left = count
  while (left > 0) {
    if (!(s > 0 && x > 0 && Number.isFinite(s + x)) || s < 2 ** -1021) {
      s += x
      left--
      continue
    }
    const next = s + x
    const step = next - s
    const top = binadeOf(s) * 2
    const grid = top * 2 ** -53
    if (step === 0) return s
    if (next >= top || Math.abs(x - step) === grid / 2) {
      s = next
      left--
      continue
    }
    // Largest j with s + j·step < top; s + j·step is then exact (a multiple of the grid).
    let jumps = Math.min(left, Math.floor((top - s) / step))
    while (jumps > 0 && s + jumps * step >= top) jumps--
    s += jumps * step
    left -= jumps
  }
  return s
}

/**
 * Σ of the ascending sample, added one value at a time from 0 as `mean()` does (see
 * {@link repeatAdd}).
 */
export function sumAscending(sample: ValueCounts): number {
  let sum = 0
  for (let i = 0; i < sample.values.length; i++) {
    const value = sample.values[i] ?? 0
    const count = sample.counts[i] ?? 0
    // Integers on an integer sum below 2^52: every partial sum is exact, so one product is too.
    const whole = Number.isInteger(value) && Number.isInteger(sum)
    if (whole && Math.abs(sum) + Math.abs(value * count) < 2 ** 52) sum += value * count
    else sum = repeatAdd(sum, value, count)
  }
  return sum
}

/** Mean of the sample (`stats.mean` of the ascending array); null when empty. */
export function meanAscending(sample: ValueCounts): number | null {
  return sample.n === 0 ? null : sumAscending(sample) / sample.n
}

/** Sample standard deviation (n − 1) of the ascending array, as `stats.sd` computes it. */
export function sdAscending(sample: ValueCounts): number | null {
  const m = meanAscending(sample)
  if (m === null || sample.n < 2) return null
  let squares = 0
  for (let i = 0; i < sample.values.length; i++) {
    squares = repeatAdd(squares, ((sample.values[i] ?? 0) - m) ** 2, sample.counts[i] ?? 0)
  }
  return Math.sqrt(squares / (sample.n - 1))
}

/** The value at a 0-based position of the ascending array. */
function valueAt(sample: ValueCounts, position: number): number {
  let seen = 0
  for (let i = 0; i < sample.values.length; i++) {
    seen += sample.counts[i] ?? 0
    if (position < seen) return sample.values[i] ?? Number.NaN
  }
  throw new RangeError(`position ${position} outside a sample of ${sample.n}`)
}

/** Type-7 quantile, as `quantileOfSorted` on the ascending array. */
export function quantileAscending(sample: ValueCounts, p: number): number {
  const h = (sample.n - 1) * p
  const lower = Math.floor(h)
  const below = valueAt(sample, lower)
  const above = valueAt(sample, Math.min(lower + 1, sample.n - 1))
  return below + (h - lower) * (above - below)
}

/** First quartile, median and third quartile, as `quartiles()`; null when empty. */
export function quartilesAscending(
  sample: ValueCounts,
): { q1: number; median: number; q3: number } | null {
  if (sample.n === 0) return null
  return {
    q1: quantileAscending(sample, 0.25),
    median: quantileAscending(sample, 0.5),
    q3: quantileAscending(sample, 0.75),
  }
}

/**
 * First quartile, median and third quartile by the inverse of the empirical distribution (R's
 * type 1): each is a value of the sample — the lower middle value of an even sample — so
 * whole-number answers (years, counts) keep whole-number quartiles. Null when empty.
 *
 * @example
 * observedQuartilesAscending(countValues([2023, 2023, 2024, 2024]))
 * // { q1: 2023, median: 2023, q3: 2024 }
 */
export function observedQuartilesAscending(
  sample: ValueCounts,
): { q1: number; median: number; q3: number } | null {
  if (sample.n === 0) return null
  const at = (p: number) => valueAt(sample, Math.max(0, Math.ceil(sample.n * p) - 1))
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) }
}

/**
 * The sample as the mean intervals read it: sum and sd of the ascending values, and for a
 * bootstrap the values in `order` (default: ascending, as a sorted array would give them).
 */
export function sampleOfCounts(
  sample: ValueCounts,
  order: readonly number[] | null = null,
): MeanSample {
  let sd: number | null | undefined
  return {
    n: sample.n,
    sum: () => sumAscending(sample),
    sd: () => {
      sd = sd === undefined ? sdAscending(sample) : sd
      return sd
    },
    values: order ?? (sample.n <= BOOTSTRAP_MAX_N ? expandValues(sample) : null),
  }
}
