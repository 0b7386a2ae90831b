/** Swedish strings of the gap report (see `report/text/index.ts` for the keys). */
import type { ReportText } from './index.ts'

/** Swedish: the register of an official report, ”citattecken” as in Swedish print. */
export const sv: ReportText = {
  reportKind: 'Gapanalysrapport',
  subtitle: (survey, version, scope) =>
    `Gapanalysrapport · enkät ${survey}, version ${version} · ${scope}`,
  waveScope: (wave) => (wave === null ? 'alla omgångar' : `omgång ${wave}`),
  contents: 'Innehåll',
  files: 'Filer',
  figure: 'Figur',
  groupWord: {
    region: {
      one: 'region',
      many: 'regioner',
      column: 'Region',
      between: 'mellan regionerna',
      by: 'per region',
      inCount: (count, n) => `i ${n} ${count === 1 ? 'region' : 'regioner'}`,
    },
    wave: {
      one: 'omgång',
      many: 'omgångar',
      column: 'Omgång',
      between: 'mellan omgångarna',
      by: 'per omgång',
      inCount: (count, n) => `i ${n} ${count === 1 ? 'omgång' : 'omgångar'}`,
    },
    group: {
      one: 'grupp',
      many: 'grupper',
      column: 'Grupp',
      between: 'mellan grupperna',
      by: 'per grupp',
      inCount: (count, n) => `i ${n} ${count === 1 ? 'grupp' : 'grupper'}`,
    },
  },
  all: 'Samtliga',
  none: 'inga',
  notStated: 'Ej angivet',
  suppressed: (k) => `n < ${k}`,
  hidden: 'dold',
  dimension: 'Dimension',
  kind: { 'importance-performance': 'betydelse − funktion', 'current-target': 'mognad' },
  kindTitle: {
    'importance-performance': 'betydelse − funktion',
    'current-target': 'mognad, mål − nuläge',
  },
  type: 'Typ',
  n: 'n',
  gap: 'Gap',
  ci: 'Konfidensintervall 95 %',
  rank: 'Plats',
  listSeparator: '; ',
  sections: {
    summary: 'Sammanfattning',
    method: 'Metod',
    figures: 'Uppgifter från de svarande',
    comparison: 'Jämförelse per dimension',
    ipa: 'Analys av betydelse och funktion',
    maturity: 'Mognad i dag och mål',
    waves: 'Förändring mellan omgångar',
    targetGroups: 'Målgrupper',
    barriers: 'Hinder',
    charts: 'Övriga resultat',
    openAnswers: 'Öppna svar',
    vote: 'Omröstning om goda exempel',
    codesign: 'Prioriteringar från samskapandet',
    indicators: 'Indikatorer',
    annexTables: 'Bilaga A: fullständiga tabeller',
    annexCodebook: 'Bilaga B: kodbok',
    annexCharts: 'Bilaga C: diagram och analysens anteckningar',
  },
  summary: {
    intro: (n, groups, fieldwork, k, scope) =>
      `${n} svarande ${groups}, ${scope}${fieldwork ? `, ${fieldwork}` : ''}. Resultat redovisas endast för grupper med minst ${k} svarande.`,
    empty: 'Inga svar räknades, så rapporten innehåller inga resultat.',
    onePerGroup:
      'Varje grupp har högst en svarande (t.ex. en sammanställd enkät per partner): endast en beskrivning är rättvisande, så inga tester har gjorts.',
    standsOutTitle: 'Det här sticker ut',
    scale: (low, high) => `skala ${low}–${high}`,
    largest: {
      'current-target': (dimension, gap, scale, sure) =>
        `Största gapet mellan dagens mognad och målet: ${dimension}, i genomsnitt ${gap} (${scale}) — ${sure}.`,
      'importance-performance': (dimension, gap, scale, sure) =>
        `Största gapet mellan betydelse och funktion: ${dimension}, i genomsnitt ${gap} (${scale}) — ${sure}.`,
    },
    standsOut: (dimension, between, high, low) =>
      `${dimension}: gapet skiljer sig tydligt ${between}; störst: ${high}, minst: ${low}.`,
    noneStandsOut: (kind, between) =>
      `Inget gap av typen ”${kind}” skiljer sig tydligt ${between}.`,
    noComparison: (between, k) =>
      `Ingen jämförelse ${between}: färre än två har minst ${k} svarande.`,
    protectedGroups: (list, k) =>
      `Redovisas inte, för att skydda de svarande: ${list} (färre än ${k} svarande).`,
    topOverall: (kind, scale) => `Största gapen, samtliga svarande: ${kind} (${scale})`,
    topByGroup: (word, kind, scale) => `Största gapen ${word.by}: ${kind} (${scale})`,
    topHead: ['1:a', '2:a', '3:e'],
    sureHead: 'Säkerhet',
    sure: {
      clear: 'tydligt gap',
      includesZero: 'inget tydligt gap',
      fewAnswers: 'osäkert, få svar',
      wide: 'osäkert, stor spridning i svaren',
      protected: 'redovisas inte för att skydda de svarande',
    },
    practices: 'Goda exempel att sprida',
    practicesFrom: (ballots) =>
      `Från omröstningen om goda exempel (${ballots} röstsedlar; Bordametoden 3/2/1, röster på den röstandes egen region borträknade, lika poäng avgjorda med genomsnittlig överförbarhet).`,
    practiceHead: [
      'Plats',
      'Exempel',
      'Bordapoäng',
      'Förstaplatser',
      'Genomsnittlig överförbarhet',
    ],
    noVote:
      'Inga resultat från omröstningen om goda exempel fanns tillgängliga för den här rapporten',
    noVoteReason: {
      'no-questionnaire': ': ingen enkät anger en omröstning ("gapkit": {"analysis": "vote"})',
      'no-ballots': ': inga röstsedlar har räknats ännu',
    },
    seeVoteSection: 'Rangordningen av exemplen finns i avsnittet ”Omröstning om goda exempel”.',
  },
  method: {
    questionnaire: 'Enkät',
    questionnaireValue: (title, survey, version) => `${title} (${survey}), version ${version}`,
    versions: 'Besvarade versioner',
    versionsMany: (list) => `${list}; alla läses enligt den aktuella versionen`,
    counted: 'Räknade svar',
    countedSubmitted: 'inskickade svar (utkast och avvisade svar är borträknade)',
    countedDrafts: 'inskickade svar och utkast (avvisade svar är borträknade)',
    wave: 'Omgångar',
    allWaves: 'alla omgångar',
    waveOnly: (wave) => `endast omgång ${wave}`,
    grouping: 'Jämförelse',
    groupingBy: (word) => word.by,
    fieldwork: 'Datainsamling',
    fieldworkRange: (from, to) => (from === to ? from : `${from} till ${to}`),
    noDates: 'inga inlämningsdatum',
    respondents: 'Svarande',
    respondentsValue: (n, groups) => `${n} ${groups}`,
    suppression: 'Små grupper',
    suppressionValue: (k) =>
      `grupper och celler med färre än ${k} svarande visar ”n < ${k}” och inga resultat; även en närliggande cell döljs när summorna annars skulle avslöja en dold cell`,
    respondentsTitle: 'Svarande per region och aktörstyp',
    respondentsCaption: 'Räknade svarande per aktörstyp och region',
    respondentsNote: (k) =>
      `Celler med 1–${k - 1} svarande visar ”n < ${k}”; celler markerade ”dold” döljs så att summorna inte kan avslöja dem.`,
    stakeholder: 'Aktörstyp',
    total: 'Totalt',
    scales: 'Skalor',
    scaleHead: ['Skala', 'Värden'],
    scalesNote:
      'Etiketter som i enkäten. Betydelse och funktion bedöms på en skala 1–5; mognadsnivåerna börjar på 0 (saknas).',
    dkTitle: 'Svaret ”Vet inte” och saknade svar',
    dk: (codes) =>
      `”Vet inte” är ett eget svar och aldrig ett skalvärde: det räknas separat och ingår aldrig i n, medelvärden, gap eller andelar. Koder som behandlas på detta sätt: ${codes}. Ett gap beräknas endast för svarande som har angett båda värdena.`,
    statistics: 'Statistik',
    wilson: 'Andelar anges med Wilsons 95-procentiga konfidensintervall.',
    bootstrap: (b, seed, maxN) =>
      `Medelvärden och gap anges med 95-procentiga konfidensintervall enligt percentilmetoden med bootstrap (B = ${b}, startvärde ${seed}, så att samma data alltid ger samma rapport; normalapproximation över n = ${maxN}).`,
    paired:
      'Ett gap är medelvärdet av varje svarandes egen skillnad mål − nuläge (parade data); ett positivt värde betyder att regionen ligger under den nivå som behövs.',
    tests:
      'Skillnader mellan grupper: Kruskal–Wallis-test för bedömningar och gap (permutationsbaserat p-värde för små grupper; effektstorlek ε²), χ²-test för svarsandelar (Cramérs V), Fishers exakta test för 2 × 2-tabeller med låga förväntade frekvenser.',
    adjustment: (family) =>
      `Analysens ${family} p-värden justeras tillsammans, med Holms metod (familjevis felrisk) och Benjamini–Hochbergs metod (andel falska upptäckter). Alla tester är explorativa.`,
    fewGroups: (k) => `Färre än två grupper har minst ${k} svarande, så inga tester har gjorts.`,
    ipaCrosshair:
      'Hårkorset i analysen av betydelse och funktion är för varje grupp medelvärdet av betydelse och funktion över gruppens dimensioner; en kvadrant läses tillsammans med gapet (diagonalen är betydelse = funktion).',
    borda:
      'Rangordningar använder Bordametoden: förstaplatsen får lika många poäng som det finns platser, den sista platsen en poäng.',
    sureness: (n, share) =>
      `I sammanfattningen kallas ett gap tydligt när dess 95-procentiga konfidensintervall inte innehåller noll och minst ${n} svarande har angett båda värdena; osäkert när färre har gjort det eller när intervallet är bredare än ${share} av skalan; ”inget tydligt gap” när intervallet innehåller noll.`,
    standsOut: (between) =>
      `Sammanfattningen anger att ett gap skiljer sig tydligt ${between} när dess explorativa Kruskal–Wallis-test ger ett Holmjusterat p-värde under 0,05.`,
    caveatTitle: 'Förbehåll',
    caveat:
      'Bedömningarna är aktörernas självskattningar av den egna regionen: de visar var varje region ser sina egna gap, inte absoluta riktmärken. Jämför regioner med försiktighet och läs siffrorna tillsammans med de regionala indikatorerna och de öppna svaren.',
  },
  gaps: {
    comparisonIntro:
      'En dimensions gap är mål − nuläge (betydelse − funktion, eller eftersträvad − nuvarande mognad), i genomsnitt över de svarande: ju större gap, desto längre är regionen från den nivå som behövs.',
    comparisonCaption: (word, kind) => `Gap per dimension och ${word.one}: ${kind}`,
    comparisonNote: (k) =>
      `Genomsnittligt parat gap. ”n < ${k}”: färre än ${k} svarande; ”dold”: dold så att summorna inte avslöjar en liten grupp. p (Holm): explorativt Kruskal–Wallis-test mellan grupper, Holmjusterat.`,
    pHolm: 'p (Holm)',
    ipaIntro:
      'Analysen av betydelse och funktion placerar varje dimension efter dess genomsnittliga funktion (x) och betydelse (y). Fokusera här: hög betydelse, låg funktion; fortsätt så: båda höga; låg prioritet: båda låga; möjlig överinsats: funktionen över betydelsen.',
    ipaOverallCaption: 'Betydelse, funktion och gap, samtliga svarande',
    ipaQuadrantCaption: (word) => `IPA-kvadrant per dimension och ${word.one}`,
    importance: 'Betydelse',
    performance: 'Funktion',
    quadrant: 'Kvadrant',
    quadrants: {
      'concentrate-here': 'Fokusera här',
      'keep-up-the-good-work': 'Fortsätt så',
      'low-priority': 'Låg prioritet',
      'possible-overkill': 'Möjlig överinsats',
    },
    maturityIntro:
      'Mognaden bedöms i dag och som mål; gapet är medelvärdet av varje svarandes egen skillnad mellan målnivå och nuvarande nivå.',
    maturityCaption: 'Mognad i dag och mål, samtliga svarande',
    maturityByGroupCaption: (word) => `Mognad i dag → mål ${word.by}`,
    maturityByGroupNote:
      'Genomsnittlig nivå i dag → genomsnittlig målnivå, för svarande som har angett båda.',
    current: 'I dag',
    target: 'Mål',
    wavesIntro: (from, to) =>
      `Förändring av varje dimensions genomsnittliga gap från omgång ${from} till omgång ${to}, per region. Omgångarna har olika svarande: en förändring är en skillnad mellan två medelvärden, inte en panel.`,
    wavesCaption: (from, to) => `Förändring av gapet från omgång ${from} till omgång ${to}`,
    wavesNote:
      'Förändring (gap i den första omgången → gap i den andra); negativt värde: gapet har minskat.',
    waveHas: (wave, _n, count, paired) =>
      `omgång ${wave} har ${count} svar${paired === null ? '' : `, varav ${paired} med båda sidorna av en dimension besvarade`}`,
    wavesNone: (list, k, requested) =>
      requested
        ? `${list} hittills: de begärda omgångarna kan ännu inte jämföras, var och en behöver minst ${k} svarande som har besvarat båda sidorna av en dimension.`
        : `${list} hittills: ännu ingen jämförelse mellan omgångar, det behövs två omgångar med minst ${k} svarande vardera som har besvarat båda sidorna av en dimension.`,
    wavesLeftOut: (list, _count, k) =>
      `${list} hittills och jämförs inte ännu: en omgång behöver minst ${k} svarande som har besvarat båda sidorna av en dimension.`,
  },
  questions: {
    figuresIntro:
      'Uppgifter som regionala indikatorer, så som de svarande har angett dem: medianen av de angivna svaren, med antalet svarande som har angett ett värde. Där de svarande har angett källor finns dessa bland de öppna svaren.',
    medianCaption: (title) => `${title}: median (n)`,
    medianNote: 'Median och, inom parentes, antalet svarande som har angett en siffra.',
    targetGroupsIntro:
      'Tillgång till finansiering och prioritet för varje målgrupp, enligt de svarandes bedömning.',
    meanCaption: (title) => `${title}: medelvärde per grupp`,
    meanNote: (low, high) => `Genomsnittlig bedömning, från ”${low}” till ”${high}”.`,
    meanCells: (word) =>
      `Samtliga: medelvärde för alla svarande, med 95-procentigt konfidensintervall och n; ${word.by}: medelvärde (n).`,
    barriersIntro: 'Andel svarande som nämner respektive hinder.',
    percentCaption: (title) => `${title}: andel svarande`,
    percentNote: (multi) =>
      multi
        ? 'Andel svarande som har valt alternativet (flera svar möjliga).'
        : 'Andel svarande som har valt alternativet.',
    ratings: 'Bedömningar',
    shares: 'Svarsandelar',
    rankings: 'Rangordningar',
    otherFigures: 'Övriga uppgifter',
  },
  answers: {
    intro: (max, k) =>
      `Öppna svar som de skrevs, avkortade vid ${max} tecken; e-postadresser och telefonnummer har tagits bort; identiska svar visas en gång med antal. Grupper med färre än ${k} svarande redovisas inte.`,
    groupHeading: (label, n) => `${label} (n = ${n})`,
    suppressed: (k) => `n < ${k}: svaren redovisas inte.`,
    noAnswers: 'Inga svar.',
    more: (count) => `… och ${count} till.`,
    email: '[e-postadress borttagen]',
    phone: '[telefonnummer borttaget]',
    none: 'Enkäten har inga öppna frågor med svar.',
  },
  special: {
    voteIntro: (ballots) =>
      `${ballots} röstsedlar. Varje partner bedömer de andra regionernas exempel på en skala 1–5 och rangordnar sina tre främsta (Bordametoden 3/2/1; röster på den röstandes egen region räknas bort; lika poäng avgörs med genomsnittlig överförbarhet).`,
    voteCaption: 'Rangordning av exemplen',
    voteHead: [
      'Plats',
      'Exempel',
      'Bordapoäng',
      'Förstaplatser',
      'Rangordnat av',
      'Genomsnittlig överförbarhet (n)',
    ],
    criteriaCaption: 'Genomsnittlig poäng per kriterium (1–5)',
    ballotsCaption: 'Röstsedlar per region',
    ballotsHead: ['Region', 'Röstsedlar'],
    excluded: (votes, scores) =>
      `Borträknade eftersom de gällde den röstandes egen region: ${votes} rangordningsval och ${scores} poängrader.`,
    codesignIntro: (sheets) =>
      `${sheets} workshopblad. Varje undergrupp rangordnar sina prioriterade utmaningar; ett blad som rangordnar k utmaningar ger k poäng till den första och 1 poäng till den sista.`,
    challengesCaption: 'Prioriterade utmaningar, alla blad',
    challengesHead: [
      'Plats',
      'Utmaning',
      'Bordapoäng',
      'Förstaplatser',
      'Blad',
      'Genomsnittlig placering',
    ],
    subgroupsCaption: 'Främsta utmaningar per undergrupp',
    productsCaption: 'Föreslagna typer av finansiella produkter',
    ratingsCaption: 'Förväntade effekter och genomförbarhet (medelvärde, 1–5)',
    indicatorsIntro: (reports) =>
      `${reports} indikatorrapporter. Summor per region och period; kvoter endast för rapporter som har klarat rimlighetskontrollerna.`,
    latestCaption: 'Senaste period per region',
    indicatorHead: [
      'Region',
      'Period',
      'Rapporter',
      'Medlemmar',
      'Aktiva låntagare',
      'Kvinnor',
      'Unga',
      'Utestående portfölj',
      'Sparande',
      'PAR30',
    ],
    flagsCaption: 'Rimlighetskontroller',
    flagsHead: ['Kontroll', 'Flaggade rapporter'],
    flags: {
      'missing-required': 'Obligatorisk uppgift saknas',
      'women-over-borrowers': 'Fler kvinnliga låntagare än låntagare totalt',
      'youth-over-borrowers': 'Fler unga låntagare än låntagare totalt',
      'par-out-of-range': 'PAR30 utanför 0–100 %',
      'future-period': 'Period i framtiden',
      duplicate: 'Dubblettrapport (den tidigare borträknad)',
    },
  },
  annex: {
    tablesIntro:
      'Varje fråga i enkäten per grupp. Dolda grupper visar endast ”n < k”. De öppna svarens texter finns i avsnittet ”Öppna svar”.',
    meanCell: 'medelvärde (n)',
    numericCaption: (title) => `${title}: medelvärde (n)`,
    numericNote:
      'Medelvärde och, inom parentes, svarande med ett skalvärde. p: explorativt Kruskal–Wallis-test, Holmjusterat.',
    choiceCaption: (title) => `${title}: andel svarande`,
    rankingCaption: (title) => `${title}: Bordapoäng`,
    rankingNote:
      'Bordapoäng summerade över de svarande; första raden: svarande som har rangordnat.',
    textCaption: 'Öppna frågor: svarande som har svarat',
    textNote: 'Texterna finns i avsnittet ”Öppna svar”.',
    item: 'Fråga',
    option: 'Svar',
    test: 'p (Holm)',
    codebookHead: ['Kod', 'Typ', 'Fråga', 'Svarskoder'],
    chartsHead: ['Figur', 'Titel', 'Filnamn'],
    same: 'dito',
    notes: 'Analysens anteckningar',
  },
  notes: {
    counted: (n, drafts, scope) =>
      `${n} räknade svar (${drafts ? 'inskickade och utkast' : 'endast inskickade; utkast borträknade'}), ${scope}.`,
    scopeWave: (wave) => `endast omgång ${wave}`,
    scopeLatest: (wave, k) =>
      `endast omgång ${wave} (som standard den senaste omgången med minst ${k} svarande)`,
    scopeLatestSmall: (wave, k) =>
      `endast omgång ${wave} (som standard den senaste omgången; ingen har ${k} svarande)`,
    scopeAll: 'alla omgångar',
    scopeAllByWave: 'alla omgångar (standard vid jämförelse per omgång)',
    scopeAllIndicators: 'alla omgångar (standard för periodiska indikatorrapporter)',
    excluded: (n, question) =>
      `${n} svar utan användbart svar på ”${question}” räknas bort från alla resultat.`,
    versions: (count, version) =>
      `Svaren gäller ${count} versioner av enkäten; alla läses enligt den aktuella versionen ${version}.`,
    dk: '”Vet inte” och andra svar utanför en frågas skala räknas separat och ingår aldrig i n, medelvärden eller andelar.',
    suppression: (k) =>
      `Celler med färre än ${k} svarande visar bara sitt n; även vissa andra celler döljs, så att ingen summa minus de synliga cellerna avslöjar dem.`,
    noPValues:
      'Ingen fråga hade två synliga grupper med svar att jämföra, så inga p-värden har beräknats.',
    wavesLatest: (from, to, k, leftOut) =>
      `Omgångar: förändring av varje dimensions genomsnittliga gap från ${from} till ${to} (de två senaste omgångarna med minst ${k} svarande som har besvarat båda sidorna av en dimension${leftOut === null ? '' : `; ännu inte jämförda: ${leftOut}`}), per region, mellan olika svarande, oavsett vilken omgång övriga resultat avser.`,
    wavesRequested: (from, to) =>
      `Omgångar: förändring av varje dimensions genomsnittliga gap från ${from} till ${to} (de begärda omgångarna), per region, mellan olika svarande, oavsett vilken omgång övriga resultat avser.`,
    noWavesOne: (wave) =>
      `Ingen jämförelse mellan omgångar: alla räknade svar kommer från omgång ${wave}.`,
    noWavesFew: (k, counts) =>
      `Ingen jämförelse mellan omgångar: det behövs två omgångar med minst ${k} svarande som har besvarat båda sidorna av en dimension (${counts ?? 'inga'}).`,
    rankings:
      'Rangordningar: Bordapoäng — förstaplatsen får m poäng, nästa plats en poäng mindre, där m är antalet efterfrågade platser (t.ex. 3/2/1 för en topp tre) eller annars antalet alternativ; genomsnittlig placering är medelpositionen bland dem som har placerat alternativet.',
    skipped: (list) => `Inte sammanfattade (typ som inte stöds): ${list}.`,
    notNumeric: (dimension, path) =>
      `Dimension ”${dimension}”: ”${path}” är inte en numerisk fråga.`,
    asWritten: (note) => `${note} (på engelska, så som analysen skrev den)`,
  },
}
