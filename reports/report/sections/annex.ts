/**
 * Annexes: every item's summary by group (full tables), a codebook of the questions with their
 * codes, and the list of charts with the notes of the analysis.
 */
import type { QuestionSummary } from '../../../analysis/types.ts'
import { isNumericCell, isRankingCell, isSuppressed } from '../../charts/read-document.ts'
import type { ComposeContext } from '../context.ts'
import {
  cell,
  groupEntry,
  groupHead,
  itemLabel,
  muted,
  num,
  numericText,
  questionHeading,
  suppressedCell,
} from '../context.ts'
import type { ReportBlock, ReportCell, ReportSection } from '../model.ts'
import { rewriteNote } from './notes.ts'
import { percentTable } from './questions.ts'

type Entry = QuestionSummary['overall'] | undefined

/** Consecutive items of one kind and question (free numbers of several questions join up). */
function runs(questions: QuestionSummary[]): QuestionSummary[][] {
  const out: QuestionSummary[][] = []
  for (const q of questions) {
    const last = out.at(-1)
    const prev = last?.at(-1)
    const same =
      prev !== undefined &&
      prev.kind === q.kind &&
      (prev.question === q.question ||
        (q.kind === 'numeric' && prev.name === prev.question && q.name === q.question))
    if (last && same && q.kind !== 'choice' && q.kind !== 'choices') last.push(q)
    else out.push([q])
  }
  return out
}

/** Annex A: every item by group. */
export function composeAnnexTables(ctx: ComposeContext): ReportSection {
  const { doc, text } = ctx
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: text.annex.tablesIntro }]
  const texts: QuestionSummary[] = []
  for (const run of runs(doc.questions)) {
    const first = run[0]
    if (!first) continue
    if (first.kind === 'text') texts.push(...run)
    else if (first.kind === 'numeric') blocks.push(numericTable(ctx, run))
    else if (first.kind === 'ranking') blocks.push(rankingTable(ctx, first))
    else
      blocks.push({ ...percentTable(ctx, first), caption: text.annex.choiceCaption(first.title) })
  }
  if (texts.length > 0) {
    const answered = (entry: Entry): ReportCell => {
      if (!entry) return muted(ctx.fmt.decimal(null))
      if (isSuppressed(entry)) return suppressedCell(ctx, entry)
      return num(ctx.fmt.integer(entry.n))
    }
    blocks.push({
      kind: 'table',
      caption: text.annex.textCaption,
      head: groupHead(ctx, text.annex.item),
      rows: texts.map((q) => [
        cell(q.title),
        answered(q.overall),
        ...doc.groups.map((g) => answered(groupEntry(q.groups, g.key))),
      ]),
      note: text.annex.textNote,
    })
  }
  return { id: 'annex-tables', title: text.sections.annexTables, blocks }
}

function numericTable(ctx: ComposeContext, run: QuestionSummary[]): ReportBlock {
  const { doc, text, fmt } = ctx
  const first = run[0]
  const single = run.every((q) => q.name === q.question)
  const heading = first && !single ? questionHeading(first.title) : text.questions.otherFigures
  const title = run.length === 1 && first ? first.title : heading
  const mean = (entry: Entry): ReportCell => {
    if (!entry) return muted(fmt.decimal(null))
    if (isSuppressed(entry)) return suppressedCell(ctx, entry)
    if (!isNumericCell(entry) || entry.n === 0) return muted(fmt.decimal(null))
    return num(`${numericText(ctx, entry, entry.mean, 2)} (${fmt.integer(entry.n)})`)
  }
  return {
    kind: 'table',
    caption: text.annex.numericCaption(title),
    head: groupHead(ctx, text.annex.item, [text.annex.test]),
    rows: run.map((q) => [
      cell(single ? q.title : itemLabel(q.title, heading)),
      mean(q.overall),
      ...doc.groups.map((g) => mean(groupEntry(q.groups, g.key))),
      q.test?.pHolm == null ? muted(fmt.p(null)) : num(fmt.p(q.test.pHolm)),
    ]),
    note: text.annex.numericNote,
  }
}

function rankingTable(ctx: ComposeContext, q: QuestionSummary): ReportBlock {
  const { doc, text, fmt } = ctx
  const figure = (entry: Entry, value: string | null): ReportCell => {
    if (!entry) return muted(fmt.decimal(null))
    if (isSuppressed(entry)) return suppressedCell(ctx, entry)
    if (!isRankingCell(entry)) return muted(fmt.decimal(null))
    return num(fmt.integer(value === null ? entry.n : (groupEntry(entry.points, value) ?? 0)))
  }
  const overall = isRankingCell(q.overall) ? q.overall : null
  const options = [...q.options].sort(
    (a, b) => (overall?.points[b.value] ?? 0) - (overall?.points[a.value] ?? 0),
  )
  const row = (label: string, value: string | null) => [
    cell(label),
    figure(q.overall, value),
    ...doc.groups.map((g) => figure(groupEntry(q.groups, g.key), value)),
  ]
  return {
    kind: 'table',
    caption: text.annex.rankingCaption(q.title),
    head: groupHead(ctx, text.annex.option),
    rows: [row(text.n, null), ...options.map((o) => row(o.label, o.value))],
    note: text.annex.rankingNote,
  }
}

/** Annex B: every item with its code, type, wording and answer codes. */
export function composeCodebook(ctx: ComposeContext): ReportSection {
  const { doc, text } = ctx
  let previous = ''
  const rows = doc.questions.map((q) => {
    const codes = q.options
      .map((o) => (o.label === o.value ? o.value : `${o.value} = ${o.label}`))
      .join('; ')
    const repeat = codes !== '' && codes === previous
    previous = codes
    return [
      cell(q.name),
      cell(q.cellType ? `${q.type} (${q.cellType})` : q.type),
      cell(q.title),
      repeat ? muted(text.annex.same) : cell(codes),
    ]
  })
  return {
    id: 'annex-codebook',
    title: text.sections.annexCodebook,
    blocks: [
      { kind: 'table', caption: text.sections.annexCodebook, head: text.annex.codebookHead, rows },
    ],
  }
}

/** Annex C: the charts in figure order with their file names, and the analysis notes. */
export function composeChartList(
  ctx: ComposeContext,
  charts: { id: string; title: string }[],
): ReportSection {
  const { doc, text } = ctx
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      caption: text.sections.annexCharts,
      head: text.annex.chartsHead,
      rows: charts.map((c, i) => [num(String(i + 1)), cell(c.title), cell(c.id)]),
    },
  ]
  if (doc.notes.length > 0) {
    blocks.push(
      { kind: 'subheading', text: text.annex.notes },
      { kind: 'list', items: doc.notes.map((note) => rewriteNote(ctx, note)) },
    )
  }
  return { id: 'annex-charts', title: text.sections.annexCharts, blocks }
}
