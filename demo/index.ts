/**
 * Deterministic, realistic synthetic responses for `gapkit demo`: six demo regions, every
 * shipped questionnaire, two waves of the gap analysis, quarterly indicator reports, small
 * groups that must be suppressed, "don't know" answers, a few drafts and one hostile-looking
 * text. The same questionnaires, count and seed always give the same responses.
 */

import type { LoadedSurvey } from '../surveys/registry.ts'
import type { Answers } from '../surveys/types.ts'
import { assembleAnswers, type DemoCase, truncateDraft } from './assemble.ts'
import { chooseGapAnswers } from './gap.ts'
import { createConditions, listQuestionSpecs, type QuestionSpec } from './generic.ts'
import {
  chooseCodesignAnswers,
  chooseIndicatorAnswers,
  DEMO_BRANCHES,
  DEMO_QUARTERS,
} from './mali.ts'
import { chooseGoodPracticeAnswers, DEMO_PRACTICES } from './practices.ts'
import { createRng, pick } from './random.ts'
import { GENERIC_TEXTS, HOSTILE_TEXT } from './texts.ts'
import { chooseVoteAnswers } from './vote.ts'

/** A region of the demo, with the language its partners answer in. */
export interface DemoRegion {
  id: string
  name: string
  /** ISO 3166-1 alpha-2 code. */
  country: string
  locale: string
}

/** The six demo regions: the five MICROFUTURE partner regions and Koulikoro (Mali). */
export const DEMO_REGIONS: DemoRegion[] = [
  { id: 'FR-93', name: 'Seine-Saint-Denis', country: 'FR', locale: 'fr' },
  { id: 'IT-BO', name: 'Bologna', country: 'IT', locale: 'it' },
  { id: 'RO-BI', name: 'Bucharest-Ilfov', country: 'RO', locale: 'ro' },
  { id: 'SE-VG', name: 'Västra Götaland', country: 'SE', locale: 'sv' },
  { id: 'SI-HEART', name: 'Heart of Slovenia', country: 'SI', locale: 'sl' },
  { id: 'ML-KK', name: 'Koulikoro', country: 'ML', locale: 'fr' },
]

/** One synthetic response, ready for the submission path. */
export interface DemoResponse {
  survey: string
  region: string
  wave: string
  language: string
  /** The respondent's stakeholder type (or workshop subgroup). */
  group?: string
  draft?: boolean
  answers: Answers
}

const GAP = 'microfinance-gap'
const PRACTICE = 'good-practice'
const VOTE = 'best-practice-vote'
const CODESIGN = 'codesign-challenge'
const INDICATORS = 'mfi-indicators'
const WAVES = ['2024', '2025']
const EU_PARTNERS = ['FR-93', 'IT-BO', 'RO-BI', 'SE-VG', 'SI-HEART']
/** Relative size of each region's gap sample, and of each wave. */
const REGION_WEIGHT: Record<string, number> = {
  'FR-93': 1.15,
  'IT-BO': 1,
  'RO-BI': 1.3,
  'SE-VG': 0.8,
  'SI-HEART': 0.85,
  'ML-KK': 1,
}
const WAVE_WEIGHT: Record<string, number> = { '2024': 0.45, '2025': 0.55 }
/** The group kept below the suppression threshold on purpose: 3 respondents. */
const SMALL_GROUP = { region: 'SE-VG', wave: '2024', size: 3 }

type Choice = { answers: Answers; group?: string }

/** One response to generate. */
interface Slot {
  region: string
  wave: string
  draft: boolean
  choose: (c: DemoCase) => Choice
}

/** Splits `total` over weights by largest remainder (ties to the earlier item). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0)
  if (total <= 0 || sum <= 0) return weights.map(() => 0)
  const exact = weights.map((w) => (total * w) / sum)
  const counts = exact.map(Math.floor)
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
  let left = total - counts.reduce((s, c) => s + c, 0)
  for (const [, i] of order) {
    if (left-- <= 0) break
    counts[i] = (counts[i] ?? 0) + 1
  }
  return counts
}

/** Indicator reports come as branches × quarters. */
function indicatorGrid(count: number): { branches: number; quarters: number } {
  const quarters = Math.min(DEMO_QUARTERS.length, count)
  if (quarters === 0) return { branches: 0, quarters: 0 }
  return {
    quarters,
    branches: Math.min(DEMO_BRANCHES.length, Math.max(1, Math.floor(count / quarters))),
  }
}

/** How many responses each questionnaire gets: ~60% gap analysis, the rest over the others. */
function allocate(ids: string[], n: number): Map<string, number> {
  const fixed = n >= 150 ? [9, 10] : n >= 30 ? [5, 5] : [Math.min(5, Math.floor(n / 10)), 0]
  const out = new Map<string, number>()
  if (ids.includes(PRACTICE)) out.set(PRACTICE, fixed[0] ?? 0)
  if (ids.includes(VOTE)) out.set(VOTE, fixed[1] ?? 0)
  const rest = n - [...out.values()].reduce((s, c) => s + c, 0)
  const weight = (id: string) =>
    id === GAP ? 6.5 : id === INDICATORS ? 2.2 : id === CODESIGN ? 1.5 : 2
  const flexible = ids.filter((id) => !out.has(id))
  const counts = apportion(rest, flexible.map(weight))
  flexible.forEach((id, i) => {
    let count = counts[i] ?? 0
    if (id === INDICATORS) {
      const grid = indicatorGrid(count)
      count = grid.branches * grid.quarters
    }
    out.set(id, count)
  })
  // The gap analysis absorbs rounding so the total is what was asked for.
  if (out.has(GAP)) {
    const others = [...out].filter(([id]) => id !== GAP).reduce((s, [, c]) => s + c, 0)
    out.set(GAP, Math.max(0, n - others))
  }
  return out
}

function gapSlots(count: number): Slot[] {
  const cells = DEMO_REGIONS.flatMap((r) => WAVES.map((wave) => ({ region: r.id, wave })))
  const isSmall = (c: { region: string; wave: string }) =>
    c.region === SMALL_GROUP.region && c.wave === SMALL_GROUP.wave
  const keepSmall = count >= 4 * cells.length
  const weights = cells.map((c) =>
    keepSmall && isSmall(c) ? 0 : (REGION_WEIGHT[c.region] ?? 1) * (WAVE_WEIGHT[c.wave] ?? 0.5),
  )
  const sizes = apportion(count - (keepSmall ? SMALL_GROUP.size : 0), weights)
  if (keepSmall) sizes[cells.findIndex(isSmall)] = SMALL_GROUP.size
  // A few drafts, one in each of the largest groups (never in the small one).
  const drafts = count >= 4 * cells.length ? Math.max(1, Math.round(count * 0.03)) : 0
  const draftCells = new Set(
    cells
      .map((c, i) => ({ i, size: sizes[i] ?? 0, small: isSmall(c) }))
      .filter((x) => !x.small && x.size >= 6)
      .sort((a, b) => b.size - a.size || a.i - b.i)
      .slice(0, drafts)
      .map((x) => x.i),
  )
  return cells.flatMap((cell, i) =>
    Array.from({ length: sizes[i] ?? 0 }, (_, k) => ({
      ...cell,
      draft: draftCells.has(i) && k === (sizes[i] ?? 0) - 1,
      choose: chooseGapAnswers,
    })),
  )
}

function planSlots(id: string, count: number): Slot[] {
  const slot = (region: string, wave: string, choose: Slot['choose'], draft = false): Slot => ({
    region,
    wave,
    draft,
    choose,
  })
  switch (id) {
    case GAP:
      return gapSlots(count)
    case PRACTICE:
      return DEMO_PRACTICES.slice(0, count).map((p) =>
        slot(p.code.split(':')[0] ?? 'FR-93', '2024', (c) => ({
          answers: chooseGoodPracticeAnswers(c, p),
        })),
      )
    case VOTE:
      return Array.from({ length: count }, (_, i) =>
        slot(EU_PARTNERS[i % EU_PARTNERS.length] ?? 'FR-93', '2025', (c) => ({
          answers: chooseVoteAnswers(c),
        })),
      )
    case CODESIGN: {
      const first = Math.ceil(count * 0.7)
      return Array.from({ length: count }, (_, i) =>
        slot('ML-KK', i < first ? '2024' : '2025', chooseCodesignAnswers),
      )
    }
    case INDICATORS: {
      const { branches, quarters } = indicatorGrid(count)
      const out: Slot[] = []
      for (let b = 0; b < branches; b++) {
        for (let q = 0; q < quarters; q++) {
          const wave = DEMO_QUARTERS[q]?.slice(0, 4) ?? '2024'
          // The latest report of the first branch is still being filled in.
          const draft = b === 0 && q === quarters - 1 && branches * quarters >= 12
          out.push(
            slot('ML-KK', wave, (c) => ({ answers: chooseIndicatorAnswers(c, b, q) }), draft),
          )
        }
      }
      return out
    }
    default:
      return Array.from({ length: count }, (_, i) =>
        slot(DEMO_REGIONS[i % DEMO_REGIONS.length]?.id ?? 'FR-93', '2025', () => ({ answers: {} })),
      )
  }
}

function languageFor(survey: LoadedSurvey, region: string): string {
  const locale = DEMO_REGIONS.find((r) => r.id === region)?.locale
  return locale !== undefined && survey.locales.includes(locale) ? locale : 'en'
}

function fitsHostile(s: QuestionSpec): boolean {
  const max = s.el.maxLength
  return s.type === 'comment' && (typeof max !== 'number' || max >= HOSTILE_TEXT.length)
}

/** Puts the one hostile-looking answer into the first submitted response with a free text. */
function plantHostile(responses: DemoResponse[], specsBySurvey: Map<string, QuestionSpec[]>) {
  const order = [GAP, ...[...specsBySurvey.keys()].filter((id) => id !== GAP)]
  for (const id of order) {
    const texts = (specsBySurvey.get(id) ?? []).filter(fitsHostile)
    for (const r of responses) {
      if (r.survey !== id || r.draft) continue
      const target = texts.find((s) => typeof r.answers[s.name] === 'string')
      if (!target) continue
      r.answers[target.name] = HOSTILE_TEXT
      return
    }
  }
  // No free text answered anywhere (tiny demos): answer an always-visible one.
  for (const r of responses) {
    const target = (specsBySurvey.get(r.survey) ?? []).find(
      (s) => s.type === 'comment' && s.conditions.length === 0 && fitsHostile(s),
    )
    if (r.draft || !target) continue
    r.answers[target.name] = HOSTILE_TEXT
    return
  }
}

/**
 * Generates about `responses` synthetic responses for the given questionnaires, seeded.
 *
 * @example generateDemoResponses(loadSurveyRegistry('surveys/definitions').list(), { responses: 300, seed: 1 })
 */
export function generateDemoResponses(
  surveys: LoadedSurvey[],
  opts: { responses: number; seed: number },
): DemoResponse[] {
  const rng = createRng(opts.seed)
  const cond = createConditions()
  const n = Math.max(0, Math.floor(opts.responses))
  const counts = allocate(
    surveys.map((s) => s.id),
    n,
  )
  const out: DemoResponse[] = []
  const specsBySurvey = new Map<string, QuestionSpec[]>()
  for (const survey of surveys) {
    const specs = listQuestionSpecs(survey.json)
    specsBySurvey.set(survey.id, specs)
    planSlots(survey.id, counts.get(survey.id) ?? 0).forEach((slot, index) => {
      const language = languageFor(survey, slot.region)
      const c: DemoCase = { rng, region: slot.region, wave: slot.wave, language, index, specs }
      const choice = slot.choose(c)
      const texts = GENERIC_TEXTS[language] ?? GENERIC_TEXTS.en ?? ['—']
      const vars = { region: slot.region }
      let answers = assembleAnswers(specs, choice.answers, {
        rng,
        cond,
        vars,
        text: () => pick(rng, texts),
      })
      if (slot.draft) answers = truncateDraft(specs, answers, rng, slot.region, cond)
      out.push({
        survey: survey.id,
        region: slot.region,
        wave: slot.wave,
        language,
        ...(choice.group === undefined ? {} : { group: choice.group }),
        ...(slot.draft ? { draft: true } : {}),
        answers,
      })
    })
  }
  plantHostile(out, specsBySurvey)
  return out
}
