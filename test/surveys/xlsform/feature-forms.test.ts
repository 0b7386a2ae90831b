import fs from 'node:fs'
import { Model } from 'survey-core'
import { afterAll, describe, expect, it } from 'vitest'
import { convertXlsForm } from '../../../surveys/xlsform/index.ts'
import { FEATURE_FORMS, writeFeatureForm } from './feature-forms.ts'
import { expectUsable, lines, tempDir } from './helpers.ts'

const dir = tempDir('gapkit-feature-forms-')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// The workbooks the browser tests fill in (test/browser/xlsform-*.test.ts): here, that they
// cover every feature and convert with nothing left out.
describe('the feature workbooks', () => {
  it('use every sheet, type, column and setting the converter supports', () => {
    const types = new Set<string>()
    const columns = new Set<string>()
    const settings = new Set<string>()
    const appearances = new Set<string>()
    const withOther = new Set<string>()
    for (const form of FEATURE_FORMS) {
      const [header = [], ...rows] = form.sheets.survey ?? []
      const at = (column: string) => header.indexOf(column)
      for (const row of rows) {
        const type = String(row[at('type')])
        types.add(type.replace(/ .*/, ''))
        if (type.endsWith(' or_other')) withOther.add(type.replace(/ .*/, ''))
        if (row[at('appearance')]) appearances.add(String(row[at('appearance')]))
      }
      for (const h of header) columns.add(String(h).replace(/::.*/, '::'))
      const [settingsHeader = []] = form.sheets.settings ?? []
      for (const h of settingsHeader) settings.add(String(h))
    }
    expect([...types].sort()).toEqual(
      [
        'acknowledge',
        'begin',
        'calculate',
        'date',
        'datetime',
        'decimal',
        'end',
        'integer',
        'note',
        'range',
        'rank',
        'select_multiple',
        'select_one',
        'select_one_from_file',
        'text',
        'time',
      ].sort(),
    )
    for (const column of [
      'relevant',
      'constraint',
      'constraint_message',
      'constraint_message::',
      'required',
      'required_message',
      'required_message::',
      'default',
      'hint',
      'hint::',
      'label::',
      'appearance',
      'choice_filter',
      'calculation',
      'repeat_count',
      'parameters',
    ]) {
      expect(columns).toContain(column)
    }
    expect([...settings].sort()).toEqual(['default_language', 'form_id', 'form_title', 'version'])
    expect([...appearances].sort()).toEqual(['field-list', 'likert'])
    expect([...withOther].sort()).toEqual(['select_multiple', 'select_one'])
  })

  for (const form of FEATURE_FORMS) {
    it(`${form.fileName} converts with nothing left out and loads in survey-core`, async () => {
      const { bytes, readFile } = await writeFeatureForm(form, dir)
      const result = await convertXlsForm(bytes, { fileName: form.fileName, readFile })
      expect(lines(result.problems)).toEqual([])
      const json = expectUsable(result)
      expect(result.id).toBe(form.id)
      expect(new Model(json).jsonErrors).toBeFalsy()
    })
  }
})
