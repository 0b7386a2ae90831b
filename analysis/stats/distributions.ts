/**
 * The few distribution functions the tests need, written out so they can be read and checked
 * against SciPy (see test/fixtures/stats/reference.py): log-gamma, the regularized upper
 * incomplete gamma function, and from it the χ² and standard-normal upper tails; plus the
 * hypergeometric log-probability for Fisher's exact test.
 */

const LANCZOS_G = 7
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
]
const EPSILON = 1e-15
const MAX_ITERATIONS = 10_000
const TINY = 1e-300

/**
 * Natural log of the gamma function for x > 0 (Lanczos, g = 7; about 15 significant digits).
 *
 * @example
 * logGamma(5) // ln(24)
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the approximation in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
  }
  const z = x - 1
  let sum = LANCZOS[0] ?? 1
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i)
  const t = z + LANCZOS_G + 0.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** Lower regularized gamma P(a, x) by its power series; converges fast for x < a + 1. */
function lowerGammaSeries(a: number, x: number): number {
  let term = 1 / a
  let sum = term
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n)
    sum += term
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a))
}

/** Upper regularized gamma Q(a, x) by its continued fraction (modified Lentz); for x ≥ a + 1. */
function upperGammaFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPSILON) break
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h
}

/**
 * Upper regularized incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0, x ≥ 0.
 *
 * @example
 * upperRegularizedGamma(1, 2) // e^-2
 */
export function upperRegularizedGamma(a: number, x: number): number {
  if (x <= 0) return 1
  // Each branch is used where it converges quickly and without cancellation.
  return x < a + 1 ? 1 - lowerGammaSeries(a, x) : upperGammaFraction(a, x)
}

/**
 * Upper tail P(X ≥ x) of the χ² distribution with `df` degrees of freedom (SciPy `chi2.sf`).
 *
 * @example
 * chiSquareSf(3.841459, 1) // 0.05
 */
export function chiSquareSf(x: number, df: number): number {
  if (x <= 0) return 1
  return upperRegularizedGamma(df / 2, x / 2)
}

/**
 * Upper tail P(Z ≥ z) of the standard normal distribution (SciPy `norm.sf`).
 *
 * Uses erfc(t) = Q(1/2, t²), so small tails keep their relative precision.
 *
 * @example
 * normalSf(1.959964) // 0.025
 */
export function normalSf(z: number): number {
  const half = 0.5 * upperRegularizedGamma(0.5, (z * z) / 2)
  return z >= 0 ? half : 1 - half
}

/** ln C(n, k) for integers 0 ≤ k ≤ n. */
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
}

/**
 * ln P(X = k) for the hypergeometric distribution: k successes in `draws` draws without
 * replacement from a population of `total` items of which `successes` are successes.
 *
 * @example
 * Math.exp(hypergeometricLogPmf(1, 24, 12, 10)) // P of the observed cell in [[1,9],[11,3]]
 */
export function hypergeometricLogPmf(
  k: number,
  total: number,
  successes: number,
  draws: number,
): number {
  return logChoose(successes, k) + logChoose(total - successes, draws - k) - logChoose(total, draws)
}
