/** The settings sheet: title, form id, version, default language and the page style. */
import { reportUnread } from './cells.ts'
import type { ProblemList } from './report.ts'
import { RowReader } from './row-reader.ts'
import type { Sheet } from './workbook.ts'

export interface FormSettings {
  title?: string
  formId?: string
  version?: string
  defaultLanguage?: string
  /** `style` holds `pages`: every top-level group and question is a page. */
  pages: boolean
  allowChoiceDuplicates: boolean
}

const NOT_USED: Record<string, string> = {
  instance_name: 'Gapkit names each response by its id: not used',
  public_key: 'Gapkit does not encrypt single responses: not used',
  submission_url: 'responses are sent to the Gapkit server: not used',
  auto_send: 'the form sends responses itself: not used',
  auto_delete: 'not used',
}

/** Reads the first row under the settings sheet's header. */
export function readSettings(sheet: Sheet | undefined, problems: ProblemList): FormSettings {
  const source = sheet?.rows[0]
  if (!sheet || !source) return { pages: false, allowChoiceDuplicates: false }
  const reader = new RowReader(sheet.name, source)
  const style = (reader.text('style') ?? '').toLowerCase().split(/\s+/)
  const settings: FormSettings = {
    title: reader.text('form_title'),
    formId: reader.text('form_id'),
    version: reader.text('version'),
    defaultLanguage: reader.text('default_language'),
    pages: style.includes('pages'),
    allowChoiceDuplicates: /^(yes|true)$/i.test(reader.text('allow_choice_duplicates') ?? ''),
  }
  for (const word of style.filter((w) => w && w !== 'pages')) {
    problems.warning(reader.place('style', word), `the style "${word}" is not supported: ignored`)
  }
  for (const [column, reason] of Object.entries(NOT_USED)) {
    if (reader.text(column)) problems.warning(reader.place(column), reason)
  }
  reportUnread(reader, problems)
  for (const extra of sheet.rows.slice(1)) {
    problems.warning(
      { sheet: sheet.name, row: extra.row, column: null, text: '' },
      'only the first row of settings is read: ignored',
    )
  }
  return settings
}
