/**
 * Headless rendering of Vega-Lite specs: SVG through Vega's `none` renderer (no canvas, no
 * browser) and PNG through resvg (`draw/png.ts`, re-exported here) with fonts shipped in an
 * npm package, so the same spec gives the same bytes on every machine.
 */
import { readFileSync } from 'node:fs'
import type { Locale } from 'vega'
import * as vega from 'vega'
import type { TopLevelSpec } from 'vega-lite'
import { compile } from 'vega-lite'
import { chartFontFiles } from './png.ts'

export {
  CHART_FONT,
  chartFontFiles,
  DEFAULT_PNG_SCALE,
  type RenderPngOptions,
  renderPng,
  renderPngAsync,
} from './png.ts'

/** A compiled Vega spec plus every warning Vega-Lite reported while compiling it. */
export interface CompiledSpec {
  vega: vega.Spec
  warnings: string[]
}

/** Options of `renderSvg`. */
export interface RenderSvgOptions {
  /** Number/time format locale; overrides any `config.locale` inside the spec. */
  locale?: Locale
}

/** Collects Vega-Lite's messages instead of printing them to the console. */
class CollectingLogger implements vega.LoggerInterface {
  readonly warnings: string[] = []
  private currentLevel = vega.Warn

  level(): number
  level(value: number): this
  level(value?: number): number | this {
    if (value === undefined) return this.currentLevel
    this.currentLevel = value
    return this
  }

  error(...args: readonly unknown[]): this {
    throw new Error(args.map(String).join(' '))
  }

  warn(...args: readonly unknown[]): this {
    this.warnings.push(args.map(String).join(' '))
    return this
  }

  info(): this {
    return this
  }

  debug(): this {
    return this
  }
}

/**
 * Compiles a Vega-Lite spec to Vega, collecting warnings rather than logging them.
 * @example const { vega, warnings } = compileSpec(spec) // warnings: [] for a clean spec
 */
export function compileSpec(spec: TopLevelSpec): CompiledSpec {
  const logger = new CollectingLogger()
  const { spec: compiled } = compile(spec, { logger })
  return { vega: compiled, warnings: logger.warnings }
}

/**
 * Renders a Vega-Lite spec to an SVG string, headless and deterministic.
 * @example const svg = await renderSvg(gapHeatmap(doc, { locale: 'fr' }))
 */
export async function renderSvg(
  spec: TopLevelSpec,
  options: RenderSvgOptions = {},
): Promise<string> {
  installTextMetrics()
  const { vega: compiled } = compileSpec(spec)
  // Vega reads `config.locale` when it builds the view; merging here avoids the global
  // `vega.formatLocale`, which would leak between concurrent renders.
  const withLocale: vega.Spec = options.locale
    ? { ...compiled, config: { ...compiled.config, locale: options.locale } }
    : compiled
  // Gradient and clip ids come from process-wide counters: reset them and render one chart at
  // a time, so the same spec always gives the same SVG even when requests overlap.
  const run = queue.then(async () => {
    const view = new vega.View(vega.parse(withLocale), { renderer: 'none', logLevel: vega.Error })
    try {
      await view.runAsync()
      scenegraph().resetSVGDefIds()
      return await view.toSVG()
    } finally {
      view.finalize()
    }
  })
  queue = run.catch(() => undefined)
  return run
}

let queue: Promise<unknown> = Promise.resolve()

/** Parts of vega-scenegraph that vega re-exports at runtime but its typings omit. */
interface Scenegraph {
  resetSVGDefIds: () => void
  textMetrics: TextMetrics
}

function scenegraph(): Scenegraph {
  return vega as unknown as Scenegraph
}

let metricsInstalled = false

/** Horizontal advance widths of one TTF font, read from its `cmap` (format 4) and `hmtx`. */
interface FontAdvances {
  unitsPerEm: number
  advance: (codePoint: number) => number
}

/** Reads a TrueType file just far enough to know how wide each BMP character is. */
function readAdvances(file: string): FontAdvances {
  const data = readFileSync(file)
  const tables = new Map<string, number>()
  const numTables = data.readUInt16BE(4)
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16
    tables.set(data.toString('latin1', record, record + 4), data.readUInt32BE(record + 8))
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag)
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`)
    return offset
  }
  const unitsPerEm = data.readUInt16BE(table('head') + 18)
  const metricCount = data.readUInt16BE(table('hhea') + 34)
  const hmtx = table('hmtx')
  const cmap = table('cmap')
  let sub = -1
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8
    if (data.readUInt16BE(record) === 3 && data.readUInt16BE(record + 2) === 1) {
      sub = cmap + data.readUInt32BE(record + 4)
    }
  }
  if (sub < 0 || data.readUInt16BE(sub) !== 4) throw new Error(`${file}: no Unicode BMP cmap`)
  const segCount = data.readUInt16BE(sub + 6) / 2
  const ends = sub + 14
  const starts = ends + segCount * 2 + 2
  const deltas = starts + segCount * 2
  const rangeOffsets = deltas + segCount * 2
  const glyphOf = (c: number): number => {
    for (let i = 0; i < segCount; i++) {
      if (data.readUInt16BE(ends + i * 2) < c) continue
      const start = data.readUInt16BE(starts + i * 2)
      if (start > c) return 0
      const delta = data.readUInt16BE(deltas + i * 2)
      const rangeAt = rangeOffsets + i * 2
      const range = data.readUInt16BE(rangeAt)
      if (range === 0) return (c + delta) & 0xffff
      const glyph = data.readUInt16BE(rangeAt + range + (c - start) * 2)
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
  const cache = new Map<number, number>()
  const advance = (c: number): number => {
    let width = cache.get(c)
    if (width === undefined) {
      const glyph = c > 0xffff ? 0 : glyphOf(c)
      width = data.readUInt16BE(hmtx + Math.min(glyph, metricCount - 1) * 4)
      cache.set(c, width)
    }
    return width
  }
  return { unitsPerEm, advance }
}

/** The parts of a Vega text item that decide its width. */
interface TextItem {
  fontSize?: number
  fontWeight?: string | number
  limit?: number
}

interface TextMetrics {
  width: (item: TextItem, text: unknown) => number
}

/**
 * Without a canvas Vega guesses every character at 0.8 em, which truncates long labels early
 * and pads layouts; measuring with the real DejaVu advances makes the layout match the PNG.
 * Vega exposes this hook (`textMetrics.width`) for headless renderers such as vl-convert.
 */
function installTextMetrics(): void {
  if (metricsInstalled) return
  const [regularFile, boldFile] = chartFontFiles()
  if (!regularFile || !boldFile) return
  const regular = readAdvances(regularFile)
  const bold = readAdvances(boldFile)
  const measure = (item: TextItem, text: string): number => {
    const weight = item.fontWeight
    const font = weight === 'bold' || (typeof weight === 'number' && weight >= 600) ? bold : regular
    let units = 0
    for (const char of text) units += font.advance(char.codePointAt(0) ?? 0)
    return (units / font.unitsPerEm) * (item.fontSize ?? 11)
  }
  // Vega calls this both to truncate (raw text, compared with the limit) and to size bounds
  // (where a truncated label is at most `limit` wide): capping at the limit serves both.
  const width = (item: TextItem, value: unknown): number => {
    const raw = measure(item, value == null ? '' : String(value).trim())
    const limit = item.limit ?? 0
    return limit > 0 ? Math.min(raw, limit) : raw
  }
  scenegraph().textMetrics.width = width
  metricsInstalled = true
}
