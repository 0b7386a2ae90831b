/**
 * Reads a JSON export document back into import rows, with the questionnaire definitions and
 * region names it carries. A malformed response is a row issue, not a whole-file error.
 */
import { z } from 'zod'
import type { SurveyJson } from '../../surveys/types.ts'
import { zodIssues } from '../http/request.ts'
import { ImportInputError, type ImportRow } from './import-row.ts'

const id = (max: number) => z.string().min(1).max(max)

export const documentSchema = z.object({
  survey: id(64),
  versions: z
    .array(z.object({ version: id(64), definition: z.record(z.string(), z.unknown()).optional() }))
    .default([]),
  regions: z.array(z.object({ id: id(64), name: id(200) })).default([]),
  responses: z.array(z.unknown()),
})

export const responseSchema = z.object({
  id: id(200).optional(),
  survey: id(64).optional(),
  version: z.string().max(64).optional(),
  region: id(64).optional(),
  wave: id(64).optional(),
  group: z.string().max(200).nullable().optional(),
  language: id(20).optional(),
  status: z.enum(['draft', 'submitted']).optional(),
  answers: z.unknown(),
  createdAt: id(40).optional(),
  updatedAt: id(40).optional(),
  submittedAt: id(40).nullable().optional(),
  submissionKey: id(200).nullable().optional(),
  review: z
    .object({
      status: z.enum(['pending', 'approved', 'rejected']),
      note: z.string().max(2000).nullable().optional(),
      at: id(40).nullable().optional(),
    })
    .optional(),
})

/** What a JSON export document holds for an import. */
export interface JsonImport {
  rows: ImportRow[]
  /** Questionnaire definitions by version. */
  definitions: Map<string, SurveyJson>
  /** Region names by id. */
  regionNames: Map<string, string>
}

/** Checks a parsed JSON export against `survey`; throws `ImportInputError` for a wrong document. */
export function readJsonDocument(document: unknown, survey: string): JsonImport {
  const parsed = documentSchema.safeParse(document)
  if (!parsed.success) {
    const [issue] = zodIssues(parsed.error, '(document)')
    throw new ImportInputError(
      `not a Gapkit JSON export: ${issue?.field ?? '(document)'}: ${issue?.message ?? 'invalid'}`,
    )
  }
  const doc = parsed.data
  if (doc.survey !== survey) {
    throw new ImportInputError(`the file holds responses to "${doc.survey}", not "${survey}"`)
  }
  const definitions = new Map<string, SurveyJson>()
  for (const v of doc.versions) if (v.definition) definitions.set(v.version, v.definition)
  const regionNames = new Map(doc.regions.map((r) => [r.id, r.name]))
  const rows = doc.responses.map((raw, i): ImportRow => {
    const row = i + 1
    const r = responseSchema.safeParse(raw)
    if (!r.success) {
      return {
        ...emptyRow(row),
        issues: zodIssues(r.error, '').map((issue) => ({
          row,
          question: issue.field,
          message: issue.message,
        })),
      }
    }
    const v = r.data
    return {
      row,
      id: v.id ?? null,
      survey: v.survey ?? null,
      version: v.version || null,
      region: v.region ?? null,
      regionName: v.region === undefined ? null : (regionNames.get(v.region) ?? null),
      wave: v.wave ?? null,
      group: v.group || null,
      language: v.language ?? null,
      status: v.status ?? null,
      answers: v.answers,
      createdAt: v.createdAt ?? null,
      updatedAt: v.updatedAt ?? null,
      submittedAt: v.submittedAt ?? null,
      submissionKey: v.submissionKey ?? null,
      reviewStatus: v.review?.status ?? null,
      reviewNote: v.review?.note || null,
      reviewedAt: v.review?.at ?? null,
      issues: [],
    }
  })
  return { rows, definitions, regionNames }
}

function emptyRow(row: number): ImportRow {
  return {
    row,
    id: null,
    survey: null,
    version: null,
    region: null,
    regionName: null,
    wave: null,
    group: null,
    language: null,
    status: null,
    answers: undefined,
    createdAt: null,
    updatedAt: null,
    submittedAt: null,
    submissionKey: null,
    reviewStatus: null,
    reviewNote: null,
    reviewedAt: null,
    issues: [],
  }
}
