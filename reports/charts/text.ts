/**
 * Localized chart strings and number formats, one table per report language (en, fr, it, ro,
 * sv, sl). Every language must have a table and every table every key: the types check both.
 * English is the fallback for any other locale.
 */
import type { Locale } from 'vega'

/** The languages with a chart table, in the order the report lists them. */
export const CHART_LANGUAGES = ['en', 'fr', 'it', 'ro', 'sv', 'sl'] as const

/** A language with a chart table. */
export type ChartLanguage = (typeof CHART_LANGUAGES)[number]

/** A report locale (`fr`, `sl-SI`): its language's table, English for a language without one. */
export type ChartLocale = ChartLanguage | (string & {})

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

const itGroup = { region: 'Regione', wave: 'Ondata', other: 'Gruppo' }

/** Italian: the words of the Italian report (divario, ondata, obiettivo), «caporali». */
const it: ChartText = {
  group: itGroup,
  n: (n) => `n = ${formatInteger(n, 'it')}`,
  nGroups: (n, groups, by) => {
    const [one, many] =
      by === 'region'
        ? ['regione', 'regioni']
        : by === 'wave'
          ? ['ondata', 'ondate']
          : ['gruppo', 'gruppi']
    return `n = ${formatInteger(n, 'it')} in ${groups} ${groups === 1 ? one : many}`
  },
  suppressedCell: (k) => `n < ${k}`,
  hiddenCell: 'oscurato',
  hiddenNote: '«oscurato»: non presentato, affinché i totali non rivelino un gruppo piccolo.',
  suppressedNote: (k) => `I gruppi con meno di ${k} rispondenti non sono presentati (n < ${k}).`,
  noData: 'Nessun dato',
  respondents: 'Rispondenti',
  progressNote: (k) =>
    `In grigio: meno di ${k} rispondenti; gli altri grafici riportano per questi gruppi solo «n < ${k}».`,
  threshold: (k) => `k = ${k}`,
  rankingTitle: (question) => question,
  rankingNote:
    'Metodo Borda su tutti i rispondenti: su m posti, il primo riceve m punti, l’ultimo 1.',
  progressTitle: (by) => `Risposte per ${by.toLowerCase()}`,
  heatmapTitle: (by) => `Divario per ${by.toLowerCase()} e dimensione`,
  heatmapKind: (kind, from, to) =>
    kind === 'ipa'
      ? `Importanza − performance (risposte ${from}–${to})`
      : `Maturità: obiettivo − attuale (livelli ${from}–${to})`,
  heatmapKindsNote: 'Ogni tipo di divario è ordinato e colorato sulla propria scala.',
  gapAxis: 'Divario (obiettivo − attuale)',
  gapLegend: 'Divario',
  dumbbellTitleIpa: 'Performance e importanza per dimensione',
  dumbbellTitleMaturity: 'Maturità attuale e obiettivo per dimensione',
  sortedByGap:
    'Dimensioni ordinate per divario complessivo, dal più ampio. Medie delle risposte appaiate.',
  panelN: (label, n) => `${label} (n = ${formatInteger(n, 'it')})`,
  current: 'Oggi',
  target: 'Obiettivo',
  importance: 'Importanza',
  performance: 'Performance',
  level: 'Livello medio',
  ipaTitle: 'Analisi importanza–performance',
  ipaNote:
    'Linee tratteggiate: medie generali del pannello. Diagonale: importanza = performance (sopra, un divario).',
  ipaKey: 'Dimensioni (1 = divario complessivo più ampio)',
  quadrants: {
    concentrate: 'Concentrarsi qui',
    keepUp: 'Mantenere il livello',
    lowPriority: 'Priorità bassa',
    overkill: 'Possibile eccesso',
  },
  slopeTitleIpa: (from, to) => `Divari importanza − performance: ondata ${from} → ${to}`,
  slopeTitleMaturity: (from, to) =>
    `Divari di maturità, obiettivo − attuale: ondata ${from} → ${to}`,
  waveScope: (wave) => (wave === null ? 'tutte le ondate' : `ondata ${wave}`),
  slopeNote:
    'Le linee uniscono il divario medio di ogni dimensione nelle due ondate; numeri come nella legenda.',
  narrowed: 'Divario ridotto',
  widened: 'Divario aumentato o invariato',
  waveN: (from, to) => `n = ${formatInteger(from, 'it')} → ${formatInteger(to, 'it')}`,
  likertSubtitle: 'Quota delle risposte; la categoria neutra è divisa a cavallo dello zero.',
  dkNote: (dk) => `Le risposte «Non so» e le altre risposte fuori scala (${dk}) sono escluse.`,
  share: 'Quota di rispondenti (%)',
  intervalNote: 'Linee: intervalli di confidenza di Wilson al 95%.',
  percentNote: (multi) => (multi ? 'Più risposte possibili. ' : ''),
  bordaAxis: 'Punti Borda',
  bordaTitleVote: 'Votazione delle buone pratiche: metodo Borda',
  bordaTitleCodesign: 'Priorità della co-progettazione: metodo Borda',
  bordaNote: 'Metodo Borda: 3 punti per una prima scelta, 2 per una seconda, 1 per una terza.',
  bordaRuleKToOne: 'Metodo Borda: su k sfide classificate, la prima riceve k punti, l’ultima 1.',
  firstChoices: (n) => `${n} ${n === 1 ? 'primo posto' : 'primi posti'}`,
  placedBy: 'rispondenti l’hanno classificata',
  period: 'Periodo',
  allGroups: 'Totale',
  ballots: (n) => `n = ${formatInteger(n, 'it')} ${n === 1 ? 'scheda' : 'schede'}`,
  sheets: (n) =>
    `n = ${formatInteger(n, 'it')} ${n === 1 ? 'scheda di laboratorio' : 'schede di laboratorio'}`,
  reports: (n, regions) =>
    `n = ${formatInteger(n, 'it')} ${n === 1 ? 'rendiconto' : 'rendiconti'} da ${regions} ${regions === 1 ? 'regione' : 'regioni'}`,
  excludedOwnRegion: (n) =>
    n === 1
      ? 'Escluso 1 voto di classifica per la regione del votante.'
      : `Esclusi ${n} voti di classifica per la regione del votante.`,
  indicators: {
    members: 'Soci',
    borrowers: 'Mutuatari attivi',
    women: 'Mutuatari attivi: donne',
    youth: 'Mutuatari attivi: giovani',
    farmerOrgs: 'Organizzazioni di agricoltori finanziate',
    portfolio: 'Portafoglio crediti in essere (XOF)',
    savings: 'Risparmi e depositi (XOF)',
    womenShare: 'Quota di donne tra i mutuatari attivi',
    youthShare: 'Quota di giovani tra i mutuatari attivi',
    averageLoan: 'Credito medio in essere per mutuatario (XOF)',
    par30: 'Portafoglio a rischio oltre 30 giorni (%)',
  },
}

/**
 * "de" between a number and its noun: Romanian writes "5 regiuni" but "20 de regiuni" (last
 * two digits 00 or 20–99), as in the Romanian report.
 */
function de(n: number): string {
  const lastTwo = n % 100
  return n > 0 && (lastTwo === 0 || lastTwo >= 20) ? 'de ' : ''
}

/** "5 respondenți", "20 de respondenți", "1 respondent". */
function roRespondents(n: number): string {
  return n === 1 ? '1 respondent' : `${n} ${de(n)}respondenți`
}

const roGroup = { region: 'Regiune', wave: 'Val', other: 'Grup' }

/** The plural of each Romanian group title, for "pe regiuni" (`by` is one of the titles). */
function roPlural(by: string): string {
  const plural: Record<string, string> = {
    [roGroup.region]: 'regiuni',
    [roGroup.wave]: 'valuri',
    [roGroup.other]: 'grupuri',
  }
  return plural[by] ?? by.toLowerCase()
}

/** Romanian: the words of the Romanian report (decalaj, val, țintă), „ghilimele”. */
const ro: ChartText = {
  group: roGroup,
  n: (n) => `n = ${formatInteger(n, 'ro')}`,
  nGroups: (n, groups, by) => {
    const [one, many] =
      by === 'region'
        ? ['într-o regiune', 'regiuni']
        : by === 'wave'
          ? ['într-un val', 'valuri']
          : ['într-un grup', 'grupuri']
    const where = groups === 1 ? one : `în ${groups} ${de(groups)}${many}`
    return `n = ${formatInteger(n, 'ro')} ${where}`
  },
  suppressedCell: (k) => `n < ${k}`,
  hiddenCell: 'ascuns',
  hiddenNote: '„ascuns”: neafișat, pentru ca totalurile să nu dezvăluie un grup mic.',
  suppressedNote: (k) =>
    `Grupurile cu mai puțin de ${roRespondents(k)} nu sunt afișate (n < ${k}).`,
  noData: 'Nu există date',
  respondents: 'Respondenți',
  progressNote: (k) =>
    `În gri: mai puțin de ${roRespondents(k)}; celelalte grafice arată aceste grupuri doar ca „n < ${k}”.`,
  threshold: (k) => `k = ${k}`,
  rankingTitle: (question) => question,
  rankingNote:
    'Metoda Borda pe toți respondenții: din m locuri, primul primește m puncte, ultimul 1.',
  progressTitle: (by) => `Răspunsuri pe ${roPlural(by)}`,
  heatmapTitle: (by) => `Decalaj pe dimensiuni și ${roPlural(by)}`,
  heatmapKind: (kind, from, to) =>
    kind === 'ipa'
      ? `Importanță − performanță (răspunsuri ${from}–${to})`
      : `Maturitate: țintă − nivel actual (niveluri ${from}–${to})`,
  heatmapKindsNote: 'Fiecare tip de decalaj este ordonat și colorat pe propria scală.',
  gapAxis: 'Decalaj (țintă − nivel actual)',
  gapLegend: 'Decalaj',
  dumbbellTitleIpa: 'Performanță și importanță pe dimensiuni',
  dumbbellTitleMaturity: 'Maturitatea actuală și cea țintă pe dimensiuni',
  sortedByGap:
    'Dimensiuni ordonate după decalajul general, de la cel mai mare. Medii ale răspunsurilor pereche.',
  panelN: (label, n) => `${label} (n = ${formatInteger(n, 'ro')})`,
  current: 'Astăzi',
  target: 'Țintă',
  importance: 'Importanță',
  performance: 'Performanță',
  level: 'Nivel mediu',
  ipaTitle: 'Analiza importanță–performanță',
  ipaNote:
    'Linii întrerupte: mediile generale ale panoului. Diagonala: importanță = performanță (deasupra ei, un decalaj).',
  ipaKey: 'Dimensiuni (1 = cel mai mare decalaj general)',
  quadrants: {
    concentrate: 'Concentrați eforturile aici',
    keepUp: 'Mențineți rezultatele',
    lowPriority: 'Prioritate scăzută',
    overkill: 'Posibil exces',
  },
  slopeTitleIpa: (from, to) => `Decalaje importanță − performanță: valul ${from} → ${to}`,
  slopeTitleMaturity: (from, to) =>
    `Decalaje de maturitate, țintă − nivel actual: valul ${from} → ${to}`,
  waveScope: (wave) => (wave === null ? 'toate valurile' : `valul ${wave}`),
  slopeNote:
    'Liniile unesc decalajul mediu al fiecărei dimensiuni în cele două valuri; numerele ca în legendă.',
  narrowed: 'Decalaj redus',
  widened: 'Decalaj mărit sau neschimbat',
  waveN: (from, to) => `n = ${formatInteger(from, 'ro')} → ${formatInteger(to, 'ro')}`,
  likertSubtitle:
    'Ponderea răspunsurilor; categoria neutră este împărțită de o parte și de alta a lui zero.',
  dkNote: (dk) =>
    `Răspunsurile „Nu știu” și celelalte răspunsuri din afara scalei (${dk}) sunt excluse.`,
  share: 'Ponderea respondenților (%)',
  intervalNote: 'Linii: intervale de încredere Wilson de 95%.',
  percentNote: (multi) => (multi ? 'Sunt posibile mai multe răspunsuri. ' : ''),
  bordaAxis: 'Puncte Borda',
  bordaTitleVote: 'Votul privind bunele practici: metoda Borda',
  bordaTitleCodesign: 'Priorități de co-proiectare: metoda Borda',
  bordaNote: 'Metoda Borda: 3 puncte pentru prima alegere, 2 pentru a doua, 1 pentru a treia.',
  bordaRuleKToOne: 'Metoda Borda: din k provocări clasate, prima primește k puncte, ultima 1.',
  firstChoices: (n) => (n === 1 ? '1 loc întâi' : `${n} ${de(n)}locuri întâi`),
  // After a bare count ("12 · 25 au clasat-o"): a verb needs no "de" after 20.
  placedBy: 'au clasat-o',
  period: 'Perioadă',
  allGroups: 'Total',
  ballots: (n) =>
    `n = ${formatInteger(n, 'ro')} ${n === 1 ? 'buletin de vot' : `${de(n)}buletine de vot`}`,
  sheets: (n) =>
    `n = ${formatInteger(n, 'ro')} ${n === 1 ? 'fișă de atelier' : `${de(n)}fișe de atelier`}`,
  reports: (n, regions) =>
    `n = ${formatInteger(n, 'ro')} ${n === 1 ? 'raport' : `${de(n)}rapoarte`} ${regions === 1 ? 'dintr-o regiune' : `din ${regions} ${de(regions)}regiuni`}`,
  excludedOwnRegion: (n) =>
    `Voturi de clasament pentru propria regiune a votantului, excluse: ${n}.`,
  indicators: {
    members: 'Membri',
    borrowers: 'Împrumutați activi',
    women: 'Împrumutați activi: femei',
    youth: 'Împrumutați activi: tineri',
    farmerOrgs: 'Organizații de agricultori finanțate',
    portfolio: 'Portofoliu de credite în sold (XOF)',
    savings: 'Economii și depozite (XOF)',
    womenShare: 'Ponderea femeilor în rândul împrumutaților activi',
    youthShare: 'Ponderea tinerilor în rândul împrumutaților activi',
    averageLoan: 'Credit mediu în sold per împrumutat (XOF)',
    par30: 'Portofoliu la risc peste 30 de zile (%)',
  },
}

/** Swedish: the words of the Swedish report (gap, omgång, betydelse − funktion), ”citat”. */
const sv: ChartText = {
  group: { region: 'Region', wave: 'Omgång', other: 'Grupp' },
  n: (n) => `n = ${formatInteger(n, 'sv')}`,
  nGroups: (n, groups, by) => {
    const [one, many] =
      by === 'region'
        ? ['region', 'regioner']
        : by === 'wave'
          ? ['omgång', 'omgångar']
          : ['grupp', 'grupper']
    return `n = ${formatInteger(n, 'sv')} i ${groups} ${groups === 1 ? one : many}`
  },
  suppressedCell: (k) => `n < ${k}`,
  hiddenCell: 'dold',
  hiddenNote: '”dold”: visas inte, så att summorna inte avslöjar en liten grupp.',
  suppressedNote: (k) => `Grupper med färre än ${k} svarande visas inte (n < ${k}).`,
  noData: 'Inga uppgifter',
  respondents: 'Svarande',
  progressNote: (k) =>
    `Grått: färre än ${k} svarande; övriga diagram visar dessa grupper endast som ”n < ${k}”.`,
  threshold: (k) => `k = ${k}`,
  rankingTitle: (question) => question,
  rankingNote: 'Bordametoden över alla svarande: av m platser får den första m poäng, den sista 1.',
  progressTitle: (by) => `Svar per ${by.toLowerCase()}`,
  heatmapTitle: (by) => `Gap per ${by.toLowerCase()} och dimension`,
  heatmapKind: (kind, from, to) =>
    kind === 'ipa'
      ? `Betydelse − funktion (svar ${from}–${to})`
      : `Mognad: mål − nuläge (nivåer ${from}–${to})`,
  heatmapKindsNote: 'Varje typ av gap rangordnas och färgas på sin egen skala.',
  gapAxis: 'Gap (mål − nuläge)',
  gapLegend: 'Gap',
  dumbbellTitleIpa: 'Funktion och betydelse per dimension',
  dumbbellTitleMaturity: 'Mognad i dag och mål per dimension',
  sortedByGap:
    'Dimensionerna sorterade efter totalt gap, störst först. Medelvärden av parade svar.',
  panelN: (label, n) => `${label} (n = ${formatInteger(n, 'sv')})`,
  current: 'I dag',
  target: 'Mål',
  importance: 'Betydelse',
  performance: 'Funktion',
  level: 'Medelnivå',
  ipaTitle: 'Analys av betydelse och funktion',
  ipaNote:
    'Streckade linjer: panelens totala medelvärden. Diagonal: betydelse = funktion (ovanför den, ett gap).',
  ipaKey: 'Dimensioner (1 = störst totalt gap)',
  quadrants: {
    concentrate: 'Fokusera här',
    keepUp: 'Fortsätt så',
    lowPriority: 'Låg prioritet',
    overkill: 'Möjlig överinsats',
  },
  slopeTitleIpa: (from, to) => `Gap betydelse − funktion: omgång ${from} → ${to}`,
  slopeTitleMaturity: (from, to) => `Mognadsgap, mål − nuläge: omgång ${from} → ${to}`,
  waveScope: (wave) => (wave === null ? 'alla omgångar' : `omgång ${wave}`),
  slopeNote:
    'Linjerna förbinder varje dimensions genomsnittliga gap i de två omgångarna; nummer som i förklaringen.',
  narrowed: 'Minskat gap',
  widened: 'Ökat eller oförändrat gap',
  waveN: (from, to) => `n = ${formatInteger(from, 'sv')} → ${formatInteger(to, 'sv')}`,
  likertSubtitle: 'Andel av svaren; den neutrala kategorin delas på båda sidor om noll.',
  dkNote: (dk) => `”Vet inte” och andra svar utanför skalan (${dk}) är borträknade.`,
  share: 'Andel svarande (%)',
  intervalNote: 'Linjer: Wilsons 95-procentiga konfidensintervall.',
  percentNote: (multi) => (multi ? 'Flera svar möjliga. ' : ''),
  bordaAxis: 'Bordapoäng',
  bordaTitleVote: 'Omröstning om goda exempel: Bordametoden',
  bordaTitleCodesign: 'Prioriteringar från samskapandet: Bordametoden',
  bordaNote: 'Bordametoden: 3 poäng för ett förstaval, 2 för ett andraval, 1 för ett tredjeval.',
  bordaRuleKToOne: 'Bordametoden: av k rangordnade utmaningar får den första k poäng, den sista 1.',
  firstChoices: (n) => `${n} ${n === 1 ? 'förstaplats' : 'förstaplatser'}`,
  placedBy: 'svarande har rangordnat det',
  period: 'Period',
  allGroups: 'Samtliga',
  ballots: (n) => `n = ${formatInteger(n, 'sv')} ${n === 1 ? 'röstsedel' : 'röstsedlar'}`,
  sheets: (n) => `n = ${formatInteger(n, 'sv')} workshopblad`,
  reports: (n, regions) =>
    `n = ${formatInteger(n, 'sv')} ${n === 1 ? 'rapport' : 'rapporter'} från ${regions} ${regions === 1 ? 'region' : 'regioner'}`,
  excludedOwnRegion: (n) =>
    `${n} rangordningsval på den röstandes egen region ${n === 1 ? 'är borträknat' : 'är borträknade'}.`,
  indicators: {
    members: 'Medlemmar',
    borrowers: 'Aktiva låntagare',
    women: 'Aktiva låntagare: kvinnor',
    youth: 'Aktiva låntagare: unga',
    farmerOrgs: 'Finansierade jordbrukarorganisationer',
    portfolio: 'Utestående låneportfölj (XOF)',
    savings: 'Sparande och inlåning (XOF)',
    womenShare: 'Andel kvinnor bland aktiva låntagare',
    youthShare: 'Andel unga bland aktiva låntagare',
    averageLoan: 'Genomsnittligt utestående lån per låntagare (XOF)',
    par30: 'Andel av portföljen med mer än 30 dagars dröjsmål (%)',
  },
}

/**
 * The form of a Slovenian noun after the number `n` (one, two, three or four, five and more):
 * Slovenian has a dual and a plural for 3–4, as in the Slovenian report.
 */
function form(n: number, forms: [one: string, two: string, few: string, many: string]): string {
  const lastTwo = n % 100
  if (lastTwo === 1) return forms[0]
  if (lastTwo === 2) return forms[1]
  return lastTwo === 3 || lastTwo === 4 ? forms[2] : forms[3]
}

const slGroup = { region: 'Regija', wave: 'Val', other: 'Skupina' }

/** The locative plural of each Slovenian group title, for "po regijah" (`by` is one of them). */
function slLocative(by: string): string {
  const locative: Record<string, string> = {
    [slGroup.region]: 'regijah',
    [slGroup.wave]: 'valovih',
    [slGroup.other]: 'skupinah',
  }
  return locative[by] ?? by.toLowerCase()
}

/** Slovenian: the words of the Slovenian report (vrzel, val, razsežnost), »narekovaji«. */
const sl: ChartText = {
  group: slGroup,
  n: (n) => `n = ${formatInteger(n, 'sl')}`,
  nGroups: (n, groups, by) => {
    const [one, many] =
      by === 'region'
        ? ['regiji', 'regijah']
        : by === 'wave'
          ? ['valu', 'valovih']
          : ['skupini', 'skupinah']
    return `n = ${formatInteger(n, 'sl')} v ${groups} ${groups === 1 ? one : many}`
  },
  suppressedCell: (k) => `n < ${k}`,
  hiddenCell: 'skrito',
  hiddenNote: '»skrito«: ni prikazano, da seštevki ne razkrijejo majhne skupine.',
  suppressedNote: (k) =>
    `Skupine, v katerih je število anketirancev manjše od ${k}, niso prikazane (n < ${k}).`,
  noData: 'Ni podatkov',
  respondents: 'Število anketirancev',
  progressNote: (k) =>
    `Sivo: število anketirancev je manjše od ${k}; drugi grafi te skupine prikazujejo le kot »n < ${k}«.`,
  threshold: (k) => `k = ${k}`,
  rankingTitle: (question) => question,
  rankingNote: 'Bordova metoda prek vseh anketirancev: od m mest dobi prvo m točk, zadnje 1.',
  progressTitle: (by) => `Odgovori po ${slLocative(by)}`,
  heatmapTitle: (by) => `Vrzel po razsežnostih in ${slLocative(by)}`,
  heatmapKind: (kind, from, to) =>
    kind === 'ipa'
      ? `Pomembnost − delovanje (odgovori ${from}–${to})`
      : `Zrelost: cilj − trenutno stanje (ravni ${from}–${to})`,
  heatmapKindsNote: 'Vsaka vrsta vrzeli je razvrščena in obarvana na svoji lestvici.',
  gapAxis: 'Vrzel (cilj − trenutno stanje)',
  gapLegend: 'Vrzel',
  dumbbellTitleIpa: 'Delovanje in pomembnost po razsežnostih',
  dumbbellTitleMaturity: 'Trenutna in ciljna zrelost po razsežnostih',
  sortedByGap: 'Razsežnosti, razvrščene po skupni vrzeli, od največje. Povprečja parnih odgovorov.',
  panelN: (label, n) => `${label} (n = ${formatInteger(n, 'sl')})`,
  current: 'Danes',
  target: 'Cilj',
  importance: 'Pomembnost',
  performance: 'Delovanje',
  level: 'Povprečna raven',
  ipaTitle: 'Analiza pomembnosti in delovanja',
  ipaNote:
    'Črtkane črte: skupna povprečja posameznega grafa. Diagonala: pomembnost = delovanje (nad njo vrzel).',
  ipaKey: 'Razsežnosti (1 = največja skupna vrzel)',
  quadrants: {
    concentrate: 'Osredotočite se tukaj',
    keepUp: 'Nadaljujte dobro delo',
    lowPriority: 'Nizka prednost',
    overkill: 'Morebitni presežek',
  },
  slopeTitleIpa: (from, to) => `Vrzeli pomembnost − delovanje: val ${from} → ${to}`,
  slopeTitleMaturity: (from, to) => `Vrzeli zrelosti, cilj − trenutno stanje: val ${from} → ${to}`,
  waveScope: (wave) => (wave === null ? 'vsi valovi' : `val ${wave}`),
  slopeNote:
    'Črte povezujejo povprečno vrzel vsake razsežnosti v obeh valovih; številke kot v legendi.',
  narrowed: 'Vrzel zmanjšana',
  widened: 'Vrzel povečana ali nespremenjena',
  waveN: (from, to) => `n = ${formatInteger(from, 'sl')} → ${formatInteger(to, 'sl')}`,
  likertSubtitle: 'Delež odgovorov; nevtralna kategorija je razdeljena na obe strani ničle.',
  dkNote: (dk) => `Odgovori »Ne vem« in drugi odgovori zunaj lestvice (${dk}) so izločeni.`,
  share: 'Delež anketirancev (%)',
  intervalNote: 'Črte: Wilsonovi 95-odstotni intervali zaupanja.',
  percentNote: (multi) => (multi ? 'Možnih je več odgovorov. ' : ''),
  bordaAxis: 'Bordove točke',
  bordaTitleVote: 'Glasovanje o dobrih praksah: Bordova metoda',
  bordaTitleCodesign: 'Prednostne naloge soustvarjanja: Bordova metoda',
  bordaNote: 'Bordova metoda: 3 točke za prvo izbiro, 2 za drugo, 1 za tretjo.',
  bordaRuleKToOne: 'Bordova metoda: od k razvrščenih izzivov prvi dobi k točk, zadnji 1.',
  firstChoices: (n) => `${n} ${form(n, ['prvo mesto', 'prvi mesti', 'prva mesta', 'prvih mest'])}`,
  // After a bare count ("12 · 25 × uvrščeno"): no noun, so no dual or plural to agree with it.
  placedBy: '× uvrščeno',
  period: 'Obdobje',
  allGroups: 'Skupaj',
  ballots: (n) =>
    `n = ${formatInteger(n, 'sl')} ${form(n, ['glasovnica', 'glasovnici', 'glasovnice', 'glasovnic'])}`,
  sheets: (n) =>
    `n = ${formatInteger(n, 'sl')} ${form(n, ['delavniški list', 'delavniška lista', 'delavniški listi', 'delavniških listov'])}`,
  reports: (n, regions) =>
    `n = ${formatInteger(n, 'sl')} ${form(n, ['poročilo', 'poročili', 'poročila', 'poročil'])} iz ${regions} ${regions === 1 ? 'regije' : 'regij'}`,
  excludedOwnRegion: (n) => `Izločeni glasovi pri razvrstitvi za lastno regijo glasujočega: ${n}.`,
  indicators: {
    members: 'Člani',
    borrowers: 'Aktivni posojilojemalci',
    women: 'Aktivni posojilojemalci: ženske',
    youth: 'Aktivni posojilojemalci: mladi',
    farmerOrgs: 'Financirane kmetijske organizacije',
    portfolio: 'Neodplačani kreditni portfelj (XOF)',
    savings: 'Prihranki in vloge (XOF)',
    womenShare: 'Delež žensk med aktivnimi posojilojemalci',
    youthShare: 'Delež mladih med aktivnimi posojilojemalci',
    averageLoan: 'Povprečno neodplačano posojilo na posojilojemalca (XOF)',
    par30: 'Portfelj z zamudo nad 30 dni (%)',
  },
}

/** Every language's table: a language without one fails the type check. */
const tables: Record<ChartLanguage, ChartText> = { en, fr, it, ro, sv, sl }

/** The chart strings of a locale (`fr-FR` uses `fr`); English when the language has no table. */
export function chartText(locale: ChartLocale): ChartText {
  return tables[chartLanguage(locale)]
}

/** Narrow no-break space: the French thousands separator (and before `%`). */
const NNBSP = '\u202f'
/** No-break space: the Swedish thousands separator, and before `%` in ro, sv and sl. */
const NBSP = '\u00a0'

/** Vega's number formats of each language: the separators the report text uses (`report/format.ts`). */
const numberLocales: Record<ChartLanguage, NonNullable<Locale['number']>> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
  fr: {
    decimal: ',',
    thousands: NNBSP,
    grouping: [3],
    currency: ['', `${NNBSP}€`],
    percent: `${NNBSP}%`,
    minus: '−',
  },
  it: { decimal: ',', thousands: '.', grouping: [3], currency: ['', `${NBSP}€`], minus: '−' },
  ro: {
    decimal: ',',
    thousands: '.',
    grouping: [3],
    currency: ['', `${NBSP}€`],
    percent: `${NBSP}%`,
    minus: '−',
  },
  sv: {
    decimal: ',',
    thousands: NBSP,
    grouping: [3],
    currency: ['', `${NBSP}€`],
    percent: `${NBSP}%`,
    minus: '−',
  },
  sl: {
    decimal: ',',
    thousands: '.',
    grouping: [3],
    currency: ['', `${NBSP}€`],
    percent: `${NBSP}%`,
    minus: '−',
  },
}

/**
 * Vega's number-format locale for a report language (French: decimal comma, thin-space
 * thousands; Italian, Romanian, Slovenian: decimal comma, point thousands; Swedish: decimal
 * comma, space thousands), to put in a spec's `config.locale` or pass to `renderSvg`.
 * @example formatLocale('fr') // { number: { decimal: ',', thousands: '\u202f', … } }
 */
export function formatLocale(locale: ChartLocale): Locale {
  return { number: numberLocales[chartLanguage(locale)] }
}

/**
 * The locale whose whole numbers each language's text follows: the report's (`report/format.ts`),
 * so "n = 1234" reads as in the report beside it (Italian and Slovenian group from five digits).
 */
const INTEGER_TAGS: Record<ChartLanguage, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  it: 'it-IT',
  ro: 'ro-RO',
  sv: 'sv-SE',
  sl: 'sl-SI',
}

const integerFormats = new Map<ChartLanguage, Intl.NumberFormat>()

/**
 * Formats a whole number for text built outside Vega (titles, notes), as the report does.
 * @example formatInteger(1234567, 'sv') // '1 234 567' (no-break spaces)
 */
export function formatInteger(value: number, locale: ChartLocale): string {
  const language = chartLanguage(locale)
  let format = integerFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(INTEGER_TAGS[language], { maximumFractionDigits: 0 })
    integerFormats.set(language, format)
  }
  return format.format(Math.round(value)).replace(/-/g, '−')
}

/** The table's language of a locale: its primary language, `en` when it has no table. */
function chartLanguage(locale: string): ChartLanguage {
  const primary = locale.toLowerCase().split(/[-_]/)[0]
  return CHART_LANGUAGES.find((l) => l === primary) ?? 'en'
}
