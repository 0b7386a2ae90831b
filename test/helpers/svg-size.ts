/** Width and height of an SVG produced by `renderSvg`, read from its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1])
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1])
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('SVG has no size')
  return { width, height }
}
