/**
 * The fast validator: a questionnaire version compiled once into plain checks that reach the
 * same verdicts as the reference validator (survey-core's model plus Gapkit's own checks) at a
 * small fraction of the cost. It decides accept/reject and the flagged answer paths; the
 * messages of a rejection stay the reference's job (`validate.ts` re-runs it then).
 *
 * A questionnaire the compiler does not fully cover is not compiled (`fast: false` and the
 * reasons): the reference validates it alone. At run time, answers that would make survey-core
 * rewrite a value a condition reads (an unknown choice of a question that a `visibleIf` reads)
 * are deferred to the reference as well.
 */

import { isRecord } from '../../json.ts'
import { listUnsupported } from '../../question-kinds.ts'
import { createModel } from '../../survey-model.ts'
import type { SurveyJson, ValidationMode } from '../../types.ts'
import { MAX_ISSUES } from '../issues.ts'
import { findLimitBreach } from '../limits.ts'
import { checkRecord, type FastRun, shapeRecord } from './answer-checks.ts'
import { normalizeVariables } from './expressions.ts'
import { compileSurveyPlan, type SurveyPlan } from './plan.ts'
import { listFastUnsupported } from './support.ts'
import { listSurveyErrors } from './survey-rules.ts'

/** Options of one fast check (the locale only changes messages, which are not made here). */
export interface FastCheckOptions {
  mode: ValidationMode
  variables?: Record<string, unknown>
}

/**
 * The verdict of the fast validator: accepted; rejected with the exact set of flagged paths
 * (sorted); or deferred to the reference with the reason.
 */
export type FastVerdict =
  | { ok: true }
  | { ok: false; paths: string[] }
  | { ok: 'defer'; reason: string }

/** A compiled fast validator, or why a questionnaire has none. */
export type FastValidator =
  | { fast: true; check(answers: unknown, opts: FastCheckOptions): FastVerdict }
  | { fast: false; reason: string }

/**
 * Compiles the fast validator of a questionnaire version (builds one survey-core model to read
 * it, ~15–40 ms, once).
 *
 * @example
 * const fast = compileFastValidator(json)
 * if (fast.fast && fast.check(answers, { mode: 'submit', variables: { region } }).ok === true) store()
 */
export function compileFastValidator(json: SurveyJson): FastValidator {
  const unsupported = listFastUnsupported(json)
  if (unsupported.length > 0) return { fast: false, reason: unsupported.join('; ') }
  const model = createModel(json)
  const refused = listUnsupported(model)
  if (refused.length > 0) return { fast: false, reason: refused.join('; ') }
  const plan = compileSurveyPlan(model)
  if (Array.isArray(plan)) return { fast: false, reason: plan.join('; ') }
  return { fast: true, check: (answers, opts) => checkAnswers(plan, answers, opts) }
}

function checkAnswers(plan: SurveyPlan, answers: unknown, opts: FastCheckOptions): FastVerdict {
  if (!isRecord(answers)) return { ok: false, paths: [''] }
  if (findLimitBreach(answers)) return { ok: false, paths: [''] }
  const variables = normalizeVariables(opts.variables)
  if (!variables) return { ok: 'defer', reason: 'a variable name has a dot or a bracket' }
  const run: FastRun = {
    plan,
    mode: opts.mode,
    scope: { values: {}, variables, questions: plan.expressionQuestions },
    flagged: new Set(),
    shown: new Map(),
    visibleItems: new Map(),
  }
  const shaped = shapeRecord(plan.questions, answers, '', run)
  // The reference lists the first problems only, and stops at its cap.
  if (run.flagged.size >= MAX_ISSUES) return { ok: 'defer', reason: 'too many problems to list' }
  for (const q of plan.guarded) {
    const value = shaped[q.name]
    if (value === undefined || value === null) continue
    const list = Array.isArray(value) ? value : [value]
    if (!list.every((v) => q.choices?.known.has(v))) {
      return { ok: 'defer', reason: `${q.name}: a condition reads an unknown choice` }
    }
  }
  run.scope.values = shaped
  const checked = checkRecord(plan.questions, shaped, '', run, true)
  if (run.flagged.size >= MAX_ISSUES) return { ok: 'defer', reason: 'too many problems to list' }
  // survey-core sees the answers without the values that failed: its conditions change with them.
  run.scope.values = checked
  run.shown.clear()
  run.visibleItems.clear()
  const paths = new Set(run.flagged)
  for (const path of listSurveyErrors(run)) {
    if (!isRelated(path, run.flagged)) paths.add(path)
  }
  if (paths.size === 0) return { ok: true }
  return { ok: false, paths: [...paths].sort() }
}

// The reference drops survey-core's message at a path when one of its own is at, above or
// below it.
function isRelated(path: string, flagged: Set<string>): boolean {
  if (flagged.has(path)) return true
  for (const f of flagged) {
    if (f.startsWith(`${path}.`) || path.startsWith(`${f}.`)) return true
  }
  return false
}
