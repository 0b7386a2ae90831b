import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SurveyJson } from '../../../surveys/types.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

// The responses download offers the column names of CSV and Excel: Gapkit's or KoboToolbox's,
// the questionnaire's export default chosen (Kobo's for one converted from XLSForm).

const plain: SurveyJson = {
  title: 'Plain',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'panel',
          name: 'profile',
          elements: [{ type: 'checkbox', name: 'crops', choices: ['maize', 'millet'] }],
        },
      ],
    },
  ],
}
// What the XLSForm converter records of its conversion: the export's default becomes Kobo's.
const converted: SurveyJson = {
  ...plain,
  title: 'Converted',
  gapkit: { import: { format: 'xlsform' } },
}

let t: TestApp
let cookie: string
beforeAll(async () => {
  t = await createTestApp({ plain, converted })
  const opened = await t.app.request(`/admin?t=${t.admin}`)
  cookie = opened.headers.get('set-cookie')?.split(';')[0] ?? ''
  for (const survey of ['plain', 'converted']) {
    const answers = { crops: ['maize'] }
    const res = await t.send('POST', `/api/surveys/${survey}/responses`, t.partnerA, { answers })
    expect(res.status).toBe(201)
  }
})
afterAll(async () => {
  await t.close()
})

/** The header choice of a questionnaire's page: each option's value, label and whether chosen. */
async function headerChoice(survey: string, lang = 'en') {
  const res = await t.app.request(`/admin/surveys/${survey}?lang=${lang}`, { headers: { cookie } })
  expect(res.status).toBe(200)
  const html = await res.text()
  const select =
    /<label class="ak-field" for="ak-d-headers">([^<]*)<select id="ak-d-headers" data-download>(.*?)<\/select>/.exec(
      html,
    )
  if (!select) throw new Error('no header choice')
  const options = [
    ...(select[2] ?? '').matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g),
  ]
  return {
    label: select[1],
    options: options.map((o) => ({ value: o[1], label: o[3], selected: o[2] !== undefined })),
  }
}

async function firstHeader(survey: string, headers: string): Promise<string> {
  const url = `/api/surveys/${survey}/responses?format=csv&headers=${headers}`
  const res = await t.send('GET', url, t.admin)
  expect(res.status).toBe(200)
  return (await res.text()).replace(/^\uFEFF/, '').split('\r\n')[0] ?? ''
}

describe('the responses download’s column names', () => {
  it('offers Gapkit’s and KoboToolbox’s names, the export’s default chosen', async () => {
    const plainChoice = await headerChoice('plain')
    expect(plainChoice).toEqual({
      label: 'Column names',
      options: [
        { value: 'gapkit', label: 'Gapkit (question.option, repeats as JSON)', selected: true },
        {
          value: 'kobo',
          label: 'KoboToolbox (group/question, a sheet per repeat in Excel)',
          selected: false,
        },
      ],
    })
    const convertedChoice = await headerChoice('converted')
    expect(convertedChoice.options.map((o) => [o.value, o.selected])).toEqual([
      ['gapkit', false],
      ['kobo', true],
    ])
  })

  it('says in the sentence about the file when the default names are Kobo’s', async () => {
    const sentence = async (survey: string) => {
      const res = await t.app.request(`/admin/surveys/${survey}`, { headers: { cookie } })
      return /<p id="ak-download-includes"[^>]*>([^<]*)<\/p>/.exec(await res.text())?.[1]
    }
    expect(await sentence('plain')).toBe(
      'This file holds submitted responses, not rejected, all waves, all regions, answers as codes.',
    )
    expect(await sentence('converted')).toBe(
      'This file holds submitted responses, not rejected, all waves, all regions, answers as codes, columns named as in KoboToolbox (repeats in the Excel workbook only).',
    )
  })

  it('is in the dashboard’s language', async () => {
    const fr = await headerChoice('converted', 'fr')
    expect(fr.label).toBe('Noms des colonnes')
    expect(fr.options.map((o) => o.label)).toEqual([
      'Gapkit (question.option, répétitions en JSON)',
      'KoboToolbox (groupe/question, une feuille par répétition dans Excel)',
    ])
  })

  it('offers exactly the names the export accepts, the default being what it writes unasked', async () => {
    for (const survey of ['plain', 'converted']) {
      const { options } = await headerChoice(survey)
      const byValue = new Map<string, string>()
      for (const o of options) byValue.set(o.value ?? '', await firstHeader(survey, o.value ?? ''))
      expect(byValue.get('gapkit')).toMatch(/^id,survey,.*,crops,crops\.maize,crops\.millet$/)
      expect(byValue.get('kobo')).toMatch(/^profile\/crops,profile\/crops\/maize,.*,_index$/)
      const chosen = options.find((o) => o.selected)?.value ?? ''
      const unasked = await t.send('GET', `/api/surveys/${survey}/responses?format=csv`, t.admin)
      const header = (await unasked.text()).replace(/^\uFEFF/, '').split('\r\n')[0]
      expect(header).toBe(byValue.get(chosen))
    }
  })
})
