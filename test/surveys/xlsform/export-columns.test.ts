// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import { describe, expect, it } from 'vitest'
import { listAnswerColumns } from '../../../server/exports/columns.ts'
import { convert, expectUsable, sheet } from './helpers.ts'

// The column names Gapkit's flat exports (CSV, XLSX) give a converted form, against those of
// KoboToolbox's export of the same form with "XML values and headers". Kobo's API exports
// default to group names in the headers, joined by "/" (`profile/age`), and to both the
// answer and one 0/1 column per option of a select_multiple (`crops/maize`); its export
// page can leave the groups out (`age`). pyxform's `or_other` text is `crop_other`.

const FORM = {
  survey: sheet([
    { type: 'text', name: 'coop', label: 'Cooperative' },
    { type: 'note', name: 'intro', label: 'Welcome' },
    { type: 'begin group', name: 'profile', label: 'Profile' },
    { type: 'integer', name: 'age', label: 'Age' },
    { type: 'select_one yn', name: 'member', label: 'Member' },
    { type: 'end group' },
    { type: 'select_multiple crop or_other', name: 'crops', label: 'Crops' },
    { type: 'begin repeat', name: 'loan', label: 'Loan' },
    { type: 'decimal', name: 'amount', label: 'Amount' },
    { type: 'end repeat' },
    { type: 'calculate', name: 'total', calculation: 'sum(${amount})' },
  ]),
  choices: sheet([
    { list_name: 'yn', name: 'yes', label: 'Yes' },
    { list_name: 'yn', name: 'no', label: 'No' },
    { list_name: 'crop', name: 'maize', label: 'Maize' },
    { list_name: 'crop', name: 'millet', label: 'Millet' },
  ]),
}

/** Kobo's main sheet for FORM, groups in headers (its API default); repeats go to a sheet of their own. */
const KOBO_WITH_GROUPS = [
  'coop',
  'profile/age',
  'profile/member',
  'crops',
  'crops/maize',
  'crops/millet',
  'crops/other',
  'crops_other',
  'total',
]

describe('export columns of a converted form and Kobo’s', () => {
  it('match for questions outside groups and for or_other, and differ where the exporter names otherwise', async () => {
    const json = expectUsable(await convert(FORM))
    const gapkit = listAnswerColumns(json).map((c) => c.name)
    expect(gapkit).toEqual([
      'coop',
      'age',
      'member',
      'crops',
      'crops.maize',
      'crops.millet',
      'crops.other',
      'crops_other',
      'loan',
    ])
    const same = gapkit.filter((name) => KOBO_WITH_GROUPS.includes(name))
    expect(same).toEqual(['coop', 'crops', 'crops_other'])
    // Kobo's export page without groups in the headers names group questions as Gapkit does.
    const koboWithoutGroups = KOBO_WITH_GROUPS.map((name) => name.replace(/^profile\//, ''))
    expect(gapkit.filter((name) => koboWithoutGroups.includes(name))).toEqual([
      'coop',
      'age',
      'member',
      'crops',
      'crops_other',
    ])
    // What differs, and why: the option columns are `q.option` in Gapkit, `q/option` in Kobo;
    // a repeat is one JSON column (`loan`) where Kobo writes a sheet per repeat; a calculation
    // is kept with the answers (JSON export) but is no question, so it has no column.
    expect(gapkit.filter((name) => !koboWithoutGroups.includes(name))).toEqual([
      'crops.maize',
      'crops.millet',
      'crops.other',
      'loan',
    ])
    expect(koboWithoutGroups.filter((name) => !gapkit.includes(name))).toEqual([
      'crops/maize',
      'crops/millet',
      'crops/other',
      'total',
    ])
  })
})
