/**
 * Gap sections: the cross-group comparison by dimension (heatmap + table of gaps) and the
 * importance–performance analysis (scatter, dumbbell, quadrant tables).
 */
import type { SuppressedWaveCell, WaveCell, WaveCount } from '../../../analysis/types.ts'
import { isSuppressed, slug } from '../../charts/read-document.ts'
import type { ComposeContext } from '../context.ts'
import {
  cell,
  dimensionFigure,
  groupEntry,
  groupHead,
  muted,
  num,
  rankedDimensions,
  suppressedCell,
  visibleDimensionCell,
} from '../context.ts'
import type { ReportBlock, ReportCell, ReportSection } from '../model.ts'

/** Chart id of the document: `<survey>.<chart>.<subject>`. */
export function chartId(ctx: ComposeContext, chart: string, subject: string): string {
  return `${slug(ctx.doc.survey)}.${chart}.${slug(subject)}`
}

/** Gap of every dimension by group, with the heatmap; null without dimensions. */
export function composeComparison(ctx: ComposeContext): ReportSection | null {
  const { doc, text, fmt } = ctx
  if (doc.dimensions.length === 0) return null
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: text.gaps.comparisonIntro }]
  const heatmap = ctx.charts.take(chartId(ctx, 'gap-heatmap', 'all'))
  if (heatmap) blocks.push(heatmap)
  for (const kind of ['importance-performance', 'current-target'] as const) {
    const rows: ReportCell[][] = rankedDimensions(doc, kind).map((d) => [
      cell(d.label),
      dimensionFigure(ctx, d.overall, (c) => fmt.signed(c.gap)),
      ...doc.groups.map((g) =>
        dimensionFigure(ctx, groupEntry(d.groups, g.key), (c) => fmt.signed(c.gap)),
      ),
      d.test?.pHolm == null ? muted(fmt.p(null)) : num(fmt.p(d.test.pHolm)),
    ])
    if (rows.length === 0) continue
    blocks.push({
      kind: 'table',
      caption: text.gaps.comparisonCaption(ctx.word, text.kindTitle[kind]),
      head: groupHead(ctx, text.dimension, [text.gaps.pHolm]),
      rows,
      note: text.gaps.comparisonNote(ctx.k),
    })
  }
  return { id: 'comparison', title: text.sections.comparison, blocks }
}

/** The importance–performance analysis; null without IPA dimensions. */
export function composeIpa(ctx: ComposeContext): ReportSection | null {
  const { doc, text, fmt } = ctx
  const dims = rankedDimensions(doc, 'importance-performance')
  if (dims.length === 0) return null
  const g = text.gaps
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: g.ipaIntro }]
  for (const id of [chartId(ctx, 'ipa-scatter', 'all'), chartId(ctx, 'gap-dumbbell', 'ipa')]) {
    const chart = ctx.charts.take(id)
    if (chart) blocks.push(chart)
  }
  blocks.push({
    kind: 'table',
    caption: g.ipaOverallCaption,
    head: [text.dimension, g.importance, g.performance, text.gap, text.ci, text.n, g.quadrant],
    rows: dims.map((d) => {
      const c = visibleDimensionCell(d.overall)
      if (!c)
        return [cell(d.label), ...Array.from({ length: 6 }, () => muted(text.suppressed(ctx.k)))]
      return [
        cell(d.label),
        num(fmt.decimal(c.target)),
        num(fmt.decimal(c.current)),
        num(fmt.signed(c.gap)),
        num(fmt.interval(c.ci95)),
        num(fmt.integer(c.n)),
        c.quadrant ? cell(g.quadrants[c.quadrant]) : muted(fmt.decimal(null)),
      ]
    }),
  })
  const quadrant = (c: { quadrant: keyof typeof g.quadrants | null }) =>
    c.quadrant ? g.quadrants[c.quadrant] : fmt.decimal(null)
  blocks.push({
    kind: 'table',
    caption: g.ipaQuadrantCaption(ctx.word),
    head: groupHead(ctx, text.dimension),
    rows: dims.map((d) => [
      cell(d.label),
      { ...dimensionFigure(ctx, d.overall, quadrant), numeric: false },
      ...doc.groups.map((group) => ({
        ...dimensionFigure(ctx, groupEntry(d.groups, group.key), quadrant),
        numeric: false,
      })),
    ]),
  })
  return { id: 'ipa', title: text.sections.ipa, blocks }
}

/** Current → target maturity, overall and by group; null without maturity dimensions. */
export function composeMaturity(ctx: ComposeContext): ReportSection | null {
  const { doc, text, fmt } = ctx
  const dims = rankedDimensions(doc, 'current-target')
  if (dims.length === 0) return null
  const g = text.gaps
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: g.maturityIntro }]
  const chart = ctx.charts.take(chartId(ctx, 'gap-dumbbell', 'maturity'))
  if (chart) blocks.push(chart)
  blocks.push({
    kind: 'table',
    caption: g.maturityCaption,
    head: [text.dimension, g.current, g.target, text.gap, text.ci, text.n],
    rows: dims.map((d) => {
      const c = visibleDimensionCell(d.overall)
      if (!c)
        return [cell(d.label), ...Array.from({ length: 5 }, () => muted(text.suppressed(ctx.k)))]
      return [
        cell(d.label),
        num(fmt.decimal(c.current)),
        num(fmt.decimal(c.target)),
        num(fmt.signed(c.gap)),
        num(fmt.interval(c.ci95)),
        num(fmt.integer(c.n)),
      ]
    }),
  })
  const arrow = (c: { current: number | null; target: number | null }) =>
    `${fmt.decimal(c.current, 1)} → ${fmt.decimal(c.target, 1)}`
  blocks.push({
    kind: 'table',
    caption: g.maturityByGroupCaption(ctx.word),
    head: groupHead(ctx, text.dimension),
    rows: dims.map((d) => [
      cell(d.label),
      dimensionFigure(ctx, d.overall, arrow),
      ...doc.groups.map((group) => dimensionFigure(ctx, groupEntry(d.groups, group.key), arrow)),
    ]),
    note: g.maturityByGroupNote,
  })
  return { id: 'maturity', title: text.sections.maturity, blocks }
}

/** "Wave 2026 has 1 response so far…": what each of these waves holds, as one phrase. */
function waveList(ctx: ComposeContext, waves: readonly WaveCount[]): string {
  const { text, fmt } = ctx
  const phrases = waves.map((w) =>
    text.gaps.waveHas(
      w.wave,
      w.n,
      fmt.integer(w.n),
      w.paired === w.n ? null : fmt.integer(w.paired),
    ),
  )
  const list = phrases.join(text.listSeparator)
  return list.charAt(0).toUpperCase() + list.slice(1)
}

/**
 * Change of each dimension's gap between two waves, with the later waves not compared yet; or
 * one sentence saying why there is no comparison. Null without dimensions or responses.
 */
export function composeWaves(ctx: ComposeContext): ReportSection | null {
  const { doc, text, fmt } = ctx
  const waves = doc.waves
  const g = text.gaps
  if (!waves || waves.dimensions.length === 0) {
    const note = doc.wavesNote
    if (!note) return null
    const short = note.waves.filter((w) => w.paired < ctx.k)
    const list = waveList(ctx, short.length > 0 ? short : note.waves)
    const sentence = g.wavesNone(list, ctx.k, note.requested)
    return {
      id: 'waves',
      title: text.sections.waves,
      blocks: [{ kind: 'paragraph', text: sentence }],
    }
  }
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: g.wavesIntro(waves.from, waves.to) }]
  const leftOut = doc.waveCounts.filter((w) => waves.leftOut.includes(w.wave))
  if (leftOut.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: g.wavesLeftOut(waveList(ctx, leftOut), leftOut.length, ctx.k),
    })
  }
  // Each slope chart's title names its kind of gap and the two waves.
  blocks.push(...ctx.charts.takeWhere((c) => c.id.split('.')[1] === 'gap-slope'))
  // Waves compare regions; their names come from the groups when the report is by region.
  const keys = [...new Set(waves.dimensions.flatMap((d) => Object.keys(d.groups)))]
  const labelOf = (key: string) => (doc.by === 'region' ? (ctx.labels.get(key) ?? key) : key)
  const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
  const dims = [...waves.dimensions].sort(
    (a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9),
  )
  const labels = new Map(doc.dimensions.map((d) => [d.id, d.label]))
  const change = (entry: WaveCell | SuppressedWaveCell | undefined) => {
    if (!entry) return muted(fmt.decimal(null))
    if (isSuppressed(entry)) return suppressedCell(ctx, entry)
    return num(
      `${fmt.signed(entry.change)} (${fmt.decimal(entry.gapFrom)} → ${fmt.decimal(entry.gapTo)})`,
    )
  }
  blocks.push({
    kind: 'table',
    caption: g.wavesCaption(waves.from, waves.to),
    head: [text.dimension, text.all, ...keys.map(labelOf)],
    rows: dims.map((d) => [
      cell(labels.get(d.id) ?? d.id),
      change(d.overall),
      ...keys.map((key) => change(groupEntry(d.groups, key))),
    ]),
    note: g.wavesNote,
  })
  return { id: 'waves', title: text.sections.waves, blocks }
}
