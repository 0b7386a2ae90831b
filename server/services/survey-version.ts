import type { LoadedSurvey } from '../../surveys/registry.ts'
import { findSurveyVersion } from '../db/repositories/survey-versions.ts'
import { InvalidInputError, NotFoundError } from '../errors.ts'
import type { SubmissionDeps } from './submissions.ts'

/**
 * The questionnaire a response answers: the current version, or the `version` it names when
 * that one is stored (a response queued offline on a phone before the file changed is checked
 * and recorded against the version the person saw). `NotFoundError` for an unknown
 * questionnaire, `InvalidInputError` (400) for a version this server has never handed out.
 */
export async function surveyAtVersion(
  deps: Pick<SubmissionDeps, 'db' | 'registry'>,
  id: string,
  version: string | undefined,
): Promise<LoadedSurvey> {
  const current = deps.registry.get(id)
  if (!current) throw new NotFoundError(`no questionnaire "${id}"`)
  if (version === undefined || version === current.version) return current
  const stored = await findSurveyVersion(deps.db, id, version)
  const older = stored ? deps.registry.version(id, version, stored.definition) : undefined
  if (!older) {
    throw new InvalidInputError(
      `version "${version}" of "${id}" is unknown here; the current one is "${current.version}"`,
    )
  }
  return older
}
