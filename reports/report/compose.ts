/**
 * `composeReport`: the gap report's content as plain data, from the analysis document, its
 * charts, the open answers and facts about the data. Pure: no I/O, no clock; the same input
 * gives the same model (and so byte-identical HTML and Markdown).
 */
import type { AnalysisDocument } from '../../analysis/types.ts'
import type { ChartEntry } from '../charts/registry.ts'
import { createContext } from './context.ts'
import type { OpenAnswer, ReportMeta, ReportModel, ReportOptions, ReportSection } from './model.ts'
import { composeAnnexTables, composeChartList, composeCodebook } from './sections/annex.ts'
import { composeComparison, composeIpa, composeMaturity, composeWaves } from './sections/gaps.ts'
import { composeMethod } from './sections/method.ts'
import { composeOpenAnswers } from './sections/open-answers.ts'
import {
  composeBarriers,
  composeFigures,
  composeOtherCharts,
  composeTargetGroups,
} from './sections/questions.ts'
import { composeSpecial } from './sections/special.ts'
import { composeSummary } from './sections/summary.ts'

export type {
  OpenAnswer,
  ReportMeta,
  ReportModel,
  ReportOptions,
  RespondentCount,
} from './model.ts'

/**
 * Composes the gap report: summary, method, reported figures, comparison by dimension, IPA,
 * maturity, waves, target groups, barriers, the special tally, other charts, open answers and
 * the annexes (full tables, codebook, chart list). Sections without content are left out; every
 * chart of `charts` is placed exactly once, numbered in reading order.
 *
 * @example
 * const model = composeReport(doc, listCharts(doc, { locale: 'fr' }), answers, meta, { locale: 'fr' })
 * renderHtml(model, svgs) // the self-contained report
 */
export function composeReport(
  doc: AnalysisDocument,
  charts: readonly ChartEntry[],
  openAnswers: readonly OpenAnswer[],
  meta: ReportMeta,
  options: ReportOptions = {},
): ReportModel {
  const locale = options.locale ?? doc.locale
  const ctx = createContext(doc, charts, locale)
  const body: (ReportSection | null)[] = [
    composeSummary(ctx, meta, options.topGaps ?? 5),
    composeMethod(ctx, meta),
    composeFigures(ctx),
    composeComparison(ctx),
    composeIpa(ctx),
    composeMaturity(ctx),
    composeWaves(ctx),
    composeTargetGroups(ctx),
    composeBarriers(ctx),
    composeSpecial(ctx),
    composeOtherCharts(ctx),
    composeOpenAnswers(ctx, openAnswers, {
      maxLength: options.maxAnswerLength ?? 300,
      maxPerGroup: options.maxAnswersPerGroup ?? 25,
    }),
  ]
  const numbered = body
    .filter((s): s is ReportSection => s !== null)
    .map((s, i) => ({ ...s, title: `${i + 1}. ${s.title}` }))
  const titles = new Map(charts.map((c) => [c.id, c.title]))
  const placed = ctx.charts.placed()
  const annexes = [
    composeAnnexTables(ctx),
    composeCodebook(ctx),
    composeChartList(
      ctx,
      placed.map((id) => ({ id, title: titles.get(id) ?? id })),
    ),
  ]
  return {
    lang: ctx.lang,
    title: doc.title,
    subtitle: ctx.text.subtitle(doc.survey, doc.version, ctx.text.waveScope(doc.wave)),
    contents: ctx.text.contents,
    filesLabel: ctx.text.files,
    figureLabel: ctx.text.figure,
    sections: [...numbered, ...annexes],
    charts: placed,
  }
}
