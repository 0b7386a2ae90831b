import { describe, expect, it } from 'vitest'
import { readQuestionItems } from '../../../analysis/questions.ts'
import { DONT_KNOW, USABLE } from '../../../analysis/tally/classify.ts'
import { CodeReader } from '../../../analysis/tally/code-reader.ts'
import { describeLayout, encodeAnswers } from '../../../analysis/tally/encode.ts'
import { createGroupTally, FREE, planSlots, SCALED } from '../../../analysis/tally/types.ts'
import type { Answers, SurveyJson } from '../../../surveys/types.ts'
import { variedResponses, variedSurveyJson } from '../../fixtures/analysis/varied-responses.ts'
import { flattenAnswers } from '../../helpers/flatten-answers.ts'

/** A questionnaire with more options and scale points than one character holds (31). */
const WIDE: SurveyJson = {
  pages: [
    {
      elements: [
        {
          type: 'dropdown',
          name: 'country',
          choices: Array.from({ length: 40 }, (_, i) => `c${i}`),
        },
        { type: 'rating', name: 'score', rateMin: 0, rateMax: 100 },
        { type: 'text', name: 'amount', inputType: 'number' },
        { type: 'checkbox', name: 'tags', choices: Array.from({ length: 40 }, (_, i) => `t${i}`) },
        { type: 'ranking', name: 'order', choices: ['x', 'y', 'z'] },
        { type: 'comment', name: 'note' },
      ],
    },
  ],
}

const WIDE_ANSWERS: Answers[] = [
  {
    country: 'c39',
    score: 100,
    amount: 1e300,
    tags: ['t35', 't2', 'x\ud800y'],
    order: ['z', 'q', 'x'],
  },
  { country: 'nowhere 😀', score: 64, amount: -0, tags: ['dk'], order: [], note: ' ' },
  { country: 'dk', score: '31', amount: 0.1 + 0.2, tags: 't39', note: 'ok' },
  { score: 101, amount: Number.MAX_VALUE, order: 'y' },
  { score: 'n/a', amount: -5e-324, tags: [] },
  { amount: '12.50', country: '' },
]

/** Checks that one group's cells, read from each response's code text, hold what flatten reads. */
function checkRoundTrip(json: SurveyJson, answers: readonly Answers[]) {
  const { items } = readQuestionItems(json)
  const layout = describeLayout(items)
  const slots = planSlots(layout)
  const reader = new CodeReader(layout, slots)
  const columns = flattenAnswers(items, answers)
  answers.forEach((a, r) => {
    const group = createGroupTally('g', slots)
    reader.read(encodeAnswers(layout, a), group, r)
    columns.forEach((column, j) => {
      const at = slots.base[j] ?? 0
      const state = column.state[r]
      const cell = (i: number) => group.cells[at + i] ?? 0
      const where = `${column.item.path} of response ${r}`
      if (column.kind === 'numeric') {
        const value = column.values[r] ?? Number.NaN
        expect(cell(0), where).toBe(state === DONT_KNOW ? 1 : 0)
        if (slots.kind[j] === SCALED) {
          const point = state === USABLE ? (column.item.scale?.indexOf(value) ?? -1) : -1
          expect(reader.index[j], where).toBe(point)
          if (point >= 0) expect(cell(1 + point), where).toBe(1)
        } else {
          expect(slots.kind[j]).toBe(FREE)
          const expected = state === USABLE ? [value === 0 ? 0 : value] : []
          expect([...(group.free[j]?.values() ?? [])], where).toEqual(expected)
        }
      } else if (column.kind === 'choice' || column.kind === 'choices') {
        expect([cell(0), cell(1)], where).toEqual([
          state === USABLE ? 1 : 0,
          state === DONT_KNOW ? 1 : 0,
        ])
        const given = column.kind === 'choice' ? [column.values[r]] : (column.values[r] ?? [])
        const keys = given.filter((k): k is string => typeof k === 'string')
        const counted = column.item.options.flatMap((o, i) => (cell(2 + i) > 0 ? [o.value] : []))
        const extras = [...(group.extras[j]?.keys() ?? [])]
        expect([...counted, ...extras].sort(), where).toEqual([...new Set(keys)].sort())
      } else if (column.kind === 'ranking') {
        const known = (column.values[r] ?? []).filter((k) =>
          column.item.options.some((o) => o.value === k),
        )
        expect(cell(0), where).toBe(known.length > 0 ? 1 : 0)
        const size = column.item.options.length
        column.item.options.forEach((o, i) => {
          const position = known.indexOf(o.value)
          expect(cell(1 + size + i), where).toBe(position + 1)
        })
      } else {
        expect(cell(0), where).toBe(state === USABLE ? 1 : 0)
      }
    })
  })
}

describe('encodeAnswers and CodeReader', () => {
  it('read back what flattenAnswers reads, for messy answers', () => {
    checkRoundTrip(
      variedSurveyJson(5),
      variedResponses(300, 7).map((r) => r.answers),
    )
  })

  it('hold many options, wide scales, extreme numbers and odd keys', () => {
    checkRoundTrip(WIDE, WIDE_ANSWERS)
  })

  it('writes only the characters 0…o', () => {
    const layout = describeLayout(readQuestionItems(WIDE).items)
    for (const a of WIDE_ANSWERS) expect(encodeAnswers(layout, a)).toMatch(/^[0-o]*$/)
  })

  it('ties the layout id to values and scales, not to labels or the report language', () => {
    const json = variedSurveyJson(5)
    const id = (j: SurveyJson, locale = 'en') =>
      describeLayout(readQuestionItems(j, locale).items).id
    expect(id(json, 'fr')).toBe(id(json))
    expect(id({ ...json, title: 'Other title' })).toBe(id(json))
    const wider = variedSurveyJson(5)
    const pages = wider.pages as { elements: { name?: string; rateValues?: unknown }[] }[]
    const confidence = pages[0]?.elements.find((e) => e.name === 'confidence')
    if (confidence) confidence.rateValues = [0.5, 1, 1.5]
    expect(id(wider)).not.toBe(id(json))
  })
})
