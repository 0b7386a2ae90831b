/**
 * The one walk of a questionnaire's element tree, read from its JSON: pages, their `elements`,
 * panels' `elements` and dynamic panels' `templateElements`, in document order.
 */
import { isRecord, type JsonObject } from './json.ts'
import type { SurveyJson } from './types.ts'

/** One element of a questionnaire and where it sits. */
export interface WalkedElement {
  /** The element's JSON: a question, a panel or a dynamic panel. */
  element: JsonObject
  /** Its `type` as a string (`''` when it has none). */
  type: string
  /** Index of its page; top-level `elements` count as page 0, where survey-core puts them. */
  page: number
  /**
   * Its page (none for top-level `elements`), then the panels and dynamic panels it sits in,
   * outermost first: where its inherited `visibleIf` and `visible` come from.
   */
  containers: readonly JsonObject[]
  /**
   * Whether it belongs to a dynamic panel's template: it is then answered once per panel,
   * inside the dynamic panel's value, never under its own name at the top.
   */
  inDynamicPanel: boolean
}

/**
 * Every element of a questionnaire in document order: each page's elements in turn, then the
 * top-level `elements`; a panel or dynamic panel comes just before what it contains. Entries
 * that are not JSON objects, and `elements` that are not lists, are passed over.
 *
 * @example
 * const names = [...walkElements(json)].map((e) => e.element.name) // ['profile', 'region', …]
 * for (const { element, type, inDynamicPanel } of walkElements(json)) {
 *   if (type === 'comment' && !inDynamicPanel) console.log(element.name)
 * }
 */
export function* walkElements(json: SurveyJson): Generator<WalkedElement, void, undefined> {
  const pages = Array.isArray(json.pages) ? json.pages : []
  for (const [index, page] of pages.entries()) {
    if (isRecord(page)) yield* walkList(page.elements, index, [page], false)
  }
  yield* walkList(json.elements, 0, [], false)
}

function* walkList(
  elements: unknown,
  page: number,
  containers: readonly JsonObject[],
  inDynamicPanel: boolean,
): Generator<WalkedElement, void, undefined> {
  if (!Array.isArray(elements)) return
  for (const element of elements) {
    if (!isRecord(element)) continue
    const type = String(element.type ?? '')
    yield { element, type, page, containers, inDynamicPanel }
    const inside = [...containers, element]
    if (type === 'panel') yield* walkList(element.elements, page, inside, inDynamicPanel)
    if (type === 'paneldynamic') yield* walkList(element.templateElements, page, inside, true)
  }
}
