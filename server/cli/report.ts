import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ChartEntry } from '../../reports/charts/registry.ts'
import { createRenderPool } from '../../reports/draw/pool.ts'
import { REPORT_LANGUAGES, type ReportLanguage } from '../../reports/report/format.ts'
import { ChromiumNotFound, chromiumPath, findChromium } from '../../reports/report/render-pdf.ts'
import type { ChartFiles } from '../services/report.ts'
import { REPORT_FORMATS, type ReportFormat, reportFiles } from '../services/report-files.ts'
import {
  ANALYSIS_HELP,
  ANALYSIS_OPTIONS,
  analysisOptions,
  COMMON_HELP,
  COMMON_OPTIONS,
  isInteractive,
  openContext,
  parseCommand,
  UsageError,
} from './context.ts'

const HELP = `Usage: gapkit report <survey> --out DIR [--lang fr] [--format html,md,docx,pdf] [--by region|wave|QUESTION] [--wave W|all] [--waves A,B]

Writes the gap report into DIR: report.html (self-contained: inline SVG charts and CSS, no
script, nothing loaded from elsewhere; prints well), report.md (tables, charts as image links),
report.docx (Word: headings, tables, charts as images with alt text), report.pdf (A4, printed
by the Chromium installed here), and every chart as charts/<id>.vl.json, charts/<id>.svg and
charts/<id>.png. The same data gives byte-identical files. The report reads the latest wave
with enough respondents unless --wave says otherwise, and states its wave in the subtitle, the
summary and every chart title.
  --out DIR         output folder (created if missing; existing report files are replaced)
  --lang L          report language: en (default), fr, it, ro, sv or sl; labels come from
                    the questionnaire's own translations, in English where it has none
  --format F        html, md, docx, pdf, comma-separated (default html,md); charts are
                    always written; pdf needs Chromium (apt-get install chromium, or
                    CHROMIUM_PATH=/path/to/chromium)
${ANALYSIS_HELP}
${COMMON_HELP}`

/** Parses `--format html,md,docx,pdf` into a set; anything else is a usage error. */
function parseFormats(value: string | undefined): Set<ReportFormat> {
  const formats = new Set<ReportFormat>()
  for (const part of (value ?? 'html,md').split(',')) {
    const format = REPORT_FORMATS.find((f) => f === part.trim().toLowerCase())
    if (!format) {
      throw new UsageError(
        `--format takes ${REPORT_FORMATS.join(', ')}, comma-separated (got "${part}")`,
      )
    }
    formats.add(format)
  }
  return formats
}

/** The Chromium a PDF needs, found before any work, so that a missing one writes nothing. */
function pdfChromium(formats: Set<ReportFormat>): string | undefined {
  if (!formats.has('pdf')) return undefined
  const chromium = findChromium()
  if (!chromium) throw new UsageError(new ChromiumNotFound(chromiumPath()).message)
  return chromium
}

/** `--lang`: exactly one of the report's languages; anything else is a usage error. */
function parseLanguage(value: string | undefined): ReportLanguage {
  const lang = REPORT_LANGUAGES.find((l) => l === (value ?? 'en'))
  if (lang) return lang
  throw new UsageError(`--lang must be one of ${REPORT_LANGUAGES.join(', ')} (got "${value}")`)
}

/** Creates DIR/charts, or says in one line why it cannot. */
function prepareOut(out: string): string {
  const dir = path.resolve(out)
  try {
    mkdirSync(path.join(dir, 'charts'), { recursive: true })
    // Probe now rather than after a minute of rendering.
    const probe = path.join(dir, 'charts', '.gapkit-write-test')
    writeFileSync(probe, '')
    rmSync(probe)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new UsageError(`cannot write to ${out} (${reason})`)
  }
  return dir
}

/** `gapkit report` */
export async function reportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...COMMON_OPTIONS,
      out: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      ...ANALYSIS_OPTIONS,
    },
    true,
  )
  if (values.help) return void console.log(HELP)
  const [survey, ...extra] = positionals
  if (!survey || extra.length > 0) throw new UsageError('usage: gapkit report <survey> --out DIR')
  if (!values.out) throw new UsageError('--out DIR is required')
  const formats = parseFormats(values.format)
  const chromium = pdfChromium(formats)
  const lang = parseLanguage(values.lang)
  const options = analysisOptions(values)
  // The chart workers start now and load Vega while this thread loads the analysis (danfo)
  // and runs it; hence report-service, which brings the analysis, is imported only after.
  const pool = createRenderPool()
  try {
    const { buildReport, renderCharts } = await import('../services/report.ts')
    const ctx = await openContext(values)
    try {
      if (!ctx.registry.get(survey)) throw new UsageError(`no questionnaire "${survey}"`)
      const progress = createProgress()
      progress('analysing responses')
      // Drawing starts as soon as the charts are known, while the rest of the report is read.
      const render = (charts: ChartEntry[]) =>
        renderCharts(charts, {
          pool,
          onProgress: (done, total) => progress(`rendering charts ${done}/${total}`),
        })
      let rendering: Promise<Map<string, ChartFiles>> | undefined
      const bundle = await buildReport(
        ctx.db.kysely,
        ctx.registry,
        survey,
        { ...options, locale: lang },
        {
          onCharts: (charts) => {
            rendering = render(charts)
            // Awaited below; if the report fails first, closing the pool rejects it unawaited.
            rendering.catch(() => {})
          },
        },
      )
      const dir = prepareOut(values.out)
      const files = await (rendering ?? render(bundle.charts))
      progress('writing files')
      const written = await reportFiles(bundle.model, files, formats, { chromium })
      for (const [file, bytes] of written) writeFileSync(path.join(dir, file), bytes)
      progress(null)
    } finally {
      await ctx.db.close()
    }
  } finally {
    await pool.close()
  }
}

/** One progress line on a terminal (rewritten in place); nothing when stderr is piped. */
function createProgress(): (line: string | null) => void {
  if (!isInteractive()) return () => {}
  let last = ''
  return (line) => {
    if (line === null) {
      if (last !== '') process.stderr.write(`\r${' '.repeat(last.length)}\r`)
      last = ''
      return
    }
    process.stderr.write(`\r${line.padEnd(last.length)}`)
    last = line
  }
}
