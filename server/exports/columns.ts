/**
 * The columns of a flat export (CSV, XLSX) and of a CSV import, read from a questionnaire
 * version with survey-core: one column per simple question, matrix row (`q.row`) and
 * matrixdropdown cell (`q.row.column`); a multi-select question gives a joined column plus one
 * 0/1 column per option, a ranking a joined column plus one rank column per option; the text of
 * "Other" or of a comment area is `<name>-Comment`.
 */
import {
  ItemValue,
  type Question,
  QuestionBooleanModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixModel,
  QuestionRatingModel,
  QuestionSelectBase,
} from 'survey-core'
import { isPrimitive, type Primitive } from '../../surveys/json.ts'
import { isScalarKind, kindOf, type QuestionKind } from '../../surveys/question-kinds.ts'
import { createModel } from '../../surveys/survey-model.ts'
import type { SurveyJson } from '../../surveys/types.ts'

/**
 * How a column holds its part of an answer: `value` the answer itself, `option` 1 when the
 * list answer holds the option (0 when answered without it, empty when unanswered), `rank` the
 * option's place in a ranking, `joined` the list's codes joined with `;`, `comment` the text
 * of "Other" or of a comment area, `json` a structured answer as JSON text.
 */
export type ColumnRole = 'value' | 'option' | 'rank' | 'joined' | 'comment' | 'json'

/** A choice code and its label in the export's language. */
export interface Code {
  value: Primitive
  label: string
}

/** One answer column of a flat export. */
export interface AnswerColumn {
  /** The header; a name taken by a metadata column gets the prefix `q_`. */
  name: string
  /** Keys from the answers object down to the value (`['q', 'row', 'column']`). */
  keys: string[]
  /** The question path (`q`, `q.row`, `q.row.column`). */
  path: string
  role: ColumnRole
  /** SurveyJS type of the question, or of the cell for a matrixdropdown column. */
  type: string
  /** The answer shape of what the column holds (a matrix row holds a `choice`). */
  kind: QuestionKind | 'json'
  /** Question text (with row, column or option) in the export's language. */
  title: string
  /** The choices of a choice-like value or list; empty for free answers. */
  codes: Code[]
  /** `option` and `rank` columns: the option counted. */
  option?: Primitive
  /** `joined` columns: what joins the codes (default `;`; Kobo-style headers: a space). */
  separator?: string
}

/** The metadata columns, first in every flat export. */
export const META_NAMES = [
  'id',
  'survey',
  'version',
  'region',
  'region_name',
  'wave',
  'group',
  'language',
  'status',
  'created_at',
  'updated_at',
  'submitted_at',
  'submission_key',
  'review_status',
  'review_note',
  'reviewed_at',
] as const

export type MetaColumn = (typeof META_NAMES)[number]

/** What each metadata column holds, for the codebook. */
export const META_DESCRIPTIONS: Record<MetaColumn, string> = {
  id: 'response id',
  survey: 'questionnaire id',
  version: 'questionnaire version (content hash) answered',
  region: 'region id',
  region_name: 'region name',
  wave: 'collection wave',
  group: 'stakeholder group',
  language: 'language of the answers',
  status: 'submitted or draft',
  created_at: 'created (UTC, ISO 8601)',
  updated_at: 'last changed (UTC, ISO 8601)',
  submitted_at: 'submitted (UTC, ISO 8601); empty for a draft',
  submission_key: "the client's idempotency key",
  review_status: "the lead partner's review: pending, approved or rejected",
  review_note: "the reviewer's note, if any",
  reviewed_at: 'reviewed (UTC, ISO 8601); empty while pending',
}

/** A stable key for a code: `2` and `'2'` differ, as they do in stored answers. */
export function codeKey(value: unknown): string {
  return `${typeof value}:${String(value)}`
}

function toCodes(items: unknown[]): Code[] {
  const out: Code[] = []
  for (const item of items) {
    if (!(item instanceof ItemValue)) continue
    const value: unknown = item.value
    if (isPrimitive(value)) out.push({ value, label: item.text || String(value) })
  }
  return out
}

function choiceCodes(q: Question, fallback: unknown[] = []): Code[] {
  if (q instanceof QuestionRatingModel) return toCodes(q.visibleRateValues)
  if (q instanceof QuestionBooleanModel) {
    const yes: unknown = q.getValueTrue()
    const no: unknown = q.getValueFalse()
    const codes: Code[] = []
    if (isPrimitive(yes)) codes.push({ value: yes, label: q.labelTrue })
    if (isPrimitive(no)) codes.push({ value: no, label: q.labelFalse })
    return codes
  }
  if (!(q instanceof QuestionSelectBase)) return []
  const items: unknown[] = [...(q.choices.length > 0 ? q.choices : fallback)]
  if (q.showNoneItem) items.push(q.noneItem)
  if (q.showRefuseItem) items.push(q.refuseItem)
  if (q.showDontKnowItem) items.push(q.dontKnowItem)
  if (q.showOtherItem) items.push(q.otherItem)
  return toCodes(items)
}

function hasCommentKey(q: Question): boolean {
  return q.hasComment || (q instanceof QuestionSelectBase && q.showOtherItem)
}

interface Target {
  keys: string[]
  path: string
  title: string
  type: string
}

// The columns of one answer (a question, or a matrixdropdown cell) at `at`.
function answerColumns(q: Question, at: Target, suffix: string, fallback?: unknown[]) {
  const out: AnswerColumn[] = []
  const kind = kindOf(q)
  const base = { keys: at.keys, path: at.path, type: at.type, title: at.title }
  if (kind === 'display') return out
  if (kind === 'choices' || kind === 'ranking') {
    const codes = choiceCodes(q, fallback)
    out.push({ ...base, name: at.path, role: 'joined', kind, codes })
    // Options of a whole question get their own columns; those of a cell stay joined.
    if (at.keys.length === 1) {
      for (const code of codes) {
        out.push({
          ...base,
          name: `${at.path}.${String(code.value)}`,
          role: kind === 'ranking' ? 'rank' : 'option',
          kind,
          title: `${at.title}: ${code.label}`,
          codes: [code],
          option: code.value,
        })
      }
    }
  } else if (kind !== undefined && isScalarKind(kind)) {
    out.push({ ...base, name: at.path, role: 'value', kind, codes: choiceCodes(q, fallback) })
  } else {
    out.push({ ...base, name: at.path, role: 'json', kind: 'json', codes: [] })
  }
  if (hasCommentKey(q)) {
    const keys = [...at.keys.slice(0, -1), `${at.keys.at(-1) ?? ''}${suffix}`]
    const name = `${at.path}${suffix}`
    out.push({ ...base, keys, name, role: 'comment', kind: 'comment', codes: [] })
  }
  return out
}

/**
 * The columns of one question, named by its value name (`q`, `q.row`, `q.option`, `q-Comment`),
 * before any renaming; `suffix` is the questionnaire's comment suffix.
 */
export function listQuestionColumns(q: Question, suffix: string): AnswerColumn[] {
  const name = q.getValueName()
  const title = q.title
  const type = q.getType()
  if (q instanceof QuestionMatrixModel) {
    const columns = toCodes(q.columns)
    const rows = toCodes(q.rows)
    return rows.map((row) => {
      const r = String(row.value)
      return {
        name: `${name}.${r}`,
        keys: [name, r],
        path: `${name}.${r}`,
        role: q.isMultiSelect ? 'joined' : 'value',
        type,
        kind: q.isMultiSelect ? 'choices' : 'choice',
        title: `${title}: ${row.label}`,
        codes: columns,
      }
    })
  }
  if (q instanceof QuestionMatrixDropdownModelBase && type === 'matrixdropdown') {
    const out: AnswerColumn[] = []
    for (const row of toCodes(q.rows)) {
      const r = String(row.value)
      for (const column of q.columns) {
        const cell = column.templateQuestion
        const target = {
          keys: [name, r, column.name],
          path: `${name}.${r}.${column.name}`,
          title: `${title}: ${row.label}: ${column.title}`,
          type: cell.getType(),
        }
        out.push(...answerColumns(cell, target, suffix, q.choices))
      }
    }
    return out
  }
  return answerColumns(q, { keys: [name], path: name, title, type }, suffix)
}

/**
 * The answer columns of one questionnaire version in document order, titles and labels in
 * `locale` (the questionnaire's default for `en` or an unknown locale).
 *
 * @example listAnswerColumns(json, 'fr').map((c) => c.name) // ['consent', 'barriers', 'barriers.cost', …]
 */
export function listAnswerColumns(json: SurveyJson, locale = 'en'): AnswerColumn[] {
  const model = createModel(json)
  // Always set: a questionnaire's own `locale` (its opening language) is the model's default.
  model.locale = locale
  const suffix = model.commentSuffix
  const columns = model
    .getAllQuestions(false, false, false)
    .flatMap((q) => listQuestionColumns(q, suffix))
  const reserved = new Set<string>(META_NAMES)
  const used = new Set<string>()
  return columns.map((c) => {
    let name = reserved.has(c.name) ? `q_${c.name}` : c.name
    for (let n = 2; used.has(name); n++) name = `${c.name}_${n}`
    used.add(name)
    return name === c.name ? c : { ...c, name }
  })
}

/**
 * Merges the columns of several versions, newest first: the first list's order is kept and a
 * column known only to an older version goes right after its predecessor in that version.
 */
export function mergeColumns(lists: AnswerColumn[][]): AnswerColumn[] {
  const merged: AnswerColumn[] = []
  const index = new Map<string, number>()
  for (const list of lists) {
    let anchor = -1
    for (const column of list) {
      const at = index.get(column.name)
      if (at !== undefined) {
        anchor = at
        continue
      }
      merged.splice(anchor + 1, 0, column)
      anchor++
      index.clear()
      for (const [i, c] of merged.entries()) index.set(c.name, i)
    }
  }
  return merged
}
