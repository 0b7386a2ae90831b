import { describe, expect, it } from 'vitest'
import { renderFirstQuestions } from '../../../server/form/first-page.ts'
import type { SurveyJson } from '../../../surveys/types.ts'

const T = { yes: 'Oui', no: 'Non', other: 'Autre (préciser)' }
const page = (...elements: Record<string, unknown>[]): SurveyJson => ({
  pages: [{ name: 'p1', elements }],
})
/** The `data-q` blocks drawn, by question name. */
const drawn = (html: string) => [...html.matchAll(/data-q="([^"]+)"/g)].map((m) => m[1])
const decode = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
const values = (html: string) =>
  [...html.matchAll(/data-value="([^"]+)"/g)].map((m) => JSON.parse(decode(m[1] ?? '')))

describe('renderFirstQuestions', () => {
  it('draws the leading plain questions in the language asked, each input with its answer', () => {
    const html = renderFirstQuestions(
      page(
        {
          type: 'radiogroup',
          name: 'kind',
          isRequired: true,
          title: { default: 'Kind', fr: 'Type' },
          choices: [{ value: 'mfi', text: { default: 'MFI', fr: 'IMF' } }, 'bank'],
          showOtherItem: true,
        },
        { type: 'checkbox', name: 'roles', choices: [1, 2] },
        { type: 'rating', name: 'score', rateMin: 1, rateMax: 3 },
        { type: 'boolean', name: 'ok' },
        { type: 'text', name: 'n', inputType: 'number' },
        { type: 'dropdown', name: 'region', choices: ['north', 'south'] },
        { type: 'comment', name: 'why' },
      ),
      'fr',
      T,
    )
    expect(drawn(html)).toEqual(['kind', 'roles', 'score', 'ok', 'n', 'region', 'why'])
    expect(html).toContain('<legend>Type<span class="gk-req" aria-hidden="true"> *</span></legend>')
    expect(html).toContain('<span>IMF</span>')
    expect(html).toContain('<span>Autre (préciser)</span>')
    expect(html).toContain('data-other')
    expect(html).toContain('<span>Oui</span>')
    expect(html).toContain('type="number" name="gk-early-n" data-kind="number"')
    expect(values(html)).toEqual([
      'mfi',
      'bank',
      'other',
      1,
      2,
      1,
      2,
      3,
      true,
      false,
      'north',
      'south',
    ])
  })

  it('stops at the first question SurveyJS must decide about, so the order stays the same', () => {
    const html = renderFirstQuestions(
      page(
        { type: 'text', name: 'a' },
        { type: 'text', name: 'b', visibleIf: '{a} = 1' },
        { type: 'text', name: 'c' },
      ),
      'en',
      T,
    )
    expect(drawn(html)).toEqual(['a'])
    for (const first of [
      { type: 'matrix', name: 'm', rows: ['r'], columns: [1] },
      { type: 'text', name: 't', title: 'Hello {name}' },
      { type: 'radiogroup', name: 'r', choices: [{ value: 1, visibleIf: '{x} = 1' }] },
      { type: 'text', name: 'd', defaultValue: 'x' },
      { type: 'text', name: 'f', inputType: 'range' },
      { type: 'rating', name: 's', rateMin: 0, rateMax: 100 },
    ]) {
      expect(renderFirstQuestions(page(first, { type: 'text', name: 'z' }), 'en', T)).toBe('')
    }
  })

  it('draws nothing for a start page, a conditional first page or one question per page', () => {
    const q = { type: 'text', name: 'a' }
    expect(renderFirstQuestions({ ...page(q), firstPageIsStarted: true }, 'en', T)).toBe('')
    expect(
      renderFirstQuestions({ ...page(q), questionsOnPageMode: 'questionPerPage' }, 'en', T),
    ).toBe('')
    expect(
      renderFirstQuestions({ pages: [{ name: 'p', visibleIf: 'false', elements: [q] }] }, 'en', T),
    ).toBe('')
  })

  it('escapes every text', () => {
    const html = renderFirstQuestions(
      page({
        type: 'radiogroup',
        name: 'x',
        title: '<b>x</b>',
        choices: [{ value: '"><i>', text: '<i>' }],
      }),
      'en',
      T,
    )
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<i>')
    expect(values(html)).toEqual(['"><i>'])
  })
})
