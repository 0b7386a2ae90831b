/**
 * The caches behind the chart routes: a page showing 40 charts asks for 40 files of the same
 * analysis, and a revalidation or a second viewer asks for bytes already drawn. Both keep the
 * promise of recent work, so concurrent requests for the same thing share one computation.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AnalysisDocument } from '../../analysis/types.ts'
import { type ChartEntry, listCharts } from '../../reports/charts/registry.ts'
import type { SurveyRegistry } from '../../surveys/registry.ts'
import { listRegions } from '../db/repositories/regions.ts'
import { listResponses } from '../db/repositories/responses.ts'
import type { Database } from '../db/schema.ts'
import { NotFoundError } from '../errors.ts'
import { type AnalysisRequest, buildAnalysis } from './analysis.ts'
import { createPromiseCache } from './promise-cache.ts'

/** Documents and charts of recent queries, reused while the data is unchanged. */
export interface ChartCache {
  /** The analysis document and its charts for a questionnaire and query. */
  charts: (
    surveyId: string,
    request: AnalysisRequest,
  ) => Promise<{ doc: AnalysisDocument; charts: ChartEntry[] }>
}

/**
 * A cache of analyses for the chart routes. The key holds the questionnaire version, the query
 * and a fingerprint of the responses (id, status, review, last update) and region names, so any
 * change of the data gives a fresh analysis; only the last `size` entries are kept.
 */
export function createChartCache(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  size = 8,
): ChartCache {
  const cached = createPromiseCache<{ doc: AnalysisDocument; charts: ChartEntry[] }>(size)
  return {
    charts: async (surveyId, request) => {
      const survey = registry.get(surveyId)
      if (!survey) throw new NotFoundError(`no questionnaire "${surveyId}"`)
      const [rows, regions] = await Promise.all([
        // Every wave: the default wave and the wave comparison depend on all of them.
        listResponses(db, { survey: survey.id }),
        listRegions(db),
      ])
      const key = createHash('sha256')
        .update(
          JSON.stringify([
            survey.id,
            survey.version,
            request,
            rows.map((r) => [r.id, r.status, r.review_status, r.updated_at]),
            regions.map((r) => [r.id, r.name]),
          ]),
        )
        .digest('hex')
      return cached(key, async () => {
        const doc = await buildAnalysis(db, registry, surveyId, request)
        return { doc, charts: listCharts(doc, { locale: request.locale ?? 'en' }) }
      })
    },
  }
}

/**
 * Rendered SVG and PNG bytes by spec (the same spec always renders the same bytes), so a
 * revalidation or a second viewer costs no rendering; the last `size` files are kept.
 */
export function createRenderCache(
  size = 128,
): (chart: ChartEntry, ext: 'svg' | 'png') => Promise<Uint8Array> {
  const cached = createPromiseCache<Uint8Array>(size)
  return (chart, ext) => {
    const key = `${ext}:${createHash('sha256').update(JSON.stringify(chart.spec)).digest('hex')}`
    return cached(key, async () => {
      // Vega and Vega-Lite (half a second to load) only once a chart is drawn, not at start-up.
      const { renderPngAsync, renderSvg } = await import('../../reports/draw/svg.ts')
      const svg = await renderSvg(chart.spec)
      // The PNG is drawn in resvg's thread pool: a chart request does not hold up submissions.
      return ext === 'svg'
        ? new Uint8Array(Buffer.from(svg, 'utf8'))
        : new Uint8Array(await renderPngAsync(svg))
    })
  }
}
