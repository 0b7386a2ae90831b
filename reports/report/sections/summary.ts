/**
 * The summary, in plain words: who answered; what stands out (the largest gap of each kind,
 * where groups differ clearly, which groups are not shown) with how sure each finding is; the
 * largest gaps ranked within one kind and scale, never across; and the practices worth
 * transferring. No p-values here: the method section and the notes keep the statistics.
 */
import type { VoteTally } from '../../../analysis/special/index.ts'
import type { DimensionCell, DimensionSummary, SuppressedCell } from '../../../analysis/types.ts'
import { dimensionDomain, isSuppressed, specialTally } from '../../charts/read-document.ts'
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
import type { GapKind, Sureness } from '../text/index.ts'

/** A gap is "uncertain, answers vary widely" when its interval is wider than this share of the scale. */
export const WIDE_SHARE = 0.25

/** Fewer respondents than this make a gap "uncertain, few answers" (at least 10, else 2k). */
export function adequateN(k: number): number {
  return Math.max(10, 2 * k)
}

/** Groups clearly differ on a gap when its exploratory test's Holm-adjusted p is below this. */
const CLEAR_DIFFERENCE = 0.05

/** Gaps of one kind on one scale: the unit a ranking may compare. */
interface GapFamily {
  kind: GapKind
  domain: [number, number]
  /** Dimensions with a visible overall gap, largest first. */
  ranked: DimensionSummary[]
}

/**
 * How sure a gap is, in words: not shown (suppressed), few answers, an interval wider than
 * {@link WIDE_SHARE} of the scale, an interval that includes zero, or clear.
 */
export function sureness(
  entry: DimensionCell | SuppressedCell | undefined,
  domain: readonly [number, number],
  k: number,
): Sureness {
  if (!entry || isSuppressed(entry)) return 'protected'
  if (entry.n < adequateN(k) || entry.ci95 === null) return 'fewAnswers'
  const [low, high] = entry.ci95
  if (high - low > WIDE_SHARE * (domain[1] - domain[0])) return 'wide'
  return low <= 0 && high >= 0 ? 'includesZero' : 'clear'
}

/** The summary section. */
export function composeSummary(
  ctx: ComposeContext,
  meta: ReportMeta,
  topGaps: number,
): ReportSection {
  const { doc, text } = ctx
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: introLine(ctx, meta) }]
  if (doc.n === 0) blocks.push({ kind: 'paragraph', text: text.summary.empty })
  if (onePerGroup(ctx)) blocks.push({ kind: 'paragraph', text: text.summary.onePerGroup })
  const families = gapFamilies(ctx)
  if (families.length > 0) {
    blocks.push(
      { kind: 'subheading', text: text.summary.standsOutTitle },
      { kind: 'list', items: standsOut(ctx, families) },
    )
    for (const family of families) {
      blocks.push(
        { kind: 'subheading', text: capitalize(familyTitle(ctx, family)) },
        topOverall(ctx, family, topGaps),
        ...topByGroup(ctx, family),
      )
    }
  }
  blocks.push(...practices(ctx, meta))
  return { id: 'summary', title: text.sections.summary, blocks }
}

function introLine(ctx: ComposeContext, meta: ReportMeta): string {
  const { doc, text, fmt } = ctx
  const count = doc.groups.length
  const groups = ctx.word.inCount(count, fmt.integer(count))
  const fieldwork = meta.fieldwork
    ? text.method.fieldworkRange(fmt.date(meta.fieldwork.from), fmt.date(meta.fieldwork.to))
    : null
  return text.summary.intro(fmt.integer(doc.n), groups, fieldwork, ctx.k, text.waveScope(doc.wave))
}

/** Every group has at most one respondent: description only, no comparison. */
function onePerGroup(ctx: ComposeContext): boolean {
  const populated = ctx.doc.groups.filter((g) => g.n > 0)
  return populated.length > 0 && populated.every((g) => g.n <= 1)
}

/** Dimensions with a visible overall gap, by kind (IPA first) and scale, each ranked. */
function gapFamilies(ctx: ComposeContext): GapFamily[] {
  const families: GapFamily[] = []
  for (const kind of ['importance-performance', 'current-target'] as const) {
    const byScale = new Map<string, GapFamily>()
    for (const d of rankedDimensions(ctx.doc, kind)) {
      if (visibleDimensionCell(d.overall)?.gap == null) continue
      const domain = dimensionDomain(ctx.doc, d)
      const key = domain.join('/')
      const family = byScale.get(key) ?? { kind, domain, ranked: [] }
      family.ranked.push(d)
      byScale.set(key, family)
    }
    families.push(...byScale.values())
  }
  return families
}

/** "maturity, target − current (scale 0–4)": what a family's tables are titled with. */
function familyTitle(ctx: ComposeContext, family: GapFamily): string {
  return `${ctx.text.kindTitle[family.kind]} (${scaleText(ctx, family)})`
}

function scaleText(ctx: ComposeContext, family: GapFamily): string {
  const [low, high] = family.domain
  return ctx.text.summary.scale(ctx.fmt.plain(low), ctx.fmt.plain(high))
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The plain sentences: per family its largest gap and where groups differ; hidden groups. */
function standsOut(ctx: ComposeContext, families: GapFamily[]): string[] {
  const { doc, text, fmt } = ctx
  const s = text.summary
  const between = ctx.word.between
  const compared = doc.tests.skipped === null
  const items: string[] = []
  for (const family of families) {
    const top = family.ranked[0]
    const overall = top ? visibleDimensionCell(top.overall) : null
    if (top && overall) {
      const sure = s.sure[sureness(overall, family.domain, ctx.k)]
      const largest = s.largest[family.kind]
      items.push(largest(top.label, fmt.signed(overall.gap), scaleText(ctx, family), sure))
    }
    if (!compared) continue
    const differing = family.ranked.filter(
      (d) => d.test?.pHolm != null && d.test.pHolm < CLEAR_DIFFERENCE,
    )
    const sentences = differing.slice(0, 2).flatMap((d) => {
      const ends = extremes(ctx, d)
      return ends ? [s.standsOut(d.label, between, ends.high, ends.low)] : []
    })
    items.push(
      ...(sentences.length > 0 ? sentences : [s.noneStandsOut(text.kind[family.kind], between)]),
    )
  }
  if (!compared && !onePerGroup(ctx)) items.push(s.noComparison(between, ctx.k))
  const hidden = doc.groups.filter((g) => g.suppressed && g.n > 0)
  if (hidden.length > 0) {
    const list = hidden.map((g) => groupLabel(ctx, g)).join(text.listSeparator)
    items.push(s.protectedGroups(list, ctx.k))
  }
  return items
}

/** The groups with the largest and the smallest visible gap: "label (+1.20)". */
function extremes(ctx: ComposeContext, d: DimensionSummary): { high: string; low: string } | null {
  const visible = ctx.doc.groups.flatMap((g) => {
    const gap = visibleDimensionCell(groupEntry(d.groups, g.key))?.gap
    return gap == null ? [] : [{ g, gap }]
  })
  if (visible.length < 2) return null
  // Stable: among equal gaps the first group in document order wins.
  const high = visible.reduce((a, b) => (b.gap > a.gap ? b : a))
  const low = visible.reduce((a, b) => (b.gap < a.gap ? b : a))
  const show = (x: { g: (typeof visible)[number]['g']; gap: number }) =>
    `${groupLabel(ctx, x.g)} (${ctx.fmt.signed(x.gap)})`
  return { high: show(high), low: show(low) }
}

/** The largest gaps of one family, all respondents, with how sure each is. */
function topOverall(ctx: ComposeContext, family: GapFamily, count: number): ReportBlock {
  const { text, fmt } = ctx
  return {
    kind: 'table',
    caption: text.summary.topOverall(text.kindTitle[family.kind], scaleText(ctx, family)),
    head: ['#', text.dimension, text.gap, text.ci, text.n, text.summary.sureHead],
    rows: family.ranked.slice(0, count).map((d, i) => {
      const overall = visibleDimensionCell(d.overall)
      return [
        num(String(i + 1)),
        cell(d.label),
        num(fmt.signed(overall?.gap ?? null)),
        num(fmt.interval(overall?.ci95 ?? null)),
        num(fmt.integer(overall?.n ?? 0)),
        cell(text.summary.sure[sureness(d.overall, family.domain, ctx.k)]),
      ]
    }),
  }
}

/** The three largest gaps of one family in each group, or "not shown". */
function topByGroup(ctx: ComposeContext, family: GapFamily): ReportBlock[] {
  const { doc, text, fmt } = ctx
  if (doc.groups.length < 2) return []
  const places = text.summary.topHead
  const rows: ReportCell[][] = doc.groups.map((g) => {
    const head = [cell(groupLabel(ctx, g)), num(fmt.integer(g.n))]
    if (g.suppressed) {
      return [
        ...head,
        ...places.map((_, i) => muted(i === 0 ? text.summary.sure.protected : fmt.decimal(null))),
      ]
    }
    const top = family.ranked
      .map((d) => ({ d, gap: visibleDimensionCell(groupEntry(d.groups, g.key))?.gap }))
      .filter((x): x is { d: DimensionSummary; gap: number } => x.gap != null)
      .sort((a, b) => b.gap - a.gap)
    return [
      ...head,
      ...places.map((_, i) => {
        const x = top[i]
        return x ? cell(`${x.d.label} (${fmt.signed(x.gap)})`) : muted(fmt.decimal(null))
      }),
    ]
  })
  return [
    {
      kind: 'table',
      caption: text.summary.topByGroup(
        ctx.word,
        text.kindTitle[family.kind],
        scaleText(ctx, family),
      ),
      head: [ctx.word.column, text.n, ...places],
      rows,
    },
  ]
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
