// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  answer,
  startXlsFormSession,
  submittedAnswers,
  type XlsFormSession,
} from '../helpers/xlsform-session.ts'
import { CHOICES_FORM, EXPRESSIONS_FORM, LANGUAGES_FORM } from '../surveys/xlsform/feature-forms.ts'

// Three converted XLSForms filled in Chromium by a partner: the XPath subset behaving as ODK
// reads it, two languages and the settings sheet, and choices (or_other, choice_filter, a list
// from a CSV file beside the workbook). What is stored keeps the XLSForm's names.
let s: XlsFormSession
// SurveyJS fades questions and choices in and out: a change is waited for, not read at once.
const POLL = { timeout: 10_000 }

beforeAll(async () => {
  s = await startXlsFormSession([EXPRESSIONS_FORM, LANGUAGES_FORM, CHOICES_FORM])
})

afterAll(async () => {
  await s?.close()
})

/** A question by its XLSForm name (SurveyJS writes it as data-name). */
function question(page: Page, name: string) {
  return page.locator(`.sd-question[data-name="${name}"]`)
}

/** The labels of the choices a question shows, in order. */
async function shownChoices(page: Page, name: string): Promise<string[]> {
  const texts = await question(page, name).locator('.sd-item__control-label').allTextContents()
  return texts.map((t) => t.trim())
}

describe('converted XLSForms in Chromium: expressions, languages and choices', () => {
  it('expressions: count-selected, selected, string-length, not, if, arithmetic, and/or, today', async () => {
    const { page } = s
    await s.open(EXPRESSIONS_FORM.id)
    expect(await page.title()).toBe('Expressions')
    const several = page.getByText('Several crops: thank you')
    const irrigated = question(page, 'irrigated')
    const minor = page.getByText('Under 18: ask a parent')
    // not(${age} >= 18) with no age: true, as in ODK.
    await minor.waitFor()
    expect(await irrigated.count()).toBe(0)

    const crops = question(page, 'crops')
    await crops.getByText('Rice').click()
    await irrigated.waitFor()
    expect(await several.count()).toBe(0)
    await crops.getByText('Millet').click()
    await several.waitFor()
    await crops.getByText('Rice').click()
    await irrigated.waitFor({ state: 'hidden' })
    await crops.getByText('Rice').click()
    await irrigated.getByText('Yes', { exact: true }).click()

    await answer(page, 'Village', 'Ba')
    await page.getByText('At least 3 letters').waitFor()
    await answer(page, 'Village', 'Siby')
    await page.getByText('At least 3 letters').waitFor({ state: 'hidden' })

    // ${adults} - ${children} < 0 with no adults yet: NaN < 0, false in ODK (not 0 - 2 < 0).
    const helpers = question(page, 'helpers')
    await answer(page, 'Children', '2')
    // if(${age} >= 60, 'senior', 'adult') piped into a note.
    await answer(page, 'Age', '70')
    await page.getByText('Category: senior').waitFor()
    expect(await helpers.count()).toBe(0)
    await minor.waitFor({ state: 'hidden' })
    await answer(page, 'Age', '30')
    await page.getByText('Category: adult').waitFor()

    // household = children + adults; crowded when household > 6 or (children > 4 and adults = 1).
    const crowded = question(page, 'crowded')
    await answer(page, 'Children', '2')
    await answer(page, 'Adults', '5')
    await page.getByText('Household of 7: how do you manage?').waitFor()
    expect(await helpers.count()).toBe(0)
    await answer(page, 'Adults', '1')
    await crowded.waitFor({ state: 'hidden' })
    await helpers.waitFor()
    await answer(page, 'Children', '5')
    await page.getByText('Household of 6: how do you manage?').waitFor()
    await answer(page, 'Household of 6: how do you manage?', 'We share rooms')
    await answer(page, 'Who helps with the children?', 'Grandmother')

    // default today(), and a constraint . <= today().
    const today = await page.evaluate(() => {
      const d = new Date()
      const two = (n: number) => String(n).padStart(2, '0')
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
    })
    expect(await page.getByLabel('Day of the visit').inputValue()).toBe(today)
    // int((today() - ${born}) div 365.25): born 3,000 days ago is 8 years old (8.2).
    const born = await page.evaluate(() => {
      const now = new Date()
      const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 3000)
      const two = (n: number) => String(n).padStart(2, '0')
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
    })
    expect(await page.getByText(/^Aged/).count()).toBe(0)
    await answer(page, 'Date of birth', today)
    await page.getByText('Born before today').waitFor()
    await answer(page, 'Date of birth', born)
    await page.getByText('Aged 8', { exact: true }).waitFor()
    await answer(page, 'Day of the visit', '2999-01-01')
    await page.getByRole('button', { name: 'Complete' }).click()
    await page.getByText('Not after today').waitFor()
    await s.snap('xlsform-expressions.png')
    expect((await s.stored(EXPRESSIONS_FORM.id)).map((r) => r.status)).not.toContain('submitted')
    await answer(page, 'Day of the visit', today)
    await page.getByRole('button', { name: 'Complete' }).click()
    expect(await submittedAnswers(s, EXPRESSIONS_FORM.id)).toEqual({
      crops: ['millet', 'rice'],
      irrigated: 'yes',
      village: 'Siby',
      age: 30,
      category: 'adult',
      children: 5,
      adults: 1,
      household: 6,
      crowded: 'We share rooms',
      helpers: 'Grandmother',
      born,
      age_years: 8,
      recorded_on: today,
      visit_day: today,
    })
    expect(s.errors).toEqual([])
  })

  it('languages and settings: form_title, label::/hint::/messages in French, default_language, form_id and version kept', async () => {
    const { page } = s
    await s.open(LANGUAGES_FORM.id)
    expect(await page.title()).toBe('Market languages')
    await page.getByText('Do you like the market?').waitFor()
    await page.getByText('Count them on the day').waitFor()
    await page.getByText('Thank you for your answers').waitFor()
    await answer(page, 'Number of stalls', '600')
    await page.getByText('At most 500 stalls').waitFor()
    await page.getByRole('button', { name: 'Complete' }).click()
    await page.getByText('Please answer').waitFor()

    await page.selectOption('#gk-lang', 'fr')
    await page.getByText('Aimez-vous le marché ?').waitFor()
    await page.getByText('Comptez-les le jour même').waitFor()
    // default_language Français (fr): the untranslated label is the French one.
    await page.getByText('Merci pour vos réponses').waitFor()
    expect(await shownChoices(page, 'likes')).toEqual(['Oui', 'Non'])
    await answer(page, 'Nombre d’étals', '601')
    await page.getByText('Au plus 500 étals').waitFor()
    await page.locator('.sd-navigation__complete-btn').click()
    await page.getByText('Répondez, s’il vous plaît').waitFor()
    await s.snap('xlsform-languages-fr.png')
    await question(page, 'likes').getByText('Oui').click()
    await answer(page, 'Nombre d’étals', '120')
    await page.locator('.sd-navigation__complete-btn').click()
    expect(await submittedAnswers(s, LANGUAGES_FORM.id)).toEqual({ likes: 'yes', stalls: 120 })
    // form_id is the questionnaire's id; form_id and version are kept in its definition.
    const [row] = await s.t.db.kysely
      .selectFrom('responses')
      .innerJoin('survey_versions', (j) =>
        j
          .onRef('survey_versions.survey', '=', 'responses.survey')
          .onRef('survey_versions.version', '=', 'responses.version'),
      )
      .select(['responses.language', 'survey_versions.definition'])
      .where('responses.survey', '=', 'lang-settings')
      .execute()
    expect(row?.language).toBe('fr')
    expect(JSON.parse(row?.definition ?? '{}').gapkit.import).toMatchObject({
      formId: 'lang_settings',
      formVersion: '2026120701',
    })
    expect(s.errors).toEqual([])
  })

  it('choices: or_other shows its text box, choice_filter narrows, a list from a CSV file', async () => {
    const { page } = s
    await s.open(CHOICES_FORM.id)
    expect(await page.title()).toBe('Choices')
    const mainCrop = question(page, 'main_crop')
    const specify = question(page, 'main_crop_other')
    expect(await specify.count()).toBe(0)
    expect(await shownChoices(page, 'main_crop')).toEqual(['Rice', 'Millet', 'Maize', 'Other'])
    // choice_filter name != ${main_crop}
    await mainCrop.getByText('Maize').click()
    await expect.poll(() => shownChoices(page, 'second_crop'), POLL).toEqual(['Rice', 'Millet'])
    await mainCrop.getByText('Other').click()
    await specify.waitFor()
    await expect
      .poll(() => shownChoices(page, 'second_crop'), POLL)
      .toEqual(['Rice', 'Millet', 'Maize'])
    await specify.getByRole('textbox').fill('Sorghum')
    await specify.getByRole('textbox').blur()
    await question(page, 'second_crop').getByText('Maize').click()

    const sources = question(page, 'sources')
    await sources.getByText('Market').click()
    await sources.getByText('Other').click()
    const sourcesOther = question(page, 'sources_other')
    await sourcesOther.getByRole('textbox').fill('Neighbour')
    await sourcesOther.getByRole('textbox').blur()

    // select_one_from_file villages.csv with choice_filter district = ${district}.
    expect(await shownChoices(page, 'village')).toEqual([])
    await page.getByRole('button', { name: 'Complete' }).click()
    await question(page, 'village').getByText('Response required.').waitFor()
    await question(page, 'district').getByText('Kita').click()
    await expect.poll(() => shownChoices(page, 'village'), POLL).toEqual(['Sirakoro'])
    await question(page, 'district').getByText('Kati').click()
    await expect.poll(() => shownChoices(page, 'village'), POLL).toEqual(['Siby', 'Dio-Gare'])
    await question(page, 'village').getByText('Dio-Gare').click()
    // choice_filter on a column of the choices sheet.
    expect(await shownChoices(page, 'market')).toEqual(['Kati fair', 'Koulikoro'])
    await question(page, 'district').getByText('Kita').click()
    await expect.poll(() => shownChoices(page, 'market'), POLL).toEqual(['Kita fair'])
    await question(page, 'district').getByText('Kati').click()
    await expect.poll(() => shownChoices(page, 'market'), POLL).toEqual(['Kati fair', 'Koulikoro'])
    await question(page, 'village').getByText('Dio-Gare').click()
    await question(page, 'market').getByText('Koulikoro').click()
    await s.snap('xlsform-choices.png')
    await page.getByRole('button', { name: 'Complete' }).click()
    expect(await submittedAnswers(s, CHOICES_FORM.id)).toEqual({
      main_crop: 'other',
      main_crop_other: 'Sorghum',
      second_crop: 'maize',
      sources: ['market', 'other'],
      sources_other: 'Neighbour',
      district: 'kati',
      village: 'dio',
      market: 'koulikoro',
    })
    expect(s.errors).toEqual([])
  })
})
