// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
// Writes surveys/examples/savings-group-gaps.xlsx: a small XLSForm a savings and credit
// cooperative in Mali could use (English and French), with a gapkit sheet for the gap analysis.
// Run: npx tsx scripts/make-example-xlsform.ts
// Convert: npx gapkit xlsform surveys/examples/savings-group-gaps.xlsx --out surveys/definitions/
import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import { type CellInput, type WorkbookRows, writeWorkbook } from '../surveys/xlsform/write.ts'

const OUT = new URL('../surveys/examples/savings-group-gaps.xlsx', import.meta.url)

const EN = 'label::English (en)'
const FR = 'label::French (fr)'
const HINT_EN = 'hint::English (en)'
const HINT_FR = 'hint::French (fr)'
const MSG_EN = 'constraint_message::English (en)'
const MSG_FR = 'constraint_message::French (fr)'

type Row = Record<string, CellInput>

/** A sheet from one object per row, the header made of every key in the order first met. */
function rows(list: Row[]): CellInput[][] {
  const headers = [...new Set(list.flatMap((r) => Object.keys(r)))]
  return [headers, ...list.map((r) => headers.map((h) => r[h]))]
}

function q(type: string, name: string, en: string, fr: string, more: Row = {}): Row {
  return { type, name, [EN]: en, [FR]: fr, ...more }
}

// Where we are and where we need to be, on the same five-point scale.
function gapPair(name: string, en: string, fr: string): Row[] {
  return [
    q('select_one scale', `${name}_now`, `${en}: today`, `${fr} : aujourd'hui`, {
      required: 'yes',
      appearance: 'likert',
    }),
    q('select_one scale', `${name}_goal`, `${en}: what we need`, `${fr} : ce qu'il nous faut`, {
      required: 'yes',
      appearance: 'likert',
    }),
  ]
}

const SURVEY: Row[] = [
  q(
    'note',
    'intro',
    'This self-assessment takes about 10 minutes. Answers are anonymous and are only reported for groups of at least 3 people.',
    "Cette auto-évaluation prend environ 10 minutes. Les réponses sont anonymes et ne sont présentées que pour des groupes d'au moins 3 personnes.",
  ),
  q('begin group', 'respondent', 'About you', 'À propos de vous', { appearance: 'field-list' }),
  q('select_one region', 'mali_region', 'Region', 'Région', { required: 'yes' }),
  q('select_one cercle', 'cercle', 'Cercle or commune', 'Cercle ou commune', {
    required: 'yes',
    appearance: 'minimal',
    choice_filter: 'region = ${mali_region}',
  }),
  q('text', 'coop_name', 'Name of your cooperative', 'Nom de votre coopérative'),
  q('select_one role', 'role', 'Your role in the cooperative', 'Votre rôle dans la coopérative', {
    required: 'yes',
  }),
  q('select_one gender', 'gender', 'You are', 'Vous êtes', { required: 'yes' }),
  q('integer', 'age', 'Your age', 'Votre âge', {
    constraint: '. >= 15 and . <= 99',
    [MSG_EN]: 'Age between 15 and 99',
    [MSG_FR]: 'Âge entre 15 et 99 ans',
  }),
  q('integer', 'years_member', 'Years as a member', "Années d'adhésion", {
    constraint: '. >= 0 and . <= 60',
    [MSG_EN]: 'Between 0 and 60 years',
    [MSG_FR]: 'Entre 0 et 60 ans',
  }),
  { type: 'end group' },
  q('begin group', 'savings', 'Savings', 'Épargne', { appearance: 'field-list' }),
  q(
    'select_one frequency',
    'saving_freq',
    'How often do you save?',
    'À quelle fréquence épargnez-vous ?',
    {
      required: 'yes',
    },
  ),
  q(
    'decimal',
    'savings_month',
    'Amount saved last month (FCFA)',
    'Montant épargné le mois dernier (FCFA)',
    {
      relevant: "${saving_freq} != 'never'",
      constraint: '. >= 0',
      [MSG_EN]: 'The amount cannot be negative',
      [MSG_FR]: 'Le montant ne peut pas être négatif',
    },
  ),
  q(
    'select_multiple channel or_other',
    'channels',
    'Where do you keep your savings?',
    'Où gardez-vous votre épargne ?',
    {
      relevant: "${saving_freq} != 'never'",
      [HINT_EN]: 'Several answers possible',
      [HINT_FR]: 'Plusieurs réponses possibles',
    },
  ),
  { type: 'calculate', name: 'savings_year', calculation: 'round(${savings_month} * 12, 0)' },
  q(
    'note',
    'savings_note',
    'That is about ${savings_year} FCFA a year.',
    'Soit environ ${savings_year} FCFA par an.',
    {
      relevant: "${savings_month} != ''",
    },
  ),
  { type: 'end group' },
  q('begin group', 'credit', 'Credit', 'Crédit', { appearance: 'field-list' }),
  q(
    'select_one yn',
    'loan_taken',
    'Did you take a loan in the last 12 months?',
    'Avez-vous pris un crédit au cours des 12 derniers mois ?',
    {
      required: 'yes',
    },
  ),
  q('integer', 'loan_count', 'How many loans?', 'Combien de crédits ?', {
    relevant: "${loan_taken} = 'yes'",
    required: 'yes',
    constraint: '. >= 1 and . <= 5',
    [MSG_EN]: 'Between 1 and 5 loans',
    [MSG_FR]: 'Entre 1 et 5 crédits',
  }),
  q('begin repeat', 'loan', 'Loan', 'Crédit', {
    relevant: "${loan_taken} = 'yes'",
    repeat_count: '${loan_count}',
  }),
  q('decimal', 'loan_amount', 'Amount (FCFA)', 'Montant (FCFA)', {
    constraint: '. > 0',
    [MSG_EN]: 'Enter the amount borrowed',
    [MSG_FR]: 'Indiquez le montant emprunté',
  }),
  q('select_one purpose or_other', 'loan_purpose', 'What was it for?', 'Pour quoi faire ?'),
  q('select_one yn', 'repaid_on_time', 'Repaid on time?', "Remboursé à l'échéance ?"),
  { type: 'end repeat' },
  { type: 'end group' },
  q(
    'begin group',
    'gaps',
    'Where we are, where we need to be',
    'Où nous en sommes, où il faut aller',
    {
      appearance: 'field-list',
      [HINT_EN]: '1 = very weak, 5 = very strong',
      [HINT_FR]: '1 = très faible, 5 = très fort',
    },
  ),
  ...gapPair('records', 'Record keeping and accounts', 'Tenue des registres et des comptes'),
  ...gapPair(
    'access',
    'Credit suited to members’ activities',
    'Crédit adapté aux activités des membres',
  ),
  ...gapPair('education', 'Financial education of members', 'Éducation financière des membres'),
  ...gapPair(
    'digital',
    'Mobile money and digital payments',
    'Mobile money et paiements numériques',
  ),
  q(
    'select_one scale',
    'governance_importance',
    'Governance and transparency: how important?',
    'Gouvernance et transparence : quelle importance ?',
    {
      appearance: 'likert',
    },
  ),
  q(
    'select_one scale',
    'governance_performance',
    'Governance and transparency: how well does the cooperative do?',
    'Gouvernance et transparence : la coopérative fait-elle bien ?',
    {
      appearance: 'likert',
    },
  ),
  { type: 'end group' },
  q(
    'text',
    'comments',
    'What would help your cooperative most?',
    'Qu’est-ce qui aiderait le plus votre coopérative ?',
    {
      appearance: 'multiline',
    },
  ),
]

function choice(list: string, name: string | number, en: string, fr: string, more: Row = {}): Row {
  return { list_name: list, name, [EN]: en, [FR]: fr, ...more }
}

const CERCLES: [string, string, string][] = [
  ['bamako', 'commune_1', 'Commune I'],
  ['bamako', 'commune_4', 'Commune IV'],
  ['bamako', 'commune_6', 'Commune VI'],
  ['koulikoro', 'kati', 'Kati'],
  ['koulikoro', 'koulikoro', 'Koulikoro'],
  ['koulikoro', 'dioila', 'Dioïla'],
  ['segou', 'segou', 'Ségou'],
  ['segou', 'niono', 'Niono'],
  ['segou', 'san', 'San'],
  ['sikasso', 'sikasso', 'Sikasso'],
  ['sikasso', 'koutiala', 'Koutiala'],
  ['sikasso', 'bougouni', 'Bougouni'],
]

const CHOICES: Row[] = [
  choice('region', 'bamako', 'Bamako District', 'District de Bamako'),
  choice('region', 'koulikoro', 'Koulikoro', 'Koulikoro'),
  choice('region', 'segou', 'Ségou', 'Ségou'),
  choice('region', 'sikasso', 'Sikasso', 'Sikasso'),
  ...CERCLES.map(([region, name, label]) => choice('cercle', name, label, label, { region })),
  choice('role', 'member', 'Member', 'Membre'),
  choice('role', 'committee', 'Elected committee member', 'Élu(e) au comité'),
  choice(
    'role',
    'staff',
    'Staff (manager, credit officer)',
    'Salarié(e) (gérant, agent de crédit)',
  ),
  choice('gender', 'woman', 'A woman', 'Une femme'),
  choice('gender', 'man', 'A man', 'Un homme'),
  choice('frequency', 'weekly', 'Every week', 'Chaque semaine'),
  choice('frequency', 'monthly', 'Every month', 'Chaque mois'),
  choice('frequency', 'irregular', 'When I can', 'Quand je peux'),
  choice('frequency', 'never', 'I do not save', "Je n'épargne pas"),
  choice('channel', 'coop', 'At the cooperative', 'À la coopérative'),
  choice('channel', 'mobile_money', 'On a mobile money account', 'Sur un compte mobile money'),
  choice('channel', 'tontine', 'In a tontine', 'Dans une tontine'),
  choice('channel', 'home', 'At home', 'À la maison'),
  choice('yn', 'yes', 'Yes', 'Oui'),
  choice('yn', 'no', 'No', 'Non'),
  choice('purpose', 'trade', 'Trade', 'Commerce'),
  choice('purpose', 'farming', 'Farming inputs', 'Intrants agricoles'),
  choice('purpose', 'livestock', 'Livestock', 'Élevage'),
  choice('purpose', 'school', 'School fees', 'Frais de scolarité'),
  choice('purpose', 'health', 'Health', 'Santé'),
  ...['Very weak', 'Weak', 'Average', 'Strong', 'Very strong'].map((en, i) =>
    choice(
      'scale',
      i + 1,
      `${i + 1} – ${en}`,
      `${i + 1} – ${['Très faible', 'Faible', 'Moyen', 'Fort', 'Très fort'][i]}`,
    ),
  ),
]

const SETTINGS: Row[] = [
  {
    form_title: 'Savings and credit cooperative: where we are, where we need to be',
    form_id: 'savings_group_gaps',
    version: '2026-01',
    default_language: 'English (en)',
  },
]

function dimension(id: string, en: string, fr: string, kind = 'current-target'): Row {
  const [current, target] =
    kind === 'current-target'
      ? [`${id}_now`, `${id}_goal`]
      : [`${id}_performance`, `${id}_importance`]
  return { type: 'dimension', id, [EN]: en, [FR]: fr, kind, current, target }
}

const GAPKIT: Row[] = [
  dimension('records', 'Record keeping', 'Tenue des registres'),
  dimension('access', 'Credit suited to activities', 'Crédit adapté aux activités'),
  dimension('education', 'Financial education', 'Éducation financière'),
  dimension('digital', 'Digital payments', 'Paiements numériques'),
  dimension(
    'governance',
    'Governance and transparency',
    'Gouvernance et transparence',
    'importance-performance',
  ),
  { type: 'suppress_below', value: 3 },
  { type: 'group_by', value: 'mali_region role gender' },
]

/** The example workbook's sheets. */
export function exampleSheets(): WorkbookRows {
  return {
    survey: rows(SURVEY),
    choices: rows(CHOICES),
    settings: rows(SETTINGS),
    gapkit: rows(GAPKIT),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bytes = await writeWorkbook(exampleSheets())
  fs.writeFileSync(OUT, bytes)
  console.error(`wrote ${OUT.pathname} (${bytes.length} bytes)`)
}
