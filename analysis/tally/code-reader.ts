/**
 * Reads code texts (`tally/encode.ts`) straight into a group's tally cells (`tally/types.ts`):
 * one pass over the characters per response, no objects per answer. The reader is reused from row
 * to row; per row it leaves each numeric item's scale index or value in the scratch arrays, for
 * the dimension pairs.
 */

import { type AnswerLayout, LAST_DIGIT, MORE_DIGIT } from './encode.ts'
import {
  CHOICE,
  CHOICES,
  FREE,
  type GroupTally,
  RANKING,
  SCALED,
  type SlotPlan,
  TEXT,
} from './types.ts'

/** cells[i] += by (typed arrays index as number | undefined under noUncheckedIndexedAccess). */
function add(cells: Float64Array, i: number, by: number): void {
  cells[i] = (cells[i] ?? 0) + by
}

/** A cursor over code texts, reset for each row. */
export class CodeReader {
  private codes = ''
  private at = 0
  private readonly float = new DataView(new ArrayBuffer(8))
  /** Per item of the current row: the scale index, or −1 when not a usable scale point. */
  readonly index: Int32Array
  /** Per item of the current row: the free number, or NaN. */
  readonly value: Float64Array
  private readonly kind: Uint8Array
  private readonly base: Int32Array
  private readonly points: Int32Array
  private readonly rankPoints: Int32Array

  constructor(
    private readonly layout: AnswerLayout,
    slots: SlotPlan,
  ) {
    this.kind = slots.kind
    this.base = slots.base
    this.points = slots.points
    this.rankPoints = Int32Array.from(layout.items, (i) => i.rankPoints)
    this.index = new Int32Array(layout.items.length).fill(-1)
    this.value = new Float64Array(layout.items.length).fill(Number.NaN)
  }

  private start(codes: string): void {
    this.codes = codes
    this.at = 0
  }

  /** The next number (base-32 digits, least significant first). */
  private next(): number {
    let char = this.codes.charCodeAt(this.at++)
    if (char < MORE_DIGIT) return char - LAST_DIGIT
    let value = 0
    let scale = 1
    while (char >= MORE_DIGIT) {
      value += (char - MORE_DIGIT) * scale
      scale *= 32
      char = this.codes.charCodeAt(this.at++)
    }
    return value + (char - LAST_DIGIT) * scale
  }

  private text(): string {
    const length = this.next()
    const units: number[] = []
    for (let i = 0; i < length; i++) units.push(this.next())
    return String.fromCharCode(...units)
  }

  private float64(): number {
    // No closure here: a function created per call costs more than the arithmetic.
    const c = this.codes
    const at = this.at
    const d = LAST_DIGIT
    const lo =
      (c.charCodeAt(at) - d) |
      ((c.charCodeAt(at + 1) - d) << 6) |
      ((c.charCodeAt(at + 2) - d) << 12) |
      ((c.charCodeAt(at + 3) - d) << 18) |
      ((c.charCodeAt(at + 4) - d) << 24)
    const middle = c.charCodeAt(at + 5) - d
    const hi =
      (middle >>> 2) |
      ((c.charCodeAt(at + 6) - d) << 4) |
      ((c.charCodeAt(at + 7) - d) << 10) |
      ((c.charCodeAt(at + 8) - d) << 16) |
      ((c.charCodeAt(at + 9) - d) << 22) |
      ((c.charCodeAt(at + 10) - d) << 28)
    this.float.setUint32(0, (lo | ((middle & 3) << 30)) >>> 0, true)
    this.float.setUint32(4, hi >>> 0, true)
    this.at += 11
    return this.float.getFloat64(0, true)
  }

  private skip(kind: number | undefined): void {
    switch (kind) {
      case FREE:
        if (this.next() === 2) this.at += 11
        return
      case TEXT:
      case SCALED:
        this.next()
        return
      case RANKING: {
        const count = this.next()
        for (let c = 0; c < count; c++) this.next()
        return
      }
      case CHOICE:
        if (this.next() === 2) this.text()
        return
      case CHOICES: {
        const code = this.next()
        for (let k = 0; k < code - 2; k++) if (this.next() === 0) this.text()
        return
      }
    }
  }

  /** The usable key of single-choice item `target` in `codes`, or null. */
  readKey(codes: string, target: number): string | null {
    this.start(codes)
    for (let j = 0; j < target; j++) this.skip(this.kind[j])
    const code = this.next()
    if (code < 2) return null
    if (code === 2) return this.text()
    return this.layout.items[target]?.options[code - 3]?.value ?? null
  }

  /**
   * Decodes every item of `codes` into the group's cells (none when the response is in no
   * group) and the scratch arrays; `seq` is the response's position in id order.
   */
  read(codes: string, group: GroupTally | null, seq: number): void {
    this.start(codes)
    const cells = group?.cells
    const { kind, base, points, index, value } = this
    for (let j = 0; j < kind.length; j++) {
      const at = base[j] ?? 0
      switch (kind[j]) {
        case SCALED: {
          const code = this.next()
          index[j] = code >= 2 ? code - 2 : -1
          if (!cells || code === 0) break
          if (code === 1) add(cells, at, 1)
          else {
            const slot = at + code - 1
            if (cells[slot] === 0) cells[slot + (points[j] ?? 0)] = seq
            add(cells, slot, 1)
          }
          break
        }
        case FREE: {
          const code = this.next()
          const number = code === 2 ? this.float64() : Number.NaN
          value[j] = number
          if (!cells) break
          if (code === 1) add(cells, at, 1)
          else if (code === 2) group?.free[j]?.push(number)
          break
        }
        case CHOICE:
        case CHOICES:
          this.readKeys(group, kind[j] === CHOICE, j, at)
          break
        case RANKING:
          this.readRanking(cells, points[j] ?? 0, this.rankPoints[j] ?? 0, at)
          break
        case TEXT:
          if (this.next() === 1 && cells) add(cells, at, 1)
          break
      }
    }
  }

  /** A ranking: n, then per option placed the count, position and Borda points. */
  private readRanking(cells: Float64Array | undefined, size: number, first: number, at: number) {
    const count = this.next()
    if (cells && count > 0) add(cells, at, 1)
    for (let position = 0; position < count; position++) {
      const option = this.next()
      if (!cells) continue
      add(cells, at + 1 + option, 1)
      add(cells, at + 1 + size + option, position + 1)
      add(cells, at + 1 + 2 * size + option, Math.max(0, first - position))
    }
  }

  /** A choice or multi-select answer: n, dk and the options (unlisted keys apart). */
  private readKeys(group: GroupTally | null, single: boolean, j: number, at: number) {
    const cells = group?.cells
    const code = this.next()
    if (code === 0) return
    if (code === 1) {
      if (cells) add(cells, at + 1, 1)
      return
    }
    if (cells) add(cells, at, 1)
    const keys = single ? 1 : code - 2
    for (let k = 0; k < keys; k++) {
      const option = single ? code - 2 : this.next()
      if (option > 0) {
        if (cells) add(cells, at + 1 + option, 1)
        continue
      }
      const text = this.text()
      if (!group) continue
      const extras = group.extras[j] ?? new Map<string, number>()
      extras.set(text, (extras.get(text) ?? 0) + 1)
      group.extras[j] = extras
    }
  }
}
