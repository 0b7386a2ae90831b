/**
 * The analysis document for the CLI and HTTP. Each stored response is encoded once into a short
 * code text (`analysis_rows`, see analysis/tally/encode.ts); the document is then tallied from
 * the code texts in one ordered scan, without parsing any answer JSON — a million responses in
 * seconds and bounded memory. Code texts are written here, lazily: for the responses the storage
 * triggers queue (new, or answers changed) and, after a questionnaire change, for every response.
 * When the code texts do not cover the survey (inside a caller's transaction, which this never
 * writes to), or the questionnaire has a special tally that reads the answers themselves, the
 * document is computed from the parsed answers instead — the same document either way.
 */
import type { Kysely } from 'kysely'
import {
  analyzeSurvey,
  analyzeTally,
  type PreparedAnalysis,
  prepareAnalysis,
  settleWaves,
} from '../../analysis/analyze-survey.ts'
import { WaveError } from '../../analysis/choose-waves.ts'
import { GroupingError } from '../../analysis/group-responses.ts'
import type { AnalysisOptions, AnalysisResponse } from '../../analysis/input.ts'
import { type AnswerLayout, encodeAnswers } from '../../analysis/tally/encode.ts'
import { addRow, finishTally, RowOrderError, startTally } from '../../analysis/tally/tally-rows.ts'
import type { AnalysisDocument } from '../../analysis/types.ts'
import { parseStoredAnswers } from '../../surveys/json.ts'
import type { LoadedSurvey, SurveyRegistry } from '../../surveys/registry.ts'
import {
  countCodedCoverage,
  countPendingResponses,
  countResponsesByWave,
  hasOtherLayouts,
  listPendingResponses,
  listUncodedResponses,
  saveCodedRows,
  scanCodedRows,
  type UncodedResponse,
  withWriteLock,
} from '../db/repositories/analysis-scan.ts'
import { listRegions } from '../db/repositories/regions.ts'
import { listResponses } from '../db/repositories/responses.ts'
import { listPartnerTokenIds } from '../db/repositories/tokens.ts'
import type { AnalysisRowTable, Database, ResponseRow } from '../db/schema.ts'
import { InvalidInputError, NotFoundError } from '../errors.ts'

/** The analysis options plus the review filter (default `not-rejected`). */
export type AnalysisRequest = AnalysisOptions & { review?: 'not-rejected' | 'approved' }

/** Responses encoded per write transaction. */
const ENCODE_BATCH = 5000
/** Above this many queued responses the catch-up walks every response in id order instead. */
const QUEUE_LIMIT = 50_000

function codedRow(survey: string, layout: AnswerLayout, r: UncodedResponse): AnalysisRowTable {
  return {
    survey,
    response_id: r.id,
    layout: layout.id,
    region_id: r.region_id,
    wave: r.wave,
    status: r.status,
    review_status: r.review_status,
    version: r.version,
    codes: encodeAnswers(layout, parseStoredAnswers(r.answers)),
  }
}

/**
 * Encodes what the code texts of `survey` lack for `layout`: the responses the triggers queued;
 * then, with `everything`, when the queue is long, or when texts of another layout remain (a
 * questionnaire change), every response without a text in `layout`, in id order. Without
 * `everything` it never counts the survey's responses, so a call with nothing to do is cheap.
 */
export async function refreshAnalysisCodes(
  db: Kysely<Database>,
  survey: string,
  layout: AnswerLayout,
  everything = false,
): Promise<void> {
  const pending = await countPendingResponses(db, survey)
  const stale = await hasOtherLayouts(db, survey, layout.id)
  // A long queue is cheaper to catch up in id order than response by response.
  const long = pending > QUEUE_LIMIT
  if (pending > 0 && !long) {
    for (;;) {
      const done = await withWriteLock(db, async (trx) => {
        const rows = await listPendingResponses(trx, survey, ENCODE_BATCH)
        await saveCodedRows(
          trx,
          rows.map((r) => codedRow(survey, layout, r)),
        )
        return rows.length < ENCODE_BATCH
      })
      if (done) break
    }
  }
  if (!everything && !long && !stale) return
  let afterId = ''
  for (;;) {
    const last = await withWriteLock(db, async (trx) => {
      const rows = await listUncodedResponses(trx, {
        survey,
        layout: layout.id,
        afterId,
        limit: ENCODE_BATCH,
      })
      await saveCodedRows(
        trx,
        rows.map((r) => codedRow(survey, layout, r)),
      )
      return rows.length < ENCODE_BATCH ? null : (rows.at(-1)?.id ?? null)
    })
    if (last === null) return
    afterId = last
  }
}

/** The document from the parsed answers (special tallies, or code texts not covering it). */
async function analyzeStoredAnswers(
  db: Kysely<Database>,
  survey: LoadedSurvey,
  request: AnalysisRequest,
  regionNames: Record<string, string>,
): Promise<AnalysisDocument> {
  const { review = 'not-rejected', ...options } = request
  // Every wave: the default wave and the wave comparison are chosen from all of them.
  const rows = await listResponses(db, {
    survey: survey.id,
    status: options.includeDrafts ? undefined : 'submitted',
    review,
  })
  // The link of a response sent through a partner link (the vote counts one ballot per link).
  const partnerLinks = new Set(await listPartnerTokenIds(db))
  const responses = rows.map((r) => toAnalysisResponse(r, partnerLinks))
  return analyzeSurvey({ survey, responses, regionNames, options })
}

/**
 * A stored response as the analysis reads it. `partnerLinks` are the ids of partner tokens: a
 * response sent through one carries it as its link (the vote counts one ballot per link).
 */
export function toAnalysisResponse(
  r: ResponseRow,
  partnerLinks: ReadonlySet<number> = new Set(),
): AnalysisResponse {
  return {
    id: r.id,
    region: r.region_id,
    wave: r.wave,
    group: r.group_name,
    language: r.language,
    status: r.status,
    version: r.version,
    answers: parseStoredAnswers(r.answers),
    submittedAt: r.submitted_at,
    link: r.token_id !== null && partnerLinks.has(r.token_id) ? String(r.token_id) : null,
  }
}

/**
 * The document tallied from the code texts; `incomplete` when they do not cover the survey,
 * `unordered` when SQLite and JavaScript order the ids differently (ids with characters from
 * U+E000 up), so that only a sort in memory gives the document's response order.
 */
async function analyzeCodes(
  db: Kysely<Database>,
  prepared: PreparedAnalysis,
  review: 'not-rejected' | 'approved',
  regionNames: Record<string, string>,
): Promise<AnalysisDocument | 'incomplete' | 'unordered'> {
  const { survey, layout, options } = prepared
  const coverage = await countCodedCoverage(db, survey.id, layout.id)
  if (coverage.responses !== coverage.coded) return 'incomplete'
  const status = options.includeDrafts ? undefined : ('submitted' as const)
  const filter = { survey: survey.id, status, review }
  const settled = settleWaves(prepared, await countResponsesByWave(db, filter))
  const tally = startTally(settled.setup)
  // Rows of other waves feed the wave comparison; without dimensions there is none to feed.
  const dimensions = survey.gapkit.dimensions.length > 0
  const pages = scanCodedRows(db, {
    ...filter,
    layout: layout.id,
    wave: dimensions ? undefined : settled.setup.wave,
  })
  try {
    for await (const page of pages) for (const row of page) addRow(tally, row)
  } catch (error) {
    if (error instanceof RowOrderError) return 'unordered'
    throw error
  }
  return analyzeTally(settled, finishTally(tally), regionNames, null)
}

/** Loads a questionnaire's responses and runs the analysis; the same for CLI and HTTP. */
export async function buildAnalysis(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  surveyId: string,
  request: AnalysisRequest,
): Promise<AnalysisDocument> {
  const survey = registry.get(surveyId)
  if (!survey) throw new NotFoundError(`no questionnaire "${surveyId}"`)
  const { review = 'not-rejected', ...options } = request
  try {
    const prepared = prepareAnalysis(survey, options)
    const regions = await listRegions(db)
    const regionNames = Object.fromEntries(regions.map((r) => [r.id, r.name]))
    // A special tally reads the answers themselves (the vote, workshop sheets, indicators).
    if (survey.gapkit.analysis) return await analyzeStoredAnswers(db, survey, request, regionNames)
    // Each read is one transaction: the coverage check and every page see the same snapshot.
    const fromCodes = (trx: Kysely<Database>) => analyzeCodes(trx, prepared, review, regionNames)
    const fromAnswers = (trx: Kysely<Database>) =>
      analyzeStoredAnswers(trx, survey, request, regionNames)
    const either = async (trx: Kysely<Database>) => {
      const outcome = await fromCodes(trx)
      return typeof outcome === 'string' ? fromAnswers(trx) : outcome
    }
    // Inside a caller's transaction nothing is written.
    if (db.isTransaction) return await either(db)
    await refreshAnalysisCodes(db, survey.id, prepared.layout)
    const first = await db.transaction().execute(async (trx) => {
      const outcome = await fromCodes(trx)
      return outcome === 'unordered' ? fromAnswers(trx) : outcome
    })
    if (first !== 'incomplete') return first
    // Responses without a code text and not queued: stored before the triggers existed.
    await refreshAnalysisCodes(db, survey.id, prepared.layout, true)
    return await db.transaction().execute(either)
  } catch (error) {
    // A grouping or a wave that names nothing usable is the caller's mistake, not a server fault.
    if (error instanceof GroupingError || error instanceof WaveError) {
      throw new InvalidInputError(error.message)
    }
    throw error
  }
}
