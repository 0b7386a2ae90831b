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
  /**
   * The wave of the figures (undefined: every wave). Rows of other waves still come in: they
   * feed only the dimension pairs per region × wave that the wave comparison reads.
   */
  wave: string | undefined
  dimensions: DimensionPlan[]
}

/**
 * The dimension pairs of one group × region × wave (group `null`: left out of the groups, or a
 * row of another wave than the figures').
 */
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
  /** Rows seen, every wave: the next row's sequence number. */
  seen: number
  /** Rows of the figures' wave(s). */
  counted: number
  excluded: number
  versions: Set<string>
  /** Respondents per wave with both sides of at least one dimension usable. */
  paired: Map<string, number>
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
    seen: 0,
    counted: 0,
    excluded: 0,
    versions: new Set(),
    paired: new Map(),
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
 * Adds one counted response — submitted (or a draft with `includeDrafts`), of any wave: a row of
 * the figures' wave goes into its group, a row of another wave only into the dimension pairs
 * the wave comparison reads. Throws a {@link RowOrderError} when an id sorts before the
 * previous one.
 */
export function addRow(tally: RowTally, row: CodedRow): void {
  const { setup, reader } = tally
  if (tally.lastId !== null && tally.lastId > row.id) {
    throw new RowOrderError(`rows out of id order at ${row.id}`)
  }
  tally.lastId = row.id
  const seq = tally.seen++
  let key: string | null = null
  let group: GroupTally | null = null
  if (setup.wave === undefined || row.wave === setup.wave) {
    tally.counted++
    tally.versions.add(row.version)
    const { grouping } = setup
    key =
      grouping.kind === 'region'
        ? row.region
        : grouping.kind === 'wave'
          ? row.wave
          : reader.readKey(row.codes, grouping.index)
    group = key === null ? null : groupOf(tally, key)
    if (group) group.n++
    else tally.excluded++
  }
  reader.read(row.codes, group, seq)
  if (addPairs(tally, stratumOf(tally, key, row.region, row.wave), seq)) {
    tally.paired.set(row.wave, (tally.paired.get(row.wave) ?? 0) + 1)
  }
}

/** The usable value of numeric item j in the current row, or NaN. */
function usableValue(tally: RowTally, j: number): number {
  const { index, value } = tally.reader
  const scale = tally.setup.layout.items[j]?.scale
  if (!scale) return value[j] ?? Number.NaN
  const at = index[j] ?? -1
  return at >= 0 ? (scale[at] ?? Number.NaN) : Number.NaN
}

/** Adds the row's usable (current, target) pairs; whether it had at least one. */
function addPairs(tally: RowTally, stratum: StratumTally, seq: number): boolean {
  const { dimensions } = tally.setup
  const { index } = tally.reader
  let paired = false
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
      paired = true
      if (dim.seq.length >= ORDER_CAP) continue
    }
    const current = usableValue(tally, plan.current)
    const target = usableValue(tally, plan.target)
    if (Number.isNaN(current) || Number.isNaN(target)) continue
    if (!dim.pairs) dim.n++
    paired = true
    dim.seq.push(seq)
    dim.current.push(current)
    dim.target.push(target)
  }
  return paired
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
  /** Respondents per wave, every wave, with both sides of at least one dimension usable. */
  paired: ReadonlyMap<string, number>
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
    paired: tally.paired,
    groups,
    strata,
  }
}

/**
 * Tallies responses held in memory: the counted ones (every wave) sorted by id, each encoded and
 * added.
 *
 * @example
 * tallyResponses(setup, input.responses).groups.map((g) => g.key) // ['FR-93', 'IT-BO']
 */
export function tallyResponses(
  setup: TallySetup,
  responses: readonly AnalysisResponse[],
): SurveyTally {
  const tally = startTally(setup)
  const counted = selectCountedResponses(responses, { includeDrafts: setup.includeDrafts })
  for (const r of counted) {
    const codes = encodeAnswers(setup.layout, r.answers)
    addRow(tally, { id: r.id, region: r.region, wave: r.wave, version: r.version, codes })
  }
  return finishTally(tally)
}
