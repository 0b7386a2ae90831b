/**
 * Classifies a stored answer to one item (question, matrix row, matrixdropdown cell): no answer,
 * a usable value, or "don't know" (a dk code or any value outside the item's scale). `encode.ts`
 * stores what these classifiers read, so every analysis reads an answer the same way.
 */

import { isRecord } from '../../surveys/json.ts'
import type { Answers } from '../../surveys/types.ts'
import { type ItemSpec, isDkCode, toNumber } from '../questions.ts'

/** The question was not answered (or hidden by its condition). */
export const NO_ANSWER = 0
/** A usable value: a scale value, a known choice, a non-empty list or text. */
export const USABLE = 1
/** "Don't know", another non-usable code, or a value outside the scale. */
export const DONT_KNOW = 2

/** The raw answer at an item's path, or undefined. */
export function readAnswer(answers: Answers, item: ItemSpec): unknown {
  return readWithin(answers[item.question], item)
}

/** The raw answer at an item's path inside the answer to its question. */
function readWithin(top: unknown, item: ItemSpec): unknown {
  if (item.row === null) return top
  const row = isRecord(top) ? top[item.row] : undefined
  if (item.column === null) return row
  return isRecord(row) ? row[item.column] : undefined
}

function isEmpty(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true
  if (typeof raw === 'string') return raw.trim() === ''
  return Array.isArray(raw) && raw.length === 0
}

function asKey(raw: unknown): string | null {
  if (typeof raw === 'string' || typeof raw === 'boolean') return String(raw)
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw)
  return null
}

/** Distinct string keys of a list answer (a lone value counts as a list of one). */
function asKeys(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw]
  const keys: string[] = []
  for (const entry of list) {
    const key = asKey(entry)
    if (key !== null && !keys.includes(key)) keys.push(key)
  }
  return keys
}

/** An answer classified: its state and, when usable, its number or key. */
export interface ClassifiedAnswer {
  state: typeof NO_ANSWER | typeof USABLE | typeof DONT_KNOW
  /** The number of a usable numeric answer, else NaN. */
  number: number
  /** The key of a usable choice answer, else null. */
  key: string | null
}

const NOTHING: ClassifiedAnswer = { state: NO_ANSWER, number: Number.NaN, key: null }
const UNKNOWN: ClassifiedAnswer = { state: DONT_KNOW, number: Number.NaN, key: null }

/** A scale-point lookup: a `Set` or `Map` of the scale values, or null for a free number. */
type ScaleLookup = { has(value: number): boolean } | null

/** Classifies a numeric answer against the item's scale (null: any finite number). */
export function classifyNumber(raw: unknown, scale: ScaleLookup): ClassifiedAnswer {
  if (isEmpty(raw)) return NOTHING
  const value = toNumber(raw)
  if (value !== null && (scale === null || scale.has(value))) {
    return { state: USABLE, number: value, key: null }
  }
  return UNKNOWN
}

/** Classifies a single-choice answer: a usable key, "don't know", or no answer. */
export function classifyKey(raw: unknown): ClassifiedAnswer {
  if (isEmpty(raw)) return NOTHING
  const key = asKey(raw)
  if (key === null || isDkCode(key)) return UNKNOWN
  return { state: USABLE, number: Number.NaN, key }
}

/** Classifies a list answer (multi-select, ranking): its distinct non-dk keys, in order. */
export function classifyKeys(raw: unknown): {
  state: ClassifiedAnswer['state']
  keys: string[] | null
} {
  if (isEmpty(raw)) return { state: NO_ANSWER, keys: null }
  const keys = asKeys(raw).filter((k) => !isDkCode(k))
  return keys.length === 0 ? { state: DONT_KNOW, keys: null } : { state: USABLE, keys }
}

/** Whether an open answer counts as answered. */
export function isAnswered(raw: unknown): boolean {
  return !isEmpty(raw)
}
