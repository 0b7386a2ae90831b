/**
 * The JSON export: the questionnaire versions answered (with their definitions, so an import
 * can validate old answers), the regions, then one response per line with its answers nested
 * as stored. No clock: the same data always gives the same bytes.
 */
import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import {
  type ExportRow,
  listExportRegions,
  streamResponses,
} from '../db/repositories/response-stream.ts'
import type { Database, ReviewStatus } from '../db/schema.ts'
import { finish, TextWriter } from './output.ts'
import { type ExportPlan, parseAnswers } from './plan.ts'

/** A response as the JSON export holds it. */
export interface ExportedResponse {
  id: string
  survey: string
  version: string
  region: string
  wave: string
  group: string | null
  language: string
  status: 'draft' | 'submitted'
  answers: Record<string, unknown>
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  submissionKey: string | null
  /** The review, as the API shows it. */
  review: { status: ReviewStatus; note: string | null; at: string | null }
}

/** A stored row in the JSON export's shape. */
export function exportedResponse(row: ExportRow): ExportedResponse {
  return {
    id: row.id,
    survey: row.survey,
    version: row.version,
    region: row.region_id,
    wave: row.wave,
    group: row.group_name,
    language: row.language,
    status: row.status,
    answers: parseAnswers(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    submissionKey: row.submission_key,
    review: { status: row.review_status, note: row.review_note, at: row.reviewed_at },
  }
}

/** Writes the JSON export to `out` and ends it; returns the number of responses written. */
export async function writeJson(
  db: Kysely<Database>,
  plan: ExportPlan,
  out: Writable,
  onProgress?: (written: number) => void,
): Promise<number> {
  const { filter } = plan
  const head = {
    survey: plan.survey.id,
    title: plan.survey.title(),
    filter: {
      region: filter.region ?? null,
      wave: filter.wave ?? null,
      status: filter.status ?? 'all',
      review: filter.review ?? 'all',
    },
    versions: plan.versions.map((v) => ({
      version: v.version,
      firstSeenAt: v.firstSeenAt,
      responses: v.responses,
      current: v.current,
      title: v.title,
      definition: v.definition,
    })),
    regions: await listExportRegions(db, filter),
  }
  const writer = new TextWriter(out)
  // The head object without its closing brace, then the responses array, streamed.
  await writer.write(`${JSON.stringify(head).slice(0, -1)},"responses":[`)
  let written = 0
  for await (const page of streamResponses(db, filter)) {
    for (const row of page) {
      const separator = written === 0 ? '\n' : ',\n'
      await writer.write(separator + JSON.stringify(exportedResponse(row)))
      written++
    }
    onProgress?.(written)
  }
  await writer.write(written === 0 ? ']}\n' : '\n]}\n')
  await writer.flush()
  await finish(out)
  return written
}
