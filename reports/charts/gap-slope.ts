/**
 * Wave-to-wave slope chart: the mean gap of each dimension in the earlier and the later wave,
 * one panel for all respondents and one per group, lines coloured by whether the gap narrowed.
 */
import type { TopLevelSpec } from 'vega-lite'
import { compareKeys } from '../../analysis/group-responses.ts'
import type { AnalysisDocument, WaveCell, WaveDimension } from '../../analysis/types.ts'
import type { DimensionKind } from './gap-dumbbell.ts'
import { spreadLabels } from './label-placement.ts'
import { CHART_PADDING, fitPanelHeaders, fittingColumns, MAX_CHART_WIDTH } from './layout.ts'
import { groupLabels, isSuppressed, PANEL_HEADER, panelLabel } from './read-document.ts'
import type { ChartOptions } from './theme.ts'
import {
  CURRENT_COLOUR,
  chartConfig,
  chartTitle,
  round,
  TARGET_COLOUR,
  textFor,
  VEGA_LITE_SCHEMA,
} from './theme.ts'

/** One end of one line. */
interface SlopeRow {
  panel: string
  number: number
  wave: string
  gap: number
  direction: string
  /** Only the later-wave end carries the dimension number label, at `labelGap`. */
  label: string | null
  labelGap: number | null
}

const PANEL_HEIGHT = 170
const LABEL_FONT = 10
const LABEL_LINE = 11
const GAP = 16
/** Room of the shared y axis: its labels and title. */
const AXIS = 48

/**
 * Slopes of the mean gap between the two waves of the document, for dimensions of one kind: all
 * respondents, then each region with figures on both sides.
 * @example gapSlope(doc, { locale: 'en' }, 'importance-performance')
 */
export function gapSlope(
  doc: AnalysisDocument,
  options: ChartOptions,
  kind: DimensionKind,
): TopLevelSpec {
  const waves = doc.waves
  if (!waves) throw new Error(`${doc.survey}: no waves to compare`)
  const text = textFor(options)
  const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
  const dimensions = doc.dimensions
    .filter((d) => d.kind === kind)
    .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity))
  const byId = new Map(waves.dimensions.map((d) => [d.id, d]))
  // The comparison is by region whatever the document's grouping; names when it is by region.
  const labels = doc.by === 'region' ? groupLabels(doc) : new Map<string, string>()
  const regions = [...new Set(waves.dimensions.flatMap((d) => Object.keys(d.groups)))]
  const keys: (string | null)[] = [null, ...regions.sort(compareKeys)]
  const drawn: {
    name: string
    n: string
    lines: { number: number; from: number; to: number }[]
  }[] = []
  for (const key of keys) {
    const lines: { number: number; from: number; to: number }[] = []
    let n = ''
    dimensions.forEach((d, i) => {
      const cell = waveCell(byId.get(d.id), key)
      if (!cell || cell.gapFrom === null || cell.gapTo === null) return
      if (n === '') n = text.waveN(cell.nFrom, cell.nTo)
      lines.push({ number: i + 1, from: round(cell.gapFrom, 2), to: round(cell.gapTo, 2) })
    })
    const name = key === null ? text.allGroups : (labels.get(key) ?? key)
    if (lines.length > 0) drawn.push({ name, n, lines })
  }
  const gaps = drawn.flatMap((p) => p.lines.flatMap((l) => [l.from, l.to]))
  const lo = Math.min(0, Math.floor(Math.min(...gaps, 0) * 2) / 2)
  const hi = Math.max(0.5, Math.ceil(Math.max(...gaps, 0) * 2) / 2)
  const room = MAX_CHART_WIDTH - 2 * CHART_PADDING
  const columns = Math.min(drawn.length, fittingColumns(room, AXIS, 120, GAP))
  const width = Math.min(170, Math.floor((room - AXIS - (columns - 1) * GAP) / columns))
  const panels = fitPanelHeaders(
    drawn.map((p) => ({ name: p.name, label: panelLabel(p.name, p.n) })),
    width,
  ).map((p) => p.label)
  const toPx = (gap: number) => PANEL_HEIGHT - ((gap - lo) / (hi - lo)) * PANEL_HEIGHT
  const toGap = (px: number) => round(lo + ((PANEL_HEIGHT - px) / PANEL_HEIGHT) * (hi - lo), 3)
  const rows: SlopeRow[] = drawn.flatMap((p, i) => {
    const panel = panels[i] ?? p.name
    // Number labels at the later wave, spread so that none covers another.
    const places = spreadLabels(
      p.lines.map((l) => toPx(l.to)),
      LABEL_LINE,
      PANEL_HEIGHT,
    )
    return p.lines.flatMap((l, k) => {
      const direction = l.to < l.from ? text.narrowed : text.widened
      const base = { panel, number: l.number, direction }
      return [
        { ...base, wave: waves.from, gap: l.from, label: null, labelGap: null },
        {
          ...base,
          wave: waves.to,
          gap: l.to,
          label: String(l.number),
          labelGap: toGap(places[k] ?? toPx(l.to)),
        },
      ]
    })
  })
  const x = {
    field: 'wave',
    type: 'ordinal' as const,
    sort: [waves.from, waves.to],
    scale: { domain: [waves.from, waves.to], padding: 0.3 },
    title: null,
    axis: { labelAngle: 0 },
  }
  const y = {
    field: 'gap',
    type: 'quantitative' as const,
    scale: { domain: [lo, hi], nice: false, zero: false },
    title: text.gapAxis,
  }
  const color = {
    field: 'direction',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [text.narrowed, text.widened], range: [CURRENT_COLOUR, TARGET_COLOUR] },
  }
  const key = dimensions.map((d, i) => ({ number: i + 1, label: `${i + 1}  ${d.label}` }))
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      kind === 'importance-performance'
        ? text.slopeTitleIpa(waves.from, waves.to)
        : text.slopeTitleMaturity(waves.from, waves.to),
      [text.slopeNote, text.suppressedNote(doc.suppressBelow)],
    ),
    config: chartConfig(options),
    vconcat: [
      {
        data: { values: rows },
        facet: {
          field: 'panel',
          type: 'nominal',
          sort: panels,
          title: null,
          header: PANEL_HEADER,
        },
        columns,
        spacing: { column: GAP, row: 20 },
        resolve: { axis: { x: 'independent' } },
        spec: {
          width,
          height: PANEL_HEIGHT,
          layer: [
            {
              mark: { type: 'line', strokeWidth: 1.5, opacity: 0.85 },
              encoding: { x, y, color, detail: { field: 'number', type: 'nominal' } },
            },
            {
              mark: { type: 'point', filled: true, size: 22 },
              encoding: { x, y, color },
            },
            {
              // A short leader from the line's end to its number, which may sit a little apart.
              transform: [{ filter: 'isValid(datum.label)' }],
              mark: { type: 'rule', xOffset: 3, x2Offset: 9, color: '#9e9e9e', strokeWidth: 0.75 },
              encoding: { x, x2: { field: 'wave' }, y, y2: { field: 'labelGap' } },
            },
            {
              transform: [{ filter: 'isValid(datum.label)' }],
              mark: {
                type: 'text',
                align: 'left',
                baseline: 'middle',
                dx: 11,
                fontSize: LABEL_FONT,
                color: '#333333',
              },
              encoding: { x, y: { ...y, field: 'labelGap' }, text: { field: 'label' } },
            },
          ],
        },
      },
      {
        title: { text: text.ipaKey, fontSize: 11, fontWeight: 'bold', anchor: 'start' },
        data: { values: key },
        width: 10,
        height: { step: 14 },
        mark: { type: 'text', align: 'left', fontSize: 10, limit: room - 10 },
        encoding: {
          y: { field: 'number', type: 'ordinal', axis: null, sort: key.map((k) => k.number) },
          text: { field: 'label' },
        },
      },
    ],
  }
}

function waveCell(dimension: WaveDimension | undefined, key: string | null): WaveCell | null {
  if (!dimension) return null
  const cell = key === null ? dimension.overall : dimension.groups[key]
  return cell && !isSuppressed(cell) ? cell : null
}
