/**
 * The summary in plain words, read through the composed report (Markdown) from demo data: what
 * stands out, where and how sure, gaps ranked within one kind and scale, no statistics jargon.
 */
import { describe, expect, it } from 'vitest'
import type { AnalysisDocument, DimensionCell } from '../../../analysis/types.ts'
import { listCharts } from '../../../reports/charts/registry.ts'
import { composeReport } from '../../../reports/report/compose.ts'
import { reportFormat } from '../../../reports/report/format.ts'
import type { ReportMeta, ReportModel, ReportTable } from '../../../reports/report/model.ts'
import { renderMarkdown } from '../../../reports/report/render-markdown.ts'
import { sureness } from '../../../reports/report/sections/summary.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'

const meta: ReportMeta = { fieldwork: null, respondents: [], vote: null, voteMissing: 'no-ballots' }

function report(doc: AnalysisDocument, locale: string): ReportModel {
  return composeReport(doc, listCharts(doc, { locale }), [], meta, { locale })
}

/** The Markdown of the summary section only. */
function summaryMarkdown(model: ReportModel): string {
  const md = renderMarkdown(model)
  const start = md.indexOf(`## ${model.sections[0]?.title.replace('.', '\\.')}`)
  const end = md.indexOf(`## ${model.sections[1]?.title.replace('.', '\\.')}`)
  expect(start).toBeGreaterThan(0)
  return md.slice(start, end)
}

function summaryTables(model: ReportModel): ReportTable[] {
  return (model.sections[0]?.blocks ?? []).filter((b): b is ReportTable => b.kind === 'table')
}

/** Västra Götaland capped under k = 5: one group the summary must not show. */
const doc = demoDocument(
  'microfinance-gap',
  { wave: '2025' },
  { onlyWaves: ['2025'], capRegions: { 'SE-VG': 3 } },
)
const en = report(doc, 'en')
const fr = report(demoDocument('microfinance-gap', { wave: '2025', locale: 'fr' }, {}), 'fr')

describe('the summary', () => {
  it('says what stands out, where and how sure, in plain words', () => {
    const md = summaryMarkdown(en)
    const fmt = reportFormat('en')
    const top = doc.dimensions.find(
      (d) => d.id === doc.dimensionRanking.find((id) => id.startsWith('maturity')),
    )
    const cell = top?.overall as DimensionCell
    expect(md).toContain('### What stands out')
    expect(md).toContain(
      `- Largest gap between today's maturity and the target: ${top?.label}, on average ${fmt.signed(cell.gap)} (scale 0–4) — clear gap.`,
    )
    expect(md).toMatch(
      /- Largest gap between importance and performance: .+, on average \+\d\.\d\d \(scale 1–5\) — clear gap\./,
    )
    // Where: regions that differ clearly, with the largest and the smallest gap.
    expect(md).toMatch(
      /: the gap differs clearly between regions; largest in [^(]+ \(\+\d\.\d\d\), smallest in [^(]+ \([+−]\d\.\d\d\)\./,
    )
    expect(md).toContain(
      'Not shown, to protect respondents: Västra Götaland (fewer than 5 respondents).',
    )
    const fmd = summaryMarkdown(fr)
    expect(fmd).toContain('### Ce qui ressort')
    expect(fmd).toMatch(/l’écart diffère nettement entre les régions ; le plus élevé : /)
  })

  it('keeps p-values and test names out of the summary, and in the method section', () => {
    for (const model of [en, fr]) {
      const md = summaryMarkdown(model)
      expect(md).not.toMatch(/\bp \\?[<=]|Holm|exploratory|exploratoire|Kruskal/)
    }
    const md = renderMarkdown(en)
    expect(md).toContain(
      'The summary says that a gap differs clearly between regions when its exploratory Kruskal–Wallis test gives a Holm-adjusted p below 0.05.',
    )
    expect(md).toContain(
      'In the summary, a gap is called clear when its 95% interval excludes zero and at least 10 respondents gave both values; uncertain when fewer did or when the interval is wider than 25% of the scale',
    )
  })

  it('ranks gaps within one kind, each table titled with its kind and scale', () => {
    const tables = summaryTables(en)
    expect(tables.map((t) => t.caption)).toEqual([
      'Largest gaps, all respondents: importance − performance (scale 1–5)',
      'Largest gaps by region: importance − performance (scale 1–5)',
      'Largest gaps, all respondents: maturity, target − current (scale 0–4)',
      'Largest gaps by region: maturity, target − current (scale 0–4)',
    ])
    const kindOf = new Map(doc.dimensions.map((d) => [d.label, d.kind]))
    const [ipa, , maturity] = tables
    for (const [table, kind] of [
      [ipa, 'importance-performance'],
      [maturity, 'current-target'],
    ] as const) {
      const labels = table?.rows.map((r) => r[1]?.text) ?? []
      expect(labels.length).toBe(5)
      for (const label of labels) expect(kindOf.get(label ?? '')).toBe(kind)
      const gaps = table?.rows.map((r) => Number(r[2]?.text.replace('−', '-'))) ?? []
      expect(gaps).toEqual([...gaps].sort((a, b) => b - a))
      expect(table?.head).toEqual(['#', 'Dimension', 'Gap', '95% interval', 'n', 'How sure'])
    }
    // Each region's top three come from one kind too.
    const byRegion = tables[3]?.rows.find((r) => r[0]?.text === 'Bologna') ?? []
    for (const c of byRegion.slice(2)) {
      expect(kindOf.get(c.text.replace(/ \([+−]\d\.\d\d\)$/, ''))).toBe('current-target')
    }
    const hidden = tables[1]?.rows.find((r) => r[0]?.text === 'Västra Götaland')
    expect(hidden?.[2]?.text).toBe('not shown to protect respondents')
  })

  it('says "uncertain, few answers" and that regions cannot be compared when answers are few', () => {
    const caps = { 'FR-93': 8, 'IT-BO': 0, 'RO-BI': 0, 'SE-VG': 0, 'SI-HEART': 0, 'ML-KK': 0 }
    const small = report(
      demoDocument('microfinance-gap', { wave: '2025' }, { onlyWaves: ['2025'], capRegions: caps }),
      'en',
    )
    const md = summaryMarkdown(small)
    expect(md).toMatch(/on average [+−]\d\.\d\d \(scale 0–4\) — uncertain, few answers\./)
    expect(md).toMatch(/\| uncertain, few answers \|/)
    expect(md).not.toContain('clear gap')
    expect(md).toContain(
      '- No comparison between regions: fewer than two have at least 5 respondents.',
    )
  })
})

describe('sureness', () => {
  const cell = (n: number, ci95: [number, number] | null): DimensionCell => ({
    n,
    current: 2,
    target: 3,
    gap: 1,
    ci95,
    gapSign: 'positive',
    quadrant: null,
  })
  const scale = [0, 4] as const

  it('words a gap as clear, no clear gap, uncertain or not shown', () => {
    expect(sureness(cell(40, [0.5, 1.2]), scale, 5)).toBe('clear')
    expect(sureness(cell(40, [-0.2, 0.6]), scale, 5)).toBe('includesZero')
    expect(sureness(cell(9, [0.5, 1.2]), scale, 5)).toBe('fewAnswers')
    expect(sureness(cell(12, [0.5, 1.2]), scale, 8)).toBe('fewAnswers')
    expect(sureness(cell(40, null), scale, 5)).toBe('fewAnswers')
    // Wider than a quarter of the 0–4 scale.
    expect(sureness(cell(40, [0.2, 1.3]), scale, 5)).toBe('wide')
    expect(sureness({ n: 3, suppressed: true }, scale, 5)).toBe('protected')
    expect(sureness(undefined, scale, 5)).toBe('protected')
  })
})
