/**
 * `analyzeSurvey`: the analysis document of one questionnaire. Pure and deterministic — no
 * database, clock or unseeded randomness; the same input gives a byte-identical
 * `JSON.stringify`, whatever the order of the responses.
 */

import { localize } from '../surveys/definition.ts'
import { adjustTests } from './compare-groups.ts'
import { compareWaves } from './compare-waves.ts'
import { flattenAnswers } from './flatten-answers.ts'
import { groupResponses } from './group-responses.ts'
import type { AnalysisInput } from './input.ts'
import { BOOTSTRAP_MAX_N } from './mean-intervals.ts'
import { DK_CODES, readQuestionItems } from './questions.ts'
import { scoreGaps } from './score-gaps.ts'
import { specialTallies } from './special.ts'
import { summarizeQuestions } from './summarize-questions.ts'
import type { AnalysisDocument, GroupEntry, MethodsBlock } from './types.ts'

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

const METHODS: MethodsBlock = {
  percent: 'percent',
  proportionInterval: 'wilson',
  meanInterval: 'percentile-bootstrap',
  bootstrapMaxN: BOOTSTRAP_MAX_N,
  dkCodes: [...DK_CODES],
  ranking: 'borda',
  crosshair: 'group-mean-of-dimensions',
}

/** What the notes of the document are written from. */
interface NoteFacts {
  counted: number
  drafts: boolean
  wave: string | undefined
  excluded: number
  by: string
  versions: string[]
  version: string
  k: number
  seed: number
  resamples: number
  /** Why no tests were run, or null. */
  tests: string | null
  family: number
  ipa: boolean
  waves: { from: string; to: string } | null
  rankings: boolean
  skipped: string[]
  dimensionNotes: string[]
}

/** The method notes of the document, in a fixed order. */
function writeNotes(f: NoteFacts): string[] {
  const notes = [
    `${f.counted} responses counted (${f.drafts ? 'submitted and drafts' : 'submitted only; drafts left out'})${f.wave === undefined ? '' : `, wave ${f.wave} only`}.`,
  ]
  if (f.excluded > 0) {
    notes.push(
      `${f.excluded} responses without a usable answer to "${f.by}" are left out of every figure.`,
    )
  }
  if (f.versions.some((v) => v !== f.version)) {
    notes.push(
      `Responses answered ${f.versions.length} questionnaire version(s); all are read through the current version ${f.version}.`,
    )
  }
  notes.push(
    '"Don\'t know" and other answers outside an item\'s scale are counted in dk and never enter n, means or percentages.',
    `Cells with fewer than ${f.k} respondents show only n (suppressed); cells marked "complementary" are hidden too, so that no total minus the visible cells reveals them.`,
    `Means carry a seeded percentile bootstrap 95% interval (B = ${f.resamples}, seed ${f.seed}; normal approximation above n = ${BOOTSTRAP_MAX_N}); percentages carry Wilson 95% intervals, in percent.`,
    f.tests ??
      (f.family > 0
        ? `Tests are exploratory: ${f.family} p-values, adjusted over the whole document (Holm for family-wise error, Benjamini–Hochberg for false discovery rate).`
        : 'No item had two visible groups with answers to compare, so no p-values were computed.'),
  )
  if (f.ipa) {
    notes.push(
      "IPA cross-hairs are each group's mean over its visible importance–performance dimensions; read a quadrant together with the gap (importance = performance is the diagonal).",
    )
  }
  if (f.waves) {
    notes.push(
      `Waves: change of each dimension's mean gap from ${f.waves.from} to ${f.waves.to}, by region, between different respondents.`,
    )
  }
  if (f.rankings) {
    notes.push(
      'Rankings: Borda points — the first place gets m points, the next one fewer, where m is the number of places asked for (maxSelectedChoices, e.g. 3/2/1 for a top 3) or else the number of options; meanRank is the mean position among those who placed the option.',
    )
  }
  if (f.skipped.length > 0)
    notes.push(`Not summarised (unsupported type): ${f.skipped.join(', ')}.`)
  return [...notes, ...f.dimensionNotes]
}

/**
 * Analyses one questionnaire's responses: per-question summaries by group and overall,
 * dimension gaps with IPA quadrants, exploratory tests with adjusted p-values, the change
 * between the two latest waves, and small-cell suppression throughout (k =
 * `survey.gapkit.suppressBelow`). Throws a `GroupingError` for an unknown `options.by`.
 *
 * @example
 * const document = analyzeSurvey({ survey, responses, regionNames, options: { by: 'region' } })
 * document.dimensionRanking[0] // the dimension with the largest overall gap
 */
export function analyzeSurvey(input: AnalysisInput): AnalysisDocument {
  const options = input.options ?? {}
  const by = options.by ?? DEFAULTS.by
  const seed = options.seed ?? DEFAULTS.seed
  const resamples = options.resamples ?? DEFAULTS.resamples
  const locale = options.locale ?? DEFAULTS.locale
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`)
  }
  const { survey } = input
  const k = survey.gapkit.suppressBelow ?? 5
  const { items, skipped } = readQuestionItems(survey.json, locale)
  const plan = groupResponses(input, items, by)
  const columns = flattenAnswers(
    items,
    plan.responses.map((r) => r.answers),
  )
  const columnsByPath = new Map(columns.map((c) => [c.item.path, c]))

  const populated = plan.groups.filter((g) => g.indices.length > 0)
  const onePerGroup = populated.length > 0 && populated.every((g) => g.indices.length <= 1)
  const testable = plan.groups.filter((g) => g.indices.length >= Math.max(1, k)).length
  let skippedTests: string | null = null
  if (onePerGroup) {
    skippedTests =
      'Each group has at most one respondent (e.g. one consolidated questionnaire per partner): only description is honest, so no tests were run.'
  } else if (testable < 2) {
    skippedTests = `Fewer than two groups have at least ${k} respondents, so no tests were run.`
  }
  const runTests = skippedTests === null

  const settings = { k, seed, resamples, runTests }
  const questions = summarizeQuestions(columns, plan.groups, settings)
  const gaps = scoreGaps(survey.gapkit.dimensions, columnsByPath, plan.groups, {
    ...settings,
    locale,
  })
  const waves =
    options.wave === undefined
      ? compareWaves(plan.responses, columnsByPath, survey.gapkit.dimensions, {
          k,
          seed,
          resamples,
          forced: by === 'region' ? gaps.hidden : undefined,
        })
      : null
  const family = adjustTests([...questions.tests, ...gaps.tests])

  const groups: GroupEntry[] = plan.groups.map((g) => ({
    key: g.key,
    label: g.label,
    n: g.indices.length,
    suppressed: g.indices.length < k,
  }))
  const n = groups.reduce((sum, g) => sum + g.n, 0)
  const versions = [...new Set(plan.responses.map((r) => r.version))].sort()
  const counted = options.includeDrafts === true ? 'submitted-and-drafts' : 'submitted'

  const notes = writeNotes({
    counted: plan.responses.length,
    drafts: counted !== 'submitted',
    wave: options.wave,
    excluded: plan.excluded,
    by,
    versions,
    version: survey.version,
    k,
    seed,
    resamples,
    tests: skippedTests,
    family,
    ipa: gaps.ipa !== null,
    waves,
    rankings: columns.some((c) => c.kind === 'ranking'),
    skipped,
    dimensionNotes: gaps.notes,
  })

  return roundDocument({
    survey: survey.id,
    title: localize(survey.json.title, locale) || survey.id,
    version: survey.version,
    versions,
    by,
    wave: options.wave ?? null,
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
    tests: { family, adjustment: ['holm', 'bh'], exploratory: true, skipped: skippedTests },
    special: specialTallies(input),
  })
}
