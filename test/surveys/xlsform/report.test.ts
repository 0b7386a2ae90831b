// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import { describe, expect, it } from 'vitest'
import { convertXlsForm, formatProblem } from '../../../surveys/xlsform/index.ts'
import { convert, elements, expectUsable, lines, sheet } from './helpers.ts'

describe('what cannot be converted', () => {
  it('is listed by sheet, row and column, and kept in gapkit.import', async () => {
    const result = await convert({
      survey: sheet([
        { type: 'start', name: 'start' },
        { type: 'deviceid', name: 'device' },
        { type: 'text', name: 'name', label: 'Name', 'media::image': 'logo.png' },
        {
          type: 'integer',
          name: 'price',
          label: 'Price',
          relevant: "pulldata('prices', 'price', 'item', ${name}) > 0",
          appearance: 'thousands-sep',
          trigger: '${name}',
        },
        { type: 'geotrace', name: 'route', label: 'Route' },
        {
          type: 'select_one yn',
          name: 'ok',
          label: 'OK?',
          choice_filter: 'starts-with(name, "y")',
        },
        { type: 'text', name: 'late', label: 'Late', relevant: '${start} > 0' },
        { type: 'hidden', name: 'h' },
        { type: 'begin_kobomatrix', name: 'm', label: 'Matrix' },
        { label: 'a row without type' },
        { type: 'calculate', name: 'c', calculation: "concat(${name}, '!')" },
        { type: 'text', name: 'piped', label: 'Hello ${nobody}' },
        { type: 'integer', name: 'n', label: 'N', constraint: '. > ../limit' },
        { type: 'text', name: 'g', label: 'G', guidance_hint: 'Ask slowly' },
      ]),
      choices: sheet([
        { list_name: 'yn', name: 'yes', label: 'Yes', 'media::image': 'yes.png' },
        { list_name: 'yn', name: 'no', label: 'No' },
      ]),
      settings: sheet([{ form_title: 'T', instance_name: 'concat(${name})', style: 'theme-grid' }]),
      notes: sheet([{ anything: 'x' }]),
    })
    const json = expectUsable(result)
    expect(lines(result.problems)).toEqual([
      'warning survey 2 type: "start" is metadata Gapkit does not collect as a question (each response records its own created_at and submitted_at): left out',
      'warning survey 3 type: "deviceid" is metadata Gapkit does not collect as a question (each response records its own created_at and submitted_at): left out',
      'warning survey 4 media::image: this column is not converted: ignored',
      'warning survey 5 relevant: the function pulldata() has no SurveyJS equivalent; the question is always shown',
      'warning survey 5 appearance: the appearance "thousands-sep" has no equivalent in Gapkit\'s form: ignored',
      'warning survey 5 trigger: this column is not converted: ignored',
      'warning survey 6 type: Gapkit cannot record "geotrace" answers: asked as a text question that says so',
      'warning survey 7 choice_filter: the function starts-with() has no SurveyJS equivalent; every choice is shown',
      'warning survey 8 relevant: ${start} is metadata Gapkit does not collect; the question is always shown',
      'warning survey 9 type: a hidden field has no SurveyJS equivalent in Gapkit; no question was made',
      'warning survey 10 type: the type "begin_kobomatrix" is unknown: the row is left out',
      'warning survey 11 -: the row has no type: left out',
      'warning survey 12 calculation: the function concat() has no SurveyJS equivalent; the value is not calculated',
      'warning survey 13 label: ${nobody} names no question of the form; left as written',
      'warning survey 14 constraint: the path "../limit" is not supported: name questions as ${name}; the answer is not checked',
      'warning survey 15 guidance_hint: guidance hints are not shown: left out',
      'warning choices 2 media::image: images and sounds of choices are not carried over',
      'warning settings 2 style: the style "theme-grid" is not supported: ignored',
      'warning settings 2 instance_name: Gapkit names each response by its id: not used',
      'warning notes - -: not an XLSForm sheet: not read',
    ])
    const price = result.problems.find((p) => p.row === 5 && p.column === 'relevant')
    expect(price).toEqual({
      severity: 'warning',
      sheet: 'survey',
      row: 5,
      column: 'relevant',
      text: "pulldata('prices', 'price', 'item', ${name}) > 0",
      reason: 'the function pulldata() has no SurveyJS equivalent; the question is always shown',
    })
    expect(price && formatProblem(price)).toBe(
      "not converted: survey row 5, relevant: pulldata('prices', 'price', 'item', ${name}) > 0 — the function pulldata() has no SurveyJS equivalent; the question is always shown",
    )
    expect((json.gapkit as { import: unknown }).import).toEqual({
      format: 'xlsform',
      file: 'test.xlsx',
      notConverted: result.problems,
      // Where each answer sits in the XForm, for Kobo-style export headers: no groups here.
      xmlPaths: ['name', 'price', 'route', 'ok', 'late', 'c', 'piped', 'n', 'g'],
    })
    // What was left out is not in the questionnaire; the rest is, as written.
    const e = elements(json)
    expect(Object.keys(e).sort()).toEqual([
      'g',
      'late',
      'n',
      'name',
      'ok',
      'piped',
      'price',
      'route',
    ])
    expect(e.piped?.title).toBe('Hello ${nobody}')
    expect(e.late?.visibleIf).toBeUndefined()
    expect(json.calculatedValues).toEqual([
      { name: 'c', expression: "''", includeIntoResult: true },
    ])
  })

  it('refuses a workbook the questionnaire cannot be made of, with errors by row', async () => {
    const result = await convert({
      survey: sheet([
        { type: 'text', name: 'a', label: 'A' },
        { type: 'text', name: 'a', label: 'A again' },
        { type: 'text', label: 'No name' },
        { type: 'text', name: 'bad name', label: 'Spaces' },
        { type: 'text', name: 'dotted.name', label: 'Dot' },
        { type: 'select_one nolist', name: 'b', label: 'B' },
        { type: 'end group' },
        { type: 'begin repeat', name: 'r', label: 'R' },
        { type: 'end group' },
        { type: 'begin group', name: 'g', label: 'G' },
      ]),
      choices: sheet([
        { list_name: 'l', name: 'x', label: 'X' },
        { list_name: 'l', name: 'x', label: 'X again' },
        { list_name: 'l', label: 'nameless' },
      ]),
    })
    expect(result.usable).toBe(false)
    expect(lines(result.problems)).toEqual([
      'error survey 3 name: the name "a" is already used on row 2: names must be unique in the form',
      'error survey 4 type: the row has no name',
      'error survey 5 name: a name starts with a letter or "_" and holds only letters, digits, "_" and "-" (SurveyJS reads "." in a name as a path)',
      'error survey 6 name: a name starts with a letter or "_" and holds only letters, digits, "_" and "-" (SurveyJS reads "." in a name as a path)',
      'error survey 7 type: the choices sheet has no list "nolist"',
      'error survey 8 type: "end group" without a "begin group" before it',
      'error survey 10 type: "end group" closes "r", which is a repeat',
      'error survey 11 type: "g" is never closed: add an "end group" row',
      'error choices 3 name: the choice "x" is already in this list (row 2)',
      'error choices 4 list_name: the choice has no name',
    ])
  })

  it('warns that a question named region cannot be read by expressions (the form reads the link’s region)', async () => {
    const result = await convert({
      survey: sheet([
        { type: 'select_one r', name: 'region', label: 'Region' },
        {
          type: 'text',
          name: 'district',
          label: 'District in ${region}',
          relevant: "${region} = 'n'",
        },
      ]),
      choices: sheet([{ list_name: 'r', name: 'n', label: 'North' }]),
    })
    const e = elements(expectUsable(result))
    expect(e.region?.type).toBe('radiogroup')
    expect(e.district?.visibleIf).toBeUndefined()
    const variable = "Gapkit's variable for the partner link's region"
    expect(lines(result.problems)).toEqual([
      `warning survey 2 name: "region" is also ${variable}: expressions and texts cannot read this question (rename it, e.g. "region_name", to use it in them)`,
      `warning survey 3 label: \${region} reads ${variable}, not this question: rename the question; left as written`,
      `warning survey 3 relevant: \${region} reads ${variable}, not this question: rename the question; the question is always shown`,
    ])
  })

  it('says so when the bytes are not an XLSForm workbook', async () => {
    const notXlsx = await convertXlsForm(new TextEncoder().encode('name,label\n'), {
      fileName: 'form.csv',
    })
    expect(notXlsx.usable).toBe(false)
    expect(notXlsx.problems[0]?.reason).toMatch(/^not an XLSX workbook/)
    const noSurvey = await convert({
      Sheet1: [
        ['type', 'name'],
        ['text', 'a'],
      ],
    })
    expect(lines(noSurvey.problems)).toEqual([
      'error  - -: the workbook has no "survey" sheet (its sheets: "Sheet1"): it is not an XLSForm',
    ])
    const empty = await convert({ survey: sheet([{ type: 'start', name: 'start' }]) })
    expect(empty.usable).toBe(false)
    expect(lines(empty.problems)[0]).toBe(
      'error  - -: the converted questionnaire: it has no questions',
    )
  })
})
