/**
 * A compact text form of one response's answers, item by item, that keeps exactly what the
 * analysis document reads (the classification of `tally/classify.ts`): stored once per response,
 * it lets the analysis tally a million responses without parsing their answer JSON again. Text
 * of the 64 characters `0`…`o` only — plain ASCII, which SQLite hands back as cheap strings.
 *
 * Numbers are written as base-32 digits, least significant first: `P`…`o` for a digit with more
 * to follow, `0`…`O` for the last one (so 0–31 take one character). Per item, in layout order:
 * - numeric with a scale: 0 no answer, 1 "don't know", 2 + index of the scale point;
 * - free number: 0 no answer, 1 "don't know", 2 then the float64 bits in 11 characters of 6 bits;
 * - choice: 0 no answer, 1 "don't know", 2 then an unlisted key, 3 + index of the option;
 * - multi-select: 0 no answer, 1 "don't know", 2 + count, then per key 0 and an unlisted key, or
 *   1 + index of the option;
 * - ranking: count of the known options placed, then their indices in rank order;
 * - text: 0 no answer, 1 answered.
 * An unlisted key is its length in UTF-16 code units, then each code unit.
 */

import { createHash } from 'node:crypto'
import type { Answers } from '../../surveys/types.ts'
import { DK_CODES, type ItemSpec } from '../questions.ts'
import {
  classifyKey,
  classifyKeys,
  classifyNumber,
  DONT_KNOW,
  isAnswered,
  NO_ANSWER,
  readAnswer,
} from './classify.ts'

/** Bumped whenever the encoding or the classification of answers changes. */
const ENCODING_VERSION = 2

/** The items a code text is laid out by, with an id that changes whenever the layout does. */
export interface AnswerLayout {
  /** 16 hex digits of SHA-256 over everything the encoding depends on. */
  id: string
  items: ItemSpec[]
  /** Per item: option value → index (choice, multi-select, ranking). */
  optionIndex: Map<string, number>[]
  /** Per item: scale value → index of its first occurrence (numeric with a scale). */
  scaleIndex: Map<number, number>[]
}

/**
 * The layout of a questionnaire's items (from `readQuestionItems`; labels play no part).
 *
 * @example
 * describeLayout(readQuestionItems(survey.json).items).id // 'a3f0…' (16 hex digits)
 */
export function describeLayout(items: readonly ItemSpec[]): AnswerLayout {
  const signature = JSON.stringify([
    ENCODING_VERSION,
    DK_CODES,
    items.map((i) => [
      i.path,
      i.question,
      i.row,
      i.column,
      i.kind,
      i.scale,
      i.options.map((o) => o.value),
    ]),
  ])
  const optionIndex = items.map((item) => {
    const map = new Map<string, number>()
    item.options.forEach((o, index) => {
      if (!map.has(o.value)) map.set(o.value, index)
    })
    return map
  })
  const scaleIndex = items.map((item) => {
    const map = new Map<number, number>()
    item.scale?.forEach((value, index) => {
      if (!map.has(value)) map.set(value, index)
    })
    return map
  })
  return {
    id: createHash('sha256').update(signature).digest('hex').slice(0, 16),
    items: [...items],
    optionIndex,
    scaleIndex,
  }
}

const float = new DataView(new ArrayBuffer(8))

/** First character of a final base-32 digit; a digit with more to follow starts at `P`. */
export const LAST_DIGIT = 0x30
export const MORE_DIGIT = 0x50

/** A growable buffer of character codes for one code text. */
class CodeWriter {
  private buffer = new Uint8Array(256)
  private length = 0

  private char(code: number): void {
    if (this.length === this.buffer.length) {
      const next = new Uint8Array(this.buffer.length * 2)
      next.set(this.buffer)
      this.buffer = next
    }
    this.buffer[this.length++] = code
  }

  number(value: number): void {
    let v = value
    while (v >= 32) {
      this.char(MORE_DIGIT + (v % 32))
      v = Math.floor(v / 32)
    }
    this.char(LAST_DIGIT + v)
  }

  text(value: string): void {
    this.number(value.length)
    for (let i = 0; i < value.length; i++) this.number(value.charCodeAt(i))
  }

  float64(value: number): void {
    // -0 reads as 0 everywhere in the document (a Map key, a sum from 0), so it is stored as 0.
    float.setFloat64(0, value === 0 ? 0 : value, true)
    const lo = float.getUint32(0, true)
    const hi = float.getUint32(4, true)
    // 64 bits as 6-bit groups: 5 from lo (30 bits), one straddling, 5 from hi (30 bits).
    for (let k = 0; k < 5; k++) this.char(LAST_DIGIT + ((lo >>> (6 * k)) & 63))
    this.char(LAST_DIGIT + ((lo >>> 30) | ((hi & 15) << 2)))
    for (let k = 0; k < 5; k++) this.char(LAST_DIGIT + ((hi >>> (4 + 6 * k)) & 63))
  }

  /** Starts a new code text. */
  reset(): void {
    this.length = 0
  }

  /** The characters written, as a string. */
  done(): string {
    return ascii.decode(this.buffer.subarray(0, this.length))
  }
}

const ascii = new TextDecoder()
const NO_OPTIONS = new Map<string, number>()
const NO_SCALE = new Map<number, number>()
/** One writer for every call: encoding is synchronous, so calls never interleave. */
const writer = new CodeWriter()

function writeNumeric(out: CodeWriter, item: ItemSpec, scale: Map<number, number>, raw: unknown) {
  const read = classifyNumber(raw, item.scale === null ? null : scale)
  const tag = read.state === NO_ANSWER ? 0 : read.state === DONT_KNOW ? 1 : 2
  if (item.scale === null) {
    out.number(tag)
    if (tag === 2) out.float64(read.number)
  } else out.number(tag < 2 ? tag : 2 + (scale.get(read.number) ?? 0))
}

function writeChoice(
  out: CodeWriter,
  options: Map<string, number>,
  key: string | null,
  state: number,
) {
  if (state === NO_ANSWER) return out.number(0)
  if (state === DONT_KNOW || key === null) return out.number(1)
  const at = options.get(key)
  if (at !== undefined) return out.number(3 + at)
  out.number(2)
  out.text(key)
}

function writeList(
  out: CodeWriter,
  options: Map<string, number>,
  keys: string[] | null,
  state: number,
) {
  if (state === NO_ANSWER) return out.number(0)
  if (state === DONT_KNOW || keys === null) return out.number(1)
  out.number(2 + keys.length)
  for (const key of keys) {
    const at = options.get(key)
    if (at !== undefined) out.number(1 + at)
    else {
      out.number(0)
      out.text(key)
    }
  }
}

/** Known options of a ranking answer, in rank order (what the Borda tally reads). */
function writeRanking(out: CodeWriter, options: Map<string, number>, keys: string[] | null) {
  const known: number[] = []
  for (const key of keys ?? []) {
    const at = options.get(key)
    if (at !== undefined) known.push(at)
  }
  out.number(known.length)
  for (const at of known) out.number(at)
}

/**
 * Encodes one response's answers by `layout` (see the file comment). Decoding gives back, for
 * every item, exactly the state and value that the classifiers of `classify.ts` read.
 *
 * @example
 * encodeAnswers(layout, { satisfaction: 4, barriers: ['cost'] }) // e.g. '6…'
 */
export function encodeAnswers(layout: AnswerLayout, answers: Answers): string {
  const out = writer
  out.reset()
  const { items, optionIndex, scaleIndex } = layout
  for (let index = 0; index < items.length; index++) {
    const item = items[index]
    if (!item) continue
    const raw = readAnswer(answers, item)
    const options = optionIndex[index] ?? NO_OPTIONS
    if (item.kind === 'numeric') writeNumeric(out, item, scaleIndex[index] ?? NO_SCALE, raw)
    else if (item.kind === 'choice') {
      const read = classifyKey(raw)
      writeChoice(out, options, read.key, read.state)
    } else if (item.kind === 'choices') {
      const read = classifyKeys(raw)
      writeList(out, options, read.keys, read.state)
    } else if (item.kind === 'ranking') writeRanking(out, options, classifyKeys(raw).keys)
    else out.number(isAnswered(raw) ? 1 : 0)
  }
  return out.done()
}
