import type {
  AnalysisDocument,
  DimensionCell,
  SuppressedCell,
  WaveCount,
} from '../../analysis/types.ts'
import { buildAnalysis } from '../services/analysis.ts'
import {
  ANALYSIS_HELP,
  ANALYSIS_OPTIONS,
  analysisOptions,
  COMMON_HELP,
  COMMON_OPTIONS,
  openContext,
  parseCommand,
  UsageError,
} from './context.ts'

const HELP = `Usage: gapkit analyze <survey> [--by region|wave|QUESTION] [--wave W|all] [--waves A,B] [--json] [--lang fr]

Compares groups of respondents: per question (counts, percentages with Wilson intervals, means
with seeded bootstrap intervals), the gaps of the questionnaire's dimensions, the change of each
gap between two waves, exploratory tests across groups, and small-group suppression. Figures
read the latest wave with enough respondents unless --wave says otherwise. Without --json,
prints a readable summary ("n<5": a group under the threshold; "hidden": hidden so that totals
cannot reveal one).
${ANALYSIS_HELP}
  --json            print the analysis document (the same as GET /api/surveys/:id/analysis)
  --lang L          labels in this language (default en)
${COMMON_HELP}`

/** `gapkit analyze` */
export async function analyzeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...COMMON_OPTIONS,
      ...ANALYSIS_OPTIONS,
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
    true,
  )
  if (values.help) return void console.log(HELP)
  const [survey, ...extra] = positionals
  if (!survey || extra.length > 0)
    throw new UsageError('usage: gapkit analyze <survey> (see --help)')
  const options = analysisOptions(values)
  const ctx = await openContext(values)
  try {
    const doc = await buildAnalysis(ctx.db.kysely, ctx.registry, survey, {
      ...options,
      locale: values.lang,
    })
    process.stdout.write(values.json ? `${JSON.stringify(doc, null, 2)}\n` : formatSummary(doc))
  } finally {
    await ctx.db.close()
  }
}

const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '–' : x.toFixed(digits)

const fmtP = (p: number | null | undefined) =>
  p === null || p === undefined ? '–' : p < 0.0001 ? '<0.0001' : p.toFixed(4)

const clip = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

function isShown(cell: DimensionCell | SuppressedCell | undefined): cell is DimensionCell {
  return cell !== undefined && !('suppressed' in cell && cell.suppressed)
}

/** Notable tests listed by name; the rest are counted. */
const LISTED_TESTS = 15

const waveWord = (wave: string | null) => (wave === null ? 'all waves' : `wave ${wave}`)

const waveSizes = (waves: readonly WaveCount[]) =>
  waves.map((w) => `${w.wave}: ${w.n}${w.paired === w.n ? '' : ` (${w.paired} paired)`}`)

/** One line on the wave comparison: which waves, or why there is none. */
function wavesLine(doc: AnalysisDocument): string | null {
  if (doc.waves) {
    const { from, to, choice, leftOut } = doc.waves
    const later = doc.waveCounts.filter((w) => leftOut.includes(w.wave))
    const why = choice === 'requested' ? 'as asked' : 'the two latest with enough respondents'
    const skipped = later.length > 0 ? `; not compared yet: ${waveSizes(later).join(', ')}` : ''
    return `Waves compared: ${from} → ${to} (${why}${skipped}).`
  }
  if (!doc.wavesNote) return null
  const k = doc.suppressBelow
  return `No comparison between waves yet: it needs two waves with at least ${k} respondents who answered both sides of a dimension (${waveSizes(doc.wavesNote.waves).join(', ')}).`
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n')
}

/** A readable summary of an analysis document for the terminal. */
export function formatSummary(doc: AnalysisDocument): string {
  const k = doc.suppressBelow
  const out: string[] = []
  out.push(`${doc.title} (${doc.survey}, version ${doc.version})`)
  out.push(
    `${doc.n} respondents by ${doc.by}, ${waveWord(doc.wave)}; groups under ${k} respondents show "n<${k}", "hidden" cells are hidden so that totals cannot reveal them.`,
  )
  out.push('')
  out.push(
    table([
      ['group', 'n'],
      ...doc.groups.map((g) => [
        `${g.label} (${g.key})`,
        `${g.n}${g.suppressed ? ` (n<${k})` : ''}`,
      ]),
    ]),
  )
  if (doc.dimensions.length > 0) {
    out.push('', 'Gaps (target − current, mean of paired differences), largest first:')
    const keys = doc.groups.map((g) => g.key)
    const order = new Map(doc.dimensionRanking.map((id, i) => [id, i]))
    const dims = [...doc.dimensions].sort(
      (a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9),
    )
    const rows = [['dimension', 'all', ...keys]]
    for (const d of dims) {
      const cell = (c: DimensionCell | SuppressedCell | undefined) =>
        isShown(c) ? fmt(c.gap) : !c ? '–' : c.reason === 'complementary' ? 'hidden' : `n<${k}`
      rows.push([clip(d.label), cell(d.overall), ...keys.map((key) => cell(d.groups[key]))])
    }
    out.push(table(rows))
  }
  const tested = doc.questions.filter((q) => q.test?.p !== null && q.test?.p !== undefined)
  const notable = tested.filter((q) => (q.test?.pHolm ?? 1) < 0.05)
  out.push(
    '',
    `Exploratory tests: ${doc.tests.family} run${doc.tests.skipped ? ` (${doc.tests.skipped})` : ''}; ${notable.length} with Holm-adjusted p < 0.05:`,
  )
  for (const q of notable.slice(0, LISTED_TESTS)) {
    out.push(`  ${q.name}: ${q.test?.name} p=${fmtP(q.test?.p)} (Holm ${fmtP(q.test?.pHolm)})`)
  }
  if (notable.length > LISTED_TESTS) {
    out.push(`  … and ${notable.length - LISTED_TESTS} more (--json lists every test)`)
  }
  const waves = wavesLine(doc)
  if (waves) out.push('', waves)
  for (const note of doc.notes) out.push(`note: ${note}`)
  return `${out.join('\n')}\n`
}
