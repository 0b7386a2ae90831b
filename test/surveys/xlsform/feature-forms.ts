// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
/**
 * Five XLSForm workbooks, one theme each, that together use every feature the converter
 * supports: the sheets, each question type, groups and repeats, the XPath subset, languages and
 * settings, choice filters, "other" and a choice list from a CSV file beside the workbook. The
 * unit test converts them; the browser tests serve them and fill them in as a partner would.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { SurveyJson } from '../../../surveys/types.ts'
import { convertXlsForm } from '../../../surveys/xlsform/index.ts'
import { type CellInput, writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { expectUsable, sheet, tempDir } from './helpers.ts'

export interface FeatureForm {
  /** The questionnaire id the conversion gives (from form_id, else the file name). */
  id: string
  fileName: string
  sheets: Record<string, CellInput[][]>
  /** Files beside the workbook (select_one_from_file), by name. */
  files?: Record<string, string>
}

const YES_NO = [
  { list_name: 'yn', name: 'yes', label: 'Yes' },
  { list_name: 'yn', name: 'no', label: 'No' },
]

/** text, integer, decimal, date, time, datetime, range, rank, acknowledge, note, defaults. */
export const TYPES_FORM: FeatureForm = {
  id: 'types-defaults',
  fileName: 'types-defaults.xlsx',
  sheets: {
    survey: sheet([
      { type: 'note', name: 'intro', label: 'About your shop', hint: 'Five minutes at most' },
      {
        type: 'text',
        name: 'shop_name',
        label: 'Shop name',
        hint: 'As written on the sign',
        default: 'Chez Awa',
        required: 'yes',
      },
      {
        type: 'integer',
        name: 'staff',
        label: 'Staff',
        default: 3,
        constraint: '. >= 1 and . <= 50',
        constraint_message: 'Between 1 and 50 staff',
      },
      {
        type: 'decimal',
        name: 'turnover',
        label: 'Monthly turnover',
        required: 'yes',
        required_message: 'Give the turnover, even a guess',
      },
      {
        type: 'date',
        name: 'opened',
        label: 'Opening date',
        constraint: '. <= today()',
        constraint_message: 'The opening date cannot be in the future',
      },
      { type: 'time', name: 'opens_at', label: 'Opens at' },
      { type: 'datetime', name: 'last_visit', label: 'Last inspection' },
      { type: 'range', name: 'market', label: 'Rate the market', parameters: 'start=1 end=5' },
      {
        type: 'range',
        name: 'share',
        label: 'Share sold on credit',
        parameters: 'start=0 end=100 step=5',
        default: 50,
      },
      { type: 'rank need', name: 'needs', label: 'Rank your needs' },
      {
        type: 'select_multiple service',
        name: 'services',
        label: 'Services used',
        default: 'bank',
      },
      { type: 'acknowledge', name: 'consent', label: 'I confirm these answers', required: 'yes' },
    ]),
    choices: sheet([
      { list_name: 'need', name: 'credit', label: 'Credit' },
      { list_name: 'need', name: 'training', label: 'Training' },
      { list_name: 'need', name: 'savings', label: 'Savings' },
      { list_name: 'service', name: 'bank', label: 'Bank account' },
      { list_name: 'service', name: 'mobile', label: 'Mobile money' },
    ]),
    settings: sheet([{ form_title: 'Types and defaults', form_id: 'types_defaults' }]),
  },
}

/** Groups as panels, a field-list group as a page, repeats with a count, likert, calculate. */
export const GROUPS_FORM: FeatureForm = {
  id: 'groups-repeats',
  fileName: 'groups-repeats.xlsx',
  sheets: {
    survey: sheet([
      { type: 'begin group', name: 'household', label: 'Household', appearance: 'field-list' },
      {
        type: 'integer',
        name: 'members',
        label: 'How many members?',
        required: 'yes',
        constraint: '. >= 1 and . <= 20',
        constraint_message: 'From 1 to 20 members',
      },
      { type: 'calculate', name: 'meals', calculation: '${members} * 3' },
      {
        type: 'note',
        name: 'meals_note',
        label: 'That is ${meals} meals a day',
        relevant: '${members} > 0',
      },
      {
        type: 'text',
        name: 'big_help',
        label: 'Which help do you get for so many meals?',
        relevant: '${meals} > 12',
      },
      { type: 'end group', name: 'household' },
      { type: 'begin repeat', name: 'member', label: 'Member', repeat_count: '${members}' },
      { type: 'text', name: 'member_name', label: 'Name', required: 'yes' },
      { type: 'select_one yn', name: 'works', label: 'Works?' },
      {
        type: 'text',
        name: 'job',
        label: 'Job of ${member_name}',
        relevant: "${works} = 'yes'",
      },
      { type: 'end repeat', name: 'member' },
      { type: 'calculate', name: 'guests', calculation: '${members} - 1' },
      { type: 'begin repeat', name: 'guest', label: 'Guest', repeat_count: '${guests}' },
      { type: 'text', name: 'guest_name', label: 'Guest name' },
      { type: 'end repeat', name: 'guest' },
      { type: 'begin group', name: 'opinions', label: 'Opinions', appearance: 'field-list' },
      {
        type: 'select_one agree',
        name: 'market_ok',
        label: 'The market is close',
        appearance: 'likert',
      },
      { type: 'begin group', name: 'details', label: 'Details', relevant: "${market_ok} = 'no'" },
      { type: 'text', name: 'how_far', label: 'How far is it?' },
      { type: 'end group', name: 'details' },
      { type: 'end group', name: 'opinions' },
      { type: 'begin repeat', name: 'visit', label: 'Visit', repeat_count: 2 },
      { type: 'text', name: 'visit_place', label: 'Place visited' },
      { type: 'end repeat', name: 'visit' },
    ]),
    choices: sheet([
      ...YES_NO,
      { list_name: 'agree', name: 'no', label: 'Disagree' },
      { list_name: 'agree', name: 'unsure', label: 'Unsure' },
      { list_name: 'agree', name: 'yes', label: 'Agree' },
    ]),
    settings: sheet([{ form_title: 'Groups and repeats', form_id: 'groups_repeats' }]),
  },
}

/** The XPath subset: ${q}, ., selected, count-selected, string-length, not, if, today. */
export const EXPRESSIONS_FORM: FeatureForm = {
  id: 'expressions',
  fileName: 'expressions.xlsx',
  sheets: {
    survey: sheet([
      { type: 'select_multiple crop', name: 'crops', label: 'Crops grown' },
      {
        type: 'note',
        name: 'several',
        label: 'Several crops: thank you',
        relevant: 'count-selected(${crops}) >= 2',
      },
      {
        type: 'select_one yn',
        name: 'irrigated',
        label: 'Is the rice irrigated?',
        relevant: "selected(${crops}, 'rice')",
      },
      {
        type: 'text',
        name: 'village',
        label: 'Village',
        constraint: 'string-length(.) >= 3',
        constraint_message: 'At least 3 letters',
      },
      { type: 'integer', name: 'age', label: 'Age' },
      {
        type: 'note',
        name: 'minor',
        label: 'Under 18: ask a parent',
        relevant: 'not(${age} >= 18)',
      },
      { type: 'calculate', name: 'category', calculation: "if(${age} >= 60, 'senior', 'adult')" },
      {
        type: 'note',
        name: 'category_note',
        label: 'Category: ${category}',
        relevant: '${age} >= 18',
      },
      { type: 'integer', name: 'children', label: 'Children' },
      { type: 'integer', name: 'adults', label: 'Adults' },
      { type: 'calculate', name: 'household', calculation: '${children} + ${adults} * 1' },
      {
        type: 'text',
        name: 'helpers',
        label: 'Who helps with the children?',
        relevant: '${adults} - ${children} < 0',
      },
      {
        type: 'text',
        name: 'crowded',
        label: 'Household of ${household}: how do you manage?',
        relevant: '${household} > 6 or (${children} > 4 and ${adults} = 1)',
      },
      {
        type: 'date',
        name: 'born',
        label: 'Date of birth',
        constraint: '. < today()',
        constraint_message: 'Born before today',
      },
      { type: 'calculate', name: 'age_years', calculation: 'int((today() - ${born}) div 365.25)' },
      { type: 'note', name: 'aged', label: 'Aged ${age_years}', relevant: "${born} != ''" },
      { type: 'calculate', name: 'recorded_on', calculation: 'today()' },
      {
        type: 'date',
        name: 'visit_day',
        label: 'Day of the visit',
        default: 'today()',
        constraint: '. <= today()',
        constraint_message: 'Not after today',
      },
    ]),
    choices: sheet([
      { list_name: 'crop', name: 'rice', label: 'Rice' },
      { list_name: 'crop', name: 'millet', label: 'Millet' },
      { list_name: 'crop', name: 'maize', label: 'Maize' },
      ...YES_NO,
    ]),
    settings: sheet([{ form_title: 'Expressions', form_id: 'expressions' }]),
  },
}

/**
 * label::/hint::/constraint_message:: in two languages, an untranslated label in the
 * default_language; form_title, form_id, version.
 */
export const LANGUAGES_FORM: FeatureForm = {
  id: 'lang-settings',
  fileName: 'languages.xlsx',
  sheets: {
    survey: sheet([
      {
        type: 'select_one yn',
        name: 'likes',
        'label::English (en)': 'Do you like the market?',
        'label::Français (fr)': 'Aimez-vous le marché ?',
        required: 'yes',
        'required_message::English (en)': 'Please answer',
        'required_message::Français (fr)': 'Répondez, s’il vous plaît',
      },
      {
        type: 'integer',
        name: 'stalls',
        'label::English (en)': 'Number of stalls',
        'label::Français (fr)': 'Nombre d’étals',
        'hint::English (en)': 'Count them on the day',
        'hint::Français (fr)': 'Comptez-les le jour même',
        constraint: '. <= 500',
        'constraint_message::English (en)': 'At most 500 stalls',
        'constraint_message::Français (fr)': 'Au plus 500 étals',
      },
      // An untranslated label is in default_language (French here), as pyxform reads it.
      {
        type: 'note',
        name: 'thanks',
        label: 'Merci pour vos réponses',
        'label::English (en)': 'Thank you for your answers',
      },
    ]),
    choices: sheet([
      { list_name: 'yn', name: 'yes', 'label::English (en)': 'Yes', 'label::Français (fr)': 'Oui' },
      { list_name: 'yn', name: 'no', 'label::English (en)': 'No', 'label::Français (fr)': 'Non' },
    ]),
    settings: sheet([
      {
        form_title: 'Market languages',
        form_id: 'lang_settings',
        version: '2026120701',
        default_language: 'Français (fr)',
      },
    ]),
  },
}

/** or_other, choice_filter on name and on a column, and a list from a CSV beside the workbook. */
export const CHOICES_FORM: FeatureForm = {
  id: 'choices-check',
  fileName: 'choices-check.xlsx',
  sheets: {
    survey: sheet([
      { type: 'select_one crop or_other', name: 'main_crop', label: 'Main crop' },
      {
        type: 'select_one crop',
        name: 'second_crop',
        label: 'Second crop',
        choice_filter: 'name != ${main_crop}',
      },
      { type: 'select_multiple source or_other', name: 'sources', label: 'Sources of seed' },
      { type: 'select_one district', name: 'district', label: 'District' },
      {
        type: 'select_one_from_file villages.csv',
        name: 'village',
        label: 'Village',
        choice_filter: 'district = ${district}',
        required: 'yes',
      },
      {
        type: 'select_one market',
        name: 'market',
        label: 'Market',
        choice_filter: 'district = ${district}',
      },
    ]),
    choices: sheet([
      { list_name: 'crop', name: 'rice', label: 'Rice' },
      { list_name: 'crop', name: 'millet', label: 'Millet' },
      { list_name: 'crop', name: 'maize', label: 'Maize' },
      { list_name: 'market', name: 'kati_fair', label: 'Kati fair', district: 'kati' },
      { list_name: 'market', name: 'kita_fair', label: 'Kita fair', district: 'kita' },
      { list_name: 'market', name: 'koulikoro', label: 'Koulikoro', district: 'kati' },
      { list_name: 'source', name: 'market', label: 'Market' },
      { list_name: 'source', name: 'own', label: 'Own harvest' },
      { list_name: 'district', name: 'kati', label: 'Kati' },
      { list_name: 'district', name: 'kita', label: 'Kita' },
    ]),
    settings: sheet([{ form_title: 'Choices', form_id: 'choices_check' }]),
  },
  files: {
    'villages.csv': [
      'name,label,district',
      'siby,Siby,kati',
      'dio,Dio-Gare,kati',
      'sirakoro,Sirakoro,kita',
      '',
    ].join('\n'),
  },
}

export const FEATURE_FORMS = [
  TYPES_FORM,
  GROUPS_FORM,
  EXPRESSIONS_FORM,
  LANGUAGES_FORM,
  CHOICES_FORM,
]

/**
 * Writes the workbook and its files into `dir`, as a person keeps them, and returns the
 * workbook's bytes and a reader of the files beside it.
 */
export async function writeFeatureForm(
  form: FeatureForm,
  dir: string,
): Promise<{ bytes: Uint8Array; readFile: (name: string) => Uint8Array | undefined }> {
  const bytes = await writeWorkbook(form.sheets)
  fs.writeFileSync(path.join(dir, form.fileName), bytes)
  for (const [name, text] of Object.entries(form.files ?? {})) {
    fs.writeFileSync(path.join(dir, name), text)
  }
  const readFile = (name: string) => {
    const file = path.join(dir, path.basename(name))
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined
  }
  return { bytes: fs.readFileSync(path.join(dir, form.fileName)), readFile }
}

/**
 * Converts forms written to a fresh folder, each checked as usable with nothing left out (no
 * error, no warning), and returns their questionnaires by id for `createTestApp`.
 */
export async function convertFeatureForms(
  forms: FeatureForm[],
): Promise<Record<string, SurveyJson>> {
  const dir = tempDir('gapkit-feature-forms-')
  try {
    const out: Record<string, SurveyJson> = {}
    for (const form of forms) {
      const { bytes, readFile } = await writeFeatureForm(form, dir)
      const result = await convertXlsForm(bytes, { fileName: form.fileName, readFile })
      if (result.problems.length > 0) {
        throw new Error(`${form.fileName}: ${JSON.stringify(result.problems, null, 2)}`)
      }
      if (result.id !== form.id) throw new Error(`${form.fileName}: id ${result.id}`)
      out[result.id] = expectUsable(result)
    }
    return out
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
