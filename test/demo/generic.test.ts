import { describe, expect, it } from 'vitest'
import { listQuestionSpecs } from '../../demo/generic.ts'

describe('listQuestionSpecs', () => {
  const json = {
    pages: [
      {
        name: 'p1',
        visibleIf: '{consent} = true',
        elements: [
          { type: 'html', name: 'intro' },
          {
            type: 'panel',
            name: 'firm',
            visibleIf: '{kind} = "firm"',
            elements: [{ type: 'text', name: 'staff', visibleIf: '{big} = true' }],
          },
          { type: 'panel', name: 'gone', visible: false, elements: [{ type: 'text', name: 'x' }] },
          { type: 'comment', name: 'hidden', visible: false },
          {
            type: 'paneldynamic',
            name: 'loans',
            templateElements: [{ type: 'text', name: 'amount' }],
          },
        ],
      },
      { name: 'p2', visible: false, elements: [{ type: 'text', name: 'never' }] },
      { name: 'p3', elements: [{ type: 'rating', name: 'score' }] },
    ],
  }

  it("lists answerable questions with their page's, panels' and own conditions", () => {
    expect(
      listQuestionSpecs(json).map(({ name, conditions, page }) => ({ name, conditions, page })),
    ).toEqual([
      {
        name: 'staff',
        conditions: ['{consent} = true', '{kind} = "firm"', '{big} = true'],
        page: 0,
      },
      { name: 'loans', conditions: ['{consent} = true'], page: 0 },
      { name: 'score', conditions: [], page: 2 },
    ])
  })
})
