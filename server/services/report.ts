/**
 * The gap report for the CLI and HTTP: loads the analysis document, the open answers and the
 * facts of the counted responses in one read transaction, composes the report (pure, in
 * `reports/`), and renders charts to SVG, PNG and Vega-Lite JSON — in worker threads when a
 * render pool is given.
 */
import type { Kysely } from 'kysely'
import { groupResponses } from '../../analysis/group-responses.ts'
import type { AnalysisResponse } from '../../analysis/input.ts'
import { readQuestionItems } from '../../analysis/questions.ts'
import type { AnalysisDocument } from '../../analysis/types.ts'
import type { ChartEntry } from '../../reports/charts/registry.ts'
import { listCharts } from '../../reports/charts/registry.ts'
import { renderPngAsync } from '../../reports/draw/png.ts'
import type { RenderPool } from '../../reports/draw/pool.ts'
import { composeReport } from '../../reports/report/compose.ts'
import type {
  OpenAnswer,
  ReportMeta,
  ReportModel,
  RespondentCount,
} from '../../reports/report/model.ts'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { walkElements } from '../../surveys/walk.ts'
import { listRegions } from '../db/repositories/regions.ts'
import { listResponses } from '../db/repositories/responses.ts'
import type { Database } from '../db/schema.ts'
import { NotFoundError } from '../errors.ts'
import { type AnalysisRequest, buildAnalysis, toAnalysisResponse } from './analysis.ts'

/** A composed report with the document and charts it was made from. */
export interface ReportBundle {
  doc: AnalysisDocument
  charts: ChartEntry[]
  model: ReportModel
}

/**
 * The questionnaire whose tally gives the "practices worth transferring": the one whose gapkit
 * block declares a vote (the first by id when several do), never chosen by file name.
 */
function findVoteSurvey(registry: SurveyRegistry): string | undefined {
  const ids = registry
    .list()
    .filter((s) => s.gapkit.analysis?.kind === 'vote')
    .map((s) => s.id)
    .sort()
  return ids[0]
}

/** Options of `buildReport`. */
export interface BuildReportOptions {
  /**
   * Called with the charts as soon as the analysis document is ready, before the rest of the
   * report is read and composed, so that drawing them can start early.
   */
  onCharts?: (charts: ChartEntry[]) => void
}

/**
 * Loads everything a report needs and composes it. The analysis, the responses and the vote are
 * read in one transaction, so the figures, open answers and respondent counts agree.
 */
export async function buildReport(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  surveyId: string,
  request: AnalysisRequest,
  options: BuildReportOptions = {},
): Promise<ReportBundle> {
  const survey = registry.get(surveyId)
  if (!survey) throw new NotFoundError(`no questionnaire "${surveyId}"`)
  const locale = request.locale ?? 'en'
  const { doc, charts, rows, regions, vote } = await db.transaction().execute(async (trx) => {
    const doc = await buildAnalysis(trx, registry, surveyId, request)
    const charts = listCharts(doc, { locale })
    options.onCharts?.(charts)
    // The wave the document settled on (its default, or every wave), not the raw request.
    const rows = await listResponses(trx, {
      survey: survey.id,
      wave: doc.wave ?? undefined,
      status: request.includeDrafts ? undefined : 'submitted',
      review: request.review ?? 'not-rejected',
    })
    const regions = await listRegions(trx)
    const vote = doc.dimensions.length > 0 ? await loadVote(trx, registry, request) : null
    return { doc, charts, rows, regions, vote }
  })
  // Open answers and respondent counts read every response; no link is needed for them.
  const responses = rows.map((r) => toAnalysisResponse(r))
  const regionNames = Object.fromEntries(regions.map((r) => [r.id, r.name]))
  // The same grouping as the analysis, so each open answer lands in the document's group.
  const { items } = readQuestionItems(survey.json, locale)
  const plan = groupResponses(
    { survey, responses, regionNames, options: { ...request, wave: doc.wave } },
    items,
    doc.by,
  )
  const openAnswers: OpenAnswer[] = []
  const open = openQuestions(survey.json)
  for (const group of plan.groups) {
    for (const index of group.indices) {
      const answers = plan.responses[index]?.answers ?? {}
      for (const question of open) {
        const value = answers[question]
        if (typeof value === 'string' && value.trim() !== '') {
          openAnswers.push({ question, group: group.key, text: value })
        }
      }
    }
  }
  const meta: ReportMeta = {
    fieldwork: fieldwork(plan.responses),
    respondents: respondents(plan.responses, regionNames),
    ...vote,
  }
  const model = composeReport(doc, charts, openAnswers, meta, { locale })
  return { doc, charts, model }
}

/** The vote tally when a vote questionnaire exists and has ballots; otherwise why not. */
async function loadVote(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  request: AnalysisRequest,
): Promise<Pick<ReportMeta, 'vote' | 'voteMissing'>> {
  const voteSurvey = findVoteSurvey(registry)
  if (!voteSurvey) return { vote: null, voteMissing: 'no-questionnaire' }
  // The vote is its own event: every wave counts, grouped by region.
  const voteDoc = await buildAnalysis(db, registry, voteSurvey, {
    wave: null,
    locale: request.locale,
    seed: request.seed,
    includeDrafts: request.includeDrafts,
    review: request.review,
  })
  const tally = voteDoc.special
  if (tally?.kind !== 'vote' || tally.ballots === 0 || tally.ranking.length === 0) {
    return { vote: null, voteMissing: 'no-ballots' }
  }
  return { vote: tally, voteMissing: null }
}

/** Top-level free-text questions: comments, and text inputs that are not numbers, e-mails… */
export function openQuestions(json: SurveyJson): string[] {
  const names: string[] = []
  for (const { element: q, inDynamicPanel } of walkElements(json)) {
    if (inDynamicPanel || typeof q.name !== 'string') continue
    const inputType = q.inputType ?? 'text'
    if (q.type === 'comment' || (q.type === 'text' && inputType === 'text')) names.push(q.name)
  }
  return names
}

/** First and last submission among the counted responses. */
function fieldwork(responses: readonly AnalysisResponse[]): ReportMeta['fieldwork'] {
  const dates = responses
    .map((r) => r.submittedAt)
    .filter((d): d is string => d !== null)
    .sort()
  const from = dates[0]
  const to = dates.at(-1)
  return from && to ? { from, to } : null
}

/**
 * Counted responses by region × stakeholder type: the partner link's group, else the answer
 * to a `stakeholder_type` question, else none.
 */
function respondents(
  responses: readonly AnalysisResponse[],
  regionNames: Record<string, string>,
): RespondentCount[] {
  const counts = new Map<string, RespondentCount>()
  for (const r of responses) {
    const answer = r.answers.stakeholder_type
    const stakeholder = r.group ?? (typeof answer === 'string' && answer !== '' ? answer : null)
    const key = JSON.stringify([r.region, stakeholder])
    const entry = counts.get(key)
    if (entry) entry.n++
    else {
      const regionName = regionNames[r.region] ?? r.region
      counts.set(key, { region: r.region, regionName, stakeholder, n: 1 })
    }
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => entry)
}

/** The three files of one chart. */
export interface ChartFiles {
  vlJson: string
  svg: string
  png: Buffer
}

/** The Vega-Lite file of a chart: pretty-printed, data inline, final newline. */
export function chartJson(chart: ChartEntry): string {
  return `${JSON.stringify(chart.spec, null, 2)}\n`
}

/** Options of `renderCharts`. */
export interface RenderChartsOptions {
  /** Draw PNGs too. Default true; the HTML report needs SVG only. */
  png?: boolean
  /** Worker threads drawing the SVGs; without one, they are drawn in this thread. */
  pool?: RenderPool
  /** Called after each chart is drawn. */
  onProgress?: (done: number, total: number) => void
}

/**
 * Renders every chart: its SVG (in the pool's workers, or here one at a time), then its PNG (in
 * the pool's workers, or resvg's thread pool) while the next SVGs are drawn; reports progress
 * after each chart. The map follows the order of `charts`, whatever finishes first; the bytes
 * do not depend on where or in which order charts are drawn.
 */
export async function renderCharts(
  charts: readonly ChartEntry[],
  options: RenderChartsOptions = {},
): Promise<Map<string, ChartFiles>> {
  // Loaded only without a pool: with one, this thread never needs Vega.
  const renderSvg = options.pool?.renderSvg ?? (await import('../../reports/draw/svg.ts')).renderSvg
  const renderPng = options.pool?.renderPng ?? renderPngAsync
  const files = new Map<string, ChartFiles>()
  let done = 0
  await Promise.all(
    charts.map(async (chart) => {
      const entry: ChartFiles = { vlJson: chartJson(chart), svg: '', png: Buffer.alloc(0) }
      files.set(chart.id, entry)
      entry.svg = await renderSvg(chart.spec)
      if (options.png !== false) entry.png = await renderPng(entry.svg)
      options.onProgress?.(++done, charts.length)
    }),
  )
  return files
}
