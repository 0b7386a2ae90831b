/**
 * Special tallies of the questionnaires that need more than per-question summaries: the partner
 * vote on good practices, co-design workshop sheets and periodic indicator reports.
 */
import type { AnalysisInput } from '../input.ts'
import { rankChallenges } from './rank-challenges.ts'
import { sumIndicators } from './sum-indicators.ts'
import { tallyVote } from './tally-vote.ts'
import type { SpecialTallies } from './types.ts'

export type {
  ChallengeRank,
  ChoiceCount,
  CodesignGroup,
  CodesignTally,
  FlaggedReport,
  IndicatorBranch,
  IndicatorFlag,
  IndicatorPeriod,
  IndicatorRatios,
  IndicatorRegion,
  IndicatorSeriesPoint,
  IndicatorTally,
  IndicatorTotals,
  RatingMean,
  SpecialTallies,
  VoteCriterion,
  VotePractice,
  VoteRankingEntry,
  VoteRegionBallots,
  VoteTally,
} from './types.ts'

const TALLIES: Record<string, (input: AnalysisInput) => SpecialTallies> = {
  'best-practice-vote': tallyVote,
  'codesign-challenge': rankChallenges,
  'mfi-indicators': sumIndicators,
}

/**
 * The special tally of `input.survey`, chosen by its id (`best-practice-vote`,
 * `codesign-challenge`, `mfi-indicators`); `null` for any other questionnaire.
 *
 * @example
 * specialTallies(input)?.kind // 'vote' for best-practice-vote
 */
export function specialTallies(input: AnalysisInput): SpecialTallies | null {
  const tally = Object.hasOwn(TALLIES, input.survey.id) ? TALLIES[input.survey.id] : undefined
  return tally ? tally(input) : null
}
