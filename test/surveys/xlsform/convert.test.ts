// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import { Model, type QuestionPanelDynamicModel, type QuestionSelectBase } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { listLocales } from '../../../surveys/definition.ts'
import { loadSurvey } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { convert, elements, expectUsable, lines, sheet } from './helpers.ts'

const YES_NO = [
  { list_name: 'yn', name: 'yes', label: 'Yes' },
  { list_name: 'yn', name: 'no', label: 'No' },
]

function validate(json: SurveyJson, answers: Record<string, unknown>, locale = 'en') {
  return loadSurvey('t', json).validator.validate(answers, { mode: 'submit', locale })
}

describe('question types', () => {
  it('converts each XLSForm type to the SurveyJS question that stores the same answer', async () => {
    const result = await convert({
      survey: sheet([
        { type: 'text', name: 'name', label: 'Name' },
        { type: 'text', name: 'story', label: 'Story', appearance: 'multiline' },
        { type: 'integer', name: 'members', label: 'Members' },
        { type: 'decimal', name: 'savings', label: 'Savings' },
        { type: 'date', name: 'visit', label: 'Visit' },
        { type: 'time', name: 'at', label: 'At' },
        { type: 'dateTime', name: 'when', label: 'When' },
        { type: 'range', name: 'score', label: 'Score', parameters: 'start=0 end=10 step=1' },
        { type: 'range', name: 'share', label: 'Share', parameters: 'start=0 end=100 step=5' },
        { type: 'acknowledge', name: 'ok', label: 'I agree' },
        { type: 'note', name: 'intro', label: 'Welcome <all>\nof you', hint: 'Read this' },
        { type: 'calculate', name: 'yearly', calculation: '${savings} * 12' },
        { type: 'select_one yn', name: 'member', label: 'Member?' },
        { type: 'select_one yn', name: 'member2', label: 'Member?', appearance: 'minimal' },
        { type: 'select_multiple yn', name: 'both', label: 'Both' },
        { type: 'select_multiple yn', name: 'both2', label: 'Both', appearance: 'autocomplete' },
        { type: 'rank yn', name: 'order', label: 'Order' },
        { type: 'select_one yn', name: 'flow', label: 'Flow', appearance: 'horizontal' },
        { type: 'select_one yn', name: 'cols', label: 'Cols', appearance: 'columns-3' },
      ]),
      choices: sheet(YES_NO),
    })
    const json = expectUsable(result)
    const e = elements(json)
    expect(e.name).toMatchObject({ type: 'text', title: 'Name' })
    expect(e.story).toMatchObject({ type: 'comment' })
    expect(e.members).toMatchObject({
      type: 'text',
      inputType: 'number',
      validators: [{ type: 'regex', regex: '^-?\\d+$', text: 'Enter a whole number.' }],
    })
    expect(e.savings).toEqual({
      type: 'text',
      name: 'savings',
      title: 'Savings',
      inputType: 'number',
    })
    expect(e.visit).toMatchObject({ inputType: 'date' })
    expect(e.at).toMatchObject({ inputType: 'time' })
    expect(e.when).toMatchObject({ inputType: 'datetime-local' })
    expect(e.score).toMatchObject({ type: 'rating', rateMin: 0, rateMax: 10, rateStep: 1 })
    expect(e.share).toMatchObject({ type: 'text', inputType: 'range', min: 0, max: 100, step: 5 })
    expect(e.ok).toMatchObject({ type: 'boolean', renderAs: 'checkbox', valueTrue: 'OK' })
    expect(e.intro).toEqual({
      type: 'html',
      name: 'intro',
      html: '<p>Welcome &lt;all&gt;<br>of you</p>\n<p>Read this</p>',
    })
    expect(json.calculatedValues).toEqual([
      { name: 'yearly', expression: '{savings} * 12', includeIntoResult: true },
    ])
    expect(e.member).toMatchObject({
      type: 'radiogroup',
      choices: [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ],
    })
    expect(e.member2?.type).toBe('dropdown')
    expect(e.both?.type).toBe('checkbox')
    expect(e.both2?.type).toBe('tagbox')
    expect(e.order?.type).toBe('ranking')
    expect(e.flow?.colCount).toBe(0)
    expect(e.cols?.colCount).toBe(3)
    expect(json.showQuestionNumbers).toBe('off')

    // Answers of these types pass Gapkit's validation as the form stores them.
    const answers = {
      name: 'Awa',
      story: 'a\nb',
      members: 12,
      savings: 2500.5,
      visit: '2026-03-01',
      score: 7,
      ok: 'OK',
      member: 'yes',
      both: ['yes', 'no'],
      order: ['no', 'yes'],
    }
    expect(validate(json, answers)).toMatchObject({ ok: true })
    expect(validate(json, { members: 2.5 })).toEqual({
      ok: false,
      errors: [{ question: 'members', message: 'Enter a whole number.' }],
    })
    // The calculation runs in the form and its value is kept with the answers.
    const model = new Model(json)
    model.setValue('savings', 1000)
    expect(model.getVariable('yearly')).toBe(12000)
  })

  it('reads the likert appearance as a rating scale the analysis reads as numbers', async () => {
    const json = expectUsable(
      await convert({
        survey: sheet([
          { type: 'select_one agree', name: 'trust', label: 'Trust', appearance: 'likert' },
        ]),
        choices: sheet(
          [1, 2, 3].map((n) => ({
            list_name: 'agree',
            name: n,
            label: ['Low', 'Mid', 'High'][n - 1],
          })),
        ),
      }),
    )
    expect(elements(json).trust).toEqual({
      type: 'rating',
      name: 'trust',
      title: 'Trust',
      rateValues: [
        { value: '1', text: 'Low' },
        { value: '2', text: 'Mid' },
        { value: '3', text: 'High' },
      ],
    })
    expect(validate(json, { trust: '2' })).toMatchObject({ ok: true })
  })

  it('asks what Gapkit cannot record as a text question that says so', async () => {
    const result = await convert({
      survey: sheet([
        { type: 'geopoint', name: 'gps', label: 'Where', hint: 'At the office' },
        { type: 'image', name: 'photo', label: 'Photo' },
        { type: 'barcode', name: 'code', label: 'Code' },
        { type: 'text', name: 'x', label: 'X' },
      ]),
    })
    const e = elements(expectUsable(result))
    expect(e.gps).toMatchObject({
      type: 'text',
      title: 'Where',
      description: expect.stringMatching(/^Gapkit cannot record a location: .*\nAt the office$/s),
    })
    expect(e.photo).toMatchObject({
      type: 'comment',
      description: expect.stringContaining('photo'),
    })
    expect(e.code).toMatchObject({
      type: 'text',
      description: 'Gapkit cannot scan a code: type it.',
    })
    expect(lines(result.problems)).toEqual([
      'warning survey 2 type: Gapkit cannot record "geopoint" answers: asked as a text question that says so',
      'warning survey 3 type: Gapkit cannot record "image" answers: asked as a comment question that says so',
      'warning survey 4 type: Gapkit cannot record "barcode" answers: asked as a text question that says so',
    ])
  })
})

describe('skip logic, constraints, requirements and defaults', () => {
  const survey = sheet([
    { type: 'select_one yn', name: 'member', label: 'Member?', required: 'yes' },
    {
      type: 'integer',
      name: 'years',
      label: 'Years a member',
      relevant: "${member} = 'yes'",
      required: 'true()',
      required_message: 'Say how many years',
      constraint: '. >= 0 and . <= 60',
      constraint_message: 'Between 0 and 60',
    },
    { type: 'text', name: 'phone', label: 'Phone', constraint: "regex(., '^[0-9]{8}$')" },
    { type: 'text', name: 'why', label: 'Why', required: "${member} = 'no'" },
    { type: 'integer', name: 'n', label: 'N', default: 3, read_only: 'yes' },
    { type: 'select_multiple yn', name: 'pick', label: 'Pick', default: 'yes no' },
    { type: 'date', name: 'd', label: 'D', default: 'today()' },
    {
      type: 'text',
      name: 'hello',
      label: 'Hello ${why}, ${years} years',
      hint: 'Member: ${member}',
    },
  ])

  it('translates them and the server applies them as the XLSForm says', async () => {
    const json = expectUsable(await convert({ survey, choices: sheet(YES_NO) }))
    const e = elements(json)
    expect(e.years).toMatchObject({
      visibleIf: "{member} = 'yes'",
      isRequired: true,
      requiredErrorText: 'Say how many years',
      validators: [
        { type: 'regex' },
        {
          type: 'expression',
          expression: '{years} empty or ({years} >= 0 and {years} <= 60)',
          text: 'Between 0 and 60',
        },
      ],
    })
    expect(e.phone).toMatchObject({ validators: [{ type: 'regex', regex: '^[0-9]{8}$' }] })
    expect(e.why).toMatchObject({ requiredIf: "{member} = 'no'" })
    expect(e.n).toMatchObject({ defaultValue: 3, readOnly: true })
    expect(e.pick).toMatchObject({ defaultValue: ['yes', 'no'] })
    expect(e.d).toMatchObject({ defaultValueExpression: expect.stringContaining('day(today())') })
    expect(e.hello).toMatchObject({
      title: 'Hello {why}, {years} years',
      description: 'Member: {member}',
    })

    const problems = (answers: Record<string, unknown>) => {
      const result = validate(json, answers)
      return result.ok ? [] : result.errors
    }
    expect(problems({ member: 'yes', years: 61 })).toEqual([
      { question: 'years', message: 'Between 0 and 60' },
    ])
    expect(problems({ member: 'yes' })).toEqual([
      { question: 'years', message: 'Say how many years' },
    ])
    expect(problems({ member: 'no', years: 3, why: 'x' })).toEqual([
      {
        question: 'years',
        message: 'This question is not shown for these answers: remove its answer.',
      },
    ])
    expect(problems({ member: 'no' })).toEqual([{ question: 'why', message: 'Response required.' }])
    expect(problems({ member: 'yes', years: 4, phone: '1234' })).toEqual([
      { question: 'phone', message: expect.any(String) },
    ])
    expect(problems({ member: 'yes', years: 4, phone: '76123456' })).toEqual([])
  })
})

describe('choices', () => {
  it('adds "other" and its own "specify" question for or_other, as pyxform does', async () => {
    const json = expectUsable(
      await convert({
        survey: sheet([
          { type: 'select_one crop or_other', name: 'crop', label: 'Crop' },
          { type: 'select_multiple crop or_other', name: 'crops', label: 'Crops' },
        ]),
        choices: sheet([{ list_name: 'crop', name: 'maize', label: 'Maize' }]),
      }),
    )
    const e = elements(json)
    expect(e.crop?.choices).toEqual([
      { value: 'maize', text: 'Maize' },
      { value: 'other', text: 'Other' },
    ])
    expect(e.crop_other).toEqual({
      type: 'text',
      name: 'crop_other',
      title: 'Specify other.',
      visibleIf: "{crop} = 'other'",
    })
    expect(e.crops_other?.visibleIf).toBe("{crops} contains 'other'")
    expect(validate(json, { crop: 'other', crop_other: 'sorghum' })).toMatchObject({ ok: true })
    expect(validate(json, { crop: 'maize', crop_other: 'sorghum' })).toMatchObject({ ok: false })
  })

  it('turns choice_filter into choicesVisibleIf, on the choice name or on other columns', async () => {
    const json = expectUsable(
      await convert({
        survey: sheet([
          { type: 'select_one region', name: 'zone', label: 'Region' },
          {
            type: 'select_one cercle',
            name: 'cercle',
            label: 'Cercle',
            choice_filter: 'region = ${zone}',
          },
          { type: 'select_multiple crop', name: 'grown', label: 'Grown' },
          {
            type: 'select_one crop',
            name: 'main',
            label: 'Main crop',
            choice_filter: 'selected(${grown}, name)',
          },
        ]),
        choices: sheet([
          { list_name: 'region', name: 'segou', label: 'Ségou' },
          { list_name: 'region', name: 'sikasso', label: 'Sikasso' },
          { list_name: 'cercle', name: 'niono', label: 'Niono', region: 'segou' },
          { list_name: 'cercle', name: 'san', label: 'San', region: 'segou' },
          { list_name: 'cercle', name: 'koutiala', label: 'Koutiala', region: 'sikasso' },
          { list_name: 'crop', name: 'millet', label: 'Millet' },
          { list_name: 'crop', name: 'cotton', label: 'Cotton' },
        ]),
      }),
    )
    const e = elements(json)
    expect(e.cercle?.choicesVisibleIf).toBe(
      "({item} anyof ['niono', 'san'] and ('segou' = {zone})) or ({item} anyof ['koutiala'] and ('sikasso' = {zone}))",
    )
    expect(e.main?.choicesVisibleIf).toBe('{grown} contains {item}')
    const model = new Model(json)
    const visible = (name: string) =>
      (model.getQuestionByName(name) as QuestionSelectBase).visibleChoices.map((c) => c.value)
    model.setValue('zone', 'segou')
    expect(visible('cercle')).toEqual(['niono', 'san'])
    model.setValue('zone', 'sikasso')
    expect(visible('cercle')).toEqual(['koutiala'])
    model.setValue('grown', ['cotton'])
    expect(visible('main')).toEqual(['cotton'])
    // The server refuses a choice the filter hides.
    expect(validate(json, { zone: 'sikasso', cercle: 'san' })).toMatchObject({ ok: false })
    expect(validate(json, { zone: 'segou', cercle: 'san' })).toMatchObject({ ok: true })
  })

  it('reads select_one_from_file from a CSV beside the workbook', async () => {
    const files: Record<string, string> = {
      'villages.csv':
        'name,label,cercle\r\nv1,"Dioro, centre",segou\nv2,Markala,segou\nv3,"Say ""yes""",san\n',
      'codes.csv': 'code,title\nA1,First\n',
    }
    const result = await convert(
      {
        survey: sheet([
          { type: 'select_one cercle', name: 'cercle', label: 'Cercle' },
          {
            type: 'select_one_from_file villages.csv',
            name: 'village',
            label: 'Village',
            choice_filter: 'cercle = ${cercle}',
          },
          {
            type: 'select_one_from_file codes.csv',
            name: 'code',
            label: 'Code',
            parameters: 'value=code label=title',
          },
        ]),
        choices: sheet([
          { list_name: 'cercle', name: 'segou', label: 'Ségou' },
          { list_name: 'cercle', name: 'san', label: 'San' },
        ]),
      },
      { readFile: (name) => files[name] },
    )
    const e = elements(expectUsable(result))
    expect(e.village?.choices).toEqual([
      { value: 'v1', text: 'Dioro, centre' },
      { value: 'v2', text: 'Markala' },
      { value: 'v3', text: 'Say "yes"' },
    ])
    expect(e.village?.choicesVisibleIf).toBe(
      "({item} anyof ['v1', 'v2'] and ('segou' = {cercle})) or ({item} anyof ['v3'] and ('san' = {cercle}))",
    )
    expect(e.code?.choices).toEqual([{ value: 'A1', text: 'First' }])

    const missing = await convert({
      survey: sheet([{ type: 'select_one_from_file nowhere.csv', name: 'v', label: 'V' }]),
    })
    expect(missing.usable).toBe(false)
    expect(lines(missing.problems)).toEqual([
      'error survey 2 type: the file nowhere.csv is not beside the workbook',
    ])
  })
})

describe('groups, repeats and pages', () => {
  it('makes a group a panel, a field-list group a page and a repeat a dynamic panel', async () => {
    const json = expectUsable(
      await convert({
        survey: sheet([
          { type: 'text', name: 'coop', label: 'Cooperative' },
          { type: 'begin group', name: 'profile', label: 'Profile', appearance: 'field-list' },
          { type: 'integer', name: 'age', label: 'Age' },
          { type: 'begin group', name: 'family', label: 'Family', relevant: '${age} > 17' },
          { type: 'integer', name: 'children', label: 'Children' },
          { type: 'end group' },
          { type: 'end group', name: 'profile' },
          { type: 'integer', name: 'n_loans', label: 'Loans' },
          { type: 'begin repeat', name: 'loan', label: 'Loan', repeat_count: '${n_loans}' },
          { type: 'decimal', name: 'amount', label: 'Amount', constraint: '. > 0' },
          { type: 'select_one yn', name: 'repaid', label: 'Repaid' },
          { type: 'text', name: 'why_late', label: 'Why late', relevant: "${repaid} = 'no'" },
          { type: 'end repeat' },
          { type: 'begin repeat', name: 'visit', label: 'Visit', repeat_count: 2 },
          { type: 'date', name: 'on', label: 'On' },
          { type: 'end repeat' },
          { type: 'begin_repeat', name: 'helper', label: 'Helper' },
          { type: 'text', name: 'who', label: 'Who' },
          { type: 'end_repeat' },
          { type: 'calculate', name: 'total', calculation: 'sum(${amount})' },
        ]),
        choices: sheet(YES_NO),
      }),
    )
    const pages = json.pages as { name: string; elements: { name: string }[] }[]
    expect(pages.map((p) => [p.name, p.elements.map((el) => el.name)])).toEqual([
      ['page1', ['coop']],
      ['profile', ['age', 'family']],
      ['page3', ['n_loans', 'loan', 'visit', 'helper']],
    ])
    expect(pages[1]).toMatchObject({ title: 'Profile' })
    const e = elements(json)
    expect(e.family).toMatchObject({ type: 'panel', visibleIf: '{age} > 17' })
    expect(e.loan).toMatchObject({
      type: 'paneldynamic',
      bindings: { panelCount: 'n_loans' },
      allowAddPanel: false,
    })
    expect(e.amount?.validators).toEqual([
      { type: 'expression', expression: '{panel.amount} empty or ({panel.amount} > 0)' },
    ])
    expect(e.why_late?.visibleIf).toBe("{panel.repaid} = 'no'")
    expect(e.visit).toMatchObject({ panelCount: 2, minPanelCount: 2, maxPanelCount: 2 })
    expect(e.helper).toMatchObject({ panelCount: 1 })
    expect(json.calculatedValues).toEqual([
      { name: 'total', expression: "sumInArray({loan}, 'amount')", includeIntoResult: true },
    ])

    const model = new Model(json)
    model.setValue('n_loans', 2)
    const loan = model.getQuestionByName('loan') as QuestionPanelDynamicModel
    expect(loan.panelCount).toBe(2)
    loan.value = [{ amount: 100, repaid: 'no' }, { amount: 50 }]
    expect(loan.panels[0]?.getQuestionByName('why_late')?.isVisible).toBe(true)
    expect(loan.panels[1]?.getQuestionByName('why_late')?.isVisible).toBe(false)
    expect(model.getVariable('total')).toBe(150)

    const result = validate(json, {
      n_loans: 2,
      loan: [{ amount: -1, repaid: 'yes', why_late: 'x' }, { amount: 5 }],
    })
    expect(result.ok ? [] : result.errors.map((x) => x.question).sort()).toEqual([
      'loan.0.amount',
      'loan.0.why_late',
    ])
  })

  it('counts a repeat with a calculate through a hidden expression question (a binding reads answers only)', async () => {
    const json = expectUsable(
      await convert({
        survey: sheet([
          { type: 'integer', name: 'adults', label: 'Adults' },
          { type: 'integer', name: 'children', label: 'Children' },
          { type: 'calculate', name: 'people', calculation: '${adults} + ${children}' },
          { type: 'text', name: 'person_count', label: 'A name the counter must not take' },
          { type: 'begin repeat', name: 'person', label: 'Person', repeat_count: '${people}' },
          { type: 'text', name: 'who', label: 'Who' },
          { type: 'end repeat' },
        ]),
      }),
    )
    const e = elements(json)
    expect(e.person_count_2).toEqual({
      type: 'expression',
      name: 'person_count_2',
      expression: '{people}',
      visible: false,
    })
    expect(e.person).toMatchObject({ panelCount: 0, bindings: { panelCount: 'person_count_2' } })
    const model = new Model(json)
    model.setValue('adults', 2)
    model.setValue('children', 1)
    expect((model.getQuestionByName('person') as QuestionPanelDynamicModel).panelCount).toBe(3)
    // The hidden counter is not part of a submission, which the server accepts.
    const result = validate(json, {
      adults: 2,
      children: 1,
      people: 3,
      person: [{ who: 'a' }, { who: 'b' }, { who: 'c' }],
    })
    expect(result).toMatchObject({ ok: true })
  })

  it('puts every top-level group and question on a page of its own with the pages style', async () => {
    const json = expectUsable(
      await convert({
        survey: sheet([
          { type: 'text', name: 'a', label: 'A' },
          { type: 'begin group', name: 'g', label: 'G' },
          { type: 'text', name: 'b', label: 'B' },
          { type: 'end group' },
        ]),
        settings: sheet([{ form_title: 'Paged', style: 'pages' }]),
      }),
    )
    expect((json.pages as { name: string }[]).map((p) => p.name)).toEqual(['page1', 'g'])
    expect(json.title).toBe('Paged')
  })
})

describe('languages and settings', () => {
  it('reads "Name (code)", bare codes and language names, English as the default text', async () => {
    const result = await convert({
      survey: sheet([
        {
          type: 'decimal',
          name: 'q',
          'label::English (en)': 'Savings',
          'label::Français (fr)': 'Épargne',
          'label::it': 'Risparmio',
          'label::Romanian': 'Economii',
          'label::Klingon': 'Huch',
          'hint::English (en)': 'In CFA francs',
          'hint::Français (fr)': 'En francs CFA',
          'constraint_message::English (en)': 'Too much',
          'constraint_message::Français (fr)': 'Trop',
          constraint: '. < 1000000',
        },
      ]),
      settings: sheet([
        {
          form_title: 'Savings',
          form_id: 'Savings_Survey',
          version: '2026031201',
          default_language: 'English (en)',
        },
      ]),
    })
    const json = expectUsable(result)
    expect(result.id).toBe('savings-survey')
    expect(elements(json).q).toMatchObject({
      title: { default: 'Savings', fr: 'Épargne', it: 'Risparmio', ro: 'Economii' },
      description: { default: 'In CFA francs', fr: 'En francs CFA' },
      validators: [{ text: { default: 'Too much', fr: 'Trop' } }],
    })
    expect(listLocales(json)).toEqual(['en', 'fr', 'it', 'ro'])
    expect(lines(result.problems)).toEqual([
      'warning survey 1 label::Klingon: "Klingon" names no language code: write it as "Name (code)", e.g. "Bambara (bm)"; its texts are left out',
    ])
    expect(result.summary.locales).toEqual(['en', 'fr', 'it', 'ro'])
    expect(json.gapkit).toMatchObject({
      import: {
        format: 'xlsform',
        file: 'test.xlsx',
        formId: 'Savings_Survey',
        formVersion: '2026031201',
      },
    })
    expect(validate(json, { q: 2000000 }, 'fr')).toEqual({
      ok: false,
      errors: [{ question: 'q', message: 'Trop' }],
    })
  })

  it('keeps a form without English whole, its default language also under its own code', async () => {
    const result = await convert({
      survey: sheet([
        { type: 'text', name: 'q', 'label::French (fr)': 'Épargne', 'label::Bambara (bm)': 'Mɔgɔ' },
      ]),
      settings: sheet([{ default_language: 'French (fr)' }]),
    })
    const json = expectUsable(result)
    expect(elements(json).q?.title).toEqual({ default: 'Épargne', fr: 'Épargne', bm: 'Mɔgɔ' })
    // It opens in French, and offers no English it does not have.
    expect(json.locale).toBe('fr')
    expect(listLocales(json)).toEqual(['fr', 'bm'])
    expect(result.summary.locales).toEqual(['fr', 'bm'])
    expect(lines(result.problems)).toEqual([
      'warning settings - default_language: the form has no English texts: its "fr" texts are also the default ones, and it opens in "fr" when the browser asks for none of its languages',
    ])
  })

  it('opens in default_language when the form has English too', async () => {
    const result = await convert({
      survey: sheet([
        {
          type: 'text',
          name: 'q',
          'label::English (en)': 'Savings',
          'label::French (fr)': 'Épargne',
        },
      ]),
      settings: sheet([{ default_language: 'French (fr)' }]),
    })
    const json = expectUsable(result)
    expect(elements(json).q?.title).toEqual({ default: 'Savings', fr: 'Épargne' })
    expect(json.locale).toBe('fr')
    expect(listLocales(json)).toEqual(['fr', 'en'])
    expect(lines(result.problems)).toEqual([])
    // survey-core opens the model in French too.
    expect(new Model(json).locale).toBe('fr')
  })

  it('writes no locale for English or a default_language the form does not have', async () => {
    for (const declared of ['English (en)', 'Italian (it)', undefined]) {
      const result = await convert({
        survey: sheet([
          {
            type: 'text',
            name: 'q',
            'label::English (en)': 'Savings',
            'label::French (fr)': 'Épargne',
          },
        ]),
        settings: sheet([declared ? { default_language: declared } : { form_title: 'T' }]),
      })
      const json = expectUsable(result)
      expect(json.locale, declared).toBeUndefined()
      expect(listLocales(json), declared).toEqual(['en', 'fr'])
    }
  })
})
