/**
 * `renderMarkdown`: the report model as GitHub-flavoured Markdown — tables, and each chart as an
 * image link to its file beside the report (`![title](charts/<id>.svg)`). Every text is
 * escaped, so no answer or label can become a link, HTML or table syntax.
 */
import { escapeMarkdown, safeRelativePath } from '../escape.ts'
import type { ReportBlock, ReportModel, ReportTable } from './model.ts'

/** Options of `renderMarkdown`. */
export interface RenderMarkdownOptions {
  /**
   * Relative link of a chart file; default `charts/<id>.<ext>`, which resolves beside
   * `report.md` on disk and beside `/api/surveys/:id/report.md` on the server.
   */
  chartHref?: (id: string, ext: 'svg' | 'png' | 'vl.json') => string
}

/**
 * Renders the report as Markdown.
 * @example renderMarkdown(model) // '# Microfinance ecosystem gap analysis\n…'
 */
export function renderMarkdown(model: ReportModel, options: RenderMarkdownOptions = {}): string {
  const href = (id: string, ext: 'svg' | 'png' | 'vl.json') =>
    safeRelativePath(options.chartHref?.(id, ext) ?? `charts/${id}.${ext}`)
  const out: string[] = [
    `# ${escapeMarkdown(model.title)}`,
    escapeMarkdown(model.subtitle),
    `## ${escapeMarkdown(model.contents)}`,
    model.sections.map((s) => `- ${escapeMarkdown(s.title)}`).join('\n'),
  ]
  for (const section of model.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`)
    for (const block of section.blocks) out.push(renderBlock(block, model, href))
  }
  return `${out.filter((part) => part !== '').join('\n\n')}\n`
}

function renderBlock(
  block: ReportBlock,
  model: ReportModel,
  href: (id: string, ext: 'svg' | 'png' | 'vl.json') => string,
): string {
  switch (block.kind) {
    case 'subheading':
      return `### ${escapeMarkdown(block.text)}`
    case 'paragraph':
      return escapeMarkdown(block.text)
    case 'list':
      return block.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n')
    case 'facts': {
      // French puts a space before the colon.
      const colon = model.lang === 'fr' ? ' :' : ':'
      return block.items
        .map((i) => `- **${escapeMarkdown(i.term)}**${colon} ${escapeMarkdown(i.text)}`)
        .join('\n')
    }
    case 'table':
      return renderTable(block)
    case 'chart': {
      const caption = `*${escapeMarkdown(`${model.figureLabel} ${block.number}.`)}* ${escapeMarkdown(block.title)}`
      const files = `[PNG](${href(block.id, 'png')}) · [Vega-Lite](${href(block.id, 'vl.json')})`
      return `![${escapeMarkdown(block.title)}](${href(block.id, 'svg')})\n\n${caption} · ${files}`
    }
    case 'answers': {
      const lines = [`**${escapeMarkdown(block.heading)}**`]
      const items = block.answers.map(
        (a) => `- ${escapeMarkdown(a.text)}${a.count > 1 ? ` (×${a.count})` : ''}`,
      )
      if (items.length > 0) lines.push(items.join('\n'))
      if (block.note) lines.push(`*${escapeMarkdown(block.note)}*`)
      return lines.join('\n\n')
    }
  }
}

/** A cell: escaped, never empty (an empty cell would shift nothing, but reads as missing). */
function cellText(text: string): string {
  const escaped = escapeMarkdown(text)
  return escaped === '' ? ' ' : escaped
}

function renderTable(table: ReportTable): string {
  const width = Math.max(table.head.length, ...table.rows.map((r) => r.length))
  const numeric = Array.from(
    { length: width },
    (_, i) => i > 0 && table.rows.length > 0 && table.rows.every((r) => r[i]?.numeric === true),
  )
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? ' ')
  const lines = [
    `**${escapeMarkdown(table.caption)}**`,
    '',
    line(pad(table.head.map(cellText))),
    line(numeric.map((n) => (n ? '---:' : '---'))),
    ...table.rows.map((r) => line(pad(r.map((c) => cellText(c.text))))),
  ]
  if (table.note) lines.push('', `*${escapeMarkdown(table.note)}*`)
  return lines.join('\n')
}
