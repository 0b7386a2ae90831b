/**
 * Chooses the responses that count (submitted unless drafts are asked for, one wave if asked)
 * and splits them into groups: by region, by wave, or by the answer to a single-choice question.
 */

import { isGroupable } from '../surveys/question-kinds.ts'
import type { AnalysisInput, AnalysisResponse } from './input.ts'
import { type ItemSpec, isDkCode } from './questions.ts'

/** One group of counted responses. */
export interface ResponseGroup {
  key: string
  label: string
  /** Indices into `GroupPlan.responses`. */
  indices: number[]
}

/** The counted responses and how they split into groups. */
export interface GroupPlan {
  /** Counted responses, sorted by id so the input order never changes the document. */
  responses: AnalysisResponse[]
  /** Groups sorted by key ({@link compareKeys}). */
  groups: ResponseGroup[]
  /** Counted responses left out because they have no usable answer to the grouping question. */
  excluded: number
}

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d{0,8})$/.test(key)
}

/**
 * Order of group keys: integer-like keys first, numerically, then the rest by code unit — the
 * order in which JavaScript lists an object's keys, so `groups` and every `groups` object agree.
 *
 * @example
 * ['b', '10', 'A', '2'].sort(compareKeys) // ['2', '10', 'A', 'b']
 */
export function compareKeys(a: string, b: string): number {
  const ia = isArrayIndex(a)
  const ib = isArrayIndex(b)
  if (ia && ib) return Number(a) - Number(b)
  if (ia !== ib) return ia ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Error for a grouping the questionnaire does not support; the HTTP edge answers 400. */
export class GroupingError extends Error {
  override name = 'GroupingError'
}

/**
 * The responses that count, sorted by id: `submitted` only unless `includeDrafts`, and only
 * `wave` when it names one (absent or null: every wave; the caller settles the default wave).
 */
export function selectCountedResponses(
  responses: readonly AnalysisResponse[],
  options: { includeDrafts?: boolean; wave?: string | null },
): AnalysisResponse[] {
  return responses
    .filter((r) => options.includeDrafts === true || r.status === 'submitted')
    .filter((r) => options.wave == null || r.wave === options.wave)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** What groups a response: its region, its wave, or its answer to a single-choice item. */
export type Grouping = { kind: 'region' } | { kind: 'wave' } | { kind: 'item'; index: number }

/**
 * What `by` groups by: `region` and `wave` win over questions of the same name; anything else
 * must name a radiogroup, dropdown or boolean question (its index in `items`), or a
 * `GroupingError` says what would work.
 *
 * @example
 * resolveGrouping('stakeholder_type', items) // { kind: 'item', index: 1 }
 */
export function resolveGrouping(
  by: string,
  items: readonly ItemSpec[],
  allowed?: readonly string[],
): Grouping {
  if (by === 'region' || by === 'wave') return { kind: by }
  const item = findGroupingItem(by, items, allowed)
  return { kind: 'item', index: items.indexOf(item) }
}

/**
 * Whether responses can be grouped by `item`: a whole question of a groupable type (one choice
 * per respondent), never a matrix row — and, when the questionnaire's `gapkit.groupBy` lists
 * the questions to offer (`allowed`), one of those: a yes/no consent box is single-choice too,
 * but no meaningful grouping.
 *
 * @example
 * isGroupingItem(consentItem, ['stakeholder_type']) // false
 */
export function isGroupingItem(item: ItemSpec, allowed?: readonly string[]): boolean {
  if (allowed && !allowed.includes(item.path)) return false
  return item.row === null && isGroupable(item.type)
}

/** The single-choice item `by` names, or a `GroupingError` saying what would work. */
function findGroupingItem(
  by: string,
  items: readonly ItemSpec[],
  allowed: readonly string[] | undefined,
): ItemSpec {
  const item = items.find((i) => i.path === by && i.row === null)
  const usable = items
    .filter((i) => isGroupingItem(i, allowed))
    .map((i) => i.path)
    .join(', ')
  const hint = `use "region", "wave" or a single-choice question (${usable || 'none here'})`
  if (!item) throw new GroupingError(`Unknown grouping "${by}": ${hint}`)
  if (!isGroupingItem(item)) {
    throw new GroupingError(`Cannot group by "${by}", a ${item.type} question: ${hint}`)
  }
  if (!isGroupingItem(item, allowed)) {
    throw new GroupingError(
      `Cannot group by "${by}": the questionnaire's gapkit.groupBy does not list it; ${hint}`,
    )
  }
  return item
}

function keyOf(raw: unknown): string | null {
  if (typeof raw === 'string') return raw.trim() === '' || isDkCode(raw) ? null : raw
  if (typeof raw === 'boolean') return String(raw)
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw)
  return null
}

/**
 * Groups the counted responses (of `options.wave` when it names one: pass the document's settled
 * wave). `by` is `region` (labels from `regionNames`), `wave`, or the
 * name of a radiogroup, dropdown or boolean question (labels are its choice texts; responses
 * without a usable answer are left out and counted in `excluded`). `region` and `wave` win over
 * questions of the same name. Throws a `GroupingError` for anything else.
 *
 * @example
 * groupResponses(input, items, 'region').groups.map((g) => g.key) // ['FR-93', 'IT-BO']
 */
export function groupResponses(
  input: AnalysisInput,
  items: readonly ItemSpec[],
  by: string,
): GroupPlan {
  const options = input.options ?? {}
  const responses = selectCountedResponses(input.responses, options)
  let keyFor: (r: AnalysisResponse) => string | null
  let labelFor: (key: string) => string
  if (by === 'region') {
    keyFor = (r) => r.region
    labelFor = (key) => input.regionNames[key] ?? key
  } else if (by === 'wave') {
    keyFor = (r) => r.wave
    labelFor = (key) => key
  } else {
    const item = findGroupingItem(by, items, input.survey.gapkit.groupBy)
    const labels = new Map(item.options.map((o) => [o.value, o.label]))
    keyFor = (r) => keyOf(r.answers[by])
    labelFor = (key) => labels.get(key) ?? key
  }
  const byKey = new Map<string, number[]>()
  let excluded = 0
  for (const [index, response] of responses.entries()) {
    const key = keyFor(response)
    if (key === null) {
      excluded++
      continue
    }
    const list = byKey.get(key)
    if (list) list.push(index)
    else byKey.set(key, [index])
  }
  const groups = [...byKey.keys()]
    .sort(compareKeys)
    .map((key) => ({ key, label: labelFor(key), indices: byKey.get(key) ?? [] }))
  return { responses, groups, excluded }
}
