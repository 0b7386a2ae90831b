/**
 * The analysis document's notes in the report's language. The document writes them in English
 * (`analysis/write-notes.ts`, plain JSON for every reader); each known sentence is read back
 * into its facts here and written again from the report's text table. A sentence this module
 * does not know (one added to the analysis later) is shown as written, marked as such;
 * `test/reports/report/languages.test.ts` feeds every sentence `writeNotes` can write through it.
 */
import type { ComposeContext } from '../context.ts'

/** One known sentence of the analysis and how to write it again from its parts. */
interface NoteRule {
  pattern: RegExp
  /** The sentence again, or null when a part of it is unknown. */
  write: (ctx: ComposeContext, parts: string[]) => string | null
}

const integer = (ctx: ComposeContext, digits: string | undefined) =>
  ctx.fmt.integer(Number(digits ?? 0))

const count = (digits: string | undefined) => Number(digits ?? 0)

/** Escapes a fixed sentence for an exact-match pattern. */
function exactly(sentence: string): RegExp {
  return new RegExp(`^${sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
}

/** Which waves the figures read (the part after "responses counted (…), "). */
function scope(ctx: ComposeContext, phrase: string): string | null {
  const n = ctx.text.notes
  const rules: [RegExp, (m: string[]) => string][] = [
    [
      /^wave (.+) only \(by default the latest wave with at least (\d+) respondents\)$/,
      (m) => n.scopeLatest(m[1] ?? '', count(m[2])),
    ],
    [
      /^wave (.+) only \(by default the latest wave; none has (\d+) respondents\)$/,
      (m) => n.scopeLatestSmall(m[1] ?? '', count(m[2])),
    ],
    [/^wave (.+) only$/, (m) => n.scopeWave(m[1] ?? '')],
    [/^all waves$/, () => n.scopeAll],
    [/^all waves \(the default when grouping by wave\)$/, () => n.scopeAllByWave],
    [/^all waves \(the default for periodic indicator reports\)$/, () => n.scopeAllIndicators],
  ]
  for (const [pattern, write] of rules) {
    const match = pattern.exec(phrase)
    if (match) return write([...match])
  }
  return null
}

const RULES: NoteRule[] = [
  {
    pattern:
      /^(\d+) responses counted \((submitted and drafts|submitted only; drafts left out)\), (.+)\.$/,
    write: (ctx, [, n, drafts, phrase]) => {
      const waves = scope(ctx, phrase ?? '')
      return waves === null
        ? null
        : ctx.text.notes.counted(integer(ctx, n), drafts === 'submitted and drafts', waves)
    },
  },
  {
    pattern: /^(\d+) responses without a usable answer to "(.*)" are left out of every figure\.$/,
    write: (ctx, [, n, question]) => ctx.text.notes.excluded(integer(ctx, n), question ?? ''),
  },
  {
    pattern:
      /^Responses answered (\d+) questionnaire version\(s\); all are read through the current version (.+)\.$/,
    write: (ctx, [, n, version]) => ctx.text.notes.versions(integer(ctx, n), version ?? ''),
  },
  {
    pattern: exactly(
      '"Don\'t know" and other answers outside an item\'s scale are counted in dk and never enter n, means or percentages.',
    ),
    write: (ctx) => ctx.text.notes.dk,
  },
  {
    pattern:
      /^Cells with fewer than (\d+) respondents show only n \(suppressed\); cells marked "complementary" are hidden too, so that no total minus the visible cells reveals them\.$/,
    write: (ctx, [, k]) => ctx.text.notes.suppression(count(k)),
  },
  {
    pattern:
      /^Means carry a seeded percentile bootstrap 95% interval \(B = (\d+), seed (-?\d+); normal approximation above n = (\d+)\); percentages carry Wilson 95% intervals, in percent\.$/,
    write: (ctx, [, b, seed, maxN]) =>
      `${ctx.text.method.bootstrap(integer(ctx, b), count(seed), integer(ctx, maxN))} ${ctx.text.method.wilson}`,
  },
  {
    pattern:
      /^Tests are exploratory: (\d+) p-values, adjusted over the whole document \(Holm for family-wise error, Benjamini–Hochberg for false discovery rate\)\.$/,
    write: (ctx, [, family]) => ctx.text.method.adjustment(integer(ctx, family)),
  },
  {
    pattern: exactly(
      'No item had two visible groups with answers to compare, so no p-values were computed.',
    ),
    write: (ctx) => ctx.text.notes.noPValues,
  },
  {
    pattern: exactly(
      'Each group has at most one respondent (e.g. one consolidated questionnaire per partner): only description is honest, so no tests were run.',
    ),
    write: (ctx) => ctx.text.summary.onePerGroup,
  },
  {
    pattern: /^Fewer than two groups have at least (\d+) respondents, so no tests were run\.$/,
    write: (ctx, [, k]) => ctx.text.method.fewGroups(count(k)),
  },
  {
    pattern: exactly(
      "IPA cross-hairs are each group's mean over its visible importance–performance dimensions; read a quadrant together with the gap (importance = performance is the diagonal).",
    ),
    write: (ctx) => ctx.text.method.ipaCrosshair,
  },
  {
    pattern:
      /^Waves: change of each dimension's mean gap from (.+?) to (.+?) \(the two latest waves with at least (\d+) respondents who answered both sides of a dimension(?:; not compared yet: (.+))?\), by region, between different respondents, whatever the wave of the other figures\.$/,
    write: (ctx, [, from, to, k, leftOut]) =>
      ctx.text.notes.wavesLatest(from ?? '', to ?? '', count(k), leftOut ?? null),
  },
  {
    pattern:
      /^Waves: change of each dimension's mean gap from (.+?) to (.+?) \(the waves asked for\), by region, between different respondents, whatever the wave of the other figures\.$/,
    write: (ctx, [, from, to]) => ctx.text.notes.wavesRequested(from ?? '', to ?? ''),
  },
  {
    pattern: /^No comparison between waves: every counted response is from wave (.+)\.$/,
    write: (ctx, [, wave]) => ctx.text.notes.noWavesOne(wave ?? ''),
  },
  {
    pattern:
      /^No comparison between waves: it needs two waves with at least (\d+) respondents who answered both sides of a dimension \((.*)\)\.$/,
    write: (ctx, [, k, counts]) =>
      ctx.text.notes.noWavesFew(count(k), counts === 'none' ? null : (counts ?? null)),
  },
  {
    pattern: exactly(
      'Rankings: Borda points — the first place gets m points, the next one fewer, where m is the number of places asked for (maxSelectedChoices, e.g. 3/2/1 for a top 3) or else the number of options; meanRank is the mean position among those who placed the option.',
    ),
    write: (ctx) => ctx.text.notes.rankings,
  },
  {
    pattern: /^Not summarised \(unsupported type\): (.+)\.$/,
    write: (ctx, [, list]) => ctx.text.notes.skipped(list ?? ''),
  },
  {
    pattern: /^Dimension "(.+)": "(.+)" is not a numeric item\.$/,
    write: (ctx, [, dimension, path]) => ctx.text.notes.notNumeric(dimension ?? '', path ?? ''),
  },
]

/**
 * One note of the analysis in the report's language, or null when the sentence is unknown.
 * @example translateNote(ctx, 'No comparison between waves: every counted response is from wave 2025.')
 * // fr: 'Pas de comparaison entre vagues : toutes les réponses retenues sont de la vague 2025.'
 */
export function translateNote(ctx: ComposeContext, note: string): string | null {
  for (const rule of RULES) {
    const match = rule.pattern.exec(note)
    if (match) return rule.write(ctx, [...match])
  }
  return null
}

/** A note of the analysis as the report shows it: rewritten, or as written and marked so. */
export function rewriteNote(ctx: ComposeContext, note: string): string {
  return translateNote(ctx, note) ?? ctx.text.notes.asWritten(note)
}
