/**
 * PNG rendering of chart SVGs through resvg, with fonts shipped in an npm package, so the same
 * SVG gives the same bytes on every machine. Apart from `render.ts` (Vega) on purpose: a
 * process that only rasterises, or only needs the font name, never loads Vega.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js'

/** The font every chart uses; its TTF files come from the `dejavu-fonts-ttf` package. */
export const CHART_FONT = 'DejaVu Sans'

/** Pixels per SVG unit in PNG output: 2 gives crisp images on high-density screens. */
export const DEFAULT_PNG_SCALE = 2

/** Options of `renderPng`. */
export interface RenderPngOptions {
  /** Zoom factor applied to the SVG size. Default 2. */
  scale?: number
  /** Background colour; the SVG's own background shows when absent. */
  background?: string
}

let fontFilesCache: string[] | undefined

/** Absolute paths of the DejaVu Sans regular and bold TTF files. */
export function chartFontFiles(): string[] {
  if (fontFilesCache) return fontFilesCache
  const require = createRequire(import.meta.url)
  const ttf = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  // Charts use regular and bold only; no chart text is italic.
  fontFilesCache = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(ttf, file))
  return fontFilesCache
}

/**
 * Rasterises an SVG to PNG bytes with resvg; only the bundled DejaVu fonts are used (system
 * fonts are never loaded), so text never silently disappears and output is identical everywhere.
 * @example const png = renderPng(await renderSvg(spec)) // 2× the SVG size
 */
export function renderPng(svg: string, options: RenderPngOptions = {}): Buffer {
  return new Resvg(svg, pngOptions(options)).render().asPng()
}

/**
 * `renderPng` with the SVG parsed and drawn in resvg's thread pool (only the PNG encoding runs
 * on the calling thread), so PNGs of many charts are drawn in parallel. Same bytes as `renderPng`.
 */
export async function renderPngAsync(svg: string, options: RenderPngOptions = {}): Promise<Buffer> {
  return (await renderAsync(svg, pngOptions(options))).asPng()
}

/** The resvg options of `renderPng`: bundled fonts only, zoomed by `scale`. */
export function pngOptions(options: RenderPngOptions = {}): ResvgRenderOptions {
  return {
    font: {
      loadSystemFonts: false,
      fontFiles: chartFontFiles(),
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
    fitTo: { mode: 'zoom', value: options.scale ?? DEFAULT_PNG_SCALE },
    shapeRendering: 2,
    textRendering: 1,
    ...(options.background ? { background: options.background } : {}),
    logLevel: 'off',
  }
}
