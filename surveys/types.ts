/** Plain types shared by the code that knows SurveyJS. */

/** A questionnaire definition as parsed from `surveys/definitions/<id>.json`. */
export type SurveyJson = Record<string, unknown>

/** Answers as the SurveyJS model holds them: question name → value. */
export type Answers = Record<string, unknown>

/** One problem found in a set of answers. `question` is a question name or a path (`q.row`). */
export interface ValidationIssue {
  question: string
  message: string
}

/** Outcome of validating answers: the cleaned answers, or every problem found. */
export type ValidationResult =
  | { ok: true; answers: Answers }
  | {
      ok: false
      errors: ValidationIssue[]
      /**
       * Problems found beyond the first 100 (`MAX_ISSUES`), counted but not listed; `errors`
       * then ends with an entry (question `""`) saying so.
       */
      omitted?: number
    }

/** `submit` checks everything; `draft` checks everything except completeness (required). */
export type ValidationMode = 'submit' | 'draft'

export interface ValidateOptions {
  mode: ValidationMode
  /** Locale for messages (e.g. `fr`); the questionnaire's default when absent or unknown. */
  locale?: string
}

/** One declared dimension of the `gapkit` block. */
export interface GapDimension {
  id: string
  label: string | Record<string, string>
  /** `current-target` (maturity) is the default. */
  kind: 'current-target' | 'importance-performance'
  current: string
  target: string
}

/** The parsed `gapkit` block of a questionnaire. */
export interface GapkitBlock {
  dimensions: GapDimension[]
  /** Groups with fewer respondents show "n < k" only. Default 5. */
  suppressBelow: number
  /** The special tally the block declares (`gapkit.analysis`), or null for none. */
  analysis: SpecialAnalysis | null
  /**
   * One response per partner link (`gapkit.onePerLink`, default false): a second submission
   * from the same link replaces the first, which is kept in the response's history.
   */
  onePerLink: boolean
  /**
   * The questions the analysis may group respondents by besides region and wave
   * (`gapkit.groupBy`); absent: every whole single-choice question.
   */
  groupBy?: string[]
}

/** Questions a vote tally reads (`gapkit.analysis.kind` `vote`). */
export interface VoteRoles {
  /** A matrixdropdown: one row per practice (`REGION:slug`), one 1–5 column per criterion. */
  scores: string
  /** A ranking question: the voter's top three practices, best first. */
  ranking: string
  /** A column of `scores` whose mean breaks ties in Borda points (not a question name). */
  tieBreak: string
}

/** Questions a co-design tally reads (`gapkit.analysis.kind` `codesign`). */
export interface CodesignRoles {
  /** The workshop subgroup of the sheet (a single answer). */
  subgroup: string
  /** The number of participants (a number text question). */
  participants: string
  /** A ranking question: the priority challenges, first = most important. */
  ranking: string
  /** A checkbox of financial product types. */
  products: string
  /** Rating questions averaged per subgroup, in this order. */
  ratings: string[]
}

/** Questions an indicator-report tally reads (`gapkit.analysis.kind` `indicators`). */
export interface IndicatorRoles {
  /** `monthly` or `quarterly`. */
  periodType: string
  /** The ISO end date of the reporting period. */
  periodEnd: string
  institution: string
  branch: string
  branchRegion: string
  /** The figures summed across reports (number text questions). */
  members: string
  borrowers: string
  women: string
  youth: string
  farmerOrgs: string
  portfolio: string
  savings: string
  /** Portfolio at risk over 30 days, in percent. */
  par30: string
}

/** The special tally of a questionnaire, with the question behind each role. */
export type SpecialAnalysis =
  | { kind: 'vote'; roles: VoteRoles }
  | { kind: 'codesign'; roles: CodesignRoles }
  | { kind: 'indicators'; roles: IndicatorRoles }
