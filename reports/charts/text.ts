/**
 * Localized chart strings and number formats. English is the fallback for any locale without
 * its own table; a table must translate every key (the type checks it).
 */
import type { Locale } from 'vega'

/** A report language: `en` and `fr` have tables; any other falls back to English. */
export type ChartLocale = 'en' | 'fr' | (string & {})

/** Every string a chart draws that is not a label from the analysis document. */
export interface ChartText {
  group: { region: string; wave: string; other: string }
  n: (n: number) => string
  /** "n = 175 in 6 regions"; `by` is `region`, `wave` or anything else (groups). */
  nGroups: (n: number, groups: number, by: string) => string
  suppressedCell: (k: number) => string
  hiddenCell: string
  hiddenNote: string
  suppressedNote: (k: number) => string
  noData: string
  respondents: string
  progressNote: (k: number) => string
  threshold: (k: number) => string
  rankingTitle: (question: string) => string
  rankingNote: string
  progressTitle: (by: string) => string
  heatmapTitle: (by: string) => string
  /** One kind's block of the heatmap, with its scale: "Importance − performance (answers 1–5)". */
  heatmapKind: (kind: 'ipa' | 'maturity', from: number, to: number) => string
  heatmapKindsNote: string
  gapAxis: string
  gapLegend: string
  dumbbellTitleIpa: string
  dumbbellTitleMaturity: string
  sortedByGap: string
  panelN: (label: string, n: number) => string
  current: string
  target: string
  importance: string
  performance: string
  level: string
  ipaTitle: string
  ipaNote: string
  ipaKey: string
  quadrants: { concentrate: string; keepUp: string; lowPriority: string; overkill: string }
  /** Slope chart titles, one per dimension kind, naming the two waves. */
  slopeTitleIpa: (from: string, to: string) => string
  slopeTitleMaturity: (from: string, to: string) => string
  /** The waves a chart's figures read: "wave 2025", or "all waves" for null. */
  waveScope: (wave: string | null) => string
  slopeNote: string
  narrowed: string
  widened: string
  waveN: (from: number, to: number) => string
  likertSubtitle: string
  dkNote: (dk: number) => string
  share: string
  intervalNote: string
  percentNote: (multi: boolean) => string
  bordaAxis: string
  bordaTitleVote: string
  bordaTitleCodesign: string
  bordaNote: string
  bordaRuleKToOne: string
  firstChoices: (n: number) => string
  placedBy: string
  period: string
  allGroups: string
  ballots: (n: number) => string
  sheets: (n: number) => string
  reports: (n: number, regions: number) => string
  excludedOwnRegion: (n: number) => string
  indicators: Record<IndicatorMetric, string>
}

/** Figures of the indicator series that can be drawn as a trend. */
export type IndicatorMetric =
  | 'members'
  | 'borrowers'
  | 'women'
  | 'youth'
  | 'farmerOrgs'
  | 'portfolio'
  | 'savings'
  | 'womenShare'
  | 'youthShare'
  | 'averageLoan'
  | 'par30'

const en: ChartText = {
  group: { region: 'Region', wave: 'Wave', other: 'Group' },
  n: (n) => `n = ${formatInteger(n, 'en')}`,
  nGroups: (n, groups, by) => {
    const word = by === 'region' ? 'region' : by === 'wave' ? 'wave' : 'group'
    return `n = ${formatInteger(n, 'en')} in ${groups} ${groups === 1 ? word : `${word}s`}`
  },
  suppressedCell: (k) => `n < ${k}`,
  hiddenCell: 'hidden',
  hiddenNote: '"hidden": not shown so that a small group cannot be worked out from the totals.',
  suppressedNote: (k) => `Groups with fewer than ${k} respondents are not shown (n < ${k}).`,
  noData: 'No data',
  respondents: 'Respondents',
  progressNote: (k) =>
    `Grey: fewer than ${k} respondents; other charts show these groups as "n < ${k}" only.`,
  threshold: (k) => `k = ${k}`,
  rankingTitle: (question) => question,
  rankingNote:
    'Borda count over all respondents: of m places, the first gets m points, the last 1.',
  progressTitle: (by) => `Responses by ${by.toLowerCase()}`,
  heatmapTitle: (by) => `Gap by ${by.toLowerCase()} and dimension`,
  heatmapKind: (kind, from, to) =>
    kind === 'ipa'
      ? `Importance − performance (answers ${from}–${to})`
      : `Maturity: target − today (levels ${from}–${to})`,
  heatmapKindsNote: 'Each kind of gap is ranked and coloured on its own scale.',
  gapAxis: 'Gap (target − current)',
  gapLegend: 'Gap',
  dumbbellTitleIpa: 'Performance and importance by dimension',
  dumbbellTitleMaturity: 'Maturity today and target by dimension',
  sortedByGap: 'Dimensions sorted by overall gap, largest first. Means of paired answers.',
  panelN: (label, n) => `${label} (n = ${formatInteger(n, 'en')})`,
  current: 'Current',
  target: 'Target',
  importance: 'Importance',
  performance: 'Performance',
  level: 'Mean level',
  ipaTitle: 'Importance–performance analysis',
  ipaNote:
    'Dashed lines: grand means of the panel. Diagonal: importance = performance (above it, a gap).',
  ipaKey: 'Dimensions (1 = largest overall gap)',
  quadrants: {
    concentrate: 'Concentrate here',
    keepUp: 'Keep up the good work',
    lowPriority: 'Low priority',
    overkill: 'Possible overkill',
  },
  slopeTitleIpa: (from, to) => `Importance − performance gaps: wave ${from} → ${to}`,
  slopeTitleMaturity: (from, to) => `Maturity gaps, target − today: wave ${from} → ${to}`,
  waveScope: (wave) => (wave === null ? 'all waves' : `wave ${wave}`),
  slopeNote: 'Lines join the mean gap of each dimension in the two waves; numbers as in the key.',
  narrowed: 'Gap narrowed',
  widened: 'Gap widened or unchanged',
  waveN: (from, to) => `n = ${formatInteger(from, 'en')} → ${formatInteger(to, 'en')}`,
  likertSubtitle: 'Share of answers; the neutral category is split across zero.',
  dkNote: (dk) => `"Don't know" and other non-scale answers (${dk}) are left out.`,
  share: 'Share of respondents (%)',
  intervalNote: 'Lines: 95% Wilson intervals.',
  percentNote: (multi) => (multi ? 'Several answers possible. ' : ''),
  bordaAxis: 'Borda points',
  bordaTitleVote: 'Good-practice vote: Borda count',
  bordaTitleCodesign: 'Co-design priorities: Borda count',
  bordaNote: 'Borda count: 3 points for a first choice, 2 for a second, 1 for a third.',
  bordaRuleKToOne: 'Borda count: of k ranked challenges, the first gets k points, the last 1.',
  firstChoices: (n) => `${n} ${n === 1 ? 'first choice' : 'first choices'}`,
  placedBy: 'respondents ranked it',
  period: 'Period',
  allGroups: 'All',
  ballots: (n) => `n = ${formatInteger(n, 'en')} ${n === 1 ? 'ballot' : 'ballots'}`,
  sheets: (n) => `n = ${formatInteger(n, 'en')} ${n === 1 ? 'workshop sheet' : 'workshop sheets'}`,
  reports: (n, regions) =>
    `n = ${formatInteger(n, 'en')} ${n === 1 ? 'report' : 'reports'} from ${regions} ${regions === 1 ? 'region' : 'regions'}`,
  excludedOwnRegion: (n) =>
    `${n} ranking ${n === 1 ? 'entry' : 'entries'} for the voter's own region left out.`,
  indicators: {
    members: 'Members',
    borrowers: 'Active borrowers',
    women: 'Active borrowers: women',
    youth: 'Active borrowers: young people',
    farmerOrgs: 'Farmer organisations financed',
    portfolio: 'Outstanding loan portfolio (XOF)',
    savings: 'Savings and deposits (XOF)',
    womenShare: 'Share of women among active borrowers',
    youthShare: 'Share of young people among active borrowers',
    averageLoan: 'Average outstanding loan per borrower (XOF)',
    par30: 'Portfolio at risk over 30 days (%)',
  },
}

const fr: ChartText = {
  group: { region: 'Région', wave: 'Vague', other: 'Groupe' },
  n: (n) => `n = ${formatInteger(n, 'fr')}`,
  nGroups: (n, groups, by) => {
    const word = by === 'region' ? 'région' : by === 'wave' ? 'vague' : 'groupe'
    return `n = ${formatInteger(n, 'fr')} dans ${groups} ${groups === 1 ? word : `${word}s`}`
  },
  suppressedCell: (k) => `n < ${k}`,
  hiddenCell: 'masqué',
  hiddenNote:
    '« masqué » : non affiché pour qu’un petit groupe ne puisse pas être déduit des totaux.',
  suppressedNote: (k) => `Les groupes de moins de ${k} répondants ne sont pas affichés (n < ${k}).`,
  noData: 'Aucune donnée',
  respondents: 'Répondants',
  progressNote: (k) =>
    `En gris : moins de ${k} répondants ; les autres graphiques n’en montrent que « n < ${k} ».`,
  threshold: (k) => `k = ${k}`,
  rankingTitle: (question) => question,
  rankingNote:
    'Méthode de Borda sur l’ensemble des répondants : sur m places, la première vaut m points, la dernière 1.',
  progressTitle: (by) => `Réponses par ${by.toLowerCase()}`,
  heatmapTitle: (by) => `Écart par ${by.toLowerCase()} et par dimension`,
  heatmapKind: (kind, from, to) =>
    kind === 'ipa'
      ? `Importance − performance (réponses ${from}–${to})`
      : `Maturité : cible − actuel (niveaux ${from}–${to})`,
  heatmapKindsNote: 'Chaque type d’écart est classé et coloré sur sa propre échelle.',
  gapAxis: 'Écart (cible − actuel)',
  gapLegend: 'Écart',
  dumbbellTitleIpa: 'Performance et importance par dimension',
  dumbbellTitleMaturity: 'Maturité actuelle et cible par dimension',
  sortedByGap:
    'Dimensions triées par écart global, du plus grand au plus petit. Moyennes des réponses appariées.',
  panelN: (label, n) => `${label} (n = ${formatInteger(n, 'fr')})`,
  current: 'Actuel',
  target: 'Cible',
  importance: 'Importance',
  performance: 'Performance',
  level: 'Niveau moyen',
  ipaTitle: 'Analyse importance–performance',
  ipaNote:
    'Tirets : moyennes générales du panneau. Diagonale : importance = performance (au-dessus, un écart).',
  ipaKey: 'Dimensions (1 = plus grand écart global)',
  quadrants: {
    concentrate: 'Priorité d’action',
    keepUp: 'Maintenir l’effort',
    lowPriority: 'Faible priorité',
    overkill: 'Effort peut-être excessif',
  },
  slopeTitleIpa: (from, to) => `Écarts importance − performance : vague ${from} → ${to}`,
  slopeTitleMaturity: (from, to) => `Écarts de maturité, cible − actuel : vague ${from} → ${to}`,
  waveScope: (wave) => (wave === null ? 'toutes les vagues' : `vague ${wave}`),
  slopeNote:
    'Chaque ligne relie l’écart moyen d’une dimension dans les deux vagues ; numéros selon la légende.',
  narrowed: 'Écart réduit',
  widened: 'Écart accru ou inchangé',
  waveN: (from, to) => `n = ${formatInteger(from, 'fr')} → ${formatInteger(to, 'fr')}`,
  likertSubtitle:
    'Part des réponses ; la catégorie neutre est partagée de part et d’autre de zéro.',
  dkNote: (dk) => `Les réponses « ne sait pas » et hors échelle (${dk}) sont écartées.`,
  share: 'Part des répondants (%)',
  intervalNote: 'Traits : intervalles de Wilson à 95 %.',
  percentNote: (multi) => (multi ? 'Plusieurs réponses possibles. ' : ''),
  bordaAxis: 'Points Borda',
  bordaTitleVote: 'Vote des bonnes pratiques : méthode de Borda',
  bordaTitleCodesign: 'Priorités de co-conception : méthode de Borda',
  bordaNote:
    'Méthode de Borda : 3 points pour un premier choix, 2 pour un deuxième, 1 pour un troisième.',
  bordaRuleKToOne:
    'Méthode de Borda : sur k défis classés, le premier reçoit k points, le dernier 1.',
  firstChoices: (n) => `${n} ${n <= 1 ? 'premier choix' : 'premiers choix'}`,
  placedBy: 'répondants l’ont classé',
  period: 'Période',
  allGroups: 'Ensemble',
  ballots: (n) => `n = ${formatInteger(n, 'fr')} ${n === 1 ? 'bulletin' : 'bulletins'}`,
  sheets: (n) =>
    `n = ${formatInteger(n, 'fr')} ${n === 1 ? 'fiche d’atelier' : 'fiches d’atelier'}`,
  reports: (n, regions) =>
    `n = ${formatInteger(n, 'fr')} ${n === 1 ? 'rapport' : 'rapports'} de ${regions} ${regions === 1 ? 'région' : 'régions'}`,
  excludedOwnRegion: (n) =>
    `${n} ${n === 1 ? 'choix portant' : 'choix portant'} sur la région du votant ${n === 1 ? 'écarté' : 'écartés'}.`,
  indicators: {
    members: 'Membres',
    borrowers: 'Emprunteurs actifs',
    women: 'Emprunteurs actifs : femmes',
    youth: 'Emprunteurs actifs : jeunes',
    farmerOrgs: 'Organisations paysannes financées',
    portfolio: 'Encours brut de crédit (XOF)',
    savings: 'Épargne et dépôts (XOF)',
    womenShare: 'Part des femmes parmi les emprunteurs actifs',
    youthShare: 'Part des jeunes parmi les emprunteurs actifs',
    averageLoan: 'Encours moyen par emprunteur (XOF)',
    par30: 'Portefeuille à risque à 30 jours (%)',
  },
}

const tables: Record<string, ChartText> = { en, fr }

/** The chart strings of a locale (`fr-FR` uses `fr`); English when the language has no table. */
export function chartText(locale: ChartLocale): ChartText {
  return tables[baseLanguage(locale)] ?? en
}

/** Narrow no-break space: the French thousands separator (and before `%`). */
const NNBSP = '\u202f'

const numberLocales: Record<string, NonNullable<Locale['number']>> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
  fr: {
    decimal: ',',
    thousands: NNBSP,
    grouping: [3],
    currency: ['', `${NNBSP}€`],
    percent: `${NNBSP}%`,
    minus: '−',
  },
}

/**
 * Vega's number-format locale for a report language (French: decimal comma, thin-space
 * thousands), to put in a spec's `config.locale` or pass to `renderSvg`.
 * @example formatLocale('fr') // { number: { decimal: ',', thousands: '\u202f', … } }
 */
export function formatLocale(locale: ChartLocale): Locale {
  const number = numberLocales[baseLanguage(locale)] ?? numberLocales.en
  return number ? { number } : {}
}

/** Formats a whole number the way the charts' axes do (for text built outside Vega). */
export function formatInteger(value: number, locale: ChartLocale): string {
  const digits = String(Math.round(Math.abs(value)))
  const sep = baseLanguage(locale) === 'fr' ? NNBSP : ','
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep)
  return value < 0 ? `−${grouped}` : grouped
}

function baseLanguage(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en'
}
