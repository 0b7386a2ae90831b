/**
 * The analysis notes in the report's language: every sentence `writeNotes` can write is read
 * back and written again in each report language, and the French report's notes hold none of
 * the analysis's English.
 */
import { describe, expect, it } from 'vitest'
import { type NoteFacts, writeNotes } from '../../../analysis/write-notes.ts'
import { listCharts } from '../../../reports/charts/registry.ts'
import { composeReport } from '../../../reports/report/compose.ts'
import { createContext } from '../../../reports/report/context.ts'
import { REPORT_LANGUAGES } from '../../../reports/report/format.ts'
import { renderMarkdown } from '../../../reports/report/render-markdown.ts'
import { translateNote } from '../../../reports/report/sections/notes.ts'
import { demoDocument } from '../../fixtures/charts/demo-documents.ts'

const base: NoteFacts = {
  counted: 1234,
  drafts: false,
  wave: { wave: '2025', how: 'latest' },
  excluded: 0,
  by: 'region',
  versions: ['v1'],
  version: 'v1',
  k: 5,
  seed: 7,
  resamples: 2000,
  tests: null,
  family: 131,
  ipa: false,
  waves: null,
  wavesNote: null,
  rankings: false,
  skipped: [],
  dimensionNotes: [],
}

/** Facts that together take every branch of `writeNotes`. */
const variants: NoteFacts[] = [
  base,
  { ...base, drafts: true, wave: { wave: '2024', how: 'requested' }, excluded: 3 },
  { ...base, wave: { wave: '2026', how: 'latest-small' }, versions: ['v0', 'v1'] },
  { ...base, wave: { wave: undefined, how: 'all' }, family: 0, ipa: true, rankings: true },
  { ...base, wave: { wave: undefined, how: 'all-by-default' }, by: 'wave' },
  { ...base, wave: { wave: undefined, how: 'all-by-default' }, skipped: ['photos (paneldynamic)'] },
  {
    ...base,
    tests: 'Fewer than two groups have at least 5 respondents, so no tests were run.',
    waves: { from: '2024', to: '2025', choice: 'latest', leftOut: ['2026'] },
  },
  {
    ...base,
    tests:
      'Each group has at most one respondent (e.g. one consolidated questionnaire per partner): only description is honest, so no tests were run.',
    waves: { from: '2023', to: '2025', choice: 'requested', leftOut: [] },
  },
  { ...base, waves: { from: '2024', to: '2025', choice: 'latest', leftOut: [] } },
  {
    ...base,
    wavesNote: { reason: 'one-wave', requested: false, waves: [{ wave: '2025', n: 9, paired: 9 }] },
  },
  {
    ...base,
    wavesNote: {
      reason: 'too-few',
      requested: false,
      waves: [
        { wave: '2024', n: 4, paired: 3 },
        { wave: '2025', n: 4, paired: 4 },
      ],
    },
  },
  { ...base, wavesNote: { reason: 'too-few', requested: true, waves: [] } },
  { ...base, dimensionNotes: ['Dimension "supply": "performance.supply" is not a numeric item.'] },
]

const notes = [...new Set(variants.flatMap(writeNotes))]
const doc = demoDocument('microfinance-gap', { wave: '2025' })

describe('the analysis notes', () => {
  it('knows every sentence the analysis writes, in every report language', () => {
    // One distinct sentence per branch of writeNotes.
    expect(notes.length).toBe(25)
    for (const lang of REPORT_LANGUAGES) {
      const ctx = createContext(doc, [], lang)
      for (const note of notes) {
        const rewritten = translateNote(ctx, note)
        expect(rewritten, `${lang}: ${note}`).not.toBeNull()
        if (lang !== 'en') expect(rewritten, `${lang}: ${note}`).not.toBe(note)
      }
    }
  })

  it('keeps the facts of a note: figures, waves and names', () => {
    const fr = createContext(doc, [], 'fr')
    expect(translateNote(fr, writeNotes({ ...base, excluded: 3 })[1] ?? '')).toBe(
      '3 réponses sans réponse exploitable à « region » sont écartées de tous les résultats.',
    )
    expect(translateNote(fr, writeNotes(base)[0] ?? '')).toBe(
      '1\u202f234 réponses retenues (réponses envoyées seulement, brouillons écartés), vague 2025 uniquement (par défaut, la dernière vague comptant au moins 5 répondants).',
    )
    const waves = writeNotes(variants[6] ?? base).find((n) => n.startsWith('Waves:')) ?? ''
    expect(translateNote(fr, waves)).toContain('de 2024 à 2025')
    expect(translateNote(fr, waves)).toContain('pas encore comparées : 2026')
  })

  it('shows an unknown sentence as written, and says so', () => {
    const fr = createContext(doc, [], 'fr')
    expect(translateNote(fr, 'Something new.')).toBeNull()
    const en = createContext(doc, [], 'en')
    expect(en.text.notes.asWritten('Something new.')).toBe('Something new.')
    expect(fr.text.notes.asWritten('Something new.')).toBe(
      'Something new. (en anglais, tel que rédigé par l’analyse)',
    )
  })

  it('ends the French report with French notes', () => {
    const charts = listCharts(doc, { locale: 'fr' })
    const model = composeReport(
      doc,
      charts,
      [],
      { fieldwork: null, respondents: [] },
      { locale: 'fr' },
    )
    const md = renderMarkdown(model)
    const tail = md.slice(md.indexOf('### Notes de l’analyse'))
    expect(tail.length).toBeGreaterThan(500)
    expect(tail).not.toContain('en anglais')
    for (const note of doc.notes) expect(tail).not.toContain(note.slice(0, 30))
    expect(tail).toContain('Vagues : évolution de l’écart moyen')
  })
})
