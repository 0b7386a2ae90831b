import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readQuestionItems } from '../../analysis/questions.ts'
import { aggregateTally } from '../../analysis/tally/frame.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { loadGapSurvey } from '../fixtures/analysis/gap-responses.ts'

describe('readQuestionItems', () => {
  it('reads scales, options and paths of the fixture in the report language', () => {
    const { items, skipped } = readQuestionItems(loadGapSurvey().json, 'fr')
    const byPath = new Map(items.map((i) => [i.path, i]))
    expect(byPath.get('satisfaction')?.scale).toEqual([1, 2, 3, 4, 5])
    expect(byPath.get('performance.regulation')).toMatchObject({
      question: 'performance',
      row: 'regulation',
      column: null,
      type: 'matrix',
      kind: 'numeric',
      scale: [1, 2, 3, 4, 5],
      title: 'Comment chaque domaine fonctionne-t-il ? — Réglementation',
    })
    expect(byPath.get('maturity.coordination.target')).toMatchObject({
      cellType: 'dropdown',
      kind: 'numeric',
      scale: [0, 1, 2, 3, 4],
    })
    expect(byPath.get('member')?.options).toEqual([
      { value: 'true', label: 'Oui' },
      { value: 'false', label: 'Non' },
    ])
    expect(byPath.get('priorities')).toMatchObject({ kind: 'ranking', rankPoints: 3 })
    expect(byPath.has('thanks')).toBe(false)
    expect(skipped).toEqual([])
  })

  it('reads every shipped questionnaire, with matrixdropdown columns falling back to the question choices', () => {
    const vote: SurveyJson = JSON.parse(
      fs.readFileSync('surveys/definitions/best-practice-vote.json', 'utf8'),
    )
    const { items } = readQuestionItems(vote)
    const cell = items.find((i) => i.path === 'scores.FR-93:cigales.relevance')
    expect(cell).toMatchObject({ kind: 'numeric', scale: [1, 2, 3, 4, 5] })
    expect(items.find((i) => i.path === 'top3')).toMatchObject({ kind: 'ranking', rankPoints: 3 })
    for (const file of fs.readdirSync('surveys/definitions')) {
      const json: SurveyJson = JSON.parse(fs.readFileSync(`surveys/definitions/${file}`, 'utf8'))
      expect(readQuestionItems(json).items.length).toBeGreaterThan(0)
    }
  })
})

describe('aggregateTally (danfo)', () => {
  it('aggregates per group and overall, with keys that contain dashes', () => {
    const result = aggregateTally([
      { group: 'FR-93', item: 'q', value: 4, count: 2 },
      { group: 'FR-93', item: 'q', value: 2, count: 1 },
      { group: 'FR', item: '93-q', value: 5, count: 1 },
      { group: 'IT-BO', item: 'q', value: 1.5, count: 2 },
      { group: 'IT-BO', item: 'q', value: 9, count: 0 },
    ])
    expect(result.groups).toEqual([
      { group: 'FR', item: '93-q', n: 1, sum: 5, mean: 5, min: 5, max: 5 },
      { group: 'FR-93', item: 'q', n: 3, sum: 10, mean: 10 / 3, min: 2, max: 4 },
      { group: 'IT-BO', item: 'q', n: 2, sum: 3, mean: 1.5, min: 1.5, max: 1.5 },
    ])
    expect(result.overall).toEqual([
      { item: '93-q', n: 1, sum: 5, mean: 5, min: 5, max: 5 },
      { item: 'q', n: 5, sum: 13, mean: 2.6, min: 1.5, max: 4 },
    ])
    expect(aggregateTally([])).toEqual({ groups: [], overall: [] })
  })
})
