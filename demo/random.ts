/**
 * The seeded randomness of the demo data. mulberry32 uses only 32-bit integer arithmetic, so a
 * seed gives the same answers on every machine; nothing here reads the clock or `Math.random`.
 */

/** A seeded source of uniform numbers in [0, 1). */
export type Rng = () => number

/** Creates a mulberry32 generator from a seed (reduced to an unsigned 32-bit integer). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An integer in [min, max], both included. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

/** True with probability `p`. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p
}

/** An approximately standard-normal number (Irwin–Hall sum of four uniforms, rescaled). */
export function normal(rng: Rng): number {
  return (rng() + rng() + rng() + rng() - 2) * Math.sqrt(3)
}

/** One item, uniformly. Throws on an empty list (a bug in the caller). */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new RangeError('pick from an empty list')
  return item
}

/** One item with probability proportional to its weight. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + Math.max(0, w), 0)
  let x = rng() * total
  for (const [item, w] of items) {
    x -= Math.max(0, w)
    if (x < 0) return item
  }
  const last = items[items.length - 1]
  if (last === undefined) throw new RangeError('pick from an empty list')
  return last[0]
}

/** A copy in random order (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

/** Between `min` and `max` distinct items (clamped to the list), kept in their original order. */
export function pickSome<T>(rng: Rng, items: readonly T[], min: number, max: number): T[] {
  const hi = Math.min(max, items.length)
  const count = randInt(rng, Math.min(min, hi), hi)
  const chosen = new Set(shuffled(rng, items).slice(0, count))
  return items.filter((item) => chosen.has(item))
}

/**
 * `count` distinct items drawn without replacement, heavier weights first more often; returned
 * in draw order (useful for rankings and "top" choices).
 */
export function drawWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[], count: number) {
  const pool = items.filter(([, w]) => w > 0)
  const out: T[] = []
  while (out.length < count && pool.length > 0) {
    const item = pickWeighted(rng, pool)
    out.push(item)
    pool.splice(
      pool.findIndex(([x]) => x === item),
      1,
    )
  }
  return out
}

/** A value rounded to the nearest integer and clamped to [min, max]. */
export function clampRound(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)))
}

/** A calendar date `YYYY-MM-DD` from year, month (1–12) and day, computed without the clock. */
export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)
}
