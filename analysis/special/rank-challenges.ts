/**
 * Tally of co-design workshop sheets (`codesign-challenge`, or any questionnaire whose
 * `gapkit.analysis` is `codesign`): the priority ranking of challenges per subgroup and overall,
 * financial product types, expected effects and feasibility. Workshop sheets are non-sensitive
 * group work: nothing is suppressed, every figure carries its n.
 */

import { CODESIGN_ROLES } from '../../surveys/special-analysis.ts'
import type { CodesignRoles } from '../../surveys/types.ts'
import type { AnalysisInput, AnalysisResponse } from '../input.ts'
import { mean } from '../stats/descriptive.ts'
import {
  type ChoiceItem,
  compareText,
  countedResponses,
  findQuestion,
  type QuestionJson,
  readChoices,
  readNumber,
  readText,
  readTitle,
  readValues,
  round4,
  withUnknown,
} from './read-input.ts'
import type { ChallengeRank, CodesignGroup, CodesignTally, RatingMean } from './types.ts'

const OVERALL_LABEL: Record<string, string> = { en: 'All subgroups', fr: 'Tous les sous-groupes' }

interface RatingSpec {
  name: string
  label: string
  min: number
  max: number
}

interface Context {
  roles: CodesignRoles
  challenges: ChoiceItem[]
  products: ChoiceItem[]
  ratings: RatingSpec[]
}

function readRating(question: QuestionJson, name: string, locale: string): RatingSpec {
  return {
    name,
    label: readTitle(question, name, locale),
    min: readNumber(question.rateMin) ?? 1,
    max: readNumber(question.rateMax) ?? 5,
  }
}

/**
 * Tallies co-design sheets by subgroup and overall, reading the questions `roles` names
 * (default: those of `codesign-challenge`). Borda rule: a sheet that ranks k challenges gives k
 * points to its first, k − 1 to its second, … 1 to its last.
 */
export function rankChallenges(
  input: AnalysisInput,
  roles: CodesignRoles = CODESIGN_ROLES,
): CodesignTally {
  const locale = input.options?.locale ?? 'en'
  const json = input.survey.json
  const notes: string[] = []
  const question = (name: string) => {
    const q = findQuestion(json, name)
    if (!q) notes.push(`The questionnaire has no "${name}" question.`)
    return q
  }
  const subgroupQ = question(roles.subgroup)
  const rankingQ = question(roles.ranking)
  const productsQ = question(roles.products)
  const ratings: RatingSpec[] = []
  for (const name of roles.ratings) {
    const q = question(name)
    if (q) ratings.push(readRating(q, name, locale))
  }

  const sheets = countedResponses(input)
  const ctx: Context = {
    roles,
    challenges: withUnknown(
      readChoices(rankingQ, locale),
      rankingQ ? sheets.flatMap((s) => readValues(s.answers[roles.ranking])) : [],
    ),
    products: withUnknown(
      readChoices(productsQ, locale),
      productsQ ? sheets.flatMap((s) => readValues(s.answers[roles.products])) : [],
    ),
    ratings,
  }

  const bySubgroup = new Map<string, AnalysisResponse[]>()
  let withoutSubgroup = 0
  for (const s of sheets) {
    const key = subgroupQ ? readText(s.answers[roles.subgroup]) : null
    if (key === null) {
      withoutSubgroup++
      continue
    }
    const list = bySubgroup.get(key)
    if (list) list.push(s)
    else bySubgroup.set(key, [s])
  }
  const subgroupItems = withUnknown(readChoices(subgroupQ, locale), bySubgroup.keys())
  const subgroups = subgroupItems
    .filter((item) => bySubgroup.has(item.value))
    .map((item) => describeGroup(item.value, item.label, bySubgroup.get(item.value) ?? [], ctx))

  if (subgroupQ && withoutSubgroup > 0) {
    notes.push(`${withoutSubgroup} sheet(s) without a subgroup count only in the overall results.`)
  }
  const regions = new Set(sheets.map((s) => s.region))
  if (regions.size > 1) {
    notes.push(`Subgroups pool the sheets of ${regions.size} regions by subgroup code.`)
  }
  if (sheets.length === 0) notes.push('No counted sheets.')

  return {
    kind: 'codesign',
    survey: input.survey.id,
    sheets: sheets.length,
    bordaRule: 'k-to-1',
    rankingQuestion: rankingQ ? roles.ranking : null,
    subgroupQuestion: subgroupQ ? roles.subgroup : null,
    subgroups,
    overall: describeGroup(null, OVERALL_LABEL[locale] ?? 'All subgroups', sheets, ctx),
    notes,
  }
}

function describeGroup(
  key: string | null,
  label: string,
  sheets: AnalysisResponse[],
  ctx: Context,
): CodesignGroup {
  const participants = sheets
    .map((s) => readNumber(s.answers[ctx.roles.participants]))
    .filter((n): n is number => n !== null)
  return {
    key,
    label,
    n: sheets.length,
    participants: participants.length === 0 ? null : participants.reduce((a, b) => a + b, 0),
    challenges: rankGroup(sheets, ctx.challenges, ctx.roles.ranking),
    productTypes: countProducts(sheets, ctx.products, ctx.roles.products),
    ratings: ctx.ratings.map((spec) => rateGroup(sheets, spec)),
  }
}

function rankGroup(
  sheets: AnalysisResponse[],
  challenges: ChoiceItem[],
  ranking: string,
): ChallengeRank[] {
  const acc = new Map(challenges.map((c) => [c.value, { ranks: [] as number[], borda: 0 }]))
  for (const s of sheets) {
    const order = readValues(s.answers[ranking])
    order.forEach((value, i) => {
      const a = acc.get(value)
      if (!a) return
      a.ranks.push(i + 1)
      a.borda += order.length - i
    })
  }
  const rows = challenges.map((c) => {
    const ranks = acc.get(c.value)?.ranks ?? []
    return {
      rank: 0,
      value: c.value,
      label: c.label,
      n: ranks.length,
      meanRank: round4(mean(ranks)),
      borda: acc.get(c.value)?.borda ?? 0,
      firstPlaces: ranks.filter((r) => r === 1).length,
    }
  })
  rows.sort(
    (x, y) =>
      y.borda - x.borda ||
      (x.meanRank ?? Number.MAX_VALUE) - (y.meanRank ?? Number.MAX_VALUE) ||
      y.firstPlaces - x.firstPlaces ||
      compareText(x.value, y.value),
  )
  return rows.map((row, i) => ({ ...row, rank: i + 1 }))
}

function countProducts(
  sheets: AnalysisResponse[],
  products: ChoiceItem[],
  question: string,
): CodesignGroup['productTypes'] {
  const answered = sheets.map((s) => readValues(s.answers[question])).filter((v) => v.length > 0)
  const n = answered.length
  return {
    n,
    counts: products.map((p) => {
      const count = answered.filter((values) => values.includes(p.value)).length
      return { value: p.value, label: p.label, count, share: n === 0 ? null : round4(count / n) }
    }),
  }
}

function rateGroup(sheets: AnalysisResponse[], spec: RatingSpec): RatingMean {
  const values = sheets
    .map((s) => readNumber(s.answers[spec.name]))
    .filter((v): v is number => v !== null && v >= spec.min && v <= spec.max)
  return { question: spec.name, label: spec.label, n: values.length, mean: round4(mean(values)) }
}
