/** Italian strings of the gap report (see `report/text/index.ts` for the keys). */
import type { ReportText } from './index.ts'

/** Italian: the register of an official report, typographic apostrophes, «caporali». */
export const it: ReportText = {
  reportKind: 'Rapporto di analisi dei divari',
  subtitle: (survey, version, scope) =>
    `Rapporto di analisi dei divari · questionario ${survey}, versione ${version} · ${scope}`,
  waveScope: (wave) => (wave === null ? 'tutte le ondate' : `ondata ${wave}`),
  contents: 'Indice',
  files: 'File',
  figure: 'Figura',
  groupWord: {
    region: {
      one: 'regione',
      many: 'regioni',
      column: 'Regione',
      between: 'tra le regioni',
      by: 'per regione',
      inCount: (count, n) => `in ${n} ${count === 1 ? 'regione' : 'regioni'}`,
    },
    wave: {
      one: 'ondata',
      many: 'ondate',
      column: 'Ondata',
      between: 'tra le ondate',
      by: 'per ondata',
      inCount: (count, n) => `in ${n} ${count === 1 ? 'ondata' : 'ondate'}`,
    },
    group: {
      one: 'gruppo',
      many: 'gruppi',
      column: 'Gruppo',
      between: 'tra i gruppi',
      by: 'per gruppo',
      inCount: (count, n) => `in ${n} ${count === 1 ? 'gruppo' : 'gruppi'}`,
    },
  },
  all: 'Totale',
  none: 'nessuno',
  notStated: 'Non indicato',
  suppressed: (k) => `n < ${k}`,
  hidden: 'oscurato',
  dimension: 'Dimensione',
  kind: { 'importance-performance': 'importanza − performance', 'current-target': 'maturità' },
  kindTitle: {
    'importance-performance': 'importanza − performance',
    'current-target': 'maturità, obiettivo − attuale',
  },
  type: 'Tipo',
  n: 'n',
  gap: 'Divario',
  ci: 'Intervallo di confidenza al 95%',
  rank: 'Posizione',
  listSeparator: '; ',
  sections: {
    summary: 'Sintesi',
    method: 'Metodo',
    figures: 'Dati dichiarati dai rispondenti',
    comparison: 'Confronto per dimensione',
    ipa: 'Analisi importanza–performance',
    maturity: 'Maturità attuale e obiettivo',
    waves: 'Variazione tra ondate',
    targetGroups: 'Gruppi target',
    barriers: 'Ostacoli',
    charts: 'Altri risultati',
    openAnswers: 'Risposte aperte',
    vote: 'Votazione delle buone pratiche',
    codesign: 'Priorità della co-progettazione',
    indicators: 'Indicatori',
    annexTables: 'Allegato A: tabelle complete',
    annexCodebook: 'Allegato B: dizionario dei codici',
    annexCharts: 'Allegato C: grafici e note dell’analisi',
  },
  summary: {
    intro: (n, groups, fieldwork, k, scope) =>
      `${n} rispondenti ${groups}, ${scope}${fieldwork ? `, ${fieldwork}` : ''}. I risultati sono presentati solo per i gruppi con almeno ${k} rispondenti.`,
    empty: 'Non è stata conteggiata alcuna risposta: il rapporto non contiene risultati.',
    onePerGroup:
      'Ogni gruppo conta al massimo un rispondente (ad es. un questionario consolidato per partner): è corretta solo una lettura descrittiva, pertanto non è stato eseguito alcun test.',
    standsOutTitle: 'Che cosa emerge',
    scale: (low, high) => `scala ${low}–${high}`,
    largest: {
      'current-target': (dimension, gap, scale, sure) =>
        `Divario più ampio tra maturità attuale e obiettivo: ${dimension}, in media ${gap} (${scale}) — ${sure}.`,
      'importance-performance': (dimension, gap, scale, sure) =>
        `Divario più ampio tra importanza e performance: ${dimension}, in media ${gap} (${scale}) — ${sure}.`,
    },
    standsOut: (dimension, between, high, low) =>
      `${dimension}: il divario differisce nettamente ${between}; più ampio: ${high}, più ridotto: ${low}.`,
    noneStandsOut: (kind, between) =>
      `Nessun divario di tipo «${kind}» differisce nettamente ${between}.`,
    noComparison: (between, k) =>
      `Confronto ${between} non possibile: meno di due raggiungono i ${k} rispondenti.`,
    protectedGroups: (list, k) =>
      `Non presentati per tutelare i rispondenti: ${list} (meno di ${k} rispondenti).`,
    topOverall: (kind, scale) => `Divari più ampi, tutti i rispondenti: ${kind} (${scale})`,
    topByGroup: (word, kind, scale) => `Divari più ampi ${word.by}: ${kind} (${scale})`,
    topHead: ['1°', '2°', '3°'],
    sureHead: 'Grado di certezza',
    sure: {
      clear: 'divario netto',
      includesZero: 'nessun divario netto',
      fewAnswers: 'incerto, poche risposte',
      wide: 'incerto, risposte molto disperse',
      protected: 'non presentato per tutelare i rispondenti',
    },
    practices: 'Pratiche da trasferire',
    practicesFrom: (ballots) =>
      `Dalla votazione delle buone pratiche (${ballots} schede; metodo Borda 3/2/1, esclusi i voti per la regione del votante, parità risolte in base alla trasferibilità media).`,
    practiceHead: ['Posizione', 'Pratica', 'Punti Borda', 'Primi posti', 'Trasferibilità media'],
    noVote:
      'Per questo rapporto non erano disponibili risultati della votazione delle buone pratiche',
    noVoteReason: {
      'no-questionnaire':
        ': nessun questionario dichiara una votazione ("gapkit": {"analysis": "vote"})',
      'no-ballots': ': non è stata ancora conteggiata alcuna scheda',
    },
    seeVoteSection:
      'La classifica delle pratiche si trova nella sezione «Votazione delle buone pratiche».',
  },
  method: {
    questionnaire: 'Questionario',
    questionnaireValue: (title, survey, version) => `${title} (${survey}), versione ${version}`,
    versions: 'Versioni compilate',
    versionsMany: (list) => `${list}; tutte sono lette secondo la versione attuale`,
    counted: 'Risposte conteggiate',
    countedSubmitted: 'risposte inviate (escluse le bozze e le risposte respinte)',
    countedDrafts: 'risposte inviate e bozze (escluse le risposte respinte)',
    wave: 'Ondate',
    allWaves: 'tutte le ondate',
    waveOnly: (wave) => `solo l’ondata ${wave}`,
    grouping: 'Confronto',
    groupingBy: (word) => word.by,
    fieldwork: 'Rilevazione',
    fieldworkRange: (from, to) => (from === to ? from : `dal ${from} al ${to}`),
    noDates: 'nessuna data di invio',
    respondents: 'Rispondenti',
    respondentsValue: (n, groups) => `${n} ${groups}`,
    suppression: 'Gruppi piccoli',
    suppressionValue: (k) =>
      `i gruppi e le celle con meno di ${k} rispondenti riportano «n < ${k}» e nessun risultato; è oscurata anche una cella vicina quando i totali permetterebbero di ricostruire una cella oscurata`,
    respondentsTitle: 'Rispondenti per regione e tipo di soggetto',
    respondentsCaption: 'Rispondenti conteggiati per tipo di soggetto e regione',
    respondentsNote: (k) =>
      `Le celle da 1 a ${k - 1} rispondenti riportano «n < ${k}»; le celle «oscurato» sono oscurate affinché i totali non permettano di ricostruirle.`,
    stakeholder: 'Tipo di soggetto',
    total: 'Totale',
    scales: 'Scale',
    scaleHead: ['Scala', 'Valori'],
    scalesNote:
      'Etichette come nel questionario. Importanza e performance sono valutate da 1 a 5; i livelli di maturità partono da 0 (assente).',
    dkTitle: 'Risposte «Non so» e risposte mancanti',
    dk: (codes) =>
      `«Non so» è una risposta a sé, mai un valore della scala: è conteggiata a parte e non entra mai in n, nelle medie, nei divari o nelle percentuali. Codici trattati in questo modo: ${codes}. Un divario è calcolato solo per i rispondenti che hanno indicato entrambi i valori.`,
    statistics: 'Statistiche',
    wilson: 'Le percentuali sono accompagnate da intervalli di confidenza di Wilson al 95%.',
    bootstrap: (b, seed, maxN) =>
      `Le medie e i divari sono accompagnati da intervalli di confidenza bootstrap percentili al 95% (B = ${b}, seme ${seed}: gli stessi dati producono sempre lo stesso rapporto; approssimazione normale oltre n = ${maxN}).`,
    paired:
      'Un divario è la media, sui rispondenti, della differenza obiettivo − attuale indicata da ciascuno (dati appaiati); un valore positivo indica che la regione è al di sotto del livello necessario.',
    tests:
      'Differenze tra gruppi: test di Kruskal–Wallis per valutazioni e divari (valore p per permutazione nei gruppi piccoli; dimensione dell’effetto ε²), χ² per le quote di risposta (V di Cramér), test esatto di Fisher per le tabelle 2 × 2 con frequenze attese basse.',
    adjustment: (family) =>
      `I ${family} valori p dell’analisi sono corretti insieme, con i metodi di Holm (errore per famiglia di test) e di Benjamini–Hochberg (tasso di false scoperte). Tutti i test sono esplorativi.`,
    fewGroups: (k) =>
      `Meno di due gruppi contano almeno ${k} rispondenti: non è stato eseguito alcun test.`,
    ipaCrosshair:
      'Gli assi di riferimento dell’analisi importanza–performance sono, per ciascun gruppo, la media di importanza e performance sulle sue dimensioni; un quadrante va letto insieme al divario (la diagonale corrisponde a importanza = performance).',
    borda:
      'Le classifiche usano il metodo Borda: il primo posto riceve tanti punti quanti sono i posti, l’ultimo un punto.',
    sureness: (n, share) =>
      `Nella sintesi un divario è detto netto quando il suo intervallo di confidenza al 95% esclude lo zero e almeno ${n} rispondenti hanno indicato entrambi i valori; incerto quando sono meno numerosi o quando l’intervallo supera il ${share} della scala; «nessun divario netto» quando l’intervallo include lo zero.`,
    standsOut: (between) =>
      `La sintesi indica che un divario differisce nettamente ${between} quando il relativo test esplorativo di Kruskal–Wallis dà un valore p corretto con il metodo di Holm inferiore a 0,05.`,
    caveatTitle: 'Avvertenza',
    caveat:
      'Le valutazioni sono autovalutazioni dei soggetti sulla propria regione: mostrano dove ciascuna regione colloca i propri divari, non parametri di riferimento assoluti. Il confronto tra regioni richiede cautela; i dati vanno letti insieme agli indicatori regionali e alle risposte aperte.',
  },
  gaps: {
    comparisonIntro:
      'Il divario di una dimensione è obiettivo − attuale (importanza − performance, oppure maturità obiettivo − attuale), in media sui rispondenti: quanto più è ampio, tanto più la regione è lontana dal livello necessario.',
    comparisonCaption: (word, kind) => `Divario per dimensione e ${word.one}: ${kind}`,
    comparisonNote: (k) =>
      `Divario medio appaiato. «n < ${k}»: meno di ${k} rispondenti; «oscurato»: oscurato affinché i totali non rivelino un gruppo piccolo. p (Holm): test esplorativo di Kruskal–Wallis tra gruppi, corretto con il metodo di Holm.`,
    pHolm: 'p (Holm)',
    ipaIntro:
      'L’analisi importanza–performance colloca ogni dimensione secondo la performance media (x) e l’importanza media (y). Concentrarsi qui: importanza alta, performance bassa; mantenere il livello: entrambe alte; priorità bassa: entrambe basse; possibile eccesso: performance superiore all’importanza.',
    ipaOverallCaption: 'Importanza, performance e divario, tutti i rispondenti',
    ipaQuadrantCaption: (word) => `Quadrante IPA per dimensione e ${word.one}`,
    importance: 'Importanza',
    performance: 'Performance',
    quadrant: 'Quadrante',
    quadrants: {
      'concentrate-here': 'Concentrarsi qui',
      'keep-up-the-good-work': 'Mantenere il livello',
      'low-priority': 'Priorità bassa',
      'possible-overkill': 'Possibile eccesso',
    },
    maturityIntro:
      'La maturità è valutata oggi e come livello obiettivo; il divario è la media, sui rispondenti, della differenza tra livello obiettivo e livello attuale indicata da ciascuno.',
    maturityCaption: 'Maturità attuale e obiettivo, tutti i rispondenti',
    maturityByGroupCaption: (word) => `Maturità attuale → obiettivo ${word.by}`,
    maturityByGroupNote:
      'Livello medio attuale → livello obiettivo medio, dei rispondenti che hanno indicato entrambi.',
    current: 'Oggi',
    target: 'Obiettivo',
    wavesIntro: (from, to) =>
      `Variazione del divario medio di ogni dimensione dall’ondata ${from} all’ondata ${to}, per regione. Le ondate hanno rispondenti diversi: una variazione è la differenza tra due medie, non un panel.`,
    wavesCaption: (from, to) => `Variazione del divario dall’ondata ${from} all’ondata ${to}`,
    wavesNote:
      'Variazione (divario nella prima ondata → divario nella seconda); valore negativo: il divario si è ridotto.',
    waveHas: (wave, n, count, paired) =>
      `l’ondata ${wave} conta ${count} ${n === 1 ? 'risposta' : 'risposte'}${paired === null ? '' : `, di cui ${paired} con entrambi i lati di una dimensione compilati`}`,
    wavesNone: (list, k, requested) =>
      requested
        ? `${list} finora: le ondate richieste non possono ancora essere confrontate, ciascuna richiede almeno ${k} rispondenti che abbiano compilato entrambi i lati di una dimensione.`
        : `${list} finora: per ora nessun confronto tra ondate, servono due ondate con almeno ${k} rispondenti ciascuna che abbiano compilato entrambi i lati di una dimensione.`,
    wavesLeftOut: (list, count, k) =>
      `${list} finora e ${count === 1 ? 'non è ancora confrontata' : 'non sono ancora confrontate'}: un’ondata richiede almeno ${k} rispondenti che abbiano compilato entrambi i lati di una dimensione.`,
  },
  questions: {
    figuresIntro:
      'Dati come gli indicatori regionali, dichiarati dai rispondenti: la mediana delle risposte fornite, con il numero di rispondenti che ne hanno fornita una. Quando i rispondenti hanno indicato le fonti, queste figurano tra le risposte aperte.',
    medianCaption: (title) => `${title}: mediana (n)`,
    medianNote: 'Mediana e, tra parentesi, numero di rispondenti che hanno fornito un dato.',
    targetGroupsIntro:
      'Accesso ai finanziamenti e priorità di ciascun gruppo target, secondo la valutazione dei rispondenti.',
    meanCaption: (title) => `${title}: media per gruppo`,
    meanNote: (low, high) => `Valutazione media, da «${low}» a «${high}».`,
    meanCells: (word) =>
      `Totale: media di tutti i rispondenti, con il relativo intervallo di confidenza al 95% e n; ${word.by}: media (n).`,
    barriersIntro: 'Quota di rispondenti che indicano ciascun ostacolo.',
    percentCaption: (title) => `${title}: quota di rispondenti`,
    percentNote: (multi) =>
      multi
        ? 'Quota di rispondenti che hanno scelto la risposta (più risposte possibili).'
        : 'Quota di rispondenti che hanno scelto la risposta.',
    ratings: 'Valutazioni',
    shares: 'Quote di risposta',
    rankings: 'Classifiche',
    otherFigures: 'Altri dati',
  },
  answers: {
    intro: (max, k) =>
      `Risposte aperte così come sono state scritte, troncate a ${max} caratteri; indirizzi e-mail e numeri di telefono sono rimossi; le risposte identiche compaiono una sola volta, con il loro numero. I gruppi con meno di ${k} rispondenti non sono presentati.`,
    groupHeading: (label, n) => `${label} (n = ${n})`,
    suppressed: (k) => `n < ${k}: risposte non presentate.`,
    noAnswers: 'Nessuna risposta.',
    more: (count) => `… e altre ${count}.`,
    email: '[e-mail rimossa]',
    phone: '[telefono rimosso]',
    none: 'Il questionario non contiene domande aperte con risposte.',
  },
  special: {
    voteIntro: (ballots) =>
      `${ballots} schede. Ogni partner valuta da 1 a 5 le pratiche delle altre regioni e ne classifica le prime tre (metodo Borda 3/2/1; i voti per la regione del votante sono esclusi; le parità sono risolte in base alla trasferibilità media).`,
    voteCaption: 'Classifica delle pratiche',
    voteHead: [
      'Posizione',
      'Pratica',
      'Punti Borda',
      'Primi posti',
      'Classificata da',
      'Trasferibilità media (n)',
    ],
    criteriaCaption: 'Punteggio medio per criterio (1–5)',
    ballotsCaption: 'Schede per regione',
    ballotsHead: ['Regione', 'Schede'],
    excluded: (votes, scores) =>
      `Esclusi perché riguardavano la regione del votante: ${votes} ${votes === 1 ? 'voto' : 'voti'} di classifica e ${scores} ${scores === 1 ? 'riga' : 'righe'} di punteggio.`,
    codesignIntro: (sheets) =>
      `${sheets} schede di laboratorio. Ogni sottogruppo classifica le proprie sfide prioritarie; una scheda che classifica k sfide assegna k punti alla prima e 1 all’ultima.`,
    challengesCaption: 'Sfide prioritarie, tutte le schede',
    challengesHead: [
      'Posizione',
      'Sfida',
      'Punti Borda',
      'Primi posti',
      'Schede',
      'Posizione media',
    ],
    subgroupsCaption: 'Sfide principali per sottogruppo',
    productsCaption: 'Tipi di prodotti finanziari proposti',
    ratingsCaption: 'Effetti attesi e fattibilità (media, 1–5)',
    indicatorsIntro: (reports) =>
      `${reports} rendiconti di indicatori. Totali per regione e periodo; indici calcolati solo sui rendiconti che hanno superato i controlli di coerenza.`,
    latestCaption: 'Ultimo periodo per regione',
    indicatorHead: [
      'Regione',
      'Periodo',
      'Rendiconti',
      'Soci',
      'Mutuatari attivi',
      'Donne',
      'Giovani',
      'Portafoglio in essere',
      'Risparmi',
      'PAR30',
    ],
    flagsCaption: 'Controlli di coerenza',
    flagsHead: ['Controllo', 'Rendiconti segnalati'],
    flags: {
      'missing-required': 'Dato obbligatorio mancante',
      'women-over-borrowers': 'Mutuatarie donne più numerose del totale dei mutuatari',
      'youth-over-borrowers': 'Mutuatari giovani più numerosi del totale dei mutuatari',
      'par-out-of-range': 'PAR30 al di fuori dell’intervallo 0–100%',
      'future-period': 'Periodo futuro',
      duplicate: 'Rendiconto duplicato (escluso il precedente)',
    },
  },
  annex: {
    tablesIntro:
      'Ogni voce del questionario per gruppo. I gruppi oscurati riportano solo «n < k». I testi delle risposte aperte si trovano nella sezione «Risposte aperte».',
    meanCell: 'media (n)',
    numericCaption: (title) => `${title}: media (n)`,
    numericNote:
      'Media e, tra parentesi, rispondenti con un valore della scala. p: test esplorativo di Kruskal–Wallis, corretto con il metodo di Holm.',
    choiceCaption: (title) => `${title}: quota di rispondenti`,
    rankingCaption: (title) => `${title}: punti Borda`,
    rankingNote:
      'Punti Borda sommati sui rispondenti; prima riga: rispondenti che hanno espresso una classifica.',
    textCaption: 'Domande aperte: rispondenti che hanno risposto',
    textNote: 'I testi si trovano nella sezione «Risposte aperte».',
    item: 'Voce',
    option: 'Risposta',
    test: 'p (Holm)',
    codebookHead: ['Codice', 'Tipo', 'Domanda', 'Codici di risposta'],
    chartsHead: ['Figura', 'Titolo', 'Nome del file'],
    same: 'idem',
    notes: 'Note dell’analisi',
  },
  notes: {
    counted: (n, drafts, scope) =>
      `${n} risposte conteggiate (${drafts ? 'inviate e bozze' : 'solo inviate; bozze escluse'}), ${scope}.`,
    scopeWave: (wave) => `solo l’ondata ${wave}`,
    scopeLatest: (wave, k) =>
      `solo l’ondata ${wave} (per impostazione predefinita, l’ultima ondata con almeno ${k} rispondenti)`,
    scopeLatestSmall: (wave, k) =>
      `solo l’ondata ${wave} (per impostazione predefinita, l’ultima ondata; nessuna raggiunge i ${k} rispondenti)`,
    scopeAll: 'tutte le ondate',
    scopeAllByWave: 'tutte le ondate (impostazione predefinita per il confronto per ondata)',
    scopeAllIndicators:
      'tutte le ondate (impostazione predefinita per i rendiconti periodici di indicatori)',
    excluded: (n, question) =>
      `${n} risposte prive di una risposta utilizzabile a «${question}» sono escluse da tutti i risultati.`,
    versions: (count, version) =>
      `Le risposte riguardano ${count} versioni del questionario; tutte sono lette secondo la versione attuale ${version}.`,
    dk: '«Non so» e le altre risposte al di fuori della scala di una voce sono conteggiate a parte e non entrano mai in n, nelle medie o nelle percentuali.',
    suppression: (k) =>
      `Le celle con meno di ${k} rispondenti riportano solo il loro n; anche alcune altre celle sono oscurate, affinché nessun totale, sottratte le celle visibili, le riveli.`,
    noPValues:
      'Nessuna voce aveva due gruppi visibili con risposte da confrontare: non è stato calcolato alcun valore p.',
    wavesLatest: (from, to, k, leftOut) =>
      `Ondate: variazione del divario medio di ogni dimensione da ${from} a ${to} (le due ondate più recenti con almeno ${k} rispondenti che hanno compilato entrambi i lati di una dimensione${leftOut === null ? '' : `; non ancora confrontate: ${leftOut}`}), per regione, tra rispondenti diversi, indipendentemente dall’ondata degli altri risultati.`,
    wavesRequested: (from, to) =>
      `Ondate: variazione del divario medio di ogni dimensione da ${from} a ${to} (le ondate richieste), per regione, tra rispondenti diversi, indipendentemente dall’ondata degli altri risultati.`,
    noWavesOne: (wave) =>
      `Nessun confronto tra ondate: tutte le risposte conteggiate appartengono all’ondata ${wave}.`,
    noWavesFew: (k, counts) =>
      `Nessun confronto tra ondate: servono due ondate con almeno ${k} rispondenti che abbiano compilato entrambi i lati di una dimensione (${counts ?? 'nessuna'}).`,
    rankings:
      'Classifiche: punti Borda — il primo posto riceve m punti, il successivo uno in meno, dove m è il numero di posti richiesti (ad es. 3/2/1 per le prime tre posizioni) oppure il numero di opzioni; la posizione media è la posizione media tra coloro che hanno classificato l’opzione.',
    skipped: (list) => `Non sintetizzate (tipo non supportato): ${list}.`,
    notNumeric: (dimension, path) =>
      `Dimensione «${dimension}»: «${path}» non è una voce numerica.`,
    asWritten: (note) => `${note} (in inglese, come scritta dall’analisi)`,
  },
}
