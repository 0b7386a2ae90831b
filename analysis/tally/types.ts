/**
 * The shapes of a survey tally: where each item's counts sit in a group's flat cell array, the
 * growing lists of free numbers, and the (current, target) pairs of the gap dimensions — with
 * the rule that decides which dimensions can be held as counts and which need their order.
 */

import type { GapDimension } from '../../surveys/types.ts'
import { BOOTSTRAP_MAX_N } from '../mean-intervals.ts'
import { MIN_ASYMPTOTIC_SIZE } from '../stats/kruskal-counts.ts'
import type { AnswerLayout } from './encode.ts'

/** Pairs kept in order in `counts` mode: one more than the largest bootstrapped sample. */
export const ORDER_CAP = BOOTSTRAP_MAX_N + 1

/** Slot kinds of an item in a group's cells. */
export const SCALED = 1
export const FREE = 2
export const CHOICE = 3
export const CHOICES = 4
export const RANKING = 5
export const TEXT = 6

/**
 * Where each item's counts live in a group's `cells`, from `base[j]`:
 * - SCALED: dk, then the count of each of the S scale points, then the sequence number of the
 *   first response that gave each point (the order a `Map` tally would list them in);
 * - FREE: dk (the values themselves go to `GroupTally.free`);
 * - CHOICE, CHOICES: n, dk, then the count of each of the O options;
 * - RANKING: n, then three blocks of O: times each option was placed, the sums of its positions,
 *   its Borda points;
 * - TEXT: n.
 */
export interface SlotPlan {
  kind: Uint8Array
  base: Int32Array
  /** S (scale points) or O (options) per item. */
  points: Int32Array
  size: number
}

/** Growable list of numbers in arrival order. */
export class NumberList {
  private data = new Float64Array(64)
  length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }

  /** The values so far (a view, not a copy). */
  values(): Float64Array {
    return this.data.subarray(0, this.length)
  }
}

/** Pairs of one dimension in one cell of the tally. */
export interface DimensionTally {
  /** Respondents with both values usable. */
  n: number
  /** `counts` mode: respondents per (current point, target point); null in `ordered` mode. */
  pairs: Float64Array | null
  /**
   * Pairs with their response sequence numbers, ascending: all of them in `ordered` mode, the
   * first {@link ORDER_CAP} in `counts` mode (enough for every bootstrapped sample).
   */
  seq: number[]
  current: number[]
  target: number[]
}

/** How a dimension is tallied. */
export interface DimensionPlan {
  /** Item indices, −1 when the path is not a numeric item. */
  current: number
  target: number
  /**
   * `counts` when both items have integer scales and tests never take permutation p-values
   * (k ≥ 5): every figure then follows from the pair counts. Otherwise `ordered`: every pair is
   * kept in response order, exactly as the paired lists were built before.
   */
  mode: 'counts' | 'ordered'
  currentPoints: number
  targetPoints: number
}

/** One group's tally. */
export interface GroupTally {
  key: string
  /** Respondents in the group. */
  n: number
  cells: Float64Array
  /** Free numbers per item index (FREE items only), in response order. */
  free: (NumberList | undefined)[]
  /** Unlisted choice keys per item index, with their counts. */
  extras: (Map<string, number> | undefined)[]
  /** Dimension pairs of the group (filled when the tally is finished). */
  dims: DimensionTally[]
}

/**
 * The slot plan of a layout.
 *
 * @example
 * planSlots(layout).size // total cells per group
 */
export function planSlots(layout: AnswerLayout): SlotPlan {
  const count = layout.items.length
  const kind = new Uint8Array(count)
  const base = new Int32Array(count)
  const points = new Int32Array(count)
  let size = 0
  layout.items.forEach((item, j) => {
    base[j] = size
    if (item.kind === 'numeric') {
      const scale = item.scale?.length ?? 0
      kind[j] = item.scale ? SCALED : FREE
      points[j] = scale
      size += item.scale ? 1 + 2 * scale : 1
    } else if (item.kind === 'choice' || item.kind === 'choices') {
      kind[j] = item.kind === 'choice' ? CHOICE : CHOICES
      points[j] = item.options.length
      size += 2 + item.options.length
    } else if (item.kind === 'ranking') {
      kind[j] = RANKING
      points[j] = item.options.length
      size += 1 + 3 * item.options.length
    } else {
      kind[j] = TEXT
      size += 1
    }
  })
  return { kind, base, points, size }
}

/** An empty group tally. */
export function createGroupTally(key: string, slots: SlotPlan): GroupTally {
  const free: (NumberList | undefined)[] = []
  slots.kind.forEach((kind, j) => {
    if (kind === FREE) free[j] = new NumberList()
  })
  return { key, n: 0, cells: new Float64Array(slots.size), free, extras: [], dims: [] }
}

function integerScale(scale: readonly number[] | null | undefined): scale is number[] {
  return Array.isArray(scale) && scale.every(Number.isInteger)
}

/**
 * How each gap dimension is tallied (see {@link DimensionPlan.mode}); `k` is the suppression
 * threshold, below which a visible group can be small enough for a permutation test.
 */
export function planDimensions(
  layout: AnswerLayout,
  dimensions: readonly GapDimension[],
  k: number,
): DimensionPlan[] {
  const numericAt = (path: string) =>
    layout.items.findIndex((i) => i.path === path && i.kind === 'numeric')
  return dimensions.map((d) => {
    const current = numericAt(d.current)
    const target = numericAt(d.target)
    const cs = layout.items[current]?.scale
    const ts = layout.items[target]?.scale
    const counted = k >= MIN_ASYMPTOTIC_SIZE && integerScale(cs) && integerScale(ts)
    return {
      current,
      target,
      mode: counted ? 'counts' : 'ordered',
      currentPoints: cs?.length ?? 0,
      targetPoints: ts?.length ?? 0,
    }
  })
}

/** An empty dimension tally for a plan. */
export function emptyDimension(plan: DimensionPlan): DimensionTally {
  return {
    n: 0,
    pairs: plan.mode === 'counts' ? new Float64Array(plan.currentPoints * plan.targetPoints) : null,
    seq: [],
    current: [],
    target: [],
  }
}

/**
 * Adds dimension tallies together. `order: 'seq'` sorts the kept pairs by response sequence
 * (one group from its strata); `'concat'` keeps the parts' order (an overall made of groups).
 * In `counts` mode the pairs are kept only when the total is small enough to need them.
 */
export function mergeDimensions(
  parts: readonly DimensionTally[],
  plan: DimensionPlan,
  order: 'seq' | 'concat',
): DimensionTally {
  const out = emptyDimension(plan)
  for (const part of parts) {
    out.n += part.n
    if (!out.pairs || !part.pairs) continue
    for (let i = 0; i < part.pairs.length; i++)
      out.pairs[i] = (out.pairs[i] ?? 0) + (part.pairs[i] ?? 0)
  }
  if (out.pairs && out.n >= ORDER_CAP) return out
  const entries = parts.flatMap((p) =>
    p.seq.map((s, i) => [s, p.current[i] ?? 0, p.target[i] ?? 0]),
  )
  if (order === 'seq') entries.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
  for (const [s, c, t] of entries) {
    out.seq.push(s ?? 0)
    out.current.push(c ?? 0)
    out.target.push(t ?? 0)
  }
  return out
}
