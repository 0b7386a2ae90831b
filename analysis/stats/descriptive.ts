/**
 * Descriptive statistics for small samples. Every function takes finite numbers (answer codes
 * such as "don't know" are removed by the caller) and returns `null` where the statistic does
 * not exist for that n, instead of NaN.
 */

/** Summary of one sample; fields are `null` when n is too small for them. */
export interface Description {
  n: number
  mean: number | null
  /** Sample standard deviation (n − 1); `null` below n = 2. */
  sd: number | null
  min: number | null
  q1: number | null
  median: number | null
  q3: number | null
  max: number | null
}

/** One value of a counts distribution. */
export interface CountEntry<T> {
  value: T
  count: number
  /** count / n; 0 when there are no values at all. */
  share: number
}

/**
 * Arithmetic mean; `null` for an empty sample.
 *
 * @example
 * mean([2, 3, 3, 4]) // 3
 */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/**
 * Sample standard deviation with the n − 1 denominator (NumPy `std(ddof=1)`); `null` below
 * n = 2, where it is undefined.
 *
 * @example
 * sd([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138…
 */
export function sd(values: readonly number[]): number | null {
  const m = mean(values)
  if (m === null || values.length < 2) return null
  let squares = 0
  for (const v of values) squares += (v - m) ** 2
  return Math.sqrt(squares / (values.length - 1))
}

/** Ascending copy; the input is never mutated. */
function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b)
}

/**
 * Type-7 quantile of values that are already sorted ascending (no copy, no sort), for callers
 * that take several quantiles of one large sample. Throws a `RangeError` when it is empty.
 *
 * @example
 * quantileOfSorted([1, 2, 3, 4], 0.75) // 3.25
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p
  const lower = Math.floor(h)
  const below = sorted[lower]
  const above = sorted[Math.min(lower + 1, sorted.length - 1)]
  if (below === undefined || above === undefined) throw new RangeError('empty sample')
  return below + (h - lower) * (above - below)
}

/**
 * Quantile by linear interpolation between order statistics (R type 7, NumPy's default);
 * `null` for an empty sample. Throws a `RangeError` when p is outside [0, 1].
 *
 * @example
 * quantile([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`)
  if (values.length === 0) return null
  return quantileOfSorted(sortedCopy(values), p)
}

/**
 * Median (middle value, or mean of the two middle values); `null` for an empty sample.
 *
 * @example
 * median([3, 1, 4, 4]) // 3.5
 */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5)
}

/**
 * First quartile, median and third quartile (type 7); `null` for an empty sample.
 *
 * @example
 * quartiles([1, 2, 3, 4, 5]) // { q1: 2, median: 3, q3: 4 }
 */
export function quartiles(
  values: readonly number[],
): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null
  const sorted = sortedCopy(values)
  return {
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
  }
}

/**
 * Smallest and largest value; `null` for an empty sample.
 *
 * @example
 * minMax([3, 1, 4]) // { min: 1, max: 4 }
 */
export function minMax(values: readonly number[]): { min: number; max: number } | null {
  if (values.length === 0) return null
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  return { min, max }
}

/**
 * n, mean, sd, min, quartiles and max of one sample in a single object.
 *
 * @example
 * describeSample([1, 2, 2, 3]) // { n: 4, mean: 2, sd: 0.816…, min: 1, q1: 1.75, median: 2, q3: 2.25, max: 3 }
 */
export function describeSample(values: readonly number[]): Description {
  const q = quartiles(values)
  const range = minMax(values)
  return {
    n: values.length,
    mean: mean(values),
    sd: sd(values),
    min: range?.min ?? null,
    q1: q?.q1 ?? null,
    median: q?.median ?? null,
    q3: q?.q3 ?? null,
    max: range?.max ?? null,
  }
}

/**
 * Count each distinct value, with its share of n.
 *
 * With `levels` (for example the points of a Likert scale) every level is listed in that order,
 * including those nobody chose; values that are not levels follow, ascending, so nothing is
 * silently dropped. Without `levels` the observed values are listed ascending.
 *
 * @example
 * countDistribution([2, 1, 2, 5], [1, 2, 3, 4, 5])
 * // [{ value: 1, count: 1, share: 0.25 }, { value: 2, count: 2, share: 0.5 }, { value: 3, count: 0, share: 0 }, …]
 */
export function countDistribution<T extends number | string>(
  values: readonly T[],
  levels: readonly T[] = [],
): CountEntry<T>[] {
  const counts = new Map<T, number>()
  for (const level of levels) counts.set(level, 0)
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  const known = new Set(levels)
  const extra = [...counts.keys()]
    .filter((v) => !known.has(v))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const n = values.length
  return [...new Set(levels), ...extra].map((value) => {
    const count = counts.get(value) ?? 0
    return { value, count, share: n === 0 ? 0 : count / n }
  })
}
