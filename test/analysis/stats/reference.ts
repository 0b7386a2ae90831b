/**
 * SciPy reference values (written by test/fixtures/stats/reference.py) and the tolerance
 * checks used across the stats tests.
 */

import { expect } from 'vitest'
import reference from '../../fixtures/stats/reference.json' with { type: 'json' }

export { reference }

/** |actual − expected| ≤ tolerance · |expected| (absolute 1e-12 around zero). */
export function expectRelative(actual: number | null, expected: number, tolerance = 1e-6): void {
  expect(actual).not.toBeNull()
  const error = Math.abs((actual ?? Number.NaN) - expected)
  expect(error).toBeLessThanOrEqual(Math.max(tolerance * Math.abs(expected), 1e-12))
}

/** |actual − expected| ≤ tolerance; the check used for p-values. */
export function expectAbsolute(actual: number | null, expected: number, tolerance = 1e-6): void {
  expect(actual).not.toBeNull()
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(tolerance)
}
