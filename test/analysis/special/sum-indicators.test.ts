import { describe, expect, it } from 'vitest'
import { sumIndicators } from '../../../analysis/special/sum-indicators.ts'
import { reports } from '../../fixtures/special/indicator-reports.ts'
import { buildInput, response } from '../../fixtures/special/inputs.ts'

const ID = 'mfi-indicators'
const none = { members: null, youth: null, farmerOrgs: null, savings: null }

describe('sumIndicators', () => {
  const tally = sumIndicators(buildInput(ID, reports))

  it('takes the reference date from the data and counts submitted reports', () => {
    expect(tally.kind).toBe('indicators')
    expect(tally.asOf).toBe('2024-04-21T09:00:00.000Z')
    expect(tally.reports).toBe(6)
    expect(tally.notes).toEqual([
      '1 earlier duplicate report(s) left out of the totals; the latest counts.',
    ])
  })

  it('sorts regions and periods chronologically, labelling months and quarters', () => {
    expect(tally.regions.map((r) => [r.region, r.name, r.periods.map((p) => p.period)])).toEqual([
      ['ML-KOU', 'Koulikoro', ['2024-02', '2024-06']],
      ['ML-SIK', 'Sikasso', ['2023-Q4', '2024-Q1']],
    ])
  })

  it('sums a period, keeping only the latest of duplicate reports', () => {
    const q1 = tally.regions[1]?.periods[1]
    expect(q1).toMatchObject({
      period: '2024-Q1',
      periodType: 'quarterly',
      periodEnd: '2024-03-31',
      reports: 3,
      superseded: 1,
      flaggedReports: 3,
      totals: {
        members: 400,
        borrowers: 150,
        women: 120,
        youth: 30,
        farmerOrgs: 2,
        portfolio: 15_000_000,
        savings: 5_000_000,
      },
      // Bougouni's 60 women of 50 borrowers stay in the sums but out of the women share.
      ratios: { womenShare: 0.6, youthShare: 0.2, averageLoan: 100_000, par30: 6 },
    })
    expect(q1?.branches).toEqual([
      {
        institution: 'Kondo Jigima',
        branch: 'Bougouni',
        branchRegion: 'sikasso',
        reports: 1,
        totals: { ...none, borrowers: 50, women: 60, youth: 10, portfolio: 5_000_000 },
        ratios: { womenShare: null, youthShare: 0.2, averageLoan: 100_000, par30: 10 },
      },
      {
        institution: 'Kondo Jigima',
        branch: 'Koutiala',
        branchRegion: 'sikasso',
        reports: 2,
        totals: {
          members: 400,
          borrowers: 100,
          women: 60,
          youth: 20,
          farmerOrgs: 2,
          portfolio: 10_000_000,
          savings: 5_000_000,
        },
        ratios: { womenShare: 0.6, youthShare: 0.2, averageLoan: 100_000, par30: 4 },
      },
    ])
  })

  it('builds a trend series by region and period', () => {
    expect(tally.series).toEqual([
      {
        region: 'ML-KOU',
        regionName: 'Koulikoro',
        period: '2024-02',
        periodEnd: '2024-02-29',
        reports: 1,
        ...none,
        borrowers: 40,
        women: 10,
        portfolio: 2_000_000,
        womenShare: 0.25,
        youthShare: null,
        averageLoan: 50_000,
        par30: null,
      },
      {
        region: 'ML-KOU',
        regionName: 'Koulikoro',
        period: '2024-06',
        periodEnd: '2024-06-30',
        reports: 1,
        ...none,
        borrowers: null,
        women: 5,
        portfolio: 1_000_000,
        womenShare: null,
        youthShare: null,
        averageLoan: null,
        par30: 3,
      },
      {
        region: 'ML-SIK',
        regionName: 'Sikasso',
        period: '2023-Q4',
        periodEnd: '2023-12-31',
        reports: 1,
        ...none,
        borrowers: 80,
        women: 40,
        portfolio: 8_000_000,
        womenShare: 0.5,
        youthShare: null,
        averageLoan: 100_000,
        par30: 5,
      },
      {
        region: 'ML-SIK',
        regionName: 'Sikasso',
        period: '2024-Q1',
        periodEnd: '2024-03-31',
        reports: 3,
        members: 400,
        borrowers: 150,
        women: 120,
        youth: 30,
        farmerOrgs: 2,
        portfolio: 15_000_000,
        savings: 5_000_000,
        womenShare: 0.6,
        youthShare: 0.2,
        averageLoan: 100_000,
        par30: 6,
      },
    ])
  })

  it('flags inconsistent reports and counts every flag', () => {
    expect(tally.flags.counts).toEqual([
      { flag: 'missing-required', reports: 1 },
      { flag: 'women-over-borrowers', reports: 1 },
      { flag: 'youth-over-borrowers', reports: 0 },
      { flag: 'par-out-of-range', reports: 1 },
      { flag: 'future-period', reports: 1 },
      { flag: 'duplicate', reports: 2 },
    ])
    expect(tally.flags.reports.map((r) => [r.id, r.period, r.flags, r.missing])).toEqual([
      ['r5', '2024-02', ['par-out-of-range'], []],
      ['r6', '2024-06', ['missing-required', 'future-period'], ['borrowers_active']],
      ['r2', '2024-Q1', ['women-over-borrowers'], []],
      ['r1', '2024-Q1', ['duplicate'], []],
      ['r4', '2024-Q1', ['duplicate'], []],
    ])
  })

  it('counts drafts on request; a draft has no submission time and does not move asOf', () => {
    const t = sumIndicators(buildInput(ID, reports, { includeDrafts: true }))
    expect(t.reports).toBe(7)
    expect(t.asOf).toBe('2024-04-21T09:00:00.000Z')
    expect(t.flags.reports.find((r) => r.id === 'r7-draft')?.flags).toEqual([
      'missing-required',
      'future-period',
    ])
  })

  it('labels a period by its date when the type is unknown, and notes unreadable dates', () => {
    const t = sumIndicators(
      buildInput(ID, [
        response('a', 'ML-SIK', { period_end: '2024-01-31', branch: 'Kita', borrowers_active: 3 }),
        response('b', 'ML-SIK', { period_end: '2024-02-30', branch: 'Kita', borrowers_active: 4 }),
      ]),
    )
    expect(t.series.map((p) => [p.period, p.borrowers])).toEqual([['2024-01-31', 3]])
    expect(t.flags.reports.map((r) => [r.id, r.missing])).toEqual([
      ['a', ['period_type']],
      ['b', ['period_type', 'period_end']],
    ])
    expect(t.notes).toEqual(['1 report(s) without a readable period_end are not summed.'])
  })

  it('does not depend on the order of the input', () => {
    const reversed = sumIndicators(buildInput(ID, [...reports].reverse()))
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(tally))
  })
})
