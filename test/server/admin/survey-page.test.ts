import { describe, expect, it } from 'vitest'
import { GroupingError, resolveGrouping } from '../../../analysis/group-responses.ts'
import { readQuestionItems } from '../../../analysis/questions.ts'
import { analysisWaves, comparePairs, groupByOptions } from '../../../server/admin/survey-page.ts'
import { adminText } from '../../../server/admin/text.ts'
import { loadSurvey, loadSurveyRegistry } from '../../../surveys/registry.ts'
import { DEFINITIONS } from '../../helpers/test-app.ts'

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

describe('the dashboard wave choices', () => {
  it('offers the latest wave (default), all waves, each wave, and each pair to compare', () => {
    const t = adminText('fr')
    expect(analysisWaves(['2025', '2024'], t).map((o) => o.value)).toEqual([
      '',
      'all',
      '2025',
      '2024',
    ])
    expect(analysisWaves([], t)[1]).toEqual({ value: 'all', label: 'Toutes les vagues' })
    expect(comparePairs(['2026', '2024', '2025'], adminText('en'))).toEqual([
      { value: '', label: 'Two latest with enough respondents' },
      { value: '2024,2025', label: '2024 → 2025' },
      { value: '2024,2026', label: '2024 → 2026' },
      { value: '2025,2026', label: '2025 → 2026' },
    ])
  })
})

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

  it('offers only the questions of gapkit.groupBy when the questionnaire lists them', () => {
    const gap = loadSurveyRegistry(DEFINITIONS).get('microfinance-gap')
    if (!gap) throw new Error('no microfinance-gap')
    const offered = groupByOptions(gap, 'en', adminText('en')).map((o) => o.value)
    expect(offered).toEqual([
      'region',
      'wave',
      'stakeholder_type',
      'experience',
      'guarantee_scheme',
    ])
    // A yes/no consent box is single-choice, but no grouping: neither offered nor accepted.
    const { items } = readQuestionItems(gap.json)
    expect(items.some((i) => i.path === 'consent')).toBe(true)
    expect(() => resolveGrouping('consent', items, gap.gapkit.groupBy)).toThrow(
      'Cannot group by "consent": the questionnaire\'s gapkit.groupBy does not list it; use "region", "wave" or a single-choice question (stakeholder_type, experience, guarantee_scheme)',
    )
    for (const by of offered) {
      expect(() => resolveGrouping(by, items, gap.gapkit.groupBy)).not.toThrow()
    }
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
