import { describe, expect, it } from 'vitest'
import type { AnalysisDocument } from '../../../analysis/types.ts'
import { listCharts } from '../../../reports/charts/registry.ts'
import { composeReport } from '../../../reports/report/compose.ts'
import type { ReportMeta, ReportModel } from '../../../reports/report/model.ts'
import { renderMarkdown } from '../../../reports/report/render-markdown.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'

const meta: ReportMeta = { fieldwork: null, respondents: [] }

function report(doc: AnalysisDocument, locale: 'en' | 'fr'): ReportModel {
  return composeReport(doc, listCharts(doc, { locale }), [], meta, { locale })
}

/** The texts of the "Change between waves" section, and its chart titles. */
function wavesSection(model: ReportModel) {
  const section = model.sections.find((s) => s.id === 'waves')
  if (!section) throw new Error('no waves section')
  return {
    paragraphs: section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
    charts: section.blocks.flatMap((b) => (b.kind === 'chart' ? [b.title] : [])),
    tables: section.blocks.filter((b) => b.kind === 'table').length,
  }
}

describe('the report when a new wave has begun', () => {
  const doc = demoDocument(
    'microfinance-gap',
    { wave: undefined },
    { newWave: { wave: '2026', count: 1 } },
  )

  it('compares 2024 → 2025 and says in one sentence that 2026 is not compared yet', () => {
    const en = wavesSection(report(doc, 'en'))
    expect(en.paragraphs[1]).toBe(
      'Wave 2026 has 1 response so far and is not compared yet: a wave needs at least 5 respondents who answered both sides of a dimension.',
    )
    expect(en.tables).toBe(1)
    // One slope chart per kind of gap, each titled with its kind and the two waves.
    expect(en.charts).toEqual([
      'Importance − performance gaps: wave 2024 → 2025',
      'Maturity gaps, target − today: wave 2024 → 2025',
    ])
    const fr = wavesSection(report(doc, 'fr'))
    expect(fr.paragraphs[1]).toBe(
      'La vague 2026 compte 1 réponse pour l’instant et n’est pas encore comparée : une vague doit compter au moins 5 répondants ayant renseigné les deux volets d’une dimension.',
    )
    expect(fr.charts).toEqual([
      'Écarts importance − performance : vague 2024 → 2025',
      'Écarts de maturité, cible − actuel : vague 2024 → 2025',
    ])
  })

  it('states the wave of its figures in the subtitle, the summary and the chart titles', () => {
    const model = report(doc, 'en')
    expect(model.subtitle).toMatch(/ · wave 2025$/)
    const intro = model.sections[0]?.blocks[0]
    expect(intro?.kind === 'paragraph' && intro.text).toMatch(
      /^\d+ respondents in 6 regions, wave 2025\./,
    )
    const fr = report(demoDocument('microfinance-gap', { locale: 'fr' }), 'fr')
    expect(fr.subtitle).toMatch(/ · toutes les vagues$/)
    expect(renderMarkdown(fr)).toContain('(toutes les vagues)')
  })
})

describe('the report when no two waves can be compared', () => {
  // Three responses of 2025 and one of 2026: neither wave has 5 respondents.
  const doc = demoDocument(
    'microfinance-gap',
    { wave: undefined },
    {
      onlyWaves: ['2025'],
      capRegions: { 'FR-93': 3, 'IT-BO': 0, 'RO-BI': 0, 'SE-VG': 0, 'SI-HEART': 0, 'ML-KK': 0 },
      newWave: { wave: '2026', count: 1 },
    },
  )

  it('writes one sentence instead of the charts and the table, in every report language', () => {
    expect(doc.waves).toBeNull()
    const en = wavesSection(report(doc, 'en'))
    expect(en).toEqual({
      paragraphs: [
        'Wave 2025 has 3 responses; wave 2026 has 1 response so far: no comparison between waves yet, it needs two waves with at least 5 respondents each who answered both sides of a dimension.',
      ],
      charts: [],
      tables: 0,
    })
    const fr = wavesSection(report(doc, 'fr'))
    expect(fr.paragraphs).toEqual([
      'La vague 2025 compte 3 réponses ; la vague 2026 compte 1 réponse pour l’instant : pas encore de comparaison entre vagues, il en faut deux comptant chacune au moins 5 répondants ayant renseigné les deux volets d’une dimension.',
    ])
    expect(report(doc, 'en').charts.some((id) => id.includes('gap-slope'))).toBe(false)
  })
})

describe('the reference year reported by respondents', () => {
  it('prints a median year as a year, never 2023,5', () => {
    const doc = demoDocument('microfinance-gap', { wave: null, locale: 'fr' })
    const year = doc.questions.find((q) => q.name === 'ind_year')
    const medians = [year?.overall, ...Object.values(year?.groups ?? {})].flatMap((c) =>
      c && 'median' in c && c.median !== null ? [c.median] : [],
    )
    expect(medians.length).toBeGreaterThan(3)
    for (const m of medians) expect(Number.isInteger(m)).toBe(true)
    const md = renderMarkdown(report(doc, 'fr'))
    const row = md.split('\n').find((line) => line.startsWith('| Année de référence des chiffres'))
    expect(row).toMatch(/\| 202[34] \(\d+\) \|/)
    expect(row).not.toMatch(/\d,5/)
  })
})
