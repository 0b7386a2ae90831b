/**
 * Intervals for means as the document reports them: a seeded percentile bootstrap for the
 * small samples it is meant for, and the normal approximation once n is large enough that the
 * two agree (a bootstrap of 10k answers × 2000 resamples per cell would dominate the runtime).
 * A sample is given by its size, sum and sd, with its values in order only where a bootstrap
 * needs them — so a cell of a million answers costs no more than one of a hundred.
 */

import { bootstrapMeanInterval, quantileOfSorted, sd } from './stats/index.ts'
import { createResampler, type Resampler } from './stats/random.ts'
import type { Interval } from './types.ts'

/** Above this n the interval of a mean is mean ± 1.96·sd/√n instead of the bootstrap. */
export const BOOTSTRAP_MAX_N = 100

/** Seed and number of resamples of every bootstrap in the document. */
export interface ResampleSettings {
  seed: number
  resamples: number
}

/** A sample as the intervals read it. */
export interface MeanSample {
  n: number
  /** Σ values, added in the sample's order. */
  sum: () => number
  /** Sample standard deviation (n − 1), null below 2 values. */
  sd: () => number | null
  /** The values in order; present whenever n ≤ {@link BOOTSTRAP_MAX_N}. */
  values: readonly number[] | null
}

/**
 * A sample from its values in order (sum and sd taken in that order).
 *
 * @example
 * sampleOf([3, 4, 4]).sum() // 11
 */
export function sampleOf(values: readonly number[]): MeanSample {
  return {
    n: values.length,
    sum: () => {
      let sum = 0
      for (const v of values) sum += v
      return sum
    },
    sd: () => sd(values),
    values,
  }
}

function normalInterval(mean: number, spread: number, n: number): Interval {
  const half = (1.96 * spread) / Math.sqrt(n)
  return [mean - half, mean + half]
}

function valuesOf(sample: MeanSample): readonly number[] {
  if (!sample.values) throw new Error(`a bootstrap of ${sample.n} values needs the values`)
  return sample.values
}

/**
 * 95% interval of the sample's mean: seeded percentile bootstrap up to
 * {@link BOOTSTRAP_MAX_N} values, normal approximation above; `null` below 2 values.
 *
 * @example
 * estimateMeanInterval(sampleOf([3, 4, 4, 5, 2, 4]), { seed: 1, resamples: 2000 }) // [2.83…, 4.33…]
 */
export function estimateMeanInterval(
  sample: MeanSample,
  settings: ResampleSettings,
): Interval | null {
  const n = sample.n
  if (n < 2) return null
  if (n <= BOOTSTRAP_MAX_N) {
    return bootstrapMeanInterval(valuesOf(sample), {
      seed: settings.seed,
      resamples: settings.resamples,
    })
  }
  return normalInterval(sample.sum() / n, sample.sd() ?? 0, n)
}

/** Draws resampled means: bootstrap for small samples, its normal limit for large. */
function meanSampler(sample: MeanSample, { random, sumOfDraws }: Resampler): () => number {
  const n = sample.n
  if (n > BOOTSTRAP_MAX_N) {
    // A large sample's bootstrap mean is normal with the sample mean and standard error
    // (Box–Muller from the same seeded generator), at a cost independent of n.
    const centre = sample.sum() / n
    const error = (sample.sd() ?? 0) / Math.sqrt(n)
    return () => {
      const u = 1 - random()
      return centre + error * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
    }
  }
  const data = Float64Array.from(valuesOf(sample))
  return () => sumOfDraws(data, n) / n
}

/**
 * 95% interval of mean(b) − mean(a) for two independent samples: each resample draws a mean
 * from `a` and from `b` separately (seeded percentile bootstrap; a side above
 * {@link BOOTSTRAP_MAX_N} draws from its normal limit instead); the closed-form normal
 * interval when both sides are that large. `null` when either sample has fewer than 2 values.
 *
 * @example
 * estimateDifferenceInterval(sampleOf([1, 2, 2, 3]), sampleOf([2, 3, 3, 4]), { seed: 1, resamples: 2000 })
 */
export function estimateDifferenceInterval(
  a: MeanSample,
  b: MeanSample,
  settings: ResampleSettings,
): Interval | null {
  if (a.n < 2 || b.n < 2) return null
  if (a.n > BOOTSTRAP_MAX_N && b.n > BOOTSTRAP_MAX_N) {
    const sa = a.sd() ?? 0
    const sb = b.sd() ?? 0
    const spread = Math.sqrt((sa * sa) / a.n + (sb * sb) / b.n)
    const difference = b.sum() / b.n - a.sum() / a.n
    return [difference - 1.96 * spread, difference + 1.96 * spread]
  }
  const resampler = createResampler(settings.seed)
  const drawA = meanSampler(a, resampler)
  const drawB = meanSampler(b, resampler)
  const differences = new Float64Array(settings.resamples)
  for (let r = 0; r < settings.resamples; r++) {
    const fromB = drawB()
    differences[r] = fromB - drawA()
  }
  differences.sort()
  return [quantileOfSorted(differences, 0.025), quantileOfSorted(differences, 0.975)]
}
