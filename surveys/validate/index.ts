/**
 * Server-side validation of answers: the fast path decides, the reference explains.
 * - `reference/`: survey-core itself (the same version as the form), one model per
 *   questionnaire version, plus Gapkit's own checks of what survey-core lets through. It is the
 *   definition of a valid answer set, and it writes every rejection's messages.
 * - `fast/`: the same rules compiled once into plain checks, checked against the reference by
 *   a differential test (test/surveys/validate/fast-*.ts). It accepts valid answers without
 *   touching a model; when it rejects, the reference runs and its verdict and messages are kept.
 */
import {
  type Model,
  type Question,
  QuestionMatrixDropdownModelBase,
  settings,
  surveyLocalization,
} from 'survey-core'
import { isRecord, sameValue } from '../json.ts'
import { listUnsupported } from '../question-kinds.ts'
import { createModel } from '../survey-model.ts'
import type { SurveyJson, ValidateOptions, ValidationResult } from '../types.ts'
import { compileFastValidator, type FastValidator, type FastVerdict } from './fast/index.ts'
import { type CheckContext, createCheckContext, isFull, MAX_ISSUES, ownMessage } from './issues.ts'
import { findLimitBreach } from './limits.ts'
import { checkRecord, type LiveScope } from './reference/answer-checks.ts'
import { type Scope, shapeRecord } from './reference/answer-shape.ts'
import { collectSurveyErrors } from './reference/survey-errors.ts'

/** Options of one `validate` call: the mode, the message locale, and survey variables. */
export interface ValidateCallOptions extends ValidateOptions {
  /**
   * SurveyJS variables set before validation (e.g. `{ region: 'SI-HEART' }`), readable in the
   * questionnaire's expressions as `{region}`. Variables of a previous call are unset.
   */
  variables?: Record<string, unknown>
  /**
   * The paths the fast path flagged (it agrees with the reference, differential test): once
   * Gapkit's own checks have flagged every one of them, survey-core could only repeat them, and
   * the reference stops there, sparing its 10–30 ms.
   */
  expectedPaths?: readonly string[]
}

/** A validator built once for one questionnaire version. */
export interface CompiledValidator {
  /**
   * Checks one set of answers. Every problem comes back as `{ question, message }`, where
   * `question` is a question name, `question.row` (a matrix row), `question.row.column` (a
   * matrixdropdown cell), `question.<index>.column` / `question.<index>.name` (a dynamic matrix
   * row or dynamic panel), or `""` when the answers are not an object at all. Messages are in
   * `opts.locale` when the questionnaire has that language, else in its default language.
   *
   * Decisions:
   * - Completeness (required questions, rows and cells, "Other" without its text, fewer choices
   *   than `minSelectedChoices`, expression validators that read a still-empty answer) is only
   *   checked in `submit` mode. Everything else is checked in both modes.
   * - Answers to questions hidden by `visibleIf` (or on a hidden page or panel, or a hidden
   *   matrix row or cell) are rejected in `submit` mode ("not shown for these answers"), and kept
   *   in `draft` mode, so that nothing typed is lost when the respondent toggles back. Kept
   *   answers must still be well-formed (JSON type, known choices, lengths); survey-core runs
   *   their validators once they are shown.
   * - `<name>-Comment` is accepted for questions with a comment area, and for "Other" only when
   *   "Other" is chosen. Values computed by the form (expression questions, calculated values
   *   with `includeIntoResult`, matrix totals) are accepted as sent.
   * - `null` counts as "no answer". Values are compared strictly: `"3"` is not the choice `3`.
   * - On success, `answers` is the input object itself, unchanged.
   */
  validate(answers: unknown, opts: ValidateCallOptions): ValidationResult
  /** Whether the compiled fast path serves this questionnaire, or why not. */
  readonly fastPath?: FastPathInfo
}

/** The fast path of a validator: on, or off with the reason (the reference validates alone). */
export type FastPathInfo = { enabled: true } | { enabled: false; reason: string }

/** A questionnaire uses a feature whose answers the server cannot check. */
export class UnsupportedQuestionnaireError extends Error {
  override name = 'UnsupportedQuestionnaireError'
}

/**
 * Builds the validator of a questionnaire version: the compiled fast path decides, and the
 * reference (`compileReferenceValidator`, one survey-core model, 14–40 ms to build) writes the
 * errors of a rejected answer set, so results are the reference's exactly. Throws
 * `UnsupportedQuestionnaireError` when a question's answers cannot be checked on the server
 * (unknown question types, `choicesByUrl`, choice-level comments).
 *
 * @example
 * const validator = compileValidator(json)
 * const result = validator.validate(body.answers, { mode: 'submit', locale: 'fr', variables: { region } })
 * if (!result.ok) return c.json({ error: { code: 'invalid_answers', details: result.errors } }, 422)
 */
export function compileValidator(json: SurveyJson): CompiledValidator {
  const reference = compileReferenceValidator(json)
  // Compiled on first use (0.1–0.5 s for microfinance-gap), so that loading a registry stays as
  // cheap as before; a compiler fault only turns the fast path off.
  let fast: FastValidator | undefined
  const fastValidator = (): FastValidator => {
    if (!fast) {
      try {
        fast = compileFastValidator(json)
      } catch (error) {
        fast = { fast: false, reason: `the compiler failed: ${String(error)}` }
      }
    }
    return fast
  }
  return {
    validate(answers, opts) {
      const f = fastValidator()
      // A rejection (or a deferral) is rare: the reference then gives the exact messages. A
      // fault in the fast path must cost time, never a verdict.
      let verdict: FastVerdict | undefined
      try {
        verdict = f.fast && isRecord(answers) ? f.check(answers, opts) : undefined
      } catch {
        verdict = undefined
      }
      if (verdict?.ok === true && isRecord(answers)) return { ok: true, answers }
      // The paths the fast path flagged let the reference stop once its own checks explain them.
      const paths = verdict?.ok === false ? verdict.paths : undefined
      return reference.validate(answers, { ...opts, expectedPaths: paths })
    },
    get fastPath(): FastPathInfo {
      const f = fastValidator()
      return f.fast ? { enabled: true } : { enabled: false, reason: f.reason }
    },
  }
}

/**
 * The reference validator alone: survey-core's model plus Gapkit's own checks (14–40 ms to
 * build, 5–30 ms a call). `compileValidator` uses it for rejections; tests and benchmarks
 * compare the fast path with it.
 */
export function compileReferenceValidator(json: SurveyJson): CompiledValidator {
  const model = createModel(json)
  const unsupported = listUnsupported(model)
  if (unsupported.length > 0) throw new UnsupportedQuestionnaireError(unsupported.join('; '))
  const scope = topScope(model)
  const baseLocale = model.locale
  const locales = new Set([
    ...model.getUsedLocales(),
    baseLocale || surveyLocalization.defaultLocale,
  ])
  let variableNames: string[] = []

  // Setting a variable re-runs conditions (~0.5 ms); setting the data re-runs them all anyway,
  // so only changed variables are set.
  const setVariable = (name: string, value: unknown) => {
    if (!sameValue(model.getVariable(name), value)) model.setVariable(name, value)
  }
  const setVariables = (variables: Record<string, unknown>) => {
    for (const name of variableNames) {
      if (!Object.hasOwn(variables, name)) setVariable(name, undefined)
    }
    for (const [name, value] of Object.entries(variables)) setVariable(name, value)
    variableNames = Object.keys(variables)
  }

  return {
    validate(answers, opts) {
      const locale = pickLocale(opts.locale, locales, baseLocale)
      const ctx = createCheckContext(
        opts.mode,
        locale || surveyLocalization.defaultLocale,
        model.commentSuffix,
      )
      if (!isRecord(answers)) {
        return {
          ok: false,
          errors: [{ question: '', message: ownMessage(ctx.locale, 'notObject') }],
        }
      }
      // Sizes first, in one bounded pass: nothing else looks at an oversized answer set.
      const breach = findLimitBreach(answers)
      if (breach) {
        const message = ownMessage(ctx.locale, breach.key, breach.limit)
        return { ok: false, errors: [{ question: '', message }] }
      }
      // Only well-formed values reach the model; it never sees (or mutates) the input itself.
      const shaped = shapeRecord(scope, answers, '', ctx)
      // Past the cap the verdict is known and nothing more would be listed; nor is anything
      // when our checks already explain every expected path: survey-core is spared.
      if (isFull(ctx) || explains(ctx, opts.expectedPaths)) return rejection(ctx)
      if (model.locale !== locale) model.locale = locale
      setVariables(opts.variables ?? {})
      model.data = structuredClone(shaped)
      const shown = new Set<Question>(model.getAllQuestions(true))
      const live: LiveScope = { questions: scope.questions, isShown: (q) => shown.has(q) }
      const before = ctx.issues.length
      const checked = checkRecord(live, shaped, '', ctx)
      if (isFull(ctx) || explains(ctx, opts.expectedPaths)) return rejection(ctx)
      // Rejected choices can empty whole matrix rows inside survey-core: validate without them.
      if (ctx.issues.length > before && checked !== shaped) model.data = structuredClone(checked)
      model.validate(true, false)
      collectSurveyErrors(model, ctx)
      if (ctx.issues.length > 0) return rejection(ctx)
      return { ok: true, answers }
    },
  }
}

// Whether the issues so far are at exactly the expected paths (a rejection's, never empty).
function explains(ctx: CheckContext, expected: readonly string[] | undefined): boolean {
  if (!expected || expected.length === 0 || ctx.issues.length === 0) return false
  const found = new Set(ctx.issues.map((i) => i.question))
  return found.size === expected.length && expected.every((p) => found.has(p))
}

// Past the cap, one last entry (question "") tells how many more problems there were.
function rejection(ctx: CheckContext): ValidationResult {
  if (ctx.omitted === 0) return { ok: false, errors: ctx.issues }
  const more = ownMessage(ctx.locale, 'moreProblems', ctx.omitted, MAX_ISSUES)
  return {
    ok: false,
    errors: [...ctx.issues, { question: '', message: more }],
    omitted: ctx.omitted,
  }
}

function topScope(model: Model): Scope {
  const questions = new Map<string, Question>()
  for (const q of model.getAllQuestions(false, false, false)) {
    if (!questions.has(q.getValueName())) questions.set(q.getValueName(), q)
  }
  const computed = new Set<string>()
  for (const value of model.calculatedValues) if (value.includeIntoResult) computed.add(value.name)
  for (const q of questions.values()) {
    if (q instanceof QuestionMatrixDropdownModelBase && q.hasTotal) {
      computed.add(q.getValueName() + settings.matrix.totalsSuffix)
    }
  }
  return { questions, unknown: 'unknownQuestion', computed }
}

// The requested locale when the questionnaire has it (`fr-CA` falls back to `fr`), else the
// questionnaire's own default ('' = SurveyJS's default locale).
function pickLocale(requested: string | undefined, available: Set<string>, base: string): string {
  if (!requested) return base
  const lower = requested.toLowerCase()
  const short = lower.split(/[-_]/)[0] ?? lower
  if (available.has(lower)) return lower
  if (available.has(short)) return short
  return base
}
