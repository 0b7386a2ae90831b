/**
 * The analysis document (`analyze --json`, `GET /api/surveys/:id/analysis`): plain JSON with
 * keys in a fixed order, numbers rounded to 4 decimals and `null` where a figure does not
 * exist (never NaN or Infinity). PRODUCT.md lists the public fields; everything here extends it.
 */

import type { SpecialTallies } from './special/index.ts'

/** A closed 95% interval [lower, upper]. */
export type Interval = [lower: number, upper: number]

/** How an item is summarised. */
export type ItemKind = 'choice' | 'choices' | 'numeric' | 'ranking' | 'text'

/** One answer option (or scale point) with its label in the report language. */
export interface OptionLabel {
  value: string
  label: string
}

/** A group of respondents: a region, a wave or an answer to the grouping question. */
export interface GroupEntry {
  key: string
  label: string
  /** Respondents in the group (counted responses). */
  n: number
  /** True when n < suppressBelow: the group shows no figures anywhere. */
  suppressed: boolean
}

/**
 * A hidden cell: its own n is below k (`reason` absent), or it was hidden so that a total minus
 * the visible cells cannot reveal another hidden cell (`reason: 'complementary'`).
 */
export interface SuppressedCell {
  n: number
  suppressed: true
  reason?: 'complementary'
}

/**
 * Single choice, boolean, or multi-select (`checkbox`, `tagbox`). `percent` and `ci95` are in
 * percent (0–100) of `n`; for a multi-select each option is a yes/no among those who answered,
 * so the percentages may add up to more than 100.
 */
export interface ChoiceCell {
  /** Respondents with a usable answer ("don't know" is not one). */
  n: number
  /** Respondents who answered "don't know" (or another non-usable code) only. */
  dk: number
  counts: Record<string, number>
  percent: Record<string, number | null>
  /** Wilson 95% interval of each option's percentage. */
  ci95: Record<string, Interval | null>
}

/** Top-2-box: share of usable answers in the two highest scale points, Wilson interval. */
export interface TopBox {
  count: number
  percent: number | null
  ci95: Interval | null
}

/** Rating, numeric input, numeric matrix row or numeric matrixdropdown cell. */
export interface NumericCell {
  /** Respondents with a scale value. */
  n: number
  /** Answers that are not scale values ("don't know", codes, out-of-scale values). */
  dk: number
  mean: number | null
  sd: number | null
  /**
   * Median, q1 and q3 interpolate (type 7), except for a free number whose answers are all
   * whole numbers: there each is an answer given (inverse empirical distribution, type 1; the
   * lower middle value of an even sample), so a median year is a year. See `methods`.
   */
  median: number | null
  q1: number | null
  q3: number | null
  min: number | null
  max: number | null
  /** 95% interval of the mean (seeded percentile bootstrap; see `methods`). */
  ci95: Interval | null
  /** Distribution over the scale points (every point listed); null for a free number. */
  counts: Record<string, number> | null
  /** Null for a free number or a scale of fewer than 3 points. */
  top2: TopBox | null
}

/** A ranking question (see `methods.ranking` for the points). */
export interface RankingCell {
  /** Respondents who ranked at least one option. */
  n: number
  /** How many respondents placed each option. */
  counts: Record<string, number>
  /** Mean position (1 = first) among those who placed the option. */
  meanRank: Record<string, number | null>
  /** Borda points summed over respondents. */
  points: Record<string, number>
}

/** Open text: only how many answered; texts never appear in the document. */
export interface TextCell {
  n: number
}

/** A visible question cell, by item kind. */
export type QuestionCell = ChoiceCell | NumericCell | RankingCell | TextCell

/** Effect size of a test. */
export interface EffectSize {
  name: 'epsilon-squared' | 'cramers-v'
  value: number
}

/** An exploratory test across groups; p adjusted over every test of the document. */
export interface GroupTest {
  name: 'kruskal-wallis' | 'chi-square' | 'fisher'
  statistic: number | null
  df: number | null
  p: number | null
  /** Holm-adjusted p (family-wise), over all tests of the document. */
  pHolm: number | null
  /** Benjamini–Hochberg-adjusted p (false discovery rate), over all tests of the document. */
  pBH: number | null
  effect: EffectSize | null
  method: 'asymptotic' | 'permutation' | 'exact' | null
  /** Keys of the groups compared (visible groups with n ≥ 1). */
  groups: string[]
  /** Values or respondents in the test. */
  n: number
  exploratory: true
  /** Which test ran and why, or why no p-value exists. */
  note: string
}

/** One question, matrix row (`q.row`) or matrixdropdown cell (`q.row.column`). */
export interface QuestionSummary {
  /** The path: `q`, `q.row` or `q.row.column`. */
  name: string
  /** The top-level question name. */
  question: string
  /** SurveyJS type of the question (`matrix`, `rating`, `checkbox`…). */
  type: string
  /** Cell type of a matrixdropdown column, else null. */
  cellType: string | null
  kind: ItemKind
  title: string
  /** Options of a choice or ranking item, or the scale points of a numeric one. */
  options: OptionLabel[]
  groups: Record<string, QuestionCell | SuppressedCell>
  overall: QuestionCell | SuppressedCell
  /** Null when no test was run (see `notes`), or for multi-select and ranking items. */
  test: GroupTest | null
  /** Multi-select only: one yes/no test per option; null for other kinds. */
  optionTests: Record<string, GroupTest | null> | null
}

/** 'positive': target above current (under-served); 'negative': above the target. */
export type GapSign = 'positive' | 'negative' | 'zero'

/** IPA quadrant from the group's cross-hairs (x = performance, y = importance). */
export type Quadrant =
  | 'concentrate-here'
  | 'keep-up-the-good-work'
  | 'low-priority'
  | 'possible-overkill'

/** One dimension in one group: respondents with both values usable, paired. */
export interface DimensionCell {
  n: number
  /** Mean current (or performance) of the paired respondents. */
  current: number | null
  /** Mean target (or importance) of the paired respondents. */
  target: number | null
  /** Mean of each respondent's own target − current. */
  gap: number | null
  /** 95% interval of the mean paired gap. */
  ci95: Interval | null
  gapSign: GapSign | null
  /** IPA dimensions only; null for current-target dimensions or without cross-hairs. */
  quadrant: Quadrant | null
}

/** One gap dimension of `gapkit.dimensions`, by group and overall. */
export interface DimensionSummary {
  id: string
  label: string
  kind: 'current-target' | 'importance-performance'
  /** Path of the current (performance) value. */
  current: string
  /** Path of the target (importance) value. */
  target: string
  groups: Record<string, DimensionCell | SuppressedCell>
  overall: DimensionCell | SuppressedCell
  /** Kruskal–Wallis on the paired gaps across visible groups. */
  test: GroupTest | null
}

/** IPA cross-hairs: the mean of the visible IPA dimension means of one group. */
export interface Crosshair {
  current: number
  target: number
  /** How many dimension means it averages. */
  dimensions: number
}

/** IPA cross-hairs per group and overall; null entries where no dimension is visible. */
export interface IpaBlock {
  groups: Record<string, Crosshair | null>
  overall: Crosshair | null
}

/** Change of a dimension's mean gap between two waves, in one region. */
export interface WaveCell {
  nFrom: number
  nTo: number
  gapFrom: number | null
  gapTo: number | null
  /** gapTo − gapFrom. */
  change: number | null
  /** Seeded bootstrap of the difference of the two independent means. */
  ci95: Interval | null
}

/** A hidden wave cell: either side below k, or hidden to protect another region. */
export interface SuppressedWaveCell {
  nFrom: number
  nTo: number
  suppressed: true
  reason?: 'complementary'
}

/** One dimension of the waves block, by region and overall. */
export interface WaveDimension {
  id: string
  groups: Record<string, WaveCell | SuppressedWaveCell>
  overall: WaveCell | SuppressedWaveCell
}

/**
 * Two waves compared, per region: by default the two latest waves with at least
 * `suppressBelow` respondents who answered both sides of a dimension (see `compareWhich`).
 * It reads both waves whatever the wave of the figures.
 */
export interface WavesBlock {
  from: string
  to: string
  /** `latest`: chosen from the data; `requested`: the waves the options named. */
  choice: 'latest' | 'requested'
  /** Waves after `from` left out because they do not have enough respondents yet. */
  leftOut: string[]
  dimensions: WaveDimension[]
}

/** Counted respondents of one wave, whatever the wave of the figures. */
export interface WaveCount {
  wave: string
  /** Counted responses of the wave. */
  n: number
  /** Of those, respondents who answered both sides of at least one dimension. */
  paired: number
}

/**
 * Why a questionnaire with dimensions has no wave comparison: `one-wave` (its responses hold
 * fewer than two waves) or `too-few` (fewer than two waves — or not both requested waves —
 * have `suppressBelow` respondents who answered both sides of a dimension).
 */
export interface WavesNote {
  reason: 'one-wave' | 'too-few'
  /** Whether the waves were requested (`--waves`) rather than chosen from the data. */
  requested: boolean
  /** The waves considered: every wave, or the requested ones. */
  waves: WaveCount[]
}

/** How the figures were made, for the method section of a report. */
export interface MethodsBlock {
  /** Shares are given in percent (0–100), with Wilson 95% intervals. */
  percent: 'percent'
  proportionInterval: 'wilson'
  meanInterval: 'percentile-bootstrap'
  /** Above this n a mean's interval is the normal approximation mean ± 1.96·sd/√n. */
  bootstrapMaxN: number
  /** Answer codes counted as "don't know" (case-insensitive). */
  dkCodes: string[]
  /** Borda: rank 1 gets m points, rank m gets 1, where m = maxSelectedChoices or the option count. */
  ranking: 'borda'
  /** IPA cross-hairs: per group, the mean over its visible IPA dimensions. */
  crosshair: 'group-mean-of-dimensions'
  /**
   * Quartiles of a free number whose answers are all whole numbers: the inverse empirical
   * distribution (type 1), each an answer given; every other numeric item interpolates (type 7).
   */
  wholeNumberQuartiles: 'inverse-ecdf'
}

/** Summary of the tests of the document. */
export interface TestsBlock {
  /** Number of tests with a p-value: the family the adjustments run over. */
  family: number
  adjustment: ['holm', 'bh']
  exploratory: true
  /** Why no tests were run, or null. */
  skipped: string | null
}

/** The analysis document. */
export interface AnalysisDocument {
  survey: string
  title: string
  version: string
  /** Questionnaire versions among the counted responses, sorted. */
  versions: string[]
  by: string
  /** The wave of the figures; null for all waves (see `notes` for how it was chosen). */
  wave: string | null
  /** Every wave of the counted responses, whatever `wave` is, sorted like group keys. */
  waveCounts: WaveCount[]
  locale: string
  /** Respondents counted (in a group). */
  n: number
  suppressBelow: number
  seed: number
  resamples: number
  counted: 'submitted' | 'submitted-and-drafts'
  groups: GroupEntry[]
  notes: string[]
  methods: MethodsBlock
  questions: QuestionSummary[]
  dimensions: DimensionSummary[]
  /** Dimension ids by overall gap, largest first; dimensions without an overall gap last. */
  dimensionRanking: string[]
  ipa: IpaBlock | null
  /** The wave comparison; null without dimensions or without two waves to compare. */
  waves: WavesBlock | null
  /** Why `waves` is null although the questionnaire has dimensions and responses; else null. */
  wavesNote: WavesNote | null
  tests: TestsBlock
  /** Special tallies (vote, co-design ranking, indicators), or null for other questionnaires. */
  special: SpecialTallies | null
}
