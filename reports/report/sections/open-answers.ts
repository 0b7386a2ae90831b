/**
 * Open answers: per question and group, cleaned (one line, e-mail addresses and phone numbers
 * removed, cut to a maximum length), identical answers merged with their count, and nothing at
 * all for a group under k. Texts come from the caller (the analysis document holds none).
 */

import { oneLine } from '../../escape.ts'
import type { ComposeContext } from '../context.ts'
import { groupLabel } from '../context.ts'
import type { AnswerGroup, OpenAnswer, QuotedAnswer, ReportBlock, ReportSection } from '../model.ts'

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
// A run of digits with the separators phone numbers use; checked further in `isPhone`.
const PHONE = /(?:\+|\b)\d[\d\s()./-]{5,}\d\b(?!\s?(?:%|€|\$|£|EUR|XOF|FCFA|CFA))/gu

/** Whether a digit run looks like a phone number rather than an amount or a year range. */
function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, '')
  if (digits.length < 8 || digits.length > 15) return false
  const groups = match
    .trim()
    .split(/[\s()./-]+/)
    .filter((g) => g !== '')
  // "2019-2024" (years) and "31/03/2024" or "2024-03-31" (dates) are not numbers to call.
  const year = (g: string) => /^(19|20)\d\d$/.test(g)
  if (groups.every(year)) return false
  if (groups.length === 3 && groups.some(year) && groups.filter((g) => g.length <= 2).length === 2)
    return false
  if (/^(\+|00|0)/.test(match.trim())) return true
  // "10 000 000" is an amount: every group after the first has three digits.
  return !groups.slice(1).every((g) => g.length === 3)
}

/**
 * Cleans one open answer: one line, e-mail addresses and phone numbers replaced by a marker,
 * cut to `max` characters with "…".
 * @example cleanAnswer('Call +33 6 12 34 56 78', 300, { email: '[e-mail]', phone: '[phone]' })
 * // 'Call [phone]'
 */
export function cleanAnswer(
  text: string,
  max: number,
  markers: { email: string; phone: string },
): string {
  const anonymised = oneLine(text)
    .replace(EMAIL, markers.email)
    .replace(PHONE, (m) => (isPhone(m) ? markers.phone : m))
  const chars = Array.from(anonymised)
  if (chars.length <= max) return anonymised
  const cut = chars.slice(0, Math.max(1, max - 1)).join('')
  // Prefer ending at a word boundary when one is close.
  const space = cut.lastIndexOf(' ')
  const base = space > cut.length * 0.8 ? cut.slice(0, space) : cut
  return `${base.trimEnd()}…`
}

/** Identical cleaned answers merged, most frequent first, then in code-unit order. */
function mergeAnswers(texts: string[]): QuotedAnswer[] {
  const counts = new Map<string, number>()
  for (const text of texts) if (text !== '') counts.set(text, (counts.get(text) ?? 0) + 1)
  return [...counts.entries()]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
}

/** The open-answers section; null when no open question has answers. */
export function composeOpenAnswers(
  ctx: ComposeContext,
  answers: readonly OpenAnswer[],
  options: { maxLength: number; maxPerGroup: number },
): ReportSection | null {
  const { doc, text, fmt } = ctx
  const questions = doc.questions.filter(
    (q) => q.kind === 'text' && q.name === q.question && answers.some((a) => a.question === q.name),
  )
  if (questions.length === 0) return null
  const markers = { email: text.answers.email, phone: text.answers.phone }
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: text.answers.intro(options.maxLength, ctx.k) },
  ]
  for (const q of questions) {
    blocks.push({ kind: 'subheading', text: q.title })
    for (const group of doc.groups) {
      if (group.n === 0) continue
      const heading = text.answers.groupHeading(groupLabel(ctx, group), fmt.integer(group.n))
      if (group.suppressed) {
        blocks.push({ kind: 'answers', heading, answers: [], note: text.answers.suppressed(ctx.k) })
        continue
      }
      const merged = mergeAnswers(
        answers
          .filter((a) => a.question === q.name && a.group === group.key)
          .map((a) => cleanAnswer(a.text, options.maxLength, markers)),
      )
      if (merged.length === 0) continue
      const shown = merged.slice(0, options.maxPerGroup)
      const rest = merged.length - shown.length
      const block: AnswerGroup = { kind: 'answers', heading, answers: shown }
      if (rest > 0) block.note = text.answers.more(rest)
      blocks.push(block)
    }
  }
  return { id: 'open-answers', title: text.sections.openAnswers, blocks }
}
