/**
 * Intervals for means as the document reports them: a seeded percentile bootstrap for the
 * small samples it is meant for, and the normal approximation once n is large enough that the
 * two agree (a bootstrap of 10k answers × 2000 resamples per cell would dominate the runtime).
 */

import { bootstrapMeanInterval, quantileOfSorted, sd } from './stats/index.ts'
import { createRandom } from './stats/random.ts'
import type { Interval } from './types.ts'

/** Above this n the interval of a mean is mean ± 1.96·sd/√n instead of the bootstrap. */
export const BOOTSTRAP_MAX_N = 100

/** Seed and number of resamples of every bootstrap in the document. */
export interface ResampleSettings {
  seed: number
  resamples: number
}

function normalInterval(mean: number, spread: number, n: number): Interval {
  const half = (1.96 * spread) / Math.sqrt(n)
  return [mean - half, mean + half]
}

/**
 * 95% interval of the mean of `values`: seeded percentile bootstrap up to
 * {@link BOOTSTRAP_MAX_N} values, normal approximation above; `null` below 2 values.
 *
 * @example
 * estimateMeanInterval([3, 4, 4, 5, 2, 4], { seed: 1, resamples: 2000 }) // [2.83…, 4.33…]
 */
export function estimateMeanInterval(
  values: readonly number[],
  settings: ResampleSettings,
): Interval | null {
  const n = values.length
  if (n < 2) return null
  if (n <= BOOTSTRAP_MAX_N) {
    return bootstrapMeanInterval(values, { seed: settings.seed, resamples: settings.resamples })
  }
  let sum = 0
  for (const v of values) sum += v
  return normalInterval(sum / n, sd(values) ?? 0, n)
}

function meanOf(values: readonly number[]): number {
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/** Draws resampled means of `data`: bootstrap for small samples, its normal limit for large. */
function meanSampler(data: readonly number[], random: () => number): () => number {
  const n = data.length
  if (n > BOOTSTRAP_MAX_N) {
    // A large sample's bootstrap mean is normal with the sample mean and standard error
    // (Box–Muller from the same seeded generator), at a cost independent of n.
    const centre = meanOf(data)
    const error = (sd(data) ?? 0) / Math.sqrt(n)
    return () => {
      const u = 1 - random()
      return centre + error * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
    }
  }
  return () => {
    let sum = 0
    for (let i = 0; i < n; i++) sum += data[Math.floor(random() * n)] ?? 0
    return sum / n
  }
}

/**
 * 95% interval of mean(b) − mean(a) for two independent samples: each resample draws a mean
 * from `a` and from `b` separately (seeded percentile bootstrap; a side above
 * {@link BOOTSTRAP_MAX_N} draws from its normal limit instead); the closed-form normal
 * interval when both sides are that large. `null` when either sample has fewer than 2 values.
 *
 * @example
 * estimateDifferenceInterval([1, 2, 2, 3], [2, 3, 3, 4], { seed: 1, resamples: 2000 })
 */
export function estimateDifferenceInterval(
  a: readonly number[],
  b: readonly number[],
  settings: ResampleSettings,
): Interval | null {
  if (a.length < 2 || b.length < 2) return null
  if (a.length > BOOTSTRAP_MAX_N && b.length > BOOTSTRAP_MAX_N) {
    const sa = sd(a) ?? 0
    const sb = sd(b) ?? 0
    const spread = Math.sqrt((sa * sa) / a.length + (sb * sb) / b.length)
    const difference = meanOf(b) - meanOf(a)
    return [difference - 1.96 * spread, difference + 1.96 * spread]
  }
  const random = createRandom(settings.seed)
  const drawA = meanSampler(a, random)
  const drawB = meanSampler(b, random)
  const differences = new Float64Array(settings.resamples)
  for (let r = 0; r < settings.resamples; r++) {
    const fromB = drawB()
    differences[r] = fromB - drawA()
  }
  differences.sort()
  return [quantileOfSorted(differences, 0.025), quantileOfSorted(differences, 0.975)]
}
