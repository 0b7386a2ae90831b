/**
 * The designed regional differences of the demo `microfinance-gap` data: what a reader should
 * see in the charts. Means are on the questionnaire's 1–5 scales for wave 2024; `improve` is
 * added to performance in wave 2025 (gaps shrinking a little). Invented for the demo, loosely
 * inspired by the partners' public territorial analyses.
 */

/** Named weights or means, as `Record<string, number>`. */
export type Weights = Record<string, number>

/** Parses `'name value name value …'` into weights (keeps the profiles one line each). */
function w(spec: string): Weights {
  const parts = spec.split(/\s+/).filter(Boolean)
  const out: Weights = {}
  for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i] as string] = Number(parts[i + 1])
  return out
}

/** How one region answers the gap questionnaire. */
export interface RegionProfile {
  /** Mean performance (1–5) where it differs from 3. */
  performance: Weights
  /** Mean importance (1–5) where it differs from 4. */
  importance: Weights
  /** Added to performance in wave 2025. */
  improve: Weights
  /** Mean access to finance (1–5) of target groups not covered by a dimension. */
  access: Weights
  /** Weights of stakeholder types among respondents. */
  stakeholders: Weights
  /** P(yes), P(no), P(don't know) for "is there a guarantee scheme", and its coverage range (%). */
  guarantee: { yes: number; no: number; dk: number; coverage: [number, number]; backing: string[] }
  barriers: Weights
  priorities: Weights
  /** Probability that each product is reported as available. */
  products: Weights
  /** Ecosystem indicators: providers, loans a year, average loan (EUR), women %, youth %, PAR30 %. */
  indicators: [number, number, number, number, number, number]
}

/** Profiles by demo region id. */
export const REGION_PROFILES: Record<string, RegionProfile> = {
  'FR-93': {
    performance: w(
      'supply 3.8 mentoring 4.3 guarantees 3.5 savings 3.4 regulation 3.6 education 2.8 women 3.3 youth 2.5 migrants 2.3 rural 2.6 digital 3.4 coordination 2.4 responsible 3.7 insurance 2.4 monitoring 3.0',
    ),
    importance: w('migrants 4.7 youth 4.7 coordination 4.4 education 4.4 rural 1.9 insurance 3.1'),
    improve: w('youth 0.5 coordination 0.6'),
    access: w('minorities 2.4 disabilities 2.2 unemployed 2.6 seniors 3.0 social_enterprises 3.5'),
    stakeholders: w(
      'mfi 3 bank 2 public_authority 2 bso 3 ngo 3 social_enterprise 2 guarantee_fund 1 research 1',
    ),
    guarantee: {
      yes: 0.7,
      no: 0.12,
      dk: 0.18,
      coverage: [50, 70],
      backing: ['national', 'regional', 'eu'],
    },
    barriers: w(
      'credit_history 5 benefits 4 discrimination 4 procedures 3 awareness 3 collateral 2 support 1',
    ),
    priorities: w(
      'benefits_bridge 5 coordination 5 target_groups 4 education 3 provider_funding 2 mentoring 1',
    ),
    products: w(
      'business_microcredit 0.95 personal_microcredit 0.85 honour_loans 0.8 solidarity_savings 0.6 guarantees 0.7 mentoring 0.9 fin_education 0.5 crowdfunding 0.5 digital 0.5 micro_insurance 0.2',
    ),
    indicators: [12, 9000, 3500, 42, 24, 6],
  },
  'IT-BO': {
    performance: w(
      'mentoring 4.0 coordination 3.8 supply 3.2 regulation 2.6 guarantees 3.0 savings 3.2 insurance 2.6 education 3.3 women 3.4 youth 3.0 migrants 3.1 rural 3.0 digital 3.0 responsible 3.5 monitoring 2.8',
    ),
    importance: w('regulation 4.5 migrants 4.4 youth 4.3 guarantees 4.4 rural 3.2'),
    improve: w('regulation 0.2'),
    access: w('minorities 2.6 disabilities 2.5 unemployed 2.5 seniors 3.0 social_enterprises 3.7'),
    stakeholders: w(
      'mfi 2 bank 3 public_authority 2 bso 2 ngo 3 social_enterprise 2 guarantee_fund 2 research 1',
    ),
    guarantee: {
      yes: 0.75,
      no: 0.1,
      dk: 0.15,
      coverage: [60, 80],
      backing: ['national', 'regional', 'mutual'],
    },
    barriers: w('collateral 5 procedures 4 regulation 4 awareness 3 cost 2 credit_history 2'),
    priorities: w(
      'legal_framework 5 guarantee_fund 4 mentoring 3 target_groups 3 provider_funding 2',
    ),
    products: w(
      'business_microcredit 0.9 personal_microcredit 0.8 guarantees 0.7 mentoring 0.85 fin_education 0.6 leasing 0.3 crowdfunding 0.3 digital 0.4 savings 0.5',
    ),
    indicators: [9, 1500, 7000, 40, 18, 8],
  },
  'RO-BI': {
    performance: w(
      'regulation 2.4 supply 2.6 savings 2.4 insurance 2.0 guarantees 3.3 mentoring 1.9 education 1.7 women 2.5 youth 2.4 migrants 2.1 rural 2.2 digital 3.5 coordination 2.0 responsible 2.6 monitoring 2.2',
    ),
    importance: w('education 4.7 mentoring 4.6 regulation 4.5 supply 4.6 migrants 2.9'),
    improve: w('education 0.5 mentoring 0.5 coordination 0.4'),
    access: w('minorities 1.6 disabilities 2.0 unemployed 2.2 seniors 2.4 social_enterprises 2.6'),
    stakeholders: w(
      'mfi 3 bank 3 public_authority 3 bso 2 ngo 2 social_enterprise 1 guarantee_fund 2 research 1',
    ),
    guarantee: { yes: 0.8, no: 0.08, dk: 0.12, coverage: [50, 80], backing: ['national', 'eu'] },
    barriers: w(
      'literacy 5 collateral 4 cost 4 procedures 4 awareness 4 discrimination 2 support 3',
    ),
    priorities: w('education 5 mentoring 5 legal_framework 3 coordination 3 provider_funding 2'),
    products: w(
      'business_microcredit 0.85 personal_microcredit 0.5 guarantees 0.8 leasing 0.5 digital 0.6 fin_education 0.25 mentoring 0.2 savings 0.3',
    ),
    indicators: [25, 6000, 6000, 35, 20, 9],
  },
  'SE-VG': {
    performance: w(
      'digital 4.6 regulation 4.0 responsible 4.3 supply 2.8 savings 4.0 guarantees 3.2 mentoring 3.6 education 3.6 women 3.6 youth 3.3 migrants 2.2 rural 3.4 coordination 3.3 insurance 3.5 monitoring 3.8',
    ),
    importance: w('migrants 4.7 supply 4.1 digital 3.8 regulation 3.4 insurance 3.2'),
    improve: w('migrants 0.3'),
    access: w('minorities 2.8 disabilities 3.0 unemployed 2.7 seniors 3.4 social_enterprises 3.2'),
    stakeholders: w('bank 2 public_authority 3 bso 3 credit_coop 1 ngo 1 research 1'),
    guarantee: { yes: 0.55, no: 0.25, dk: 0.2, coverage: [30, 50], backing: ['national', 'eu'] },
    barriers: w('discrimination 5 credit_history 4 benefits 3 funding 3 awareness 2'),
    priorities: w('target_groups 5 provider_funding 4 benefits_bridge 3 mentoring 2 data 1'),
    products: w(
      'business_microcredit 0.6 savings 0.9 solidarity_savings 0.3 guarantees 0.5 mentoring 0.8 digital 0.95 fin_education 0.6 crowdfunding 0.6 green_loans 0.4',
    ),
    indicators: [5, 800, 15000, 38, 22, 3],
  },
  'SI-HEART': {
    performance: w(
      'guarantees 1.6 supply 2.2 regulation 2.3 savings 3.0 insurance 2.6 mentoring 3.0 education 2.7 women 2.8 youth 2.6 migrants 2.4 rural 2.4 digital 3.2 coordination 2.5 responsible 3.0 monitoring 2.3',
    ),
    importance: w('guarantees 4.8 supply 4.6 regulation 4.3 rural 4.3 migrants 3.0'),
    improve: w('guarantees 0.3 coordination 0.3'),
    access: w('minorities 2.4 disabilities 2.4 unemployed 2.3 seniors 2.6 social_enterprises 2.5'),
    stakeholders: w('bank 2 public_authority 3 bso 3 ngo 1 social_enterprise 1 research 1'),
    guarantee: { yes: 0.2, no: 0.55, dk: 0.25, coverage: [20, 40], backing: ['national'] },
    barriers: w('collateral 5 funding 4 regulation 4 awareness 4 procedures 2 distance 2'),
    priorities: w(
      'guarantee_fund 5 legal_framework 4 provider_funding 4 coordination 2 mentoring 1',
    ),
    products: w(
      'business_microcredit 0.4 savings 0.6 guarantees 0.2 mentoring 0.6 fin_education 0.4 leasing 0.3 digital 0.5',
    ),
    indicators: [4, 300, 10000, 33, 15, 5],
  },
  'ML-KK': {
    performance: w(
      'digital 1.6 rural 2.0 insurance 1.5 savings 3.3 supply 2.4 guarantees 1.8 mentoring 2.4 education 1.9 women 2.9 youth 2.3 migrants 2.5 regulation 2.8 coordination 2.7 responsible 2.8 monitoring 2.1',
    ),
    importance: w(
      'rural 4.9 supply 4.8 women 4.8 insurance 4.6 youth 4.5 savings 4.4 guarantees 4.4 education 4.3 digital 3.6 migrants 2.2 regulation 3.8',
    ),
    improve: w('women 0.2'),
    access: w('minorities 2.5 disabilities 1.8 unemployed 2.2 seniors 2.4 social_enterprises 2.6'),
    stakeholders: w('mfi 4 credit_coop 3 ngo 3 public_authority 1 bank 1 research 1'),
    guarantee: { yes: 0.3, no: 0.5, dk: 0.2, coverage: [30, 50], backing: ['private', 'mutual'] },
    barriers: w('collateral 5 distance 5 literacy 4 cost 3 funding 3 awareness 2'),
    priorities: w(
      'insurance 5 guarantee_fund 4 provider_funding 4 education 3 target_groups 3 green 2',
    ),
    products: w(
      'business_microcredit 0.7 savings 0.95 index_insurance 0.2 micro_insurance 0.25 fin_education 0.4 digital 0.15 leasing 0.1',
    ),
    indicators: [18, 25000, 350, 62, 28, 7],
  },
}

/** Roles that usually go with a stakeholder type. */
export const ROLES_BY_STAKEHOLDER: Record<string, string[]> = {
  mfi: ['finance', 'outreach'],
  credit_coop: ['finance', 'outreach'],
  bank: ['finance'],
  public_authority: ['policy', 'funding', 'coordination'],
  bso: ['support', 'coordination'],
  ngo: ['outreach', 'support'],
  social_enterprise: ['support', 'outreach'],
  guarantee_fund: ['guarantees', 'funding'],
  research: ['research'],
}
