/**
 * Headless rendering of Vega-Lite specs: SVG through Vega's `none` renderer (no canvas, no
 * browser) and PNG through resvg (`draw/png.ts`, re-exported here) with fonts shipped in an
 * npm package, so the same spec gives the same bytes on every machine.
 */
import type { Locale } from 'vega'
import * as vega from 'vega'
import type { TopLevelSpec } from 'vega-lite'
import { compile } from 'vega-lite'
import { textWidth } from './font-metrics.ts'

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
  // Vega calls this both to truncate (raw text, compared with the limit) and to size bounds
  // (where a truncated label is at most `limit` wide): capping at the limit serves both.
  const width = (item: TextItem, value: unknown): number => {
    const text = value == null ? '' : String(value).trim()
    const weight = item.fontWeight
    const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600)
    const raw = textWidth(text, item.fontSize ?? 11, bold)
    const limit = item.limit ?? 0
    return limit > 0 ? Math.min(raw, limit) : raw
  }
  scenegraph().textMetrics.width = width
  metricsInstalled = true
}
