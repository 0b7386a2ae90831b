/**
 * `analyzeSurvey`: the analysis document of one questionnaire. Pure and deterministic — no
 * database, clock or unseeded randomness; the same input gives a byte-identical
 * `JSON.stringify`, whatever the order of the responses.
 *
 * Two steps: one pass tallies the responses (`tally-rows.ts`), then the document is computed
 * from the tallies alone. `analyzeSurvey` does both for responses in memory; a caller that
 * streams stored code texts runs {@link prepareAnalysis} and {@link settleWaves}, feeds
 * `addRow` and calls {@link analyzeTally} — the same document, without holding the responses.
 */

import { localize } from '../surveys/definition.ts'
import { chooseWaves, countWaves, type WaveChoice, type WaveSize } from './choose-waves.ts'
import { adjustTests } from './compare-groups.ts'
import { compareWaves } from './compare-waves.ts'
import { type Grouping, resolveGrouping } from './group-responses.ts'
import type { AnalysisInput, AnalysisOptions, AnalysisSurvey } from './input.ts'
import { readQuestionItems } from './questions.ts'
import { scoreGaps } from './score-gaps.ts'
import { type SpecialTallies, specialTallies } from './special/index.ts'
import { summarizeQuestions } from './summarize-questions.ts'
import { type AnswerLayout, describeLayout } from './tally/encode.ts'
import { type SurveyTally, type TallySetup, tallyResponses } from './tally/tally-rows.ts'
import { planDimensions, planSlots } from './tally/types.ts'
import type { AnalysisDocument, GroupEntry, WaveCount } from './types.ts'
import { METHODS, writeNotes } from './write-notes.ts'

/** Defaults of `AnalysisOptions`, as documented in `input.ts`. */
const DEFAULTS = { by: 'region', seed: 1, resamples: 2000, locale: 'en' }

/**
 * Rounds every number to 4 decimals (numbers closer to 0 than 0.0001 keep 4 significant
 * digits, so a tiny p-value never reads as 0) and turns NaN and ±Infinity into `null`.
 */
export function roundNumber(x: number): number | null {
  if (!Number.isFinite(x)) return null
  if (x === 0 || Number.isInteger(x)) return x === 0 ? 0 : x
  if (Math.abs(x) < 1e-4) return Number(x.toPrecision(4))
  if (Math.abs(x) >= 1e11) return x
  const rounded = Math.round(x * 1e4) / 1e4
  return rounded === 0 ? 0 : rounded
}

function roundDeep(value: unknown): unknown {
  if (typeof value === 'number') return roundNumber(value)
  if (Array.isArray(value)) return value.map(roundDeep)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) out[key] = roundDeep(v)
    return out
  }
  return value
}

/** The document with its numbers rounded; same shape, so the type carries over. */
function roundDocument(document: AnalysisDocument): AnalysisDocument {
  // roundDeep keeps every key and only maps numbers to numbers or null where the type allows.
  return roundDeep(document) as AnalysisDocument
}

/**
 * An analysis with its options resolved, items read and grouping checked; its waves are settled
 * next ({@link settleWaves}).
 */
export interface PreparedAnalysis {
  survey: AnalysisSurvey
  options: AnalysisOptions
  by: string
  seed: number
  resamples: number
  locale: string
  /** Suppression threshold. */
  k: number
  /** Questions left out as unsupported, `name (type)`. */
  skipped: string[]
  layout: AnswerLayout
  grouping: Grouping
  /** What `startTally` takes (its `wave` is settled by {@link settleWaves}). */
  setup: TallySetup
}

/** An analysis whose waves are settled: ready to tally. */
export interface SettledAnalysis extends PreparedAnalysis {
  waves: WaveChoice
}

/**
 * Resolves the options, reads the questionnaire's items in the report language and checks the
 * grouping. Throws a `RangeError` for a bad `resamples` and a `GroupingError` for an unknown or
 * unsuitable `by`, before any response is read.
 *
 * @example
 * prepareAnalysis(survey, { by: 'stakeholder_type' }).layout.id // the code text layout
 */
export function prepareAnalysis(
  survey: AnalysisSurvey,
  options: AnalysisOptions = {},
): PreparedAnalysis {
  const by = options.by ?? DEFAULTS.by
  const seed = options.seed ?? DEFAULTS.seed
  const resamples = options.resamples ?? DEFAULTS.resamples
  const locale = options.locale ?? DEFAULTS.locale
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`)
  }
  const k = survey.gapkit.suppressBelow ?? 5
  const { items, skipped } = readQuestionItems(survey.json, locale)
  const layout = describeLayout(items)
  const grouping = resolveGrouping(by, items, survey.gapkit.groupBy)
  const setup: TallySetup = {
    layout,
    slots: planSlots(layout),
    grouping,
    includeDrafts: options.includeDrafts === true,
    wave: undefined,
    dimensions: planDimensions(layout, survey.gapkit.dimensions, k),
  }
  return { survey, options, by, seed, resamples, locale, k, skipped, layout, grouping, setup }
}

/**
 * Settles which waves the analysis reads (see `chooseWaves`) from the counted responses per
 * wave — every wave, whatever the options ask. Throws a `WaveError` for a wave without counted
 * responses.
 *
 * @example
 * settleWaves(prepareAnalysis(survey), [{ wave: '2024', n: 90 }, { wave: '2025', n: 110 }])
 *   .setup.wave // '2025'
 */
export function settleWaves(
  prepared: PreparedAnalysis,
  sizes: readonly WaveSize[],
): SettledAnalysis {
  const waves = chooseWaves(prepared.options, sizes, {
    k: prepared.k,
    by: prepared.by,
    periodic: prepared.survey.gapkit.analysis?.kind === 'indicators',
  })
  return { ...prepared, waves, setup: { ...prepared.setup, wave: waves.wave } }
}

/** Display label of a group key. */
function labelOf(prepared: PreparedAnalysis, regionNames: Record<string, string>) {
  const { grouping } = prepared
  if (grouping.kind === 'region') return (key: string) => regionNames[key] ?? key
  if (grouping.kind === 'wave') return (key: string) => key
  const item = prepared.layout.items[grouping.index]
  const labels = new Map(item?.options.map((o) => [o.value, o.label]))
  return (key: string) => labels.get(key) ?? key
}

/**
 * The document from a finished tally (see {@link prepareAnalysis} and {@link settleWaves}).
 * `special` is the special tally of the questionnaire (`special.ts`), which needs the answers
 * themselves; null when it has none.
 */
export function analyzeTally(
  prepared: SettledAnalysis,
  tally: SurveyTally,
  regionNames: Record<string, string>,
  special: SpecialTallies | null,
): AnalysisDocument {
  const { survey, options, by, seed, resamples, locale, k, layout, setup } = prepared
  const { slots, dimensions: plans } = setup
  const populated = tally.groups.filter((g) => g.n > 0)
  const onePerGroup = populated.length > 0 && populated.every((g) => g.n <= 1)
  const testable = tally.groups.filter((g) => g.n >= Math.max(1, k)).length
  let skippedTests: string | null = null
  if (onePerGroup) {
    skippedTests =
      'Each group has at most one respondent (e.g. one consolidated questionnaire per partner): only description is honest, so no tests were run.'
  } else if (testable < 2) {
    skippedTests = `Fewer than two groups have at least ${k} respondents, so no tests were run.`
  }
  const runTests = skippedTests === null

  const settings = { k, seed, resamples, runTests }
  const questions = summarizeQuestions(layout.items, slots, tally.groups, settings)
  const gaps = scoreGaps(
    survey.gapkit.dimensions,
    { layout, plans, groups: tally.groups },
    { ...settings, locale },
  )
  const waveCounts: WaveCount[] = prepared.waves.sizes.map((s) => ({
    wave: s.wave,
    n: s.n,
    paired: tally.paired.get(s.wave) ?? 0,
  }))
  const { waves, wavesNote } = compareWaves(
    survey.gapkit.dimensions,
    { layout, plans, strata: tally.strata },
    waveCounts,
    prepared.waves.compare,
    { k, seed, resamples, forced: by === 'region' ? gaps.hidden : undefined },
  )
  const family = adjustTests([...questions.tests, ...gaps.tests])

  const label = labelOf(prepared, regionNames)
  const groups: GroupEntry[] = tally.groups.map((g) => ({
    key: g.key,
    label: label(g.key),
    n: g.n,
    suppressed: g.n < k,
  }))
  const n = groups.reduce((sum, g) => sum + g.n, 0)
  const counted = options.includeDrafts === true ? 'submitted-and-drafts' : 'submitted'

  const notes = writeNotes({
    counted: tally.counted,
    drafts: counted !== 'submitted',
    wave: prepared.waves,
    excluded: tally.excluded,
    by,
    versions: tally.versions,
    version: survey.version,
    k,
    seed,
    resamples,
    tests: skippedTests,
    family,
    ipa: gaps.ipa !== null,
    waves,
    wavesNote,
    rankings: layout.items.some((i) => i.kind === 'ranking'),
    skipped: prepared.skipped,
    dimensionNotes: gaps.notes,
  })

  return roundDocument({
    survey: survey.id,
    title: localize(survey.json.title, locale) || survey.id,
    version: survey.version,
    versions: tally.versions,
    by,
    wave: prepared.waves.wave ?? null,
    waveCounts,
    locale,
    n,
    suppressBelow: k,
    seed,
    resamples,
    counted,
    groups,
    notes,
    methods: METHODS,
    questions: questions.questions,
    dimensions: gaps.dimensions,
    dimensionRanking: gaps.ranking,
    ipa: gaps.ipa,
    waves,
    wavesNote,
    tests: { family, adjustment: ['holm', 'bh'], exploratory: true, skipped: skippedTests },
    special,
  })
}

/**
 * Analyses one questionnaire's responses: per-question summaries by group and overall (of the
 * latest wave by default, see `AnalysisOptions.wave`), dimension gaps with IPA quadrants,
 * exploratory tests with adjusted p-values, the change between two waves, and small-cell
 * suppression throughout (k = `survey.gapkit.suppressBelow`). Throws a `GroupingError` for an
 * unknown `options.by` and a `WaveError` for a wave without counted responses.
 *
 * @example
 * const document = analyzeSurvey({ survey, responses, regionNames, options: { by: 'region' } })
 * document.dimensionRanking[0] // the dimension with the largest overall gap
 */
export function analyzeSurvey(input: AnalysisInput): AnalysisDocument {
  const options = input.options ?? {}
  const prepared = settleWaves(
    prepareAnalysis(input.survey, options),
    countWaves(input.responses, options),
  )
  const tally = tallyResponses(prepared.setup, input.responses)
  // The special tallies read the settled wave (null: every wave), never the default.
  const special = specialTallies({
    ...input,
    options: { ...options, wave: prepared.waves.wave ?? null },
  })
  return analyzeTally(prepared, tally, input.regionNames, special)
}
