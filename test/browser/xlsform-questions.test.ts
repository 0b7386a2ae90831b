import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  answer,
  startXlsFormSession,
  submittedAnswers,
  type XlsFormSession,
} from '../helpers/xlsform-session.ts'
import { GROUPS_FORM, TYPES_FORM } from '../surveys/xlsform/feature-forms.ts'

// Two converted XLSForms filled in Chromium by a partner: every question type with its default,
// hint, requirement and constraint; groups, a field-list page, repeats with a count, a likert
// scale and a calculation read by a later relevant and label. What is stored keeps the
// XLSForm's names.
let s: XlsFormSession
// SurveyJS fades questions and choices in and out: a change is waited for, not read at once.
const POLL = { timeout: 10_000 }

beforeAll(async () => {
  s = await startXlsFormSession([TYPES_FORM, GROUPS_FORM])
})

afterAll(async () => {
  await s?.close()
})

describe('converted XLSForms in Chromium: question types and structure', () => {
  it('types and defaults: pre-filled defaults, required_message, constraints, typed answers', async () => {
    const { page } = s
    await s.open(TYPES_FORM.id)
    expect(await page.title()).toBe('Types and defaults')
    await page.getByText('About your shop').waitFor()
    await page.getByText('Five minutes at most').waitFor()
    await page.getByText('As written on the sign').waitFor()
    expect(await page.getByLabel('Shop name').inputValue()).toBe('Chez Awa')
    expect(await page.getByLabel('Staff').inputValue()).toBe('3')
    expect(await page.getByLabel('Share sold on credit').inputValue()).toBe('50')

    // Refused: no turnover (its own message), 60 staff, an opening date after today.
    await answer(page, 'Opening date', '2999-01-01')
    await answer(page, 'Staff', '60')
    await page.getByRole('button', { name: 'Complete' }).click()
    await page.getByText('Give the turnover, even a guess').waitFor()
    await page.getByText('Between 1 and 50 staff').waitFor()
    await page.getByText('The opening date cannot be in the future').waitFor()
    await s.snap('xlsform-types-refused.png')
    await answer(page, 'Staff', '2.5')
    await page.getByText('Enter a whole number.').waitFor()
    expect((await s.stored(TYPES_FORM.id)).map((r) => r.status)).not.toContain('submitted')

    await answer(page, 'Staff', '12')
    await answer(page, 'Monthly turnover', '1500.5')
    await answer(page, 'Opening date', '2019-03-01')
    await answer(page, 'Opens at', '08:30')
    await answer(page, 'Last inspection', '2026-11-02T10:15')
    await answer(page, 'Share sold on credit', '35')
    await page.locator('.sd-rating__item-text', { hasText: '4' }).first().click()
    // Rank: Savings moved to the top with the keyboard.
    const savings = page.locator('.sv-ranking-item', { hasText: 'Savings' })
    await savings.focus()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    // A select_multiple's default is ticked; the partner adds one.
    expect(await page.getByRole('checkbox', { name: 'Bank account' }).isChecked()).toBe(true)
    await page.getByText('Mobile money').click()
    // acknowledge: a checkbox under its label.
    await page
      .locator('.sd-question', { hasText: 'I confirm these answers' })
      .locator('.sd-checkbox__decorator')
      .click()
    await s.snap('xlsform-types-filled.png')
    await page.getByRole('button', { name: 'Complete' }).click()
    expect(await submittedAnswers(s, TYPES_FORM.id)).toEqual({
      shop_name: 'Chez Awa',
      staff: 12,
      turnover: 1500.5,
      opened: '2019-03-01',
      opens_at: '08:30',
      last_visit: '2026-11-02T10:15',
      market: 4,
      share: 35,
      needs: ['savings', 'credit', 'training'],
      services: ['bank', 'mobile'],
      consent: 'OK',
    })
    expect(s.errors).toEqual([])
  })

  it('groups and repeats: field-list pages, repeat_count panels, calculate, likert, nested group', async () => {
    const { page } = s
    await s.open(GROUPS_FORM.id)
    expect(await page.title()).toBe('Groups and repeats')
    // The field-list group is a page with the group's label.
    await page.locator('.sd-page__title', { hasText: 'Household' }).waitFor()
    const bigHelp = page.getByLabel('Which help do you get for so many meals?')
    await answer(page, 'How many members?', '5')
    // meals = members * 3, read by a relevant and piped into a label.
    await page.getByText('That is 15 meals a day').waitFor()
    await bigHelp.waitFor()
    await s.snap('xlsform-groups-household.png')
    // The constraint blocks Next with its message.
    await answer(page, 'How many members?', '25')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByText('From 1 to 20 members').waitFor()
    expect(await page.locator('.sd-page__title').textContent()).toBe('Household')
    await answer(page, 'How many members?', '2')
    await page.getByText('From 1 to 20 members').waitFor({ state: 'hidden' })
    await page.getByText('That is 6 meals a day').waitFor()
    await bigHelp.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Next' }).click()

    // repeat_count = ${members}: two member panels, none to add or remove.
    const names = page.getByLabel('Name', { exact: true })
    await expect.poll(() => names.count(), POLL).toBe(2)
    expect(await page.getByRole('button', { name: /add/i }).count()).toBe(0)
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByText('Response required.').first().waitFor()
    await names.nth(0).fill('Awa')
    await names.nth(1).fill('Moussa')
    const panels = page.locator('.sd-paneldynamic__panel-wrapper')
    await panels.nth(0).getByText('Yes', { exact: true }).click()
    await panels.nth(1).getByText('No', { exact: true }).click()
    // The relevant inside the repeat reads its own panel's answer; the label its own name.
    await page.getByLabel('Job of Awa').fill('Tailor')
    expect(await page.getByLabel('Job of Moussa').count()).toBe(0)
    // repeat_count = ${guests}, a calculate (members - 1): one guest panel.
    const guests = page.getByLabel('Guest name')
    await expect.poll(() => guests.count(), POLL).toBe(1)
    await answer(page, 'Guest name', 'Sali')
    await s.snap('xlsform-groups-repeat.png')
    await page.getByRole('button', { name: 'Next' }).click()

    await page.locator('.sd-page__title', { hasText: 'Opinions' }).waitFor()
    const howFar = page.getByLabel('How far is it?')
    expect(await howFar.count()).toBe(0)
    // likert: a rating scale of the list's labels.
    await page.locator('.sd-rating__item-text', { hasText: 'Disagree' }).click()
    await howFar.fill('3 km')
    await howFar.blur()
    await s.snap('xlsform-groups-likert.png')
    // A group no longer relevant: its answers are not submitted, as in ODK.
    await page.locator('.sd-rating__item-text', { hasText: 'Unsure' }).click()
    await howFar.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Next' }).click()

    // repeat_count = 2: two visit panels.
    const places = page.getByLabel('Place visited')
    await expect.poll(() => places.count(), POLL).toBe(2)
    await places.nth(0).fill('Kati')
    await places.nth(1).fill('Siby')
    await page.getByRole('button', { name: 'Complete' }).click()
    expect(await submittedAnswers(s, GROUPS_FORM.id)).toEqual({
      members: 2,
      meals: 6,
      member: [
        { member_name: 'Awa', works: 'yes', job: 'Tailor' },
        { member_name: 'Moussa', works: 'no' },
      ],
      guests: 1,
      guest: [{ guest_name: 'Sali' }],
      market_ok: 'unsure',
      visit: [{ visit_place: 'Kati' }, { visit_place: 'Siby' }],
    })
    expect(s.errors).toEqual([])
  })
})
