import type { Kysely } from 'kysely'
import { analyzeSurvey } from '../analysis/analyze-survey.ts'
import { GroupingError } from '../analysis/group-responses.ts'
import type { AnalysisOptions, AnalysisResponse } from '../analysis/input.ts'
import type { AnalysisDocument } from '../analysis/types.ts'
import type { SurveyRegistry } from '../surveys/registry.ts'
import type { Answers } from '../surveys/types.ts'
import { listRegions } from './db/repositories/regions.ts'
import { listResponses } from './db/repositories/responses.ts'
import type { Database } from './db/schema.ts'
import { badRequest, notFound } from './errors.ts'

/** Loads a questionnaire's responses and runs the analysis; the same for CLI and HTTP. */
export async function buildAnalysis(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  surveyId: string,
  options: AnalysisOptions & { review?: 'not-rejected' | 'approved' },
): Promise<AnalysisDocument> {
  const survey = registry.get(surveyId)
  if (!survey) throw notFound(`no questionnaire "${surveyId}"`)
  const [rows, regions] = await Promise.all([
    listResponses(db, {
      survey: survey.id,
      wave: options.wave,
      status: options.includeDrafts ? undefined : 'submitted',
      review: options.review ?? 'not-rejected',
    }),
    listRegions(db),
  ])
  const responses: AnalysisResponse[] = rows.map((r) => ({
    id: r.id,
    region: r.region_id,
    wave: r.wave,
    group: r.group_name,
    language: r.language,
    status: r.status,
    version: r.version,
    answers: JSON.parse(r.answers) as Answers,
    submittedAt: r.submitted_at,
  }))
  const { review: _review, ...analysisOptions } = options
  try {
    return analyzeSurvey({
      survey,
      responses,
      regionNames: Object.fromEntries(regions.map((r) => [r.id, r.name])),
      options: analysisOptions,
    })
  } catch (error) {
    // A grouping that names no usable question is the caller's mistake, not a server fault.
    if (error instanceof GroupingError) throw badRequest(error.message)
    throw error
  }
}
