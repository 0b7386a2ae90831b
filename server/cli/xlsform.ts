import fs from 'node:fs'
import path from 'node:path'
import { COMMON_OPTIONS, parseCommand, readBeside, readInputFile, UsageError } from './context.ts'

const HELP = `Usage: gapkit xlsform <form.xlsx> [--out FILE.json] [--id ID]

Converts an XLSForm workbook (sheets survey, choices, settings; the same workbook as for
KoboToolbox or ODK) to a Gapkit questionnaire, checked as the files of the questionnaire folder
are. An optional "gapkit" sheet gives the analysis its meaning (dimensions, suppress_below,
analysis, group_by, one_per_link): see the README. Files named by select_one_from_file are read
beside the workbook.

Every cell that could not be converted is listed on stderr by sheet, row and column, and kept
in the questionnaire under gapkit.import. Exits 1, writing nothing, only when the result would
be unusable (no survey sheet, an unknown choice list, duplicate names, a broken gapkit sheet…).
  --out FILE.json   where to write the questionnaire (default: stdout); a folder takes ID.json.
                    In the questionnaire folder the file name is the id: lowercase letters,
                    digits and dashes
  --id ID           the questionnaire id (default: the --out file's name, else the form_id
                    setting, else the workbook's name)
  --db, --surveys   taken as by every command; not used
  -h, --help        this help`

/** `gapkit xlsform` */
export async function xlsformCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    { ...COMMON_OPTIONS, out: { type: 'string' }, id: { type: 'string' } },
    true,
  )
  if (values.help) return void console.log(HELP)
  const [workbook, ...extra] = positionals
  if (!workbook || extra.length > 0) {
    throw new UsageError('usage: gapkit xlsform <form.xlsx> [--out FILE.json] [--id ID]')
  }
  const bytes = readInputFile(workbook, 'a workbook')
  const target = outputTarget(values.out, values.id)
  const { convertXlsForm, formatProblem } = await import('../../surveys/xlsform/index.ts')
  const result = await convertXlsForm(bytes, {
    id: target.id,
    fileName: path.basename(workbook),
    readFile: (name) => readBeside(workbook, name),
  })
  for (const problem of result.problems) console.error(formatProblem(problem))
  if (!result.usable) {
    const errors = result.problems.filter((p) => p.severity === 'error').length
    throw new Error(`${workbook}: not converted, ${errors} error(s) above; nothing written`)
  }
  const text = `${JSON.stringify(result.json, null, 2)}\n`
  const file = target.dir ? path.join(target.dir, `${result.id}.json`) : target.file
  const { questions, locales, dimensions } = result.summary
  const skipped = result.problems.length
  const left = skipped === 0 ? 'everything converted' : `${skipped} thing(s) not converted (above)`
  const summary = `${questions} question(s), languages ${locales.join(', ')}, ${dimensions} gap dimension(s), ${left}`
  if (!file) {
    process.stdout.write(text)
    console.error(`gapkit xlsform: ${workbook} → questionnaire "${result.id}": ${summary}`)
    return
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  fs.writeFileSync(file, text)
  console.error(`gapkit xlsform: ${workbook} → ${file}: ${summary}`)
}

/**
 * Where the questionnaire goes, and the id that implies: a `.json` file is named by its id; a
 * folder takes `<id>.json`.
 */
function outputTarget(
  out: string | undefined,
  id: string | undefined,
): { file?: string; dir?: string; id?: string } {
  if (out === undefined) return { id }
  const isDir = fs.existsSync(out) && fs.statSync(out).isDirectory()
  if (isDir || out.endsWith(path.sep) || out.endsWith('/')) return { dir: out, id }
  if (!out.endsWith('.json')) throw new UsageError('--out must be a .json file or a folder')
  const named = path.basename(out, '.json')
  if (id !== undefined && id !== named) {
    throw new UsageError(
      `--id ${id} and --out ${out} disagree: the file name is the questionnaire's id`,
    )
  }
  return { file: out, id: named }
}
