/**
 * Demo answers for the Mali questionnaires: `codesign-challenge` sheets of the Bamako co-design
 * workshop subgroups and quarterly `mfi-indicators` reports of savings-and-credit branches in
 * Koulikoro. Invented figures with a story: borrowers grow a little every quarter, portfolio at
 * risk peaks in the lean season (Q3), one branch deteriorates in 2025, and branches move from
 * manual registers to the information system.
 */

import type { Answers } from '../surveys/types.ts'
import { choicesOf, type DemoCase } from './assemble.ts'
import {
  chance,
  clampRound,
  createRng,
  drawWeighted,
  normal,
  pick,
  pickSome,
  randInt,
} from './random.ts'

interface Concept {
  title: string
  text: string
  beneficiaries: string[]
  products: string[]
  channels: string[]
  partners: string[]
  /** Mean expected effect on child labour, on school attendance, and feasibility (1–5). */
  means: [number, number, number]
}

const CONCEPTS: Concept[] = [
  {
    title: 'Épargne scolaire adossée à la vente du coton',
    text: "Une part du paiement du coton est versée sur un compte d'épargne bloqué jusqu'à la rentrée.",
    beneficiaries: ['cotton_households', 'parents_school_committees'],
    products: ['savings', 'education_savings'],
    channels: ['sfd_branch', 'farmer_org_channel'],
    partners: ['sfd', 'farmer_orgs', 'schools'],
    means: [4, 4.6, 3.8],
  },
  {
    title: 'Crédit « rentrée scolaire » remboursable après la récolte',
    text: 'Un petit crédit en septembre pour les frais de scolarité, remboursé en une fois après la récolte.',
    beneficiaries: ['cotton_households', 'other_farming_households'],
    products: ['credit'],
    channels: ['sfd_branch', 'field_agents'],
    partners: ['sfd', 'schools'],
    means: [3.8, 4.5, 4],
  },
  {
    title: 'Assurance indicielle sécheresse liée au crédit intrants',
    text: 'Le crédit intrants inclut une assurance qui paie automatiquement si la pluie manque.',
    beneficiaries: ['other_farming_households', 'farmer_organisations'],
    products: ['index_insurance', 'credit'],
    channels: ['farmer_org_channel', 'mobile_money'],
    partners: ['insurers', 'sfd', 'government', 'donors'],
    means: [3.2, 3.3, 2.3],
  },
  {
    title: "Subvention d'équipements de culture attelée",
    text: 'Charrues et semoirs subventionnés pour réduire le besoin de main-d’œuvre des enfants aux champs.',
    beneficiaries: ['cotton_households', 'farmer_organisations'],
    products: ['climate_equipment_subsidy', 'credit'],
    channels: ['farmer_org_channel'],
    partners: ['government', 'donors', 'farmer_orgs'],
    means: [4.6, 3.4, 2.9],
  },
  {
    title: 'AVEC de femmes avec un volet épargne éducation',
    text: "Les groupes d'épargne de femmes ajoutent une caisse réservée aux frais scolaires des enfants.",
    beneficiaries: ['women', 'parents_school_committees'],
    products: ['savings', 'education_savings'],
    channels: ['savings_groups'],
    partners: ['ngos', 'sfd'],
    means: [3.3, 4.2, 4.6],
  },
  {
    title: 'Semences résistantes à crédit pour les familles d’orpailleurs',
    text: "Un crédit en semences résistantes pour que les familles reviennent à l'agriculture.",
    beneficiaries: ['artisanal_mining_households', 'youth'],
    products: ['resilient_seeds', 'credit'],
    channels: ['field_agents'],
    partners: ['government', 'ngos', 'sfd'],
    means: [4, 3.2, 2.4],
  },
]

/** Concepts each workshop subgroup tends to design (indexes into `CONCEPTS`). */
const SUBGROUP_CONCEPTS: Record<string, number[]> = {
  group_1: [0, 1, 3],
  group_2: [5, 1],
  group_3: [4, 0],
  group_4: [2, 3],
  group_5: [0, 4, 1],
}

/** Challenge weights shared by all subgroups, and each subgroup's own emphasis. */
const CHALLENGES: Record<string, number> = {
  climate_shocks: 5,
  irregular_income: 5,
  school_costs_timing: 4,
  no_collateral: 3,
  household_labour_demand: 3,
  distance_services: 2,
  low_financial_literacy: 2,
}
const EMPHASIS: Record<string, string[]> = {
  group_1: ['school_costs_timing'],
  group_2: ['household_labour_demand'],
  group_3: ['no_collateral'],
  group_4: ['climate_shocks'],
  group_5: ['school_costs_timing', 'low_financial_literacy'],
}

const INDICATORS_TEXT = [
  'Taux de scolarisation des enfants des ménages bénéficiaires.',
  "Montant moyen de l'épargne éducation et taux de remboursement.",
  'Nombre d’enfants retirés des travaux agricoles dangereux.',
]

/** One subgroup sheet of the co-design workshop; the subgroup becomes the response's group. */
export function chooseCodesignAnswers(c: DemoCase): { answers: Answers; group: string } {
  const subgroups = choicesOf(c.specs, 'subgroup').map(String)
  const subgroup = subgroups[c.index % Math.max(1, subgroups.length)] ?? 'group_1'
  const emphasis = EMPHASIS[subgroup] ?? []
  const challenges = choicesOf(c.specs, 'priority_challenges').map(String)
  const weighted = challenges.map((ch): [string, number] => [
    ch,
    (CHALLENGES[ch] ?? 1) + (emphasis.includes(ch) ? 6 : 0),
  ])
  const concept = CONCEPTS[pick(c.rng, SUBGROUP_CONCEPTS[subgroup] ?? [0])] ?? CONCEPTS[0]
  if (!concept) throw new Error('demo concepts are missing')
  const rate = (mean: number) => clampRound(mean + normal(c.rng) * 0.6, 1, 5)
  return {
    group: subgroup,
    answers: {
      subgroup,
      participants: randInt(c.rng, 4, 12),
      stakeholders_present: pickSome(c.rng, choicesOf(c.specs, 'stakeholders_present'), 3, 6),
      priority_challenges: drawWeighted(c.rng, weighted, challenges.length),
      other_challenge: chance(c.rng, 0.2) ? 'Insécurité sur les routes vers les marchés.' : null,
      concept_title: concept.title,
      concept_description: concept.text,
      target_beneficiaries: [...concept.beneficiaries],
      product_types: [...concept.products],
      delivery_channels: [...concept.channels],
      effect_child_labour: rate(concept.means[0]),
      effect_school_attendance: rate(concept.means[1]),
      feasibility: rate(concept.means[2]),
      partners_needed: [...concept.partners],
      monitoring_indicators: chance(c.rng, 0.7) ? pick(c.rng, INDICATORS_TEXT) : null,
    },
  }
}

/** Branches of the demo savings-and-credit network, all in the Koulikoro region. */
export const DEMO_BRANCHES = [
  'Caisse de Fana',
  'Caisse de Kati',
  'Caisse de Dioïla',
  'Caisse de Kolokani',
  'Caisse de Banamba',
  'Caisse de Ouéléssébougou',
  'Caisse de Nossombougou',
  'Caisse de Koulikoro',
  'Caisse de Siby',
  'Caisse de Massigui',
]

/** Quarter ends reported on (fixed dates, all in the past), oldest first. */
export const DEMO_QUARTERS = [
  '2024-03-31',
  '2024-06-30',
  '2024-09-30',
  '2024-12-31',
  '2025-03-31',
  '2025-06-30',
]

function reportComment(
  c: DemoCase,
  state: { lean: boolean; deteriorating: boolean; moved: boolean },
): string | null {
  if (state.deteriorating) return 'Hausse des impayés après la mauvaise campagne cotonnière.'
  if (state.moved) return 'Passage des registres manuels au système d’information de gestion.'
  if (state.lean && chance(c.rng, 0.5))
    return 'Retards de remboursement pendant la période de soudure.'
  return null
}

/**
 * One branch's quarterly report. Each branch has its own stable traits (drawn from a generator
 * seeded by its position), so its figures form a plausible series across quarters.
 */
export function chooseIndicatorAnswers(c: DemoCase, branch: number, quarter: number): Answers {
  const traits = createRng(1000 + branch)
  const base = 400 + Math.floor(traits() * 1000)
  const womenShare = 0.45 + traits() * 0.2
  const youthShare = 0.15 + traits() * 0.15
  const perBorrower = 150_000 + Math.floor(traits() * 150_000)
  const hasMis = branch % 2 === 0 || quarter >= 4
  const moved = branch % 2 === 1 && quarter === 4
  const end = DEMO_QUARTERS[quarter] ?? '2024-03-31'
  const borrowers = Math.round(base * (1 + 0.025 * quarter) * (1 + normal(c.rng) * 0.02))
  const lean = end.slice(5, 7) === '09' ? 3 : 0
  const deteriorating = branch === 4 && quarter >= 4 ? 5 : 0
  const par = 3 + traits() * 5 + lean + deteriorating + normal(c.rng) * 0.8
  const members = Math.round(borrowers * (3 + traits() * 1.5))
  return {
    period_type: 'quarterly',
    period_end: end,
    institution: 'Kondo Jigima',
    branch: DEMO_BRANCHES[branch % DEMO_BRANCHES.length] ?? 'Caisse',
    branch_region: 'koulikoro',
    members,
    borrowers_active: borrowers,
    borrowers_women: Math.min(borrowers, Math.round(borrowers * womenShare)),
    borrowers_youth: Math.min(borrowers, Math.round(borrowers * youthShare)),
    farmer_orgs_financed: clampRound(4 + traits() * 16 + normal(c.rng), 0, 200),
    portfolio_outstanding_xof: Math.round((borrowers * perBorrower) / 1000) * 1000,
    deposits_xof: Math.round((members * (25_000 + traits() * 25_000)) / 1000) * 1000,
    par30_pct: Math.round(Math.min(100, Math.max(0, par)) * 10) / 10,
    data_source: hasMis ? 'mis' : 'manual_registers',
    report_comment: reportComment(c, { lean: lean > 0, deteriorating: deteriorating > 0, moved }),
  }
}
