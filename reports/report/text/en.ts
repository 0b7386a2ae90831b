/** English strings of the gap report (see `report/text/index.ts` for the keys). */
import type { ReportText } from './index.ts'

/** English: the fallback for every language without its own table. */
export const en: ReportText = {
  reportKind: 'Gap report',
  subtitle: (survey, version, scope) =>
    `Gap report · questionnaire ${survey}, version ${version} · ${scope}`,
  waveScope: (wave) => (wave === null ? 'all waves' : `wave ${wave}`),
  contents: 'Contents',
  files: 'Files',
  figure: 'Figure',
  groupWord: {
    region: {
      one: 'region',
      many: 'regions',
      column: 'Region',
      between: 'between regions',
      by: 'by region',
      inCount: (count, n) => `in ${n} ${count === 1 ? 'region' : 'regions'}`,
    },
    wave: {
      one: 'wave',
      many: 'waves',
      column: 'Wave',
      between: 'between waves',
      by: 'by wave',
      inCount: (count, n) => `in ${n} ${count === 1 ? 'wave' : 'waves'}`,
    },
    group: {
      one: 'group',
      many: 'groups',
      column: 'Group',
      between: 'between groups',
      by: 'by group',
      inCount: (count, n) => `in ${n} ${count === 1 ? 'group' : 'groups'}`,
    },
  },
  all: 'All',
  none: 'none',
  notStated: 'Not stated',
  suppressed: (k) => `n < ${k}`,
  hidden: 'hidden',
  dimension: 'Dimension',
  kind: { 'importance-performance': 'importance − performance', 'current-target': 'maturity' },
  kindTitle: {
    'importance-performance': 'importance − performance',
    'current-target': 'maturity, target − current',
  },
  type: 'Type',
  n: 'n',
  gap: 'Gap',
  ci: '95% interval',
  rank: 'Rank',
  listSeparator: '; ',
  sections: {
    summary: 'Summary',
    method: 'Method',
    figures: 'Figures reported by respondents',
    comparison: 'Comparison by dimension',
    ipa: 'Importance–performance analysis',
    maturity: 'Maturity today and target',
    waves: 'Change between waves',
    targetGroups: 'Target groups',
    barriers: 'Barriers',
    charts: 'Other results',
    openAnswers: 'Open answers',
    vote: 'Good-practice vote',
    codesign: 'Co-design priorities',
    indicators: 'Indicators',
    annexTables: 'Annex A: full tables',
    annexCodebook: 'Annex B: codebook',
    annexCharts: 'Annex C: charts and analysis notes',
  },
  summary: {
    intro: (n, groups, fieldwork, k, scope) =>
      `${n} respondents ${groups}, ${scope}${fieldwork ? `, ${fieldwork}` : ''}. Figures are shown only for groups of at least ${k} respondents.`,
    empty: 'No responses were counted, so the report has no figures.',
    onePerGroup:
      'Each group has at most one respondent (e.g. one consolidated questionnaire per partner): only description is honest, so no tests were run.',
    standsOutTitle: 'What stands out',
    scale: (low, high) => `scale ${low}–${high}`,
    largest: {
      'current-target': (dimension, gap, scale, sure) =>
        `Largest gap between today's maturity and the target: ${dimension}, on average ${gap} (${scale}) — ${sure}.`,
      'importance-performance': (dimension, gap, scale, sure) =>
        `Largest gap between importance and performance: ${dimension}, on average ${gap} (${scale}) — ${sure}.`,
    },
    standsOut: (dimension, between, high, low) =>
      `${dimension}: the gap differs clearly ${between}; largest in ${high}, smallest in ${low}.`,
    noneStandsOut: (kind, between) => `No ${kind} gap differs clearly ${between}.`,
    noComparison: (between, k) =>
      `No comparison ${between}: fewer than two have at least ${k} respondents.`,
    protectedGroups: (list, k) =>
      `Not shown, to protect respondents: ${list} (fewer than ${k} respondents).`,
    topOverall: (kind, scale) => `Largest gaps, all respondents: ${kind} (${scale})`,
    topByGroup: (word, kind, scale) => `Largest gaps ${word.by}: ${kind} (${scale})`,
    topHead: ['1st', '2nd', '3rd'],
    sureHead: 'How sure',
    sure: {
      clear: 'clear gap',
      includesZero: 'no clear gap',
      fewAnswers: 'uncertain, few answers',
      wide: 'uncertain, answers vary widely',
      protected: 'not shown to protect respondents',
    },
    practices: 'Practices worth transferring',
    practicesFrom: (ballots) =>
      `From the good-practice vote (${ballots} ballots; Borda count 3/2/1, votes for the voter's own region left out, ties broken by mean transferability).`,
    practiceHead: ['Rank', 'Practice', 'Borda points', 'First places', 'Mean transferability'],
    noVote: 'No good-practice vote results were available for this report',
    noVoteReason: {
      'no-questionnaire': ': no questionnaire declares a vote ("gapkit": {"analysis": "vote"})',
      'no-ballots': ': no ballots have been counted yet',
    },
    seeVoteSection: 'The ranking of the practices is in the section "Good-practice vote".',
  },
  method: {
    questionnaire: 'Questionnaire',
    questionnaireValue: (title, survey, version) => `${title} (${survey}), version ${version}`,
    versions: 'Versions answered',
    versionsMany: (list) => `${list}; all are read through the current version`,
    counted: 'Responses counted',
    countedSubmitted: 'submitted responses (drafts and rejected responses left out)',
    countedDrafts: 'submitted responses and drafts (rejected responses left out)',
    wave: 'Waves',
    allWaves: 'all waves',
    waveOnly: (wave) => `wave ${wave} only`,
    grouping: 'Comparison',
    groupingBy: (word) => word.by,
    fieldwork: 'Fieldwork',
    fieldworkRange: (from, to) => (from === to ? from : `${from} to ${to}`),
    noDates: 'no submission dates',
    respondents: 'Respondents',
    respondentsValue: (n, groups) => `${n} ${groups}`,
    suppression: 'Small groups',
    suppressionValue: (k) =>
      `groups and cells with fewer than ${k} respondents show "n < ${k}" and no figures; a neighbouring cell is hidden too when totals would reveal a hidden one`,
    respondentsTitle: 'Respondents by region and stakeholder type',
    respondentsCaption: 'Counted respondents by stakeholder type and region',
    respondentsNote: (k) =>
      `Cells of 1 to ${k - 1} respondents show "n < ${k}"; "hidden" cells are hidden so that the totals cannot reveal them.`,
    stakeholder: 'Stakeholder type',
    total: 'Total',
    scales: 'Scales',
    scaleHead: ['Scale', 'Values'],
    scalesNote:
      'Labels as in the questionnaire. Importance and performance are rated 1–5; maturity levels run from 0 (absent) upward.',
    dkTitle: '"Don\'t know" and missing answers',
    dk: (codes) =>
      `"Don't know" is its own answer, never a scale value: it is counted separately and never enters n, means, gaps or percentages. Codes treated this way: ${codes}. A gap is computed only for respondents who gave both values.`,
    statistics: 'Statistics',
    wilson: 'Percentages carry Wilson 95% intervals.',
    bootstrap: (b, seed, maxN) =>
      `Means and gaps carry 95% percentile bootstrap intervals (B = ${b}, seeded with ${seed}, so the same data always gives the same report; normal approximation above n = ${maxN}).`,
    paired:
      "A gap is the mean of each respondent's own target − current (paired); positive means the region is below where it needs to be.",
    tests:
      "Differences between groups: Kruskal–Wallis for ratings and gaps (permutation p-value for small groups; effect size ε²), χ² for answer shares (Cramér's V), Fisher's exact test for 2 × 2 tables with small expected counts.",
    adjustment: (family) =>
      `The ${family} p-values of the analysis are adjusted together, with Holm (family-wise error) and Benjamini–Hochberg (false discovery rate). All tests are exploratory.`,
    fewGroups: (k) => `Fewer than two groups have at least ${k} respondents, so no tests were run.`,
    ipaCrosshair:
      "IPA cross-hairs are each group's mean importance and performance over its dimensions; read a quadrant together with the gap (the diagonal is importance = performance).",
    borda:
      'Rankings use the Borda count: the first place gets as many points as there are places, the last one point.',
    sureness: (n, share) =>
      `In the summary, a gap is called clear when its 95% interval excludes zero and at least ${n} respondents gave both values; uncertain when fewer did or when the interval is wider than ${share} of the scale; "no clear gap" when the interval includes zero.`,
    standsOut: (between) =>
      `The summary says that a gap differs clearly ${between} when its exploratory Kruskal–Wallis test gives a Holm-adjusted p below 0.05.`,
    caveatTitle: 'Caveat',
    caveat:
      'The ratings are self-assessments by stakeholders of their own region: they show where each region sees its own gaps, not absolute benchmarks. Compare regions with care, and read the figures together with the regional indicators and the open answers.',
  },
  gaps: {
    comparisonIntro:
      'The gap of a dimension is target − current (importance − performance, or targeted − current maturity), averaged over respondents: the larger, the further the region is from where it needs to be.',
    comparisonCaption: (word, kind) => `Gap by dimension and ${word.one}: ${kind}`,
    comparisonNote: (k) =>
      `Mean paired gap. "n < ${k}": fewer than ${k} respondents; "hidden": hidden so that totals cannot reveal a small group. p (Holm): exploratory Kruskal–Wallis test across groups, Holm-adjusted.`,
    pHolm: 'p (Holm)',
    ipaIntro:
      'Importance–performance analysis places each dimension by its mean performance (x) and importance (y). Concentrate here: high importance, low performance; keep up the good work: both high; low priority: both low; possible overkill: performance above importance.',
    ipaOverallCaption: 'Importance, performance and gap, all respondents',
    ipaQuadrantCaption: (word) => `IPA quadrant by dimension and ${word.one}`,
    importance: 'Importance',
    performance: 'Performance',
    quadrant: 'Quadrant',
    quadrants: {
      'concentrate-here': 'Concentrate here',
      'keep-up-the-good-work': 'Keep up the good work',
      'low-priority': 'Low priority',
      'possible-overkill': 'Possible overkill',
    },
    maturityIntro:
      "Maturity is rated today and as targeted; the gap is the mean of each respondent's target − current level.",
    maturityCaption: 'Maturity today and target, all respondents',
    maturityByGroupCaption: (word) => `Maturity today → target ${word.by}`,
    maturityByGroupNote: 'Mean level today → mean target level, of respondents who gave both.',
    current: 'Today',
    target: 'Target',
    wavesIntro: (from, to) =>
      `Change of each dimension's mean gap from wave ${from} to wave ${to}, by region. The waves have different respondents: a change is a difference of two means, not a panel.`,
    wavesCaption: (from, to) => `Change of the gap from wave ${from} to wave ${to}`,
    wavesNote: 'Change (gap in the first wave → gap in the second); negative: the gap narrowed.',
    waveHas: (wave, n, count, paired) =>
      `wave ${wave} has ${count} ${n === 1 ? 'response' : 'responses'}${paired === null ? '' : `, ${paired} of them with both sides of a dimension answered`}`,
    wavesNone: (list, k, requested) =>
      requested
        ? `${list} so far: the waves asked for cannot be compared yet, each needs at least ${k} respondents who answered both sides of a dimension.`
        : `${list} so far: no comparison between waves yet, it needs two waves with at least ${k} respondents each who answered both sides of a dimension.`,
    wavesLeftOut: (list, count, k) =>
      `${list} so far and ${count === 1 ? 'is' : 'are'} not compared yet: a wave needs at least ${k} respondents who answered both sides of a dimension.`,
  },
  questions: {
    figuresIntro:
      'Figures such as regional indicators, as reported by respondents: the median of the answers given, with the number of respondents who gave one. Where respondents named their sources, the sources are among the open answers.',
    medianCaption: (title) => `${title}: median (n)`,
    medianNote: 'Median and, in brackets, respondents who gave a figure.',
    targetGroupsIntro:
      'Access to finance and priority of each target group, as rated by respondents.',
    meanCaption: (title) => `${title}: mean by group`,
    meanNote: (low, high) => `Mean rating, from "${low}" to "${high}".`,
    meanCells: (word) =>
      `All: mean of all respondents, with its 95% interval and n; ${word.by}: mean (n).`,
    barriersIntro: 'Share of respondents naming each barrier.',
    percentCaption: (title) => `${title}: share of respondents`,
    percentNote: (multi) =>
      multi
        ? 'Share of respondents who chose the option (several answers possible).'
        : 'Share of respondents who chose the option.',
    ratings: 'Ratings',
    shares: 'Answer shares',
    rankings: 'Rankings',
    otherFigures: 'Other figures',
  },
  answers: {
    intro: (max, k) =>
      `Open answers as written, cut at ${max} characters; e-mail addresses and phone numbers are removed; identical answers are shown once with their count. Groups of fewer than ${k} respondents are not shown.`,
    groupHeading: (label, n) => `${label} (n = ${n})`,
    suppressed: (k) => `n < ${k}: answers not shown.`,
    noAnswers: 'No answers.',
    more: (count) => `… and ${count} more.`,
    email: '[e-mail removed]',
    phone: '[phone removed]',
    none: 'The questionnaire has no open questions with answers.',
  },
  special: {
    voteIntro: (ballots) =>
      `${ballots} ballots. Each partner scores the practices of other regions 1–5 and ranks its top three (Borda count 3/2/1; votes for the voter's own region are left out; ties are broken by mean transferability).`,
    voteCaption: 'Ranking of the practices',
    voteHead: [
      'Rank',
      'Practice',
      'Borda points',
      'First places',
      'Ranked by',
      'Mean transferability (n)',
    ],
    criteriaCaption: 'Mean score by criterion (1–5)',
    ballotsCaption: 'Ballots by region',
    ballotsHead: ['Region', 'Ballots'],
    excluded: (votes, scores) =>
      `Left out because they concerned the voter's own region: ${votes} ranking entries and ${scores} score rows.`,
    codesignIntro: (sheets) =>
      `${sheets} workshop sheets. Each subgroup ranks its priority challenges; a sheet ranking k challenges gives k points to the first and 1 to the last.`,
    challengesCaption: 'Priority challenges, all sheets',
    challengesHead: ['Rank', 'Challenge', 'Borda points', 'First places', 'Sheets', 'Mean rank'],
    subgroupsCaption: 'Top challenges by subgroup',
    productsCaption: 'Financial product types proposed',
    ratingsCaption: 'Expected effects and feasibility (mean, 1–5)',
    indicatorsIntro: (reports) =>
      `${reports} indicator reports. Totals per region and period; ratios only over reports that passed the consistency checks.`,
    latestCaption: 'Latest period by region',
    indicatorHead: [
      'Region',
      'Period',
      'Reports',
      'Members',
      'Active borrowers',
      'Women',
      'Youth',
      'Outstanding portfolio',
      'Savings',
      'PAR30',
    ],
    flagsCaption: 'Consistency checks',
    flagsHead: ['Check', 'Reports flagged'],
    flags: {
      'missing-required': 'Required figure missing',
      'women-over-borrowers': 'Women borrowers above all borrowers',
      'youth-over-borrowers': 'Young borrowers above all borrowers',
      'par-out-of-range': 'PAR30 outside 0–100%',
      'future-period': 'Period in the future',
      duplicate: 'Duplicate report (earlier one left out)',
    },
  },
  annex: {
    tablesIntro:
      'Every item of the questionnaire by group. Suppressed groups show "n < k" only. Open-answer texts are in the section "Open answers".',
    meanCell: 'mean (n)',
    numericCaption: (title) => `${title}: mean (n)`,
    numericNote:
      'Mean and, in brackets, respondents with a scale value. p: exploratory Kruskal–Wallis test, Holm-adjusted.',
    choiceCaption: (title) => `${title}: share of respondents`,
    rankingCaption: (title) => `${title}: Borda points`,
    rankingNote: 'Borda points summed over respondents; first row: respondents who ranked.',
    textCaption: 'Open questions: respondents who answered',
    textNote: 'Texts are in the section "Open answers".',
    item: 'Item',
    option: 'Answer',
    test: 'p (Holm)',
    codebookHead: ['Code', 'Type', 'Question', 'Answer codes'],
    chartsHead: ['Figure', 'Title', 'File name'],
    same: 'idem',
    notes: 'Notes of the analysis',
  },
  notes: {
    counted: (n, drafts, scope) =>
      `${n} responses counted (${drafts ? 'submitted and drafts' : 'submitted only; drafts left out'}), ${scope}.`,
    scopeWave: (wave) => `wave ${wave} only`,
    scopeLatest: (wave, k) =>
      `wave ${wave} only (by default the latest wave with at least ${k} respondents)`,
    scopeLatestSmall: (wave, k) =>
      `wave ${wave} only (by default the latest wave; none has ${k} respondents)`,
    scopeAll: 'all waves',
    scopeAllByWave: 'all waves (the default when grouping by wave)',
    scopeAllIndicators: 'all waves (the default for periodic indicator reports)',
    excluded: (n, question) =>
      `${n} responses without a usable answer to "${question}" are left out of every figure.`,
    versions: (count, version) =>
      `Responses answered ${count} questionnaire versions; all are read through the current version ${version}.`,
    dk: '"Don\'t know" and other answers outside an item\'s scale are counted apart and never enter n, means or percentages.',
    suppression: (k) =>
      `Cells with fewer than ${k} respondents show only their n; some other cells are hidden too, so that no total minus the visible cells reveals them.`,
    noPValues:
      'No item had two visible groups with answers to compare, so no p-values were computed.',
    wavesLatest: (from, to, k, leftOut) =>
      `Waves: change of each dimension's mean gap from ${from} to ${to} (the two latest waves with at least ${k} respondents who answered both sides of a dimension${leftOut === null ? '' : `; not compared yet: ${leftOut}`}), by region, between different respondents, whatever the wave of the other figures.`,
    wavesRequested: (from, to) =>
      `Waves: change of each dimension's mean gap from ${from} to ${to} (the waves asked for), by region, between different respondents, whatever the wave of the other figures.`,
    noWavesOne: (wave) =>
      `No comparison between waves: every counted response is from wave ${wave}.`,
    noWavesFew: (k, counts) =>
      `No comparison between waves: it needs two waves with at least ${k} respondents who answered both sides of a dimension (${counts ?? 'none'}).`,
    rankings:
      'Rankings: Borda points — the first place gets m points, the next one fewer, where m is the number of places asked for (e.g. 3/2/1 for a top 3) or else the number of options; the mean rank is the mean position among those who placed the option.',
    skipped: (list) => `Not summarised (unsupported type): ${list}.`,
    notNumeric: (dimension, path) => `Dimension "${dimension}": "${path}" is not a numeric item.`,
    asWritten: (note) => note,
  },
}
