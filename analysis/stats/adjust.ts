/**
 * Adjusting p-values when many items are tested at once: Holm (family-wise error) for
 * confirmatory claims, Benjamini–Hochberg (false discovery rate) for screening.
 */

/** 'holm': Holm step-down (FWER). 'bh': Benjamini–Hochberg step-up (FDR). */
export type AdjustMethod = 'holm' | 'bh'

/**
 * Adjust p-values for multiple comparisons, returning them in the input order.
 *
 * `null` entries (items that could not be tested) pass through unchanged and do not count in
 * m. Holm matches statsmodels `multipletests(method='holm')`; BH matches SciPy
 * `false_discovery_control(method='bh')`. Throws a `RangeError` for a value outside [0, 1].
 *
 * @example
 * adjustPValues([0.01, null, 0.04, 0.03], 'holm') // [0.03, null, 0.06, 0.06]
 */
export function adjustPValues(
  p: readonly (number | null)[],
  method: AdjustMethod,
): (number | null)[] {
  const tested: { value: number; index: number }[] = []
  for (const [index, value] of p.entries()) {
    if (value === null) continue
    if (!(value >= 0 && value <= 1))
      throw new RangeError(`p-values must be in [0, 1], got ${value}`)
    tested.push({ value, index })
  }
  // Stable sort, so tied p-values keep their input order, as with NumPy's mergesort.
  tested.sort((x, y) => x.value - y.value)
  const m = tested.length
  const adjusted: (number | null)[] = [...p]

  if (method === 'holm') {
    // Step down: multiply the k-th smallest by (m − k) and never let the result decrease.
    let running = 0
    for (const [k, { value, index }] of tested.entries()) {
      running = Math.max(running, Math.min(1, (m - k) * value))
      adjusted[index] = running
    }
  } else {
    // Step up: scale the k-th smallest by m / (k + 1) and take the minimum from the top down.
    let running = 1
    for (let k = m - 1; k >= 0; k--) {
      const entry = tested[k]
      if (entry === undefined) continue
      running = Math.min(running, (entry.value * m) / (k + 1))
      adjusted[entry.index] = running
    }
  }
  return adjusted
}
