// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
/**
 * Groups, repeats and pages: a group is a SurveyJS panel, a repeat a dynamic panel (one
 * record per repeat), and a top-level `field-list` group a page of its own (every top-level
 * group and question with the `pages` style).
 */
import { Appearances, type CellContext, readExpression, readText, reportUnread } from './cells.ts'
import { buildQuestion, type QuestionContext } from './questions.ts'
import type { ContainerNode, NameEntry, SurveyNode } from './structure.ts'
import type { ElementJson } from './types.ts'
import { variable } from './xpath/translate.ts'

/** The context for one node: its scope is the node's repeats, and `.` its own name. */
function forNode(node: SurveyNode, ctx: QuestionContext): QuestionContext {
  return { ...ctx, scope: { ...ctx.scope, repeats: node.repeats, self: node.name } }
}

/** The SurveyJS elements of a list of nodes, in order. */
export function buildElements(nodes: SurveyNode[], ctx: QuestionContext): ElementJson[] {
  return nodes.flatMap((node) => buildNode(node, ctx))
}

function buildNode(node: SurveyNode, ctx: QuestionContext): ElementJson[] {
  const own = forNode(node, ctx)
  const built =
    node.kind === 'question'
      ? buildQuestion(node, own)
      : node.kind === 'group'
        ? [buildGroup(node, own)]
        : buildRepeat(node, own)
  // A row left out as a whole is reported once, not cell by cell.
  const leftOut =
    node.kind === 'question' && ['metadata', 'dropped', 'unknown'].includes(node.type.kind)
  if (!leftOut) reportUnread(node.reader, ctx.problems)
  return built
}

function containerProperties(node: ContainerNode, ctx: CellContext, what: string): ElementJson {
  const out: ElementJson = { name: node.name }
  const title = readText(node.reader, 'label', ctx)
  if (title !== undefined) out.title = title
  const description = readText(node.reader, 'hint', ctx)
  if (description !== undefined) out.description = description
  const visibleIf = readExpression(node.reader, 'relevant', ctx, `the ${what} is always shown`)
  if (visibleIf) out.visibleIf = visibleIf
  return out
}

function buildGroup(node: ContainerNode, ctx: QuestionContext): ElementJson {
  const appearances = new Appearances(node.reader)
  appearances.take('field-list')
  appearances.reportRest(ctx.problems)
  const properties = containerProperties(node, ctx, 'group')
  return { type: 'panel', ...properties, elements: buildElements(node.children, ctx) }
}

/** A repeat's dynamic panel, after the hidden count it is bound to when it has one. */
function buildRepeat(node: ContainerNode, ctx: QuestionContext): ElementJson[] {
  const appearances = new Appearances(node.reader)
  appearances.take('field-list')
  appearances.reportRest(ctx.problems)
  const properties = containerProperties(node, ctx, 'repeat')
  const templateElements = buildElements(node.children, ctx)
  const { count, counter } = repeatCount(node, ctx)
  const repeat = { type: 'paneldynamic', ...properties, templateElements, ...count }
  return counter ? [counter, repeat] : [repeat]
}

/**
 * `repeat_count`: a number fixes the count; `${q}` binds it to that question's answer; without
 * it the respondent adds repeats, starting with one, as in Enketo. A binding reads answers
 * only, not calculated values: `${calculate}` is copied into a hidden expression question (not
 * submitted, as hidden questions are not) that the count is bound to.
 */
function repeatCount(
  node: ContainerNode,
  ctx: QuestionContext,
): { count: ElementJson; counter?: ElementJson } {
  const { reader } = node
  const text = reader.text('repeat_count')
  const fixed = { allowAddPanel: false, allowRemovePanel: false }
  if (!text) return { count: { panelCount: 1 } }
  if (/^\d+$/.test(text)) {
    const n = Number(text)
    return { count: { panelCount: n, minPanelCount: n, maxPanelCount: n, ...fixed } }
  }
  const ref = /^\$\{\s*([^}]+?)\s*\}$/.exec(text)?.[1]
  const entry: NameEntry | undefined = ref ? (ctx.scope.names.get(ref) as NameEntry) : undefined
  if (ref && entry && entry.answer === 'value' && entry.repeats.length === 0) {
    const source = variable(ref, ctx.scope)
    if (!entry.calculated)
      return { count: { panelCount: 0, bindings: { panelCount: source }, ...fixed } }
    const name = freeName(`${node.name}_count`, ctx.scope.names)
    return {
      count: { panelCount: 0, bindings: { panelCount: name }, ...fixed },
      counter: { type: 'expression', name, expression: `{${source}}`, visible: false },
    }
  }
  ctx.problems.warning(
    reader.place('repeat_count'),
    'only a number or ${question} (a question outside any repeat) is supported: the respondent adds repeats',
  )
  return { count: { panelCount: 1 } }
}

/** `wanted`, or `wanted_2`, `wanted_3`… when the form already has that name. */
function freeName(wanted: string, names: ReadonlyMap<string, unknown>): string {
  let name = wanted
  for (let n = 2; names.has(name); n++) name = `${wanted}_${n}`
  return name
}

/** Whether a top-level node is a page of its own. */
function isPage(node: SurveyNode, pagesStyle: boolean): boolean {
  if (pagesStyle) return true
  if (node.kind !== 'group') return false
  const words = (node.reader.text('appearance') ?? '').toLowerCase().split(/\s+/)
  return words.includes('field-list')
}

/**
 * The pages of the questionnaire. A top-level group that is a page gives the page its name,
 * title and relevance; the other top-level elements between such pages share a page.
 */
export function buildPages(
  nodes: SurveyNode[],
  ctx: QuestionContext,
  pagesStyle: boolean,
): ElementJson[] {
  const pages: ElementJson[] = []
  let run: ElementJson[] = []
  const taken = new Set(ctx.scope.names.keys())
  const nextName = () => {
    let n = pages.length + 1
    while (taken.has(`page${n}`)) n++
    taken.add(`page${n}`)
    return `page${n}`
  }
  const flush = () => {
    if (run.length > 0) pages.push({ name: nextName(), elements: run })
    run = []
  }
  for (const node of nodes) {
    const elements = buildNode(node, ctx)
    if (!isPage(node, pagesStyle)) {
      run.push(...elements)
      continue
    }
    flush()
    const [only] = elements
    if (node.kind === 'group' && only) {
      const { type: _panel, ...page } = only
      pages.push(page)
    } else if (elements.length > 0) pages.push({ name: nextName(), elements })
  }
  flush()
  return pages
}
