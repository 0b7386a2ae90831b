/** French strings of the gap report (see `report/text/index.ts` for the keys). */
import type { ReportText } from './index.ts'

/** French: typographic apostrophes, « guillemets », no-break space before `:` is left to fonts. */
export const fr: ReportText = {
  reportKind: 'Rapport d’analyse des écarts',
  subtitle: (survey, version, scope) =>
    `Rapport d’analyse des écarts · questionnaire ${survey}, version ${version} · ${scope}`,
  waveScope: (wave) => (wave === null ? 'toutes les vagues' : `vague ${wave}`),
  contents: 'Sommaire',
  files: 'Fichiers',
  figure: 'Figure',
  groupWord: {
    region: {
      one: 'région',
      many: 'régions',
      column: 'Région',
      between: 'entre les régions',
      by: 'par région',
      inCount: (count, n) => `dans ${n} ${count === 1 ? 'région' : 'régions'}`,
    },
    wave: {
      one: 'vague',
      many: 'vagues',
      column: 'Vague',
      between: 'entre les vagues',
      by: 'par vague',
      inCount: (count, n) => `dans ${n} ${count === 1 ? 'vague' : 'vagues'}`,
    },
    group: {
      one: 'groupe',
      many: 'groupes',
      column: 'Groupe',
      between: 'entre les groupes',
      by: 'par groupe',
      inCount: (count, n) => `dans ${n} ${count === 1 ? 'groupe' : 'groupes'}`,
    },
  },
  all: 'Ensemble',
  none: 'aucun',
  notStated: 'Non précisé',
  suppressed: (k) => `n < ${k}`,
  hidden: 'masqué',
  dimension: 'Dimension',
  kind: { 'importance-performance': 'importance − performance', 'current-target': 'maturité' },
  kindTitle: {
    'importance-performance': 'importance − performance',
    'current-target': 'maturité, cible − actuel',
  },
  type: 'Type',
  n: 'n',
  gap: 'Écart',
  ci: 'Intervalle à 95 %',
  rank: 'Rang',
  listSeparator: ' ; ',
  sections: {
    summary: 'Synthèse',
    method: 'Méthode',
    figures: 'Chiffres déclarés par les répondants',
    comparison: 'Comparaison par dimension',
    ipa: 'Analyse importance–performance',
    maturity: 'Maturité actuelle et cible',
    waves: 'Évolution entre les vagues',
    targetGroups: 'Publics cibles',
    barriers: 'Obstacles',
    charts: 'Autres résultats',
    openAnswers: 'Réponses ouvertes',
    vote: 'Vote des bonnes pratiques',
    codesign: 'Priorités de co-conception',
    indicators: 'Indicateurs',
    annexTables: 'Annexe A : tableaux complets',
    annexCodebook: 'Annexe B : dictionnaire des codes',
    annexCharts: 'Annexe C : graphiques et notes d’analyse',
  },
  summary: {
    intro: (n, groups, fieldwork, k, scope) =>
      `${n} répondants ${groups}, ${scope}${fieldwork ? `, ${fieldwork}` : ''}. Les résultats ne sont présentés que pour les groupes d’au moins ${k} répondants.`,
    empty: 'Aucune réponse n’a été retenue : le rapport ne contient pas de résultats.',
    onePerGroup:
      'Chaque groupe compte au plus un répondant (par exemple un questionnaire consolidé par partenaire) : seule la description est honnête, aucun test n’a donc été effectué.',
    standsOutTitle: 'Ce qui ressort',
    scale: (low, high) => `échelle de ${low} à ${high}`,
    largest: {
      'current-target': (dimension, gap, scale, sure) =>
        `Écart le plus important entre la maturité actuelle et la cible : ${dimension}, en moyenne ${gap} (${scale}) — ${sure}.`,
      'importance-performance': (dimension, gap, scale, sure) =>
        `Écart le plus important entre l’importance et la performance : ${dimension}, en moyenne ${gap} (${scale}) — ${sure}.`,
    },
    standsOut: (dimension, between, high, low) =>
      `${dimension} : l’écart diffère nettement ${between} ; le plus élevé : ${high}, le plus faible : ${low}.`,
    noneStandsOut: (kind, between) =>
      `Aucun écart de type « ${kind} » ne diffère nettement ${between}.`,
    noComparison: (between, k) =>
      `Pas de comparaison ${between} : moins de deux en comptent au moins ${k} répondants.`,
    protectedGroups: (list, k) =>
      `Non présentés, pour protéger les répondants : ${list} (moins de ${k} répondants).`,
    topOverall: (kind, scale) =>
      `Écarts les plus importants, ensemble des répondants : ${kind} (${scale})`,
    topByGroup: (word, kind, scale) => `Écarts les plus importants ${word.by} : ${kind} (${scale})`,
    topHead: ['1er', '2e', '3e'],
    sureHead: 'Degré de certitude',
    sure: {
      clear: 'écart net',
      includesZero: 'pas d’écart net',
      fewAnswers: 'incertain, trop peu de réponses',
      wide: 'incertain, réponses très dispersées',
      protected: 'non présenté pour protéger les répondants',
    },
    practices: 'Pratiques à transférer',
    practicesFrom: (ballots) =>
      `D’après le vote des bonnes pratiques (${ballots} bulletins ; méthode de Borda 3/2/1, votes pour la région du votant écartés, égalités départagées par la transférabilité moyenne).`,
    practiceHead: [
      'Rang',
      'Pratique',
      'Points Borda',
      'Premières places',
      'Transférabilité moyenne',
    ],
    noVote: 'Aucun résultat du vote des bonnes pratiques n’était disponible pour ce rapport',
    noVoteReason: {
      'no-questionnaire':
        ' : aucun questionnaire ne déclare de vote (« gapkit » : { « analysis » : « vote » })',
      'no-ballots': ' : aucun bulletin n’a encore été retenu',
    },
    seeVoteSection:
      'Le classement des pratiques figure dans la section « Vote des bonnes pratiques ».',
  },
  method: {
    questionnaire: 'Questionnaire',
    questionnaireValue: (title, survey, version) => `${title} (${survey}), version ${version}`,
    versions: 'Versions renseignées',
    versionsMany: (list) => `${list} ; toutes sont lues selon la version actuelle`,
    counted: 'Réponses retenues',
    countedSubmitted: 'réponses envoyées (brouillons et réponses rejetées écartés)',
    countedDrafts: 'réponses envoyées et brouillons (réponses rejetées écartées)',
    wave: 'Vagues',
    allWaves: 'toutes les vagues',
    waveOnly: (wave) => `vague ${wave} uniquement`,
    grouping: 'Comparaison',
    groupingBy: (word) => word.by,
    fieldwork: 'Collecte',
    fieldworkRange: (from, to) => (from === to ? `le ${from}` : `du ${from} au ${to}`),
    noDates: 'aucune date d’envoi',
    respondents: 'Répondants',
    respondentsValue: (n, groups) => `${n} ${groups}`,
    suppression: 'Petits groupes',
    suppressionValue: (k) =>
      `les groupes et cellules de moins de ${k} répondants affichent « n < ${k} » sans résultat ; une cellule voisine est aussi masquée quand les totaux permettraient de retrouver une cellule masquée`,
    respondentsTitle: 'Répondants par région et type d’acteur',
    respondentsCaption: 'Répondants retenus par type d’acteur et par région',
    respondentsNote: (k) =>
      `Les cellules de 1 à ${k - 1} répondants affichent « n < ${k} » ; les cellules « masqué » le sont pour que les totaux ne permettent pas de les retrouver.`,
    stakeholder: 'Type d’acteur',
    total: 'Total',
    scales: 'Échelles',
    scaleHead: ['Échelle', 'Valeurs'],
    scalesNote:
      'Libellés du questionnaire. L’importance et la performance sont notées de 1 à 5 ; les niveaux de maturité vont de 0 (inexistant) vers le haut.',
    dkTitle: 'Réponses « ne sait pas » et réponses manquantes',
    dk: (codes) =>
      `« Ne sait pas » est une réponse à part entière, jamais une valeur de l’échelle : elle est comptée à part et n’entre jamais dans n, les moyennes, les écarts ou les pourcentages. Codes concernés : ${codes}. Un écart n’est calculé que pour les répondants ayant donné les deux valeurs.`,
    statistics: 'Statistiques',
    wilson: 'Les pourcentages sont accompagnés d’intervalles de Wilson à 95 %.',
    bootstrap: (b, seed, maxN) =>
      `Les moyennes et les écarts sont accompagnés d’intervalles bootstrap percentiles à 95 % (B = ${b}, graine ${seed} : les mêmes données donnent toujours le même rapport ; approximation normale au-delà de n = ${maxN}).`,
    paired:
      'Un écart est la moyenne, sur les répondants, de leur propre différence cible − actuel (données appariées) ; un écart positif signifie que la région est en deçà du niveau nécessaire.',
    tests:
      'Différences entre groupes : test de Kruskal–Wallis pour les notes et les écarts (p par permutation pour les petits groupes ; taille d’effet ε²), χ² pour les parts de réponses (V de Cramér), test exact de Fisher pour les tableaux 2 × 2 à faibles effectifs attendus.',
    adjustment: (family) =>
      `Les ${family} valeurs p de l’analyse sont corrigées ensemble, par les méthodes de Holm (erreur de famille) et de Benjamini–Hochberg (taux de fausses découvertes). Tous les tests sont exploratoires.`,
    fewGroups: (k) =>
      `Moins de deux groupes comptent au moins ${k} répondants : aucun test n’a été effectué.`,
    ipaCrosshair:
      'Les axes de l’analyse importance–performance sont, pour chaque groupe, la moyenne de l’importance et de la performance sur ses dimensions ; un quadrant se lit avec l’écart (la diagonale correspond à importance = performance).',
    borda:
      'Les classements utilisent la méthode de Borda : la première place reçoit autant de points qu’il y a de places, la dernière un point.',
    sureness: (n, share) =>
      `Dans la synthèse, un écart est dit net lorsque son intervalle de confiance à 95 % exclut zéro et qu’au moins ${n} répondants ont donné les deux valeurs ; incertain lorsqu’ils sont moins nombreux ou que l’intervalle dépasse ${share} de l’échelle ; « pas d’écart net » lorsque l’intervalle inclut zéro.`,
    standsOut: (between) =>
      `La synthèse indique qu’un écart diffère nettement ${between} lorsque son test exploratoire de Kruskal–Wallis donne une valeur p corrigée par Holm inférieure à 0,05.`,
    caveatTitle: 'Précaution de lecture',
    caveat:
      'Les notes sont des auto-évaluations des acteurs sur leur propre région : elles montrent où chaque région situe ses propres écarts, pas des références absolues. Comparez les régions avec prudence et lisez les chiffres avec les indicateurs régionaux et les réponses ouvertes.',
  },
  gaps: {
    comparisonIntro:
      'L’écart d’une dimension est cible − actuel (importance − performance, ou maturité visée − actuelle), en moyenne sur les répondants : plus il est grand, plus la région est loin du niveau nécessaire.',
    comparisonCaption: (word, kind) => `Écart par dimension et ${word.by} : ${kind}`,
    comparisonNote: (k) =>
      `Écart moyen apparié. « n < ${k} » : moins de ${k} répondants ; « masqué » : masqué pour que les totaux ne révèlent pas un petit groupe. p (Holm) : test exploratoire de Kruskal–Wallis entre groupes, corrigé par Holm.`,
    pHolm: 'p (Holm)',
    ipaIntro:
      'L’analyse importance–performance place chaque dimension selon sa performance moyenne (x) et son importance (y). Priorité d’action : importance forte, performance faible ; maintenir l’effort : les deux élevées ; faible priorité : les deux faibles ; effort peut-être excessif : performance supérieure à l’importance.',
    ipaOverallCaption: 'Importance, performance et écart, ensemble des répondants',
    ipaQuadrantCaption: (word) => `Quadrant par dimension et ${word.by}`,
    importance: 'Importance',
    performance: 'Performance',
    quadrant: 'Quadrant',
    quadrants: {
      'concentrate-here': 'Priorité d’action',
      'keep-up-the-good-work': 'Maintenir l’effort',
      'low-priority': 'Faible priorité',
      'possible-overkill': 'Effort peut-être excessif',
    },
    maturityIntro:
      'La maturité est notée aujourd’hui et au niveau visé ; l’écart est la moyenne, sur les répondants, de leur niveau visé − niveau actuel.',
    maturityCaption: 'Maturité actuelle et cible, ensemble des répondants',
    maturityByGroupCaption: (word) => `Maturité actuelle → cible ${word.by}`,
    maturityByGroupNote:
      'Niveau moyen actuel → niveau moyen visé, pour les répondants ayant donné les deux.',
    current: 'Actuel',
    target: 'Cible',
    wavesIntro: (from, to) =>
      `Évolution de l’écart moyen de chaque dimension de la vague ${from} à la vague ${to}, par région. Les répondants diffèrent d’une vague à l’autre : une évolution est une différence de deux moyennes, pas un suivi de panel.`,
    wavesCaption: (from, to) => `Évolution de l’écart de la vague ${from} à la vague ${to}`,
    wavesNote:
      'Évolution (écart de la première vague → écart de la seconde) ; valeur négative : l’écart s’est réduit.',
    waveHas: (wave, n, count, paired) =>
      `la vague ${wave} compte ${count} ${n === 1 ? 'réponse' : 'réponses'}${paired === null ? '' : `, dont ${paired} renseignant les deux volets d’une dimension`}`,
    wavesNone: (list, k, requested) =>
      requested
        ? `${list} pour l’instant : les vagues demandées ne peuvent pas encore être comparées, chacune doit compter au moins ${k} répondants ayant renseigné les deux volets d’une dimension.`
        : `${list} pour l’instant : pas encore de comparaison entre vagues, il en faut deux comptant chacune au moins ${k} répondants ayant renseigné les deux volets d’une dimension.`,
    wavesLeftOut: (list, count, k) =>
      `${list} pour l’instant et ${count === 1 ? 'n’est pas encore comparée' : 'ne sont pas encore comparées'} : une vague doit compter au moins ${k} répondants ayant renseigné les deux volets d’une dimension.`,
  },
  questions: {
    figuresIntro:
      'Chiffres tels que les indicateurs régionaux, déclarés par les répondants : médiane des réponses données, avec le nombre de répondants en ayant donné une. Lorsque les répondants ont cité leurs sources, elles figurent parmi les réponses ouvertes.',
    medianCaption: (title) => `${title} : médiane (n)`,
    medianNote: 'Médiane et, entre parenthèses, nombre de répondants ayant donné un chiffre.',
    targetGroupsIntro:
      'Accès au financement et priorité de chaque public cible, selon les répondants.',
    meanCaption: (title) => `${title} : moyenne par groupe`,
    meanNote: (low, high) => `Note moyenne, de « ${low} » à « ${high} ».`,
    meanCells: (word) =>
      `Ensemble : moyenne de tous les répondants, avec son intervalle à 95 % et n ; ${word.by} : moyenne (n).`,
    barriersIntro: 'Part des répondants citant chaque obstacle.',
    percentCaption: (title) => `${title} : part des répondants`,
    percentNote: (multi) =>
      multi
        ? 'Part des répondants ayant choisi la réponse (plusieurs réponses possibles).'
        : 'Part des répondants ayant choisi la réponse.',
    ratings: 'Notes',
    shares: 'Parts des réponses',
    rankings: 'Classements',
    otherFigures: 'Autres figures',
  },
  answers: {
    intro: (max, k) =>
      `Réponses ouvertes telles que rédigées, coupées à ${max} caractères ; les adresses électroniques et numéros de téléphone sont supprimés ; les réponses identiques n’apparaissent qu’une fois avec leur nombre. Les groupes de moins de ${k} répondants ne sont pas présentés.`,
    groupHeading: (label, n) => `${label} (n = ${n})`,
    suppressed: (k) => `n < ${k} : réponses non présentées.`,
    noAnswers: 'Aucune réponse.',
    more: (count) => `… et ${count} autres.`,
    email: '[courriel supprimé]',
    phone: '[téléphone supprimé]',
    none: 'Le questionnaire ne comporte pas de question ouverte ayant reçu des réponses.',
  },
  special: {
    voteIntro: (ballots) =>
      `${ballots} bulletins. Chaque partenaire note de 1 à 5 les pratiques des autres régions et classe ses trois préférées (méthode de Borda 3/2/1 ; les votes pour la région du votant sont écartés ; égalités départagées par la transférabilité moyenne).`,
    voteCaption: 'Classement des pratiques',
    voteHead: [
      'Rang',
      'Pratique',
      'Points Borda',
      'Premières places',
      'Classée par',
      'Transférabilité moyenne (n)',
    ],
    criteriaCaption: 'Note moyenne par critère (1 à 5)',
    ballotsCaption: 'Bulletins par région',
    ballotsHead: ['Région', 'Bulletins'],
    excluded: (votes, scores) =>
      `Écartés car ils portaient sur la région du votant : ${votes} choix de classement et ${scores} lignes de notes.`,
    codesignIntro: (sheets) =>
      `${sheets} fiches d’atelier. Chaque sous-groupe classe ses défis prioritaires ; une fiche classant k défis donne k points au premier et 1 au dernier.`,
    challengesCaption: 'Défis prioritaires, toutes les fiches',
    challengesHead: ['Rang', 'Défi', 'Points Borda', 'Premières places', 'Fiches', 'Rang moyen'],
    subgroupsCaption: 'Défis prioritaires par sous-groupe',
    productsCaption: 'Types de produits financiers proposés',
    ratingsCaption: 'Effets attendus et faisabilité (moyenne, 1 à 5)',
    indicatorsIntro: (reports) =>
      `${reports} rapports d’indicateurs. Totaux par région et par période ; ratios calculés sur les seuls rapports cohérents.`,
    latestCaption: 'Dernière période par région',
    indicatorHead: [
      'Région',
      'Période',
      'Rapports',
      'Membres',
      'Emprunteurs actifs',
      'Femmes',
      'Jeunes',
      'Encours de crédit',
      'Épargne',
      'PAR30',
    ],
    flagsCaption: 'Contrôles de cohérence',
    flagsHead: ['Contrôle', 'Rapports signalés'],
    flags: {
      'missing-required': 'Donnée obligatoire manquante',
      'women-over-borrowers': 'Emprunteuses plus nombreuses que l’ensemble des emprunteurs',
      'youth-over-borrowers': 'Jeunes emprunteurs plus nombreux que l’ensemble des emprunteurs',
      'par-out-of-range': 'PAR30 hors de 0–100 %',
      'future-period': 'Période future',
      duplicate: 'Rapport en double (le plus ancien est écarté)',
    },
  },
  annex: {
    tablesIntro:
      'Chaque élément du questionnaire par groupe. Les groupes masqués affichent seulement « n < k ». Les textes des réponses ouvertes figurent dans la section « Réponses ouvertes ».',
    meanCell: 'moyenne (n)',
    numericCaption: (title) => `${title} : moyenne (n)`,
    numericNote:
      'Moyenne et, entre parenthèses, nombre de répondants ayant donné une valeur de l’échelle. p : test exploratoire de Kruskal–Wallis, corrigé par Holm.',
    choiceCaption: (title) => `${title} : part des répondants`,
    rankingCaption: (title) => `${title} : points Borda`,
    rankingNote:
      'Points Borda additionnés sur les répondants ; première ligne : répondants ayant classé.',
    textCaption: 'Questions ouvertes : répondants ayant répondu',
    textNote: 'Les textes figurent dans la section « Réponses ouvertes ».',
    item: 'Élément',
    option: 'Réponse',
    test: 'p (Holm)',
    codebookHead: ['Code', 'Type', 'Question', 'Codes de réponse'],
    chartsHead: ['Figure', 'Titre', 'Nom de fichier'],
    same: 'idem',
    notes: 'Notes de l’analyse',
  },
  notes: {
    counted: (n, drafts, scope) =>
      `${n} réponses retenues (${drafts ? 'réponses envoyées et brouillons' : 'réponses envoyées seulement, brouillons écartés'}), ${scope}.`,
    scopeWave: (wave) => `vague ${wave} uniquement`,
    scopeLatest: (wave, k) =>
      `vague ${wave} uniquement (par défaut, la dernière vague comptant au moins ${k} répondants)`,
    scopeLatestSmall: (wave, k) =>
      `vague ${wave} uniquement (par défaut, la dernière vague ; aucune ne compte ${k} répondants)`,
    scopeAll: 'toutes les vagues',
    scopeAllByWave: 'toutes les vagues (par défaut lorsque la comparaison se fait par vague)',
    scopeAllIndicators:
      'toutes les vagues (par défaut pour les rapports périodiques d’indicateurs)',
    excluded: (n, question) =>
      `${n} réponses sans réponse exploitable à « ${question} » sont écartées de tous les résultats.`,
    versions: (count, version) =>
      `Les réponses portent sur ${count} versions du questionnaire ; toutes sont lues selon la version actuelle ${version}.`,
    dk: '« Ne sait pas » et les autres réponses hors de l’échelle d’un élément sont comptés à part et n’entrent jamais dans n, les moyennes ou les pourcentages.',
    suppression: (k) =>
      `Les cellules de moins de ${k} répondants n’affichent que leur n ; d’autres cellules sont aussi masquées, pour qu’aucun total diminué des cellules visibles ne les révèle.`,
    noPValues:
      'Aucun élément ne comptait deux groupes visibles ayant répondu : aucune valeur p n’a été calculée.',
    wavesLatest: (from, to, k, leftOut) =>
      `Vagues : évolution de l’écart moyen de chaque dimension de ${from} à ${to} (les deux dernières vagues comptant au moins ${k} répondants ayant renseigné les deux volets d’une dimension${leftOut === null ? '' : ` ; pas encore comparées : ${leftOut}`}), par région, entre répondants différents, quelle que soit la vague des autres résultats.`,
    wavesRequested: (from, to) =>
      `Vagues : évolution de l’écart moyen de chaque dimension de ${from} à ${to} (les vagues demandées), par région, entre répondants différents, quelle que soit la vague des autres résultats.`,
    noWavesOne: (wave) =>
      `Pas de comparaison entre vagues : toutes les réponses retenues sont de la vague ${wave}.`,
    noWavesFew: (k, counts) =>
      `Pas de comparaison entre vagues : il en faut deux comptant chacune au moins ${k} répondants ayant renseigné les deux volets d’une dimension (${counts ?? 'aucune'}).`,
    rankings:
      'Classements : points Borda — la première place reçoit m points, la suivante un de moins, m étant le nombre de places demandées (par exemple 3/2/1 pour un trio de tête) ou, à défaut, le nombre d’options ; le rang moyen est la position moyenne parmi ceux qui ont classé l’option.',
    skipped: (list) => `Non résumés (type non pris en charge) : ${list}.`,
    notNumeric: (dimension, path) =>
      `Dimension « ${dimension} » : « ${path} » n’est pas un élément numérique.`,
    asWritten: (note) => `${note} (en anglais, tel que rédigé par l’analyse)`,
  },
}
