/**
 * Demo answers to `microfinance-gap`, drawn from the region profiles so the charts show the
 * designed differences. Rows and choices are read from the questionnaire; anything this module
 * does not know is left to the generic generator.
 */

import type { Answers } from '../surveys/types.ts'
import { choicesOf, type DemoCase, rowsOf } from './assemble.ts'
import {
  REGION_PROFILES,
  type RegionProfile,
  ROLES_BY_STAKEHOLDER,
  type Weights,
} from './profiles.ts'
import {
  chance,
  clampRound,
  drawWeighted,
  normal,
  pick,
  pickSome,
  pickWeighted,
  type Rng,
  randInt,
} from './random.ts'
import { GAP_TEXTS } from './texts.ts'

/** Stakeholder types that usually know the ecosystem figures. */
const KNOWS_FIGURES = new Set([
  'mfi',
  'credit_coop',
  'bank',
  'public_authority',
  'guarantee_fund',
  'research',
])

const INDICATORS = [
  'ind_year',
  'ind_providers',
  'ind_loans_count',
  'ind_loans_volume',
  'ind_avg_loan',
  'ind_women_pct',
  'ind_youth_pct',
  'ind_par30',
  'ind_source',
]

function entries(weights: Weights, choices: unknown[], floor: number): [unknown, number][] {
  return choices.map((c) => [c, weights[String(c)] ?? floor])
}

function inChoiceOrder(values: unknown[], choices: unknown[]): unknown[] {
  return choices.filter((c) => values.includes(c))
}

interface Respondent {
  rng: Rng
  profile: RegionProfile
  /** 1 in wave 2025 and later, else 0. */
  later: number
  /** Personal leniency: some respondents rate everything higher. */
  bias: number
}

function performanceMean(r: Respondent, dim: string): number {
  return (r.profile.performance[dim] ?? 3) + r.later * (r.profile.improve[dim] ?? 0)
}

function ratings(r: Respondent, rows: string[], mean: (dim: string) => number, dk: number) {
  const out: Answers = {}
  for (const row of rows) {
    out[row] = chance(r.rng, dk) ? 'dk' : clampRound(mean(row) + r.bias + normal(r.rng) * 0.7, 1, 5)
  }
  return out
}

function maturity(r: Respondent, rows: string[]): Answers {
  const out: Answers = {}
  for (const row of rows) {
    if (chance(r.rng, 0.08)) continue
    const current = clampRound(performanceMean(r, row) - 1.1 + r.bias + normal(r.rng) * 0.6, 0, 4)
    const wish = (r.profile.importance[row] ?? 4) - 0.8 + normal(r.rng) * 0.5
    const target = clampRound(Math.max(current, wish), 0, 4)
    out[row] = { current: chance(r.rng, 0.06) ? 'dk' : current, target }
  }
  return out
}

function targetGroups(r: Respondent, rows: string[]): Answers {
  const out: Answers = {}
  for (const row of rows) {
    if (chance(r.rng, 0.05)) continue
    const dim = row === 'unemployed' ? 'unemployed' : row
    const mean =
      r.profile.access[dim] ?? (dim in r.profile.performance ? performanceMean(r, dim) : 2.8)
    const access = chance(r.rng, 0.06)
      ? 'dk'
      : clampRound(mean + r.bias + normal(r.rng) * 0.7, 1, 5)
    out[row] = { access, priority: clampRound(1 + (5 - mean) / 1.6 + normal(r.rng) * 0.5, 1, 3) }
  }
  return out
}

function indicators(r: Respondent, wave: string, stakeholder: string, region: string): Answers {
  const knows = KNOWS_FIGURES.has(stakeholder) ? chance(r.rng, 0.65) : chance(r.rng, 0.15)
  if (!knows) return Object.fromEntries(INDICATORS.map((k) => [k, null]))
  const [providers, loans, avg, women, youth, par] = r.profile.indicators
  const year = Number(wave) - 1
  const growth = 1 + 0.08 * r.later
  const spread = () => 1 + normal(r.rng) * 0.12
  const count = Math.round(loans * growth * spread())
  const average = clampRound(avg * spread(), 50, 25000)
  const texts = GAP_TEXTS[region]
  const out: Answers = {
    ind_year: Number.isInteger(year) ? year : null,
    ind_providers: clampRound(providers * spread(), 1, 1000),
    ind_loans_count: count,
    ind_loans_volume: Math.round((count * average) / 1000) * 1000,
    ind_avg_loan: average,
    ind_women_pct: clampRound(women + normal(r.rng) * 4, 0, 100),
    ind_youth_pct: clampRound(youth + normal(r.rng) * 3, 0, 100),
    ind_par30: Math.round(Math.min(100, Math.max(0, par + normal(r.rng) * 1.5)) * 10) / 10,
    ind_source: texts ? pick(r.rng, texts.ind_source) : null,
  }
  // Nobody knows every figure.
  for (const key of ['ind_loans_volume', 'ind_youth_pct', 'ind_par30']) {
    if (chance(r.rng, 0.25)) out[key] = null
  }
  return out
}

function guarantee(r: Respondent, c: DemoCase): Answers {
  const g = r.profile.guarantee
  const scheme = pickWeighted(r.rng, [
    ['yes', g.yes],
    ['no', g.no],
    ['dk', g.dk],
  ])
  if (scheme !== 'yes') return { guarantee_scheme: scheme }
  const backing = chance(r.rng, 0.1) ? ['dk'] : pickSome(r.rng, g.backing, 1, 2)
  return {
    guarantee_scheme: scheme,
    guarantee_coverage: chance(r.rng, 0.3) ? null : randInt(r.rng, g.coverage[0], g.coverage[1]),
    guarantee_backing: inChoiceOrder(backing, choicesOf(c.specs, 'guarantee_backing')),
  }
}

function products(r: Respondent, choices: unknown[]): unknown[] {
  if (chance(r.rng, 0.04)) return ['dk']
  const held = choices.filter(
    (c) => c !== 'dk' && chance(r.rng, r.profile.products[String(c)] ?? 0.05),
  )
  return held.length > 0 ? held : choices.slice(0, 1)
}

/**
 * Chooses one respondent's answers to `microfinance-gap` (`null` = left blank) and their
 * stakeholder type, which becomes the response's group.
 */
export function chooseGapAnswers(c: DemoCase): { answers: Answers; group: string } {
  const profile = REGION_PROFILES[c.region] ?? REGION_PROFILES['IT-BO']
  if (!profile) throw new Error('demo profiles are missing')
  const r: Respondent = {
    rng: c.rng,
    profile,
    later: c.wave >= '2025' ? 1 : 0,
    bias: normal(c.rng) * 0.35,
  }
  const stakeholderChoices = choicesOf(c.specs, 'stakeholder_type').map(String)
  const stakeholder = String(
    pickWeighted(c.rng, entries(profile.stakeholders, stakeholderChoices, 0.2)),
  )
  const roleChoices = choicesOf(c.specs, 'role')
  const roles = pickSome(c.rng, ROLES_BY_STAKEHOLDER[stakeholder] ?? [], 1, 2)
  if (chance(c.rng, 0.3) && roleChoices.length > 0) roles.push(String(pick(c.rng, roleChoices)))
  const barrierChoices = choicesOf(c.specs, 'barriers')
  const priorityChoices = choicesOf(c.specs, 'policy_priorities')
  const texts = GAP_TEXTS[c.region]
  const open = (key: 'biggest_gap' | 'policy_change' | 'practice_transfer', p: number) =>
    texts && chance(c.rng, p) ? pick(c.rng, texts[key]) : null
  const dkPerformance = stakeholder === 'research' || stakeholder === 'ngo' ? 0.07 : 0.03
  const answers: Answers = {
    consent: true,
    stakeholder_type: stakeholder,
    role: inChoiceOrder([...new Set(roles)], roleChoices),
    experience: pickWeighted(c.rng, [
      ['lt3', 1],
      ['3to5', 2],
      ['6to10', 3],
      ['gt10', 3],
    ]),
    importance: ratings(r, rowsOf(c.specs, 'importance'), (d) => profile.importance[d] ?? 4, 0.01),
    performance: ratings(
      r,
      rowsOf(c.specs, 'performance'),
      (d) => performanceMean(r, d),
      dkPerformance,
    ),
    maturity: maturity(r, rowsOf(c.specs, 'maturity')),
    target_groups: targetGroups(r, rowsOf(c.specs, 'target_groups')),
    products: products(r, choicesOf(c.specs, 'products')),
    ...guarantee(r, c),
    ...indicators(r, c.wave, stakeholder, c.region),
    barriers: inChoiceOrder(
      drawWeighted(c.rng, entries(profile.barriers, barrierChoices, 0.3), randInt(c.rng, 2, 5)),
      barrierChoices,
    ),
    policy_priorities: chance(c.rng, 0.1)
      ? null
      : drawWeighted(
          c.rng,
          entries(profile.priorities, priorityChoices, 0.3),
          chance(c.rng, 0.15) ? 2 : 3,
        ),
    biggest_gap: open('biggest_gap', 0.6),
    policy_change: open('policy_change', 0.45),
    practice_transfer: open('practice_transfer', 0.35),
  }
  return { answers, group: stakeholder }
}
