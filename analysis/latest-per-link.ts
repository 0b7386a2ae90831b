/**
 * One response per partner link, for questionnaires that expect one (a vote, a questionnaire
 * with `gapkit.onePerLink`). New data has one already (a second submission replaces the first);
 * data stored before that rule, or before the questionnaire declared it, may hold several.
 */
import type { AnalysisResponse } from './input.ts'

/** Whether `a` is later than `b` as a link's answer: submitted first, then by time, then id. */
function isLater(a: AnalysisResponse, b: AnalysisResponse): boolean {
  if (a.status !== b.status) return a.status === 'submitted'
  const at = a.submittedAt ?? ''
  const bt = b.submittedAt ?? ''
  if (at !== bt) return at > bt
  // Response ids are UUID version 7: a later id was made later.
  return a.id > b.id
}

/**
 * Keeps the latest response of each partner link in each wave (its latest submitted one; its
 * latest draft when it has only drafts) in input order, and every response without a link
 * (imported, or entered by the lead partner); `superseded` counts those left out.
 *
 * @example
 * latestPerLink([{ link: '7', submittedAt: '…01' }, { link: '7', submittedAt: '…02' }]).kept
 * // only the second
 */
export function latestPerLink(responses: readonly AnalysisResponse[]): {
  kept: AnalysisResponse[]
  superseded: number
} {
  // One per link and wave: a vote held again in a new wave is a new ballot.
  const keyOf = (r: AnalysisResponse) => `${r.link}\u0000${r.wave}`
  const latest = new Map<string, AnalysisResponse>()
  for (const r of responses) {
    if (r.link == null) continue
    const seen = latest.get(keyOf(r))
    if (!seen || isLater(r, seen)) latest.set(keyOf(r), r)
  }
  const kept = responses.filter((r) => r.link == null || latest.get(keyOf(r)) === r)
  return { kept, superseded: responses.length - kept.length }
}
