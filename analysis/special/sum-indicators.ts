/**
 * Tally of periodic indicator reports (`mfi-indicators`, or any questionnaire whose
 * `gapkit.analysis` is `indicators`): sums and ratios per region, period and branch, consistency
 * flags, and a trend series. The reference date for "future period" is taken from the data
 * (latest `submittedAt`), never from the clock.
 */
import { INDICATOR_ROLES } from '../../surveys/special-analysis.ts'
import type { IndicatorRoles } from '../../surveys/types.ts'
import type { AnalysisInput } from '../input.ts'
import { compareText, countedResponses, findQuestion, round4 } from './read-input.ts'
import {
  FLAG_ORDER,
  listReportQuestions,
  mapTotals,
  normalize,
  type Report,
  readDate,
  readReport,
} from './read-report.ts'
import type {
  FlaggedReport,
  IndicatorBranch,
  IndicatorPeriod,
  IndicatorRatios,
  IndicatorRegion,
  IndicatorSeriesPoint,
  IndicatorTally,
  IndicatorTotals,
} from './types.ts'

/**
 * Sums indicator reports by region, period and branch, reading the questions `roles` names
 * (default: those of `mfi-indicators`). Duplicates (same region, institution, branch and
 * period) are all flagged; only the latest submitted counts in totals.
 */
export function sumIndicators(
  input: AnalysisInput,
  roles: IndicatorRoles = INDICATOR_ROLES,
): IndicatorTally {
  const json = input.survey.json
  const notes: string[] = []
  const questions = listReportQuestions(roles)
  const absent = questions.filter((q) => !findQuestion(json, q))
  if (absent.length > 0)
    notes.push(`The questionnaire lacks these questions: ${absent.join(', ')}.`)
  const required = questions.filter((q) => findQuestion(json, q)?.isRequired === true)

  const responses = countedResponses(input)
  const asOf = responses.reduce<string | null>(
    (max, r) =>
      r.submittedAt !== null && (max === null || r.submittedAt > max) ? r.submittedAt : max,
    null,
  )
  const asOfDate = readDate(asOf)
  if (asOfDate === null)
    notes.push('No submission time in the data: future periods are not checked.')
  const reports = responses.map((r) => readReport(r, required, roles))

  for (const rep of reports) {
    if (asOfDate !== null && rep.periodEnd !== null && rep.periodEnd > asOfDate) {
      rep.flags.add('future-period')
    }
  }
  // Responses come in submission order, so the last report of a duplicate set is the latest.
  const dated = reports.filter((r) => r.period !== null && r.branch !== null)
  const sets = groupBy(dated, (r) =>
    JSON.stringify([r.response.region, normalize(r.institution), normalize(r.branch), r.period]),
  )
  let superseded = 0
  for (const set of sets.values()) {
    if (set.length < 2) continue
    set.forEach((rep, i) => {
      rep.flags.add('duplicate')
      rep.counts = i === set.length - 1
      if (!rep.counts) superseded++
    })
  }
  if (superseded > 0) {
    notes.push(
      `${superseded} earlier duplicate report(s) left out of the totals; the latest counts.`,
    )
  }
  const unplaced = reports.filter((r) => r.period === null).length
  if (unplaced > 0)
    notes.push(`${unplaced} report(s) without a readable ${roles.periodEnd} are not summed.`)
  if (responses.length === 0) notes.push('No counted reports.')

  const regions = groupRegions(reports, input.regionNames)
  return {
    kind: 'indicators',
    survey: input.survey.id,
    asOf,
    reports: reports.length,
    regions,
    series: regions.flatMap((g) =>
      g.periods.map(
        (p): IndicatorSeriesPoint => ({
          region: g.region,
          regionName: g.name,
          period: p.period,
          periodEnd: p.periodEnd,
          reports: p.reports,
          ...p.totals,
          ...p.ratios,
        }),
      ),
    ),
    flags: {
      counts: FLAG_ORDER.map((flag) => ({
        flag,
        reports: reports.filter((r) => r.flags.has(flag)).length,
      })),
      reports: listFlagged(reports),
    },
    notes,
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = out.get(key)
    if (list) list.push(item)
    else out.set(key, [item])
  }
  return out
}

function groupRegions(reports: Report[], names: Record<string, string>): IndicatorRegion[] {
  const placed = reports.filter((r) => r.period !== null)
  const byRegion = groupBy(placed, (r) => r.response.region)
  return [...byRegion.keys()].sort(compareText).map((region) => {
    const byPeriod = groupBy(byRegion.get(region) ?? [], (r) => r.period ?? '')
    const periods = [...byPeriod.entries()].map(([period, group]) => describePeriod(period, group))
    periods.sort((x, y) => compareText(x.periodEnd, y.periodEnd) || compareText(x.period, y.period))
    return { region, name: names[region] ?? region, periods }
  })
}

function describePeriod(period: string, group: Report[]): IndicatorPeriod {
  const counted = group.filter((r) => r.counts)
  const byBranch = groupBy(group, (r) =>
    JSON.stringify([normalize(r.institution), normalize(r.branch)]),
  )
  const branches = [...byBranch.entries()]
    .sort(([x], [y]) => compareText(x, y))
    .map(([, reps]): IndicatorBranch => {
      const kept = reps.filter((r) => r.counts)
      const shown = kept[kept.length - 1] ?? reps[reps.length - 1]
      return {
        institution: shown?.institution ?? null,
        branch: shown?.branch ?? null,
        branchRegion: shown?.branchRegion ?? null,
        reports: reps.length,
        totals: sumTotals(kept),
        ratios: computeRatios(kept),
      }
    })
  return {
    period,
    periodType: group[0]?.periodType ?? null,
    periodEnd: group.reduce(
      (max, r) => (r.periodEnd !== null && r.periodEnd > max ? r.periodEnd : max),
      '',
    ),
    reports: group.length,
    superseded: group.length - counted.length,
    flaggedReports: group.filter((r) => r.flags.size > 0).length,
    totals: sumTotals(counted),
    ratios: computeRatios(counted),
    branches,
  }
}

function sumTotals(reports: Report[]): IndicatorTotals {
  const sum = (key: keyof IndicatorTotals) => {
    const values = reports.map((r) => r.values[key]).filter((v): v is number => v !== null)
    return values.length === 0 ? null : round4(values.reduce((a, b) => a + b, 0))
  }
  return mapTotals(sum)
}

/** sum(part) / sum(whole) over the reports where `pick` gives both; `null` when whole is 0. */
function ratio(reports: Report[], pick: (r: Report) => [number, number] | null): number | null {
  let part = 0
  let whole = 0
  for (const r of reports) {
    const pair = pick(r)
    if (!pair) continue
    part += pair[0]
    whole += pair[1]
  }
  return whole === 0 ? null : round4(part / whole)
}

function computeRatios(reports: Report[]): IndicatorRatios {
  const share = (key: 'women' | 'youth') =>
    ratio(reports, ({ values }) => {
      const part = values[key]
      const { borrowers } = values
      return part !== null && borrowers !== null && part <= borrowers ? [part, borrowers] : null
    })
  return {
    womenShare: share('women'),
    youthShare: share('youth'),
    averageLoan: ratio(reports, ({ values: { portfolio, borrowers } }) =>
      portfolio !== null && borrowers !== null ? [portfolio, borrowers] : null,
    ),
    par30: ratio(reports, ({ par, values: { portfolio } }) =>
      par !== null && par >= 0 && par <= 100 && portfolio !== null
        ? [par * portfolio, portfolio]
        : null,
    ),
  }
}

function listFlagged(reports: Report[]): FlaggedReport[] {
  return reports
    .filter((r) => r.flags.size > 0)
    .map((r) => ({
      id: r.response.id,
      region: r.response.region,
      institution: r.institution,
      branch: r.branch,
      period: r.period,
      periodEnd: r.periodEnd,
      flags: FLAG_ORDER.filter((f) => r.flags.has(f)),
      missing: r.missing,
    }))
    .sort(
      (x, y) =>
        compareText(x.region, y.region) ||
        // '~' sorts after every digit: reports without a period come last.
        compareText(x.periodEnd ?? '~', y.periodEnd ?? '~') ||
        compareText(normalize(x.branch), normalize(y.branch)) ||
        compareText(x.id, y.id),
    )
}
