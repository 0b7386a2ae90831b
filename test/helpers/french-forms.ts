import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { SurveyJson } from '../../surveys/types.ts'
import { convertXlsForm } from '../../surveys/xlsform/index.ts'
import { type CellInput, writeWorkbook } from '../../surveys/xlsform/write.ts'
import { FIXTURES } from './test-app.ts'

function sheet(rows: Record<string, CellInput>[]): CellInput[][] {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  return [headers, ...rows.map((r) => headers.map((h) => r[h]))]
}

/**
 * An XLSForm in French and Bambara, with no English, whose settings say `default_language`
 * French: two pages, so SurveyJS shows Next, then Complete.
 */
export async function frenchXlsForm(): Promise<SurveyJson> {
  const workbook = await writeWorkbook({
    survey: sheet([
      {
        type: 'text',
        name: 'nom',
        'label::Français (fr)': 'Nom de la coopérative',
        'label::Bambara (bm)': 'Tɔnba tɔgɔ',
      },
      {
        type: 'integer',
        name: 'membres',
        'label::Français (fr)': 'Nombre de membres',
        'label::Bambara (bm)': 'Tɔndenw hakɛ',
      },
    ]),
    settings: sheet([{ form_title: 'Épargne', default_language: 'Français (fr)', style: 'pages' }]),
  })
  const result = await convertXlsForm(workbook, { fileName: 'epargne.xlsx' })
  if (!result.usable) throw new Error(JSON.stringify(result.problems))
  return result.json
}

/** The example questionnaire (English and French), opening in French by default. */
export function exampleInFrench(): SurveyJson {
  const json = JSON.parse(
    readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'),
  ) as SurveyJson
  return { ...json, locale: 'fr' }
}
