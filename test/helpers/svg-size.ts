import { textWidth } from '../../reports/draw/font-metrics.ts'

/** Width and height of an SVG produced by `renderSvg`, read from its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1])
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1])
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('SVG has no size')
  return { width, height }
}

/** Every font size (px) the SVG's texts use. */
export function fontSizes(svg: string): number[] {
  return [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]))
}

/**
 * The smallest text of an SVG as displayed `displayWidth` px wide (its font size times the
 * scale of the image against its own width; never enlarged past its own size by the report).
 */
export function smallestText(svg: string, displayWidth: number): number {
  const scale = Math.min(1, displayWidth / svgSize(svg).width)
  return Math.min(...fontSizes(svg)) * scale
}

/** One drawn line of text of a Vega SVG, with its box in SVG pixels. */
export interface SvgText {
  text: string
  /** Vega's role of the mark group: `mark`, `axis-label`, `title-text`, … */
  role: string
  fontSize: number
  rotated: boolean
  x0: number
  y0: number
  x1: number
  y1: number
}

/**
 * The lines of text of a Vega SVG with approximate boxes: the translations of every enclosing
 * group added up; width from the chart font's advances (the font Vega measured with); height
 * from the font size, 0.8 of it above the baseline and 0.2 below. Rotated texts are listed but
 * their boxes are not rotated.
 */
export function svgTexts(svg: string): SvgText[] {
  const texts: SvgText[] = []
  const offsets: { x: number; y: number; role: string }[] = [{ x: 0, y: 0, role: '' }]
  const tags = /<(\/?)(g|text|tspan)\b([^>]*)>|<\/text>/g
  let open: { x: number; y: number; attrs: string; role: string; start: number } | null = null
  for (const m of svg.matchAll(tags)) {
    const [whole, close, name, attrs = ''] = m
    const top = offsets[offsets.length - 1] ?? { x: 0, y: 0, role: '' }
    if (name === 'g' && !close) {
      const [dx, dy] = translation(attrs)
      const role = /\brole-([a-z-]+)/.exec(attrs)?.[1] ?? top.role
      if (!attrs.trimEnd().endsWith('/')) offsets.push({ x: top.x + dx, y: top.y + dy, role })
    } else if (name === 'g' && close) {
      offsets.pop()
    } else if (name === 'text' && !close) {
      const [dx, dy] = translation(attrs)
      open = {
        x: top.x + dx,
        y: top.y + dy,
        attrs,
        role: top.role,
        start: (m.index ?? 0) + whole.length,
      }
    } else if (whole === '</text>' && open) {
      texts.push(...textLines(svg.slice(open.start, m.index), open))
      open = null
    }
  }
  return texts
}

function translation(attrs: string): [number, number] {
  const t = /transform="translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(attrs)
  return t ? [Number(t[1]), Number(t[2])] : [0, 0]
}

function textLines(
  inner: string,
  at: { x: number; y: number; attrs: string; role: string },
): SvgText[] {
  const fontSize = Number(/font-size="([\d.]+)px"/.exec(at.attrs)?.[1] ?? 11)
  const bold = /font-weight="bold"/.test(at.attrs)
  const anchor = /text-anchor="(\w+)"/.exec(at.attrs)?.[1] ?? 'start'
  const rotated = /rotate\(/.test(at.attrs)
  const spans = [...inner.matchAll(/<tspan\b([^>]*)>([^<]*)<\/tspan>/g)]
  const lines =
    spans.length > 0
      ? spans.map((s) => ({ dy: dyOf(s[1] ?? ''), text: s[2] ?? '' }))
      : [{ dy: 0, text: inner }]
  let y = at.y
  return lines.map(({ dy, text }) => {
    y += dy
    const plain = unescapeXml(text)
    const width = textWidth(plain, fontSize, bold)
    const x0 = anchor === 'middle' ? at.x - width / 2 : anchor === 'end' ? at.x - width : at.x
    return {
      text: plain,
      role: at.role,
      fontSize,
      rotated,
      x0,
      x1: x0 + width,
      y0: y - 0.8 * fontSize,
      y1: y + 0.2 * fontSize,
    }
  })
}

function dyOf(attrs: string): number {
  return Number(/dy="([-\d.]+)"/.exec(attrs)?.[1] ?? 0)
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}
