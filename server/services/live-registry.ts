/**
 * The questionnaires a process serves: the folder's, and the ones published by upload, an
 * upload replacing the folder's questionnaire of the same id. Uploads live in the database, so
 * every process on it serves the same: `refresh` reads one number (the latest publication) and
 * reloads the published uploads only when it has changed.
 */
import type { Kysely } from 'kysely'
import { type LoadedSurvey, loadSurvey, type SurveyRegistry } from '../../surveys/registry.ts'
import {
  latestPublication,
  listServedUploads,
  type SurveyUploadRecord,
} from '../db/repositories/survey-uploads.ts'
import type { Database } from '../db/schema.ts'

/** Where the served version of a questionnaire comes from. */
export type SurveyOrigin =
  | { kind: 'folder' }
  | { kind: 'upload'; upload: string; fileName: string; publishedAt: string }

/** A registry that follows the publications of every process on the database. */
export interface LiveSurveyRegistry extends SurveyRegistry {
  /**
   * Reads the published uploads again when one was published since the last look. With
   * `maxAgeMs`, does nothing when the last look ended less than that long ago (the app's
   * per-request look: a publication by another process is seen within that time).
   */
  refresh(maxAgeMs?: number): Promise<void>
  /** Where the served version of `id` comes from; undefined for an unknown id. */
  origin(id: string): SurveyOrigin | undefined
  /** The questionnaires of the folder alone. */
  readonly folder: SurveyRegistry
}

/** Whether a registry is already live (the command line opens one; tests pass a plain one). */
export function isLiveRegistry(registry: SurveyRegistry): registry is LiveSurveyRegistry {
  return 'refresh' in registry && typeof registry.refresh === 'function'
}

interface Served {
  survey: LoadedSurvey
  origin: SurveyOrigin
}

/**
 * A live registry over the folder's questionnaires. Nothing is read before the first
 * `refresh`; the app refreshes before each request that may read a questionnaire.
 */
export function createLiveRegistry(
  db: Kysely<Database>,
  folder: SurveyRegistry,
  options: { now?: () => number } = {},
): LiveSurveyRegistry {
  const now = options.now ?? (() => performance.now())
  let seen: number | null = null
  let lookedAt = Number.NEGATIVE_INFINITY
  let uploaded = new Map<string, Served>()
  let pending: Promise<void> | null = null
  // Loaded uploads by upload id (an upload's content never changes): a reload after another
  // publication builds only the new one's validator.
  const loaded = new Map<string, LoadedSurvey>()
  const byVersion = new Map<string, LoadedSurvey>()

  const load = (row: SurveyUploadRecord): LoadedSurvey | undefined => {
    const known = loaded.get(row.id)
    if (known) return known
    try {
      const survey = loadSurvey(row.survey, JSON.parse(row.definition), `upload ${row.id}`)
      loaded.set(row.id, survey)
      byVersion.set(`${survey.id}@${survey.version}`, survey)
      return survey
    } catch (error) {
      // Checked when uploaded; only a change of survey-core's rules could refuse it now. The
      // folder's version (if any) stays served rather than every request failing.
      console.error(
        `gapkit: published upload ${row.id} no longer loads: ${(error as Error).message}`,
      )
      return undefined
    }
  }

  const reload = async () => {
    const latest = await latestPublication(db)
    lookedAt = now()
    if (latest === seen) return
    const next = new Map<string, Served>()
    for (const row of await listServedUploads(db)) {
      const survey = load(row)
      if (!survey) continue
      next.set(row.survey, {
        survey,
        origin: {
          kind: 'upload',
          upload: row.id,
          fileName: row.file_name,
          publishedAt: row.published_at ?? row.uploaded_at,
        },
      })
    }
    uploaded = next
    seen = latest
  }

  const get = (id: string) => uploaded.get(id)?.survey ?? folder.get(id)

  return {
    folder,
    list() {
      const fromFolder = folder.list().map((s) => uploaded.get(s.id)?.survey ?? s)
      const onlyUploaded = [...uploaded.keys()]
        .filter((id) => !folder.get(id))
        .sort()
        .flatMap((id) => uploaded.get(id)?.survey ?? [])
      return [...fromFolder, ...onlyUploaded]
    },
    get,
    version(id, version, storedDefinition) {
      const current = get(id)
      if (current?.version === version) return current
      const fromFolder = folder.get(id)
      if (fromFolder?.version === version) return fromFolder
      const fromUpload = byVersion.get(`${id}@${version}`)
      if (fromUpload) return fromUpload
      return folder.version(id, version, storedDefinition)
    },
    origin(id) {
      const served = uploaded.get(id)
      if (served) return served.origin
      return folder.get(id) ? { kind: 'folder' } : undefined
    },
    refresh(maxAgeMs) {
      if (maxAgeMs !== undefined && now() - lookedAt < maxAgeMs) return Promise.resolve()
      // Concurrent requests share one look.
      if (!pending) {
        pending = reload().finally(() => {
          pending = null
        })
      }
      return pending
    },
  }
}
