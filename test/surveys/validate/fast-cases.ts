/**
 * Seeded adversarial answer sets for the differential test of the fast validator: realistic
 * answers with one to three mutations each (a dropped answer, a wrong JSON type, an unknown
 * choice, row, column or question, an out-of-range number or rating, too many or exclusive
 * choices, a toggled condition, a long text, an "Other" text with or without "Other", an
 * expression validator pushed over its limit…), in both modes, with the respondent's region or
 * another one.
 */
import {
  ExpressionValidator,
  type Model,
  QuestionBooleanModel,
  QuestionMatrixDropdownModel,
  QuestionMatrixModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextBase,
} from 'survey-core'
import { chance, pick, type Rng, randInt, shuffled } from '../../../demo/random.ts'
import { kindOf } from '../../../surveys/question-kinds.ts'
import type { Answers, ValidationMode } from '../../../surveys/types.ts'

/** What the generator knows of one top-level question. */
export interface QuestionInfo {
  name: string
  kind: string
  choices: unknown[]
  exclusive: unknown[]
  rows: string[]
  columns: unknown[]
  cells: { name: string; values: unknown[] }[]
  scale: unknown[]
  maxLength: number
  other: boolean
  booleans: unknown[]
  /** Some condition or expression reads it. */
  controls: boolean
  /** It has an expression validator. */
  checked: boolean
}

/** One generated case. */
export interface FuzzCase {
  answers: unknown
  mode: ValidationMode
  locale: string
  variables?: Record<string, unknown>
}

const WILD: unknown[] = [
  '',
  '  ',
  'x',
  'zz',
  'Credit',
  0,
  -1,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  9,
  10,
  11,
  100,
  101,
  1000,
  1001,
  2.5,
  4.5,
  -0.5,
  1e12,
  1e21,
  true,
  false,
  null,
  'dk',
  'other',
  'none',
  'yes',
  'no',
  '4',
  '12',
  '2024-03-31',
  '2024-03-30',
  '2999-12-31',
  '3000-01-01',
  '1990-01-31',
  'not-a-date',
  'a@b.co',
  'not-an-email',
  'AB-123',
  'ab123',
  'FR-12',
  'FR-93',
  'SI-HEART',
  'FR-93:cigales',
  [],
  {},
  [1],
  ['x'],
  { a: 1 },
  'x'.repeat(151),
  'x'.repeat(1501),
  2010,
  2031,
  2023,
  2023.5,
  1500,
  25001,
]
const REGIONS = ['FR-93', 'IT-BO', 'RO-BI', 'SE-VG', 'SI-HEART', 'ML-KK']
const ODD_REGIONS = ['none', '', 'FR', 'x']

/** Reads the questions of `model` for the generator (independently of the fast compiler). */
export function describeQuestions(model: Model): QuestionInfo[] {
  const json = JSON.stringify(model.toJSON())
  return model.getAllQuestions(false, false, false).map((q) => {
    const name = q.getValueName()
    const info: QuestionInfo = {
      name,
      kind: kindOf(q) ?? 'unknown',
      choices: [],
      exclusive: [],
      rows: [],
      columns: [],
      cells: [],
      scale: [],
      maxLength: 0,
      other: false,
      booleans: [],
      controls: json.includes(`{${name}`),
      checked: q.validators.some((v) => v instanceof ExpressionValidator),
    }
    if (q instanceof QuestionSelectBase) {
      const own = q.choices as { value: unknown; isExclusive?: boolean }[]
      info.choices = own.map((c) => c.value)
      info.exclusive = own.filter((c) => c.isExclusive).map((c) => c.value)
      if (q.showNoneItem) info.choices.push(q.noneItem.value)
      if (q.showNoneItem) info.exclusive.push(q.noneItem.value)
      if (q.showOtherItem) info.choices.push(q.otherItem.value)
      info.other = q.showOtherItem
    }
    if (q instanceof QuestionTextBase) {
      const max: unknown = q.getMaxLength()
      info.maxLength = typeof max === 'number' && max > 0 ? max : 0
    }
    if (q instanceof QuestionRatingModel) info.scale = q.visibleRateValues.map((i) => i.value)
    if (q instanceof QuestionBooleanModel) info.booleans = [q.getValueTrue(), q.getValueFalse()]
    if (q instanceof QuestionMatrixModel) {
      info.rows = q.rows.map((r: { value: unknown }) => String(r.value))
      info.columns = q.columns.map((c: { value: unknown }) => c.value)
    }
    if (q instanceof QuestionMatrixDropdownModel) {
      info.rows = q.rows.map((r: { value: unknown }) => String(r.value))
      info.cells = (q.visibleRows[0]?.cells ?? []).map((cell) => {
        const inner = cell.question
        const values =
          inner instanceof QuestionSelectBase
            ? inner.choices.map((c: { value: unknown }) => c.value)
            : inner instanceof QuestionRatingModel
              ? inner.visibleRateValues.map((i) => i.value)
              : [0, 1, 12, -1, 'ten']
        return { name: cell.column.name, values }
      })
    }
    return info
  })
}

/** A value of the right shape, often valid, sometimes just over a limit. */
function plausible(rng: Rng, q: QuestionInfo): unknown {
  switch (q.kind) {
    case 'text':
      if (q.maxLength && chance(rng, 0.2)) return 'y'.repeat(q.maxLength + randInt(rng, -1, 1))
      return pick(rng, ['Coop', 'AB-123', 'a@b.co', '2024-03-31', '2023-12-31', ' ', 'x'])
    case 'comment':
      if (q.maxLength && chance(rng, 0.3)) return 'z'.repeat(q.maxLength + randInt(rng, -1, 1))
      return 'Some text'
    case 'number':
      return pick(rng, [0, 1, 5, 18, 50, 99, 100, 101, 120, 121, 2015, 2023, 1e6, 12.5, -3])
    case 'choice':
      return q.choices.length ? pick(rng, q.choices) : 'x'
    case 'rating':
      return q.scale.length ? pick(rng, q.scale) : 3
    case 'boolean':
      return q.booleans.length ? pick(rng, q.booleans) : true
    case 'choices':
      return shuffled(rng, q.choices).slice(0, randInt(rng, 0, Math.min(q.choices.length, 7)))
    case 'ranking': {
      const all = shuffled(rng, q.choices)
      return chance(rng, 0.6) ? all : all.slice(0, randInt(rng, 0, all.length))
    }
    case 'matrix': {
      const out: Answers = {}
      for (const row of q.rows) if (chance(rng, 0.85)) out[row] = pick(rng, q.columns)
      return out
    }
    case 'matrixdropdown': {
      const out: Answers = {}
      for (const row of q.rows) {
        if (!chance(rng, 0.7)) continue
        const cells: Answers = {}
        for (const c of q.cells) if (chance(rng, 0.8)) cells[c.name] = pick(rng, c.values)
        out[row] = cells
      }
      return out
    }
    default:
      return pick(rng, WILD)
  }
}

function asRecord(value: unknown): Answers {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? structuredClone(value as Answers)
    : {}
}

function mutateList(rng: Rng, a: Answers, q: QuestionInfo): void {
  const list = Array.isArray(a[q.name]) ? [...(a[q.name] as unknown[])] : []
  const r = rng()
  if (r < 0.25 && q.exclusive.length) list.push(pick(rng, q.exclusive))
  else if (r < 0.45) list.push(pick(rng, [...q.choices, 'zz', 3, 'Credit']))
  else if (r < 0.6 && list.length) list.push(list[0])
  else if (r < 0.75) list.push(...q.choices)
  else list.splice(0, 1)
  a[q.name] = list
}

function mutateMatrix(rng: Rng, a: Answers, q: QuestionInfo): void {
  const obj = asRecord(a[q.name])
  const row = pick(rng, [...q.rows, 'zz'])
  const r = rng()
  if (r < 0.2) delete obj[row]
  else if (r < 0.35) obj[row] = pick(rng, WILD)
  else if (r < 0.5) obj[row] = null
  else if (q.kind === 'matrix') obj[row] = pick(rng, [...q.columns, 'zz', 0, 6])
  else {
    const cells = asRecord(obj[row])
    const c = pick(rng, [...q.cells, { name: 'zz', values: [] }])
    const rr = rng()
    if (rr < 0.3) delete cells[c.name]
    else if (rr < 0.6 && c.values.length) cells[c.name] = pick(rng, c.values)
    else cells[c.name] = pick(rng, WILD)
    obj[row] = cells
  }
  a[q.name] = obj
}

function mutateOne(rng: Rng, a: Answers, qs: QuestionInfo[], suffix: string): void {
  const q = pick(rng, qs)
  const current = a[q.name]
  const roll = rng()
  if (roll < 0.12) delete a[q.name]
  else if (roll < 0.3) a[q.name] = plausible(rng, q)
  else if (roll < 0.4) a[q.name] = pick(rng, WILD)
  else if (roll < 0.48 && (q.kind === 'choices' || q.kind === 'ranking')) mutateList(rng, a, q)
  else if (roll < 0.58 && (q.kind === 'matrix' || q.kind === 'matrixdropdown')) {
    mutateMatrix(rng, a, q)
  } else if (roll < 0.66 && q.other) {
    const r = rng()
    if (r < 0.4) a[q.name] = q.kind === 'choices' ? ['other'] : 'other'
    if (r < 0.7) a[q.name + suffix] = pick(rng, ['Peri-urban', '', '  ', 5, null, 'x'.repeat(3000)])
    else delete a[q.name + suffix]
  } else if (roll < 0.72) {
    const key = pick(rng, [q.name + suffix, 'zz_unknown', q.name.toUpperCase(), `${q.name}.x`])
    a[key] = pick(rng, ['x', 1, null])
  } else if (roll < 0.78 && q.checked) {
    // Expression validators: women above borrowers, a date in the future or mid-month.
    a[q.name] = pick(rng, [1e9, 0, 13, 61, '2024-03-30', '2999-12-31', '2020-02-29', null])
  } else if (roll < 0.84 && typeof current === 'string') {
    a[q.name] = pick(rng, [current + 'x'.repeat(q.maxLength || 200), ` ${current} `, '', '   '])
  } else if (roll < 0.9 && typeof current === 'number') {
    a[q.name] = pick(rng, [current + 0.5, -current, current * 1000, String(current), current + 1])
  } else a[q.name] = plausible(rng, q)
}

/**
 * One case from a base answer set of a respondent of `region`: 1–3 mutations, now and then a
 * toggled condition, rarely not an object at all.
 */
export function mutateCase(
  rng: Rng,
  base: Answers,
  qs: QuestionInfo[],
  suffix: string,
  region: string,
): FuzzCase {
  let answers: unknown
  const r = rng()
  if (r < 0.01) answers = pick(rng, [null, [], 'answers', 42])
  else if (r < 0.03) answers = {}
  else {
    const a = structuredClone(base)
    const count = r < 0.1 ? 0 : randInt(rng, 1, 3)
    for (let i = 0; i < count; i++) mutateOne(rng, a, qs, suffix)
    const controllers = qs.filter((q) => q.controls)
    if (controllers.length > 0 && chance(rng, 0.25)) {
      const c = pick(rng, controllers)
      a[c.name] = plausible(rng, c)
    }
    answers = a
  }
  const v = rng()
  const variables =
    v < 0.75
      ? { region }
      : v < 0.9
        ? { region: pick(rng, REGIONS) }
        : v < 0.95
          ? undefined
          : { region: pick(rng, ODD_REGIONS) }
  return {
    answers,
    mode: chance(rng, 0.3) ? 'draft' : 'submit',
    locale: chance(rng, 0.8) ? 'en' : 'fr',
    ...(variables ? { variables } : {}),
  }
}
