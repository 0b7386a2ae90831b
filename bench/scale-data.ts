/**
 * Synthetic `microfinance-gap` responses at scale, for the analysis-at-scale benchmark only: a
 * pool of demo answer sets (realistic, with the demo's designed regional differences), each
 * copy with two importance/performance ratings moved by ±1 (seeded), written straight into
 * `responses` with batched inserts — no validation, no audit — so that 1M rows take seconds,
 * not the hours the submission path would need.
 */

import { DEMO_REGIONS, generateDemoResponses } from '../demo/index.ts'
import { createDb, sqliteConnection } from '../server/db/create-db.ts'
import { upsertRegion } from '../server/db/repositories/regions.ts'
import { ensureSurveyVersion } from '../server/db/repositories/survey-versions.ts'
import type { SurveyRegistry } from '../surveys/registry.ts'

const SURVEY = 'microfinance-gap'
const POOL_SEED = 11
/** About 60% of the demo goes to the gap questionnaire: ~1,900 answer sets. */
const POOL_RESPONSES = 3000
const BATCH = 10_000
const BASE_TIME = Date.parse('2026-01-05T08:00:00.000Z')

/** One pool entry: its JSON and where its importance/performance ratings sit in it. */
interface PoolEntry {
  region: string
  wave: string
  language: string
  group: string | null
  draft: boolean
  json: string
  /** Offsets of single-digit ratings (1–5) inside `"importance"` and `"performance"`. */
  digits: number[]
}

/** Mulberry32: small, fast, seeded. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function ratingOffsets(json: string): number[] {
  const out: number[] = []
  for (const key of ['"importance":{', '"performance":{']) {
    const start = json.indexOf(key)
    if (start < 0) continue
    const end = json.indexOf('}', start)
    const section = json.slice(start, end + 1)
    for (const m of section.matchAll(/":([1-5])[,}]/g)) out.push(start + (m.index ?? 0) + 2)
  }
  return out
}

function buildPool(registry: SurveyRegistry): PoolEntry[] {
  return generateDemoResponses(registry.list(), { responses: POOL_RESPONSES, seed: POOL_SEED })
    .filter((d) => d.survey === SURVEY)
    .map((d) => {
      const json = JSON.stringify(d.answers)
      return {
        region: d.region,
        wave: d.wave,
        language: d.language,
        group: d.group ?? null,
        draft: d.draft === true,
        json,
        digits: ratingOffsets(json),
      }
    })
}

/** Moves two ratings of the entry by ±1 within 1–5. */
function perturb(entry: PoolEntry, random: () => number): string {
  let json = entry.json
  for (let k = 0; k < 2 && entry.digits.length > 0; k++) {
    const at = entry.digits[Math.floor(random() * entry.digits.length)] ?? 0
    const digit = Number(json[at])
    const next = Math.min(5, Math.max(1, digit + (random() < 0.5 ? -1 : 1)))
    json = `${json.slice(0, at)}${next}${json.slice(at + 1)}`
  }
  return json
}

function hex(random: () => number, length: number): string {
  let s = ''
  while (s.length < length)
    s += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  return s.slice(0, length)
}

/** A UUID-shaped id from the seeded generator (ids decide the document's response order). */
function seededId(random: () => number): string {
  const h = hex(random, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`
}

/** What {@link fillScaleDatabase} wrote. */
export interface ScaleData {
  responses: number
  /** Bytes of answer JSON written. */
  answerBytes: number
  seconds: number
}

/**
 * Creates (or extends) the SQLite database at `file` with `size` synthetic microfinance-gap
 * responses (seeded: the same size and seed give the same rows). About 1% are rejected and 2%
 * approved in review; drafts come from the pool (~3%).
 */
export async function fillScaleDatabase(
  file: string,
  registry: SurveyRegistry,
  size: number,
  seed = 1,
): Promise<ScaleData> {
  const started = performance.now()
  const survey = registry.get(SURVEY)
  if (!survey) throw new Error(`no questionnaire ${SURVEY}`)
  const db = await createDb(file)
  const now = new Date(BASE_TIME).toISOString()
  for (const r of DEMO_REGIONS) await upsertRegion(db.kysely, r, now)
  await ensureSurveyVersion(
    db.kysely,
    { survey: survey.id, version: survey.version, definition: survey.definition },
    now,
  )
  const pool = buildPool(registry)
  const random = createRandom(seed)
  // Benchmark only: raw inserts, batched in transactions (see the file comment).
  const insert = sqliteConnection(db).prepare(
    `insert into responses (id, survey, version, region_id, wave, language, status, answers,
       group_name, token_id, created_at, updated_at, submitted_at, submission_key, review_status)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, null, ?)`,
  )
  let answerBytes = 0
  const writeBatch = sqliteConnection(db).transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const entry = pool[Math.floor(random() * pool.length)]
      if (!entry) continue
      const json = perturb(entry, random)
      answerBytes += json.length
      const at = new Date(BASE_TIME + i * 1000).toISOString()
      const roll = random()
      const review = roll < 0.01 ? 'rejected' : roll < 0.03 ? 'approved' : 'pending'
      insert.run(
        seededId(random),
        SURVEY,
        survey.version,
        entry.region,
        entry.wave,
        entry.language,
        entry.draft ? 'draft' : 'submitted',
        json,
        entry.group,
        at,
        at,
        entry.draft ? null : at,
        review,
      )
    }
  })
  // A bulk load of a throwaway file: no WAL and no syncs while loading, WAL again afterwards.
  sqliteConnection(db).pragma('journal_mode = MEMORY')
  sqliteConnection(db).pragma('synchronous = OFF')
  for (let from = 0; from < size; from += BATCH) writeBatch(from, Math.min(size, from + BATCH))
  sqliteConnection(db).pragma('journal_mode = WAL')
  await db.close()
  return { responses: size, answerBytes, seconds: (performance.now() - started) / 1000 }
}
