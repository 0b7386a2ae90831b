/**
 * Plain JSON values as questionnaires and answers hold them: telling objects and primitives
 * apart, and comparing answers without coercion.
 */

/** A JSON object: keys to values of any JSON type. */
export type JsonObject = Record<string, unknown>

/** JSON primitives a choice value can be. */
export type Primitive = string | number | boolean

/** Whether `v` is a JSON primitive (null excluded). */
export function isPrimitive(v: unknown): v is Primitive {
  return (
    typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
  )
}

/**
 * Whether `v` is a plain JSON object (not an array, not a class instance).
 *
 * @example
 * isRecord({ a: 1 }) // true
 * isRecord([1]) // false
 */
export function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Strict equality for answers: no type coercion, no case folding, objects compared as JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Answers as stored (JSON text of an object); anything but an object reads as no answers.
 *
 * @example
 * parseStoredAnswers('{"q1":2}') // { q1: 2 }
 * parseStoredAnswers('[]') // {}
 */
export function parseStoredAnswers(text: string): JsonObject {
  const value: unknown = JSON.parse(text)
  return isRecord(value) ? value : {}
}
