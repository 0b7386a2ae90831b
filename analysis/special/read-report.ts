/**
 * Reading one indicator report (`mfi-indicators`, or any questionnaire whose `gapkit.analysis`
 * is `indicators`): its period, branch and figures, and the consistency flags it carries on its
 * own (flags across reports — duplicates, future periods — are set by `sumIndicators`).
 */
import type { IndicatorRoles } from '../../surveys/types.ts'
import type { AnalysisResponse } from '../input.ts'
import { readNumber, readText } from './read-input.ts'
import type { IndicatorFlag, IndicatorTotals } from './types.ts'

/** A record over the totals' keys, in their fixed order. */
export function mapTotals<T>(
  f: (key: keyof IndicatorTotals) => T,
): Record<keyof IndicatorTotals, T> {
  return {
    members: f('members'),
    borrowers: f('borrowers'),
    women: f('women'),
    youth: f('youth'),
    farmerOrgs: f('farmerOrgs'),
    portfolio: f('portfolio'),
    savings: f('savings'),
  }
}

/**
 * The questions a report is read from (the branch's region aside); those marked required are
 * checked for emptiness.
 */
export function listReportQuestions(roles: IndicatorRoles): string[] {
  const { periodType, periodEnd, institution, branch, par30 } = roles
  return [
    periodType,
    periodEnd,
    institution,
    branch,
    ...Object.values(mapTotals((k) => roles[k])),
    par30,
  ]
}

/** Every flag, in the order the output lists them. */
export const FLAG_ORDER: IndicatorFlag[] = [
  'missing-required',
  'women-over-borrowers',
  'youth-over-borrowers',
  'par-out-of-range',
  'future-period',
  'duplicate',
]

/** The figures of one report, `null` where left empty. */
export type Values = Record<keyof IndicatorTotals, number | null>

/** One report as the tally sees it. */
export interface Report {
  response: AnalysisResponse
  institution: string | null
  branch: string | null
  branchRegion: string | null
  periodType: 'monthly' | 'quarterly' | null
  periodEnd: string | null
  period: string | null
  values: Values
  par: number | null
  flags: Set<IndicatorFlag>
  missing: string[]
  /** False for an earlier duplicate, left out of the totals. */
  counts: boolean
}

/** A valid ISO date `YYYY-MM-DD` at the start of `v`, else `null`. */
export function readDate(v: unknown): string | null {
  if (typeof v !== 'string') return null
  const text = v.trim().slice(0, 10)
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? text : null
}

/** `YYYY-MM` when monthly, `YYYY-Qn` when quarterly, the ISO date when the type is unknown. */
function periodLabel(end: string, type: Report['periodType']): string {
  if (type === 'monthly') return end.slice(0, 7)
  if (type === 'quarterly') return `${end.slice(0, 4)}-Q${Math.ceil(Number(end.slice(5, 7)) / 3)}`
  return end
}

/** Branch and institution names match case- and spacing-insensitively. */
export const normalize = (s: string | null) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * Reads a report through the questions `roles` names and flags what it gets wrong by itself
 * (missing, parts over totals, PAR).
 */
export function readReport(
  response: AnalysisResponse,
  required: string[],
  roles: IndicatorRoles,
): Report {
  const a = response.answers
  const type = a[roles.periodType]
  const periodType = type === 'monthly' || type === 'quarterly' ? type : null
  const periodEnd = readDate(a[roles.periodEnd])
  const values = mapTotals((key) => readNumber(a[roles[key]]))
  const par = readNumber(a[roles.par30])
  // The period end counts as missing when it is not a valid date, not only when empty.
  const missing = required.filter((q) =>
    q === roles.periodEnd ? periodEnd === null : readText(a[q]) === null,
  )
  const flags = new Set<IndicatorFlag>()
  if (missing.length > 0) flags.add('missing-required')
  const { borrowers, women, youth } = values
  if (women !== null && borrowers !== null && women > borrowers) flags.add('women-over-borrowers')
  if (youth !== null && borrowers !== null && youth > borrowers) flags.add('youth-over-borrowers')
  if (par !== null && (par < 0 || par > 100)) flags.add('par-out-of-range')
  return {
    response,
    institution: readText(a[roles.institution]),
    branch: readText(a[roles.branch]),
    branchRegion: readText(a[roles.branchRegion]),
    periodType,
    periodEnd,
    period: periodEnd === null ? null : periodLabel(periodEnd, periodType),
    values,
    par,
    flags,
    missing,
    counts: true,
  }
}
