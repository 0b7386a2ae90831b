/**
 * Widths of text in the chart font (DejaVu Sans, regular and bold), read from the TTF files the
 * PNG renderer uses: Vega lays out with them (`svg.ts`) and chart builders size labels with
 * them, so a builder's sums match the drawing. No Vega here: builders stay light.
 */
import { readFileSync } from 'node:fs'
import { chartFontFiles } from './png.ts'

/** Horizontal advance widths of one TTF font, read from its `cmap` (format 4) and `hmtx`. */
interface FontAdvances {
  unitsPerEm: number
  advance: (codePoint: number) => number
}

let fonts: { regular: FontAdvances; bold: FontAdvances } | undefined

/**
 * Width in pixels of one line of text in the chart font.
 * @example textWidth('Bologna', 11) // ≈ 45
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  if (!fonts) {
    const [regular = '', boldFile = ''] = chartFontFiles()
    fonts = { regular: readAdvances(regular), bold: readAdvances(boldFile) }
  }
  const font = bold ? fonts.bold : fonts.regular
  let units = 0
  for (const char of text) units += font.advance(char.codePointAt(0) ?? 0)
  return (units / font.unitsPerEm) * fontSize
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
