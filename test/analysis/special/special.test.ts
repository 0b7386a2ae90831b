import { describe, expect, it } from 'vitest'
import { specialTallies } from '../../../analysis/special/index.ts'
import { sheets } from '../../fixtures/special/codesign-sheets.ts'
import { reports } from '../../fixtures/special/indicator-reports.ts'
import { buildInput } from '../../fixtures/special/inputs.ts'
import { ballots } from '../../fixtures/special/vote-ballots.ts'

const cases = [
  ['best-practice-vote', ballots, 'vote'],
  ['codesign-challenge', sheets, 'codesign'],
  ['mfi-indicators', reports, 'indicators'],
] as const

describe('specialTallies', () => {
  it.each(cases)('picks the tally of %s', (id, responses, kind) => {
    expect(specialTallies(buildInput(id, [...responses]))?.kind).toBe(kind)
  })

  it.each(cases)('is deterministic and plain JSON for %s', (id, responses) => {
    const first = JSON.stringify(specialTallies(buildInput(id, [...responses])))
    const second = JSON.stringify(specialTallies(buildInput(id, [...responses])))
    expect(second).toBe(first)
    // NaN and Infinity would come back as null: a lossless round trip proves there are none.
    expect(JSON.parse(first)).toEqual(specialTallies(buildInput(id, [...responses])))
    expect(first).not.toMatch(/\d\.\d{5,}/)
  })

  it.each(cases)('tallies no responses at all for %s', (id) => {
    const tally = specialTallies(buildInput(id, []))
    expect(tally?.notes.at(-1)).toMatch(/^No counted/)
  })

  it('returns null for any other questionnaire', () => {
    expect(specialTallies(buildInput('microfinance-gap', []))).toBeNull()
    expect(specialTallies(buildInput('good-practice', []))).toBeNull()
    const input = buildInput('best-practice-vote', ballots)
    expect(specialTallies({ ...input, survey: { ...input.survey, id: 'toString' } })).toBeNull()
  })
})
