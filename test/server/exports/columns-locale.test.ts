import { describe, expect, it } from 'vitest'
import { listAnswerColumns } from '../../../server/exports/columns.ts'
import { listKoboSheets } from '../../../server/exports/kobo.ts'
import type { SurveyJson } from '../../../surveys/types.ts'

// A questionnaire that opens in French (top-level `locale`, as the XLSForm converter writes
// `default_language`), with English texts too: an English export must be in English.
const FRENCH_FIRST: SurveyJson = {
  locale: 'fr',
  pages: [
    {
      name: 'p',
      elements: [
        {
          type: 'radiogroup',
          name: 'fruit',
          title: { default: 'Fruit', fr: 'Fruit préféré' },
          choices: [{ value: 'apple', text: { default: 'Apple', fr: 'Pomme' } }],
        },
      ],
    },
  ],
}

describe('export column titles and labels', () => {
  it('are in the asked language, also for a questionnaire whose own locale is another', () => {
    for (const columns of [
      listAnswerColumns(FRENCH_FIRST, 'en'),
      listKoboSheets(FRENCH_FIRST, 'en').columns,
    ]) {
      const fruit = columns.find((c) => c.name === 'fruit')
      expect(fruit?.title).toBe('Fruit')
      expect(fruit?.codes).toEqual([{ value: 'apple', label: 'Apple' }])
    }
    const french = listAnswerColumns(FRENCH_FIRST, 'fr').find((c) => c.name === 'fruit')
    expect(french?.title).toBe('Fruit préféré')
    expect(french?.codes).toEqual([{ value: 'apple', label: 'Pomme' }])
  })
})
