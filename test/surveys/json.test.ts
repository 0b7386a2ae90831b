import { describe, expect, it } from 'vitest'
import { isPrimitive, isRecord, sameValue } from '../../surveys/json.ts'

describe('plain JSON values', () => {
  it('isRecord accepts plain objects only', () => {
    expect(isRecord({})).toBe(true)
    expect(isRecord(JSON.parse('{"a":[1]}'))).toBe(true)
    expect(isRecord(Object.create(null))).toBe(true)
    for (const v of [
      null,
      undefined,
      [],
      [{}],
      'x',
      1,
      true,
      new Date(0),
      new Map(),
      new (class {})(),
    ]) {
      expect(isRecord(v)).toBe(false)
    }
  })

  it('isPrimitive accepts strings, booleans and finite numbers', () => {
    expect(['a', '', true, false, 0, -2.5].every(isPrimitive)).toBe(true)
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, {}, []].some(isPrimitive)).toBe(
      false,
    )
  })

  it('sameValue neither coerces types nor folds case, and compares objects as JSON', () => {
    expect(sameValue(1, '1')).toBe(false)
    expect(sameValue('A', 'a')).toBe(false)
    expect(sameValue(['a', 1], ['a', 1])).toBe(true)
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameValue(null, null)).toBe(true)
  })
})
