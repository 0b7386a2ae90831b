/**
 * The one pass over the responses: each response's code text (`tally/encode.ts`) is decoded
 * into per-group tallies — counts per scale point and option, the free numbers, and the
 * (current, target) pairs of every gap dimension per group × region × wave. Rows must arrive
 * sorted by id (the document's response order). Memory stays bounded by groups × items × scale
 * points, plus the free numbers and the pairs that need their order (see `planDimensions`).
 */

import { compareKeys, type Grouping, selectCountedResponses } from '../group-responses.ts'
import type { AnalysisResponse } from '../input.ts'
import { CodeReader } from './code-reader.ts'
import { type AnswerLayout, encodeAnswers } from './encode.ts'
import {
  createGroupTally,
  type DimensionPlan,
  type DimensionTally,
  emptyDimension,
  type GroupTally,
  mergeDimensions,
  ORDER_CAP,
  type SlotPlan,
} from './types.ts'

/** One counted response as the tally reads it (the caller leaves out those that do not count). */
export interface CodedRow {
  id: string
  region: string
  wave: string
  version: string
  codes: string
}

/** How to tally. */
export interface TallySetup {
  layout: AnswerLayout
  slots: SlotPlan
  grouping: Grouping
  /** Which responses count: drafts too, or submitted only (the caller filters). */
  includeDrafts: boolean
  /** Only this wave, when given (the caller filters). */
  wave: string | undefined
  dimensions: DimensionPlan[]
}

/** The dimension pairs of one group × region × wave (group `null`: left out of the groups). */
export interface StratumTally {
  key: string | null
  region: string
  wave: string
  dims: DimensionTally[]
}

/** A running tally; feed it with {@link addRow}. */
export interface RowTally {
  setup: TallySetup
  reader: CodeReader
  counted: number
  excluded: number
  versions: Set<string>
  waves: Set<string>
  groups: Map<string, GroupTally>
  strata: Map<string | null, Map<string, Map<string, StratumTally>>>
  lastId: string | null
}

/** Rows did not come sorted by id (the caller then sorts them in memory). */
export class RowOrderError extends Error {
  override name = 'RowOrderError'
}

/** A new, empty tally. */
export function startTally(setup: TallySetup): RowTally {
  return {
    setup,
    reader: new CodeReader(setup.layout, setup.slots),
    counted: 0,
    excluded: 0,
    versions: new Set(),
    waves: new Set(),
    groups: new Map(),
    strata: new Map(),
    lastId: null,
  }
}

function stratumOf(tally: RowTally, key: string | null, region: string, wave: string) {
  let byRegion = tally.strata.get(key)
  if (!byRegion) {
    byRegion = new Map()
    tally.strata.set(key, byRegion)
  }
  let byWave = byRegion.get(region)
  if (!byWave) {
    byWave = new Map()
    byRegion.set(region, byWave)
  }
  let stratum = byWave.get(wave)
  if (!stratum) {
    stratum = { key, region, wave, dims: tally.setup.dimensions.map(emptyDimension) }
    byWave.set(wave, stratum)
  }
  return stratum
}

/** The group of a row's key, created on first sight. */
function groupOf(tally: RowTally, key: string): GroupTally {
  let group = tally.groups.get(key)
  if (!group) {
    group = createGroupTally(key, tally.setup.slots)
    tally.groups.set(key, group)
  }
  return group
}

/**
 * Adds one counted response — submitted (or a draft with `includeDrafts`), of `wave` when
 * given. Throws a {@link RowOrderError} when an id sorts before the previous one.
 */
export function addRow(tally: RowTally, row: CodedRow): void {
  const { setup, reader } = tally
  if (tally.lastId !== null && tally.lastId > row.id) {
    throw new RowOrderError(`rows out of id order at ${row.id}`)
  }
  tally.lastId = row.id
  const seq = tally.counted++
  tally.versions.add(row.version)
  tally.waves.add(row.wave)
  const { grouping } = setup
  const key =
    grouping.kind === 'region'
      ? row.region
      : grouping.kind === 'wave'
        ? row.wave
        : reader.readKey(row.codes, grouping.index)
  const group = key === null ? null : groupOf(tally, key)
  if (group) group.n++
  else tally.excluded++
  reader.read(row.codes, group, seq)
  addPairs(tally, stratumOf(tally, key, row.region, row.wave), seq)
}

/** The usable value of numeric item j in the current row, or NaN. */
function usableValue(tally: RowTally, j: number): number {
  const { index, value } = tally.reader
  const scale = tally.setup.layout.items[j]?.scale
  if (!scale) return value[j] ?? Number.NaN
  const at = index[j] ?? -1
  return at >= 0 ? (scale[at] ?? Number.NaN) : Number.NaN
}

function addPairs(tally: RowTally, stratum: StratumTally, seq: number): void {
  const { dimensions } = tally.setup
  const { index } = tally.reader
  for (let d = 0; d < dimensions.length; d++) {
    const plan = dimensions[d]
    const dim = stratum.dims[d]
    if (!plan || !dim || plan.current < 0 || plan.target < 0) continue
    if (dim.pairs) {
      const c = index[plan.current] ?? -1
      const t = index[plan.target] ?? -1
      if (c < 0 || t < 0) continue
      const at = c * plan.targetPoints + t
      dim.pairs[at] = (dim.pairs[at] ?? 0) + 1
      dim.n++
      if (dim.seq.length >= ORDER_CAP) continue
    }
    const current = usableValue(tally, plan.current)
    const target = usableValue(tally, plan.target)
    if (Number.isNaN(current) || Number.isNaN(target)) continue
    if (!dim.pairs) dim.n++
    dim.seq.push(seq)
    dim.current.push(current)
    dim.target.push(target)
  }
}

/** Everything the document is computed from, once every row is in. */
export interface SurveyTally {
  setup: TallySetup
  /** Responses that count (in a group or not). */
  counted: number
  /** Counted responses without a usable answer to the grouping question. */
  excluded: number
  /** Questionnaire versions of the counted responses, sorted. */
  versions: string[]
  /** Waves of the counted responses, sorted like group keys. */
  waves: string[]
  /** Groups sorted by key, each with its dimension pairs. */
  groups: GroupTally[]
  strata: StratumTally[]
}

/** Closes a tally: sorts the groups and gathers each group's dimension pairs. */
export function finishTally(tally: RowTally): SurveyTally {
  const strata = [...tally.strata.values()].flatMap((byRegion) =>
    [...byRegion.values()].flatMap((byWave) => [...byWave.values()]),
  )
  const { dimensions } = tally.setup
  const groups = [...tally.groups.values()].sort((a, b) => compareKeys(a.key, b.key))
  for (const group of groups) {
    const own = strata.filter((s) => s.key === group.key)
    group.dims = dimensions.map((plan, d) =>
      mergeDimensions(
        own.map((s) => s.dims[d] ?? emptyDimension(plan)),
        plan,
        'seq',
      ),
    )
  }
  return {
    setup: tally.setup,
    counted: tally.counted,
    excluded: tally.excluded,
    versions: [...tally.versions].sort(),
    waves: [...tally.waves].sort(compareKeys),
    groups,
    strata,
  }
}

/**
 * Tallies responses held in memory: the counted ones sorted by id, each encoded and added.
 *
 * @example
 * tallyResponses(setup, input.responses).groups.map((g) => g.key) // ['FR-93', 'IT-BO']
 */
export function tallyResponses(
  setup: TallySetup,
  responses: readonly AnalysisResponse[],
): SurveyTally {
  const tally = startTally(setup)
  const counted = selectCountedResponses(responses, {
    includeDrafts: setup.includeDrafts,
    wave: setup.wave,
  })
  for (const r of counted) {
    const codes = encodeAnswers(setup.layout, r.answers)
    addRow(tally, { id: r.id, region: r.region, wave: r.wave, version: r.version, codes })
  }
  return finishTally(tally)
}
