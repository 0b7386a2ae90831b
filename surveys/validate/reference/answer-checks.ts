/**
 * Second pass over answers, against the live model (answers and variables set): choices that
 * exist and are visible, rating scales, counts, matrix rows and columns, and answers to
 * questions that are not shown. survey-core's own `validate()` misses all of these.
 */
import {
  CheckboxItem,
  type ChoiceItem,
  type Question,
  QuestionCheckboxModel,
  QuestionDropdownModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionSliderModel,
  QuestionTagboxModel,
} from 'survey-core'
import { isRecord, sameValue } from '../../json.ts'
import { kindOf } from '../../question-kinds.ts'
import {
  type CheckContext,
  joinPath,
  report,
  reportOwn,
  showValue,
  surveyMessage,
} from '../issues.ts'
import { commentOwner, DROP } from './answer-shape.ts'

/** The live questions behind one JSON object, and whether each is shown. */
export interface LiveScope {
  questions: { get(key: string): Question | undefined }
  isShown(q: Question): boolean
}

/**
 * Checks a well-formed record against live questions and returns it without the values that
 * failed. Keys the shape pass accepted without a question (computed values) are left alone.
 */
export function checkRecord(
  scope: LiveScope,
  record: Record<string, unknown>,
  prefix: string,
  ctx: CheckContext,
): Record<string, unknown> {
  let out = record
  const replace = (key: string, value: unknown) => {
    if (out === record) out = { ...record }
    if (value === DROP) delete out[key]
    else out[key] = value
  }
  for (const [key, value] of Object.entries(record)) {
    const path = joinPath(prefix, key)
    const q = scope.questions.get(key)
    const owner = q ? undefined : commentOwner(scope.questions, key, ctx.commentSuffix)
    const target = q ?? owner
    if (!target) continue
    if (ctx.mode === 'submit' && !scope.isShown(target)) {
      reportOwn(ctx, path, 'hidden')
      continue
    }
    if (value === null) continue
    const checked = q
      ? checkValue(q, value, path, ctx)
      : checkComment(target, record, value, path, ctx)
    if (checked !== value) replace(key, checked)
  }
  return out
}

// An "Other" text needs "Other" chosen (the form clears it otherwise); a comment area does not.
// Its length was checked with its JSON type (answer-shape.ts).
function checkComment(
  owner: Question,
  record: Record<string, unknown>,
  text: unknown,
  path: string,
  ctx: CheckContext,
): unknown {
  if (!owner.hasComment && owner instanceof QuestionSelectBase) {
    const chosen = record[owner.getValueName()]
    const other = owner.otherItem.value
    const list = Array.isArray(chosen) ? chosen : [chosen]
    if (!owner.getStoreOthersAsComment() || !list.some((v) => sameValue(v, other))) {
      reportOwn(ctx, path, 'otherTextWithoutOther')
      return DROP
    }
  }
  return text
}

/** Checks one well-formed, non-null answer against its live question. */
export function checkValue(q: Question, value: unknown, path: string, ctx: CheckContext): unknown {
  switch (kindOf(q)) {
    case 'choice':
    case 'choices':
    case 'ranking':
      return q instanceof QuestionSelectBase ? checkChoices(q, value, path, ctx) : value
    case 'rating':
      return q instanceof QuestionRatingModel ? checkRating(q, value, path, ctx) : value
    case 'slider':
      return q instanceof QuestionSliderModel ? checkSlider(q, value, path, ctx) : value
    case 'matrix':
      return q instanceof QuestionMatrixModel ? checkMatrix(q, value, path, ctx) : value
    case 'matrixdropdown':
    case 'matrixdynamic':
    case 'paneldynamic':
    case 'multipletext':
      return checkContainer(q, value, path, ctx)
    default:
      return value
  }
}

function isExclusive(q: QuestionSelectBase, item: ChoiceItem): boolean {
  if (item instanceof CheckboxItem && item.isExclusive) return true
  return item === q.noneItem || item === q.refuseItem || item === q.dontKnowItem
}

function checkChoices(q: QuestionSelectBase, value: unknown, path: string, ctx: CheckContext) {
  const selectAll = q instanceof QuestionCheckboxModel ? q.selectAllItem : undefined
  const items = q.visibleChoices.filter((item) => item !== selectAll)
  // Free text is the value itself with custom choices, or "Other" with storeOthersAsComment off.
  const custom =
    (q instanceof QuestionDropdownModel || q instanceof QuestionTagboxModel) && q.allowCustomChoices
  const freeOther = custom || (q.showOtherItem && !q.getStoreOthersAsComment())
  const find = (v: unknown) => items.find((item) => sameValue(item.value, v))
  const list: unknown[] = Array.isArray(value) ? value : [value]
  let failed = false
  for (const v of list) {
    if (find(v) || (freeOther && typeof v === 'string' && v.trim() !== '')) continue
    reportOwn(ctx, path, 'notAChoice', showValue(v))
    failed = true
  }
  if (failed || !Array.isArray(value)) return failed ? DROP : value
  const exclusive = list.map(find).find((item) => item && isExclusive(q, item))
  if (exclusive && list.length > 1) {
    reportOwn(ctx, path, 'exclusive', showValue(exclusive.value))
    return DROP
  }
  const ranksAll = q instanceof QuestionRankingModel && !q.selectToRankEnabled
  if (ranksAll && list.length > 0 && list.length !== items.length) {
    reportOwn(ctx, path, 'rankAll')
    return DROP
  }
  const max = q instanceof QuestionCheckboxModel ? q.maxSelectedChoices : 0
  if (max > 0 && list.length > max) {
    report(ctx, path, surveyMessage(ctx.locale, 'maxSelectError', max))
    return DROP
  }
  return value
}

function checkRating(q: QuestionRatingModel, value: unknown, path: string, ctx: CheckContext) {
  const scale: unknown[] = q.visibleRateValues.map((item) => item.value)
  if (scale.some((v) => sameValue(v, value))) return value
  reportOwn(ctx, path, 'notOnScale', scale.map(showValue).join(', '))
  return DROP
}

function checkSlider(q: QuestionSliderModel, value: unknown, path: string, ctx: CheckContext) {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'number') continue
    const message =
      v < q.min
        ? surveyMessage(ctx.locale, 'minError', q.min)
        : v > q.max
          ? surveyMessage(ctx.locale, 'maxError', q.max)
          : ''
    if (message) {
      report(ctx, path, message)
      return DROP
    }
  }
  return value
}

function checkMatrix(q: QuestionMatrixModel, value: unknown, path: string, ctx: CheckContext) {
  if (!isRecord(value)) return value
  const shown = new Set(q.visibleRows.map((row) => String(row.name)))
  const columns: unknown[] = q.visibleColumns.map((c: { value: unknown }) => c.value)
  let out = value
  for (const [rowKey, cell] of Object.entries(value)) {
    const rowPath = joinPath(path, rowKey)
    if (!shown.has(rowKey)) {
      if (ctx.mode === 'submit') reportOwn(ctx, rowPath, 'hidden')
      continue
    }
    const bad = (Array.isArray(cell) ? cell : [cell]).filter(
      (v) => v !== null && !columns.some((c) => sameValue(c, v)),
    )
    for (const v of bad) reportOwn(ctx, rowPath, 'notAChoice', showValue(v))
    if (bad.length > 0) {
      if (out === value) out = { ...value }
      delete out[rowKey]
    }
  }
  return out
}

function checkContainer(q: Question, value: unknown, path: string, ctx: CheckContext): unknown {
  if (q instanceof QuestionMultipleTextModel) {
    if (!isRecord(value)) return value
    const editors = new Map<string, Question>(q.items.map((item) => [item.name, item.editor]))
    return checkRecord({ questions: editors, isShown: () => true }, value, path, ctx)
  }
  const entries = liveEntries(q)
  if (!entries) return value
  if (Array.isArray(value)) {
    return value.map((entry: unknown, i) => {
      const scope = entries.get(String(i))
      return scope && isRecord(entry) ? checkRecord(scope, entry, joinPath(path, i), ctx) : entry
    })
  }
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [rowKey, row] of Object.entries(value)) {
    const scope = entries.get(rowKey)
    if (!scope) {
      if (ctx.mode === 'submit') reportOwn(ctx, joinPath(path, rowKey), 'hidden')
      out[rowKey] = row
    } else out[rowKey] = isRecord(row) ? checkRecord(scope, row, joinPath(path, rowKey), ctx) : row
  }
  return out
}

// The shown rows of a matrix (by row value, or by index for a dynamic matrix), or the panels of
// a dynamic panel (by index), each as the scope of its cells or questions.
function liveEntries(q: Question): Map<string, LiveScope> | undefined {
  const entries = new Map<string, LiveScope>()
  if (q instanceof QuestionMatrixDropdownModelBase) {
    const dynamic = q instanceof QuestionMatrixDynamicModel
    q.visibleRows.forEach((row, i) => {
      const cells = new Map(row.cells.map((cell) => [cell.column.name, cell.question]))
      entries.set(dynamic ? String(i) : String(row.rowName), {
        questions: cells,
        isShown: (cell) => cell.isVisible,
      })
    })
    return entries
  }
  if (q instanceof QuestionPanelDynamicModel) {
    q.panels.forEach((panel, i) => {
      const inner = new Map(panel.questions.map((x) => [x.getValueName(), x]))
      entries.set(String(i), { questions: inner, isShown: (x) => x.isVisible && x.isParentVisible })
    })
    return entries
  }
  return undefined
}
