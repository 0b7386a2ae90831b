/**
 * Question sections: target groups (access and priority by group), barriers (shares by group)
 * and every remaining chart (ratings, answer shares, rankings), grouped by question.
 */
import type { QuestionSummary } from '../../../analysis/types.ts'
import { isChoiceCell, isNumericCell, isSuppressed } from '../../charts/read-document.ts'
import type { ComposeContext } from '../context.ts'
import {
  cell,
  chartKind,
  groupEntry,
  groupHead,
  groupLabel,
  itemLabel,
  muted,
  num,
  numericText,
  questionHeading,
  suppressedCell,
} from '../context.ts'
import type { ReportBlock, ReportCell, ReportSection, ReportTable } from '../model.ts'
import { chartId } from './gaps.ts'

/** Free numbers (indicators reported by respondents): median (n) by group; null without. */
export function composeFigures(ctx: ComposeContext): ReportSection | null {
  const { doc, text, fmt } = ctx
  const items = doc.questions.filter(
    (q) => q.kind === 'numeric' && q.options.length === 0 && q.name === q.question,
  )
  if (items.length === 0) return null
  const median = (entry: QuestionSummary['overall'] | undefined): ReportCell => {
    if (!entry) return muted(fmt.decimal(null))
    if (isSuppressed(entry)) return suppressedCell(ctx, entry)
    if (!isNumericCell(entry) || entry.n === 0 || entry.median === null)
      return muted(fmt.decimal(null))
    const digits = Number.isInteger(entry.median) ? 0 : 1
    return num(`${numericText(ctx, entry, entry.median, digits)} (${fmt.integer(entry.n)})`)
  }
  const title = text.sections.figures
  return {
    id: 'figures',
    title,
    blocks: [
      { kind: 'paragraph', text: text.questions.figuresIntro },
      {
        kind: 'table',
        caption: text.questions.medianCaption(title),
        head: groupHead(ctx, text.annex.item),
        rows: items.map((q) => [
          cell(q.title),
          median(q.overall),
          ...doc.groups.map((g) => median(groupEntry(q.groups, g.key))),
        ]),
        note: text.questions.medianNote,
      },
    ],
  }
}

/** Questions about target groups: a top-level name such as `target_groups`. */
function isTargetGroupItem(q: QuestionSummary): boolean {
  return /target_?groups?/i.test(q.question) && q.kind === 'numeric'
}

/** Access and priority of each target group; null when the questionnaire has none. */
export function composeTargetGroups(ctx: ComposeContext): ReportSection | null {
  const { doc, text } = ctx
  const items = doc.questions.filter(isTargetGroupItem)
  if (items.length === 0) return null
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: text.questions.targetGroupsIntro }]
  // One table per column of the matrix (access, priority…), rows = target groups.
  const byColumn = new Map<string, QuestionSummary[]>()
  for (const q of items) {
    const parts = q.title.split(' — ')
    const column = q.type === 'matrixdropdown' ? (parts.at(-1) ?? '') : questionHeading(q.title)
    byColumn.set(column, [...(byColumn.get(column) ?? []), q])
  }
  for (const [column, questions] of byColumn) {
    blocks.push(...ctx.charts.takeWhere((c) => questions.some((q) => c.id === likertId(ctx, q))))
    blocks.push(meanTable(ctx, column, questions))
  }
  return { id: 'target-groups', title: text.sections.targetGroups, blocks }
}

/**
 * Means of numeric items (rows): all respondents with the 95% interval and n, like the gap
 * tables, then each group's mean (n).
 */
export function meanTable(
  ctx: ComposeContext,
  title: string,
  questions: QuestionSummary[],
): ReportTable {
  const { doc, text } = ctx
  const first = questions[0]
  const low = first?.options[0]?.label ?? ''
  const high = first?.options.at(-1)?.label ?? ''
  const range = low && high ? text.questions.meanNote(low, high) : ''
  return {
    kind: 'table',
    caption: text.questions.meanCaption(title),
    head: [title, text.all, text.ci, text.n, ...doc.groups.map((g) => groupLabel(ctx, g))],
    rows: questions.map((q) => {
      const parts = q.title.split(' — ')
      const label =
        q.type === 'matrixdropdown' ? (parts[1] ?? q.name) : itemLabel(q.title, parts[0] ?? '')
      return [
        cell(label),
        ...overallMean(ctx, q.overall),
        ...doc.groups.map((g) => groupMean(ctx, groupEntry(q.groups, g.key))),
      ]
    }),
    note: [range, text.questions.meanCells(ctx.word)].filter((t) => t !== '').join(' '),
  }
}

type Entry = QuestionSummary['overall'] | undefined

/** Mean, 95% interval and n of all respondents: three cells. */
function overallMean(ctx: ComposeContext, entry: Entry): ReportCell[] {
  const { fmt } = ctx
  if (entry && isSuppressed(entry))
    return Array.from({ length: 3 }, () => suppressedCell(ctx, entry))
  if (!entry || !isNumericCell(entry) || entry.n === 0) {
    return [muted(fmt.decimal(null)), muted(fmt.interval(null)), muted(fmt.integer(0))]
  }
  return [num(fmt.decimal(entry.mean)), num(fmt.interval(entry.ci95)), num(fmt.integer(entry.n))]
}

/** A group's mean with its n in brackets, "n < k", "hidden" or a dash. */
function groupMean(ctx: ComposeContext, entry: Entry): ReportCell {
  const { fmt } = ctx
  if (!entry) return muted(fmt.decimal(null))
  if (isSuppressed(entry)) return suppressedCell(ctx, entry)
  return isNumericCell(entry) && entry.n > 0
    ? num(`${fmt.decimal(entry.mean)} (${fmt.integer(entry.n)})`)
    : muted(fmt.decimal(null))
}

/** Shares of every option of a choice question by group, largest overall share first. */
export function percentTable(ctx: ComposeContext, q: QuestionSummary): ReportTable {
  const { doc, text, fmt } = ctx
  const overall = isChoiceCell(q.overall) ? q.overall : null
  const options = [...q.options].sort(
    (a, b) => (overall?.percent[b.value] ?? -1) - (overall?.percent[a.value] ?? -1),
  )
  const share = (
    entry: QuestionSummary['overall'] | undefined,
    value: string | null,
  ): ReportCell => {
    if (!entry) return muted(fmt.decimal(null))
    if (isSuppressed(entry)) return suppressedCell(ctx, entry)
    if (!isChoiceCell(entry)) return muted(fmt.decimal(null))
    if (value === null) return num(fmt.integer(entry.n))
    const percent = groupEntry(entry.percent, value)
    return percent == null ? muted(fmt.percent(null)) : num(fmt.percent(percent))
  }
  const row = (label: string, value: string | null): ReportCell[] => [
    cell(label),
    share(q.overall, value),
    ...doc.groups.map((g) => share(groupEntry(q.groups, g.key), value)),
  ]
  return {
    kind: 'table',
    caption: text.questions.percentCaption(q.title),
    head: groupHead(ctx, text.annex.option),
    rows: [row(text.n, null), ...options.map((o) => row(o.label, o.value))],
    note: text.questions.percentNote(q.kind === 'choices'),
  }
}

/** Barrier questions (a name with "barrier"): chart and shares by group; null without. */
export function composeBarriers(ctx: ComposeContext): ReportSection | null {
  const { doc, text } = ctx
  const questions = doc.questions.filter(
    (q) => /barrier/i.test(q.question) && (q.kind === 'choices' || q.kind === 'choice'),
  )
  if (questions.length === 0) return null
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: text.questions.barriersIntro }]
  for (const q of questions) {
    const chart = ctx.charts.take(chartId(ctx, 'percent-bars', q.name))
    if (chart) blocks.push(chart)
    blocks.push(percentTable(ctx, q))
  }
  return { id: 'barriers', title: text.sections.barriers, blocks }
}

function likertId(ctx: ComposeContext, q: QuestionSummary): string {
  return chartId(ctx, 'likert', q.name)
}

/** Every chart not placed elsewhere, under one subheading per question or chart type. */
export function composeOtherCharts(ctx: ComposeContext): ReportSection | null {
  const { doc, text } = ctx
  const blocks: ReportBlock[] = []
  // Likert charts grouped by their question (all importance rows, then all performance rows…).
  const headings = new Map<string, QuestionSummary[]>()
  for (const q of doc.questions) {
    const heading = questionHeading(q.title)
    headings.set(heading, [...(headings.get(heading) ?? []), q])
  }
  for (const [heading, questions] of headings) {
    const ids = new Set(questions.map((q) => likertId(ctx, q)))
    const charts = ctx.charts.takeWhere((c) => ids.has(c.id))
    if (charts.length > 0) blocks.push({ kind: 'subheading', text: heading }, ...charts)
  }
  const groups: [string, string[]][] = [
    [text.questions.ratings, ['likert']],
    [text.questions.shares, ['percent-bars']],
    [text.questions.rankings, ['borda-bars']],
  ]
  for (const [heading, kinds] of groups) {
    const charts = ctx.charts.takeWhere((c) => kinds.includes(chartKind(c)) && !isSpecial(c.id))
    if (charts.length > 0) blocks.push({ kind: 'subheading', text: heading }, ...charts)
  }
  // Any chart kind no section knows (a new builder) still appears once.
  const rest = ctx.charts.takeWhere(() => true)
  if (rest.length > 0)
    blocks.push({ kind: 'subheading', text: text.questions.otherFigures }, ...rest)
  if (blocks.length === 0) return null
  return { id: 'other-results', title: text.sections.charts, blocks }
}

/** Charts of the special tallies, placed in their own sections. */
export function isSpecial(id: string): boolean {
  const [, kind, subject = ''] = id.split('.')
  if (kind === 'indicator-trend') return true
  return kind === 'borda-bars' && (subject === 'vote' || subject.startsWith('codesign'))
}
