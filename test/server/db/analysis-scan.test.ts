import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analyzeSurvey } from '../../../analysis/analyze-survey.ts'
import type { AnalysisOptions, AnalysisResponse } from '../../../analysis/input.ts'
import { DEMO_REGIONS, generateDemoResponses } from '../../../demo/index.ts'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import { upsertRegion } from '../../../server/db/repositories/regions.ts'
import {
  insertResponse,
  listResponses,
  setReviewStatus,
  updateDraft,
} from '../../../server/db/repositories/responses.ts'
import { ensureSurveyVersion } from '../../../server/db/repositories/survey-versions.ts'
import { buildAnalysis } from '../../../server/services/analysis.ts'
import { createSubmission } from '../../../server/services/submissions.ts'
import {
  createRegistry,
  type LoadedSurvey,
  loadSurvey,
  loadSurveyRegistry,
} from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { variedResponses, variedSurveyJson } from '../../fixtures/analysis/varied-responses.ts'
import { DEFINITIONS, tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

const REGIONS = { N: 'North', S: 'South', C: 'Centre' }
const NOW = '2026-01-01T00:00:00.000Z'
const OPTIONS: AnalysisOptions[] = [
  { resamples: 200 },
  { resamples: 200, by: 'wave' },
  { resamples: 200, by: 'stakeholder' },
  { resamples: 200, wave: '2024', includeDrafts: true },
]

let db: Db
let survey: LoadedSurvey
let responses: AnalysisResponse[]

async function store(s: LoadedSurvey, list: readonly AnalysisResponse[]): Promise<void> {
  await ensureSurveyVersion(
    db.kysely,
    { survey: s.id, version: s.version, definition: s.definition },
    NOW,
  )
  for (const r of list) {
    await insertResponse(db.kysely, {
      id: r.id,
      survey: s.id,
      version: s.version,
      region_id: r.region,
      wave: r.wave,
      language: r.language,
      status: r.status,
      answers: JSON.stringify(r.answers),
      group_name: null,
      token_id: null,
      created_at: NOW,
      updated_at: NOW,
      submitted_at: r.submittedAt,
      submission_key: null,
    })
  }
}

/** The document from the responses in memory (the reference: no code texts involved). */
function expected(
  list: readonly AnalysisResponse[],
  options: AnalysisOptions,
  s = survey,
  version = s.version,
) {
  const stored = list.map((r) => ({ ...r, version }))
  return JSON.stringify(
    analyzeSurvey({ survey: s, responses: stored, regionNames: REGIONS, options }),
  )
}

async function analyze(options: AnalysisOptions & { review?: 'approved' }, s = survey) {
  return JSON.stringify(await buildAnalysis(db.kysely, createRegistry([s]), s.id, options))
}

async function count(table: 'analysis_rows' | 'analysis_pending'): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

let dir: string
beforeEach(async () => {
  dir = tempDir()
  // A SQLite file, or a schema of its own on the PostgreSQL run.
  db = await createDb(await testDatabaseTarget(dir, 'analysis.db'))
  for (const [id, name] of Object.entries(REGIONS)) await upsertRegion(db.kysely, { id, name }, NOW)
  survey = loadSurvey('varied-survey', variedSurveyJson(5))
  responses = variedResponses(400, 4)
  await store(survey, responses)
})

afterEach(async () => {
  await db.close()
  await dropTestDatabase(db.target)
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('buildAnalysis from code texts', () => {
  it('encodes each response once and gives the in-memory document for every option set', async () => {
    expect(await count('analysis_pending')).toBe(400)
    for (const options of OPTIONS) expect(await analyze(options)).toBe(expected(responses, options))
    expect(await count('analysis_rows')).toBe(400)
    expect(await count('analysis_pending')).toBe(0)
  })

  it('follows review changes without re-encoding, and re-encodes only changed answers', async () => {
    await analyze({ resamples: 200 })
    const [first, second, third] = responses
    if (!first || !second || !third) throw new Error('fixture too small')
    const review = { note: null, by: 'test', at: NOW }
    await setReviewStatus(db.kysely, survey.id, [first.id], { status: 'rejected', ...review })
    await setReviewStatus(db.kysely, survey.id, [second.id], { status: 'approved', ...review })
    expect(await count('analysis_pending')).toBe(0)
    const kept = responses.filter((r) => r.id !== first.id)
    expect(await analyze({ resamples: 200 })).toBe(expected(kept, { resamples: 200 }))
    expect(await analyze({ resamples: 200, review: 'approved' })).toBe(
      expected([second], { resamples: 200 }),
    )

    const draft = responses.find((r) => r.status === 'draft')
    if (!draft) throw new Error('fixture has no draft')
    const answers = { ...draft.answers, satisfaction: 1, stakeholder: 'public' }
    await updateDraft(db.kysely, draft.id, {
      answers: JSON.stringify(answers),
      language: 'en',
      status: 'submitted',
      updated_at: NOW,
      submitted_at: NOW,
      version: survey.version,
    })
    expect(await count('analysis_pending')).toBe(1)
    const changed = kept.map((r) =>
      r.id === draft.id ? { ...r, answers, status: 'submitted' as const } : r,
    )
    expect(await analyze({ resamples: 200 })).toBe(expected(changed, { resamples: 200 }))
    expect(await count('analysis_pending')).toBe(0)

    await db.kysely.deleteFrom('responses').where('id', '=', third.id).execute()
    expect(await count('analysis_rows')).toBe(399)
    const left = changed.filter((r) => r.id !== third.id)
    expect(await analyze({ resamples: 200, by: 'wave' })).toBe(
      expected(left, { resamples: 200, by: 'wave' }),
    )
  })

  it('re-encodes every response for a changed questionnaire', async () => {
    await analyze({ resamples: 200 })
    const json: SurveyJson = variedSurveyJson(5)
    json.title = 'Renamed'
    const pages = json.pages as { elements: { name?: string; rateValues?: unknown }[] }[]
    const confidence = pages[0]?.elements.find((e) => e.name === 'confidence')
    if (confidence) confidence.rateValues = [0.5, 1, 1.5, 2, 2.5, 3]
    const changed = loadSurvey('varied-survey', json)
    await ensureSurveyVersion(
      db.kysely,
      { survey: changed.id, version: changed.version, definition: changed.definition },
      NOW,
    )
    expect(await analyze({ resamples: 200 }, changed)).toBe(
      expected(responses, { resamples: 200 }, changed, survey.version),
    )
    expect(await count('analysis_rows')).toBe(400)
  })

  it('encodes responses stored before the triggers existed (nothing queued)', async () => {
    await db.kysely.deleteFrom('analysis_pending').execute()
    expect(await analyze({ resamples: 200 })).toBe(expected(responses, { resamples: 200 }))
    expect(await count('analysis_rows')).toBe(400)
  })

  it('never writes inside a caller’s transaction: it reads the answers instead', async () => {
    const inside = await db.kysely
      .transaction()
      .execute(async (trx) =>
        JSON.stringify(
          await buildAnalysis(trx, createRegistry([survey]), survey.id, OPTIONS[0] ?? {}),
        ),
      )
    expect(inside).toBe(expected(responses, OPTIONS[0] ?? {}))
    expect(await count('analysis_rows')).toBe(0)
  })

  it('falls back to sorting in memory when SQLite orders the ids differently', async () => {
    // UTF-8 puts U+FF01 before an emoji; UTF-16 (JavaScript) puts the emoji first.
    const odd = variedResponses(12, 9).map((r, i) => ({
      ...r,
      id: i % 2 === 0 ? `\uff01${i}` : `\u{1f600}${i}`,
    }))
    await store(survey, odd)
    const all = [...responses, ...odd]
    expect(await analyze({ resamples: 200 })).toBe(expected(all, { resamples: 200 }))
  })
})

describe('buildAnalysis on the demo data of the shipped questionnaires', () => {
  it('gives the in-memory document for each, with code texts only where no special tally reads answers', async () => {
    const registry = loadSurveyRegistry(DEFINITIONS)
    for (const r of DEMO_REGIONS) await upsertRegion(db.kysely, r, NOW)
    const deps = { db: db.kysely, registry, now: () => new Date(NOW), defaultWave: '2025' }
    const demo = generateDemoResponses(registry.list(), { responses: 300, seed: 2 })
    for (const r of demo) {
      await createSubmission(deps, null, { ...r, draft: r.draft === true, survey: r.survey })
    }
    const regionNames = Object.fromEntries(DEMO_REGIONS.map((r) => [r.id, r.name]))
    for (const s of registry.list()) {
      const stored = await listResponses(db.kysely, { survey: s.id })
      const list: AnalysisResponse[] = stored.map((r) => ({
        id: r.id,
        region: r.region_id,
        wave: r.wave,
        group: r.group_name,
        language: r.language,
        status: r.status,
        version: r.version,
        answers: JSON.parse(r.answers),
        submittedAt: r.submitted_at,
      }))
      for (const options of [
        { resamples: 200 },
        { resamples: 200, by: 'wave', includeDrafts: true },
      ]) {
        const document = await buildAnalysis(db.kysely, registry, s.id, options)
        const reference = analyzeSurvey({ survey: s, responses: list, regionNames, options })
        expect(JSON.stringify(document), s.id).toBe(JSON.stringify(reference))
      }
    }
    const coded = await db.kysely
      .selectFrom('analysis_rows')
      .select('survey')
      .distinct()
      .orderBy('survey')
      .execute()
    expect(coded.map((c) => c.survey)).toEqual(['good-practice', 'microfinance-gap'])
  })
})
