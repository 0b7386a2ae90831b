/**
 * The files of a report folder, for `gapkit report` and the dashboard's downloads: the report
 * in each format asked for (report.html, report.md, report.docx, report.pdf) and every chart as
 * charts/<id>.vl.json, .svg and .png — the files report.html and report.md link to. The Word
 * and PDF writers are loaded only when asked for.
 */
import type { ReportModel } from '../../reports/report/model.ts'
import { renderHtml } from '../../reports/report/render-html.ts'
import { renderMarkdown } from '../../reports/report/render-markdown.ts'
import { zipFiles } from '../../reports/report/zip.ts'
import type { ChartFiles } from './report.ts'

/** The report formats, in the order their files are listed. */
export const REPORT_FORMATS = ['html', 'md', 'docx', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Options of `reportFiles`. */
export interface ReportFilesOptions {
  /** The Chromium that prints the PDF; default `findChromium()` of render-pdf.ts. */
  chromium?: string
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

/**
 * Every file of the report folder, as [relative path, bytes]: the reports first (in
 * `REPORT_FORMATS` order), then three files per chart in the report's order. The same model and
 * charts give the same bytes. A PDF needs Chromium (`ChromiumNotFound` otherwise).
 */
export async function reportFiles(
  model: ReportModel,
  charts: ReadonlyMap<string, ChartFiles>,
  formats: ReadonlySet<ReportFormat>,
  options: ReportFilesOptions = {},
): Promise<[string, Uint8Array][]> {
  const files: [string, Uint8Array][] = []
  const svgs = new Map([...charts].map(([id, f]) => [id, f.svg]))
  const html = formats.has('html') || formats.has('pdf') ? renderHtml(model, { svgs }) : ''
  if (formats.has('html')) files.push(['report.html', utf8(html)])
  if (formats.has('md')) files.push(['report.md', utf8(renderMarkdown(model))])
  if (formats.has('docx')) files.push(['report.docx', await reportDocx(model, charts)])
  if (formats.has('pdf')) {
    const { renderPdf } = await import('../../reports/report/render-pdf.ts')
    files.push(['report.pdf', await renderPdf(html, { chromium: options.chromium })])
  }
  for (const [id, f] of charts) {
    files.push(
      [`charts/${id}.vl.json`, utf8(f.vlJson)],
      [`charts/${id}.svg`, utf8(f.svg)],
      [`charts/${id}.png`, new Uint8Array(f.png)],
    )
  }
  return files
}

/** The report as a Word document, its charts as the PNGs of `charts`. */
export async function reportDocx(
  model: ReportModel,
  charts: ReadonlyMap<string, ChartFiles>,
): Promise<Uint8Array> {
  const { renderDocx } = await import('../../reports/report/render-docx.ts')
  const pngs = new Map([...charts].map(([id, f]) => [id, new Uint8Array(f.png)]))
  return renderDocx(model, { pngs })
}

/** The report folder as one zip (entries in `reportFiles` order, fixed dates). */
export async function reportZip(
  model: ReportModel,
  charts: ReadonlyMap<string, ChartFiles>,
  formats: ReadonlySet<ReportFormat>,
  options: ReportFilesOptions = {},
): Promise<Uint8Array> {
  return zipFiles(await reportFiles(model, charts, formats, options))
}
