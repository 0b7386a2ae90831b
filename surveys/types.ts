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
  | { ok: false; errors: ValidationIssue[] }

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
}
