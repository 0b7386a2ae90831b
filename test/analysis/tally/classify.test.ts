import { describe, expect, it } from 'vitest'
import { readQuestionItems } from '../../../analysis/questions.ts'
import { classifyNumber, readAnswer } from '../../../analysis/tally/classify.ts'
import { loadGapSurvey } from '../../fixtures/analysis/gap-responses.ts'

describe('classifyNumber', () => {
  it('classifies no answer, usable values and "don\'t know" (codes and out-of-scale values)', () => {
    const { items } = readQuestionItems(loadGapSurvey().json)
    const rating = items.find((i) => i.path === 'satisfaction')
    if (!rating) throw new Error('the fixture has a satisfaction rating')
    const scale = new Set(rating.scale)
    const read = [
      { satisfaction: 4 },
      { satisfaction: 'DK' },
      { satisfaction: 9 },
      {},
      { satisfaction: '3' },
    ].map((answers) => classifyNumber(readAnswer(answers, rating), scale))
    expect(read.map((r) => r.state)).toEqual([1, 2, 2, 0, 1])
    expect(read.map((r) => r.number)).toEqual([4, Number.NaN, Number.NaN, Number.NaN, 3])
  })
})
