/**
 * Strings of the gap report: the keys here, English in `text/en.ts`, French in
 * `text/fr.ts`. Figures arrive already formatted for the language (`report/format.ts`);
 * a table must translate every key (the type checks it).
 */
import type { IndicatorFlag } from '../../../analysis/special/index.ts'
import { reportLanguage } from '../format.ts'
import { en } from './en.ts'
import { fr } from './fr.ts'

/** How groups are called: by region, by wave, or by the answer to a question. */
export type GroupWord = 'region' | 'wave' | 'group'

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
  groupWord: Record<GroupWord, { one: string; many: string; column: string }>
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
    /** `scope`: the wave of the figures, from {@link ReportText.waveScope}. */
    intro: (n: string, groups: string, fieldwork: string | null, k: number, scope: string) => string
    empty: string
    onePerGroup: string
    topOverall: string
    topByGroup: (word: string) => string
    topHead: string[]
    differences: (count: number, total: number, word: string, list: string) => string
    noDifferences: string
    practices: string
    practicesFrom: (ballots: string) => string
    practiceHead: string[]
    noVote: string
    noVoteReason: { 'no-questionnaire': string; 'no-ballots': string }
    seeVoteSection: string
  }
  method: {
    questionnaire: string
    versions: string
    versionsMany: (list: string) => string
    counted: string
    countedSubmitted: string
    countedDrafts: string
    wave: string
    allWaves: string
    waveOnly: (wave: string) => string
    grouping: string
    groupingBy: (word: string) => string
    fieldwork: string
    fieldworkRange: (from: string, to: string) => string
    noDates: string
    respondents: string
    respondentsValue: (n: string, groups: string) => string
    suppression: string
    suppressionValue: (k: number) => string
    respondentsTitle: string
    respondentsCaption: string
    respondentsNote: (k: number) => string
    stakeholder: string
    total: string
    scales: string
    scaleHead: string[]
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
    caveatTitle: string
    caveat: string
  }
  gaps: {
    comparisonIntro: string
    comparisonCaption: (word: string, kind: string) => string
    comparisonNote: (k: number) => string
    pHolm: string
    ipaIntro: string
    ipaOverallCaption: string
    ipaQuadrantCaption: (word: string) => string
    importance: string
    performance: string
    quadrant: string
    quadrants: Record<
      'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill',
      string
    >
    maturityIntro: string
    maturityCaption: string
    maturityByGroupCaption: (word: string) => string
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
    voteHead: string[]
    criteriaCaption: string
    ballotsCaption: string
    ballotsHead: string[]
    excluded: (votes: number, scores: number) => string
    codesignIntro: (sheets: string) => string
    challengesCaption: string
    challengesHead: string[]
    subgroupsCaption: string
    productsCaption: string
    ratingsCaption: string
    indicatorsIntro: (reports: string) => string
    latestCaption: string
    indicatorHead: string[]
    flagsCaption: string
    flagsHead: string[]
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
    codebookHead: string[]
    chartsHead: string[]
    notes: string
  }
}

/**
 * The report strings of a locale (`fr-FR` uses `fr`); English for any other language.
 * @example reportText('fr').sections.summary // 'Synthèse'
 */
export function reportText(locale: string): ReportText {
  return reportLanguage(locale) === 'fr' ? fr : en
}
