/**
 * Ranking bars: Borda points of the good-practice vote and of the co-design priority challenges,
 * read from the document's special tally (never recounted here).
 */

import type { TopLevelSpec } from 'vega-lite'
import type { CodesignGroup, CodesignTally, VoteTally } from '../../analysis/special/index.ts'
import type { AnalysisDocument } from '../../analysis/types.ts'
import { textWidth } from '../draw/font-metrics.ts'
import {
  CHART_PADDING,
  joinLines,
  linesWidth,
  MAX_CHART_WIDTH,
  MULTILINE_LABEL,
  wrapLabel,
} from './layout.ts'
import { findQuestion, isRankingCell, specialTally } from './read-document.ts'
import type { ChartOptions } from './theme.ts'
import { chartConfig, chartTitle, OKABE_ITO, textFor, VEGA_LITE_SCHEMA } from './theme.ts'

/** One bar: a label unique within the chart, its points and what is printed after the bar. */
interface BordaRow {
  label: string
  points: number
  rank: number
  note: string
}

/**
 * Borda points of every practice in the vote, best first (ties broken as the tally did).
 * @example voteBorda(doc, { locale: 'en' }) // bars "1. Microloan guarantee (Sicily)" …
 */
export function voteBorda(doc: AnalysisDocument, options: ChartOptions): TopLevelSpec {
  const tally = voteTally(doc)
  const text = textFor(options)
  const rows = tally.ranking.map((entry) => {
    const practice = tally.practices.find((p) => p.value === entry.value)
    const where = practice?.regionName ?? entry.region
    return {
      // Practice titles often name their region already ("… — Bologna").
      label: `${entry.rank}. ${entry.label}${where && !entry.label.includes(where) ? ` (${where})` : ''}`,
      points: entry.borda,
      rank: entry.rank,
      note: `${entry.borda} · ${text.firstChoices(entry.firstPlaces)}`,
    }
  })
  const notes = [text.ballots(tally.ballots), text.bordaNote]
  if (tally.excludedOwnRegionVotes > 0)
    notes.push(text.excludedOwnRegion(tally.excludedOwnRegionVotes))
  return bordaSpec(text.bordaTitleVote, notes, rows, options)
}

/**
 * Borda points of the co-design priority challenges, for all sheets or one subgroup.
 * @example codesignBorda(doc, { locale: 'fr' }, 'group_2')
 */
export function codesignBorda(
  doc: AnalysisDocument,
  options: ChartOptions,
  subgroup: string | null = null,
): TopLevelSpec {
  const tally = codesignTally(doc)
  const group = codesignGroup(tally, subgroup)
  const text = textFor(options)
  const rows = group.challenges.map((challenge) => ({
    label: `${challenge.rank}. ${challenge.label}`,
    points: challenge.borda,
    rank: challenge.rank,
    note: `${challenge.borda} · ${text.firstChoices(challenge.firstPlaces)}`,
  }))
  const notes = [text.sheets(group.n), text.bordaRuleKToOne]
  if (subgroup !== null) notes.unshift(group.label)
  return bordaSpec(text.bordaTitleCodesign, notes, rows, options)
}

/**
 * Borda points of a ranking question over all respondents (points from the document).
 * @example rankingBorda(doc, { locale: 'en' }, 'policy_priorities')
 */
export function rankingBorda(
  doc: AnalysisDocument,
  options: ChartOptions,
  name: string,
): TopLevelSpec {
  const question = findQuestion(doc, name)
  if (!question) throw new Error(`${doc.survey}: no question "${name}"`)
  const cell = question.overall
  if (!isRankingCell(cell)) throw new Error(`${doc.survey}: "${name}" has no ranking figures`)
  const text = textFor(options)
  const ranked = question.options
    .map((o, order) => ({ ...o, order, points: cell.points[o.value] ?? 0 }))
    .sort((a, b) => b.points - a.points || a.order - b.order)
  const rows = ranked.map((o, i) => ({
    label: `${i + 1}. ${o.label}`,
    points: o.points,
    rank: i + 1,
    note: `${o.points} · ${cell.counts[o.value] ?? 0} ${text.placedBy}`,
  }))
  return bordaSpec(
    text.rankingTitle(question.title),
    [text.n(cell.n), text.rankingNote],
    rows,
    options,
  )
}

/** The vote tally of a document, or an error naming what is missing. */
export function voteTally(doc: AnalysisDocument): VoteTally {
  const tally = specialTally(doc)
  if (tally?.kind !== 'vote') throw new Error(`${doc.survey}: no vote tally`)
  return tally
}

/** The co-design tally of a document, or an error naming what is missing. */
export function codesignTally(doc: AnalysisDocument): CodesignTally {
  const tally = specialTally(doc)
  if (tally?.kind !== 'codesign') throw new Error(`${doc.survey}: no co-design tally`)
  return tally
}

function codesignGroup(tally: CodesignTally, subgroup: string | null): CodesignGroup {
  if (subgroup === null) return tally.overall
  const group = tally.subgroups.find((g) => g.key === subgroup)
  if (!group) throw new Error(`${tally.survey}: no subgroup "${subgroup}"`)
  return group
}

function bordaSpec(
  title: string,
  notes: string[],
  rows: BordaRow[],
  options: ChartOptions,
): TopLevelSpec {
  const text = textFor(options)
  const sorted = [...rows].sort((a, b) => a.rank - b.rank)
  const max = Math.max(1, ...sorted.map((r) => r.points))
  // Labels on up to two lines of at most 280 px; the bars take the rest of the chart width.
  const labelWidth = Math.min(
    280,
    Math.ceil(
      linesWidth(
        sorted.map((r) => r.label),
        11,
      ),
    ),
  )
  const label = (text: string) => joinLines(wrapLabel(text, labelWidth, 11, 2))
  const twoLines = sorted.some((r) => label(r.label).includes('\n'))
  const width = Math.min(360, MAX_CHART_WIDTH - 2 * CHART_PADDING - labelWidth - 24)
  const values = sorted.map((r) => ({ ...r, label: label(r.label) }))
  // Room after every bar for its "12 · 3 first choices" note, inside the plot.
  const reach = sorted.map(
    (r) => (r.points * width) / Math.max(40, width - textWidth(r.note, 10) - 8),
  )
  const domain = [0, Math.ceil(Math.max(max * 1.1, ...reach))]
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: values.map((r) => r.label),
    title: null,
    axis: { labelExpr: MULTILINE_LABEL, labelLineHeight: 13, labelLimit: labelWidth },
  }
  const x = {
    field: 'points',
    type: 'quantitative' as const,
    title: text.bordaAxis,
    scale: { domain, nice: false },
    axis: { format: 'd', tickMinStep: 1 },
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, notes),
    config: chartConfig(options),
    width,
    height: { step: twoLines ? 32 : 24 },
    data: { values },
    layer: [
      { mark: { type: 'bar', color: OKABE_ITO[0], height: { band: 0.7 } }, encoding: { y, x } },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333333' },
        encoding: { y, x, text: { field: 'note' } },
      },
    ],
  }
}
