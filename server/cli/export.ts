import fs from 'node:fs'
import { PassThrough } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { PRIVATE_MODE } from '../db/private-files.ts'
import {
  CSV_DELIMITERS,
  type CsvDelimiter,
  EXPORT_FORMATS,
  EXPORT_REVIEWS,
  EXPORT_STATUSES,
  type ExportFormat,
  type ExportReview,
  type ExportStatus,
  HEADER_STYLES,
  type HeaderStyle,
  prepareExport,
  repeatsLeftOut,
  writeExport,
} from '../exports/export-responses.ts'
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  isInteractive,
  openContext,
  parseCommand,
  UsageError,
} from './context.ts'

const HELP = `Usage: gapkit export <survey> --format csv|xlsx|json [--out FILE] [options]

Writes the responses of a questionnaire to FILE, or to standard output.
  --format F        csv (UTF-8 with BOM, one row per response), xlsx (sheets data, codebook,
                    versions) or json (every version's definition and the answers as stored);
                    default: from the --out extension
  --out FILE        where to write (default: standard output; xlsx needs a file or a pipe)
  --labels LANG     choice labels in this language instead of codes (csv, xlsx)
  --delimiter D     csv field separator: ',' (default) or ';' for Excel in French, Italian,
                    Romanian, Slovenian or Swedish (numbers then take a decimal comma: 2,5)
  --headers H       column names of csv and xlsx: kobo (KoboToolbox's: group/question,
                    the main sheet named by the title and a sheet per repeat in xlsx, the
                    main sheet only in csv; the default for a questionnaire converted from
                    XLSForm) or gapkit (the default otherwise; what gapkit import reads)
  --region ID       only this region
  --wave W          only this wave
  --status S        submitted, draft or all (default: all for json, submitted otherwise)
  --review R        not-rejected, approved or all (default: all for json, not-rejected
                    otherwise, as the analysis counts)
${COMMON_HELP}`

function isFormat(value: string): value is ExportFormat {
  return EXPORT_FORMATS.some((f) => f === value)
}

function isStatus(value: string): value is ExportStatus {
  return EXPORT_STATUSES.some((s) => s === value)
}

function isReview(value: string): value is ExportReview {
  return EXPORT_REVIEWS.some((r) => r === value)
}

function isDelimiter(value: string): value is CsvDelimiter {
  return CSV_DELIMITERS.some((d) => d === value)
}

function isHeaderStyle(value: string): value is HeaderStyle {
  return HEADER_STYLES.some((h) => h === value)
}

function pickFormat(format: string | undefined, out: string | undefined): ExportFormat {
  const chosen = format ?? out?.split('.').pop()?.toLowerCase()
  if (chosen === undefined) throw new UsageError('--format csv|xlsx|json is required')
  if (!isFormat(chosen)) {
    throw new UsageError(`unknown format "${chosen}"; use csv, xlsx or json`)
  }
  return chosen
}

/** `gapkit export <survey> --format csv|xlsx|json [--out FILE]` */
export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...COMMON_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      labels: { type: 'string' },
      region: { type: 'string' },
      wave: { type: 'string' },
      status: { type: 'string' },
      review: { type: 'string' },
      delimiter: { type: 'string' },
      headers: { type: 'string' },
    },
    true,
  )
  if (values.help) return void console.log(HELP)
  const [survey, ...extra] = positionals
  if (!survey || extra.length > 0)
    throw new UsageError('usage: gapkit export <survey> --format csv|xlsx|json (see --help)')
  const format = pickFormat(values.format, values.out)
  if (values.status !== undefined && !isStatus(values.status)) {
    throw new UsageError(`unknown status "${values.status}"; use submitted, draft or all`)
  }
  if (values.review !== undefined && !isReview(values.review)) {
    throw new UsageError(`unknown review "${values.review}"; use not-rejected, approved or all`)
  }
  if (values.delimiter !== undefined && !isDelimiter(values.delimiter)) {
    throw new UsageError(`--delimiter must be ',' or ';' (got "${values.delimiter}")`)
  }
  if (values.delimiter !== undefined && format !== 'csv') {
    throw new UsageError(`--delimiter is for csv only, not ${format}`)
  }
  if (values.headers !== undefined && !isHeaderStyle(values.headers)) {
    throw new UsageError(`--headers must be kobo or gapkit (got "${values.headers}")`)
  }
  if (values.headers !== undefined && format === 'json') {
    throw new UsageError('--headers is for csv and xlsx, not json')
  }
  if (format === 'xlsx' && !values.out && process.stdout.isTTY) {
    throw new UsageError('xlsx is a binary file: give --out FILE or redirect the output')
  }
  const ctx = await openContext(values)
  try {
    const prepared = await prepareExport(ctx.db.kysely, ctx.registry, {
      survey,
      format,
      labels: values.labels,
      region: values.region,
      wave: values.wave,
      status: values.status,
      review: values.review,
      delimiter: values.delimiter,
      headers: values.headers,
    })
    const leftOut = repeatsLeftOut(prepared)
    if (leftOut.length > 0) {
      console.error(
        `gapkit export: the CSV holds Kobo's main sheet only; the repeats (${leftOut.join(', ')}) are in the xlsx export, a sheet each`,
      )
    }
    const tty = isInteractive()
    const progress = tty
      ? (n: number) => process.stderr.write(`\rexporting ${n} responses`)
      : undefined
    const out = new PassThrough()
    let written = 0
    if (values.out) {
      // A partial file never takes the final name.
      const partial = `${values.out}.partial`
      try {
        ;[written] = await Promise.all([
          writeExport(ctx.db.kysely, prepared, out, progress),
          // Private (0600), as the database it comes from.
          pipeline(out, fs.createWriteStream(partial, { mode: PRIVATE_MODE })),
        ])
        fs.chmodSync(partial, PRIVATE_MODE) // a stale .partial kept its own mode
        fs.renameSync(partial, values.out)
      } catch (error) {
        fs.rmSync(partial, { force: true })
        throw error
      }
    } else {
      ;[written] = await Promise.all([
        writeExport(ctx.db.kysely, prepared, out, progress),
        pipeline(out, process.stdout, { end: false }),
      ])
    }
    if (tty) {
      process.stderr.write('\r')
      console.error(`exported ${written} responses${values.out ? ` to ${values.out}` : ''}`)
    }
  } finally {
    await ctx.db.close()
  }
}
