/**
 * Which questionnaire version an imported row answered: the current one, one stored in the
 * database, or one whose definition the JSON export carries (checked against its hash).
 */
import type { Kysely } from 'kysely'
import type { LoadedSurvey, SurveyRegistry } from '../../surveys/registry.ts'
import { surveyVersion } from '../../surveys/registry.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { findSurveyVersion } from '../db/repositories/survey-versions.ts'
import type { Database } from '../db/schema.ts'
import { type AnswerColumn, listAnswerColumns } from '../exports/columns.ts'
import { type KoboSheet, listKoboSheets } from '../exports/kobo.ts'

/** Finds the questionnaire of each version an import names. */
export interface VersionResolver {
  /** The version's questionnaire (the current one for null or ''), or why there is none. */
  resolve(version: string | null): Promise<LoadedSurvey | string>
  /** The flat columns of a version, by header name (for CSV). */
  columns(survey: LoadedSurvey): Map<string, AnswerColumn>
  /** The Kobo-style sheets of a version (for a file with Kobo's headers). */
  koboSheet(survey: LoadedSurvey): KoboSheet
}

/** A resolver for one questionnaire; `provided` holds the definitions a JSON export carries. */
export function createVersionResolver(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  survey: LoadedSurvey,
  provided: Map<string, SurveyJson>,
): VersionResolver {
  const found = new Map<string, LoadedSurvey | string>()
  const columns = new Map<string, Map<string, AnswerColumn>>()
  const sheets = new Map<string, KoboSheet>()

  const load = async (version: string): Promise<LoadedSurvey | string> => {
    const given = provided.get(version)
    // A definition from a file must hash to its version, so it cannot pose as another one.
    if (given && surveyVersion(given) !== version) {
      return `the definition given for version "${version}" does not match that version`
    }
    const text = given
      ? JSON.stringify(given)
      : (await findSurveyVersion(db, survey.id, version))?.definition
    if (text === undefined) {
      return `unknown questionnaire version "${version}": import the JSON export, which carries its definition, or leave the version empty for the current one`
    }
    try {
      return (
        registry.version(survey.id, version, text) ?? `unknown questionnaire version "${version}"`
      )
    } catch (error) {
      return `questionnaire version "${version}" cannot be used: ${error instanceof Error ? error.message : String(error)}`
    }
  }

  return {
    async resolve(version) {
      if (!version || version === survey.version) return survey
      const known = found.get(version)
      if (known !== undefined) return known
      const result = await load(version)
      found.set(version, result)
      return result
    },
    columns(loaded) {
      let byName = columns.get(loaded.version)
      if (!byName) {
        byName = new Map(listAnswerColumns(loaded.json).map((c) => [c.name, c]))
        columns.set(loaded.version, byName)
      }
      return byName
    },
    koboSheet(loaded) {
      let sheet = sheets.get(loaded.version)
      if (!sheet) {
        sheet = listKoboSheets(loaded.json)
        sheets.set(loaded.version, sheet)
      }
      return sheet
    },
  }
}
