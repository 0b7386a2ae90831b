/**
 * The nine demo good practices (the eight of the partner vote plus one from Slovenia) and the
 * demo answers to `good-practice`. Organisations are the ones the vote names; every figure,
 * date and contact is invented for the demo.
 */

import type { Answers } from '../surveys/types.ts'
import { choicesOf, type DemoCase } from './assemble.ts'
import { chance } from './random.ts'

/** One demo practice, in the language its region answers in (French for FR-93, else English). */
export interface DemoPractice {
  /** The practice's code in `best-practice-vote` (`REGION:slug`). */
  code: string
  title: string
  owner: string
  start: string
  end?: string
  dimensions: string[]
  groups: string[]
  /** Summary, problem, description, evidence, difficulties, transfer conditions. */
  texts: [string, string, string, string, string, string]
  /** Budget EUR, staff FTE, beneficiaries, loans, amount lent EUR, jobs, repayment %. */
  figures: [
    number | null,
    number,
    number,
    number | null,
    number | null,
    number | null,
    number | null,
  ]
  funding: string[]
  transferability: number
  /** How it inspired a public policy, when it did. */
  policy?: string
  contact: string
}

/** In submission order: the first five cover one practice per EU partner region. */
export const DEMO_PRACTICES: DemoPractice[] = [
  {
    code: 'FR-93:cigales',
    title: "Clubs CIGALES d'investisseurs citoyens",
    owner: 'Association régionale des CIGALES d’Île-de-France',
    start: '2012-01-01',
    dimensions: ['savings', 'supply', 'mentoring', 'coordination'],
    groups: ['social_enterprises', 'women'],
    texts: [
      'Des clubs de 5 à 20 citoyens épargnent chaque mois et investissent dans des entreprises locales.',
      'Les très petites entreprises sociales ne trouvent pas de fonds propres auprès des banques.',
      'Chaque club vote ses investissements, puis les membres conseillent les entrepreneurs pendant cinq ans.',
      '45 entreprises financées depuis 2012 et 9 sur 10 toujours en activité après trois ans.',
      'Recruter de nouveaux membres hors des réseaux militants.',
      'Un cadre fiscal favorable à l’épargne solidaire et une tête de réseau pour former les clubs.',
    ],
    figures: [60000, 1.5, 45, null, 380000, 120, null],
    funding: ['citizens', 'regional_local_public'],
    transferability: 5,
    policy:
      "Le département a intégré les clubs dans son plan pour l'économie sociale et solidaire.",
    contact: 'Claire Martin',
  },
  {
    code: 'IT-BO:permicro',
    title: 'PerMicro microcredit for entrepreneurs and families',
    owner: 'PerMicro, Bologna branch',
    start: '2010-03-01',
    dimensions: ['supply', 'migrants', 'women'],
    groups: ['migrants_refugees', 'women', 'youth'],
    texts: [
      'Microloans for people that banks do not serve, assessed on references from their community.',
      'Migrants and young families have no collateral and no credit history in Italy.',
      'Loan officers meet applicants with a member of their community network, who vouches for them.',
      '420 loans in 2023 with a repayment rate of 88%.',
      'High cost of assessing very small loans.',
      'A regulator that allows non-bank microcredit and partner associations in migrant communities.',
    ],
    figures: [450000, 4, 380, 420, 2600000, 310, 88],
    funding: ['banks', 'own_revenue', 'foundations'],
    transferability: 3,
    contact: 'Marco Rinaldi',
  },
  {
    code: 'RO-BI:frgc-guarantees',
    title: 'FRGC guarantees for micro-enterprise loans',
    owner: 'FRGC, Bucharest branch',
    start: '2016-01-01',
    dimensions: ['guarantees', 'supply', 'regulation'],
    groups: ['youth', 'social_enterprises'],
    texts: [
      'A public fund guarantees up to 80% of bank loans to micro-enterprises without enough collateral.',
      'Banks refused loans to start-ups and micro-enterprises for lack of collateral.',
      'The bank applies online; the fund decides within five working days and charges a small fee.',
      '2,300 guaranteed loans in 2023 and a default rate below 5%.',
      'Banks in smaller towns were slow to use the scheme.',
      'A public guarantee fund with state capital and agreements with commercial banks.',
    ],
    figures: [25000000, 20, 2100, 2300, 48000000, 3100, 95],
    funding: ['national_public', 'eu_funds'],
    transferability: 3,
    policy: 'National programmes for SMEs reuse the same guarantee mechanism.',
    contact: 'Andreea Popescu',
  },
  {
    code: 'SE-VG:almi-microloans',
    title: 'Almi microloans and business advice',
    owner: 'Almi Företagspartner Väst',
    start: '2012-01-01',
    dimensions: ['supply', 'mentoring', 'youth'],
    groups: ['youth', 'migrants_refugees', 'women'],
    texts: [
      'The state-owned Almi lends small amounts to new firms that banks find too risky, with advice.',
      'New and small firms could not borrow small amounts from banks.',
      'An adviser reviews the business plan, then a loan is co-financed with a bank when possible.',
      '480 microloans in 2023; most firms still active after three years.',
      'Reaching newly arrived entrepreneurs who do not know the offer.',
      'A public lender with regional offices and a national funding mandate.',
    ],
    figures: [5000000, 9, 520, 480, 11000000, 700, 96],
    funding: ['national_public', 'eu_funds'],
    transferability: 3,
    contact: 'Erik Lindqvist',
  },
  {
    code: 'SI-HEART:rural-mentoring',
    title: 'Mentoring points for rural start-ups — Heart of Slovenia',
    owner: 'Development Centre of the Heart of Slovenia',
    start: '2018-09-01',
    end: '2023-06-30',
    dimensions: ['mentoring', 'rural', 'coordination'],
    groups: ['rural_farmers', 'youth'],
    texts: [
      'Weekly mentoring points in small towns help rural start-ups prepare a loan application.',
      'Rural entrepreneurs travelled to Ljubljana for any advice on finance.',
      'Volunteer mentors and agency staff meet entrepreneurs in municipal offices once a week.',
      '140 entrepreneurs advised and 60 jobs created over five years.',
      'Few lenders in the region to send the prepared applications to.',
      'Municipalities willing to host the points and a pool of experienced mentors.',
    ],
    figures: [180000, 3, 140, null, null, 60, null],
    funding: ['eu_funds', 'regional_local_public'],
    transferability: 4,
    contact: 'Maja Kovač',
  },
  {
    code: 'FR-93:adie-microcredit',
    title: "Microcrédit professionnel de l'Adie avec accompagnement",
    owner: 'Adie, antenne de Seine-Saint-Denis',
    start: '2005-01-01',
    dimensions: ['supply', 'mentoring', 'financial_education', 'migrants', 'women'],
    groups: ['long_term_unemployed', 'migrants_refugees', 'women', 'youth'],
    texts: [
      'Des microcrédits pour créer son activité quand la banque dit non, avec un accompagnement gratuit.',
      'Les demandeurs d’emploi et allocataires du RSA n’ont pas accès au crédit bancaire.',
      'Un conseiller instruit la demande en une semaine, puis des bénévoles suivent l’entrepreneur.',
      '1 650 microcrédits en 2023 et un taux de remboursement de 92 %.',
      'Les délais de versement des aides publiques complémentaires.',
      'Un réseau de bénévoles formés et un refinancement bancaire à taux réduit.',
    ],
    figures: [1200000, 14, 1400, 1650, 5200000, 1900, 92],
    funding: ['banks', 'national_public', 'eu_funds', 'foundations'],
    transferability: 4,
    contact: 'Karim Benali',
  },
  {
    code: 'IT-BO:social-microcredit',
    title: 'Social microcredit with volunteer tutors',
    owner: 'Municipality of Bologna with local foundations',
    start: '2013-06-01',
    dimensions: ['supply', 'mentoring', 'coordination', 'financial_education'],
    groups: ['long_term_unemployed', 'women', 'seniors'],
    texts: [
      'Small loans for households in temporary difficulty, prepared and followed up by volunteer tutors.',
      'Families in temporary difficulty turned to informal lenders.',
      'A tutor helps with the budget and the application; the partner bank lends, a fund guarantees.',
      '240 loans since 2013 and 85% repaid on time.',
      'Keeping volunteers motivated over several years.',
      'A partner bank, a small guarantee fund and an association that trains volunteers.',
    ],
    figures: [300000, 2, 260, 240, 720000, null, 85],
    funding: ['regional_local_public', 'foundations', 'banks'],
    transferability: 5,
    policy: "The region's social-inclusion plan now funds volunteer tutoring.",
    contact: 'Giulia Ferri',
  },
  {
    code: 'RO-BI:good-bee',
    title: 'Good.Bee Credit microloans for rural entrepreneurs',
    owner: 'Good.Bee Credit IFN',
    start: '2009-01-01',
    dimensions: ['supply', 'rural', 'mentoring'],
    groups: ['rural_farmers', 'minorities', 'women'],
    texts: [
      'A non-bank lender gives microloans and advice to small farmers and rural micro-entrepreneurs.',
      'Small farmers around Bucharest cannot borrow from banks.',
      'Field officers visit farms, assess cash flows and adapt repayments to the harvest.',
      '1,350 loans in 2023 and a repayment rate of 94%.',
      'Cost of serving remote villages.',
      'A licence for non-bank lenders and patient funding from a foundation.',
    ],
    figures: [900000, 12, 1100, 1350, 9400000, 1500, 94],
    funding: ['foundations', 'own_revenue', 'banks'],
    transferability: 4,
    contact: 'Mihai Ionescu',
  },
  {
    code: 'SE-VG:jak-bank',
    title: 'JAK Members Bank: interest-free savings and loans',
    owner: 'JAK Medlemsbank',
    start: '1998-01-01',
    dimensions: ['savings', 'responsible_finance', 'green'],
    groups: [],
    texts: [
      "A cooperative bank whose members' savings fund interest-free loans; a fee replaces interest.",
      'Interest makes borrowing expensive and moves wealth away from local communities.',
      'Borrowers keep saving while they repay, so savings and loans stay in balance.',
      '38,000 members and 2,600 loans in 2023 with almost no defaults.',
      'Growing without giving up the interest-free principle.',
      'A banking licence and members ready to save without interest.',
    ],
    figures: [null, 30, 38000, 2600, null, null, 99],
    funding: ['citizens', 'own_revenue'],
    transferability: 2,
    contact: 'Anna Berg',
  },
]

/** Answers to `good-practice` for one demo practice (`null` = left blank). */
export function chooseGoodPracticeAnswers(c: DemoCase, practice: DemoPractice): Answers {
  const [summary, problem, description, evidence, difficulties, conditions] = practice.texts
  const [budget, staff, beneficiaries, loans, amount, jobs, repayment] = practice.figures
  const region = practice.code.split(':')[0] ?? c.region
  const country = region.slice(0, 2)
  const email = `${practice.contact.split(' ')[0]?.toLowerCase() ?? 'contact'}@example.org`
  return {
    practice_title: practice.title,
    summary,
    country: choicesOf(c.specs, 'country').includes(country) ? country : null,
    region,
    owner_organisation: practice.owner,
    start_date: practice.start,
    end_date: practice.end ?? null,
    dimensions: [...practice.dimensions],
    target_groups: practice.groups.length > 0 ? [...practice.groups] : ['none'],
    problem_addressed: problem,
    practice_description: description,
    budget_eur: budget,
    funding_sources: [...practice.funding],
    staff_fte: staff,
    staff_detail: null,
    timescale: null,
    evidence,
    results_year: 2023,
    beneficiaries,
    loans_granted: loans,
    amount_lent_eur: amount,
    jobs_created: jobs,
    repayment_rate_pct: repayment,
    other_results: null,
    difficulties,
    lessons_learned: null,
    transferability: practice.transferability,
    transfer_conditions: conditions,
    inspired_policy: practice.policy !== undefined,
    policy_detail: practice.policy ?? null,
    contact_name: practice.contact,
    contact_email: email.normalize('NFD').replace(/[^\x20-\x7e]/g, ''),
    contact_public: chance(c.rng, 0.7),
  }
}
