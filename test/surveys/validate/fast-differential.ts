/**
 * The differential property of the fast validator: seeded mutated answer sets through the fast
 * path and the reference validator, with the same accept/reject and the same flagged paths.
 */
import type { Model } from 'survey-core'
import { expect } from 'vitest'
import { createRng } from '../../../demo/random.ts'
import { createModel } from '../../../surveys/survey-model.ts'
import type { Answers, SurveyJson, ValidationResult } from '../../../surveys/types.ts'
import { compileFastValidator, type FastVerdict } from '../../../surveys/validate/fast/index.ts'
import { compileReferenceValidator, compileValidator } from '../../../surveys/validate/index.ts'
import { describeQuestions, type FuzzCase, mutateCase } from './fast-cases.ts'

/** A base answer set: a demo response, or a hand-written valid one. */
export interface Base {
  answers: Answers
  region: string
}

/** What a differential run found. */
export interface DifferentialReport {
  cases: number
  accepted: number
  rejected: number
  deferred: number
  /** The first disagreements, each with its answers, for debugging. */
  mismatches: string[]
}

/** The two validators under comparison, and the combined one (sampled). */
export interface Contenders {
  fast: (answers: unknown, c: FuzzCase) => FastVerdict
  reference: (answers: unknown, c: FuzzCase) => ValidationResult
  combined: (answers: unknown, c: FuzzCase) => ValidationResult
}

/**
 * Runs `count` seeded cases through both validators: same accept/reject, same sorted set of
 * flagged paths; a deferral must be a rejection; every 20th case the combined validator must
 * return exactly the reference's result.
 */
export function runDifferential(
  contenders: Contenders,
  model: Model,
  bases: Base[],
  count: number,
  seed: number,
): DifferentialReport {
  const random = createRng(seed)
  const qs = describeQuestions(model)
  const cases = Array.from({ length: count }, (_, i) => {
    const base = bases[i % bases.length] ?? { answers: {}, region: 'FR-93' }
    return mutateCase(random, base.answers, qs, model.commentSuffix, base.region)
  })
  // Grouped by variables: the reference re-runs every condition when a variable changes.
  cases.sort((a, b) =>
    JSON.stringify(a.variables ?? null).localeCompare(JSON.stringify(b.variables ?? null)),
  )
  const report: DifferentialReport = {
    cases: 0,
    accepted: 0,
    rejected: 0,
    deferred: 0,
    mismatches: [],
  }
  cases.forEach((c, i) => {
    report.cases++
    const before = JSON.stringify(c.answers)
    const verdict = contenders.fast(c.answers, c)
    const ref = contenders.reference(c.answers, c)
    const refPaths = ref.ok ? [] : [...new Set(ref.errors.map((e) => e.question))].sort()
    const problem = (what: string) =>
      report.mismatches.length < 3 &&
      report.mismatches.push(
        `${what}\n  options ${JSON.stringify({ mode: c.mode, locale: c.locale, variables: c.variables })}` +
          `\n  fast ${JSON.stringify(verdict)}\n  reference ${JSON.stringify(refPaths)}\n  answers ${before}`,
      )
    if (JSON.stringify(c.answers) !== before) problem('the fast path changed the answers')
    if (verdict.ok === 'defer') {
      report.deferred++
      if (ref.ok) problem('deferred an answer set the reference accepts')
    } else if (!ref.ok && ref.omitted !== undefined) {
      // A capped list names only the first problems: the verdicts must agree, not the paths.
      if (verdict.ok) problem('accepted an answer set the reference rejects (capped)')
    } else {
      const paths = verdict.ok ? [] : verdict.paths
      if (verdict.ok !== ref.ok || JSON.stringify(paths) !== JSON.stringify(refPaths)) {
        problem('different verdicts')
      }
    }
    if (ref.ok) report.accepted++
    else report.rejected++
    if (i % 20 === 0) {
      const combined = contenders.combined(c.answers, c)
      if (JSON.stringify(combined) !== JSON.stringify(ref))
        problem('the combined validator differs')
    }
  })
  return report
}

/**
 * Mutated answer sets per questionnaire. Each costs one reference run (7–30 ms of CPU here), so
 * the default (300, 2,100 in all) keeps both files under a minute of CPU on 2 shared cores. The
 * full differential: `FAST_VALIDATE_CASES=2000 npx vitest run test/surveys/fast-validate`;
 * `FAST_VALIDATE_SEED=<n>` draws other cases.
 */
export const CASES = Number(process.env.FAST_VALIDATE_CASES ?? 300)
const SEED = Number(process.env.FAST_VALIDATE_SEED ?? 0)

/** Runs the differential property for one questionnaire and asserts it. */
export function expectAgreement(
  id: string,
  json: SurveyJson,
  bases: Base[],
  seed: number,
  count = CASES,
) {
  const fast = compileFastValidator(json)
  if (!fast.fast) throw new Error(`${id} has no fast path: ${fast.reason}`)
  const reference = compileReferenceValidator(json)
  const combined = compileValidator(json)
  const started = performance.now()
  const report = runDifferential(
    {
      fast: (answers, c) => fast.check(answers, c),
      reference: (answers, c) => reference.validate(answers, c),
      combined: (answers, c) => combined.validate(answers, c),
    },
    createModel(json),
    bases,
    count,
    seed + SEED,
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `${id}: ${JSON.stringify({ ...report, mismatches: report.mismatches.length })} in ${seconds} s`,
  )
  expect(report.mismatches.join('\n\n')).toBe('')
  expect(report.cases).toBe(count)
  // The mutations must exercise both outcomes.
  expect(report.accepted).toBeGreaterThan(count * 0.05)
  expect(report.rejected).toBeGreaterThan(count * 0.3)
}
