/**
 * XLSForm → SurveyJS: a workbook's bytes in, Gapkit's questionnaire JSON and the report of
 * what could not be converted out. A pure function (the only input besides the bytes is the
 * optional reader of files beside the workbook), so the command line and an upload route call
 * it alike. The result is checked as `surveys/definitions/` files are (`loadSurvey`).
 */
import { listLocales } from '../definition.ts'
import { fileBaseName, fileNameOf, loadSurvey, surveyIdFrom } from '../registry.ts'
import type { SurveyJson } from '../types.ts'
import { readChoiceLists } from './choices.ts'
import { readHeader } from './columns.ts'
import { buildPages } from './containers.ts'
import { readGapkitSheet } from './gapkit-sheet.ts'
import { type LanguagePlan, openingLocale, planLanguages, UNNAMED } from './languages.ts'
import { type ImportProblem, ProblemList } from './report.ts'
import { readSettings } from './settings.ts'
import { listXmlPaths, readSurveyTree } from './structure.ts'
import type { ElementJson } from './types.ts'
import { readWorkbook, type Sheet, WorkbookError } from './workbook.ts'

export type { ImportProblem } from './report.ts'
export { formatProblem } from './report.ts'

export interface ConvertOptions {
  /** The questionnaire id (its file name without `.json`); default: `form_id`, else the workbook's name. */
  id?: string
  /** The workbook's file name: the default id and title, and kept in `gapkit.import`. */
  fileName?: string
  /** Reads a file beside the workbook (`select_one_from_file`); undefined when there is none. */
  readFile?: (name: string) => Uint8Array | string | undefined
}

export interface ConversionResult {
  id: string
  json: SurveyJson
  /** Errors (the questionnaire is unusable) and warnings (what was left out), in sheet order. */
  problems: ImportProblem[]
  /** No errors: the questionnaire loads as a file of `surveys/definitions/` would. */
  usable: boolean
  summary: { questions: number; locales: string[]; dimensions: number }
}

const KNOWN_SHEETS = ['survey', 'choices', 'settings', 'gapkit']
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/
const TEXT_COLUMNS = /^(label|hint|constraint_message|required_message|guidance_hint|media::.*)$/

/**
 * Converts an XLSForm workbook.
 *
 * @example
 * const { json, problems, usable } = await convertXlsForm(bytes, { fileName: 'form.xlsx' })
 * if (usable) fs.writeFileSync('surveys/definitions/form.json', JSON.stringify(json, null, 2))
 */
export async function convertXlsForm(
  bytes: Uint8Array,
  options: ConvertOptions = {},
): Promise<ConversionResult> {
  try {
    return convertSheets(await readWorkbook(bytes), options)
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error
    const problems = new ProblemList()
    problems.error({ sheet: '', row: null, column: null, text: '' }, error.message)
    return failed(options, problems)
  }
}

/** Converts sheets already read (see `readWorkbook`). */
export function convertSheets(sheets: Sheet[], options: ConvertOptions = {}): ConversionResult {
  const problems = new ProblemList()
  const find = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name)
  const survey = find('survey')
  if (!survey) {
    const names = sheets.map((s) => `"${s.name}"`).join(', ')
    problems.error(
      { sheet: '', row: null, column: null, text: '' },
      `the workbook has no "survey" sheet (its sheets: ${names || 'none'}): it is not an XLSForm`,
    )
    return failed(options, problems)
  }
  reportOtherSheets(sheets, problems)
  const settings = readSettings(find('settings'), problems)
  const choicesSheet = find('choices')
  const gapkitSheet = find('gapkit')
  const plan = planFormLanguages(
    [survey, choicesSheet, gapkitSheet],
    settings.defaultLanguage,
    problems,
  )
  const lists = readChoiceLists(choicesSheet, plan, problems, settings.allowChoiceDuplicates)
  const tree = readSurveyTree(survey, problems)
  const calculated: ElementJson[] = []
  const pages = buildPages(
    tree.nodes,
    {
      plan,
      problems,
      scope: { names: tree.names, repeats: [] },
      lists,
      readFile: options.readFile,
      fileLists: new Map(),
      calculated,
    },
    settings.pages,
  )
  const id = chooseId(options, settings.formId, problems)
  const locale = openingLocale(plan, settings.defaultLanguage)
  const json: SurveyJson = {
    title: settings.title ?? settings.formId ?? baseName(options.fileName) ?? id,
    ...(locale ? { locale } : {}),
    showQuestionNumbers: 'off',
    pages,
    ...(calculated.length > 0 ? { calculatedValues: calculated } : {}),
  }
  const block = readGapkitSheet(gapkitSheet, { json, names: tree.names, plan, problems })
  // The note holds the list of problems itself: a refusal found by the check below shows in it.
  const note = importNote(options, settings, problems.items)
  json.gapkit = { ...block, import: { ...note, xmlPaths: listXmlPaths(tree.nodes, tree.names) } }
  if (!problems.hasErrors) checkLoads(id, json, problems)
  sortProblems(problems.items)
  return {
    id,
    json,
    problems: problems.items,
    usable: !problems.hasErrors,
    summary: {
      questions: [...tree.names.values()].filter((n) => n.answer !== 'none').length,
      locales: listLocales(json),
      dimensions: Array.isArray(block.dimensions) ? block.dimensions.length : 0,
    },
  }
}

const SHEET_ORDER = ['', 'survey', 'choices', 'settings', 'gapkit']

/** In place, as a person reads the workbook: sheet by sheet, row by row (stable). */
function sortProblems(items: ImportProblem[]): void {
  const rank = (sheet: string) => {
    const at = SHEET_ORDER.indexOf(sheet.trim().toLowerCase())
    return at < 0 ? SHEET_ORDER.length : at
  }
  items.sort((a, b) => rank(a.sheet) - rank(b.sheet) || (a.row ?? 0) - (b.row ?? 0))
}

function failed(options: ConvertOptions, problems: ProblemList): ConversionResult {
  const id = options.id ?? surveyIdFrom(baseName(options.fileName) ?? '') ?? 'form'
  return {
    id,
    json: {},
    problems: problems.items,
    usable: false,
    summary: { questions: 0, locales: [], dimensions: 0 },
  }
}

function reportOtherSheets(sheets: Sheet[], problems: ProblemList): void {
  for (const sheet of sheets) {
    const name = sheet.name.trim().toLowerCase()
    if (KNOWN_SHEETS.includes(name) || sheet.rows.length === 0) continue
    problems.warning(
      { sheet: sheet.name, row: null, column: null, text: '' },
      name === 'external_choices'
        ? 'external choices are not supported: this sheet is not read'
        : 'not an XLSForm sheet: not read',
    )
  }
}

/** The form's languages as locales, reporting those that name none. */
function planFormLanguages(
  sheets: (Sheet | undefined)[],
  defaultLanguage: string | undefined,
  problems: ProblemList,
): LanguagePlan {
  const languages = new Map<string, { sheet: string; header: string }>()
  let hasUntranslated = false
  for (const sheet of sheets) {
    for (const header of sheet?.headers ?? []) {
      const { column, language } = readHeader(header)
      if (!TEXT_COLUMNS.test(column) || !sheet) continue
      if (language === null) hasUntranslated ||= column === 'label' || column === 'hint'
      else if (!languages.has(language)) languages.set(language, { sheet: sheet.name, header })
    }
  }
  const plan = planLanguages([...languages.keys()], hasUntranslated, defaultLanguage)
  for (const language of plan.unknown) {
    const where = languages.get(language)
    problems.warning(
      { sheet: where?.sheet ?? '', row: 1, column: where?.header ?? null, text: language },
      `"${language}" names no language code: write it as "Name (code)", e.g. "Bambara (bm)"; its texts are left out`,
    )
  }
  const codes = [...plan.codes.values()]
  if (plan.codes.get('') === UNNAMED && codes.includes('en')) {
    problems.warning(
      { sheet: sheets[0]?.name ?? '', row: 1, column: 'label', text: '' },
      'the form has untranslated columns and English columns: the English texts are used, the untranslated ones left out',
    )
  }
  if (!codes.includes('en') && plan.defaultCode !== UNNAMED) {
    problems.warning(
      { sheet: 'settings', row: null, column: 'default_language', text: defaultLanguage ?? '' },
      `the form has no English texts: its "${plan.defaultCode}" texts are also the default ones, and it opens in "${plan.defaultCode}" when the browser asks for none of its languages`,
    )
  }
  return plan
}

function baseName(fileName: string | undefined): string | undefined {
  return fileName ? fileBaseName(fileName) : undefined
}

function chooseId(
  options: ConvertOptions,
  formId: string | undefined,
  problems: ProblemList,
): string {
  if (options.id !== undefined) {
    if (!ID_PATTERN.test(options.id)) {
      problems.error(
        { sheet: '', row: null, column: null, text: '' },
        `the questionnaire id "${options.id}" must be lowercase letters, digits and dashes (at most 63)`,
      )
    }
    return options.id
  }
  return surveyIdFrom(formId ?? '') ?? surveyIdFrom(baseName(options.fileName) ?? '') ?? 'form'
}

function checkLoads(id: string, json: SurveyJson, problems: ProblemList): void {
  try {
    loadSurvey(id, json, 'the converted questionnaire')
  } catch (error) {
    problems.error({ sheet: '', row: null, column: null, text: '' }, (error as Error).message)
  }
}

function importNote(
  options: ConvertOptions,
  settings: ReturnType<typeof readSettings>,
  problems: ImportProblem[],
): Record<string, unknown> {
  return {
    format: 'xlsform',
    ...(options.fileName ? { file: fileNameOf(options.fileName) } : {}),
    ...(settings.formId ? { formId: settings.formId } : {}),
    ...(settings.version ? { formVersion: settings.version } : {}),
    notConverted: problems,
  }
}
