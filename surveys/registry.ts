import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
  findDuplicateNames,
  listLocales,
  listQuestionShapes,
  localize,
  parseGapkitBlock,
  type QuestionShape,
} from './definition.ts'
import { isRecord } from './json.ts'
import { surveyJsonErrors } from './survey-model.ts'
import type { GapkitBlock, SurveyJson } from './types.ts'
import { type CompiledValidator, compileValidator } from './validate/index.ts'

/** One questionnaire version, parsed and checked, with its validator built once. */
export interface LoadedSurvey {
  id: string
  /** Content hash of the definition (first 16 hex digits of SHA-256 over canonical JSON). */
  version: string
  json: SurveyJson
  /** Canonical JSON text, stored in `survey_versions` the first time a response uses it. */
  definition: string
  /** Its languages, the one it opens in by default first (`listLocales`). */
  locales: string[]
  gapkit: GapkitBlock
  questions: QuestionShape[]
  validator: CompiledValidator
  /** Title in a locale. */
  title(locale?: string): string
}

/** A questionnaire file that cannot be used; the message names the file and the problem. */
export class SurveyDefinitionError extends Error {
  override name = 'SurveyDefinitionError'
}

/** The questionnaires available to a process, by id, plus older versions seen in storage. */
export interface SurveyRegistry {
  list(): LoadedSurvey[]
  get(id: string): LoadedSurvey | undefined
  /**
   * The given version of a questionnaire: the current one, or an older one rebuilt from its
   * stored JSON (built once, then cached).
   */
  version(id: string, version: string, storedDefinition?: string): LoadedSurvey | undefined
}

/** A questionnaire id: lowercase letters, digits and dashes, at most 63, not starting with a dash. */
export const SURVEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/

/** A file's name without its folder (`forms/Savings v2.xlsx` → `Savings v2.xlsx`). */
export function fileNameOf(path: string): string {
  return path.replace(/^.*[\\/]/, '')
}

/** A file's name without its folder and extension (`forms/Savings v2.xlsx` → `Savings v2`). */
export function fileBaseName(fileName: string): string {
  return fileNameOf(fileName).replace(/\.[^.]*$/, '')
}

/**
 * A questionnaire id made from any name (a file name, an XLSForm `form_id`): lowercase
 * letters, digits and dashes, accents dropped; undefined when nothing is left.
 */
export function surveyIdFrom(name: string): string | undefined {
  const id = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
  return id || undefined
}

/** Computes the version hash of a definition. */
export function surveyVersion(json: SurveyJson): string {
  return createHash('sha256').update(JSON.stringify(json)).digest('hex').slice(0, 16)
}

/**
 * Builds a checked questionnaire from its id and JSON. Throws `SurveyDefinitionError` with a
 * one-line reason.
 */
export function loadSurvey(id: string, json: unknown, source = id): LoadedSurvey {
  const fail = (problem: string): never => {
    throw new SurveyDefinitionError(`${source}: ${problem}`)
  }
  if (!SURVEY_ID_PATTERN.test(id))
    fail('the file name must be lowercase letters, digits and dashes')
  if (!isRecord(json)) return fail('the questionnaire must be a JSON object')
  const survey: SurveyJson = json
  const errors = surveyJsonErrors(survey)
  if (errors.length > 0) fail(errors.join('; '))
  const questions = listQuestionShapes(survey)
  if (questions.length === 0) fail('it has no questions')
  const dup = findDuplicateNames(questions)
  if (dup.length > 0) fail(`duplicate question name(s): ${dup.join(', ')}`)
  let gapkit: GapkitBlock
  try {
    gapkit = parseGapkitBlock(survey, questions)
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
  const definition = JSON.stringify(survey)
  return {
    id,
    version: surveyVersion(survey),
    json: survey,
    definition,
    locales: listLocales(survey),
    gapkit,
    questions,
    validator: compileValidator(survey),
    title: (locale = 'en') => localize(survey.title, locale) || id,
  }
}

/** Reads one definition file; throws `SurveyDefinitionError` naming the file. */
export function loadSurveyFile(file: string): LoadedSurvey {
  const id = path.basename(file, '.json')
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new SurveyDefinitionError(`${file}: cannot read (${(error as Error).message})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new SurveyDefinitionError(`${file}: invalid JSON (${(error as Error).message})`)
  }
  return loadSurvey(id, json, file)
}

/** Loads every `*.json` in `dir`, refusing the whole folder on the first broken file. */
export function loadSurveyRegistry(dir: string): SurveyRegistry {
  let files: string[]
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  } catch {
    throw new SurveyDefinitionError(`${dir}: questionnaire folder not found`)
  }
  if (files.length === 0) throw new SurveyDefinitionError(`${dir}: no questionnaire (*.json) found`)
  return createRegistry(files.map((f) => loadSurveyFile(path.join(dir, f))))
}

/** A registry over already loaded questionnaires. */
export function createRegistry(surveys: LoadedSurvey[]): SurveyRegistry {
  const current = new Map(surveys.map((s) => [s.id, s]))
  const older = new Map<string, LoadedSurvey>()
  return {
    list: () => [...current.values()],
    get: (id) => current.get(id),
    version(id, version, storedDefinition) {
      const now = current.get(id)
      if (now?.version === version) return now
      const key = `${id}@${version}`
      const cached = older.get(key)
      if (cached) return cached
      if (storedDefinition === undefined) return undefined
      const loaded = loadSurvey(id, JSON.parse(storedDefinition), `${id} version ${version}`)
      older.set(key, loaded)
      return loaded
    },
  }
}
