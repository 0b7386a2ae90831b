import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exampleSheets } from '../../../scripts/make-example-xlsform.ts'
import { listLocales } from '../../../surveys/definition.ts'
import { convertXlsForm } from '../../../surveys/xlsform/index.ts'
import { writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { elements, expectUsable } from './helpers.ts'

const EXAMPLE = path.join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'surveys',
  'examples',
  'savings-group-gaps.xlsx',
)

describe('the example workbook', () => {
  it('converts whole, and is the workbook its script writes', async () => {
    const options = { fileName: 'savings-group-gaps.xlsx' }
    const committed = await convertXlsForm(fs.readFileSync(EXAMPLE), options)
    expect(committed.problems).toEqual([])
    const json = expectUsable(committed)
    const fresh = await convertXlsForm(await writeWorkbook(exampleSheets()), options)
    expect(fresh.json).toEqual(json)

    expect(committed.id).toBe('savings-group-gaps')
    expect(listLocales(json)).toEqual(['en', 'fr'])
    const gapkit = json.gapkit as { dimensions: { id: string }[]; groupBy: string[] }
    expect(gapkit.dimensions.map((d) => d.id)).toEqual([
      'records',
      'access',
      'education',
      'digital',
      'governance',
    ])
    expect(gapkit.groupBy).toEqual(['mali_region', 'role', 'gender'])
    const e = elements(json)
    expect(e.cercle?.choicesVisibleIf).toMatch(/^\(\{item\} anyof \['commune_1', /)
    expect(e.loan).toMatchObject({ type: 'paneldynamic', bindings: { panelCount: 'loan_count' } })
    expect(e.records_now?.type).toBe('rating')
  })
})
