/**
 * Demo ballots for `best-practice-vote`: each partner scores the other regions' practices and
 * ranks its top three, never its own region's. Invented scores with a story: Adie's coaching
 * has the strongest evidence, the CIGALES clubs the most innovation, and Heart of Slovenia
 * (weak on guarantees) rates CIGALES and the FRGC guarantees as most transferable.
 */

import type { Answers } from '../surveys/types.ts'
import { type DemoCase, rowsOf } from './assemble.ts'
import { chance, clampRound, normal } from './random.ts'

const CRITERIA = [
  'relevance',
  'evidence',
  'sustainability',
  'transferability',
  'vulnerable_reach',
  'innovation',
]

/** Mean score per practice on the six criteria, in `CRITERIA` order. */
const QUALITY: Record<string, number[]> = {
  'FR-93:cigales': [4.0, 3.4, 4.2, 4.0, 3.0, 4.6],
  'FR-93:adie-microcredit': [4.5, 4.7, 4.0, 3.6, 4.6, 3.2],
  'IT-BO:permicro': [4.0, 4.0, 3.8, 3.5, 4.2, 3.4],
  'IT-BO:social-microcredit': [3.8, 3.4, 3.2, 4.0, 4.4, 3.6],
  'RO-BI:frgc-guarantees': [4.2, 4.0, 4.3, 3.4, 2.8, 2.6],
  'RO-BI:good-bee': [3.9, 3.6, 3.6, 3.8, 4.0, 3.8],
  'SE-VG:almi-microloans': [3.6, 4.0, 4.2, 3.0, 2.8, 2.8],
  'SE-VG:jak-bank': [3.4, 3.5, 3.9, 2.6, 3.0, 4.5],
}

/** Extra relevance and transferability a voting region sees in a practice. */
const AFFINITY: Record<string, Record<string, number>> = {
  'SI-HEART': { 'FR-93:cigales': 0.9, 'RO-BI:frgc-guarantees': 0.9, 'SE-VG:jak-bank': 0.3 },
  'RO-BI': { 'FR-93:adie-microcredit': 0.7, 'IT-BO:social-microcredit': 0.6 },
  'IT-BO': { 'RO-BI:frgc-guarantees': 0.6, 'FR-93:cigales': 0.3 },
  'FR-93': { 'IT-BO:permicro': 0.5, 'RO-BI:good-bee': -0.4 },
  'SE-VG': { 'FR-93:adie-microcredit': 0.6, 'IT-BO:permicro': 0.4 },
}

const COMMENTS: Record<string, string[]> = {
  en: [
    'The guarantee schemes are what our region lacks most.',
    'Practices with mentoring after the loan are the easiest to transfer.',
    'Hard to compare: the legal frameworks differ a lot.',
  ],
  fr: [
    'Les pratiques avec un accompagnement après le prêt nous semblent les plus transférables.',
    'Difficile de comparer des cadres juridiques aussi différents.',
  ],
}

/** One partner's ballot (`null` = left blank). */
export function chooseVoteAnswers(c: DemoCase): Answers {
  const own = `${c.region}:`
  const rows = rowsOf(c.specs, 'scores').filter((r) => !r.startsWith(own))
  const affinity = AFFINITY[c.region] ?? {}
  const bias = normal(c.rng) * 0.3
  const scores: Answers = {}
  const means: [string, number][] = []
  for (const row of rows) {
    const base = QUALITY[row] ?? CRITERIA.map(() => 3.5)
    const cells: Record<string, number> = {}
    CRITERIA.forEach((criterion, i) => {
      const lift = criterion === 'relevance' || criterion === 'transferability' ? 1 : 0
      const mean = (base[i] ?? 3.5) + lift * (affinity[row] ?? 0) + bias
      cells[criterion] = clampRound(mean + normal(c.rng) * 0.6, 1, 5)
    })
    scores[row] = cells
    const values = Object.values(cells)
    means.push([row, values.reduce((s, v) => s + v, 0) / values.length + normal(c.rng) * 0.2])
  }
  means.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const comments = COMMENTS[c.language] ?? COMMENTS.en ?? []
  const comment = comments[c.index % comments.length]
  return {
    scores,
    top3: means.slice(0, chance(c.rng, 0.15) ? 2 : 3).map(([row]) => row),
    comments: comment !== undefined && chance(c.rng, 0.6) ? comment : null,
  }
}
