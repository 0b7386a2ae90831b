import { describe, expect, it } from 'vitest'
import {
  chiSquareSf,
  hypergeometricLogPmf,
  logGamma,
  normalSf,
  upperRegularizedGamma,
} from '../../../analysis/stats/distributions.ts'
import { expectRelative, reference } from './reference.ts'

describe('distributions against SciPy', () => {
  it.each(reference.distributions.chi2Sf)('chi2.sf($x, $df)', ({ x, df, sf }) => {
    expectRelative(chiSquareSf(x, df), sf, 1e-9)
  })

  it.each(reference.distributions.normalSf)('norm.sf($x)', ({ x, sf }) => {
    expectRelative(normalSf(x), sf, 1e-9)
  })
})

describe('logGamma and the incomplete gamma function', () => {
  it('gives log factorials and Γ(½) = √π', () => {
    let factorial = 1
    for (let n = 1; n <= 20; n++) {
      factorial *= n
      expectRelative(logGamma(n + 1), Math.log(factorial), 1e-13)
    }
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13)
  })

  it('gives Q(1, x) = e^−x on both sides of the series/fraction switch', () => {
    for (const x of [0.1, 1, 1.99, 2.01, 5, 30])
      expectRelative(upperRegularizedGamma(1, x), Math.exp(-x), 1e-12)
    expect(upperRegularizedGamma(3, 0)).toBe(1)
  })

  it('gives hypergeometric probabilities that sum to 1', () => {
    let total = 0
    for (let k = 0; k <= 10; k++) total += Math.exp(hypergeometricLogPmf(k, 24, 12, 10))
    expectRelative(total, 1, 1e-12)
  })
})
