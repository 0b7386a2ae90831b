/**
 * Seeded pseudo-random numbers for bootstrap and permutation tests.
 *
 * mulberry32 uses only 32-bit integer arithmetic (`Math.imul`, shifts), so a seed gives the
 * same sequence on every platform and Node version; `Math.random` is never used, so the same
 * data and seed always give the same report.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number

/**
 * Create a deterministic uniform generator (mulberry32) from a seed.
 *
 * The seed is reduced to an unsigned 32-bit integer (`seed >>> 0`), so 1 and 1.5 give the same
 * sequence; a non-finite seed is a programming error and throws a `RangeError`.
 *
 * @example
 * const random = createRandom(42)
 * random() // 0.6011037519201636, the same on every machine
 */
export function createRandom(seed: number): Random {
  return createResampler(seed).random
}

/** mulberry32's output for a state, as a uniform number in [0, 1). */
function uniformOf(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** A seeded generator that also draws whole resamples, on one and the same sequence. */
export interface Resampler {
  /** The next uniform number: the sequence of `createRandom(seed)`. */
  random: Random
  /**
   * Σ `values[randomIndex(random, n)]` over n draws, added in draw order (a missing value
   * counts 0): the sum and generator state the loop would give, at a fraction of its cost, as
   * the bootstrap's inner loop keeps the state in a local instead of calling `random` per draw.
   */
  sumOfDraws: (values: Float64Array, n: number) => number
}

/**
 * {@link createRandom} with a bulk draw for the bootstrap. Calls to `random` and `sumOfDraws`
 * may interleave: both advance the same sequence.
 *
 * @example
 * const { sumOfDraws } = createResampler(1)
 * sumOfDraws(Float64Array.of(3, 4, 5), 3) / 3 // the mean of one resample
 */
export function createResampler(seed: number): Resampler {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
  let state = seed >>> 0
  return {
    random: () => {
      state = (state + 0x6d2b79f5) >>> 0
      return uniformOf(state)
    },
    sumOfDraws: (values, n) => {
      let local = state
      let sum = 0
      for (let i = 0; i < n; i++) {
        local = (local + 0x6d2b79f5) >>> 0
        sum += values[Math.floor(uniformOf(local) * n)] ?? 0
      }
      state = local
      return sum
    },
  }
}

/**
 * A uniform integer in [0, n) drawn from `random`.
 *
 * @example
 * randomIndex(createRandom(1), 6) // a die roll minus one
 */
export function randomIndex(random: Random, n: number): number {
  return Math.floor(random() * n)
}

/**
 * Shuffle numbers in place (Fisher–Yates) and return the same array.
 *
 * @example
 * shuffleInPlace([1, 2, 3, 4], createRandom(7))
 */
export function shuffleInPlace<T extends number[] | Float64Array>(items: T, random: Random): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1)
    const a = items[i]
    const b = items[j]
    // Both indices are in range, so this never fires; it keeps the types honest without casts.
    if (a === undefined || b === undefined) throw new RangeError('index out of range')
    items[i] = b
    items[j] = a
  }
  return items
}
