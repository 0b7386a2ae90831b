/**
 * Small-cell suppression (DOMAIN.md "Privacy"). A cell whose own n is below k shows only its n;
 * complementary suppression then hides further cells so that a published total minus the visible
 * cells never reveals a hidden cell.
 */

import type { SuppressedCell } from './types.ts'

/** One cell of a table (a group × item) as suppression sees it. */
export interface SuppressionCell {
  key: string
  /** Below k on its own: hidden whatever else happens. */
  small: boolean
  /**
   * The sizes a total could be split by, e.g. `[n, n + dk]` for a question (its mean covers n
   * respondents, its "don't know" count n + dk). Index 0 orders the candidates for hiding.
   */
  sizes: readonly number[]
}

/** Why a cell is hidden: its own size, or to protect another one. */
export type HiddenReason = 'small' | 'complementary'

/** Which cells, and whether the overall total, must be hidden. */
export interface SuppressionPlan {
  hidden: Map<string, HiddenReason>
  /** `false` when the overall figures can be shown. */
  overall: false | HiddenReason
}

/** Options of {@link planSuppression}. */
export interface SuppressionOptions {
  /** The overall itself is below k (then no total is published and nothing needs protecting). */
  overallSmall: boolean
  /** Cells to hide anyway, e.g. because another table of the document hides them. Default none. */
  forced?: ReadonlySet<string>
}

function hiddenSum(
  cells: readonly SuppressionCell[],
  hidden: Map<string, HiddenReason>,
  m: number,
) {
  let sum = 0
  for (const cell of cells) if (hidden.has(cell.key)) sum += cell.sizes[m] ?? 0
  return sum
}

/** The visible cell to hide next for measure m: smallest positive size, then key order. */
function nextToHide(
  cells: readonly SuppressionCell[],
  hidden: Map<string, HiddenReason>,
  m: number,
): SuppressionCell | undefined {
  let best: SuppressionCell | undefined
  for (const cell of cells) {
    const size = cell.sizes[m] ?? 0
    if (hidden.has(cell.key) || size <= 0) continue
    const bestSize = best?.sizes[m] ?? Number.POSITIVE_INFINITY
    if (size < bestSize || (size === bestSize && (best?.sizes[0] ?? 0) > (cell.sizes[0] ?? 0))) {
      best = cell
    }
  }
  return best
}

/**
 * Plans suppression for one table with a published overall (the sum of its cells).
 *
 * Rule: cells marked `small` (and `forced` ones) are hidden. If the overall is published, then
 * for every size measure the hidden cells together must hold either nobody or at least k
 * respondents — otherwise "overall minus the visible cells" would describe fewer than k people.
 * While that fails, the smallest visible cell is hidden too (`complementary`); if hiding every
 * other cell still cannot reach k, the overall is hidden instead.
 *
 * @example
 * // A n=8, B n=6, C n=3, k=5: C is small, B is hidden to protect it (3 + 6 ≥ 5).
 * planSuppression([{ key: 'A', small: false, sizes: [8] }, { key: 'B', small: false, sizes: [6] },
 *   { key: 'C', small: true, sizes: [3] }], 5, { overallSmall: false })
 * // { hidden: Map { 'C' => 'small', 'B' => 'complementary' }, overall: false }
 */
export function planSuppression(
  cells: readonly SuppressionCell[],
  k: number,
  options: SuppressionOptions,
): SuppressionPlan {
  const hidden = new Map<string, HiddenReason>()
  for (const cell of cells) {
    if (cell.small) hidden.set(cell.key, 'small')
    else if (options.forced?.has(cell.key)) hidden.set(cell.key, 'complementary')
  }
  if (options.overallSmall) return { hidden, overall: 'small' }
  const measures = Math.max(0, ...cells.map((c) => c.sizes.length))
  // Each pass hides one more cell or stops, so this ends after at most cells.length passes.
  for (let pass = 0; pass <= cells.length; pass++) {
    let unsafe = -1
    for (let m = 0; m < measures && unsafe < 0; m++) {
      const sum = hiddenSum(cells, hidden, m)
      if (sum > 0 && sum < k) unsafe = m
    }
    if (unsafe < 0) return { hidden, overall: false }
    const cell = nextToHide(cells, hidden, unsafe)
    if (!cell) return { hidden, overall: 'complementary' }
    hidden.set(cell.key, 'complementary')
  }
  return { hidden, overall: 'complementary' }
}

/**
 * What a hidden cell shows: its n, and `reason: 'complementary'` when it was hidden to protect
 * another cell.
 *
 * @example
 * hiddenCell(3, 'small') // { n: 3, suppressed: true }
 */
export function hiddenCell(n: number, reason: HiddenReason): SuppressedCell {
  return reason === 'small' ? { n, suppressed: true } : { n, suppressed: true, reason }
}
