/**
 * Wave-to-wave slope chart: the mean gap of each dimension in the earlier and the later wave,
 * one panel for all respondents and one per group, lines coloured by whether the gap narrowed.
 */
import type { TopLevelSpec } from 'vega-lite'
import { compareKeys } from '../../analysis/group-responses.ts'
import type { AnalysisDocument, WaveCell, WaveDimension } from '../../analysis/types.ts'
import type { DimensionKind } from './gap-dumbbell.ts'
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
  /** Only the later-wave end carries the dimension number label. */
  label: string | null
}

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
  const panels: string[] = []
  const rows: SlopeRow[] = []
  for (const key of keys) {
    const name = key === null ? text.allGroups : (labels.get(key) ?? key)
    let panel: string | null = null
    dimensions.forEach((d, i) => {
      const cell = waveCell(byId.get(d.id), key)
      if (!cell || cell.gapFrom === null || cell.gapTo === null) return
      panel ??= panelLabel(name, text.waveN(cell.nFrom, cell.nTo))
      const direction = cell.gapTo < cell.gapFrom ? text.narrowed : text.widened
      const base = { panel, number: i + 1, direction }
      rows.push({ ...base, wave: waves.from, gap: round(cell.gapFrom, 2), label: null })
      rows.push({ ...base, wave: waves.to, gap: round(cell.gapTo, 2), label: String(i + 1) })
    })
    if (panel !== null) panels.push(panel)
  }
  const gaps = rows.map((r) => r.gap)
  const lo = Math.min(0, Math.floor(Math.min(...gaps, 0) * 2) / 2)
  const hi = Math.max(0.5, Math.ceil(Math.max(...gaps, 0) * 2) / 2)
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
    hconcat: [
      {
        data: { values: rows },
        facet: {
          field: 'panel',
          type: 'nominal',
          sort: panels,
          title: null,
          header: PANEL_HEADER,
        },
        columns: 3,
        spacing: { column: 20, row: 20 },
        resolve: { axis: { x: 'independent' } },
        spec: {
          width: 150,
          height: 200,
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
              transform: [{ filter: 'isValid(datum.label)' }],
              mark: { type: 'text', align: 'left', dx: 5, fontSize: 9, color: '#333333' },
              encoding: { x, y, text: { field: 'label' } },
            },
          ],
        },
      },
      {
        title: { text: text.ipaKey, fontSize: 11, fontWeight: 'bold', anchor: 'start' },
        data: { values: key },
        width: 10,
        height: { step: 17 },
        mark: { type: 'text', align: 'left', fontSize: 10 },
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
