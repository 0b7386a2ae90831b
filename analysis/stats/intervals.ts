/**
 * Confidence intervals for proportions (Wilson) and means (seeded percentile bootstrap).
 *
 * Both return `null` when the data cannot support an interval, so a report shows "n too small"
 * rather than a misleadingly narrow range.
 */

import { quantileOfSorted } from './descriptive.ts'
import { createResampler } from './random.ts'

/** A closed interval [lower, upper]. */
export type Interval = [lower: number, upper: number]

/** Options for {@link bootstrapMeanInterval}. */
export interface BootstrapOptions {
  /** Seed of the generator; required so that the same data always give the same interval. */
  seed: number
  /** Number of bootstrap resamples. Default 2000 (the minimum DOMAIN.md asks for). */
  resamples?: number
  /** Confidence level in (0, 1). Default 0.95. */
  level?: number
}

/**
 * Wilson score interval for x successes out of n (no continuity correction), clamped to
 * [0, 1]. Returns `null` for n = 0: there is no proportion to estimate. x = 0 gives a lower
 * bound of exactly 0 and x = n an upper bound of exactly 1.
 *
 * Throws a `RangeError` unless n and x are integers with 0 ≤ x ≤ n.
 *
 * @example
 * wilsonInterval(4, 7) // [0.2505, 0.8418]
 */
export function wilsonInterval(x: number, n: number, z = 1.96): Interval | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a count, got ${n}`)
  if (!Number.isInteger(x) || x < 0 || x > n) {
    throw new RangeError(`x must be an integer in [0, ${n}], got ${x}`)
  }
  if (n === 0) return null
  const p = x / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  const denominator = 1 + z2 / n
  const lower = x === 0 ? 0 : Math.max(0, (centre - half) / denominator)
  const upper = x === n ? 1 : Math.min(1, (centre + half) / denominator)
  return [lower, upper]
}

/**
 * Percentile bootstrap interval for the mean: resample the values with replacement, take the
 * mean of each resample, and return the (1 − level)/2 and (1 + level)/2 quantiles (type 7) of
 * those means.
 *
 * Seeded: the same values, seed and options always give the identical interval. Returns
 * `null` below n = 2 — one value (or none) carries no information about spread, and the
 * degenerate [v, v] would read as certainty.
 *
 * @example
 * bootstrapMeanInterval([3, 4, 4, 5, 2, 4], { seed: 1 }) // [2.833…, 4.333…]
 */
export function bootstrapMeanInterval(
  values: readonly number[],
  options: BootstrapOptions,
): Interval | null {
  const { seed, resamples = 2000, level = 0.95 } = options
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`)
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`)
  const n = values.length
  if (n < 2) return null

  const data = Float64Array.from(values)
  const { sumOfDraws } = createResampler(seed)
  const means = new Float64Array(resamples)
  for (let b = 0; b < resamples; b++) means[b] = sumOfDraws(data, n) / n
  means.sort()
  const alpha = 1 - level
  return [quantileOfSorted(means, alpha / 2), quantileOfSorted(means, 1 - alpha / 2)]
}
