/**
 * `renderDocx`: the report model as a Word document — headings (Heading 1–4, as the HTML's
 * h1–h4), real Word tables with a repeated header row, and each chart as a PNG with its title
 * as alt text. Tables and charts too wide for an A4 portrait page get a landscape page of their
 * own. The same model and PNGs give byte-identical files: the document's dates are a constant
 * and the zip container is rewritten with fixed entry dates.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  type ISectionOptions,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { unzipSync } from 'fflate'
import { oneLine } from '../escape.ts'
import type { ReportBlock, ReportCell, ReportModel, ReportTable } from './model.ts'
import { zipFiles } from './zip.ts'

/** Options of `renderDocx`. */
export interface RenderDocxOptions {
  /** PNG of each chart by id (from `renderPng`); a chart without one shows its caption only. */
  pngs: ReadonlyMap<string, Uint8Array>
  /** PNG pixels per CSS pixel of the chart (`DEFAULT_PNG_SCALE` of reports/draw/png.ts). */
  pngScale?: number
}

/** The date written as the document's creation and last change: no clock in a report. */
export const DOCX_DATE = '2000-01-01T00:00:00Z'

/** A4 in twips (1/20 pt), with 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 }
const TWIPS_PER_PX = 15 // 96 px = 1 inch = 1440 twips
const PORTRAIT_TEXT = PAGE.width - 2 * PAGE.margin
const LANDSCAPE_TEXT = PAGE.height - 2 * PAGE.margin
/** A table with more columns than this gets a landscape page. */
const PORTRAIT_COLUMNS = 6
/** A chart scaled below this to fit a portrait page gets a landscape page. */
const MIN_PORTRAIT_SCALE = 0.85

const MUTED = '6B6B6B'
const RULE = 'D0D0D0'
const BAND = 'F4F4F2'

type Orientation = 'portrait' | 'landscape'
/** Where a block goes: `any` fits a page of either orientation. */
type Placement = Orientation | 'any'
type Child = Paragraph | Table

/**
 * Renders the report as a DOCX file.
 * @example const bytes = await renderDocx(model, { pngs: new Map([[id, png]]) })
 */
export async function renderDocx(
  model: ReportModel,
  options: RenderDocxOptions,
): Promise<Uint8Array> {
  const pages = new PageRun()
  pages.add('portrait', [
    heading(model.title, HeadingLevel.HEADING_1),
    new Paragraph({ children: [new TextRun({ text: clean(model.subtitle), color: MUTED })] }),
    heading(model.contents, HeadingLevel.HEADING_2),
    ...model.sections.map((s) => bullet(s.title)),
  ])
  for (const section of model.sections) {
    pages.add('portrait', [heading(section.title, HeadingLevel.HEADING_2)])
    for (const block of section.blocks) {
      if (block.kind === 'subheading') {
        pages.add('any', [pages.heading(heading(block.text, HeadingLevel.HEADING_3))])
        continue
      }
      const [orientation, children] = renderBlock(block, model, options)
      pages.add(orientation, children)
    }
  }
  const document = new Document({
    title: clean(model.title),
    description: clean(model.subtitle),
    creator: 'Gapkit',
    lastModifiedBy: 'Gapkit',
    revision: 1,
    styles: STYLES,
    sections: pages.sections(),
  })
  return fixContainer(await Packer.toBuffer(document))
}

/** The document's fonts and heading sizes (half-points). */
const STYLES = {
  default: {
    document: { run: { font: 'Arial', size: 20 }, paragraph: { spacing: { after: 120 } } },
    heading1: { run: { font: 'Arial', size: 36, bold: true, color: '1A1A1A' } },
    heading2: {
      run: { font: 'Arial', size: 28, bold: true, color: '0B5394' },
      paragraph: { spacing: { before: 360, after: 160 } },
    },
    heading3: {
      run: { font: 'Arial', size: 24, bold: true, color: '1A1A1A' },
      paragraph: { spacing: { before: 240, after: 120 } },
    },
    heading4: { run: { font: 'Arial', size: 20, bold: true, color: '1A1A1A' } },
  },
}

/**
 * The Word sections (each starts a page): every report section starts on a portrait page; a
 * table or chart too wide for it starts a landscape page, taking the subheading just before
 * it along, and what follows stays landscape up to the next report section.
 */
class PageRun {
  private runs: { orientation: Orientation; children: Child[] }[] = []
  private headings = new WeakSet<Child>()

  /** Adds blocks; `any` fits either orientation and follows the page before it. */
  add(orientation: Placement, children: Child[]): void {
    const last = this.runs.at(-1)
    if (last && (orientation === 'any' || last.orientation === orientation)) {
      last.children.push(...children)
      return
    }
    const moved: Child[] = []
    let tail = last?.children.at(-1)
    while (orientation === 'landscape' && last && tail && this.headings.has(tail)) {
      moved.unshift(tail)
      last.children.pop()
      tail = last.children.at(-1)
    }
    this.runs.push({
      orientation: orientation === 'any' ? 'portrait' : orientation,
      children: [...moved, ...children],
    })
  }

  /** A heading: kept with the block after it. */
  heading(child: Paragraph): Paragraph {
    this.headings.add(child)
    return child
  }

  sections(): ISectionOptions[] {
    return this.runs
      .filter((run) => run.children.length > 0)
      .map(({ orientation, children }) => ({
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page.
            size: {
              width: PAGE.width,
              height: PAGE.height,
              orientation:
                orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
            },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
            },
          },
        },
        children,
      }))
  }
}

/** Report text is plain; Word takes it as is, but one line and no control characters. */
function clean(text: string): string {
  return oneLine(text)
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) {
  return new Paragraph({ heading: level, children: [new TextRun(clean(text))] })
}

function bullet(text: string, runs?: TextRun[]): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: runs ?? [new TextRun(clean(text))] })
}

function note(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: clean(text), italics: true, color: MUTED, size: 16 })],
  })
}

function renderBlock(
  block: Exclude<ReportBlock, { kind: 'subheading' }>,
  model: ReportModel,
  options: RenderDocxOptions,
): [Placement, Child[]] {
  switch (block.kind) {
    case 'paragraph':
      return ['any', [new Paragraph({ children: [new TextRun(clean(block.text))] })]]
    case 'list':
      return ['any', block.items.map((i) => bullet(i))]
    case 'facts': {
      // French puts a space before the colon.
      const colon = model.lang === 'fr' ? ' :' : ':'
      return [
        'any',
        block.items.map((i) =>
          bullet('', [
            new TextRun({ text: `${clean(i.term)}${colon}`, bold: true }),
            new TextRun(` ${clean(i.text)}`),
          ]),
        ),
      ]
    }
    case 'table':
      return renderTable(block)
    case 'chart':
      return renderChart(block, model, options)
    case 'answers': {
      const children: Child[] = [heading(block.heading, HeadingLevel.HEADING_4)]
      for (const a of block.answers) {
        const runs = [new TextRun(clean(a.text))]
        if (a.count > 1) runs.push(new TextRun({ text: ` (×${a.count})`, color: MUTED }))
        children.push(bullet('', runs))
      }
      if (block.note) children.push(note(block.note))
      return ['any', children]
    }
  }
}

/** Width and height of a PNG in pixels, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const signature = png.length >= 24 && view.getUint32(0) === 0x89504e47
  if (!signature || view.getUint32(12) !== 0x49484452) throw new Error('not a PNG')
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function renderChart(
  block: Extract<ReportBlock, { kind: 'chart' }>,
  model: ReportModel,
  options: RenderDocxOptions,
): [Placement, Child[]] {
  const caption = new Paragraph({
    keepLines: true,
    children: [
      new TextRun({ text: `${clean(model.figureLabel)} ${block.number}. `, bold: true }),
      new TextRun(clean(block.title)),
    ],
    spacing: { after: 240 },
  })
  const png = options.pngs.get(block.id)
  if (!png) return ['any', [caption]]
  const scale = options.pngScale ?? 2
  const size = pngSize(png)
  const width = size.width / scale
  const height = size.height / scale
  const wide = PORTRAIT_TEXT / TWIPS_PER_PX / width < MIN_PORTRAIT_SCALE
  // A narrow chart may land on a landscape page; it is sized for portrait all the same.
  const room = (wide ? LANDSCAPE_TEXT : PORTRAIT_TEXT) / TWIPS_PER_PX
  const fit = Math.min(1, room / width)
  const image = new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: Math.round(width * fit), height: Math.round(height * fit) },
    altText: {
      // Word needs a unique drawing id per image; the figure number is one.
      id: String(block.number),
      name: block.id,
      title: clean(block.title),
      description: clean(`${model.figureLabel} ${block.number}. ${block.title}`),
    },
  })
  return [
    wide ? 'landscape' : 'any',
    [new Paragraph({ keepNext: true, children: [image] }), caption],
  ]
}

function renderTable(table: ReportTable): [Placement, Child[]] {
  const columns = Math.max(table.head.length, ...table.rows.map((r) => r.length))
  const wide = columns > PORTRAIT_COLUMNS
  // A narrow table may land on a landscape page; it keeps its portrait width there.
  const width = wide ? LANDSCAPE_TEXT : PORTRAIT_TEXT
  const numeric = Array.from(
    { length: columns },
    (_, i) => i > 0 && table.rows.length > 0 && table.rows.every((r) => r[i]?.numeric === true),
  )
  // The row header gets room for its label; the figures share the rest.
  const first = columns === 1 ? width : Math.round(width * (columns > 4 ? 0.28 : 0.4))
  const rest = columns === 1 ? 0 : Math.floor((width - first) / (columns - 1))
  const widths = Array.from({ length: columns }, (_, i) => (i === 0 ? first : rest))
  const size = wide ? 15 : 17
  const cell = (c: ReportCell, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? rest, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(head ? { shading: { type: ShadingType.CLEAR, fill: BAND, color: 'auto' } } : {}),
      children: [
        new Paragraph({
          spacing: { after: 0 },
          alignment: numeric[i] || (c.numeric && i > 0) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [
            new TextRun({
              text: clean(c.text),
              bold: head,
              size,
              ...(c.muted ? { color: MUTED } : {}),
            }),
          ],
        }),
      ],
    })
  const pad = (cells: ReportCell[]) =>
    Array.from({ length: columns }, (_, i) => cells[i] ?? { text: '' })
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: pad(table.head.map((text) => ({ text }))).map((c, i) => cell(c, i, true)),
    }),
    ...table.rows.map(
      (r) => new TableRow({ cantSplit: true, children: pad(r).map((c, i) => cell(c, i, false)) }),
    ),
  ]
  const line = { style: BorderStyle.SINGLE, size: 4, color: RULE }
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' }
  const children: Child[] = [
    new Paragraph({
      keepNext: true,
      children: [new TextRun({ text: clean(table.caption), bold: true })],
    }),
    new Table({
      rows,
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: {
        top: line,
        bottom: line,
        insideHorizontal: line,
        left: none,
        right: none,
        insideVertical: none,
      },
    }),
  ]
  if (table.note) children.push(note(table.note))
  else children.push(new Paragraph({ children: [] }))
  return [wide ? 'landscape' : 'any', children]
}

/**
 * The package with its clocks removed: docProps/core.xml's created and modified dates become
 * `DOCX_DATE`, and every zip entry gets the same date, in the order docx wrote them.
 */
function fixContainer(docx: Uint8Array): Uint8Array {
  const entries = unzipSync(docx)
  const core = entries['docProps/core.xml']
  if (core) {
    const xml = new TextDecoder().decode(core)
    entries['docProps/core.xml'] = new TextEncoder().encode(
      xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${DOCX_DATE}$3`),
    )
  }
  return zipFiles(Object.entries(entries))
}
