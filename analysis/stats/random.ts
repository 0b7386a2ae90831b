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
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
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
