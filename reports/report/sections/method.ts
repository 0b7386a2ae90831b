/**
 * The method section: questionnaire version(s), fieldwork dates, respondents by region ×
 * stakeholder type (small cells suppressed), scales, "don't know" treatment, statistics used
 * and the self-rating caveat.
 */
import type { AnalysisDocument, OptionLabel, QuestionSummary } from '../../../analysis/types.ts'
import { findQuestion } from '../../charts/read-document.ts'
import type { ComposeContext } from '../context.ts'
import { cell, muted, num, questionHeading } from '../context.ts'
import type { ReportBlock, ReportCell, ReportMeta, ReportSection } from '../model.ts'
import { type CountStatus, suppressCounts } from '../suppress.ts'
import { adequateN, WIDE_SHARE } from './summary.ts'

/** The method section; `progress` is the response-progress chart's id, placed here. */
export function composeMethod(ctx: ComposeContext, meta: ReportMeta): ReportSection {
  const { doc, text, fmt } = ctx
  const m = text.method
  const groups = ctx.word.inCount(doc.groups.length, fmt.integer(doc.groups.length))
  const versions =
    doc.versions.length > 1 || (doc.versions[0] !== undefined && doc.versions[0] !== doc.version)
      ? m.versionsMany(doc.versions.join(', '))
      : doc.version
  const blocks: ReportBlock[] = [
    {
      kind: 'facts',
      items: [
        { term: m.questionnaire, text: m.questionnaireValue(doc.title, doc.survey, doc.version) },
        { term: m.versions, text: versions },
        {
          term: m.counted,
          text: doc.counted === 'submitted' ? m.countedSubmitted : m.countedDrafts,
        },
        { term: m.wave, text: doc.wave === null ? m.allWaves : m.waveOnly(doc.wave) },
        { term: m.grouping, text: m.groupingBy(ctx.word) },
        {
          term: m.fieldwork,
          text: meta.fieldwork
            ? m.fieldworkRange(fmt.date(meta.fieldwork.from), fmt.date(meta.fieldwork.to))
            : m.noDates,
        },
        { term: m.respondents, text: m.respondentsValue(fmt.integer(doc.n), groups) },
        { term: m.suppression, text: m.suppressionValue(ctx.k) },
      ],
    },
    { kind: 'subheading', text: m.respondentsTitle },
  ]
  const progress = ctx.charts.takeWhere((c) => c.id.split('.')[1] === 'response-progress')
  blocks.push(...progress, ...respondentsTable(ctx, meta))
  const scales = scaleRows(ctx)
  if (scales.length > 0) {
    blocks.push({ kind: 'subheading', text: m.scales })
    blocks.push({
      kind: 'table',
      caption: m.scales,
      head: m.scaleHead,
      rows: scales,
      note: m.scalesNote,
    })
  }
  blocks.push({ kind: 'subheading', text: m.dkTitle })
  blocks.push({
    kind: 'paragraph',
    text: m.dk(doc.methods.dkCodes.map((c) => `"${c}"`).join(', ')),
  })
  blocks.push({ kind: 'subheading', text: m.statistics })
  blocks.push({ kind: 'list', items: statistics(ctx) })
  blocks.push({ kind: 'subheading', text: m.caveatTitle })
  blocks.push({ kind: 'paragraph', text: m.caveat })
  return { id: 'method', title: text.sections.method, blocks }
}

function statistics(ctx: ComposeContext): string[] {
  const { doc, text, fmt } = ctx
  const m = text.method
  const items = [
    m.wilson,
    m.bootstrap(fmt.integer(doc.resamples), doc.seed, fmt.integer(doc.methods.bootstrapMaxN)),
  ]
  const gaps = doc.dimensions.length > 0
  if (gaps) {
    const wide = fmt.percent(WIDE_SHARE * 100, 0)
    items.push(m.paired, m.sureness(fmt.integer(adequateN(ctx.k)), wide))
  }
  const populated = doc.groups.filter((g) => g.n > 0)
  if (populated.length > 0 && populated.every((g) => g.n <= 1)) items.push(text.summary.onePerGroup)
  else if (doc.tests.skipped !== null) items.push(m.fewGroups(ctx.k))
  else {
    items.push(m.tests, m.adjustment(fmt.integer(doc.tests.family)))
    if (gaps) items.push(m.standsOut(ctx.word.between))
  }
  if (doc.ipa) items.push(m.ipaCrosshair)
  if (doc.questions.some((q) => q.kind === 'ranking')) items.push(m.borda)
  return items
}

/** Respondents by stakeholder type (rows) and region (columns), small cells suppressed. */
function respondentsTable(ctx: ComposeContext, meta: ReportMeta): ReportBlock[] {
  const { text, fmt } = ctx
  const m = text.method
  if (meta.respondents.length === 0) return []
  const regions = [
    ...new Map(meta.respondents.map((r) => [r.region, r.regionName])).entries(),
  ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const kinds = [...new Set(meta.respondents.map((r) => r.stakeholder))]
  const labels = stakeholderLabels(ctx.doc, kinds)
  // Types in questionnaire order, then unknown ones by code, "not stated" last.
  const order = (key: string | null) => (key === null ? 1e9 : (labels.order.get(key) ?? 1e6))
  kinds.sort((a, b) => order(a) - order(b) || String(a).localeCompare(String(b), 'en'))
  const counts = kinds.map((kind) =>
    regions.map(([region]) =>
      meta.respondents
        .filter((r) => r.region === region && r.stakeholder === kind)
        .reduce((sum, r) => sum + r.n, 0),
    ),
  )
  const table = suppressCounts(counts, ctx.k)
  const show = (entry: { n: number; status: CountStatus }): ReportCell =>
    entry.status === 'small'
      ? muted(text.suppressed(ctx.k))
      : entry.status === 'hidden'
        ? muted(text.hidden)
        : num(fmt.integer(entry.n))
  const rows: ReportCell[][] = kinds.map((kind, r) => [
    cell(kind === null ? text.notStated : (labels.names.get(kind) ?? kind)),
    ...(table.cells[r] ?? []).map(show),
    show(table.rowTotals[r] ?? { n: 0, status: 'shown' }),
  ])
  rows.push([cell(m.total), ...table.columnTotals.map(show), num(fmt.integer(table.total))])
  return [
    {
      kind: 'table',
      caption: m.respondentsCaption,
      head: [m.stakeholder, ...regions.map(([, name]) => name), m.total],
      rows,
      note: m.respondentsNote(ctx.k),
    },
  ]
}

/**
 * Names of stakeholder types: the options of `stakeholder_type` or of the first single-choice
 * question whose options cover every type given; the codes themselves otherwise.
 */
function stakeholderLabels(
  doc: AnalysisDocument,
  kinds: (string | null)[],
): { names: Map<string, string>; order: Map<string, number> } {
  const keys = kinds.filter((k): k is string => k !== null)
  const covers = (q: QuestionSummary) =>
    q.kind === 'choice' && keys.every((k) => q.options.some((o) => o.value === k))
  const question =
    [findQuestion(doc, 'stakeholder_type')].find((q) => q !== null && covers(q)) ??
    doc.questions.find(covers)
  const options = question?.options ?? []
  return {
    names: new Map(options.map((o) => [o.value, o.label])),
    order: new Map(options.map((o, i) => [o.value, i])),
  }
}

/** One row per distinct scale of the gap dimensions (or of rated items when there are none). */
function scaleRows(ctx: ComposeContext): ReportCell[][] {
  const { doc } = ctx
  const paths = doc.dimensions.flatMap((d) => [d.current, d.target])
  const items =
    paths.length > 0
      ? paths.map((p) => findQuestion(doc, p)).filter((q): q is QuestionSummary => q !== null)
      : doc.questions.filter((q) => q.kind === 'numeric' && q.options.length >= 2)
  const scales = new Map<string, { names: string[]; options: OptionLabel[] }>()
  for (const q of items) {
    if (q.options.length < 2) continue
    const heading = questionHeading(q.title)
    const column = q.type === 'matrixdropdown' ? q.title.split(' — ').at(-1) : undefined
    const key = `${heading}\u0000${JSON.stringify(q.options)}`
    const scale = scales.get(key) ?? { names: [heading], options: q.options }
    if (column && !scale.names.includes(column)) scale.names.push(column)
    scales.set(key, scale)
  }
  return [...scales.values()].slice(0, 12).map((s) => {
    const [heading, ...columns] = s.names
    const name = columns.length > 0 ? `${heading} — ${columns.join(' / ')}` : (heading ?? '')
    const values = s.options
      .map((o) => (o.label.startsWith(o.value) ? o.label : `${o.value} = ${o.label}`))
      .join(' · ')
    return [cell(name), cell(values)]
  })
}
