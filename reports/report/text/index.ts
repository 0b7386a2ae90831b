/**
 * Strings of the gap report: the keys here, one table per language in `text/<lang>.ts` (en, fr,
 * it, ro, sv, sl). Figures arrive already formatted for the language (`report/format.ts`).
 * Every table must have every key and every language a table: the types check both, and the
 * fixed-length tuples check the table heads.
 */
import type { IndicatorFlag } from '../../../analysis/special/index.ts'
import type { DimensionSummary } from '../../../analysis/types.ts'
import type { ReportLanguage } from '../format.ts'
import { reportLanguage } from '../format.ts'
import { en } from './en.ts'
import { fr } from './fr.ts'
import { it } from './it.ts'
import { ro } from './ro.ts'
import { sl } from './sl.ts'
import { sv } from './sv.ts'

/** How groups are called: by region, by wave, or by the answer to a question. */
export type GroupWord = 'region' | 'wave' | 'group'

/**
 * The forms of a group word a language needs: each template picks the ones its grammar asks
 * for (a Slovenian "po regijah" cannot be built from "regija").
 */
export interface GroupWordForms {
  /** "region": after a number of one, in "by region". */
  one: string
  /** "regions". */
  many: string
  /** Table column head: "Region". */
  column: string
  /** "between regions", as it follows a verb or a noun ("differ clearly …"). */
  between: string
  /** "by region", as in "largest gaps by region". */
  by: string
  /** "in 6 regions": `count` groups, `n` the count formatted. */
  inCount: (count: number, n: string) => string
}

/**
 * How sure a gap is, in words (see `sections/summary.ts`): clear, no clear gap (its interval
 * includes zero), uncertain for few answers or a wide interval, or not shown (small group).
 */
export type Sureness = 'clear' | 'includesZero' | 'fewAnswers' | 'wide' | 'protected'

/** The two kinds of gap dimension. */
export type GapKind = DimensionSummary['kind']

/** The static parts of the analysis document's notes, rewritten in the report's language. */
export interface NoteText {
  /** `drafts`: drafts were counted too; `scope`: one of the scope phrases below. */
  counted: (n: string, drafts: boolean, scope: string) => string
  scopeWave: (wave: string) => string
  scopeLatest: (wave: string, k: number) => string
  scopeLatestSmall: (wave: string, k: number) => string
  scopeAll: string
  scopeAllByWave: string
  scopeAllIndicators: string
  excluded: (n: string, question: string) => string
  versions: (count: string, version: string) => string
  dk: string
  suppression: (k: number) => string
  noPValues: string
  /** `leftOut`: later waves not compared yet, or null. */
  wavesLatest: (from: string, to: string, k: number, leftOut: string | null) => string
  wavesRequested: (from: string, to: string) => string
  noWavesOne: (wave: string) => string
  /** `counts`: "2024: 3, 2025: 4" (respondents who answered both sides), or null for none. */
  noWavesFew: (k: number, counts: string | null) => string
  rankings: string
  skipped: (list: string) => string
  notNumeric: (dimension: string, path: string) => string
  /** A note the report cannot rewrite (written after this table): shown as written. */
  asWritten: (note: string) => string
}

/** Every string of the report that does not come from the questionnaire or the data. */
export interface ReportText {
  reportKind: string
  /** `scope`: the wave of the figures, from {@link ReportText.waveScope}. */
  subtitle: (survey: string, version: string, scope: string) => string
  /** The wave the figures read: "wave 2025", or "all waves" for null. */
  waveScope: (wave: string | null) => string
  contents: string
  files: string
  figure: string
  groupWord: Record<GroupWord, GroupWordForms>
  all: string
  none: string
  notStated: string
  suppressed: (k: number) => string
  hidden: string
  dimension: string
  kind: { 'importance-performance': string; 'current-target': string }
  kindTitle: { 'importance-performance': string; 'current-target': string }
  type: string
  n: string
  gap: string
  ci: string
  rank: string
  /** Between the items of a list in running text. */
  listSeparator: string
  sections: {
    summary: string
    method: string
    figures: string
    comparison: string
    ipa: string
    maturity: string
    waves: string
    targetGroups: string
    barriers: string
    charts: string
    openAnswers: string
    vote: string
    codesign: string
    indicators: string
    annexTables: string
    annexCodebook: string
    annexCharts: string
  }
  summary: {
    /**
     * `groups`: "in 6 regions" (`GroupWordForms.inCount`); `scope`: the wave of the figures,
     * from {@link ReportText.waveScope}.
     */
    intro: (n: string, groups: string, fieldwork: string | null, k: number, scope: string) => string
    empty: string
    onePerGroup: string
    /** Subheading of the plain sentences. */
    standsOutTitle: string
    /** A scale's range, e.g. "scale 0–4". */
    scale: (low: string, high: string) => string
    /** The largest gap of one kind: its dimension, gap, scale and how sure it is. */
    largest: Record<
      GapKind,
      (dimension: string, gap: string, scale: string, sure: string) => string
    >
    /** A dimension whose gap differs clearly between groups; `high`/`low`: "label (+1.20)". */
    standsOut: (dimension: string, between: string, high: string, low: string) => string
    noneStandsOut: (kind: string, between: string) => string
    noComparison: (between: string, k: number) => string
    protectedGroups: (list: string, k: number) => string
    /** Table captions of one kind of gap: `kind` from `kindTitle`, `scale` from `scale`. */
    topOverall: (kind: string, scale: string) => string
    topByGroup: (word: GroupWordForms, kind: string, scale: string) => string
    topHead: [first: string, second: string, third: string]
    sureHead: string
    sure: Record<Sureness, string>
    practices: string
    practicesFrom: (ballots: string) => string
    practiceHead: [string, string, string, string, string]
    noVote: string
    noVoteReason: { 'no-questionnaire': string; 'no-ballots': string }
    seeVoteSection: string
  }
  method: {
    questionnaire: string
    questionnaireValue: (title: string, survey: string, version: string) => string
    versions: string
    versionsMany: (list: string) => string
    counted: string
    countedSubmitted: string
    countedDrafts: string
    wave: string
    allWaves: string
    waveOnly: (wave: string) => string
    grouping: string
    groupingBy: (word: GroupWordForms) => string
    fieldwork: string
    fieldworkRange: (from: string, to: string) => string
    noDates: string
    respondents: string
    /** `groups`: "in 6 regions" (`GroupWordForms.inCount`). */
    respondentsValue: (n: string, groups: string) => string
    suppression: string
    suppressionValue: (k: number) => string
    respondentsTitle: string
    respondentsCaption: string
    respondentsNote: (k: number) => string
    stakeholder: string
    total: string
    scales: string
    scaleHead: [string, string]
    scalesNote: string
    dkTitle: string
    dk: (codes: string) => string
    statistics: string
    wilson: string
    bootstrap: (b: string, seed: number, maxN: string) => string
    paired: string
    tests: string
    adjustment: (family: string) => string
    fewGroups: (k: number) => string
    ipaCrosshair: string
    borda: string
    /** How the summary words its sureness: `n` respondents, `share` of the scale. */
    sureness: (n: string, share: string) => string
    /** When the summary says groups differ clearly. */
    standsOut: (between: string) => string
    caveatTitle: string
    caveat: string
  }
  gaps: {
    comparisonIntro: string
    comparisonCaption: (word: GroupWordForms, kind: string) => string
    comparisonNote: (k: number) => string
    pHolm: string
    ipaIntro: string
    ipaOverallCaption: string
    ipaQuadrantCaption: (word: GroupWordForms) => string
    importance: string
    performance: string
    quadrant: string
    quadrants: Record<
      'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill',
      string
    >
    maturityIntro: string
    maturityCaption: string
    maturityByGroupCaption: (word: GroupWordForms) => string
    maturityByGroupNote: string
    current: string
    target: string
    wavesIntro: (from: string, to: string) => string
    wavesCaption: (from: string, to: string) => string
    wavesNote: string
    /**
     * What a wave holds so far, for the sentences below: `n` counted responses (`count`
     * formatted), `paired` of them with both sides of a dimension answered (null when all).
     */
    waveHas: (wave: string, n: number, count: string, paired: string | null) => string
    /** Why there is no comparison: `list` of `waveHas` phrases (the short waves). */
    wavesNone: (list: string, k: number, requested: boolean) => string
    /** Later waves left out of the comparison: `list` of `count` `waveHas` phrases. */
    wavesLeftOut: (list: string, count: number, k: number) => string
  }
  questions: {
    figuresIntro: string
    medianCaption: (title: string) => string
    medianNote: string
    targetGroupsIntro: string
    meanCaption: (title: string) => string
    meanNote: (low: string, high: string) => string
    /** How the cells of a mean table read. */
    meanCells: (word: GroupWordForms) => string
    barriersIntro: string
    percentCaption: (title: string) => string
    percentNote: (multi: boolean) => string
    ratings: string
    shares: string
    rankings: string
    otherFigures: string
  }
  answers: {
    intro: (max: number, k: number) => string
    groupHeading: (label: string, n: string) => string
    suppressed: (k: number) => string
    noAnswers: string
    more: (count: number) => string
    email: string
    phone: string
    none: string
  }
  special: {
    voteIntro: (ballots: string) => string
    voteCaption: string
    voteHead: [string, string, string, string, string, string]
    criteriaCaption: string
    ballotsCaption: string
    ballotsHead: [string, string]
    excluded: (votes: number, scores: number) => string
    codesignIntro: (sheets: string) => string
    challengesCaption: string
    challengesHead: [string, string, string, string, string, string]
    subgroupsCaption: string
    productsCaption: string
    ratingsCaption: string
    indicatorsIntro: (reports: string) => string
    latestCaption: string
    indicatorHead: [string, string, string, string, string, string, string, string, string, string]
    flagsCaption: string
    flagsHead: [string, string]
    flags: Record<IndicatorFlag, string>
  }
  annex: {
    tablesIntro: string
    meanCell: string
    numericCaption: (title: string) => string
    numericNote: string
    choiceCaption: (title: string) => string
    rankingCaption: (title: string) => string
    rankingNote: string
    textCaption: string
    textNote: string
    item: string
    option: string
    test: string
    codebookHead: [string, string, string, string]
    chartsHead: [string, string, string]
    /** In the codebook: the same answer codes as the row above. */
    same: string
    notes: string
  }
  notes: NoteText
}

/** Every language's table: a language without one fails the type check. */
const TABLES: Record<ReportLanguage, ReportText> = { en, fr, it, ro, sv, sl }

/**
 * The report strings of a locale (`fr-FR` uses `fr`); English for any other language.
 * @example reportText('fr').sections.summary // 'Synthèse'
 */
export function reportText(locale: string): ReportText {
  return TABLES[reportLanguage(locale)]
}
