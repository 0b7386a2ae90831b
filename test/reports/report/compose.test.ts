import { beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisDocument } from '../../../analysis/types.ts'
import { listCharts } from '../../../reports/charts/registry.ts'
import { renderSvg } from '../../../reports/draw/svg.ts'
import { escapeHtml, escapeMarkdown, oneLine } from '../../../reports/escape.ts'
import { composeReport } from '../../../reports/report/compose.ts'
import { reportFormat } from '../../../reports/report/format.ts'
import type { OpenAnswer, ReportMeta, ReportModel } from '../../../reports/report/model.ts'
import { inlineSvg, renderHtml } from '../../../reports/report/render-html.ts'
import { renderMarkdown } from '../../../reports/report/render-markdown.ts'
import { cleanAnswer } from '../../../reports/report/sections/open-answers.ts'
import { suppressCounts } from '../../../reports/report/suppress.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'

const markers = { email: '[e-mail]', phone: '[phone]' }

describe('reportFormat', () => {
  it('formats French numbers with a decimal comma and spaces', () => {
    const fr = reportFormat('fr-FR')
    expect(fr.decimal(1.25)).toBe('1,25')
    expect(fr.signed(-0.4706)).toBe('−0,47')
    expect(fr.signed(1.3)).toBe('+1,30')
    expect(fr.integer(12345)).toBe('12\u202f345')
    expect(fr.percent(48.8)).toMatch(/^48,8[\u00a0\u202f]%$/)
    expect(fr.interval([1.127, 1.491])).toBe('[1,13 ; 1,49]')
    expect(fr.p(0.00001)).toBe('< 0,001')
    expect(fr.plain(2023.5, 1)).toBe('2023,5')
    expect(fr.date('2025-03-01T10:00:00.000Z')).toBe('1 mars 2025')
  })

  it('formats English numbers', () => {
    const en = reportFormat('en')
    expect(en.decimal(1.25)).toBe('1.25')
    expect(en.percent(48.8)).toBe('48.8%')
    expect(en.integer(12345)).toBe('12,345')
    expect(en.decimal(null)).toBe('–')
    expect(en.date('2025-03-01T23:59:00.000Z')).toBe('1 March 2025')
  })
})

describe('escaping', () => {
  it('escapes HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })

  it('keeps Markdown markup as text', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>')
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))')
    expect(escapeMarkdown('| pipe |')).toBe('\\| pipe \\|')
    expect(escapeMarkdown('# *bold* _it_ `code` &amp;')).toBe(
      '\\# \\*bold\\* \\_it\\_ \\`code\\` \\&amp;',
    )
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('1. item')).toBe('1\\. item')
    expect(escapeMarkdown('---')).toBe('\\-\\-\\-')
    expect(escapeMarkdown('line\nbreak')).toBe('line break')
    // Figures stay readable.
    expect(escapeMarkdown('+1.25')).toBe('+1.25')
    expect(escapeMarkdown('3.5')).toBe('3.5')
  })

  it('drops control and bidi override characters', () => {
    expect(oneLine('a\u0007b\u202ec\r\n d')).toBe('abc d')
    expect(oneLine('48,8\u00a0% et 12\u202f345')).toBe('48,8\u00a0% et 12\u202f345')
  })
})

describe('cleanAnswer', () => {
  it('removes e-mail addresses and phone numbers but keeps amounts, years and dates', () => {
    expect(cleanAnswer('Write to anna.b@example.org today', 300, markers)).toBe(
      'Write to [e-mail] today',
    )
    for (const phone of [
      '+33 6 12 34 56 78',
      '06.12.34.56.78',
      '0039 051 123 4567',
      '76 12 34 56',
    ]) {
      expect(cleanAnswer(`Call ${phone}.`, 300, markers), phone).toBe('Call [phone].')
    }
    for (const kept of [
      'Loans of 10 000 000 XOF',
      'between 2019-2024',
      'since 31/03/2024',
      'on 2024-03-31',
      'about 25 000 € each',
      '48,8 %',
    ]) {
      expect(cleanAnswer(kept, 300, markers)).toBe(kept)
    }
  })

  it('cuts long answers at the limit with an ellipsis', () => {
    const long = `${'word '.repeat(100)}end`
    const cut = cleanAnswer(long, 300, markers)
    expect(Array.from(cut).length).toBeLessThanOrEqual(300)
    expect(cut.endsWith('…')).toBe(true)
    expect(cleanAnswer('x'.repeat(400), 300, markers)).toBe(`${'x'.repeat(299)}…`)
  })
})

describe('suppressCounts', () => {
  it('hides small cells and a complementary cell in each line that would reveal one', () => {
    const table = suppressCounts(
      [
        [7, 6],
        [3, 0],
        [0, 8],
      ],
      5,
    )
    const status = table.cells.map((r) => r.map((c) => c.status))
    expect(status).toEqual([
      ['hidden', 'hidden'],
      ['small', 'shown'],
      ['shown', 'hidden'],
    ])
    expect(table.rowTotals.map((r) => r.status)).toEqual(['shown', 'small', 'hidden'])
    expect(table.columnTotals.map((c) => c.n)).toEqual([10, 14])
    expect(table.total).toBe(24)
  })
})

describe('composeReport', () => {
  let doc: AnalysisDocument
  let model: ReportModel
  let answers: OpenAnswer[]
  const meta: ReportMeta = {
    fieldwork: { from: '2025-01-02T08:00:00.000Z', to: '2025-03-04T18:00:00.000Z' },
    respondents: [
      { region: 'FR-93', regionName: 'Seine-Saint-Denis', stakeholder: 'mfi', n: 12 },
      { region: 'FR-93', regionName: 'Seine-Saint-Denis', stakeholder: 'bank', n: 2 },
      { region: 'SE-VG', regionName: 'Västra Götaland', stakeholder: 'mfi', n: 3 },
    ],
    vote: null,
    voteMissing: 'no-ballots',
  }

  beforeAll(() => {
    doc = demoDocument('microfinance-gap', {}, { capRegions: { 'SE-VG': 3 } })
    answers = [
      { question: 'biggest_gap', group: 'FR-93', text: '<script>alert(1)</script>' },
      { question: 'biggest_gap', group: 'FR-93', text: '<script>alert(1)</script>' },
      { question: 'biggest_gap', group: 'SE-VG', text: 'SMALL GROUP SECRET' },
      { question: 'biggest_gap', group: 'IT-BO', text: 'call 06 12 34 56 78' },
    ]
    model = composeReport(doc, listCharts(doc, { locale: 'en' }), answers, meta, { locale: 'en' })
  })

  it('places every chart exactly once, in figure order', () => {
    const charts = listCharts(doc, { locale: 'en' })
    expect([...model.charts].sort()).toEqual(charts.map((c) => c.id).sort())
    const numbers = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.number] : [])),
    )
    expect(numbers).toEqual(charts.map((_, i) => i + 1))
  })

  it('shows no open answers and no figures for a group under k', () => {
    expect(doc.groups.find((g) => g.key === 'SE-VG')?.suppressed).toBe(true)
    const md = renderMarkdown(model)
    expect(md).not.toContain('SMALL GROUP SECRET')
    expect(md).toContain('**Västra Götaland (n = 3)**\n\n*n \\< 5: answers not shown.*')
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> (×2)')
    expect(md).toContain('call \\[phone removed\\]')
    expect(md).toContain('| Västra Götaland | 3 | not shown to protect respondents | – | – |')
    expect(md).toContain('no ballots have been counted yet')
  })

  it('gives the target groups n and the 95% interval, like the other sections', () => {
    const fmt = reportFormat('en')
    const women = doc.questions.find((q) => q.name === 'target_groups.women.access')
    const overall = women?.overall
    if (!women || !overall || !('mean' in overall)) throw new Error('no visible overall cell')
    const byGroup = doc.groups.map((g) => {
      const entry = women.groups[g.key]
      if (!entry || 'suppressed' in entry) return entry?.reason ? 'hidden' : 'n \\< 5'
      if (!('mean' in entry)) throw new Error('not a numeric cell')
      return `${fmt.decimal(entry.mean)} (${entry.n})`
    })
    expect(byGroup).toContain('n \\< 5')
    const interval = escapeMarkdown(fmt.interval(overall.ci95))
    const md = renderMarkdown(model)
    const labels = doc.groups.map((g) => g.label).join(' | ')
    expect(md).toContain(`| Access to finance today | All | 95% interval | n | ${labels} |`)
    expect(md).toContain(
      `| Women | ${fmt.decimal(overall.mean)} | ${interval} | ${overall.n} | ${byGroup.join(' | ')} |`,
    )
    expect(md).toContain(
      'All: mean of all respondents, with its 95% interval and n; by region: mean (n).',
    )
  })

  it('is the same model and text twice, and differs only in language', () => {
    const again = composeReport(doc, listCharts(doc, { locale: 'en' }), answers, meta)
    expect(renderMarkdown(again)).toBe(renderMarkdown(model))
    const fr = composeReport(doc, listCharts(doc, { locale: 'fr' }), answers, meta, {
      locale: 'fr',
    })
    expect(fr.lang).toBe('fr')
    expect(fr.sections[0]?.title).toBe('1. Synthèse')
    expect(renderMarkdown(fr)).toContain('du 2 janvier 2025 au 4 mars 2025')
  })

  it('renders HTML with every text escaped and no script', () => {
    const html = renderHtml(model, { svgs: new Map() })
    expect(
      html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(http/i)
    expect(html).toContain('@media print')
  })
})

describe('composeReport on every questionnaire', () => {
  const sections: Record<string, string> = {
    'good-practice': 'annex-tables',
    'best-practice-vote': 'vote',
    'codesign-challenge': 'codesign',
    'mfi-indicators': 'indicators',
  }
  for (const [survey, section] of Object.entries(sections)) {
    it(`places every chart of ${survey} once, with its own section`, () => {
      const doc = demoDocument(survey, { locale: 'fr' })
      const charts = listCharts(doc, { locale: 'fr' })
      const meta: ReportMeta = { fieldwork: null, respondents: [] }
      const model = composeReport(doc, charts, [], meta, { locale: 'fr' })
      expect([...model.charts].sort()).toEqual(charts.map((c) => c.id).sort())
      expect(model.sections.map((s) => s.id)).toContain(section)
      expect(renderMarkdown(model)).toContain('## Annexe B : dictionnaire des codes')
    })
  }
})

describe('inlineSvg', () => {
  it('prefixes ids and keeps a hostile label as text', async () => {
    const bad = '</svg><img src=x onerror=alert(1)><script>alert(1)</script>'
    const svg = await renderSvg({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: bad,
      data: { values: [{ a: bad, b: 1 }] },
      mark: 'rect',
      encoding: {
        y: { field: 'a', type: 'nominal' },
        x: { field: 'b', type: 'quantitative' },
        color: { field: 'b', type: 'quantitative' },
      },
    })
    const inlined = inlineSvg(svg, 'f7')
    expect(inlined).toMatch(/id="f7-gradient_0"/)
    expect(inlined).toContain('url(#f7-gradient_0)')
    expect(inlined.match(/<\/?svg\b/g)?.length).toBe(2)
    expect(inlined).not.toMatch(/<(img|script)\b/)
    expect(() => inlineSvg('<svg><script>alert(1)</script></svg>', 'x')).toThrow(/refusing/)
    expect(() => inlineSvg('<svg><g onload="x()"></g></svg>', 'x')).toThrow(/refusing/)
    expect(() => inlineSvg('<svg><image href="http://x/y.png"/></svg>', 'x')).toThrow(/refusing/)
  })
})
