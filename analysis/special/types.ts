/**
 * Output shapes of the special tallies (`special` in the analysis document). Plain JSON: no NaN
 * or Infinity (a statistic that does not exist is `null`), numbers rounded to 4 decimals, arrays
 * in a fixed documented order.
 */

/** One criterion of one practice: mean of the 1–5 scores given by other regions' ballots. */
export interface VoteCriterion {
  /** Column name of the `scores` matrix, e.g. `transferability`. */
  criterion: string
  label: string
  /** Ballots that scored this practice on this criterion (own-region scores excluded). */
  n: number
  /** `null` when n = 0 or when suppressed. */
  mean: number | null
  /** True when 0 < n < k: the mean is hidden, n is still shown. */
  suppressed: boolean
}

/** Everything tallied for one practice of the vote. */
export interface VotePractice {
  /** Practice value, `REGION:slug`. */
  value: string
  /** Region id taken from the value prefix; `null` when the value has no prefix. */
  region: string | null
  regionName: string | null
  label: string
  /** In the questionnaire's column order. */
  criteria: VoteCriterion[]
  /** Ballots that scored at least one criterion of this practice. */
  nScored: number
  /** Mean of every score given to the practice (all criteria pooled); hidden when nScored < k. */
  meanScore: number | null
  meanScoreSuppressed: boolean
  /** Borda points from `top3`: 3 for a 1st place, 2 for a 2nd, 1 for a 3rd. */
  borda: number
  firstPlaces: number
  /** Ballots that ranked the practice (any place). */
  rankedBy: number
}

/** One line of the vote ranking. */
export interface VoteRankingEntry {
  /** 1-based position after tie-breaking. */
  rank: number
  value: string
  label: string
  region: string | null
  borda: number
  firstPlaces: number
  rankedBy: number
  /**
   * Mean of the tie-break criterion (`transferability` unless the vote's `tieBreak` role names
   * another); `null` when nobody scored it or when suppressed.
   */
  meanTransferability: number | null
  nTransferability: number
  /**
   * How this practice was separated from those with the same Borda points: `transferability`
   * when its mean transferability differs from all of theirs, `value` when even that is equal
   * (order by practice value, for determinism only); `null` when its Borda points are unique.
   */
  tieBreak: 'transferability' | 'value' | null
}

/** Ballots cast by one region. */
export interface VoteRegionBallots {
  region: string
  name: string
  ballots: number
}

/** Tally of `best-practice-vote`. */
export interface VoteTally {
  kind: 'vote'
  survey: string
  /** Counted ballots (after the status and wave filters). */
  ballots: number
  /** Per-criterion means below this many ballots are hidden. */
  suppressBelow: number
  /** Ranking entries that named the voter's own region; dropped, remaining places unchanged. */
  excludedOwnRegionVotes: number
  /** Practice rows a voter scored for their own region; dropped. */
  excludedOwnRegionScores: number
  /** Sorted by region id. */
  ballotsByRegion: VoteRegionBallots[]
  /** Regions with more than one ballot (all of them count), sorted. */
  regionsWithSeveralBallots: string[]
  /** Questionnaire order; practices found only in answers follow, sorted by value. */
  practices: VotePractice[]
  /** By Borda points, then mean transferability, then value. */
  ranking: VoteRankingEntry[]
  notes: string[]
}

/** One challenge of the co-design priority ranking within a group of sheets. */
export interface ChallengeRank {
  rank: number
  value: string
  label: string
  /** Sheets that ranked it. */
  n: number
  /** Mean 1-based position; `null` when n = 0. */
  meanRank: number | null
  /** A sheet ranking k items gives k points to its 1st, k − 1 to its 2nd, … 1 to its last. */
  borda: number
  firstPlaces: number
}

/** Count of one choice of a multi-select question. */
export interface ChoiceCount {
  value: string
  label: string
  count: number
  /** count / n (sheets that answered the question); `null` when n = 0. */
  share: number | null
}

/** Mean of one 1–5 rating question. */
export interface RatingMean {
  question: string
  label: string
  n: number
  mean: number | null
}

/** Co-design results of one subgroup, or of all sheets (`key` = null). */
export interface CodesignGroup {
  /** Subgroup value (e.g. `group_2`); `null` for the overall group. */
  key: string | null
  label: string
  /** Sheets in the group. */
  n: number
  /** Sum of the `participants` answers given; `null` when none. */
  participants: number | null
  /** By Borda points, then mean rank, then first places, then value. */
  challenges: ChallengeRank[]
  productTypes: { n: number; counts: ChoiceCount[] }
  /** Expected effects and feasibility, in questionnaire order. */
  ratings: RatingMean[]
}

/** Tally of `codesign-challenge`. */
export interface CodesignTally {
  kind: 'codesign'
  survey: string
  /** Counted sheets. */
  sheets: number
  /** Always `k-to-1`: k points for the 1st of k ranked items, 1 for the last. */
  bordaRule: 'k-to-1'
  rankingQuestion: string | null
  subgroupQuestion: string | null
  /** Subgroups in questionnaire order; values found only in answers follow, sorted. */
  subgroups: CodesignGroup[]
  overall: CodesignGroup
  notes: string[]
}

/** Sums of one set of indicator reports; `null` when no report gave the figure. */
export interface IndicatorTotals {
  members: number | null
  borrowers: number | null
  women: number | null
  youth: number | null
  farmerOrgs: number | null
  /** Outstanding portfolio, XOF. */
  portfolio: number | null
  /** Deposits (savings), XOF. */
  savings: number | null
}

/**
 * Ratios, each computed over the reports that gave both of its figures consistently (a part
 * above its total, or a PAR outside 0–100, is left out of the ratio but kept in the sums).
 */
export interface IndicatorRatios {
  /** Women / active borrowers, 0–1. */
  womenShare: number | null
  /** Youth / active borrowers, 0–1. */
  youthShare: number | null
  /** Portfolio / active borrowers, XOF. */
  averageLoan: number | null
  /** Portfolio at risk > 30 days in percent, weighted by portfolio. */
  par30: number | null
}

/** Consistency flags of one report. */
export type IndicatorFlag =
  | 'women-over-borrowers'
  | 'youth-over-borrowers'
  | 'par-out-of-range'
  | 'future-period'
  | 'duplicate'
  | 'missing-required'

/** One branch (institution + branch name) in one period. */
export interface IndicatorBranch {
  institution: string | null
  branch: string | null
  branchRegion: string | null
  /** Reports received; with duplicates only the latest counts in the totals. */
  reports: number
  totals: IndicatorTotals
  ratios: IndicatorRatios
}

/** One region in one period. */
export interface IndicatorPeriod {
  /** `YYYY-MM` (monthly), `YYYY-Qn` (quarterly), or the ISO date when the type is unknown. */
  period: string
  periodType: 'monthly' | 'quarterly' | null
  /** Latest `period_end` in the group, ISO date. */
  periodEnd: string
  reports: number
  /** Earlier duplicates left out of the totals. */
  superseded: number
  /** Reports with at least one flag. */
  flaggedReports: number
  totals: IndicatorTotals
  ratios: IndicatorRatios
  /** Sorted by institution, then branch. */
  branches: IndicatorBranch[]
}

/** One report region's periods, oldest first. */
export interface IndicatorRegion {
  region: string
  name: string
  periods: IndicatorPeriod[]
}

/** One point of the trend series: a region in a period. */
export interface IndicatorSeriesPoint extends IndicatorTotals, IndicatorRatios {
  region: string
  regionName: string
  period: string
  periodEnd: string
  reports: number
}

/** A report with at least one flag. */
export interface FlaggedReport {
  id: string
  region: string
  institution: string | null
  branch: string | null
  period: string | null
  periodEnd: string | null
  flags: IndicatorFlag[]
  /** Required questions left empty (or an unreadable `period_end`). */
  missing: string[]
}

/** Tally of `mfi-indicators`. */
export interface IndicatorTally {
  kind: 'indicators'
  survey: string
  /** Reference date for `future-period`: the latest `submittedAt` of the counted responses. */
  asOf: string | null
  reports: number
  /** Sorted by region id. */
  regions: IndicatorRegion[]
  /** By region, then period end (oldest first). */
  series: IndicatorSeriesPoint[]
  flags: {
    /** Every flag, in a fixed order, with the number of reports carrying it. */
    counts: { flag: IndicatorFlag; reports: number }[]
    /** By region, period end (none last), branch, id. */
    reports: FlaggedReport[]
  }
  notes: string[]
}

/** The special tally of a questionnaire that has one, told apart by `kind`. */
export type SpecialTallies = VoteTally | CodesignTally | IndicatorTally
