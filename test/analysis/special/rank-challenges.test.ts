import { describe, expect, it } from 'vitest'
import { rankChallenges } from '../../../analysis/special/rank-challenges.ts'
import type { CodesignGroup } from '../../../analysis/special/types.ts'
import { sheets } from '../../fixtures/special/codesign-sheets.ts'
import { buildInput, itemText, readDefinition, response } from '../../fixtures/special/inputs.ts'

const ID = 'codesign-challenge'
const json = readDefinition(ID)

const ranking = (g: CodesignGroup | undefined) =>
  g?.challenges.map((c) => [c.rank, c.value, c.borda, c.n, c.meanRank, c.firstPlaces])

describe('rankChallenges', () => {
  const tally = rankChallenges(buildInput(ID, sheets))

  it('describes the tally', () => {
    expect(tally).toMatchObject({
      kind: 'codesign',
      sheets: 4,
      bordaRule: 'k-to-1',
      rankingQuestion: 'priority_challenges',
      subgroupQuestion: 'subgroup',
      notes: [],
    })
    expect(tally.subgroups.map((g) => [g.key, g.label, g.n, g.participants])).toEqual([
      ['group_1', itemText(json, 'subgroup', 'group_1'), 2, 11],
      ['group_2', itemText(json, 'subgroup', 'group_2'), 2, 4],
    ])
    expect([
      tally.overall.key,
      tally.overall.label,
      tally.overall.n,
      tally.overall.participants,
    ]).toEqual([null, 'All subgroups', 4, 15])
  })

  it('ranks challenges per subgroup by Borda points (k..1), then mean rank', () => {
    expect(ranking(tally.subgroups[0])).toEqual([
      [1, 'no_collateral', 13, 2, 1.5, 1],
      [2, 'irregular_income', 12, 2, 2, 1],
      [3, 'climate_shocks', 10, 2, 3, 0],
      [4, 'school_costs_timing', 9, 2, 3.5, 0],
      [5, 'distance_services', 6, 2, 5, 0],
      [6, 'household_labour_demand', 3, 2, 6.5, 0],
      [7, 'low_financial_literacy', 3, 2, 6.5, 0],
    ])
    // A 3-item sheet gives 3/2/1, a 1-item sheet gives 1: tie at 3 broken by mean rank.
    expect(ranking(tally.subgroups[1])).toEqual([
      [1, 'climate_shocks', 3, 1, 1, 1],
      [2, 'irregular_income', 3, 2, 1.5, 1],
      [3, 'no_collateral', 1, 1, 3, 0],
      [4, 'distance_services', 0, 0, null, 0],
      [5, 'household_labour_demand', 0, 0, null, 0],
      [6, 'low_financial_literacy', 0, 0, null, 0],
      [7, 'school_costs_timing', 0, 0, null, 0],
    ])
  })

  it('ranks challenges overall', () => {
    expect(ranking(tally.overall)).toEqual([
      [1, 'irregular_income', 15, 4, 1.75, 2],
      [2, 'no_collateral', 14, 3, 2, 1],
      [3, 'climate_shocks', 13, 3, 2.3333, 1],
      [4, 'school_costs_timing', 9, 2, 3.5, 0],
      [5, 'distance_services', 6, 2, 5, 0],
      [6, 'household_labour_demand', 3, 2, 6.5, 0],
      [7, 'low_financial_literacy', 3, 2, 6.5, 0],
    ])
    expect(tally.overall.challenges[0]?.label).toBe(
      itemText(json, 'priority_challenges', 'irregular_income'),
    )
    const fr = rankChallenges(buildInput(ID, sheets, { locale: 'fr' }))
    expect(fr.overall.label).toBe('Tous les sous-groupes')
    expect(fr.overall.challenges[0]?.label).toBe(
      itemText(json, 'priority_challenges', 'irregular_income', 'fr'),
    )
  })

  it('counts product types with shares of the sheets that answered', () => {
    const counts = (g: CodesignGroup | undefined) =>
      g?.productTypes.counts.filter((c) => c.count > 0).map((c) => [c.value, c.count, c.share])
    expect(tally.subgroups[0]?.productTypes.n).toBe(2)
    expect(counts(tally.subgroups[0])).toEqual([
      ['savings', 1, 0.5],
      ['credit', 2, 1],
      ['index_insurance', 1, 0.5],
    ])
    expect(counts(tally.overall)).toEqual([
      ['savings', 2, 0.5],
      ['credit', 2, 0.5],
      ['index_insurance', 2, 0.5],
      ['other', 1, 0.25],
    ])
    expect(tally.overall.productTypes.counts.map((c) => c.value)).toEqual([
      'savings',
      'credit',
      'insurance',
      'index_insurance',
      'climate_equipment_subsidy',
      'resilient_seeds',
      'education_savings',
      'other',
    ])
  })

  it('gives mean effects and feasibility with n', () => {
    const ratings = (g: CodesignGroup | undefined) =>
      g?.ratings.map((r) => [r.question, r.n, r.mean])
    expect(ratings(tally.subgroups[0])).toEqual([
      ['effect_child_labour', 2, 3.5],
      ['effect_school_attendance', 2, 4.5],
      ['feasibility', 2, 3.5],
    ])
    expect(ratings(tally.subgroups[1])).toEqual([
      ['effect_child_labour', 2, 3.5],
      ['effect_school_attendance', 1, 3],
      ['feasibility', 2, 3.5],
    ])
    expect(ratings(tally.overall)).toEqual([
      ['effect_child_labour', 4, 3.5],
      ['effect_school_attendance', 3, 4],
      ['feasibility', 4, 3.5],
    ])
  })

  it('keeps sheets without a subgroup in the overall results only', () => {
    const loose = response('s5', 'ML-KOU', { priority_challenges: ['distance_services'] })
    const t = rankChallenges(buildInput(ID, [...sheets, loose]))
    expect(t.subgroups.map((g) => g.n)).toEqual([2, 2])
    expect(t.overall.n).toBe(5)
    expect(t.notes).toEqual([
      '1 sheet(s) without a subgroup count only in the overall results.',
      'Subgroups pool the sheets of 2 regions by subgroup code.',
    ])
  })
})
