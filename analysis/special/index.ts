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

/**
 * The special tally `input.survey` declares in its `gapkit.analysis` block (vote, co-design or
 * indicators), reading the questions its roles name; `null` when it declares none. The file name
 * plays no part, so a partnership's own vote questionnaire is tallied like `best-practice-vote`.
 *
 * @example
 * specialTallies(input)?.kind // 'vote' when the block says "analysis": "vote"
 */
export function specialTallies(input: AnalysisInput): SpecialTallies | null {
  const analysis = input.survey.gapkit.analysis
  switch (analysis?.kind) {
    case 'vote':
      return tallyVote(input, analysis.roles)
    case 'codesign':
      return rankChallenges(input, analysis.roles)
    case 'indicators':
      return sumIndicators(input, analysis.roles)
    default:
      return null
  }
}
