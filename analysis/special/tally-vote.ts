/**
 * Tally of a partner vote on good practices (`best-practice-vote`, or any questionnaire whose
 * `gapkit.analysis` is `vote`): mean 1–5 scores per criterion, Borda points from the top-3
 * ranking (3/2/1), ties broken by the mean of the tie-break criterion (transferability).
 */

import { isRecord } from '../../surveys/json.ts'
import { VOTE_ROLES } from '../../surveys/special-analysis.ts'
import type { VoteRoles } from '../../surveys/types.ts'
import type { AnalysisInput, AnalysisResponse } from '../input.ts'
import { latestPerLink } from '../latest-per-link.ts'
import { mean } from '../stats/descriptive.ts'
import {
  type ChoiceItem,
  compareText,
  countedResponses,
  findQuestion,
  readItems,
  readNumber,
  readValues,
  round4,
  withUnknown,
} from './read-input.ts'
import type { VotePractice, VoteRankingEntry, VoteRegionBallots, VoteTally } from './types.ts'

/** Points for 1st, 2nd and 3rd place; later places score nothing. */
const BORDA_POINTS = [3, 2, 1] as const
const MIN_SCORE = 1
const MAX_SCORE = 5

interface PracticeAcc {
  byCriterion: Map<string, number[]>
  all: number[]
  nScored: number
  borda: number
  firstPlaces: number
  rankedBy: number
}

function newAcc(): PracticeAcc {
  return { byCriterion: new Map(), all: [], nScored: 0, borda: 0, firstPlaces: 0, rankedBy: 0 }
}

/** Region id of a practice value `REGION:slug`; `null` without a prefix. */
export function practiceRegion(value: string): string | null {
  const at = value.indexOf(':')
  return at > 0 ? value.slice(0, at) : null
}

function readColumns(question: Record<string, unknown> | null, locale: string): ChoiceItem[] {
  if (!question || !Array.isArray(question.columns)) return []
  const items = question.columns.map((c) =>
    isRecord(c) && c.name !== undefined ? { value: String(c.name), text: c.title } : c,
  )
  return readItems(items, locale)
}

/**
 * Tallies the ballots of a vote, reading the questions `roles` names (default: those of
 * `best-practice-vote`). Each partner link casts one ballot in a wave: its latest submitted one
 * counts (ballots without a link, imported or entered by the lead partner, count each). Scores
 * and ranking entries a voter gave to a practice of their own region are dropped and counted;
 * per-criterion means from fewer than `gapkit.suppressBelow` ballots are hidden (n stays).
 */
export function tallyVote(input: AnalysisInput, roles: VoteRoles = VOTE_ROLES): VoteTally {
  const locale = input.options?.locale ?? 'en'
  const k = input.survey.gapkit.suppressBelow
  const json = input.survey.json
  const notes: string[] = []
  const scoresQ = findQuestion(json, roles.scores)
  const rankQ = findQuestion(json, roles.ranking)
  if (!scoresQ)
    notes.push(`The questionnaire has no "${roles.scores}" question: no scores tallied.`)
  if (!rankQ) notes.push(`The questionnaire has no "${roles.ranking}" question: no Borda points.`)
  const criteria = readColumns(scoresQ, locale)
  if (scoresQ && !criteria.some((c) => c.value === roles.tieBreak)) {
    notes.push(`No "${roles.tieBreak}" criterion: ties are broken by practice value only.`)
  }
  const declared = readItems(scoresQ?.rows, locale)
  for (const item of readItems(rankQ?.choices, locale)) {
    if (!declared.some((d) => d.value === item.value)) declared.push(item)
  }

  // One ballot per partner link, also for ballots stored before a second one replaced the first.
  const { kept: responses, superseded } = latestPerLink(countedResponses(input))
  const { acc, perRegion, ownVotes, ownScores, invalidScores, overLimit } = collectBallots(
    responses,
    scoresQ ? criteria : null,
    rankQ !== null,
    roles,
  )
  const accOf = (value: string) => acc.get(value) ?? newAcc()

  const items = withUnknown(declared, acc.keys())
  const unknown = items.slice(declared.length).map((i) => i.value)
  if (unknown.length > 0) {
    notes.push(`Answers name practices the questionnaire does not list: ${unknown.join(', ')}.`)
  }
  if (ownVotes + ownScores > 0) {
    notes.push(
      `Own-region entries dropped: ${ownVotes} ranking place(s), ${ownScores} scored practice(s).`,
    )
  }
  if (superseded > 0) {
    notes.push(
      `Only the latest ballot of each partner link counts: ${superseded} earlier one(s) left out.`,
    )
  }
  if (overLimit > 0) notes.push(`${overLimit} ranking place(s) beyond the third were ignored.`)
  if (invalidScores > 0) notes.push(`${invalidScores} score(s) outside 1–5 were ignored.`)

  const regionName = (id: string) => input.regionNames[id] ?? id
  const practices = items.map((item) => {
    const region = practiceRegion(item.value)
    const name = region === null ? null : regionName(region)
    return describePractice(item, name, accOf(item.value), criteria, k)
  })
  const ballotsByRegion: VoteRegionBallots[] = [...perRegion.keys()]
    .sort(compareText)
    .map((region) => ({ region, name: regionName(region), ballots: perRegion.get(region) ?? 0 }))
  const several = ballotsByRegion.filter((b) => b.ballots > 1)
  if (several.length > 0) {
    const list = several.map((b) => `${b.region} (${b.ballots})`).join(', ')
    notes.push(
      `One ballot per partner is expected; these regions cast several, all counted: ${list}.`,
    )
  }
  if (responses.length === 0) notes.push('No counted ballots.')

  return {
    kind: 'vote',
    survey: input.survey.id,
    ballots: responses.length,
    suppressBelow: k,
    excludedOwnRegionVotes: ownVotes,
    excludedOwnRegionScores: ownScores,
    ballotsByRegion,
    regionsWithSeveralBallots: several.map((b) => b.region),
    practices,
    ranking: rankPractices(practices, acc, roles.tieBreak),
    notes,
  }
}

interface BallotCounts {
  acc: Map<string, PracticeAcc>
  perRegion: Map<string, number>
  ownVotes: number
  ownScores: number
  invalidScores: number
  overLimit: number
}

/** Reads every ballot; `criteria` is null without a scores question. */
function collectBallots(
  responses: AnalysisResponse[],
  criteria: ChoiceItem[] | null,
  hasRanking: boolean,
  roles: VoteRoles,
): BallotCounts {
  const out: BallotCounts = {
    acc: new Map(),
    perRegion: new Map(),
    ownVotes: 0,
    ownScores: 0,
    invalidScores: 0,
    overLimit: 0,
  }
  const accOf = (value: string) => {
    const a = out.acc.get(value) ?? newAcc()
    out.acc.set(value, a)
    return a
  }
  for (const r of responses) {
    out.perRegion.set(r.region, (out.perRegion.get(r.region) ?? 0) + 1)
    const scores = r.answers[roles.scores]
    for (const [value, cells] of criteria && isRecord(scores) ? Object.entries(scores) : []) {
      if (!isRecord(cells)) continue
      if (practiceRegion(value) === r.region) {
        out.ownScores++
        continue
      }
      const a = accOf(value)
      let scored = false
      for (const c of criteria ?? []) {
        const cell = cells[c.value]
        if (cell === undefined || cell === null) continue
        const v = readNumber(cell)
        if (v === null || v < MIN_SCORE || v > MAX_SCORE) {
          out.invalidScores++
          continue
        }
        const list = a.byCriterion.get(c.value)
        if (list) list.push(v)
        else a.byCriterion.set(c.value, [v])
        a.all.push(v)
        scored = true
      }
      if (scored) a.nScored++
    }
    if (!hasRanking) continue
    readValues(r.answers[roles.ranking]).forEach((value, place) => {
      const points = BORDA_POINTS[place]
      if (points === undefined) out.overLimit++
      else if (practiceRegion(value) === r.region) out.ownVotes++
      else {
        const a = accOf(value)
        a.borda += points
        a.rankedBy++
        if (place === 0) a.firstPlaces++
      }
    })
  }
  return out
}

function describePractice(
  item: ChoiceItem,
  regionName: string | null,
  a: PracticeAcc,
  criteria: ChoiceItem[],
  k: number,
): VotePractice {
  const hideAll = a.nScored > 0 && a.nScored < k
  return {
    value: item.value,
    region: practiceRegion(item.value),
    regionName,
    label: item.label,
    criteria: criteria.map((c) => {
      const values = a.byCriterion.get(c.value) ?? []
      const suppressed = values.length > 0 && values.length < k
      return {
        criterion: c.value,
        label: c.label,
        n: values.length,
        mean: suppressed ? null : round4(mean(values)),
        suppressed,
      }
    }),
    nScored: a.nScored,
    meanScore: hideAll ? null : round4(mean(a.all)),
    meanScoreSuppressed: hideAll,
    borda: a.borda,
    firstPlaces: a.firstPlaces,
    rankedBy: a.rankedBy,
  }
}

/** Orders by Borda points, then the mean of `tieBreak` (even when hidden), then value. */
function rankPractices(
  practices: VotePractice[],
  acc: Map<string, PracticeAcc>,
  tieBreak: string,
): VoteRankingEntry[] {
  const tie = (p: VotePractice) => round4(mean(acc.get(p.value)?.byCriterion.get(tieBreak) ?? []))
  const order = practices
    .map((p) => ({ p, t: tie(p) }))
    .sort(
      (x, y) =>
        y.p.borda - x.p.borda || compareMeans(y.t, x.t) || compareText(x.p.value, y.p.value),
    )
  return order.map(({ p, t }, i) => {
    const sameBorda = order.filter((o) => o.p.borda === p.borda && o.p !== p)
    const criterion = p.criteria.find((c) => c.criterion === tieBreak)
    return {
      rank: i + 1,
      value: p.value,
      label: p.label,
      region: p.region,
      borda: p.borda,
      firstPlaces: p.firstPlaces,
      rankedBy: p.rankedBy,
      meanTransferability: criterion?.mean ?? null,
      nTransferability: criterion?.n ?? 0,
      tieBreak:
        sameBorda.length === 0
          ? null
          : sameBorda.some((o) => o.t === t)
            ? 'value'
            : 'transferability',
    }
  })
}

/** Numeric order with `null` (nobody scored) below every mean. */
function compareMeans(a: number | null, b: number | null): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return a - b
}
