/**
 * `renderHtml`: the report model as one self-contained HTML page — inline CSS (screen and
 * print), charts as inline SVG, no script, font, image or style from anywhere else, and a
 * Content-Security-Policy that would block any that slipped in. Every text is escaped.
 */
import { escapeHtml, safeRelativePath } from '../escape.ts'
import type { ReportBlock, ReportCell, ReportModel, ReportTable } from './model.ts'

/** Options of `renderHtml`. */
export interface RenderHtmlOptions {
  /** SVG of each chart by id (from `renderSvg`); a chart without one shows its caption only. */
  svgs: ReadonlyMap<string, string>
  /** Relative link of a chart file; default `charts/<id>.<ext>` (beside report.html). */
  chartHref?: (id: string, ext: 'svg' | 'png' | 'vl.json') => string
}

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #6b6b6b; --rule: #d0d0d0; --band: #f4f4f2; --accent: #0b5394; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 68rem; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
  font: 15px/1.5 "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.4rem; margin: 2.6rem 0 .8rem; padding-top: .6rem; border-top: 3px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; }
h4 { font-size: .95rem; margin: 1.2rem 0 .3rem; }
p, ul, ol, dl { margin: .5rem 0 1rem; }
a { color: var(--accent); }
.subtitle { color: var(--muted); margin: 0 0 1.5rem; }
nav ul { columns: 2; column-gap: 2rem; padding: 0; list-style: none; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.table { overflow-x: auto; margin: 1rem 0 1.4rem; }
table { border-collapse: collapse; font-size: .85rem; min-width: 50%; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 .4rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .55rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--ink); background: var(--band); vertical-align: bottom; }
tbody th { font-weight: normal; min-width: 10rem; max-width: 30rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.parts { white-space: normal; }
td.muted { color: var(--muted); }
.note { color: var(--muted); font-size: .8rem; margin-top: .35rem; }
figure.chart { margin: 1.5rem 0 2rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .85rem; margin-top: .4rem; }
figcaption .files { color: var(--muted); }
.answers ul { list-style: none; padding: 0; }
.answers li { border-left: 3px solid var(--rule); padding: .2rem 0 .2rem .8rem; margin: .35rem 0; }
.answers .count { color: var(--muted); font-size: .8rem; white-space: nowrap; }
@media (max-width: 760px) {
  body { padding: 1rem .75rem 3rem; }
  tbody th { min-width: 7rem; }
}
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  @page wide { size: A4 landscape; margin: 14mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav ul { columns: 1; }
  h2 { break-before: page; border-top: none; }
  h2, h3, h4, caption { break-after: avoid; }
  figure.chart, tr, .answers li { break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: .15rem .3rem; }
  tbody th { min-width: 6.5rem; }
  /* Tables with a column per region, and charts wider than a portrait page, print across. */
  .table.wide, figure.chart.wide, h3:has(+ .table.wide), h3:has(+ figure.chart.wide) { page: wide; }
  figure.chart svg { width: auto; max-width: 100%; max-height: 250mm; }
  a { color: inherit; text-decoration: none; }
  figcaption .files { display: none; }
}
`

/**
 * Renders the report as a self-contained HTML document.
 * @example const html = renderHtml(model, { svgs: new Map([[id, svg]]) })
 */
export function renderHtml(model: ReportModel, options: RenderHtmlOptions): string {
  const href = options.chartHref ?? ((id: string, ext: string) => `charts/${id}.${ext}`)
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(model.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(model.subtitle)}</p>`,
    '</header>',
    `<nav aria-labelledby="contents"><h2 id="contents">${escapeHtml(model.contents)}</h2><ul>`,
    ...model.sections.map(
      (s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`,
    ),
    '</ul></nav>',
    '<main>',
  ]
  for (const section of model.sections) {
    out.push(`<section id="${escapeHtml(section.id)}">`, `<h2>${escapeHtml(section.title)}</h2>`)
    for (const block of section.blocks) out.push(renderBlock(block, model, options, href))
    out.push('</section>')
  }
  out.push('</main>', '</body>', '</html>', '')
  return out.join('\n')
}

function renderBlock(
  block: ReportBlock,
  model: ReportModel,
  options: RenderHtmlOptions,
  href: (id: string, ext: 'svg' | 'png' | 'vl.json') => string,
): string {
  switch (block.kind) {
    case 'subheading':
      return `<h3>${escapeHtml(block.text)}</h3>`
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
    case 'facts':
      return `<dl class="facts">${block.items
        .map((i) => `<dt>${escapeHtml(i.term)}</dt><dd>${escapeHtml(i.text)}</dd>`)
        .join('')}</dl>`
    case 'table':
      return renderTable(block)
    case 'chart': {
      const svg = options.svgs.get(block.id)
      const links = (['svg', 'png', 'vl.json'] as const)
        .map((ext) => `<a href="${escapeHtml(safeRelativePath(href(block.id, ext)))}">${ext}</a>`)
        .join(' · ')
      return [
        `<figure class="chart${svg && svgWidth(svg) > PORTRAIT_WIDTH ? ' wide' : ''}" id="figure-${block.number}">`,
        svg ? inlineSvg(svg, `f${block.number}`, block.id) : '',
        `<figcaption><strong>${escapeHtml(model.figureLabel)} ${block.number}.</strong> ${escapeHtml(block.title)} <span class="files">${escapeHtml(model.filesLabel)}: ${links}</span></figcaption>`,
        '</figure>',
      ].join('\n')
    }
    case 'answers': {
      const items = block.answers
        .map(
          (a) =>
            `<li>${escapeHtml(a.text)}${a.count > 1 ? ` <span class="count">(×${a.count})</span>` : ''}</li>`,
        )
        .join('')
      const note = block.note ? `<p class="note">${escapeHtml(block.note)}</p>` : ''
      return `<div class="answers"><h4>${escapeHtml(block.heading)}</h4>${items ? `<ul>${items}</ul>` : ''}${note}</div>`
    }
  }
}

function renderCell(c: ReportCell, tag: 'td' | 'th'): string {
  // A figure stays on one line, unless it has parts that a narrow column may put on two.
  const parts = c.numeric ? figureParts(c.text) : [c.text]
  const classes = [c.numeric ? 'num' : '', c.muted ? 'muted' : '', parts.length > 1 ? 'parts' : '']
    .filter(Boolean)
    .join(' ')
  const scope = tag === 'th' ? ' scope="row"' : ''
  const text =
    parts.length > 1
      ? parts.map((part) => escapeHtml(part).replace(/ /g, '&nbsp;')).join(' ')
      : escapeHtml(c.text)
  return `<${tag}${scope}${classes ? ` class="${classes}"` : ''}>${text}</${tag}>`
}

/**
 * The parts of a figure cell a line may break between: before a bracket and after an arrow
 * ("−0.21 | (2.10 → | 1.89)", "4.19 | (99)"), never inside a number or "n < 5".
 */
function figureParts(text: string): string[] {
  return text.split(/ (?=[([])|(?<=→) /)
}

/** Tables with this many columns or more (a column per region) print on landscape pages. */
const WIDE_TABLE = 8

/** A chart wider than an A4 portrait page at the print margins (186 mm) prints across. */
const PORTRAIT_WIDTH = 703

function renderTable(table: ReportTable): string {
  const numericColumns = table.head.map(
    (_, i) => i > 0 && table.rows.length > 0 && table.rows.every((r) => r[i]?.numeric === true),
  )
  const head = table.head
    .map(
      (h, i) => `<th scope="col"${numericColumns[i] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`,
    )
    .join('')
  const rows = table.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? renderCell({ ...c, numeric: false }, 'th') : renderCell(c, 'td'))).join('')}</tr>`,
    )
    .join('\n')
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : ''
  const wide = table.head.length >= WIDE_TABLE ? ' wide' : ''
  return `<div class="table${wide}"><table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>${note}</div>`
}

/** The width of an SVG from its root element (0 when it has none). */
function svgWidth(svg: string): number {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  return Number(/\swidth="([\d.]+)"/.exec(root)?.[1] ?? 0)
}

/**
 * An SVG from `renderSvg` made safe to inline: its ids (gradients, clip paths) get a per-figure
 * prefix so two charts never share one, and anything executable is refused. Vega escapes every
 * text, so `<` only ever opens a tag and the checks below see every tag.
 */
export function inlineSvg(svg: string, prefix: string, id = prefix): string {
  const body = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').trim()
  if (!body.startsWith('<svg') || !body.endsWith('</svg>'))
    throw new Error(`chart ${id}: not an SVG`)
  const tags = body.match(/<[^>]*>/g) ?? []
  for (const tag of tags) {
    if (/^<\/?\s*(script|foreignObject|iframe|object|embed|image|use|a)\b/i.test(tag)) {
      throw new Error(`chart ${id}: refusing to inline SVG element ${tag.slice(0, 40)}`)
    }
    // Attribute values are double-quoted with `"` escaped inside, so names are read reliably.
    for (const [, name = '', value = ''] of tag.matchAll(/\s([^\s="]+)\s*=\s*"([^"]*)"/g)) {
      const lower = name.toLowerCase()
      if (
        lower.startsWith('on') ||
        ((lower.endsWith('href') || lower === 'src') && !value.startsWith('#'))
      ) {
        throw new Error(`chart ${id}: refusing to inline SVG attribute ${name}`)
      }
    }
  }
  return body.replace(/<[^>]*>/g, (tag) =>
    tag
      .replace(/\sid="([^"]*)"/g, ` id="${prefix}-$1"`)
      .replace(/url\(#([^)]*)\)/g, `url(#${prefix}-$1)`)
      .replace(/href="#([^"]*)"/g, `href="#${prefix}-$1"`),
  )
}
