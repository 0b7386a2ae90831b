import { describe, expect, it } from 'vitest'
import { GroupingError, resolveGrouping } from '../../../analysis/group-responses.ts'
import { readQuestionItems } from '../../../analysis/questions.ts'
import { groupByOptions } from '../../../server/admin/survey-page.ts'
import { adminText } from '../../../server/admin/text.ts'
import { loadSurvey } from '../../../surveys/registry.ts'

const yesNo = ['yes', 'no']
const json = {
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'sector',
          title: { default: 'Sector', fr: 'Secteur' },
          choices: yesNo,
        },
        { type: 'rating', name: 'score' },
        {
          type: 'panel',
          name: 'about',
          elements: [{ type: 'dropdown', name: 'size', choices: yesNo }],
        },
        {
          type: 'paneldynamic',
          name: 'branches',
          templateElements: [{ type: 'radiogroup', name: 'branch_kind', choices: yesNo }],
        },
        { type: 'matrix', name: 'grid', rows: ['r'], columns: yesNo },
        { type: 'boolean', name: 'member' },
      ],
    },
  ],
}

describe('the dashboard "Group by" choices', () => {
  const survey = loadSurvey('grouping-test', json)

  it('offers region, wave and each question the analysis groups by, titles localized', () => {
    expect(groupByOptions(survey, 'fr', adminText('fr'))).toEqual([
      { value: 'region', label: 'Région' },
      { value: 'wave', label: 'Vague' },
      { value: 'sector', label: 'Secteur' },
      { value: 'size', label: 'size' },
      { value: 'member', label: 'member' },
    ])
  })

  it('offers exactly what the analysis accepts: not a question inside a dynamic panel', () => {
    const { items } = readQuestionItems(survey.json)
    const offered = groupByOptions(survey, 'en', adminText('en')).map((o) => o.value)
    for (const by of offered) expect(() => resolveGrouping(by, items)).not.toThrow()
    for (const by of ['branch_kind', 'score', 'grid', 'branches']) {
      expect(offered).not.toContain(by)
      expect(() => resolveGrouping(by, items)).toThrow(GroupingError)
    }
  })
})
