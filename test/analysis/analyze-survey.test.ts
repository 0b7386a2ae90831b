import { describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../analysis/analyze-survey.ts'
import type { AnalysisOptions } from '../../analysis/input.ts'
import { bootstrapMeanInterval, wilsonInterval } from '../../analysis/stats/index.ts'
import type { AnalysisDocument, Interval, QuestionSummary } from '../../analysis/types.ts'
import { handResponses, loadGapSurvey, REGION_NAMES } from '../fixtures/analysis/gap-responses.ts'

const RESAMPLES = 200

/** All waves unless told: the fixture's figures are written over both waves. */
function analyze(options: AnalysisOptions = {}, responses = handResponses()) {
  return analyzeSurvey({
    survey: loadGapSurvey(),
    responses,
    regionNames: REGION_NAMES,
    options: { resamples: RESAMPLES, wave: null, ...options },
  })
}

function question(doc: AnalysisDocument, name: string): QuestionSummary {
  const found = doc.questions.find((q) => q.name === name)
  if (!found) throw new Error(`no question ${name}`)
  return found
}

function dimension(doc: AnalysisDocument, id: string) {
  const found = doc.dimensions.find((d) => d.id === id)
  if (!found) throw new Error(`no dimension ${id}`)
  return found
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4
const roundInterval = (i: Interval | null) => (i ? i.map(round4) : null)
const percentCi = (x: number, n: number) => {
  const i = wilsonInterval(x, n)
  return i ? [round4(i[0] * 100), round4(i[1] * 100)] : null
}

describe('analyzeSurvey on the hand-made two-region fixture (k = 2)', () => {
  const doc = analyze()

  it('counts submitted responses only and lists the groups sorted by key', () => {
    expect(doc.survey).toBe('gap-survey')
    expect(doc.by).toBe('region')
    expect(doc.wave).toBeNull()
    expect(doc.counted).toBe('submitted')
    expect(doc.versions).toEqual(['v1'])
    expect(doc.suppressBelow).toBe(2)
    expect(doc.seed).toBe(1)
    expect(doc.resamples).toBe(RESAMPLES)
    expect(doc.n).toBe(5)
    expect(doc.groups).toEqual([
      { key: 'N', label: 'North', n: 3, suppressed: false },
      { key: 'S', label: 'South', n: 2, suppressed: false },
    ])
    expect(doc.special).toBeNull()
  })

  it('lists every item by path, in document order, without display elements', () => {
    expect(doc.questions.map((q) => `${q.name}:${q.kind}`)).toEqual([
      'stakeholder:choice',
      'member:choice',
      'barriers:choices',
      'satisfaction:numeric',
      'guarantee:choice',
      'coverage:numeric',
      'performance.regulation:numeric',
      'performance.guarantees:numeric',
      'importance.regulation:numeric',
      'importance.guarantees:numeric',
      'maturity.coordination.current:numeric',
      'maturity.coordination.target:numeric',
      'priorities:ranking',
      'biggest_gap:text',
    ])
    expect(question(doc, 'maturity.coordination.current').title).toBe(
      'Maturity — Coordination — Today',
    )
  })

  it('counts single choices and booleans with percentages and Wilson intervals in percent', () => {
    const stakeholder = question(doc, 'stakeholder')
    expect(stakeholder.groups.N).toEqual({
      n: 3,
      dk: 0,
      counts: { mfi: 2, bank: 1, public: 0 },
      percent: { mfi: 66.6667, bank: 33.3333, public: 0 },
      ci95: { mfi: percentCi(2, 3), bank: percentCi(1, 3), public: percentCi(0, 3) },
    })
    expect(stakeholder.groups.S).toMatchObject({ n: 2, counts: { mfi: 0, bank: 1, public: 1 } })
    expect(question(doc, 'member').groups.N).toMatchObject({ counts: { true: 2, false: 1 } })
  })

  it('treats each multi-select option as yes/no among those who answered, dk apart', () => {
    const barriers = question(doc, 'barriers')
    expect(barriers.options.map((o) => o.value)).toEqual(['collateral', 'cost', 'awareness'])
    expect(barriers.groups.N).toMatchObject({
      n: 2,
      dk: 1,
      counts: { collateral: 1, cost: 2, awareness: 0 },
      percent: { collateral: 50, cost: 100, awareness: 0 },
    })
    expect(barriers.groups.S).toMatchObject({ n: 2, counts: { collateral: 1, awareness: 2 } })
    expect(barriers.test).toBeNull()
    expect(Object.keys(barriers.optionTests ?? {})).toEqual(['collateral', 'cost', 'awareness'])
  })

  it('describes ratings: n, mean, sd, quartiles, distribution, top-2 box, bootstrap interval', () => {
    const satisfaction = question(doc, 'satisfaction')
    expect(satisfaction.groups.N).toEqual({
      n: 3,
      dk: 0,
      mean: 4,
      sd: 1,
      median: 4,
      q1: 3.5,
      q3: 4.5,
      min: 3,
      max: 5,
      ci95: roundInterval(bootstrapMeanInterval([3, 4, 5], { seed: 1, resamples: RESAMPLES })),
      counts: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 },
      top2: { count: 2, percent: 66.6667, ci95: percentCi(2, 3) },
    })
    // overall 2, 2, 3, 4, 5: mean 3.2, sd √1.7
    expect(satisfaction.overall).toMatchObject({
      n: 5,
      mean: 3.2,
      sd: round4(Math.sqrt(1.7)),
      median: 3,
      q1: 2,
      q3: 4,
      min: 2,
      max: 5,
    })
  })

  it('counts "don\'t know" apart from n in matrix rows and matrixdropdown cells', () => {
    expect(question(doc, 'performance.guarantees').groups.N).toMatchObject({
      n: 2,
      dk: 1,
      mean: 2.5,
    })
    expect(question(doc, 'maturity.coordination.current').groups.N).toMatchObject({
      n: 2,
      dk: 1,
      mean: 1.5,
      counts: { 0: 0, 1: 1, 2: 1, 3: 0, 4: 0 },
    })
    expect(question(doc, 'importance.regulation').groups.S).toMatchObject({ n: 2, mean: 3.5 })
  })

  it('leaves a question hidden by its condition out of n, and suppresses it complementarily', () => {
    const coverage = question(doc, 'coverage')
    // S: only s2 saw it (n = 1 < 2); N (n = 2) is hidden so that overall − N cannot reveal S.
    expect(coverage.groups.S).toEqual({ n: 1, suppressed: true })
    expect(coverage.groups.N).toEqual({ n: 2, suppressed: true, reason: 'complementary' })
    expect(coverage.overall).toMatchObject({ n: 3, dk: 0, mean: 53.3333, median: 50, counts: null })
    expect(coverage.test).toBeNull()
  })

  it('gives rankings mean positions and Borda points (k options: k points for the first)', () => {
    const priorities = question(doc, 'priorities')
    expect(priorities.groups.N).toEqual({
      n: 3,
      counts: { a: 2, b: 2, c: 2 },
      meanRank: { a: 1.5, b: 1.5, c: 2 },
      points: { a: 5, b: 5, c: 4 },
    })
    expect(priorities.groups.S).toEqual({
      n: 2,
      counts: { a: 2, b: 1, c: 1 },
      meanRank: { a: 1, b: 3, c: 2 },
      points: { a: 6, b: 1, c: 2 },
    })
  })

  it('shows only how many answered an open question, and hides that under k', () => {
    const gap = question(doc, 'biggest_gap')
    expect(gap.groups).toEqual({ N: { n: 1, suppressed: true }, S: { n: 0, suppressed: true } })
    expect(JSON.stringify(doc)).not.toContain('guarantee fund for women')
  })

  it('scores paired gaps, signs and IPA quadrants against each group’s cross-hairs', () => {
    const regulation = dimension(doc, 'regulation')
    expect(regulation.groups.N).toEqual({
      n: 3,
      current: 2,
      target: 4.6667,
      gap: 2.6667,
      ci95: roundInterval(bootstrapMeanInterval([3, 1, 4], { seed: 1, resamples: RESAMPLES })),
      gapSign: 'positive',
      quadrant: 'concentrate-here',
    })
    expect(regulation.groups.S).toMatchObject({
      n: 2,
      current: 4.5,
      target: 3.5,
      gap: -1,
      gapSign: 'negative',
      quadrant: 'possible-overkill',
    })
    expect(regulation.overall).toMatchObject({
      n: 5,
      current: 3,
      target: 4.2,
      gap: 1.2,
      quadrant: 'keep-up-the-good-work',
    })
    const guarantees = dimension(doc, 'guarantees')
    expect(guarantees.groups.N).toMatchObject({ n: 2, current: 2.5, target: 3.5, gap: 1 })
    expect(guarantees.groups.N).toMatchObject({ quadrant: 'possible-overkill' })
    expect(guarantees.groups.S).toMatchObject({ gap: 2, quadrant: 'concentrate-here' })
    expect(guarantees.overall).toMatchObject({ n: 4, gap: 1.5, quadrant: 'low-priority' })
    const maturity = dimension(doc, 'maturity-coordination')
    expect(maturity.groups.N).toMatchObject({ n: 2, current: 1.5, target: 2.5, gap: 1 })
    expect(maturity.groups.N).toMatchObject({ quadrant: null, gapSign: 'positive' })
    expect(maturity.overall).toMatchObject({ n: 4, current: 1.5, target: 3, gap: 1.5 })
    expect(doc.ipa).toEqual({
      groups: {
        N: { current: 2.25, target: 4.0833, dimensions: 2 },
        S: { current: 3.5, target: 4, dimensions: 2 },
      },
      overall: { current: 2.75, target: 4.1, dimensions: 2 },
    })
    // Overall gaps: guarantees 1.5, maturity 1.5 (declared order breaks the tie), regulation 1.2.
    expect(doc.dimensionRanking).toEqual(['guarantees', 'maturity-coordination', 'regulation'])
  })

  it('tests across groups: Kruskal–Wallis with ε², adjusted over the whole document', () => {
    // N = [3, 4, 5], S = [2, 2]: H = 3 / 0.95 (tie correction), ε² = H / 4.
    expect(question(doc, 'satisfaction').test).toMatchObject({
      name: 'kruskal-wallis',
      statistic: 3.1579,
      df: 1,
      effect: { name: 'epsilon-squared', value: 0.7895 },
      method: 'permutation',
      groups: ['N', 'S'],
      n: 5,
      exploratory: true,
    })
    const tests = [
      ...doc.questions.flatMap((q) => [q.test, ...Object.values(q.optionTests ?? {})]),
      ...doc.dimensions.map((d) => d.test),
    ].filter((t) => t !== null)
    const withP = tests.filter((t) => t.p !== null)
    expect(doc.tests.family).toBe(withP.length)
    expect(withP.length).toBeGreaterThan(5)
    for (const t of withP) {
      expect(t.pHolm ?? 0).toBeGreaterThanOrEqual(t.p ?? 1)
      expect(t.pHolm ?? 0).toBeGreaterThanOrEqual(t.pBH ?? 1)
    }
    expect(question(doc, 'stakeholder').test?.name).toMatch(/chi-square|fisher/)
    expect(dimension(doc, 'regulation').test?.name).toBe('kruskal-wallis')
    expect(doc.tests.skipped).toBeNull()
    expect(doc.notes.some((n) => n.startsWith('Tests are exploratory'))).toBe(true)
  })

  it('compares the two latest waves per region, hiding regions under k on either side', () => {
    expect(doc.waves?.from).toBe('2024')
    expect(doc.waves?.to).toBe('2025')
    const regulation = doc.waves?.dimensions.find((d) => d.id === 'regulation')
    expect(regulation?.groups).toEqual({
      N: { nFrom: 1, nTo: 2, suppressed: true },
      S: { nFrom: 1, nTo: 1, suppressed: true },
    })
    // 2024: n1 gap 3, s1 gap −1 → 1; 2025: n2 1, n3 4, s2 −1 → 4/3.
    expect(regulation?.overall).toMatchObject({
      nFrom: 2,
      nTo: 3,
      gapFrom: 1,
      gapTo: 1.3333,
      change: 0.3333,
    })
  })
})

describe('analyzeSurvey options', () => {
  it('counts drafts when asked', () => {
    const doc = analyze({ includeDrafts: true })
    expect(doc.counted).toBe('submitted-and-drafts')
    expect(doc.groups[0]).toMatchObject({ key: 'N', n: 4 })
    expect(question(doc, 'satisfaction').groups.N).toMatchObject({ n: 4, mean: 3.25 })
  })

  it('filters one wave, and the wave comparison still reads both waves', () => {
    const doc = analyze({ wave: '2025' })
    expect(doc.wave).toBe('2025')
    expect(doc.n).toBe(3)
    expect(doc.notes[0]).toBe(
      '3 responses counted (submitted only; drafts left out), wave 2025 only.',
    )
    expect(doc.waves).toEqual(analyze().waves)
    expect(doc.waves).toMatchObject({ from: '2024', to: '2025', choice: 'latest', leftOut: [] })
  })

  it('defaults to the latest wave with at least k respondents, and says so', () => {
    const doc = analyze({ wave: undefined })
    expect(doc.wave).toBe('2025')
    expect(doc.n).toBe(3)
    expect(doc.waveCounts).toEqual([
      { wave: '2024', n: 2, paired: 2 },
      { wave: '2025', n: 3, paired: 3 },
    ])
    expect(doc.notes[0]).toBe(
      '3 responses counted (submitted only; drafts left out), wave 2025 only (by default the latest wave with at least 2 respondents).',
    )
    expect(analyze({ wave: undefined, by: 'wave' }).wave).toBeNull()
  })

  it('groups by wave', () => {
    const doc = analyze({ by: 'wave' })
    expect(doc.by).toBe('wave')
    expect(doc.groups).toEqual([
      { key: '2024', label: '2024', n: 2, suppressed: false },
      { key: '2025', label: '2025', n: 3, suppressed: false },
    ])
    expect(question(doc, 'satisfaction').groups['2024']).toMatchObject({ n: 2, mean: 3 })
  })

  it('groups by a single-choice question, with choice labels in the report language', () => {
    const doc = analyze({ by: 'stakeholder', locale: 'fr' })
    expect(doc.groups).toEqual([
      { key: 'bank', label: 'Banque', n: 2, suppressed: false },
      { key: 'mfi', label: 'Institution de microfinance', n: 2, suppressed: false },
      { key: 'public', label: 'Autorité publique', n: 1, suppressed: true },
    ])
    expect(question(doc, 'satisfaction').groups.public).toEqual({ n: 1, suppressed: true })
    expect(question(doc, 'satisfaction').title).toBe('Satisfaction')
    expect(dimension(doc, 'guarantees').label).toBe('Garanties')
  })

  it('groups by a boolean and leaves out responses without an answer, saying so', () => {
    const doc = analyze({ by: 'member', includeDrafts: true })
    expect(doc.groups.map((g) => [g.key, g.label, g.n])).toEqual([
      ['false', 'No', 2],
      ['true', 'Yes', 3],
    ])
    expect(doc.n).toBe(5)
    expect(doc.notes).toContain(
      '1 responses without a usable answer to "member" are left out of every figure.',
    )
  })

  it('gives a complete document without figures when nothing was submitted', () => {
    const doc = analyze(
      {},
      handResponses().filter((r) => r.status === 'draft'),
    )
    expect(doc.n).toBe(0)
    expect(doc.groups).toEqual([])
    expect(doc.questions).toHaveLength(14)
    expect(question(doc, 'satisfaction').overall).toEqual({ n: 0, suppressed: true })
    expect(doc.waves).toBeNull()
    expect(doc.tests.skipped).toMatch(/Fewer than two groups/)
  })

  it('throws a clear error for an unknown or unsuitable grouping', () => {
    expect(() => analyze({ by: 'nope' })).toThrow(/Unknown grouping "nope"/)
    expect(() => analyze({ by: 'barriers' })).toThrow(/Cannot group by "barriers", a checkbox/)
  })
})
