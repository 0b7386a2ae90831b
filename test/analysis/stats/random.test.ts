import { describe, expect, it } from 'vitest'
import {
  createRandom,
  createResampler,
  randomIndex,
  shuffleInPlace,
} from '../../../analysis/stats/random.ts'
import { reference } from './reference.ts'

function draw(seed: number, count: number): number[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => random())
}

describe('createRandom', () => {
  it.each(reference.random)(
    'matches an independent Python mulberry32 for seed $seed',
    (fixture) => {
      expect(draw(fixture.seed, fixture.values.length)).toEqual(fixture.values)
    },
  )

  it('repeats its sequence for a seed and changes it with the seed', () => {
    expect(draw(7, 50)).toEqual(draw(7, 50))
    expect(draw(7, 50)).not.toEqual(draw(8, 50))
  })

  it('draws uniform numbers in [0, 1)', () => {
    const values = draw(123, 20_000)
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
    const mean = values.reduce((s, v) => s + v, 0) / values.length
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01)
    const lowQuarter = values.filter((v) => v < 0.25).length / values.length
    expect(Math.abs(lowQuarter - 0.25)).toBeLessThan(0.015)
  })

  it('rejects a seed that is not a finite number', () => {
    expect(() => createRandom(Number.NaN)).toThrow(RangeError)
  })
})

describe('randomIndex and shuffleInPlace', () => {
  it('draws every index of a die', () => {
    const random = createRandom(5)
    const seen = new Set(Array.from({ length: 200 }, () => randomIndex(random, 6)))
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('permutes in place, keeps the values and is deterministic per seed', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8]
    const first = shuffleInPlace([...items], createRandom(3))
    expect(shuffleInPlace([...items], createRandom(3))).toEqual(first)
    expect([...first].sort((a, b) => a - b)).toEqual(items)
    expect(first).not.toEqual(items)
    const typed = Float64Array.from(items)
    expect(shuffleInPlace(typed, createRandom(3))).toBe(typed)
    expect([...typed]).toEqual(first)
  })
})

describe('createResampler', () => {
  it('sums the draws of the one-at-a-time loop, on the same sequence', () => {
    const values = Float64Array.from([0.1, 2.5, 3, 4.75, 5, 1e-3, 7])
    const loop = createRandom(11)
    const { random, sumOfDraws } = createResampler(11)
    for (let round = 0; round < 50; round++) {
      let expected = 0
      for (let i = 0; i < values.length; i++)
        expected += values[randomIndex(loop, values.length)] ?? 0
      // Bit for bit: same indices, added in the same order.
      expect(sumOfDraws(values, values.length)).toBe(expected)
      // Interleaved single draws continue the same sequence.
      expect(random()).toBe(loop())
    }
  })

  it('counts a missing value as 0, as the loop does', () => {
    const loop = createRandom(2)
    let expected = 0
    for (let i = 0; i < 5; i++) expected += [1, 2][randomIndex(loop, 5)] ?? 0
    expect(createResampler(2).sumOfDraws(Float64Array.from([1, 2]), 5)).toBe(expected)
  })
})
