/**
 * Reads a CSV export back into import rows: metadata columns by name, answer columns rebuilt
 * with the columns of the version each row names. Columns may come in any order; missing
 * metadata columns are left to defaults.
 */
import { unneutralise } from '../exports/cells.ts'
import { META_NAMES, type MetaColumn } from '../exports/columns.ts'
import { rebuildAnswers } from './csv-answers.ts'
import { ImportInputError, type ImportRow } from './import-row.ts'
import { CsvSyntaxError, readCsv } from './read-csv.ts'
import type { VersionResolver } from './versions.ts'

const META = new Set<string>(META_NAMES)

function isMeta(name: string): name is MetaColumn {
  return META.has(name)
}

function readRecords(text: string): string[][] {
  try {
    return readCsv(text)
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportInputError(`CSV: ${error.message}`)
    throw error
  }
}

/** Reads every data row of a CSV export; a file that is not a usable CSV throws `ImportInputError`. */
export async function readCsvRows(text: string, resolver: VersionResolver): Promise<ImportRow[]> {
  // The semicolon variant made for Excel in fr, it, ro, sl and sv writes numbers with decimal
  // commas, which cannot be told apart from text on the way back: say which file to use.
  if (/^\uFEFF?id;survey;/.test(text)) {
    throw new ImportInputError(
      'this CSV is separated by semicolons (the export made for Excel, with decimal commas): import the comma-separated CSV export or the JSON export instead',
    )
  }
  const [header, ...records] = readRecords(text)
  if (!header || (header.length === 1 && header[0] === '')) {
    throw new ImportInputError('the CSV file is empty')
  }
  const names = header.map((h) => unneutralise(h.trim()))
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) throw new ImportInputError(`CSV: column "${name}" appears twice`)
    seen.add(name)
  }
  const rows: ImportRow[] = []
  for (const record of records) {
    // A blank line (often the last one) is no response.
    if (record.length === 1 && record[0] === '') continue
    const position = rows.length + 1
    if (record.length !== names.length) {
      throw new ImportInputError(
        `CSV row ${position} has ${record.length} fields where the header has ${names.length}`,
      )
    }
    const meta = new Map<MetaColumn, string>()
    const cells: [string, string][] = []
    names.forEach((name, i) => {
      const text = unneutralise(record[i] ?? '')
      if (isMeta(name)) meta.set(name, text)
      else cells.push([name, text])
    })
    const get = (name: MetaColumn): string | null => {
      const value = meta.get(name)
      return value === undefined || value === '' ? null : value
    }
    const row: ImportRow = {
      row: position,
      id: get('id'),
      survey: get('survey'),
      version: get('version'),
      region: get('region'),
      regionName: get('region_name'),
      wave: get('wave'),
      group: get('group'),
      language: get('language'),
      status: get('status'),
      answers: undefined,
      createdAt: get('created_at'),
      updatedAt: get('updated_at'),
      submittedAt: get('submitted_at'),
      submissionKey: get('submission_key'),
      reviewStatus: get('review_status'),
      reviewNote: get('review_note'),
      reviewedAt: get('reviewed_at'),
      issues: [],
    }
    const loaded = await resolver.resolve(row.version)
    if (typeof loaded === 'string') {
      row.issues.push({ row: position, question: 'version', message: loaded })
    } else {
      const { answers, problems } = rebuildAnswers(resolver.columns(loaded), cells, loaded.version)
      row.answers = answers
      for (const p of problems) row.issues.push({ row: position, ...p })
    }
    rows.push(row)
  }
  return rows
}
