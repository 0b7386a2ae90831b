/**
 * Sections of the special tallies: the good-practice vote, co-design priorities and indicator
 * reports, each with its charts and tables.
 */
import type {
  CodesignGroup,
  CodesignTally,
  IndicatorTally,
  VoteTally,
} from '../../../analysis/special/index.ts'
import { slug, specialTally } from '../../charts/read-document.ts'
import type { ComposeContext } from '../context.ts'
import { cell, muted, num } from '../context.ts'
import type { ReportBlock, ReportCell, ReportSection } from '../model.ts'
import { isSpecial } from './questions.ts'

/** The section of the document's special tally, or null when it has none. */
export function composeSpecial(ctx: ComposeContext): ReportSection | null {
  const tally = specialTally(ctx.doc)
  if (!tally) return null
  const charts = ctx.charts.takeWhere((c) => isSpecial(c.id))
  if (tally.kind === 'vote') return composeVote(ctx, tally, charts)
  if (tally.kind === 'codesign') return composeCodesign(ctx, tally, charts)
  return composeIndicators(ctx, tally, charts)
}

function composeVote(ctx: ComposeContext, vote: VoteTally, charts: ReportBlock[]): ReportSection {
  const { text, fmt } = ctx
  const s = text.special
  const k = vote.suppressBelow
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: s.voteIntro(fmt.integer(vote.ballots)) },
    ...charts,
    {
      kind: 'table',
      caption: s.voteCaption,
      head: s.voteHead,
      rows: vote.ranking.map((r) => [
        num(String(r.rank)),
        cell(r.label),
        num(fmt.integer(r.borda)),
        num(fmt.integer(r.firstPlaces)),
        num(fmt.integer(r.rankedBy)),
        r.meanTransferability === null
          ? muted(`${fmt.decimal(null)} (${fmt.integer(r.nTransferability)})`)
          : num(`${fmt.decimal(r.meanTransferability)} (${fmt.integer(r.nTransferability)})`),
      ]),
    },
  ]
  const criteria = vote.practices[0]?.criteria ?? []
  if (criteria.length > 0) {
    blocks.push({
      kind: 'table',
      caption: s.criteriaCaption,
      head: [s.voteHead[1] ?? '', ...criteria.map((c) => c.label)],
      rows: vote.practices.map((p) => [
        cell(p.label),
        ...p.criteria.map((c): ReportCell => {
          if (c.suppressed) return muted(text.suppressed(k))
          return c.mean === null ? muted(fmt.decimal(null)) : num(fmt.decimal(c.mean))
        }),
      ]),
    })
  }
  blocks.push({
    kind: 'table',
    caption: s.ballotsCaption,
    head: s.ballotsHead,
    rows: vote.ballotsByRegion.map((b) => [cell(b.name), num(fmt.integer(b.ballots))]),
  })
  if (vote.excludedOwnRegionVotes > 0 || vote.excludedOwnRegionScores > 0) {
    blocks.push({
      kind: 'paragraph',
      text: s.excluded(vote.excludedOwnRegionVotes, vote.excludedOwnRegionScores),
    })
  }
  return { id: 'vote', title: text.sections.vote, blocks }
}

function composeCodesign(
  ctx: ComposeContext,
  tally: CodesignTally,
  charts: ReportBlock[],
): ReportSection {
  const { text, fmt } = ctx
  const s = text.special
  const k = ctx.k
  const shown = (g: CodesignGroup) => g.n >= k
  // Subgroup charts share the overall title: name the subgroup in the caption.
  const subgroupOf = new Map(
    tally.subgroups.flatMap((g) => (g.key === null ? [] : [[`codesign-${slug(g.key)}`, g.label]])),
  )
  const captioned = charts.map((block) => {
    if (block.kind !== 'chart') return block
    const label = subgroupOf.get(block.id.split('.')[2] ?? '')
    return label ? { ...block, title: `${block.title} — ${label}` } : block
  })
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: s.codesignIntro(fmt.integer(tally.sheets)) },
    ...captioned,
    {
      kind: 'table',
      caption: s.challengesCaption,
      head: s.challengesHead,
      rows: tally.overall.challenges.map((c) => [
        num(String(c.rank)),
        cell(c.label),
        num(fmt.integer(c.borda)),
        num(fmt.integer(c.firstPlaces)),
        num(fmt.integer(c.n)),
        num(fmt.decimal(c.meanRank)),
      ]),
    },
  ]
  if (tally.subgroups.length > 0) {
    const places = text.summary.topHead
    blocks.push({
      kind: 'table',
      caption: s.subgroupsCaption,
      head: [text.groupWord.group.column, text.n, ...places],
      rows: tally.subgroups.map((g) => [
        cell(g.label),
        num(fmt.integer(g.n)),
        ...places.map((_, i): ReportCell => {
          if (!shown(g)) return muted(text.suppressed(k))
          const c = g.challenges[i]
          return c ? cell(c.label) : muted(fmt.decimal(null))
        }),
      ]),
    })
  }
  const groups = [tally.overall, ...tally.subgroups]
  const head = [text.annex.option, ...groups.map((g) => (g.key === null ? text.all : g.label))]
  const products = tally.overall.productTypes.counts
  if (products.length > 0) {
    blocks.push({
      kind: 'table',
      caption: s.productsCaption,
      head,
      rows: products.map((p) => [
        cell(p.label),
        ...groups.map((g): ReportCell => {
          if (g.key !== null && !shown(g)) return muted(text.suppressed(k))
          const share = g.productTypes.counts.find((c) => c.value === p.value)?.share ?? null
          return share === null ? muted(fmt.share(null)) : num(fmt.share(share))
        }),
      ]),
    })
  }
  if (tally.overall.ratings.length > 0) {
    blocks.push({
      kind: 'table',
      caption: s.ratingsCaption,
      head,
      rows: tally.overall.ratings.map((r) => [
        cell(r.label),
        ...groups.map((g): ReportCell => {
          if (g.key !== null && !shown(g)) return muted(text.suppressed(k))
          const mean = g.ratings.find((x) => x.question === r.question)?.mean ?? null
          return mean === null ? muted(fmt.decimal(null)) : num(fmt.decimal(mean))
        }),
      ]),
    })
  }
  return { id: 'codesign', title: text.sections.codesign, blocks }
}

function composeIndicators(
  ctx: ComposeContext,
  tally: IndicatorTally,
  charts: ReportBlock[],
): ReportSection {
  const { text, fmt } = ctx
  const s = text.special
  const count = (value: number | null) =>
    value === null ? muted(fmt.decimal(null)) : num(fmt.integer(value))
  const withShare = (value: number | null, share: number | null) =>
    value === null ? muted(fmt.decimal(null)) : num(`${fmt.integer(value)} (${fmt.share(share)})`)
  const rows: ReportCell[][] = []
  for (const region of tally.regions) {
    const last = region.periods.at(-1)
    if (!last) continue
    rows.push([
      cell(region.name),
      cell(last.period),
      num(fmt.integer(last.reports)),
      count(last.totals.members),
      count(last.totals.borrowers),
      withShare(last.totals.women, last.ratios.womenShare),
      withShare(last.totals.youth, last.ratios.youthShare),
      count(last.totals.portfolio),
      count(last.totals.savings),
      last.ratios.par30 === null ? muted(fmt.percent(null)) : num(fmt.percent(last.ratios.par30)),
    ])
  }
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: s.indicatorsIntro(fmt.integer(tally.reports)) },
    ...charts,
    { kind: 'table', caption: s.latestCaption, head: s.indicatorHead, rows },
    {
      kind: 'table',
      caption: s.flagsCaption,
      head: s.flagsHead,
      rows: tally.flags.counts.map((f) => [cell(s.flags[f.flag]), num(fmt.integer(f.reports))]),
    },
  ]
  return { id: 'indicators', title: text.sections.indicators, blocks }
}
