/**
 * The answers of many responses as one column per item, read with the classifiers of
 * `analysis/tally/classify.ts` straight from the stored answers. The tests compare what the
 * analysis decodes from its compact answer codes (`encodeAnswers` → `CodeReader`) with these
 * columns, so the codes are checked against a reading that does not go through them.
 */

import type { ItemSpec } from '../../analysis/questions.ts'
import {
  classifyKey,
  classifyKeys,
  classifyNumber,
  isAnswered,
  NO_ANSWER,
  readAnswer,
  USABLE,
} from '../../analysis/tally/classify.ts'
import type { Answers } from '../../surveys/types.ts'

/** Per response: 0 = no answer, 1 = usable value, 2 = "don't know" or not a scale value. */
export type AnswerState = Uint8Array

/** The answers of all responses to one item, by kind. */
export type ItemColumn =
  | { kind: 'numeric'; item: ItemSpec; state: AnswerState; values: Float64Array }
  | { kind: 'choice'; item: ItemSpec; state: AnswerState; values: (string | null)[] }
  | { kind: 'choices'; item: ItemSpec; state: AnswerState; values: (string[] | null)[] }
  | { kind: 'ranking'; item: ItemSpec; state: AnswerState; values: (string[] | null)[] }
  | { kind: 'text'; item: ItemSpec; state: AnswerState }

function numericColumn(item: ItemSpec, raws: readonly unknown[]): ItemColumn {
  const state = new Uint8Array(raws.length)
  const values = new Float64Array(raws.length).fill(Number.NaN)
  const scale = item.scale ? new Set(item.scale) : null
  raws.forEach((raw, i) => {
    const read = classifyNumber(raw, scale)
    state[i] = read.state
    if (read.state === USABLE) values[i] = read.number
  })
  return { kind: 'numeric', item, state, values }
}

function choiceColumn(item: ItemSpec, raws: readonly unknown[]): ItemColumn {
  const state = new Uint8Array(raws.length)
  const values = raws.map((raw, i) => {
    const read = classifyKey(raw)
    state[i] = read.state
    return read.key
  })
  return { kind: 'choice', item, state, values }
}

function listColumn(
  item: ItemSpec,
  raws: readonly unknown[],
  kind: 'choices' | 'ranking',
): ItemColumn {
  const state = new Uint8Array(raws.length)
  const values = raws.map((raw, i) => {
    const read = classifyKeys(raw)
    state[i] = read.state
    return read.keys
  })
  return { kind, item, state, values }
}

function textColumn(item: ItemSpec, raws: readonly unknown[]): ItemColumn {
  const state = Uint8Array.from(raws, (raw) => (isAnswered(raw) ? USABLE : NO_ANSWER))
  return { kind: 'text', item, state }
}

/**
 * One column per item, each as long as `answers`. A "don't know" code, an answer outside a
 * numeric item's scale and a malformed value are all "don't know" (2).
 *
 * @example
 * const [column] = flattenAnswers([ratingItem], [{ satisfaction: 4 }, { satisfaction: 'dk' }])
 * column.state // Uint8Array [1, 2]
 */
export function flattenAnswers(
  items: readonly ItemSpec[],
  answers: readonly Answers[],
): ItemColumn[] {
  return items.map((item): ItemColumn => {
    const raws = answers.map((a) => readAnswer(a, item))
    if (item.kind === 'numeric') return numericColumn(item, raws)
    if (item.kind === 'choice') return choiceColumn(item, raws)
    if (item.kind === 'choices' || item.kind === 'ranking') {
      return listColumn(item, raws, item.kind)
    }
    return textColumn(item, raws)
  })
}
