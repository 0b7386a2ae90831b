/**
 * Descriptive statistics for small samples. Every function takes finite numbers (answer codes
 * such as "don't know" are removed by the caller) and returns `null` where the statistic does
 * not exist for that n, instead of NaN.
 */

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
