import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ChartEntry } from '../../reports/charts/registry.ts'
import { createRenderPool } from '../../reports/draw/pool.ts'
import type { ReportModel } from '../../reports/report/model.ts'
import { renderHtml } from '../../reports/report/render-html.ts'
import { renderMarkdown } from '../../reports/report/render-markdown.ts'
import type { ChartFiles } from '../services/report.ts'
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

const HELP = `Usage: gapkit report <survey> --out DIR [--lang fr] [--format html,md] [--by region|wave|QUESTION] [--wave W|all] [--waves A,B]

Writes the gap report into DIR: report.html (self-contained: inline SVG charts and CSS, no
script, nothing loaded from elsewhere; prints well), report.md (tables, charts as image links),
and every chart as charts/<id>.vl.json, charts/<id>.svg and charts/<id>.png. The same data gives
byte-identical files. The report reads the latest wave with enough respondents unless --wave
says otherwise, and states its wave in the subtitle, the summary and every chart title.
  --out DIR         output folder (created if missing; existing report files are replaced)
  --lang L          report language: en (default) or fr; labels come from the questionnaire
  --format F        html, md or html,md (default html,md); charts are always written
${ANALYSIS_HELP}
${COMMON_HELP}`

const FORMATS = ['html', 'md'] as const
type Format = (typeof FORMATS)[number]

/** Parses `--format html,md` into a set; anything else is a usage error. */
function parseFormats(value: string | undefined): Set<Format> {
  const formats = new Set<Format>()
  for (const part of (value ?? 'html,md').split(',')) {
    const format = FORMATS.find((f) => f === part.trim().toLowerCase())
    if (!format) throw new UsageError(`--format must be html, md or html,md (got "${part}")`)
    formats.add(format)
  }
  return formats
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
  const lang = values.lang ?? 'en'
  if (!/^[a-z]{2}(-[A-Za-z]{2})?$/.test(lang)) throw new UsageError(`--lang must be like en or fr`)
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
      writeFiles(dir, bundle.model, files, formats)
      progress(null)
    } finally {
      await ctx.db.close()
    }
  } finally {
    await pool.close()
  }
}

function writeFiles(
  dir: string,
  model: ReportModel,
  files: Map<string, ChartFiles>,
  formats: Set<Format>,
): void {
  for (const [id, f] of files) {
    writeFileSync(path.join(dir, 'charts', `${id}.vl.json`), f.vlJson)
    writeFileSync(path.join(dir, 'charts', `${id}.svg`), f.svg)
    writeFileSync(path.join(dir, 'charts', `${id}.png`), f.png)
  }
  if (formats.has('html')) {
    const svgs = new Map([...files].map(([id, f]) => [id, f.svg]))
    writeFileSync(path.join(dir, 'report.html'), renderHtml(model, { svgs }))
  }
  if (formats.has('md')) writeFileSync(path.join(dir, 'report.md'), renderMarkdown(model))
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
