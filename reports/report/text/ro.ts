/** Romanian strings of the gap report (see `report/text/index.ts` for the keys). */
import type { ReportText } from './index.ts'

/**
 * "de" between a number and its noun: Romanian writes "5 respondenți" but "20 de respondenți"
 * (last two digits 00 or 20–99). Counts that arrive already formatted are written as
 * "Respondenți: 99" instead, so no noun needs it.
 */
function de(n: number): string {
  const lastTwo = n % 100
  return n > 0 && (lastTwo === 0 || lastTwo >= 20) ? 'de ' : ''
}

/** "5 respondenți", "20 de respondenți", "1 respondent". */
function respondents(n: number): string {
  return n === 1 ? '1 respondent' : `${n} ${de(n)}respondenți`
}

/** Romanian: the register of an official report, with „ghilimele” and ș/ț with comma. */
export const ro: ReportText = {
  reportKind: 'Raport de analiză a decalajelor',
  subtitle: (survey, version, scope) =>
    `Raport de analiză a decalajelor · chestionarul ${survey}, versiunea ${version} · ${scope}`,
  waveScope: (wave) => (wave === null ? 'toate valurile' : `valul ${wave}`),
  contents: 'Cuprins',
  files: 'Fișiere',
  figure: 'Figura',
  groupWord: {
    region: {
      one: 'regiune',
      many: 'regiuni',
      column: 'Regiune',
      between: 'între regiuni',
      by: 'pe regiuni',
      inCount: (count, n) => (count === 1 ? `într-o regiune` : `în ${n} ${de(count)}regiuni`),
    },
    wave: {
      one: 'val',
      many: 'valuri',
      column: 'Val',
      between: 'între valuri',
      by: 'pe valuri',
      inCount: (count, n) => (count === 1 ? `într-un val` : `în ${n} ${de(count)}valuri`),
    },
    group: {
      one: 'grup',
      many: 'grupuri',
      column: 'Grup',
      between: 'între grupuri',
      by: 'pe grupuri',
      inCount: (count, n) => (count === 1 ? `într-un grup` : `în ${n} ${de(count)}grupuri`),
    },
  },
  all: 'Total',
  none: 'niciunul',
  notStated: 'Nespecificat',
  suppressed: (k) => `n < ${k}`,
  hidden: 'ascuns',
  dimension: 'Dimensiune',
  kind: { 'importance-performance': 'importanță − performanță', 'current-target': 'maturitate' },
  kindTitle: {
    'importance-performance': 'importanță − performanță',
    'current-target': 'maturitate, țintă − nivel actual',
  },
  type: 'Tip',
  n: 'n',
  gap: 'Decalaj',
  ci: 'Interval de încredere 95%',
  rank: 'Loc',
  listSeparator: '; ',
  sections: {
    summary: 'Sinteză',
    method: 'Metodologie',
    figures: 'Date raportate de respondenți',
    comparison: 'Comparație pe dimensiuni',
    ipa: 'Analiza importanță–performanță',
    maturity: 'Maturitatea actuală și cea țintă',
    waves: 'Evoluția între valuri',
    targetGroups: 'Grupuri țintă',
    barriers: 'Bariere',
    charts: 'Alte rezultate',
    openAnswers: 'Răspunsuri deschise',
    vote: 'Votul privind bunele practici',
    codesign: 'Priorități de co-proiectare',
    indicators: 'Indicatori',
    annexTables: 'Anexa A: tabele complete',
    annexCodebook: 'Anexa B: dicționarul de coduri',
    annexCharts: 'Anexa C: grafice și note ale analizei',
  },
  summary: {
    intro: (n, groups, fieldwork, k, scope) =>
      `Respondenți: ${n}, ${groups}, ${scope}${fieldwork ? `, ${fieldwork}` : ''}. Rezultatele sunt prezentate numai pentru grupurile cu cel puțin ${respondents(k)}.`,
    empty: 'Nu a fost numărat niciun răspuns, prin urmare raportul nu conține rezultate.',
    onePerGroup:
      'Fiecare grup are cel mult un respondent (de exemplu, un chestionar consolidat per partener): este corectă doar descrierea, de aceea nu s-a efectuat niciun test.',
    standsOutTitle: 'Ce iese în evidență',
    scale: (low, high) => `scala ${low}–${high}`,
    largest: {
      'current-target': (dimension, gap, scale, sure) =>
        `Cel mai mare decalaj între maturitatea actuală și cea țintă: ${dimension}, în medie ${gap} (${scale}) — ${sure}.`,
      'importance-performance': (dimension, gap, scale, sure) =>
        `Cel mai mare decalaj între importanță și performanță: ${dimension}, în medie ${gap} (${scale}) — ${sure}.`,
    },
    standsOut: (dimension, between, high, low) =>
      `${dimension}: decalajul diferă clar ${between}; cel mai mare: ${high}, cel mai mic: ${low}.`,
    noneStandsOut: (kind, between) =>
      `Niciun decalaj de tipul „${kind}” nu diferă clar ${between}.`,
    noComparison: (between, k) =>
      `Comparația ${between} nu este posibilă: mai puțin de două au cel puțin ${respondents(k)}.`,
    protectedGroups: (list, k) =>
      `Neprezentate, pentru protecția respondenților: ${list} (sub ${respondents(k)}).`,
    topOverall: (kind, scale) => `Cele mai mari decalaje, toți respondenții: ${kind} (${scale})`,
    topByGroup: (word, kind, scale) => `Cele mai mari decalaje ${word.by}: ${kind} (${scale})`,
    topHead: ['Locul 1', 'Locul 2', 'Locul 3'],
    sureHead: 'Grad de certitudine',
    sure: {
      clear: 'decalaj clar',
      includesZero: 'niciun decalaj clar',
      fewAnswers: 'incert, prea puține răspunsuri',
      wide: 'incert, răspunsuri foarte dispersate',
      protected: 'neprezentat, pentru protecția respondenților',
    },
    practices: 'Practici care merită transferate',
    practicesFrom: (ballots) =>
      `Din votul privind bunele practici (buletine de vot: ${ballots}; metoda Borda 3/2/1, voturile pentru propria regiune a votantului excluse, egalitățile departajate după transferabilitatea medie).`,
    practiceHead: ['Loc', 'Practică', 'Puncte Borda', 'Locuri întâi', 'Transferabilitate medie'],
    noVote:
      'Pentru acest raport nu au fost disponibile rezultate ale votului privind bunele practici',
    noVoteReason: {
      'no-questionnaire': ': niciun chestionar nu declară un vot ("gapkit": {"analysis": "vote"})',
      'no-ballots': ': nu a fost încă numărat niciun buletin de vot',
    },
    seeVoteSection: 'Clasamentul practicilor se află în secțiunea „Votul privind bunele practici”.',
  },
  method: {
    questionnaire: 'Chestionar',
    questionnaireValue: (title, survey, version) => `${title} (${survey}), versiunea ${version}`,
    versions: 'Versiuni completate',
    versionsMany: (list) => `${list}; toate sunt citite prin versiunea actuală`,
    counted: 'Răspunsuri numărate',
    countedSubmitted: 'răspunsuri trimise (ciornele și răspunsurile respinse sunt excluse)',
    countedDrafts: 'răspunsuri trimise și ciorne (răspunsurile respinse sunt excluse)',
    wave: 'Valuri',
    allWaves: 'toate valurile',
    waveOnly: (wave) => `numai valul ${wave}`,
    grouping: 'Comparație',
    groupingBy: (word) => word.by,
    fieldwork: 'Colectarea datelor',
    fieldworkRange: (from, to) => (from === to ? from : `între ${from} și ${to}`),
    noDates: 'nicio dată de trimitere',
    respondents: 'Respondenți',
    respondentsValue: (n, groups) => `${n}, ${groups}`,
    suppression: 'Grupuri mici',
    suppressionValue: (k) =>
      `grupurile și celulele cu mai puțin de ${respondents(k)} afișează „n < ${k}” și niciun rezultat; este ascunsă și o celulă vecină atunci când totalurile ar dezvălui o celulă ascunsă`,
    respondentsTitle: 'Respondenți pe regiuni și tipuri de actori',
    respondentsCaption: 'Respondenți numărați pe tip de actor și regiune',
    respondentsNote: (k) =>
      `Celulele cu 1–${k - 1} respondenți afișează „n < ${k}”; celulele „ascuns” sunt ascunse pentru ca totalurile să nu le poată dezvălui.`,
    stakeholder: 'Tip de actor',
    total: 'Total',
    scales: 'Scale',
    scaleHead: ['Scală', 'Valori'],
    scalesNote:
      'Etichete ca în chestionar. Importanța și performanța sunt evaluate de la 1 la 5; nivelurile de maturitate încep de la 0 (absent).',
    dkTitle: 'Răspunsurile „Nu știu” și răspunsurile lipsă',
    dk: (codes) =>
      `„Nu știu” este un răspuns de sine stătător, niciodată o valoare a scalei: este numărat separat și nu intră niciodată în n, în medii, în decalaje sau în procente. Coduri tratate astfel: ${codes}. Un decalaj se calculează numai pentru respondenții care au indicat ambele valori.`,
    statistics: 'Statistici',
    wilson: 'Procentele sunt însoțite de intervale de încredere Wilson de 95%.',
    bootstrap: (b, seed, maxN) =>
      `Mediile și decalajele sunt însoțite de intervale de încredere bootstrap percentile de 95% (B = ${b}, sămânța ${seed}, astfel încât aceleași date dau întotdeauna același raport; aproximare normală peste n = ${maxN}).`,
    paired:
      'Un decalaj este media diferențelor țintă − nivel actual indicate de fiecare respondent (date pereche); o valoare pozitivă înseamnă că regiunea se află sub nivelul necesar.',
    tests:
      'Diferențe între grupuri: testul Kruskal–Wallis pentru evaluări și decalaje (valoarea p prin permutare pentru grupurile mici; mărimea efectului ε²), testul χ² pentru ponderile răspunsurilor (V al lui Cramér), testul exact Fisher pentru tabelele 2 × 2 cu frecvențe așteptate mici.',
    adjustment: (family) =>
      `Valorile p ale analizei (${family}) sunt ajustate împreună, prin metodele Holm (eroarea la nivelul familiei de teste) și Benjamini–Hochberg (rata descoperirilor false). Toate testele sunt exploratorii.`,
    fewGroups: (k) =>
      `Mai puțin de două grupuri au cel puțin ${respondents(k)}, prin urmare nu s-a efectuat niciun test.`,
    ipaCrosshair:
      'Axele de referință ale analizei importanță–performanță sunt, pentru fiecare grup, media importanței și a performanței pe dimensiunile sale; un cadran se citește împreună cu decalajul (diagonala corespunde egalității importanță = performanță).',
    borda:
      'Clasamentele folosesc metoda Borda: primul loc primește atâtea puncte câte locuri există, ultimul un punct.',
    sureness: (n, share) =>
      `În sinteză, un decalaj este numit clar atunci când intervalul său de încredere de 95% exclude valoarea zero, iar numărul respondenților care au indicat ambele valori este de cel puțin ${n}; incert atunci când aceștia sunt mai puțini sau când intervalul depășește ${share} din scală; „niciun decalaj clar” atunci când intervalul include valoarea zero.`,
    standsOut: (between) =>
      `Sinteza arată că un decalaj diferă clar ${between} atunci când testul său exploratoriu Kruskal–Wallis dă o valoare p ajustată Holm sub 0,05.`,
    caveatTitle: 'Precauție',
    caveat:
      'Evaluările sunt autoevaluări ale actorilor privind propria regiune: arată unde își vede fiecare regiune propriile decalaje, nu repere absolute. Regiunile trebuie comparate cu prudență, iar cifrele trebuie citite împreună cu indicatorii regionali și cu răspunsurile deschise.',
  },
  gaps: {
    comparisonIntro:
      'Decalajul unei dimensiuni este țintă − nivel actual (importanță − performanță sau maturitate țintă − maturitate actuală), în medie pe respondenți: cu cât este mai mare, cu atât regiunea este mai departe de nivelul necesar.',
    comparisonCaption: (word, kind) => `Decalaj pe dimensiuni și ${word.many}: ${kind}`,
    comparisonNote: (k) =>
      `Decalaj mediu pereche. „n < ${k}”: mai puțin de ${respondents(k)}; „ascuns”: ascuns pentru ca totalurile să nu dezvăluie un grup mic. p (Holm): test exploratoriu Kruskal–Wallis între grupuri, ajustat Holm.`,
    pHolm: 'p (Holm)',
    ipaIntro:
      'Analiza importanță–performanță plasează fiecare dimensiune după performanța medie (x) și importanța medie (y). Concentrați eforturile aici: importanță mare, performanță scăzută; mențineți rezultatele: ambele ridicate; prioritate scăzută: ambele scăzute; posibil exces: performanța depășește importanța.',
    ipaOverallCaption: 'Importanță, performanță și decalaj, toți respondenții',
    ipaQuadrantCaption: (word) => `Cadranul IPA pe dimensiuni și ${word.many}`,
    importance: 'Importanță',
    performance: 'Performanță',
    quadrant: 'Cadran',
    quadrants: {
      'concentrate-here': 'Concentrați eforturile aici',
      'keep-up-the-good-work': 'Mențineți rezultatele',
      'low-priority': 'Prioritate scăzută',
      'possible-overkill': 'Posibil exces',
    },
    maturityIntro:
      'Maturitatea este evaluată pentru prezent și ca nivel țintă; decalajul este media diferențelor nivel țintă − nivel actual indicate de fiecare respondent.',
    maturityCaption: 'Maturitatea actuală și cea țintă, toți respondenții',
    maturityByGroupCaption: (word) => `Maturitatea actuală → țintă ${word.by}`,
    maturityByGroupNote:
      'Nivelul mediu actual → nivelul țintă mediu, pentru respondenții care le-au indicat pe amândouă.',
    current: 'Astăzi',
    target: 'Țintă',
    wavesIntro: (from, to) =>
      `Evoluția decalajului mediu al fiecărei dimensiuni de la valul ${from} la valul ${to}, pe regiuni. Valurile au respondenți diferiți: o evoluție este diferența dintre două medii, nu un panel.`,
    wavesCaption: (from, to) => `Evoluția decalajului de la valul ${from} la valul ${to}`,
    wavesNote:
      'Evoluție (decalajul din primul val → decalajul din al doilea); valoare negativă: decalajul s-a redus.',
    waveHas: (wave, n, count, paired) =>
      `valul ${wave} are ${count} ${n === 1 ? 'răspuns' : `${de(n)}răspunsuri`}${paired === null ? '' : `, dintre care ${paired} cu ambele laturi ale unei dimensiuni completate`}`,
    wavesNone: (list, k, requested) =>
      requested
        ? `${list} până acum: valurile cerute nu pot fi încă comparate, fiecare are nevoie de cel puțin ${respondents(k)} care au completat ambele laturi ale unei dimensiuni.`
        : `${list} până acum: încă nu există o comparație între valuri; sunt necesare două valuri, fiecare cu cel puțin ${respondents(k)} care au completat ambele laturi ale unei dimensiuni.`,
    wavesLeftOut: (list, count, k) =>
      `${list} până acum și ${count === 1 ? 'nu este încă comparat' : 'nu sunt încă comparate'}: un val are nevoie de cel puțin ${respondents(k)} care au completat ambele laturi ale unei dimensiuni.`,
  },
  questions: {
    figuresIntro:
      'Date precum indicatorii regionali, raportate de respondenți: mediana răspunsurilor date, împreună cu numărul respondenților care au dat un răspuns. Acolo unde respondenții și-au indicat sursele, acestea se regăsesc printre răspunsurile deschise.',
    medianCaption: (title) => `${title}: mediana (n)`,
    medianNote: 'Mediana și, în paranteză, numărul respondenților care au indicat o cifră.',
    targetGroupsIntro:
      'Accesul la finanțare și prioritatea fiecărui grup țintă, după evaluarea respondenților.',
    meanCaption: (title) => `${title}: media pe grupuri`,
    meanNote: (low, high) => `Evaluare medie, de la „${low}” la „${high}”.`,
    meanCells: (word) =>
      `Total: media tuturor respondenților, cu intervalul său de încredere de 95% și n; ${word.by}: media (n).`,
    barriersIntro: 'Ponderea respondenților care indică fiecare barieră.',
    percentCaption: (title) => `${title}: ponderea respondenților`,
    percentNote: (multi) =>
      multi
        ? 'Ponderea respondenților care au ales varianta (sunt posibile mai multe răspunsuri).'
        : 'Ponderea respondenților care au ales varianta.',
    ratings: 'Evaluări',
    shares: 'Ponderi ale răspunsurilor',
    rankings: 'Clasamente',
    otherFigures: 'Alte date',
  },
  answers: {
    intro: (max, k) =>
      `Răspunsuri deschise așa cum au fost scrise, trunchiate la ${max} ${de(max)}caractere; adresele de e-mail și numerele de telefon sunt eliminate; răspunsurile identice apar o singură dată, cu numărul lor. Grupurile cu mai puțin de ${respondents(k)} nu sunt prezentate.`,
    groupHeading: (label, n) => `${label} (n = ${n})`,
    suppressed: (k) => `n < ${k}: răspunsuri neprezentate.`,
    noAnswers: 'Niciun răspuns.',
    more: (count) => `… și încă ${count}.`,
    email: '[e-mail eliminat]',
    phone: '[telefon eliminat]',
    none: 'Chestionarul nu are întrebări deschise cu răspunsuri.',
  },
  special: {
    voteIntro: (ballots) =>
      `Buletine de vot: ${ballots}. Fiecare partener evaluează de la 1 la 5 practicile celorlalte regiuni și le clasează pe primele trei (metoda Borda 3/2/1; voturile pentru propria regiune a votantului sunt excluse; egalitățile sunt departajate după transferabilitatea medie).`,
    voteCaption: 'Clasamentul practicilor',
    voteHead: [
      'Loc',
      'Practică',
      'Puncte Borda',
      'Locuri întâi',
      'Clasată de',
      'Transferabilitate medie (n)',
    ],
    criteriaCaption: 'Scor mediu pe criterii (1–5)',
    ballotsCaption: 'Buletine de vot pe regiuni',
    ballotsHead: ['Regiune', 'Buletine de vot'],
    excluded: (votes, scores) =>
      `Excluse deoarece priveau propria regiune a votantului: ${votes === 1 ? 'un vot' : `${votes} ${de(votes)}voturi`} de clasament și ${scores === 1 ? 'un rând' : `${scores} ${de(scores)}rânduri`} de scoruri.`,
    codesignIntro: (sheets) =>
      `Fișe de atelier: ${sheets}. Fiecare subgrup își clasează provocările prioritare; o fișă care clasează k provocări acordă k puncte primei și 1 punct ultimei.`,
    challengesCaption: 'Provocări prioritare, toate fișele',
    challengesHead: ['Loc', 'Provocare', 'Puncte Borda', 'Locuri întâi', 'Fișe', 'Loc mediu'],
    subgroupsCaption: 'Principalele provocări pe subgrupuri',
    productsCaption: 'Tipuri de produse financiare propuse',
    ratingsCaption: 'Efecte așteptate și fezabilitate (medie, 1–5)',
    indicatorsIntro: (reports) =>
      `Rapoarte de indicatori: ${reports}. Totaluri pe regiune și perioadă; ratele sunt calculate numai pe rapoartele care au trecut verificările de coerență.`,
    latestCaption: 'Ultima perioadă pe regiuni',
    indicatorHead: [
      'Regiune',
      'Perioadă',
      'Rapoarte',
      'Membri',
      'Împrumutați activi',
      'Femei',
      'Tineri',
      'Portofoliu în sold',
      'Economii',
      'PAR30',
    ],
    flagsCaption: 'Verificări de coerență',
    flagsHead: ['Verificare', 'Rapoarte semnalate'],
    flags: {
      'missing-required': 'Cifră obligatorie lipsă',
      'women-over-borrowers': 'Mai multe femei împrumutate decât împrumutați în total',
      'youth-over-borrowers': 'Mai mulți tineri împrumutați decât împrumutați în total',
      'par-out-of-range': 'PAR30 în afara intervalului 0–100%',
      'future-period': 'Perioadă viitoare',
      duplicate: 'Raport duplicat (cel anterior este exclus)',
    },
  },
  annex: {
    tablesIntro:
      'Fiecare element al chestionarului, pe grupuri. Grupurile ascunse afișează numai „n < k”. Textele răspunsurilor deschise se află în secțiunea „Răspunsuri deschise”.',
    meanCell: 'medie (n)',
    numericCaption: (title) => `${title}: medie (n)`,
    numericNote:
      'Media și, în paranteză, numărul respondenților cu o valoare pe scală. p: test exploratoriu Kruskal–Wallis, ajustat Holm.',
    choiceCaption: (title) => `${title}: ponderea respondenților`,
    rankingCaption: (title) => `${title}: puncte Borda`,
    rankingNote:
      'Puncte Borda însumate pe respondenți; primul rând: respondenții care au făcut un clasament.',
    textCaption: 'Întrebări deschise: respondenți care au răspuns',
    textNote: 'Textele se află în secțiunea „Răspunsuri deschise”.',
    item: 'Element',
    option: 'Răspuns',
    test: 'p (Holm)',
    codebookHead: ['Cod', 'Tip', 'Întrebare', 'Coduri de răspuns'],
    chartsHead: ['Figura', 'Titlu', 'Nume fișier'],
    same: 'idem',
    notes: 'Note ale analizei',
  },
  notes: {
    counted: (n, drafts, scope) =>
      `Răspunsuri numărate: ${n} (${drafts ? 'trimise și ciorne' : 'numai trimise; ciornele sunt excluse'}), ${scope}.`,
    scopeWave: (wave) => `numai valul ${wave}`,
    scopeLatest: (wave, k) =>
      `numai valul ${wave} (implicit, cel mai recent val cu cel puțin ${respondents(k)})`,
    scopeLatestSmall: (wave, k) =>
      `numai valul ${wave} (implicit, cel mai recent val; niciunul nu are ${respondents(k)})`,
    scopeAll: 'toate valurile',
    scopeAllByWave: 'toate valurile (implicit la comparația pe valuri)',
    scopeAllIndicators: 'toate valurile (implicit pentru rapoartele periodice de indicatori)',
    excluded: (n, question) =>
      `Răspunsuri fără un răspuns utilizabil la „${question}”, excluse din toate rezultatele: ${n}.`,
    versions: (count, version) =>
      `Versiuni ale chestionarului la care s-a răspuns: ${count}; toate sunt citite prin versiunea actuală ${version}.`,
    dk: '„Nu știu” și celelalte răspunsuri din afara scalei unui element sunt numărate separat și nu intră niciodată în n, în medii sau în procente.',
    suppression: (k) =>
      `Celulele cu mai puțin de ${respondents(k)} își afișează numai n-ul; sunt ascunse și alte celule, astfel încât niciun total din care se scad celulele vizibile să nu le dezvăluie.`,
    noPValues:
      'Niciun element nu a avut două grupuri vizibile cu răspunsuri de comparat, prin urmare nu s-a calculat nicio valoare p.',
    wavesLatest: (from, to, k, leftOut) =>
      `Valuri: evoluția decalajului mediu al fiecărei dimensiuni de la ${from} la ${to} (cele mai recente două valuri cu cel puțin ${respondents(k)} care au completat ambele laturi ale unei dimensiuni${leftOut === null ? '' : `; încă necomparate: ${leftOut}`}), pe regiuni, între respondenți diferiți, indiferent de valul celorlalte rezultate.`,
    wavesRequested: (from, to) =>
      `Valuri: evoluția decalajului mediu al fiecărei dimensiuni de la ${from} la ${to} (valurile cerute), pe regiuni, între respondenți diferiți, indiferent de valul celorlalte rezultate.`,
    noWavesOne: (wave) =>
      `Nicio comparație între valuri: toate răspunsurile numărate provin din valul ${wave}.`,
    noWavesFew: (k, counts) =>
      `Nicio comparație între valuri: sunt necesare două valuri cu cel puțin ${respondents(k)} care au completat ambele laturi ale unei dimensiuni (${counts ?? 'niciunul'}).`,
    rankings:
      'Clasamente: puncte Borda — primul loc primește m puncte, următorul cu unul mai puțin, unde m este numărul de locuri cerute (de exemplu, 3/2/1 pentru primele trei) sau, în lipsa acestuia, numărul de variante; locul mediu este poziția medie în rândul celor care au clasat varianta.',
    skipped: (list) => `Nesintetizate (tip neacceptat): ${list}.`,
    notNumeric: (dimension, path) =>
      `Dimensiunea „${dimension}”: „${path}” nu este un element numeric.`,
    asWritten: (note) => `${note} (în limba engleză, așa cum a fost scrisă de analiză)`,
  },
}
