import fs from 'node:fs'
import path from 'node:path'
import { ImportRejected, type ImportSource, importResponses } from '../imports/import-responses.ts'
import { formatIssue, ImportInputError } from '../imports/import-row.ts'
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  isInteractive,
  openContext,
  parseCommand,
  UsageError,
} from './context.ts'

const HELP = `Usage: gapkit import <survey> <file.csv|file.xlsx|file.json> [--skip-invalid] [--region ID] [--dry-run]

Imports a CSV, XLSX or JSON export. CSV and XLSX may have Gapkit's headers or KoboToolbox's
(as \`gapkit export --headers kobo\` and Kobo write them), told apart by the header row; with
Kobo's, an XLSX file's repeat sheets rebuild the repeats, and a CSV, which has none, is
imported without them (the command says so). Every row is validated like a submission
(submitted rows in full, drafts without completeness); if a row is invalid nothing is
imported, and each problem is printed as "row N: question: message". Ids and submission keys
are kept: rows already stored are skipped, so importing the same file twice adds nothing. A
missing region is created when the file names it (region_name or _region_name column, JSON
regions list).
  --skip-invalid    import the valid rows and report the others
  --region ID       region of rows that name none (a row naming another one is invalid)
  --dry-run         check everything, store nothing
${COMMON_HELP}`

function readSource(file: string): ImportSource {
  const ext = path.extname(file).toLowerCase()
  if (ext !== '.csv' && ext !== '.xlsx' && ext !== '.json') {
    throw new UsageError(`${file}: give a .csv, .xlsx or .json export`)
  }
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'
    throw new UsageError(`cannot read ${file}: ${code}`)
  }
  if (ext === '.xlsx') return { kind: 'xlsx', bytes }
  const text = bytes.toString('utf8')
  if (ext === '.csv') return { kind: 'csv', text }
  try {
    return { kind: 'json', document: JSON.parse(text) }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UsageError(`${file}: invalid JSON (${reason})`)
  }
}

/** `gapkit import <survey> <file.csv|file.xlsx|file.json>` */
export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...COMMON_OPTIONS,
      'skip-invalid': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      region: { type: 'string' },
    },
    true,
  )
  if (values.help) return void console.log(HELP)
  const [survey, file, ...extra] = positionals
  if (!survey || !file || extra.length > 0) {
    throw new UsageError(
      'usage: gapkit import <survey> <file.csv|file.xlsx|file.json> (see --help)',
    )
  }
  const source = readSource(file)
  const ctx = await openContext(values)
  const tty = isInteractive()
  try {
    const report = await importResponses(
      {
        db: ctx.db.kysely,
        registry: ctx.registry,
        now: () => new Date(),
        defaultWave: ctx.config.defaultWave,
      },
      null,
      {
        survey,
        source,
        region: values.region,
        skipInvalid: values['skip-invalid'],
        dryRun: values['dry-run'],
        onProgress: tty
          ? (n, total) => {
              if (n % 50 === 0 || n === total) process.stderr.write(`\rchecking ${n}/${total}`)
            }
          : undefined,
      },
    )
    if (tty) process.stderr.write('\n')
    for (const issue of report.issues) console.error(formatIssue(issue))
    for (const note of report.notes) console.error(`note: ${note}`)
    const verb = report.dryRun ? 'would import' : 'imported'
    const regions = report.createdRegions.length
      ? `, ${report.dryRun ? 'would create' : 'created'} regions ${report.createdRegions.join(', ')}`
      : ''
    console.log(
      `${verb} ${report.imported} of ${report.rows} responses to ${report.survey} (${report.existing} already present, ${report.invalid} invalid skipped${regions})`,
    )
  } catch (error) {
    if (tty) process.stderr.write('\n')
    if (error instanceof ImportRejected) {
      for (const issue of error.report.issues) console.error(formatIssue(issue))
      for (const note of error.report.notes) console.error(`note: ${note}`)
      throw new Error(error.message)
    }
    if (error instanceof ImportInputError) throw new UsageError(`${file}: ${error.message}`)
    throw error
  } finally {
    await ctx.db.close()
  }
}
