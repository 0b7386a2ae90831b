/**
 * Short open-text answers for the demo, in each demo region's language. Invented for the demo:
 * plausible for the region, never quotes of real respondents.
 */

/** Open answers of the `microfinance-gap` questionnaire for one region. */
export interface GapTexts {
  biggest_gap: string[]
  policy_change: string[]
  practice_transfer: string[]
  ind_source: string[]
}

/** `microfinance-gap` open answers by region id, in the region's language. */
export const GAP_TEXTS: Record<string, GapTexts> = {
  'FR-93': {
    biggest_gap: [
      "Les jeunes des quartiers n'osent pas demander un prêt, ils ne savent pas que le microcrédit existe.",
      "Trop d'acteurs qui ne se parlent pas : le porteur de projet fait le tour de cinq guichets.",
      'Les créateurs au RSA ont peur de perdre leurs droits en lançant leur activité.',
      "L'accès au crédit reste difficile pour les personnes réfugiées sans historique bancaire.",
    ],
    policy_change: [
      'Un guichet unique départemental pour le financement et l’accompagnement des créateurs.',
      'Maintenir les minima sociaux pendant les 12 premiers mois d’activité.',
      'Relever le plafond du microcrédit professionnel et simplifier les pièces demandées.',
    ],
    practice_transfer: [
      'Les clubs CIGALES pourraient essaimer dans les villes moyennes des autres régions.',
      "L'accompagnement avant et après le prêt, comme à l'Adie, mériterait d'être diffusé.",
    ],
    ind_source: ['Rapport annuel Adie 2023', 'Banque de France, observatoire du microcrédit'],
  },
  'IT-BO': {
    biggest_gap: [
      "Il quadro normativo dell'art. 111 TUB limita troppo gli operatori di microcredito.",
      'Mancano garanzie per chi non ha un contratto stabile o una busta paga.',
      'I giovani stranieri hanno idee valide ma nessuna rete di garanti.',
    ],
    policy_change: [
      'Un fondo regionale di garanzia dedicato al microcredito, con procedure semplici.',
      'Riconoscere e finanziare il tutoraggio dei volontari come servizio essenziale.',
      'Più coordinamento tra Comune, fondazioni e banche del territorio.',
    ],
    practice_transfer: [
      'Il modello dei tutor volontari di Bologna funziona ed è poco costoso da replicare.',
      'Vorremmo studiare le garanzie pubbliche del FRGC rumeno.',
    ],
    ind_source: ['Ente Nazionale per il Microcredito, rapporto 2023', 'Dati interni PerMicro'],
  },
  'RO-BI': {
    biggest_gap: [
      'Educația financiară lipsește aproape complet, mai ales în zonele periurbane din Ilfov.',
      'Antreprenorii la început de drum nu primesc mentorat după acordarea creditului.',
      'Comunitățile de romi sunt practic excluse de la orice formă de credit.',
      'Procedurile IFN-urilor sunt prea birocratice pentru microîntreprinderi.',
    ],
    policy_change: [
      'Un program regional de mentorat finanțat din fonduri europene.',
      'Educație financiară în școli și în centrele comunitare.',
      'O platformă comună a furnizorilor de microcredit din București-Ilfov.',
    ],
    practice_transfer: [
      'Modelul Adie de însoțire înainte și după credit ar fi foarte util la noi.',
      'Tutorii voluntari din Bologna ar putea completa garanțiile FRGC.',
    ],
    ind_source: ['Raport anual BNR 2023', 'Date FRGC', 'Asociația Română de Microfinanțare'],
  },
  'SE-VG': {
    biggest_gap: [
      'Nyanlända företagare saknar kredithistorik och har svårt att få lån.',
      'Det finns för få aktörer som erbjuder riktigt små lån under 100 000 kronor.',
      'Språkbarriärer gör att rådgivningen inte når alla grupper.',
    ],
    policy_change: [
      'Ett regionalt mikrolåneprogram för nyanlända, med rådgivning på flera språk.',
      'Enklare regler för att kombinera ersättning och eget företagande.',
    ],
    practice_transfer: [
      'CIGALES-klubbar skulle passa bra i våra mindre kommuner.',
      'Adies mentorsmodell kan komplettera Almis lån.',
    ],
    ind_source: ['Almi Företagspartner Väst, årsredovisning 2023', 'Tillväxtverket'],
  },
  'SI-HEART': {
    biggest_gap: [
      'V regiji skoraj ni garancijskih shem za najmanjša posojila.',
      'Banke mikropodjetjem zahtevajo previsoka zavarovanja.',
      'Premalo ponudnikov mikroposojil na podeželju.',
      'Ljudje ne poznajo obstoječih programov Slovenskega podjetniškega sklada.',
    ],
    policy_change: [
      'Regionalna garancijska shema za mikroposojila do 25.000 evrov.',
      'Zakon, ki bi omogočil delovanje nebančnih ponudnikov mikroposojil.',
    ],
    practice_transfer: [
      'Klubi CIGALES za varčevanje državljanov, kot jih je predstavila Francija.',
      'Model garancij FRGC iz Romunije.',
    ],
    ind_source: ['Slovenski podjetniški sklad, letno poročilo 2023', 'Banka Slovenije'],
  },
  'ML-KK': {
    biggest_gap: [
      "Les organisations paysannes n'ont pas de crédit adapté au calendrier agricole.",
      "Pas d'assurance contre la sécheresse : une mauvaise saison et tout le monde s'endette.",
      'Les caisses sont trop loin des villages et le mobile money passe mal en brousse.',
      "Les femmes n'ont pas de garanties foncières pour emprunter.",
    ],
    policy_change: [
      'Un fonds de garantie pour le crédit aux organisations paysannes.',
      "Développer l'assurance agricole indicielle avec l'appui de l'État.",
      "Former les membres des caisses à l'éducation financière en bambara.",
    ],
    practice_transfer: [
      "Les tuteurs bénévoles de Bologne : on pourrait s'en inspirer avec les anciens des villages.",
      'Les garanties publiques comme le FRGC roumain.',
    ],
    ind_source: ['Rapport CSS-SFD 2023', 'Système d’information de Kondo Jigima'],
  },
}

/** Fallback texts for questionnaires the demo does not know, by locale. */
export const GENERIC_TEXTS: Record<string, string[]> = {
  en: [
    'Better coordination between lenders and support services would help.',
    'Access to small loans is still difficult for new entrepreneurs.',
    'Nothing to add.',
    'More information in plain language, please.',
  ],
  fr: [
    'Une meilleure coordination entre financeurs et accompagnateurs aiderait.',
    "L'accès aux petits prêts reste difficile pour les créateurs.",
    'Rien à ajouter.',
  ],
  it: [
    'Servirebbe più coordinamento tra chi presta e chi accompagna.',
    "L'accesso ai piccoli prestiti resta difficile.",
    'Niente da aggiungere.',
  ],
  ro: [
    'Ar ajuta o mai bună coordonare între finanțatori și consultanți.',
    'Accesul la împrumuturi mici rămâne dificil.',
    'Nimic de adăugat.',
  ],
  sv: [
    'Bättre samordning mellan långivare och rådgivare skulle hjälpa.',
    'Det är fortfarande svårt att få små lån.',
    'Inget att tillägga.',
  ],
  sl: [
    'Pomagalo bi boljše usklajevanje med posojilodajalci in svetovalci.',
    'Dostop do majhnih posojil je še vedno težaven.',
    'Nimam pripomb.',
  ],
}

/**
 * The one hostile-looking answer of the demo: a spreadsheet formula holding a script tag, so
 * HTML escaping and CSV/Excel formula neutralisation are both exercised downstream.
 */
export const HOSTILE_TEXT = '=HYPERLINK("http://x","<script>alert(1)</script>")'
