/**
 * Places the number labels of a scatter plot so that no two labels, and no label and point,
 * overlap: points that coincide share one label ("3, 8"), then each label takes the first free
 * spot on rings around its point, farther out only when nearer ones are taken. Everything is in
 * pixels of one panel and runs in a fixed order, so the same points always get the same places.
 */
import { textWidth } from '../draw/font-metrics.ts'

/** A point in panel pixels (y downwards) with its label. */
export interface LabelPoint {
  x: number
  y: number
  label: string
}

/** A box in panel pixels. */
export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Where a label goes: its centre, and whether it sits far enough to need a leader line. */
export interface PlacedLabel {
  /** The numbers of the points it names, joined (", "). */
  label: string
  /** The point it belongs to (the first of a shared label). */
  x: number
  y: number
  cx: number
  cy: number
  box: Box
  /** Sits away from its point: a leader line joins the point to (`lx`, `ly`) on the box. */
  leader: boolean
  lx: number
  ly: number
}

/** Options of `placeLabels`. */
export interface PlacementOptions {
  /** Panel size in px: labels stay inside it. */
  width: number
  height: number
  fontSize: number
  /** Radius of a drawn point in px. */
  pointRadius: number
  /** Boxes labels must not cover (other texts of the panel). */
  avoid?: Box[]
}

/** Directions tried on each ring, nearest reading position first (right, up, …). */
const DIRECTIONS: [number, number][] = [
  [1, -1],
  [1, 0],
  [1, 1],
  [0, -1],
  [0, 1],
  [-1, -1],
  [-1, 0],
  [-1, 1],
]

/** Points closer than this (px) share one label. */
const SAME_SPOT = 6

/** Room kept between two labels (px), so "4" beside "2" never reads as "42". */
const LABEL_GAP = 3

/**
 * Label places for every point: none overlaps another label, a point or an `avoid` box, and
 * each lies inside the panel whenever any spot there is free.
 * @example placeLabels([{ x: 10, y: 10, label: '1' }], { width: 100, height: 100, fontSize: 9, pointRadius: 3.6 })
 */
export function placeLabels(points: LabelPoint[], options: PlacementOptions): PlacedLabel[] {
  const { fontSize, pointRadius } = options
  const height = fontSize
  const taken: Box[] = [
    ...(options.avoid ?? []),
    ...points.map((p) => around(p.x, p.y, pointRadius + 1)),
  ]
  const placed: PlacedLabel[] = []
  for (const group of clusters(points)) {
    const first = group[0] as LabelPoint
    const label = group.map((p) => p.label).join(', ')
    const width = textWidth(label, fontSize)
    const spot = findSpot(first, width, height, taken, options)
    taken.push(grow(spot.box, LABEL_GAP))
    const lx = Math.min(Math.max(first.x, spot.box.x0), spot.box.x1)
    const ly = Math.min(Math.max(first.y, spot.box.y0), spot.box.y1)
    placed.push({
      label,
      x: first.x,
      y: first.y,
      cx: spot.cx,
      cy: spot.cy,
      box: spot.box,
      leader: spot.leader,
      lx,
      ly,
    })
  }
  return placed
}

/** Points grouped with those at (almost) the same spot as every member, in input order. */
function clusters(points: LabelPoint[]): LabelPoint[][] {
  const groups: LabelPoint[][] = []
  for (const p of points) {
    const near = groups.find((g) => g.every((q) => Math.hypot(q.x - p.x, q.y - p.y) < SAME_SPOT))
    if (near) near.push(p)
    else groups.push([p])
  }
  return groups
}

/** The first free spot on rings of growing radius; the least crowded one if none is free. */
function findSpot(
  p: LabelPoint,
  width: number,
  height: number,
  taken: Box[],
  options: PlacementOptions,
): { cx: number; cy: number; box: Box; leader: boolean } {
  const gap = options.pointRadius + 2
  const rings = Math.ceil(Math.max(options.width, options.height) / height)
  let best: { cx: number; cy: number; box: Box; leader: boolean; hits: number } | null = null
  for (let ring = 0; ring < rings; ring++) {
    const reach = ring * height
    for (const [dx, dy] of DIRECTIONS) {
      const cx = p.x + dx * (gap + reach + width / 2)
      const cy = p.y + dy * (gap + reach + height / 2)
      const box = {
        x0: cx - width / 2,
        y0: cy - height / 2,
        x1: cx + width / 2,
        y1: cy + height / 2,
      }
      if (!inside(box, options)) continue
      const hits = taken.filter((t) => intersects(t, box)).length
      const spot = { cx, cy, box, leader: ring > 0, hits }
      if (hits === 0) return spot
      if (!best || hits < best.hits) best = spot
    }
  }
  if (best) return best
  const box = around(p.x + gap + width / 2, p.y, 0)
  return { cx: p.x + gap + width / 2, cy: p.y, box, leader: false }
}

function grow(box: Box, by: number): Box {
  return { x0: box.x0 - by, y0: box.y0 - by / 2, x1: box.x1 + by, y1: box.y1 + by / 2 }
}

function around(x: number, y: number, r: number): Box {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r }
}

function inside(box: Box, options: PlacementOptions): boolean {
  return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= options.width && box.y1 <= options.height
}

/** Whether two boxes share any area (touching edges do not count). */
export function intersects(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

/**
 * Spreads labels along one axis (px, downwards) so that none is nearer to the next than
 * `lineHeight`, each as close to its wish as the others allow, all within [0, `length`] when
 * they fit. Returns the places in the input order.
 * @example spreadLabels([10, 12, 50], 10, 100) // [6, 16, 50]
 */
export function spreadLabels(wishes: number[], lineHeight: number, length: number): number[] {
  const order = wishes.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i)
  // Blocks of touching labels, each centred on the mean of its wishes (a classic dodge).
  const blocks: { wishes: number[]; members: number[] }[] = []
  for (const { y, i } of order) {
    blocks.push({ wishes: [y], members: [i] })
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { wishes: number[]; members: number[] }
      const before = blocks[blocks.length - 2] as { wishes: number[]; members: number[] }
      if (
        blockTop(before, lineHeight, length) + before.members.length * lineHeight <=
        blockTop(last, lineHeight, length)
      )
        break
      before.wishes.push(...last.wishes)
      before.members.push(...last.members)
      blocks.pop()
    }
  }
  const places = new Array<number>(wishes.length)
  for (const block of blocks) {
    const top = blockTop(block, lineHeight, length)
    block.members.forEach((member, k) => {
      places[member] = top + k * lineHeight + lineHeight / 2
    })
  }
  return places
}

/** Top of a block of labels centred on its wishes, kept inside [0, length] when it fits. */
function blockTop(
  block: { wishes: number[]; members: number[] },
  lineHeight: number,
  length: number,
): number {
  const span = block.members.length * lineHeight
  const centre = block.wishes.reduce((a, b) => a + b, 0) / block.wishes.length
  return Math.max(0, Math.min(length - span, centre - span / 2))
}
