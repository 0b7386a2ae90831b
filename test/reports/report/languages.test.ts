/**
 * The report in its six languages, built from demo data: every language renders, and no English
 * template string is left in the fr, it, ro, sv and sl reports, nor in their charts, apart from
 * proper names. The English strings are taken from `text/en.ts` and from the English table of
 * `charts/text.ts` themselves: every string value and the static parts of every function's
 * output.
 */
import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../../analysis/analyze-survey.ts'
import type { AnalysisDocument } from '../../../analysis/types.ts'
import { type ChartEntry, listCharts } from '../../../reports/charts/registry.ts'
import {
  CHART_LANGUAGES,
  type ChartLanguage,
  type ChartText,
  chartText,
} from '../../../reports/charts/text.ts'
import { renderSvg } from '../../../reports/draw/svg.ts'
import { composeReport } from '../../../reports/report/compose.ts'
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../reports/report/format.ts'
import type { OpenAnswer, ReportMeta } from '../../../reports/report/model.ts'
import { renderHtml } from '../../../reports/report/render-html.ts'
import { renderMarkdown } from '../../../reports/report/render-markdown.ts'
import { en } from '../../../reports/report/text/en.ts'
import { fr } from '../../../reports/report/text/fr.ts'
import type { ReportText } from '../../../reports/report/text/index.ts'
import { it as italian } from '../../../reports/report/text/it.ts'
import { ro } from '../../../reports/report/text/ro.ts'
import { sv } from '../../../reports/report/text/sv.ts'
import { loadSurveyRegistry } from '../../../surveys/registry.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'

const registry = loadSurveyRegistry('surveys/definitions')

const SURVEYS = [
  'microfinance-gap',
  'good-practice',
  'best-practice-vote',
  'codesign-challenge',
  'mfi-indicators',
]

/** Between the arguments a template function is called with: never part of a fragment. */
const ARG = '\u0001'

/**
 * Words the language writes exactly as English does, so they are no leftover there: a check
 * would flag them although they are the right word (French "Dimension", Swedish "Region", the
 * Italian "performance", the Latin "idem").
 */
const SHARED: Partial<Record<ReportLanguage, string[]>> = {
  fr: [
    'Figure',
    'Dimension',
    'Type',
    'Total',
    'Questionnaire',
    'Importance',
    'Performance',
    'Quadrant',
    'Question',
    'Code',
    'importance − performance',
    'idem',
    ', version',
    '), version',
  ],
  it: ['Performance', 'Scale', 'idem'],
  ro: ['Total', 'Scale', 'idem'],
  sv: ['Dimension', 'Region', 'region', 'Gap', 'Period', ': median (n)', ', version', '), version'],
  sl: [],
}

/** Names and codes that are the same in every language. */
const EVERYWHERE = ['PAR30', 'p (Holm)']

/**
 * Every English template fragment of a text table, longest first; `extra` adds the output of
 * calls the generic arguments below never make (a branch on a word such as `'ipa'`).
 */
function fragments(table: ReportText | ChartText, extra: string[] = []): string[] {
  const found = new Set<string>()
  const add = (text: string) => {
    for (const part of text.split(new RegExp(`${ARG}|NaN|undefined|null|\\[object Object\\]`))) {
      const trimmed = part.trim()
      if (/[A-Za-z]{3,}/.test(trimmed)) found.add(trimmed)
    }
  }
  const call = (fn: (...args: unknown[]) => unknown) => {
    const variants: unknown[][] = [
      Array.from({ length: fn.length }, () => ARG),
      Array.from({ length: fn.length }, () => 1),
      Array.from({ length: fn.length }, () => 7),
      Array.from({ length: fn.length }, () => null),
    ]
    for (const args of variants) {
      let out: string
      try {
        out = String(fn(...args))
      } catch {
        continue // null where the template reads a field: another variant covers it
      }
      // Numbers given as arguments are not template text either.
      add(typeof args[0] === 'number' ? out.replace(/\d+/g, ARG) : out)
    }
  }
  const visit = (value: unknown): void => {
    if (typeof value === 'string') add(value)
    else if (typeof value === 'function') call(value as (...args: unknown[]) => unknown)
    else if (Array.isArray(value)) value.forEach(visit)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(table)
  for (const text of extra) add(text.replace(/\d+/g, ARG))
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}

/** Chart strings behind a branch on a word argument, which `fragments` calls with no such word. */
function chartBranches(text: ChartText): string[] {
  return [
    text.heatmapKind('ipa', 1, 5),
    ...['region', 'wave'].flatMap((by) => [text.nGroups(1, 1, by), text.nGroups(7, 7, by)]),
  ]
}

/** The readable text of the HTML report: no style, tags or entities. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The readable text of the Markdown report: escapes undone, link targets dropped. */
function markdownText(md: string): string {
  return md.replace(/\]\([^)]*\)/g, '] ').replace(/\\(.)/g, '$1')
}

/** Every label and code the questionnaire and the data give (names, not template text). */
function dataLabels(doc: AnalysisDocument): string[] {
  const labels = new Set<string>()
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string' && ['label', 'title', 'name', 'key', 'value'].includes(key)) {
      labels.add(value)
    } else if (Array.isArray(value)) for (const v of value) visit(v, key)
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k)
    }
  }
  visit(doc, '')
  return [...labels]
}

/** Whole-word occurrences of English fragments in a text. */
function leftovers(text: string, english: string[], shared: string[]): string[] {
  const edge = (c: string) => /[\p{L}\p{N}]/u.test(c)
  return english.filter((fragment) => {
    if (shared.includes(fragment)) return false
    const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const before = edge(fragment.charAt(0)) ? '(?<![\\p{L}\\p{N}])' : ''
    const after = edge(fragment.charAt(fragment.length - 1)) ? '(?![\\p{L}\\p{N}])' : ''
    return new RegExp(`${before}${escaped}${after}`, 'u').test(text)
  })
}

const meta: ReportMeta = {
  fieldwork: { from: '2025-01-02T08:00:00.000Z', to: '2025-03-04T18:00:00.000Z' },
  respondents: [
    { region: 'FR-93', regionName: 'Seine-Saint-Denis', stakeholder: 'mfi', n: 12 },
    { region: 'FR-93', regionName: 'Seine-Saint-Denis', stakeholder: 'bank', n: 2 },
    { region: 'IT-BO', regionName: 'Bologna', stakeholder: null, n: 9 },
  ],
  vote: null,
  voteMissing: 'no-ballots',
}

const answers: OpenAnswer[] = [
  { question: 'biggest_gap', group: 'FR-93', text: 'Mail a@b.org or call +33 6 12 34 56 78' },
  { question: 'biggest_gap', group: 'IT-BO', text: 'Garanzie' },
  { question: 'biggest_gap', group: 'SE-VG', text: 'hidden' },
]

interface Built {
  html: string
  md: string
  charts: ChartEntry[]
  /**
   * Proper names and codes in the report: chart ids, questionnaire labels and region names
   * (chart titles are template text around them, and are checked).
   */
  names: string[]
}

const built = new Map<string, Built>()

/** The report of a demo questionnaire in one language (one region under k, open answers). */
function build(survey: string, lang: ReportLanguage): Built {
  const key = `${survey}/${lang}`
  const cached = built.get(key)
  if (cached) return cached
  const doc = demoDocument(
    survey,
    { locale: lang, wave: survey === 'microfinance-gap' ? '2025' : null },
    { capRegions: { 'SE-VG': 2 } },
  )
  const charts = listCharts(doc, { locale: lang })
  const model = composeReport(doc, charts, answers, meta, { locale: lang })
  const names = [...charts.map((c) => c.id), ...dataLabels(doc)]
  const report = {
    html: renderHtml(model, { svgs: new Map() }),
    md: renderMarkdown(model),
    charts,
    names,
  }
  built.set(key, report)
  return report
}

/** The text with every name taken out, longest first. */
function withoutNames(text: string, names: string[]): string {
  return [...names]
    .filter((n) => /\p{L}{2,}/u.test(n))
    .sort((a, b) => b.length - a.length)
    .reduce((out, name) => out.split(name).join(' '), text)
}

/**
 * The text Vega draws in an SVG: one entry per text mark, its lines joined (without a space
 * after a line that ends in a hyphen, where a label was broken), entities undone.
 */
function drawnText(svg: string): string {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)]
    .map(([, inner = '']) => {
      const lines = [...inner.matchAll(/<tspan\b[^>]*>([\s\S]*?)<\/tspan>/g)].map((m) => m[1] ?? '')
      return (lines.length > 0 ? lines : [inner]).reduce((text, line) =>
        text === '' || text.endsWith('-') ? `${text}${line}` : `${text} ${line}`,
      )
    })
    .map((text) => htmlText(text))
    .join('\n')
}

/** A chart's drawn text with the names of its report taken out. */
async function drawnWithoutNames(chart: ChartEntry, names: string[]): Promise<string> {
  return withoutNames(drawnText(await renderSvg(chart.spec)), names)
}

const covering = new Map<string, Promise<string[]>>()

/**
 * The ids of a few charts of a questionnaire that between them draw every English chart string
 * its English charts draw: each chart, in order, that draws one the charts before it did not.
 */
function coveringCharts(survey: string, english: string[]): Promise<string[]> {
  let ids = covering.get(survey)
  if (!ids) {
    ids = (async () => {
      const { charts, names } = build(survey, 'en')
      const seen = new Set<string>()
      const kept: string[] = []
      for (const chart of charts) {
        const found = leftovers(await drawnWithoutNames(chart, names), english, [])
        if (found.some((f) => !seen.has(f))) kept.push(chart.id)
        for (const f of found) seen.add(f)
      }
      return kept
    })()
    covering.set(survey, ids)
  }
  return ids
}

/** The response chart grouped by wave and by a question, which name the groups otherwise. */
function groupedCharts(lang: ReportLanguage): { chart: ChartEntry; names: string[] }[] {
  return (['wave', 'stakeholder_type'] as const).map((by) => {
    const doc = demoDocument('microfinance-gap', { locale: lang, by })
    const chart = listCharts(doc, { locale: lang })[0]
    if (!chart?.id.endsWith('.response-progress.all')) throw new Error(`no response chart by ${by}`)
    return { chart, names: dataLabels(doc) }
  })
}

/** Every chart string the covering charts of every questionnaire draw in a language. */
async function chartLeftovers(lang: ReportLanguage, english: string[]): Promise<string[]> {
  const shared = lang === 'en' ? [] : [...(SHARED[lang] ?? []), ...EVERYWHERE]
  const found: string[] = []
  for (const survey of SURVEYS) {
    const { charts, names } = build(survey, lang)
    const ids = await coveringCharts(survey, english)
    for (const chart of charts.filter((c) => ids.includes(c.id))) {
      const text = await drawnWithoutNames(chart, names)
      found.push(...leftovers(text, english, shared).map((f) => `${chart.id}: ${f}`))
    }
  }
  for (const { chart, names } of groupedCharts(lang)) {
    const text = await drawnWithoutNames(chart, names)
    found.push(...leftovers(text, english, shared).map((f) => `${chart.id} by group: ${f}`))
  }
  return found
}

describe('the report in six languages', () => {
  const englishCharts = fragments(chartText('en'), chartBranches(chartText('en')))
  const english = [...new Set([...fragments(en), ...englishCharts])].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  )

  it("takes the English template strings from en.ts and the charts' English table, and finds them in an English report", () => {
    expect(english.length).toBeGreaterThan(350)
    expect(english).toContain('What stands out')
    expect(english).toContain('Notes of the analysis')
    expect(english).toContain('Largest gaps, all respondents:')
    expect(englishCharts).toContain('Importance − performance (answers')
    expect(englishCharts).toContain('Performance and importance by dimension')
    expect(englishCharts).toContain('regions')
    const report = build('microfinance-gap', 'en')
    const found = leftovers(htmlText(withoutNames(report.html, report.names)), english, [])
    expect(found.length).toBeGreaterThan(100)
    // The check sees a single English phrase in another language's text.
    expect(leftovers('Sintesi. Che cosa emerge: clear gap.', english, [])).toEqual(['clear gap'])
  })

  for (const lang of REPORT_LANGUAGES) {
    it(`renders every questionnaire in ${lang}, ${lang === 'en' ? 'the source' : 'with no English template string left'}`, () => {
      for (const survey of SURVEYS) {
        const { html, md, names } = build(survey, lang)
        expect(html).toContain(`<html lang="${lang}">`)
        for (const text of [html, md]) {
          expect(text, `${survey} ${lang}`).not.toMatch(/\[object Object\]|undefined|NaN/)
        }
        if (lang === 'en') continue
        const shared = [...(SHARED[lang] ?? []), ...EVERYWHERE]
        const texts = { html: htmlText(html), md: markdownText(md) }
        for (const [format, text] of Object.entries(texts)) {
          const found = leftovers(withoutNames(text, names), english, shared)
          expect(found, `${survey} ${lang} ${format}`).toEqual([])
        }
      }
    })
  }

  it('finds English chart strings in a few drawn English charts, every one they draw', async () => {
    const found = await chartLeftovers('en', englishCharts)
    const strings = new Set(found.map((f) => f.slice(f.indexOf(': ') + 2)))
    for (const string of ['Gap', 'Importance–performance analysis', 'Wave', 'Group', 'Period']) {
      expect(strings, string).toContain(string)
    }
    expect(strings.size).toBeGreaterThan(50)
    const drawn = await Promise.all(SURVEYS.map((s) => coveringCharts(s, englishCharts)))
    expect(drawn.flat().length).toBeLessThan(40)
  })

  for (const lang of REPORT_LANGUAGES.filter((l) => l !== 'en')) {
    it(`draws no English chart string in the charts of the ${lang} report`, async () => {
      expect(await chartLeftovers(lang, englishCharts)).toEqual([])
    })
  }

  it('writes numbers the way each language does', () => {
    const gap = (lang: ReportLanguage) => {
      const { md } = build('microfinance-gap', lang)
      return md.match(/\| 1 \| [^|]+ \| ([^|]+) \| ([^|]+) \|/)?.slice(1, 3)
    }
    expect(gap('en')?.[0]).toMatch(/^\+\d\.\d\d$/)
    expect(gap('en')?.[1]).toMatch(/^\\\[\d\.\d\d, \d\.\d\d\\\]$/)
    expect(gap('fr')?.[1]).toMatch(/^\\\[\d,\d\d ; \d,\d\d\\\]$/)
    for (const lang of ['it', 'ro', 'sv', 'sl'] as const) {
      expect(gap(lang)?.[0], lang).toMatch(/^\+\d,\d\d$/)
      expect(gap(lang)?.[1], lang).toMatch(/^\\\[\d,\d\d; \d,\d\d\\\]$/)
    }
  })

  it('takes labels from the questionnaire in the language, its default where it has none', () => {
    const gap = build('microfinance-gap', 'sl').md
    expect(gap).toContain('Zrelost – Programi finančnega opismenjevanja')
    expect(gap).toContain('## 1\\. Povzetek')
    // The same questionnaire without its Slovenian strings: labels fall back to the default.
    const survey = registry.get('microfinance-gap')
    if (!survey) throw new Error('no microfinance-gap')
    const json = withoutLanguage(survey.json, 'sl') as typeof survey.json
    const doc = analyzeSurvey({
      survey: { ...survey, json },
      responses: [],
      regionNames: {},
      options: { locale: 'sl', wave: null },
    })
    const md = renderMarkdown(
      composeReport(doc, listCharts(doc, { locale: 'sl' }), [], meta, { locale: 'sl' }),
    )
    expect(md).toContain('# Microfinance ecosystem gap analysis')
    expect(md).toContain('| How important is each dimension for inclusive finance in your region?')
    expect(md).toContain('## 1\\. Povzetek')
  })
})

/** A questionnaire's JSON without one language in any of its localizable strings. */
function withoutLanguage(value: unknown, lang: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutLanguage(v, lang))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== lang)
      .map(([key, v]) => [key, withoutLanguage(v, lang)]),
  )
}

describe('the text tables', () => {
  it('are one per language, each with every key (the type check refuses a missing one)', () => {
    const { asWritten: _, ...notes } = en.notes
    // @ts-expect-error: a table without a key does not type-check.
    const missingKey: ReportText = { ...en, notes }
    // @ts-expect-error: a head with a column too few does not type-check.
    const shortHead: ReportText = { ...en, method: { ...en.method, scaleHead: ['Scale'] } }
    // @ts-expect-error: a language without a table does not type-check.
    const missingLanguage: Record<ReportLanguage, ReportText> = { en, fr, it: italian, ro, sv }
    expect([missingKey, shortHead, missingLanguage].length).toBe(3)
  })

  it('give the charts a table per report language, each with every key', () => {
    expect([...CHART_LANGUAGES]).toEqual([...REPORT_LANGUAGES])
    const english = chartText('en')
    const { gapLegend: _, ...withoutKey } = english
    // @ts-expect-error: a chart table without a key does not type-check.
    const missingKey: ChartText = withoutKey
    const tables = { en: english, fr: chartText('fr'), it: chartText('it'), ro: chartText('ro') }
    // @ts-expect-error: a language without a chart table does not type-check.
    const missingLanguage: Record<ChartLanguage, ChartText> = { ...tables, sv: chartText('sv') }
    expect([missingKey, missingLanguage].length).toBe(2)
    for (const lang of CHART_LANGUAGES.filter((l) => l !== 'en')) {
      expect(chartText(lang), lang).not.toBe(english)
    }
    expect(chartText('de')).toBe(english)
  })
})
