/**
 * The summary: who answered, the largest gaps overall and per group, gaps that differ between
 * groups, and the practices worth transferring (from the vote tally when one is given).
 */
import type { VoteTally } from '../../../analysis/special/index.ts'
import type { DimensionSummary } from '../../../analysis/types.ts'
import { specialTally } from '../../charts/read-document.ts'
import type { ComposeContext } from '../context.ts'
import {
  cell,
  groupEntry,
  groupLabel,
  muted,
  num,
  rankedDimensions,
  visibleDimensionCell,
} from '../context.ts'
import type { ReportBlock, ReportCell, ReportMeta, ReportSection } from '../model.ts'

/** The summary section. */
export function composeSummary(
  ctx: ComposeContext,
  meta: ReportMeta,
  topGaps: number,
): ReportSection {
  const { doc, text, fmt } = ctx
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: introLine(ctx, meta) }]
  if (doc.n === 0) blocks.push({ kind: 'paragraph', text: text.summary.empty })
  const populated = doc.groups.filter((g) => g.n > 0)
  if (populated.length > 0 && populated.every((g) => g.n <= 1)) {
    blocks.push({ kind: 'paragraph', text: text.summary.onePerGroup })
  }
  const ranked = rankedDimensions(doc).filter((d) => visibleDimensionCell(d.overall)?.gap != null)
  if (ranked.length > 0) {
    blocks.push({
      kind: 'table',
      caption: text.summary.topOverall,
      head: ['#', text.dimension, text.type, text.gap, text.ci, text.n],
      rows: ranked.slice(0, topGaps).map((d, i) => {
        const overall = visibleDimensionCell(d.overall)
        return [
          num(String(i + 1)),
          cell(d.label),
          cell(text.kind[d.kind]),
          num(fmt.signed(overall?.gap ?? null)),
          num(fmt.interval(overall?.ci95 ?? null)),
          num(fmt.integer(overall?.n ?? 0)),
        ]
      }),
    })
    blocks.push(...topByGroup(ctx, ranked))
    blocks.push({ kind: 'paragraph', text: differences(ctx, ranked) })
  }
  blocks.push(...practices(ctx, meta))
  return { id: 'summary', title: text.sections.summary, blocks }
}

function introLine(ctx: ComposeContext, meta: ReportMeta): string {
  const { doc, text, fmt } = ctx
  const count = doc.groups.length
  const groups = `${count} ${count === 1 ? ctx.word.one : ctx.word.many}`
  const fieldwork = meta.fieldwork
    ? text.method.fieldworkRange(fmt.date(meta.fieldwork.from), fmt.date(meta.fieldwork.to))
    : null
  return text.summary.intro(fmt.integer(doc.n), groups, fieldwork, ctx.k, text.waveScope(doc.wave))
}

/** The three largest gaps of each group, or "n < k". */
function topByGroup(ctx: ComposeContext, ranked: DimensionSummary[]): ReportBlock[] {
  const { doc, text, fmt } = ctx
  if (doc.groups.length < 2) return []
  const title = text.summary.topByGroup(ctx.word.one)
  const rows: ReportCell[][] = doc.groups.map((g) => {
    const head = [cell(groupLabel(ctx, g)), num(fmt.integer(g.n))]
    if (g.suppressed)
      return [...head, ...text.summary.topHead.map(() => muted(text.suppressed(ctx.k)))]
    const top = ranked
      .map((d) => ({ d, c: visibleDimensionCell(groupEntry(d.groups, g.key)) }))
      .filter((x) => x.c?.gap != null)
      .sort((a, b) => (b.c?.gap ?? 0) - (a.c?.gap ?? 0))
      .slice(0, text.summary.topHead.length)
    return [
      ...head,
      ...text.summary.topHead.map((_, i) => {
        const x = top[i]
        return x ? cell(`${x.d.label} (${fmt.signed(x.c?.gap ?? null)})`) : muted(fmt.decimal(null))
      }),
    ]
  })
  return [
    {
      kind: 'table',
      caption: title,
      head: [ctx.word.column, text.n, ...text.summary.topHead],
      rows,
    },
  ]
}

/** Dimensions whose gap differs between groups after Holm adjustment. */
function differences(ctx: ComposeContext, ranked: DimensionSummary[]): string {
  const { text, fmt } = ctx
  const notable = ranked.filter((d) => d.test?.pHolm != null && d.test.pHolm < 0.05)
  if (notable.length === 0) return text.summary.noDifferences
  const list = notable
    .slice(0, 3)
    .map(
      (d) =>
        `${d.label} (p ${d.test?.pHolm != null && d.test.pHolm < 0.001 ? '' : '= '}${fmt.p(d.test?.pHolm ?? null)})`,
    )
    .join(text.listSeparator)
  return text.summary.differences(notable.length, ranked.length, ctx.word.many, list)
}

/** Practices worth transferring: the top of the vote, or why there is none. */
function practices(ctx: ComposeContext, meta: ReportMeta): ReportBlock[] {
  const { doc, text } = ctx
  const own = specialTally(doc)
  if (own?.kind === 'vote') {
    return [
      { kind: 'subheading', text: text.summary.practices },
      { kind: 'paragraph', text: text.summary.seeVoteSection },
    ]
  }
  if (doc.dimensions.length === 0 && !meta.vote) return []
  const blocks: ReportBlock[] = [{ kind: 'subheading', text: text.summary.practices }]
  const vote = meta.vote
  if (!vote || vote.ranking.length === 0) {
    const reason = meta.voteMissing ? text.summary.noVoteReason[meta.voteMissing] : ''
    blocks.push({ kind: 'paragraph', text: `${text.summary.noVote}${reason}.` })
    return blocks
  }
  blocks.push({
    kind: 'paragraph',
    text: text.summary.practicesFrom(ctx.fmt.integer(vote.ballots)),
  })
  blocks.push(voteTop(ctx, vote, 5))
  return blocks
}

function voteTop(ctx: ComposeContext, vote: VoteTally, count: number): ReportBlock {
  const { text, fmt } = ctx
  return {
    kind: 'table',
    caption: text.summary.practices,
    head: text.summary.practiceHead,
    rows: vote.ranking
      .slice(0, count)
      .map((r) => [
        num(String(r.rank)),
        cell(r.label),
        num(fmt.integer(r.borda)),
        num(fmt.integer(r.firstPlaces)),
        r.meanTransferability === null
          ? muted(fmt.decimal(null))
          : num(fmt.decimal(r.meanTransferability)),
      ]),
  }
}
