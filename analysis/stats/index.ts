/**
 * Statistics for tiny samples: descriptives, Wilson and bootstrap intervals, rank tests,
 * contingency tests and p-value adjustment. Pure functions, checked against SciPy.
 */

export { type AdjustMethod, adjustPValues } from './adjust.ts'
export {
  type CategoricalComparison,
  type ChiSquareResult,
  type ChiSquareTest,
  type ChiSquareUntestable,
  chiSquare,
  compareCategorical,
  type FisherResult,
  fisherExact2x2,
} from './contingency.ts'
export {
  mean,
  median,
  quantile,
  quantileOfSorted,
  quartiles,
  sd,
} from './descriptive.ts'
export { chiSquareSf, normalSf } from './distributions.ts'
export {
  type BootstrapOptions,
  bootstrapMeanInterval,
  type Interval,
  wilsonInterval,
} from './intervals.ts'
export { createRandom, type Random } from './random.ts'
export {
  type KruskalWallisResult,
  type KruskalWallisTest,
  type KruskalWallisUntestable,
  kruskalWallis,
  type MannWhitneyResult,
  type MannWhitneyTest,
  type MannWhitneyUntestable,
  mannWhitney,
  type RankTestMethod,
  type RankTestOptions,
} from './rank-tests.ts'
