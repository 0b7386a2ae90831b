import type { Answers, GapkitBlock, SurveyJson } from '../surveys/types.ts'

/** One stored response as the analysis sees it: no database, plain data. */
export interface AnalysisResponse {
  id: string
  region: string
  wave: string
  /** Stakeholder group of the partner link, if any. */
  group: string | null
  language: string
  status: 'draft' | 'submitted'
  /** The questionnaire version it answered. */
  version: string
  answers: Answers
  submittedAt: string | null
  /**
   * The partner link (token) that sent it; absent or `null` for responses imported or entered
   * by the lead partner. Where one response per link counts (the vote), the latest one does.
   */
  link?: string | null
}

/** The questionnaire being analysed (its current version). */
export interface AnalysisSurvey {
  id: string
  version: string
  json: SurveyJson
  gapkit: GapkitBlock
}

/** What grouping means: by region (default), by wave, or by a single-choice question's answer. */
export type GroupBy = 'region' | 'wave' | string

export interface AnalysisOptions {
  /** Default `region`. */
  by?: GroupBy
  /**
   * The wave of the figures: a wave's name, or `null` for every wave. Default: the latest wave
   * with at least `suppressBelow` counted respondents (the latest wave when none has that
   * many); every wave when grouping by wave, or for a questionnaire declaring an `indicators`
   * tally (its reporting periods are its own time axis). See `chooseWaves`.
   */
  wave?: string | null
  /**
   * The two waves the wave comparison compares, in either order. Default: the two latest waves
   * with at least `suppressBelow` respondents who answered both sides of a dimension. The
   * comparison reads its two waves whatever `wave` is.
   */
  waves?: readonly [string, string]
  /** Seed of every random step (bootstrap, permutations). Default 1. */
  seed?: number
  /** Bootstrap resamples. Default 2000. */
  resamples?: number
  /** Count drafts too. Default false: only submitted responses count. */
  includeDrafts?: boolean
  /** Report language for labels. Default `en`. */
  locale?: string
}

/** Everything `analyzeSurvey` needs. */
export interface AnalysisInput {
  survey: AnalysisSurvey
  responses: AnalysisResponse[]
  /** Display names of regions by id. */
  regionNames: Record<string, string>
  options?: AnalysisOptions
}
