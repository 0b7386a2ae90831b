/** Slovenian strings of the gap report (see `report/text/index.ts` for the keys). */
import type { ReportText } from './index.ts'

/**
 * The form of a noun after the number `n` (one, two, three or four, five and more): Slovenian
 * has a dual and a plural for 3–4. Counts that arrive already formatted are written as
 * "Število anketirancev: 99" or "vsaj 5" after the noun instead, so no noun needs them.
 */
function form(n: number, forms: [one: string, two: string, few: string, many: string]): string {
  const lastTwo = n % 100
  if (lastTwo === 1) return forms[0]
  if (lastTwo === 2) return forms[1]
  return lastTwo === 3 || lastTwo === 4 ? forms[2] : forms[3]
}

/** Slovenian: the register of an official report, »narekovaji« as in Slovenian print. */
export const sl: ReportText = {
  reportKind: 'Poročilo o analizi vrzeli',
  subtitle: (survey, version, scope) =>
    `Poročilo o analizi vrzeli · vprašalnik ${survey}, različica ${version} · ${scope}`,
  waveScope: (wave) => (wave === null ? 'vsi valovi' : `val ${wave}`),
  contents: 'Kazalo',
  files: 'Datoteke',
  figure: 'Slika',
  groupWord: {
    region: {
      one: 'regija',
      many: 'regije',
      column: 'Regija',
      between: 'med regijami',
      by: 'po regijah',
      inCount: (count, n) => `v ${n} ${count === 1 ? 'regiji' : 'regijah'}`,
    },
    wave: {
      one: 'val',
      many: 'valovi',
      column: 'Val',
      between: 'med valovi',
      by: 'po valovih',
      inCount: (count, n) => `v ${n} ${count === 1 ? 'valu' : 'valovih'}`,
    },
    group: {
      one: 'skupina',
      many: 'skupine',
      column: 'Skupina',
      between: 'med skupinami',
      by: 'po skupinah',
      inCount: (count, n) => `v ${n} ${count === 1 ? 'skupini' : 'skupinah'}`,
    },
  },
  all: 'Skupaj',
  none: 'nobena',
  notStated: 'Ni navedeno',
  suppressed: (k) => `n < ${k}`,
  hidden: 'skrito',
  dimension: 'Razsežnost',
  kind: { 'importance-performance': 'pomembnost − delovanje', 'current-target': 'zrelost' },
  kindTitle: {
    'importance-performance': 'pomembnost − delovanje',
    'current-target': 'zrelost, cilj − trenutno stanje',
  },
  type: 'Vrsta',
  n: 'n',
  gap: 'Vrzel',
  ci: 'Interval zaupanja 95 %',
  rank: 'Mesto',
  listSeparator: '; ',
  sections: {
    summary: 'Povzetek',
    method: 'Metodologija',
    figures: 'Podatki, ki so jih navedli anketiranci',
    comparison: 'Primerjava po razsežnostih',
    ipa: 'Analiza pomembnosti in delovanja',
    maturity: 'Trenutna in ciljna zrelost',
    waves: 'Spremembe med valovi',
    targetGroups: 'Ciljne skupine',
    barriers: 'Ovire',
    charts: 'Drugi rezultati',
    openAnswers: 'Odprti odgovori',
    vote: 'Glasovanje o dobrih praksah',
    codesign: 'Prednostne naloge soustvarjanja',
    indicators: 'Kazalniki',
    annexTables: 'Priloga A: celotne preglednice',
    annexCodebook: 'Priloga B: šifrant',
    annexCharts: 'Priloga C: grafi in opombe k analizi',
  },
  summary: {
    intro: (n, groups, fieldwork, k, scope) =>
      `Število anketirancev: ${n} ${groups}, ${scope}${fieldwork ? `, ${fieldwork}` : ''}. Rezultati so prikazani le za skupine, v katerih je število anketirancev vsaj ${k}.`,
    empty: 'Upoštevan ni bil noben odgovor, zato poročilo ne vsebuje rezultatov.',
    onePerGroup:
      'Vsaka skupina ima največ enega anketiranca (npr. en združen vprašalnik na partnerja): pošten je le opis, zato testi niso bili izvedeni.',
    standsOutTitle: 'Kaj izstopa',
    scale: (low, high) => `lestvica ${low}–${high}`,
    largest: {
      'current-target': (dimension, gap, scale, sure) =>
        `Največja vrzel med trenutno in ciljno zrelostjo: ${dimension}, v povprečju ${gap} (${scale}) — ${sure}.`,
      'importance-performance': (dimension, gap, scale, sure) =>
        `Največja vrzel med pomembnostjo in delovanjem: ${dimension}, v povprečju ${gap} (${scale}) — ${sure}.`,
    },
    standsOut: (dimension, between, high, low) =>
      `${dimension}: vrzel se ${between} jasno razlikuje; največja: ${high}, najmanjša: ${low}.`,
    noneStandsOut: (kind, between) =>
      `Nobena vrzel vrste »${kind}« se ${between} jasno ne razlikuje.`,
    noComparison: (between, k) =>
      `Primerjava ${between} ni mogoča: najmanjšega števila anketirancev (${k}) ne dosegata niti dve skupini.`,
    protectedGroups: (list, k) =>
      `Zaradi varstva anketirancev ni prikazano: ${list} (število anketirancev je manjše od ${k}).`,
    topOverall: (kind, scale) => `Največje vrzeli, vsi anketiranci: ${kind} (${scale})`,
    topByGroup: (word, kind, scale) => `Največje vrzeli ${word.by}: ${kind} (${scale})`,
    topHead: ['1. mesto', '2. mesto', '3. mesto'],
    sureHead: 'Zanesljivost',
    sure: {
      clear: 'jasna vrzel',
      includesZero: 'ni jasne vrzeli',
      fewAnswers: 'negotovo, premalo odgovorov',
      wide: 'negotovo, odgovori se zelo razlikujejo',
      protected: 'ni prikazano zaradi varstva anketirancev',
    },
    practices: 'Prakse, vredne prenosa',
    practicesFrom: (ballots) =>
      `Na podlagi glasovanja o dobrih praksah (število glasovnic: ${ballots}; Bordova metoda 3/2/1, glasovi za lastno regijo glasujočega izločeni, izenačenja razrešena s povprečno prenosljivostjo).`,
    practiceHead: ['Mesto', 'Praksa', 'Bordove točke', 'Prva mesta', 'Povprečna prenosljivost'],
    noVote: 'Za to poročilo rezultati glasovanja o dobrih praksah niso bili na voljo',
    noVoteReason: {
      'no-questionnaire':
        ': noben vprašalnik ne določa glasovanja ("gapkit": {"analysis": "vote"})',
      'no-ballots': ': upoštevana ni bila še nobena glasovnica',
    },
    seeVoteSection: 'Razvrstitev praks je v razdelku »Glasovanje o dobrih praksah«.',
  },
  method: {
    questionnaire: 'Vprašalnik',
    questionnaireValue: (title, survey, version) => `${title} (${survey}), različica ${version}`,
    versions: 'Izpolnjene različice',
    versionsMany: (list) => `${list}; vse se berejo po trenutni različici`,
    counted: 'Upoštevani odgovori',
    countedSubmitted: 'oddani odgovori (osnutki in zavrnjeni odgovori so izločeni)',
    countedDrafts: 'oddani odgovori in osnutki (zavrnjeni odgovori so izločeni)',
    wave: 'Valovi',
    allWaves: 'vsi valovi',
    waveOnly: (wave) => `samo val ${wave}`,
    grouping: 'Primerjava',
    groupingBy: (word) => word.by,
    fieldwork: 'Zbiranje podatkov',
    fieldworkRange: (from, to) => (from === to ? from : `${from} – ${to}`),
    noDates: 'ni datumov oddaje',
    respondents: 'Anketiranci',
    respondentsValue: (n, groups) => `${n} ${groups}`,
    suppression: 'Majhne skupine',
    suppressionValue: (k) =>
      `skupine in celice, v katerih je število anketirancev manjše od ${k}, so označene z »n < ${k}« in so brez rezultatov; skrita je tudi sosednja celica, kadar bi seštevki razkrili skrito celico`,
    respondentsTitle: 'Anketiranci po regijah in vrstah deležnikov',
    respondentsCaption: 'Upoštevani anketiranci po vrsti deležnika in regiji',
    respondentsNote: (k) =>
      `Celice, v katerih je število anketirancev od 1 do ${k - 1}, so označene z »n < ${k}«; celice »skrito« so skrite, da jih seštevki ne morejo razkriti.`,
    stakeholder: 'Vrsta deležnika',
    total: 'Skupaj',
    scales: 'Lestvice',
    scaleHead: ['Lestvica', 'Vrednosti'],
    scalesNote:
      'Oznake kot v vprašalniku. Pomembnost in delovanje sta ocenjena od 1 do 5; ravni zrelosti se začnejo pri 0 (ne obstaja).',
    dkTitle: 'Odgovori »Ne vem« in manjkajoči odgovori',
    dk: (codes) =>
      `»Ne vem« je samostojen odgovor in nikoli vrednost lestvice: šteje se posebej in nikoli ne vstopa v n, povprečja, vrzeli ali deleže. Tako obravnavane šifre: ${codes}. Vrzel se izračuna le za anketirance, ki so navedli obe vrednosti.`,
    statistics: 'Statistika',
    wilson: 'Deleži so podani z Wilsonovimi 95-odstotnimi intervali zaupanja.',
    bootstrap: (b, seed, maxN) =>
      `Povprečja in vrzeli so podani s 95-odstotnimi percentilnimi intervali zaupanja po metodi bootstrap (B = ${b}, seme ${seed}, zato isti podatki vedno dajo isto poročilo; nad n = ${maxN} normalni približek).`,
    paired:
      'Vrzel je povprečje razlik cilj − trenutno stanje, ki jih navede vsak anketiranec (parni podatki); pozitivna vrednost pomeni, da je regija pod potrebno ravnjo.',
    tests:
      'Razlike med skupinami: Kruskal–Wallisov test za ocene in vrzeli (vrednost p s permutacijami za majhne skupine; velikost učinka ε²), test χ² za deleže odgovorov (Cramérjev V), Fisherjev eksaktni test za preglednice 2 × 2 z majhnimi pričakovanimi frekvencami.',
    adjustment: (family) =>
      `Vrednosti p analize (${family}) so popravljene skupaj, po Holmovi metodi (napaka na ravni družine testov) in po metodi Benjamini–Hochberg (delež lažnih odkritij). Vsi testi so raziskovalni.`,
    fewGroups: (k) =>
      `Najmanjšega števila anketirancev (${k}) ne dosegata niti dve skupini, zato testi niso bili izvedeni.`,
    ipaCrosshair:
      'Osi analize pomembnosti in delovanja so za vsako skupino povprečje pomembnosti in delovanja njenih razsežnosti; kvadrant je treba brati skupaj z vrzeljo (diagonala pomeni pomembnost = delovanje).',
    borda:
      'Razvrstitve uporabljajo Bordovo metodo: prvo mesto dobi toliko točk, kolikor je mest, zadnje eno točko.',
    sureness: (n, share) =>
      `V povzetku je vrzel označena kot jasna, kadar njen 95-odstotni interval zaupanja ne vključuje ničle in je število anketirancev, ki so navedli obe vrednosti, vsaj ${n}; kot negotova, kadar jih je manj ali je interval širši od ${share} lestvice; »ni jasne vrzeli«, kadar interval vključuje ničlo.`,
    standsOut: (between) =>
      `Povzetek navaja, da se vrzel ${between} jasno razlikuje, kadar je vrednost p njenega raziskovalnega Kruskal–Wallisovega testa po Holmovem popravku manjša od 0,05.`,
    caveatTitle: 'Opozorilo',
    caveat:
      'Ocene so samoocene deležnikov o lastni regiji: kažejo, kje vsaka regija vidi svoje vrzeli, ne pa absolutnih meril. Regije je treba primerjati previdno, podatke pa brati skupaj z regionalnimi kazalniki in odprtimi odgovori.',
  },
  gaps: {
    comparisonIntro:
      'Vrzel razsežnosti je cilj − trenutno stanje (pomembnost − delovanje ali ciljna − trenutna zrelost), povprečena prek anketirancev: večja kot je, dlje je regija od potrebne ravni.',
    comparisonCaption: (word, kind) => `Vrzel po razsežnostih in ${word.by}: ${kind}`,
    comparisonNote: (k) =>
      `Povprečna parna vrzel. »n < ${k}«: število anketirancev je manjše od ${k}; »skrito«: skrito, da seštevki ne razkrijejo majhne skupine. p (Holm): raziskovalni Kruskal–Wallisov test med skupinami s Holmovim popravkom.`,
    pHolm: 'p (Holm)',
    ipaIntro:
      'Analiza pomembnosti in delovanja umesti vsako razsežnost glede na povprečno delovanje (x) in pomembnost (y). Osredotočite se tukaj: velika pomembnost, slabo delovanje; nadaljujte dobro delo: oboje visoko; nizka prednost: oboje nizko; morebitni presežek: delovanje nad pomembnostjo.',
    ipaOverallCaption: 'Pomembnost, delovanje in vrzel, vsi anketiranci',
    ipaQuadrantCaption: (word) => `Kvadrant IPA po razsežnostih in ${word.by}`,
    importance: 'Pomembnost',
    performance: 'Delovanje',
    quadrant: 'Kvadrant',
    quadrants: {
      'concentrate-here': 'Osredotočite se tukaj',
      'keep-up-the-good-work': 'Nadaljujte dobro delo',
      'low-priority': 'Nizka prednost',
      'possible-overkill': 'Morebitni presežek',
    },
    maturityIntro:
      'Zrelost se oceni za danes in kot ciljna raven; vrzel je povprečje razlik ciljna − trenutna raven, ki jih navede vsak anketiranec.',
    maturityCaption: 'Trenutna in ciljna zrelost, vsi anketiranci',
    maturityByGroupCaption: (word) => `Zrelost danes → cilj ${word.by}`,
    maturityByGroupNote:
      'Povprečna raven danes → povprečna ciljna raven, za anketirance, ki so navedli obe.',
    current: 'Danes',
    target: 'Cilj',
    wavesIntro: (from, to) =>
      `Sprememba povprečne vrzeli vsake razsežnosti od vala ${from} do vala ${to}, po regijah. Valovi imajo različne anketirance: sprememba je razlika dveh povprečij, ne panelna primerjava.`,
    wavesCaption: (from, to) => `Sprememba vrzeli od vala ${from} do vala ${to}`,
    wavesNote:
      'Sprememba (vrzel v prvem valu → vrzel v drugem); negativna vrednost: vrzel se je zmanjšala.',
    waveHas: (wave, n, count, paired) =>
      `val ${wave} ima ${count} ${form(n, ['odgovor', 'odgovora', 'odgovore', 'odgovorov'])}${paired === null ? '' : `, od tega ${paired} z odgovorom na obe strani razsežnosti`}`,
    wavesNone: (list, k, requested) =>
      requested
        ? `${list} doslej: zahtevanih valov še ni mogoče primerjati, saj mora biti v vsakem število anketirancev, ki so odgovorili na obe strani razsežnosti, vsaj ${k}.`
        : `${list} doslej: primerjave med valovi še ni, saj sta potrebna dva vala, v katerih je število anketirancev, ki so odgovorili na obe strani razsežnosti, vsaj ${k}.`,
    wavesLeftOut: (list, count, k) =>
      `${list} doslej in ${form(count, ['še ni primerjan', 'še nista primerjana', 'še niso primerjani', 'še niso primerjani'])}: v valu mora biti število anketirancev, ki so odgovorili na obe strani razsežnosti, vsaj ${k}.`,
  },
  questions: {
    figuresIntro:
      'Podatki, kot so regionalni kazalniki, ki so jih navedli anketiranci: mediana danih odgovorov s številom anketirancev, ki so podatek navedli. Kjer so anketiranci navedli vire, so ti med odprtimi odgovori.',
    medianCaption: (title) => `${title}: mediana (n)`,
    medianNote: 'Mediana in v oklepaju število anketirancev, ki so navedli podatek.',
    targetGroupsIntro:
      'Dostop do financiranja in prednost posamezne ciljne skupine po oceni anketirancev.',
    meanCaption: (title) => `${title}: povprečje po skupinah`,
    meanNote: (low, high) => `Povprečna ocena, od »${low}« do »${high}«.`,
    meanCells: (word) =>
      `Skupaj: povprečje vseh anketirancev s 95-odstotnim intervalom zaupanja in n; ${word.by}: povprečje (n).`,
    barriersIntro: 'Delež anketirancev, ki navajajo posamezno oviro.',
    percentCaption: (title) => `${title}: delež anketirancev`,
    percentNote: (multi) =>
      multi
        ? 'Delež anketirancev, ki so izbrali odgovor (možnih je več odgovorov).'
        : 'Delež anketirancev, ki so izbrali odgovor.',
    ratings: 'Ocene',
    shares: 'Deleži odgovorov',
    rankings: 'Razvrstitve',
    otherFigures: 'Drugi podatki',
  },
  answers: {
    intro: (max, k) =>
      `Odprti odgovori, kot so bili zapisani, skrajšani na ${max} ${form(max, ['znak', 'znaka', 'znake', 'znakov'])}; e-poštni naslovi in telefonske številke so odstranjeni; enaki odgovori so prikazani enkrat, z njihovim številom. Skupine, v katerih je število anketirancev manjše od ${k}, niso prikazane.`,
    groupHeading: (label, n) => `${label} (n = ${n})`,
    suppressed: (k) => `n < ${k}: odgovori niso prikazani.`,
    noAnswers: 'Ni odgovorov.',
    more: (count) => `… in še ${count}.`,
    email: '[e-naslov odstranjen]',
    phone: '[telefonska številka odstranjena]',
    none: 'Vprašalnik nima odprtih vprašanj z odgovori.',
  },
  special: {
    voteIntro: (ballots) =>
      `Število glasovnic: ${ballots}. Vsak partner oceni prakse drugih regij z ocenami od 1 do 5 in razvrsti prve tri (Bordova metoda 3/2/1; glasovi za lastno regijo glasujočega so izločeni; izenačenja se razrešijo s povprečno prenosljivostjo).`,
    voteCaption: 'Razvrstitev praks',
    voteHead: [
      'Mesto',
      'Praksa',
      'Bordove točke',
      'Prva mesta',
      'Razvrstilo',
      'Povprečna prenosljivost (n)',
    ],
    criteriaCaption: 'Povprečna ocena po merilih (1–5)',
    ballotsCaption: 'Glasovnice po regijah',
    ballotsHead: ['Regija', 'Glasovnice'],
    excluded: (votes, scores) =>
      `Izločeno, ker se nanaša na lastno regijo glasujočega: glasovi pri razvrstitvi – ${votes}, vrstice ocen – ${scores}.`,
    codesignIntro: (sheets) =>
      `Število delavniških listov: ${sheets}. Vsaka podskupina razvrsti svoje prednostne izzive; list, ki razvrsti k izzivov, da prvemu k točk in zadnjemu 1 točko.`,
    challengesCaption: 'Prednostni izzivi, vsi listi',
    challengesHead: ['Mesto', 'Izziv', 'Bordove točke', 'Prva mesta', 'Listi', 'Povprečno mesto'],
    subgroupsCaption: 'Glavni izzivi po podskupinah',
    productsCaption: 'Predlagane vrste finančnih produktov',
    ratingsCaption: 'Pričakovani učinki in izvedljivost (povprečje, 1–5)',
    indicatorsIntro: (reports) =>
      `Število poročil o kazalnikih: ${reports}. Seštevki po regijah in obdobjih; razmerja le za poročila, ki so prestala preverjanje skladnosti.`,
    latestCaption: 'Zadnje obdobje po regijah',
    indicatorHead: [
      'Regija',
      'Obdobje',
      'Poročila',
      'Člani',
      'Aktivni posojilojemalci',
      'Ženske',
      'Mladi',
      'Neodplačani portfelj',
      'Prihranki',
      'PAR30',
    ],
    flagsCaption: 'Preverjanje skladnosti',
    flagsHead: ['Preverjanje', 'Označena poročila'],
    flags: {
      'missing-required': 'Manjka obvezen podatek',
      'women-over-borrowers': 'Posojilojemalk je več kot vseh posojilojemalcev',
      'youth-over-borrowers': 'Mladih posojilojemalcev je več kot vseh posojilojemalcev',
      'par-out-of-range': 'PAR30 zunaj razpona 0–100 %',
      'future-period': 'Obdobje v prihodnosti',
      duplicate: 'Podvojeno poročilo (prejšnje je izločeno)',
    },
  },
  annex: {
    tablesIntro:
      'Vsaka postavka vprašalnika po skupinah. Skrite skupine prikazujejo le »n < k«. Besedila odprtih odgovorov so v razdelku »Odprti odgovori«.',
    meanCell: 'povprečje (n)',
    numericCaption: (title) => `${title}: povprečje (n)`,
    numericNote:
      'Povprečje in v oklepaju število anketirancev z vrednostjo na lestvici. p: raziskovalni Kruskal–Wallisov test s Holmovim popravkom.',
    choiceCaption: (title) => `${title}: delež anketirancev`,
    rankingCaption: (title) => `${title}: Bordove točke`,
    rankingNote:
      'Bordove točke, seštete prek anketirancev; prva vrstica: anketiranci, ki so razvrščali.',
    textCaption: 'Odprta vprašanja: anketiranci, ki so odgovorili',
    textNote: 'Besedila so v razdelku »Odprti odgovori«.',
    item: 'Postavka',
    option: 'Odgovor',
    test: 'p (Holm)',
    codebookHead: ['Šifra', 'Vrsta', 'Vprašanje', 'Šifre odgovorov'],
    chartsHead: ['Slika', 'Naslov', 'Ime datoteke'],
    same: 'enako',
    notes: 'Opombe k analizi',
  },
  notes: {
    counted: (n, drafts, scope) =>
      `Upoštevani odgovori: ${n} (${drafts ? 'oddani in osnutki' : 'samo oddani; osnutki izločeni'}), ${scope}.`,
    scopeWave: (wave) => `samo val ${wave}`,
    scopeLatest: (wave, k) =>
      `samo val ${wave} (privzeto zadnji val, v katerem je število anketirancev vsaj ${k})`,
    scopeLatestSmall: (wave, k) =>
      `samo val ${wave} (privzeto zadnji val; v nobenem število anketirancev ne doseže ${k})`,
    scopeAll: 'vsi valovi',
    scopeAllByWave: 'vsi valovi (privzeto pri primerjavi po valovih)',
    scopeAllIndicators: 'vsi valovi (privzeto pri periodičnih poročilih o kazalnikih)',
    excluded: (n, question) =>
      `Odgovori brez uporabnega odgovora na »${question}«, izločeni iz vseh rezultatov: ${n}.`,
    versions: (count, version) =>
      `Število različic vprašalnika, na katere so anketiranci odgovarjali: ${count}; vse se berejo po trenutni različici ${version}.`,
    dk: '»Ne vem« in drugi odgovori zunaj lestvice postavke se štejejo posebej in nikoli ne vstopajo v n, povprečja ali deleže.',
    suppression: (k) =>
      `Celice, v katerih je število anketirancev manjše od ${k}, prikazujejo le svoj n; skrite so tudi nekatere druge celice, da jih noben seštevek brez vidnih celic ne razkrije.`,
    noPValues:
      'Nobena postavka ni imela dveh vidnih skupin z odgovori za primerjavo, zato vrednosti p niso bile izračunane.',
    wavesLatest: (from, to, k, leftOut) =>
      `Valovi: sprememba povprečne vrzeli vsake razsežnosti od ${from} do ${to} (zadnja dva vala, v katerih je število anketirancev, ki so odgovorili na obe strani razsežnosti, vsaj ${k}${leftOut === null ? '' : `; še neprimerjani: ${leftOut}`}), po regijah, med različnimi anketiranci, ne glede na val drugih rezultatov.`,
    wavesRequested: (from, to) =>
      `Valovi: sprememba povprečne vrzeli vsake razsežnosti od ${from} do ${to} (zahtevana vala), po regijah, med različnimi anketiranci, ne glede na val drugih rezultatov.`,
    noWavesOne: (wave) => `Ni primerjave med valovi: vsi upoštevani odgovori so iz vala ${wave}.`,
    noWavesFew: (k, counts) =>
      `Ni primerjave med valovi: potrebna sta dva vala, v katerih je število anketirancev, ki so odgovorili na obe strani razsežnosti, vsaj ${k} (${counts ?? 'nobenega'}).`,
    rankings:
      'Razvrstitve: Bordove točke — prvo mesto dobi m točk, naslednje eno manj, pri čemer je m število zahtevanih mest (npr. 3/2/1 za prva tri) ali sicer število možnosti; povprečno mesto je povprečni položaj med tistimi, ki so možnost razvrstili.',
    skipped: (list) => `Ni povzeto (nepodprta vrsta): ${list}.`,
    notNumeric: (dimension, path) => `Razsežnost »${dimension}«: »${path}« ni številska postavka.`,
    asWritten: (note) => `${note} (v angleščini, kot jo je zapisala analiza)`,
  },
}
