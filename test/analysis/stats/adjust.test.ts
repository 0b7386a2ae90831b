import { describe, expect, it } from 'vitest'
import { adjustPValues } from '../../../analysis/stats/adjust.ts'
import { reference } from './reference.ts'

function expectSame(actual: (number | null)[], expected: (number | null)[]): void {
  expect(actual).toHaveLength(expected.length)
  for (const [i, value] of expected.entries()) {
    if (value === null) expect(actual[i]).toBeNull()
    else expect(actual[i]).toBeCloseTo(value, 12)
  }
}

describe('adjustPValues', () => {
  it.each(reference.adjust)('Holm matches the reference: $name', (fixture) => {
    expectSame(adjustPValues(fixture.p, 'holm'), fixture.holm)
  })

  it.each(reference.adjust)('BH matches SciPy false_discovery_control: $name', (fixture) => {
    expectSame(adjustPValues(fixture.p, 'bh'), fixture.bh)
  })

  it('never makes a p-value smaller and keeps the input order', () => {
    const p = [0.2, 0.01, null, 0.04]
    for (const method of ['holm', 'bh'] as const) {
      const adjusted = adjustPValues(p, method)
      expect(adjusted[2]).toBeNull()
      for (const [i, value] of p.entries()) {
        if (value !== null) expect(adjusted[i]).toBeGreaterThanOrEqual(value)
      }
    }
  })

  it('handles an empty list and rejects values outside [0, 1]', () => {
    expect(adjustPValues([], 'bh')).toEqual([])
    expect(() => adjustPValues([0.5, 1.2], 'holm')).toThrow(RangeError)
    expect(() => adjustPValues([Number.NaN], 'bh')).toThrow(RangeError)
  })
})
