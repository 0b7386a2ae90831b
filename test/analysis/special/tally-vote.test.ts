import { describe, expect, it } from 'vitest'
import { tallyVote } from '../../../analysis/special/tally-vote.ts'
import { buildInput, itemText, readDefinition, response } from '../../fixtures/special/inputs.ts'
import { ballots, cells } from '../../fixtures/special/vote-ballots.ts'

const ID = 'best-practice-vote'
const json = readDefinition(ID)
const column = (name: string) => itemText(json, 'scores', name)

describe('tallyVote', () => {
  const tally = tallyVote(buildInput(ID, ballots))

  it('counts submitted ballots only and drops own-region entries', () => {
    expect(tally.kind).toBe('vote')
    expect(tally.ballots).toBe(4)
    expect(tally.suppressBelow).toBe(3)
    expect(tally.excludedOwnRegionVotes).toBe(1)
    expect(tally.excludedOwnRegionScores).toBe(4)
    expect(tally.regionsWithSeveralBallots).toEqual([])
    expect(tally.ballotsByRegion.map((b) => [b.region, b.ballots])).toEqual([
      ['FR-93', 1],
      ['IT-BO', 1],
      ['RO-BI', 1],
      ['SE-VG', 1],
    ])
    expect(tally.notes).toEqual([
      'Own-region entries dropped: 1 ranking place(s), 4 scored practice(s).',
    ])
  })

  it('ranks by Borda points, ties broken by mean transferability, then by value', () => {
    expect(
      tally.ranking.map((r) => [r.rank, r.value, r.borda, r.firstPlaces, r.rankedBy, r.tieBreak]),
    ).toEqual([
      [1, 'IT-BO:permicro', 8, 2, 3, null],
      [2, 'FR-93:cigales', 6, 1, 3, 'transferability'],
      [3, 'SE-VG:jak-bank', 6, 1, 3, 'transferability'],
      [4, 'RO-BI:good-bee', 1, 0, 1, null],
      [5, 'RO-BI:frgc-guarantees', 0, 0, 0, 'transferability'],
      [6, 'FR-93:adie-microcredit', 0, 0, 0, 'value'],
      [7, 'IT-BO:social-microcredit', 0, 0, 0, 'value'],
      [8, 'SE-VG:almi-microloans', 0, 0, 0, 'value'],
    ])
    const t = Object.fromEntries(
      tally.ranking.map((r) => [r.value, [r.meanTransferability, r.nTransferability]]),
    )
    expect(t['IT-BO:permicro']).toEqual([4.6667, 3])
    expect(t['FR-93:cigales']).toEqual([4.3333, 3])
    expect(t['SE-VG:jak-bank']).toEqual([3.6667, 3])
    // Two ballots only: hidden (n < 3), yet still used to order the practices at 0 points.
    expect(t['RO-BI:frgc-guarantees']).toEqual([null, 2])
  })

  it('gives the mean per criterion without the own region’s scores', () => {
    const cigales = tally.practices.find((p) => p.value === 'FR-93:cigales')
    expect(cigales).toEqual({
      value: 'FR-93:cigales',
      region: 'FR-93',
      regionName: 'Seine-Saint-Denis',
      label: itemText(json, 'scores', 'FR-93:cigales'),
      criteria: [
        { criterion: 'relevance', label: column('relevance'), n: 3, mean: 4, suppressed: false },
        { criterion: 'evidence', label: column('evidence'), n: 3, mean: 3.6667, suppressed: false },
        {
          criterion: 'sustainability',
          label: column('sustainability'),
          n: 3,
          mean: 4.3333,
          suppressed: false,
        },
        {
          criterion: 'transferability',
          label: column('transferability'),
          n: 3,
          mean: 4.3333,
          suppressed: false,
        },
        {
          criterion: 'vulnerable_reach',
          label: column('vulnerable_reach'),
          n: 3,
          mean: 4.3333,
          suppressed: false,
        },
        {
          criterion: 'innovation',
          label: column('innovation'),
          n: 3,
          mean: 3.6667,
          suppressed: false,
        },
      ],
      nScored: 3,
      meanScore: 4.0556,
      meanScoreSuppressed: false,
      borda: 6,
      firstPlaces: 1,
      rankedBy: 3,
    })
  })

  it('hides means below k but keeps n; keeps questionnaire order of practices', () => {
    expect(tally.practices.map((p) => p.value)).toEqual([
      'FR-93:cigales',
      'FR-93:adie-microcredit',
      'IT-BO:permicro',
      'IT-BO:social-microcredit',
      'RO-BI:frgc-guarantees',
      'RO-BI:good-bee',
      'SE-VG:almi-microloans',
      'SE-VG:jak-bank',
    ])
    const frgc = tally.practices.find((p) => p.value === 'RO-BI:frgc-guarantees')
    expect(frgc?.criteria.every((c) => c.n === 2 && c.mean === null && c.suppressed)).toBe(true)
    expect([frgc?.nScored, frgc?.meanScore, frgc?.meanScoreSuppressed]).toEqual([2, null, true])
    const goodBee = tally.practices.find((p) => p.value === 'RO-BI:good-bee')
    expect(goodBee?.criteria[0]).toEqual({
      criterion: 'relevance',
      label: column('relevance'),
      n: 0,
      mean: null,
      suppressed: false,
    })
  })

  it('counts drafts on request and reports regions with several ballots', () => {
    const withDrafts = tallyVote(buildInput(ID, ballots, { includeDrafts: true }))
    expect(withDrafts.ballots).toBe(5)
    expect(withDrafts.regionsWithSeveralBallots).toEqual(['IT-BO'])
    expect(withDrafts.ballotsByRegion.find((b) => b.region === 'IT-BO')?.ballots).toBe(2)
    expect(withDrafts.ranking.slice(0, 2).map((r) => [r.value, r.borda])).toEqual([
      ['IT-BO:permicro', 8],
      ['FR-93:cigales', 6],
    ])
    expect(withDrafts.practices.find((p) => p.value === 'RO-BI:good-bee')?.borda).toBe(4)
    expect(withDrafts.notes).toContain(
      'One ballot per partner is expected; these regions cast several, all counted: IT-BO (2).',
    )
  })

  it('counts one ballot per partner link: its latest submitted one', () => {
    // Stored before one response per link was enforced: link 7 voted three times.
    const at = (hour: number) => ({ submittedAt: `2024-05-0${hour}T10:00:00.000Z` })
    const early = response(
      'z-early',
      'FR-93',
      { top3: ['RO-BI:good-bee'] },
      { link: '7', ...at(1) },
    )
    const late = response('a-late', 'FR-93', { top3: ['SE-VG:jak-bank'] }, { link: '7', ...at(3) })
    const mid = response('m-mid', 'FR-93', { top3: ['IT-BO:permicro'] }, { link: '7', ...at(2) })
    const draft = response(
      'd-draft',
      'FR-93',
      { top3: ['IT-BO:social-microcredit'] },
      { link: '7', status: 'draft', submittedAt: null },
    )
    const other = response(
      'o-other',
      'FR-93',
      { top3: ['RO-BI:good-bee'] },
      { link: '8', ...at(1) },
    )
    // Without a link (imported, or entered by the lead partner): each one counts.
    const imported = response('i-1', 'IT-BO', { top3: ['RO-BI:good-bee'] }, at(1))
    const imported2 = response('i-2', 'IT-BO', { top3: ['RO-BI:good-bee'] }, at(1))
    const input = [early, late, mid, draft, other, imported, imported2]
    for (const includeDrafts of [false, true]) {
      const t = tallyVote(buildInput(ID, input, { includeDrafts }))
      expect(t.ballots, `drafts ${includeDrafts}`).toBe(4)
      const borda = Object.fromEntries(t.practices.map((p) => [p.value, p.borda]))
      expect(borda['SE-VG:jak-bank']).toBe(3)
      expect(borda['IT-BO:permicro']).toBe(0)
      expect(borda['IT-BO:social-microcredit']).toBe(0)
      expect(borda['RO-BI:good-bee']).toBe(9)
      expect(t.notes).toContain(
        `Only the latest ballot of each partner link counts: ${includeDrafts ? 3 : 2} earlier one(s) left out.`,
      )
    }
  })

  it('counts a link’s ballots of different waves apart', () => {
    const y1 = response('y1', 'FR-93', { top3: ['RO-BI:good-bee'] }, { link: '7' })
    const y2 = response('y2', 'FR-93', { top3: ['RO-BI:good-bee'] }, { link: '7', wave: '2025' })
    expect(tallyVote(buildInput(ID, [y1, y2])).ballots).toBe(2)
    expect(tallyVote(buildInput(ID, [y1, y2], { wave: '2025' })).ballots).toBe(1)
  })

  it('respects the wave and the locale', () => {
    expect(tallyVote(buildInput(ID, ballots, { wave: '2025' })).ballots).toBe(0)
    const fr = tallyVote(buildInput(ID, ballots, { locale: 'fr' }))
    expect(fr.practices[0]?.label).toBe(itemText(json, 'scores', 'FR-93:cigales', 'fr'))
    expect(fr.practices[0]?.criteria[1]?.label).toBe(itemText(json, 'scores', 'evidence', 'fr'))
    expect(fr.practices[0]?.label).not.toBe(tally.practices[0]?.label)
  })

  it('tallies imported data defensively', () => {
    const imported = response('x1', 'FR-93', {
      scores: { 'XX-1:new': { transferability: '4', relevance: 9 }, 'IT-BO:permicro': 'bad' },
      top3: ['XX-1:new', 'IT-BO:permicro', 'SE-VG:jak-bank', 'RO-BI:good-bee'],
    })
    const t = tallyVote(buildInput(ID, [imported]))
    expect(t.practices.at(-1)).toMatchObject({ value: 'XX-1:new', label: 'XX-1:new', borda: 3 })
    expect(t.practices.at(-1)?.criteria.find((c) => c.criterion === 'transferability')).toEqual({
      criterion: 'transferability',
      label: column('transferability'),
      n: 1,
      mean: null,
      suppressed: true,
    })
    expect(t.notes).toEqual([
      'Answers name practices the questionnaire does not list: XX-1:new.',
      '1 ranking place(s) beyond the third were ignored.',
      '1 score(s) outside 1–5 were ignored.',
    ])
  })

  it('notes a missing question instead of throwing', () => {
    const json = readDefinition(ID)
    const pages = json.pages as { elements: { name: string }[] }[]
    for (const page of pages) page.elements = page.elements.filter((e) => e.name !== 'scores')
    const t = tallyVote(buildInput(ID, ballots, {}, json))
    expect(t.notes[0]).toBe('The questionnaire has no "scores" question: no scores tallied.')
    expect(t.excludedOwnRegionScores).toBe(0)
    expect(t.practices[0]?.criteria).toEqual([])
    expect(t.ranking.slice(1, 3).map((r) => [r.value, r.tieBreak])).toEqual([
      ['FR-93:cigales', 'value'],
      ['SE-VG:jak-bank', 'value'],
    ])
  })

  it('drops a ballot’s own practice from both scores and ranking', () => {
    const own = response('o1', 'SE-VG', {
      scores: { 'SE-VG:almi-microloans': cells(5, 5, 5, 5, 5, 5) },
      top3: ['SE-VG:almi-microloans'],
    })
    const t = tallyVote(buildInput(ID, [own]))
    expect([t.excludedOwnRegionScores, t.excludedOwnRegionVotes]).toEqual([1, 1])
    expect(t.practices.find((p) => p.value === 'SE-VG:almi-microloans')?.borda).toBe(0)
  })
})
