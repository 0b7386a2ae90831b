import type { Kysely } from 'kysely'
import type { LoadedSurvey, SurveyRegistry } from '../../surveys/registry.ts'
import { ensureSurveyVersion, findSurveyVersion } from '../db/repositories/survey-versions.ts'
import type { Database } from '../db/schema.ts'
import { type Compressor, createCompressor, type Precompressed } from '../http/precompress.ts'

/**
 * The questionnaire versions the form loads (`/s/:survey/definition/:version`): the current ones
 * compressed at start-up, older ones (a page cached on a phone before the file changed) read from
 * `survey_versions` and compressed once, off the event loop.
 */
export interface DefinitionStore {
  /** The compressed JSON of one version, or null when the server has never seen it. */
  get(survey: string, version: string): Promise<Precompressed | null>
  /**
   * Records a version the form is about to hand out, once per process, so a response queued
   * offline against it can be validated after the file has changed.
   */
  remember(survey: LoadedSurvey, now: string): Promise<void>
}

export function createDefinitionStore(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  options: { cacheDir: string | null; compressor?: Compressor; stored?: Set<string> } = {
    cacheDir: null,
  },
): DefinitionStore {
  const compressor = options.compressor ?? createCompressor({ cacheDir: options.cacheDir })
  const copies = new Map<string, Promise<Precompressed | null>>()
  // Versions known to be stored (`id@version`), shared with the submission path when given.
  const remembered = options.stored ?? new Set<string>()
  const keyOf = (survey: string, version: string) => `${survey}@${version}`
  for (const survey of registry.list()) {
    copies.set(
      keyOf(survey.id, survey.version),
      Promise.resolve(compressor.add(Buffer.from(survey.definition))),
    )
  }
  return {
    get(survey, version) {
      const key = keyOf(survey, version)
      const known = copies.get(key)
      if (known) return known
      const loading = findSurveyVersion(db, survey, version).then((row) =>
        row ? compressor.add(Buffer.from(row.definition)) : null,
      )
      // Only found versions stay: an unknown one may be stored by a later response.
      copies.set(key, loading)
      void loading.then(
        (found) => found ?? copies.delete(key),
        () => copies.delete(key),
      )
      return loading
    },
    async remember(survey, now) {
      const key = keyOf(survey.id, survey.version)
      if (remembered.has(key)) return
      await ensureSurveyVersion(
        db,
        { survey: survey.id, version: survey.version, definition: survey.definition },
        now,
      )
      remembered.add(key)
    },
  }
}
