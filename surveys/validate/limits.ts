/**
 * Hard limits on one answer set, shared by both validators so they keep reaching the same
 * verdicts. The size limits are checked first, in one pass that stops at the first breach, so a
 * hostile body costs the server a bounded amount of work before anything else looks at it. The
 * text lengths apply where the questionnaire sets none.
 */
import { isRecord } from '../json.ts'
import type { MessageKey } from './issues.ts'

/** Size limits on the answers of one request, whatever the questionnaire. */
export interface AnswerLimits {
  /** Keys of objects plus entries of lists, counted through the whole answer set. */
  maxValues: number
  /** Nesting of objects and lists (the answers object itself is level 1). */
  maxDepth: number
  /** Length of one key (a question, row, column or field name). */
  maxKeyLength: number
}

/**
 * The limits every answer set must keep. The largest shipped questionnaire takes about 300
 * values; a dynamic panel of 100 entries of 20 questions takes about 2,100.
 */
export const ANSWER_LIMITS: AnswerLimits = { maxValues: 10_000, maxDepth: 16, maxKeyLength: 200 }

/**
 * The most entries one list answer (checkbox, tagbox, ranking) takes. Each choice counts once,
 * so only a questionnaire with more choices than this in one question could reach it; survey-core
 * never sees a longer list (it spent a quarter of a second on a list of 9,000 unknown choices).
 */
export const MAX_LIST_LENGTH = 1_000

/**
 * Text lengths when the questionnaire sets none (`maxLength` on the question, `maxTextLength`
 * or `maxCommentLength` on the survey): a single-line text, a multi-line comment, and the text
 * of "Other" or of a comment area (`<name>-Comment`).
 */
export const DEFAULT_TEXT_LENGTH = { text: 1_000, comment: 10_000, other: 1_000 } as const

/** What an answer set breaks: the message key and its argument (the limit). */
export interface LimitBreach {
  key: Extract<MessageKey, 'tooManyValues' | 'tooDeep' | 'keyTooLong'>
  limit: number
}

/**
 * The first size limit `answers` breaks, or null. Visits each value at most once and stops as
 * soon as a limit is passed, so it costs at most `maxValues` steps.
 *
 * @example findLimitBreach({ q: [[[[1]]]] }, { ...ANSWER_LIMITS, maxDepth: 3 }) // → tooDeep 3
 */
export function findLimitBreach(
  answers: Record<string, unknown>,
  limits: AnswerLimits = ANSWER_LIMITS,
): LimitBreach | null {
  let values = 0
  // Explicit stack instead of recursion: depth is what is being measured.
  const stack: [unknown, number][] = [[answers, 1]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next
    if (depth > limits.maxDepth) return { key: 'tooDeep', limit: limits.maxDepth }
    if (Array.isArray(value)) {
      values += value.length
      if (values > limits.maxValues) return { key: 'tooManyValues', limit: limits.maxValues }
      for (const item of value)
        if (typeof item === 'object' && item !== null) stack.push([item, depth + 1])
    } else if (isRecord(value)) {
      for (const key in value) {
        if (++values > limits.maxValues) return { key: 'tooManyValues', limit: limits.maxValues }
        if (key.length > limits.maxKeyLength) {
          return { key: 'keyTooLong', limit: limits.maxKeyLength }
        }
        const item = value[key]
        if (typeof item === 'object' && item !== null) stack.push([item, depth + 1])
      }
    }
  }
  return null
}

/**
 * The longest text a question takes: its own `maxLength` (or the survey's, as survey-core
 * resolves it) when set, else the default of its kind.
 */
export function textLimit(declared: unknown, kind: keyof typeof DEFAULT_TEXT_LENGTH): number {
  return typeof declared === 'number' && declared > 0 ? declared : DEFAULT_TEXT_LENGTH[kind]
}
