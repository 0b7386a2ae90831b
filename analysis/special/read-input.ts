/**
 * Reading what the special tallies need from an `AnalysisInput`: the counted responses, the
 * questions and their localized choices, and numbers from stored answers (which may come from
 * an import, so nothing about their type is trusted).
 */
import { localize } from '../../surveys/definition.ts'
import { isRecord } from '../../surveys/json.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { walkElements } from '../../surveys/walk.ts'
import type { AnalysisInput, AnalysisResponse } from '../input.ts'

/** A question element of the questionnaire JSON. */
export type QuestionJson = Record<string, unknown>

/** A choice, row or column with its localized text. */
export interface ChoiceItem {
  value: string
  label: string
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The responses that count: submitted ones (drafts too with `includeDrafts`), of the chosen
 * wave if any (absent or null: every wave; `analyzeSurvey` passes the settled wave), ordered by
 * submission time then id so that sums never depend on input order.
 */
export function countedResponses(input: AnalysisInput): AnalysisResponse[] {
  const { includeDrafts = false, wave } = input.options ?? {}
  return input.responses
    .filter((r) => (includeDrafts || r.status === 'submitted') && (wave == null || r.wave === wave))
    .sort(
      (a, b) => compareText(a.submittedAt ?? '', b.submittedAt ?? '') || compareText(a.id, b.id),
    )
}

/** The question called `name`, searched through pages, panels and dynamic panels. */
export function findQuestion(json: SurveyJson, name: string): QuestionJson | null {
  for (const { element, type } of walkElements(json)) {
    if (element.name === name && type !== 'panel' && type !== 'html') return element
  }
  return null
}

/** Items of a `choices` or `rows` list with texts in `locale`; the value stands in for a text. */
export function readItems(list: unknown, locale: string): ChoiceItem[] {
  if (!Array.isArray(list)) return []
  const out: ChoiceItem[] = []
  for (const item of list) {
    if (typeof item === 'string' || typeof item === 'number') {
      out.push({ value: String(item), label: String(item) })
    } else if (isRecord(item) && item.value !== undefined) {
      const value = String(item.value)
      out.push({ value, label: localize(item.text, locale) || value })
    }
  }
  return out
}

/** Choices of a question, plus its "other" item when it shows one. */
export function readChoices(question: QuestionJson | null, locale: string): ChoiceItem[] {
  if (!question) return []
  const items = readItems(question.choices, locale)
  if (question.showOtherItem === true || question.hasOther === true) {
    items.push({ value: 'other', label: localize(question.otherText, locale) || 'Other' })
  }
  return items
}

/** The localized title of a question, or its name. */
export function readTitle(question: QuestionJson | null, name: string, locale: string): string {
  return (question && localize(question.title, locale)) || name
}

/** A finite number from a stored answer: a number or a numeric string, else `null`. */
export function readNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v !== 'string' || v.trim() === '') return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/** A non-empty trimmed string from a stored answer (numbers become strings), else `null`. */
export function readText(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v !== 'string') return null
  const t = v.trim()
  return t === '' ? null : t
}

/** The distinct string values of a stored multi-value answer, in answer order. */
export function readValues(v: unknown): string[] {
  if (!Array.isArray(v)) return []
  const out: string[] = []
  for (const item of v) {
    const text = readText(item)
    if (text !== null && !out.includes(text)) out.push(text)
  }
  return out
}

/** Rounds to 4 decimals; `null` stays `null`, and so does anything not finite. */
export function round4(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null
  // toFixed stays exact for large XOF sums, where x * 1e4 would exceed 2^53.
  return Number(x.toFixed(4)) || 0
}

/** `items` followed by the values in `seen` they lack (sorted), labelled by their value. */
export function withUnknown(items: ChoiceItem[], seen: Iterable<string>): ChoiceItem[] {
  const known = new Set(items.map((i) => i.value))
  const extra = [...new Set(seen)].filter((v) => !known.has(v)).sort(compareText)
  return [...items, ...extra.map((value) => ({ value, label: value }))]
}
