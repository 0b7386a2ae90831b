/**
 * The size of a JSON body's structure, judged on its text before it is parsed. Parsing is the
 * first cost a request imposes: a 1 MiB body of 100,000 tiny keys takes 40–50 ms to parse on a
 * shared core, more than a whole honest submission. One pass over the text counts the values and
 * the nesting and stops at the first limit passed.
 */
import type { MiddlewareHandler } from 'hono'
import { ownMessage } from '../../surveys/validate/issues.ts'
import { ANSWER_LIMITS } from '../../surveys/validate/limits.ts'
import { ValidationError } from '../errors.ts'

/** Limits on a body's structure. */
export interface JsonShapeLimits {
  /** Object keys plus list entries, through the whole body. */
  maxValues: number
  /** Nesting of objects and lists; the body itself is level 1. */
  maxDepth: number
}

/**
 * The limits of a response body `{answers, …}`: the answers' own limits (surveys/validate/
 * limits.ts), one level more for the envelope, and room for its half-dozen keys.
 */
export const RESPONSE_BODY_LIMITS: JsonShapeLimits = {
  maxValues: ANSWER_LIMITS.maxValues + 16,
  maxDepth: ANSWER_LIMITS.maxDepth + 1,
}

const QUOTE = 34
const BACKSLASH = 92
const COLON = 58
const COMMA = 44
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125
const OPEN_LIST = 91
const CLOSE_LIST = 93

/**
 * Which limit the JSON text breaks, or null. Counts exactly for valid JSON (every key is a `:`,
 * every list entry starts after `[` or a `,` of that list); invalid JSON is left to the parser.
 *
 * @example measureJson('{"a":[1,2,[3]]}', { maxValues: 3, maxDepth: 5 }) // → 'values'
 */
export function measureJson(text: string, limits: JsonShapeLimits): 'values' | 'depth' | null {
  let values = 0
  let depth = 0
  let inString = false
  let entryNext = false
  // lists[d]: whether the container at depth d is a list (only its commas start entries)
  const lists: boolean[] = [false]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
      continue
    }
    if (c === 32 || c === 10 || c === 13 || c === 9) continue
    if (entryNext) {
      entryNext = false
      if (c !== CLOSE_LIST && ++values > limits.maxValues) return 'values'
    }
    if (c === QUOTE) inString = true
    else if (c === COLON) {
      if (++values > limits.maxValues) return 'values'
    } else if (c === COMMA) entryNext = lists[depth] === true
    else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (++depth > limits.maxDepth) return 'depth'
      lists[depth] = c === OPEN_LIST
      entryNext = c === OPEN_LIST
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) depth--
  }
  return null
}

/**
 * Middleware for the routes that take answers: a JSON body past `limits` is refused with 422
 * `invalid_answers` before it is parsed, with the message the validator gives the same answers.
 * The text read here is the one the route parses (Hono keeps it).
 */
export function limitJsonShape(limits: JsonShapeLimits = RESPONSE_BODY_LIMITS): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'PUT') return next()
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) return next()
    const breach = measureJson(await c.req.text(), limits)
    if (breach) {
      const message =
        breach === 'values'
          ? ownMessage('en', 'tooManyValues', ANSWER_LIMITS.maxValues)
          : ownMessage('en', 'tooDeep', ANSWER_LIMITS.maxDepth)
      throw new ValidationError('invalid_answers', 'the answers are too large to check', [
        { question: '', message },
      ])
    }
    return next()
  }
}
