/**
 * What every chart shares: options, the config block (font, sizes, number locale), the
 * colour-blind-safe palettes and the title with its n and suppression note.
 */
import type { Config, TopLevelSpec } from 'vega-lite'
import { CHART_FONT } from '../draw/png.ts'
import type { ChartLocale, ChartText } from './text.ts'
import { chartText, formatLocale } from './text.ts'

/** Options every chart builder takes. */
export interface ChartOptions {
  /** Report language: titles, axis labels and number formats. */
  locale: ChartLocale
}

/** The Vega-Lite schema every spec declares. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json'

/** Okabe–Ito: eight categorical colours distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const

/** Blue for "current" / "performance", vermillion for "target" / "importance" (Okabe–Ito). */
export const CURRENT_COLOUR = '#0072B2'
/** Vermillion: the second of a pair. */
export const TARGET_COLOUR = '#D55E00'
/** Fill of a suppressed cell. */
export const SUPPRESSED_COLOUR = '#d9d9d9'
/** Reference lines (means, diagonal, zero). */
export const RULE_COLOUR = '#666666'

/**
 * Five to seven steps from the orange end to the blue end of a colour-blind-safe diverging
 * ramp (ColorBrewer PuOr-like, neutral grey in the middle), for Likert answers low → high.
 */
export function divergingColours(count: number): string[] {
  const ramps: Record<number, string[]> = {
    2: ['#e08214', '#2166ac'],
    3: ['#e08214', '#bdbdbd', '#2166ac'],
    4: ['#b35806', '#fdb863', '#92c5de', '#2166ac'],
    5: ['#b35806', '#fdb863', '#bdbdbd', '#92c5de', '#2166ac'],
    6: ['#b35806', '#e08214', '#fdb863', '#92c5de', '#4393c3', '#2166ac'],
    7: ['#b35806', '#e08214', '#fdb863', '#bdbdbd', '#92c5de', '#4393c3', '#2166ac'],
  }
  const ramp = ramps[count]
  if (ramp) return ramp
  // Longer scales (0–10): interpolate nothing, repeat the 7-step ramp's ends and middle.
  return Array.from({ length: count }, (_, i) => {
    const seven = ramps[7] ?? []
    return seven[Math.round((i / Math.max(1, count - 1)) * 6)] ?? '#bdbdbd'
  })
}

/** The config block of every chart: DejaVu Sans (as in the PNG), readable sizes, the locale. */
export function chartConfig(options: ChartOptions): Config {
  return {
    font: CHART_FONT,
    background: 'white',
    padding: 12,
    locale: formatLocale(options.locale),
    title: {
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 11,
      subtitleColor: '#444444',
      subtitlePadding: 4,
      offset: 12,
      frame: 'bounds',
    },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      titleColor: '#333333',
      labelColor: '#333333',
      labelLimit: 320,
      gridColor: '#e6e6e6',
    },
    header: { labelFontSize: 12, labelFontWeight: 'bold', titleFontSize: 12, labelLimit: 320 },
    legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 320, orient: 'bottom' },
    view: { stroke: null },
    range: { category: [...OKABE_ITO] },
  }
}

/**
 * Title block: the chart title (wrapped to lines of about 64 characters, as question titles can
 * be long), then its n line, then any notes (suppression, method), each wrapped at 110.
 */
export function chartTitle(text: string, lines: string[]): NonNullable<TopLevelSpec['title']> {
  const title = wrapText(text, 64)
  const subtitle = lines.flatMap((line) => wrapText(line, 110))
  return subtitle.length > 0 ? { text: title, subtitle } : { text: title }
}

/**
 * Breaks text at spaces into lines of at most `width` characters (a longer word keeps its own
 * line). Vega never wraps titles itself.
 * @example wrapText('a b c', 3) // ['a b', 'c']
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.length > 0 ? lines : ['']
}

/** Strings of the options' locale. */
export function textFor(options: ChartOptions): ChartText {
  return chartText(options.locale)
}

/** What the document's `by` groups are called on axes and in titles. */
export function groupTitle(by: string, text: ChartText): string {
  if (by === 'region') return text.group.region
  if (by === 'wave') return text.group.wave
  return text.group.other
}

/** Rounds for inline data so specs stay small and stable (the document already rounds). */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** Code-point order, so sorts never depend on the machine's collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
