import { describe, expect, it } from 'vitest'
import { mean, quartiles, sd } from '../../../analysis/stats/descriptive.ts'
import { kruskalWallisCounts } from '../../../analysis/stats/kruskal-counts.ts'
import { createRandom } from '../../../analysis/stats/random.ts'
import { kruskalWallis } from '../../../analysis/stats/rank-tests.ts'
import {
  countValues,
  expandValues,
  observedQuartilesAscending,
  quartilesAscending,
  repeatAdd,
  sdAscending,
  sumAscending,
} from '../../../analysis/tally/value-counts.ts'

function naiveAdd(sum: number, x: number, count: number): number {
  let s = sum
  for (let c = 0; c < count; c++) s += x
  return s
}

describe('repeatAdd', () => {
  it('gives the bits of adding x count times, for random sums, steps and counts', () => {
    const random = createRandom(3)
    for (let trial = 0; trial < 3000; trial++) {
      const kind = trial % 4
      const x =
        kind === 0
          ? random()
          : kind === 1
            ? (random() - 0.5) * 10
            : kind === 2
              ? 3 * 2 ** -Math.floor(random() * 60)
              : Math.floor(random() * 5) ** 2 + random()
      const start = trial % 3 === 0 ? 0 : (random() - (kind === 1 ? 0.5 : 0)) * 1e6
      const count = Math.floor(random() * (trial % 10 === 0 ? 100_000 : 2000))
      expect(Object.is(repeatAdd(start, x, count), naiveAdd(start, x, count))).toBe(true)
    }
  })

  it('handles additions that round on a tie (the last bit decides)', () => {
    expect(repeatAdd(1, 2 ** -53, 1000)).toBe(naiveAdd(1, 2 ** -53, 1000))
    expect(repeatAdd(3, 3 * 2 ** -52, 100_000)).toBe(naiveAdd(3, 3 * 2 ** -52, 100_000))
    expect(repeatAdd(0, 0.1, 3)).toBe(0.1 + 0.1 + 0.1)
  })
})

describe('descriptives of value counts', () => {
  it('equal the descriptives of the ascending array, bit for bit', () => {
    const random = createRandom(5)
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 400)
      const values = Array.from({ length: n }, () =>
        trial % 2 === 0 ? 1 + Math.floor(random() * 5) : Math.round(random() * 1000) / 10,
      )
      const counts = countValues(values)
      const sorted = [...values].sort((a, b) => a - b)
      expect(expandValues(counts)).toEqual(sorted)
      expect(sumAscending(counts) / n).toBe(mean(sorted))
      expect(sdAscending(counts)).toBe(sd(sorted))
      expect(quartilesAscending(counts)).toEqual(quartiles(sorted))
    }
  })

  it('gives whole-number answers quartiles that were answered (NumPy inverted_cdf)', () => {
    // numpy.quantile(xs, [0.25, 0.5, 0.75], method='inverted_cdf')
    const cases: [number[], [number, number, number]][] = [
      [
        [2023, 2023, 2024, 2024],
        [2023, 2023, 2024],
      ],
      [
        [3, 1, 4, 1, 5, 9, 2, 6],
        [1, 3, 5],
      ],
      [[7], [7, 7, 7]],
      [
        [1, 2],
        [1, 1, 2],
      ],
      [
        [5, 5, 5, 6, 7, 8, 9, 10, 10, 11],
        [5, 7, 10],
      ],
    ]
    for (const [values, [q1, median, q3]] of cases) {
      expect(observedQuartilesAscending(countValues(values))).toEqual({ q1, median, q3 })
    }
    expect(observedQuartilesAscending(countValues([]))).toBeNull()
  })

  it('counts -0 as 0 and reports nothing for an empty sample', () => {
    expect(countValues([-0, 0, 1])).toEqual({ values: [0, 1], counts: [2, 1], n: 3 })
    expect(sdAscending(countValues([]))).toBeNull()
    expect(quartilesAscending(countValues([]))).toBeNull()
  })
})

describe('kruskalWallisCounts', () => {
  it('equals kruskalWallis on the expanded groups (asymptotic case)', () => {
    const random = createRandom(11)
    for (let trial = 0; trial < 100; trial++) {
      const groups = Array.from({ length: 2 + (trial % 4) }, (_, g) =>
        Array.from({ length: 5 + Math.floor(random() * 300) }, () =>
          Math.min(5, 1 + Math.floor(random() * (4 + g))),
        ),
      )
      const expected = kruskalWallis(groups)
      const actual = kruskalWallisCounts(groups.map(countValues))
      expect(actual).toEqual(expected)
    }
  })

  it('words the untestable cases as kruskalWallis does, and leaves small groups to it', () => {
    const equal = [
      [3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3],
    ]
    expect(kruskalWallisCounts(equal.map(countValues))).toEqual(kruskalWallis(equal))
    expect(kruskalWallisCounts([countValues([1, 2, 3, 4, 5])])).toEqual(
      kruskalWallis([[1, 2, 3, 4, 5]]),
    )
    expect(kruskalWallisCounts([countValues([1, 2]), countValues([1, 2, 3, 4, 5])])).toBeNull()
  })
})
