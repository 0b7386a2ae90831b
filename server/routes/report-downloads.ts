import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { findChromium } from '../../reports/report/render-pdf.ts'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { type AuthEnv, requireAdmin } from '../http/auth.ts'
import { buildReport, renderCharts } from '../services/report.ts'
import { type ReportFormat, reportDocx, reportZip } from '../services/report-files.ts'
import { parseAnalysisQuery } from './analysis.ts'

/** What the report downloads need. */
export interface ReportDownloadDeps {
  db: Kysely<Database>
  registry: SurveyRegistry
}

/** `microfinance-gap-report-fr.zip`: the questionnaire id is `[a-z0-9-]`, the language `xx`. */
function fileName(survey: string, lang: string | undefined, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '-')
  return `${safe(survey)}-report-${safe(lang ?? 'en')}.${ext}`
}

/**
 * The report as a Word file and as a zip of the whole report folder (any lead role; mounted at
 * `/api/surveys`): `GET /:id/report.docx`, and `GET /:id/report.zip` — report.html, report.md
 * (its image links resolve inside the zip), report.docx, report.pdf where Chromium is installed,
 * and every chart as charts/<id>.svg, .png and .vl.json. Both take the analysis query of the
 * report routes; the same data gives the same bytes.
 */
export function reportDownloadRoutes(deps: ReportDownloadDeps) {
  const { db, registry } = deps
  const build = async (survey: string, query: ReturnType<typeof parseAnalysisQuery>) => {
    const bundle = await buildReport(db, registry, survey, query)
    return { model: bundle.model, charts: await renderCharts(bundle.charts) }
  }
  const download = (bytes: Uint8Array, type: string, name: string) =>
    new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    })
  return new Hono<AuthEnv>()
    .use('/:id/report.docx', requireAdmin(db))
    .use('/:id/report.zip', requireAdmin(db))
    .get('/:id/report.docx', async (c) => {
      const query = parseAnalysisQuery(c)
      const survey = c.req.param('id')
      const { model, charts } = await build(survey, query)
      return download(
        await reportDocx(model, charts),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName(survey, query.locale, 'docx'),
      )
    })
    .get('/:id/report.zip', async (c) => {
      const query = parseAnalysisQuery(c)
      const survey = c.req.param('id')
      const { model, charts } = await build(survey, query)
      const formats = new Set<ReportFormat>(['html', 'md', 'docx'])
      const chromium = findChromium()
      if (chromium) formats.add('pdf')
      const zip = await reportZip(model, charts, formats, { chromium: chromium ?? undefined })
      return download(zip, 'application/zip', fileName(survey, query.locale, 'zip'))
    })
}
