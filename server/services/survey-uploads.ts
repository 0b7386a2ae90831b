/**
 * Questionnaires uploaded as SurveyJS JSON or an XLSForm workbook: checked as the folder's
 * files are (errors by row or question, nothing stored when refused), kept as a draft that can
 * be previewed, then published as the current version of their id for every process on the
 * database (server/services/live-registry.ts). Every change is audited. The dashboard
 * (routes/admin-questionnaires.ts), the API (routes/survey-uploads.ts) and `gapkit survey`
 * all call these functions.
 */
import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { findDuplicateNames, listQuestionShapes } from '../../surveys/definition.ts'
import { isRecord } from '../../surveys/json.ts'
import {
  fileBaseName,
  fileNameOf,
  type LoadedSurvey,
  loadSurvey,
  SURVEY_ID_PATTERN,
  SurveyDefinitionError,
  surveyIdFrom,
} from '../../surveys/registry.ts'
import { surveyJsonErrors } from '../../surveys/survey-model.ts'
import type { ImportProblem } from '../../surveys/xlsform/index.ts'
import { onPostgres } from '../db/dialect.ts'
import {
  type AuditEntry,
  writeAudit,
  writeAuditKysely,
  writeAuditRaw,
} from '../db/repositories/audit.ts'
import {
  findSurveyUpload,
  insertSurveyUpload,
  listSurveyUploads,
  markUploadDiscarded,
  markUploadPublished,
  markUploadPublishedRaw,
  type SurveyUploadRecord,
} from '../db/repositories/survey-uploads.ts'
import {
  ensureSurveyVersionKysely,
  ensureSurveyVersionRaw,
} from '../db/repositories/survey-versions.ts'
import type { Database } from '../db/schema.ts'
import { withRawSqlite } from '../db/sqlite/dialect.ts'
import { ConflictError, type ErrorDetail, NotFoundError, ValidationError } from '../errors.ts'
import type { LiveSurveyRegistry } from './live-registry.ts'

export type { LiveSurveyRegistry } from './live-registry.ts'

/** One problem of an upload: where (a sheet, row and column, or a question) and why. */
export interface UploadProblem {
  /** `survey sheet, row 7, column relevant`, `question "q1"`, `questionnaire`, `file`, `id`. */
  where: string
  message: string
  severity: 'error' | 'warning'
  sheet?: string
  row?: number
  column?: string
  question?: string
}

/** An uploaded questionnaire as the API and the dashboard show it. */
export interface SurveyUpload {
  /** Upload id, random, url-safe: `u_` and 16 hex digits. */
  id: string
  /** The questionnaire id. */
  survey: string
  /** Content hash (`surveyVersion`). */
  version: string
  fileName: string
  kind: 'json' | 'xlsform'
  status: 'draft' | 'published' | 'discarded'
  /** In English or the default language. */
  title: string
  questions: number
  locales: string[]
  /** Warnings only (errors refuse the upload). */
  problems: UploadProblem[]
  /** The version served for that id (when uploaded; for a published one, when published), or null. */
  replaces: string | null
  uploadedAt: string
  uploadedBy: string
  publishedAt: string | null
}

/** Refused upload: `details` has one entry per error, the message says how many; nothing stored. */
export class SurveyUploadError extends ValidationError {
  override name = 'SurveyUploadError'
  constructor(
    message: string,
    readonly problems: UploadProblem[],
  ) {
    super('invalid_questionnaire', message, problems.map(detailOf))
  }
}

/** The file to upload. */
export interface UploadInput {
  fileName: string
  bytes: Uint8Array
  /** The questionnaire id (default: a JSON file's name; a workbook's `form_id`, else its name). */
  id?: string
  /**
   * Reads a file beside a workbook (`select_one_from_file`): the command line reads the
   * workbook's folder; an upload over HTTP sends them with the workbook (`filesBeside`).
   */
  readFile?: (name: string) => Uint8Array | undefined
}

/**
 * The files sent with a workbook over HTTP (the CSV lists its `select_one_from_file` rows
 * name), found by their file name as the workbook writes it (any folder part is ignored).
 */
export function filesBeside(files: { name: string; bytes: Uint8Array }[]) {
  const byName = new Map(files.map((f) => [fileNameOf(f.name), f.bytes]))
  return (name: string): Uint8Array | undefined => byName.get(fileNameOf(name))
}

/** The name an upload is kept and shown under: no folder part, at most 200 characters. */
export function uploadFileName(name: string): string {
  return fileNameOf(name).slice(0, 200) || 'questionnaire'
}

export interface UploadDeps {
  db: Kysely<Database>
  registry: LiveSurveyRegistry
}

/** The most an upload may weigh; the HTTP edge refuses larger bodies earlier (importLimit). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024

/** Where the dashboard previews an upload; the API answers it as `previewUrl`. */
export function uploadPreviewPath(uploadId: string): string {
  return `/admin/questionnaires/uploads/${uploadId}/preview`
}

const UPLOAD_ID = /^u_[0-9a-f]{16}$/
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

function detailOf(p: UploadProblem): ErrorDetail {
  return {
    field: p.where,
    ...(p.question === undefined ? {} : { question: p.question }),
    message: p.message,
  }
}

function refuse(problems: UploadProblem[]): never {
  const errors = problems.filter((p) => p.severity === 'error')
  const n = errors.length
  throw new SurveyUploadError(
    `the questionnaire was not stored: ${n} error${n === 1 ? '' : 's'} (listed in details)`,
    errors,
  )
}

const fail = (where: string, message: string, extra: Partial<UploadProblem> = {}): never =>
  refuse([{ where, message, severity: 'error', ...extra }])

/** `survey sheet, row 7, column relevant`, or `workbook` for the whole file. */
function whereOf(p: ImportProblem): string {
  const sheet = p.sheet ? `${p.sheet} sheet` : 'workbook'
  return [sheet, p.row === null ? null : `row ${p.row}`, p.column ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ')
}

function fromImportProblem(p: ImportProblem): UploadProblem {
  return {
    where: whereOf(p),
    message: p.text ? `${p.text.replace(/\s+/g, ' ').slice(0, 200)}: ${p.reason}` : p.reason,
    severity: p.severity,
    ...(p.sheet ? { sheet: p.sheet } : {}),
    ...(p.row === null ? {} : { row: p.row }),
    ...(p.column ? { column: p.column } : {}),
  }
}

function checkId(id: string): string {
  if (!SURVEY_ID_PATTERN.test(id)) {
    fail(
      'id',
      `the questionnaire id "${id.slice(0, 80)}" must be lowercase letters, digits and dashes (at most 63, starting with a letter or digit)`,
    )
  }
  // `/api/surveys/uploads` lists the uploads: a questionnaire of that name could not be reached.
  if (id === 'uploads') fail('id', 'the questionnaire id "uploads" is reserved; choose another')
  return id
}

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b)
}

/** A SurveyJS JSON file, checked as `loadSurvey` does but with every problem listed. */
function checkJson(bytes: Uint8Array, fileName: string, id: string | undefined): LoadedSurvey {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return fail(
      'file',
      'the file is neither SurveyJS JSON (UTF-8 text) nor an XLSForm workbook (.xlsx)',
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return fail('file', `invalid JSON: ${(error as Error).message}`)
  }
  const surveyId = checkId(id ?? surveyIdFrom(fileBaseName(fileName)) ?? fileName)
  if (!isRecord(json)) return fail('questionnaire', 'the questionnaire must be a JSON object')
  const problems: UploadProblem[] = surveyJsonErrors(json).map((message) => ({
    where: 'questionnaire',
    message,
    severity: 'error',
  }))
  const shapes = listQuestionShapes(json)
  if (shapes.length === 0) {
    problems.push({ where: 'questionnaire', message: 'it has no questions', severity: 'error' })
  }
  for (const name of findDuplicateNames(shapes)) {
    problems.push({
      where: `question "${name}"`,
      question: name,
      message: `the question name "${name}" is used more than once; each question needs its own name`,
      severity: 'error',
    })
  }
  if (problems.length > 0) refuse(problems)
  return loadChecked(surveyId, json)
}

/** `loadSurvey`, its refusal as an upload error (the gapkit block's path and reason). */
function loadChecked(id: string, json: unknown): LoadedSurvey {
  try {
    return loadSurvey(id, json, 'questionnaire')
  } catch (error) {
    if (!(error instanceof SurveyDefinitionError)) throw error
    return fail('questionnaire', error.message.replace(/^questionnaire: /, ''))
  }
}

/** Checks an upload's file; the questionnaire, its kind and its warnings. */
async function checkFile(
  input: UploadInput,
): Promise<{ survey: LoadedSurvey; kind: 'json' | 'xlsform'; warnings: UploadProblem[] }> {
  if (input.bytes.length === 0) fail('file', 'the file is empty')
  if (input.bytes.length > MAX_UPLOAD_BYTES) {
    fail('file', `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`)
  }
  if (input.id !== undefined) checkId(input.id)
  const xlsx = isZip(input.bytes) || /\.xlsx$/i.test(input.fileName)
  if (!xlsx) {
    return { survey: checkJson(input.bytes, input.fileName, input.id), kind: 'json', warnings: [] }
  }
  // SheetJS loads (a second) only when a workbook comes.
  const { convertXlsForm } = await import('../../surveys/xlsform/index.ts')
  const result = await convertXlsForm(input.bytes, {
    id: input.id,
    fileName: input.fileName,
    // A workbook sent alone has nothing beside it: a `select_one_from_file` list is an error.
    readFile: input.readFile ?? (() => undefined),
  })
  const problems = result.problems.map(fromImportProblem)
  if (!result.usable) refuse(problems)
  return {
    survey: loadChecked(checkId(result.id), result.json),
    kind: 'xlsform',
    warnings: problems.filter((p) => p.severity === 'warning'),
  }
}

function parseList<T>(text: string): T[] {
  const value: unknown = JSON.parse(text)
  return Array.isArray(value) ? (value as T[]) : []
}

function viewOf(row: SurveyUploadRecord): SurveyUpload {
  return {
    id: row.id,
    survey: row.survey,
    version: row.version,
    fileName: row.file_name,
    kind: row.kind,
    status: row.status,
    title: row.title,
    questions: row.questions,
    locales: parseList<string>(row.locales),
    problems: parseList<UploadProblem>(row.problems),
    replaces: row.replaces,
    uploadedAt: row.uploaded_at,
    uploadedBy: row.uploaded_by,
    publishedAt: row.published_at,
  }
}

/**
 * Checks an uploaded file and stores it as a draft (nothing is served until it is published).
 * `SurveyUploadError` (422) with every error by row or question, nothing stored; a file whose
 * version is already the one served is a `ConflictError` (`unchanged`).
 */
export async function uploadSurvey(
  deps: UploadDeps,
  input: UploadInput,
  actor: string,
  now: string,
): Promise<SurveyUpload> {
  const fileName = uploadFileName(input.fileName)
  const { survey, kind, warnings } = await checkFile({ ...input, fileName })
  await deps.registry.refresh()
  const served = deps.registry.get(survey.id)
  if (served?.version === survey.version) {
    throw new ConflictError(
      `questionnaire "${survey.id}" is already served at version ${survey.version}: nothing to publish`,
      [],
      'unchanged',
    )
  }
  const id = `u_${randomBytes(8).toString('hex')}`
  const row = {
    id,
    survey: survey.id,
    version: survey.version,
    file_name: fileName,
    kind,
    definition: survey.definition,
    original: input.bytes,
    title: survey.title('en'),
    questions: survey.questions.length,
    locales: JSON.stringify(survey.locales),
    problems: JSON.stringify(warnings),
    status: 'draft' as const,
    replaces: served?.version ?? null,
    uploaded_at: now,
    uploaded_by: actor,
    published_at: null,
    published_by: null,
    published_seq: null,
    discarded_at: null,
    discarded_by: null,
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertSurveyUpload(trx, row)
    await writeAudit(
      trx,
      {
        actor,
        action: 'survey.upload',
        entity: 'survey',
        entityId: survey.id,
        details: { upload: id, version: survey.version, fileName, kind, warnings: warnings.length },
      },
      now,
    )
  })
  const { original: _, ...record } = row
  return viewOf(record)
}

/** Every upload, newest first. */
export async function listUploads(db: Kysely<Database>): Promise<SurveyUpload[]> {
  return (await listSurveyUploads(db)).map(viewOf)
}

async function findRecord(db: Kysely<Database>, uploadId: string): Promise<SurveyUploadRecord> {
  const row = UPLOAD_ID.test(uploadId) ? await findSurveyUpload(db, uploadId) : undefined
  if (!row) throw new NotFoundError(`no upload "${uploadId.slice(0, 40)}"`)
  return row
}

/** One upload; `NotFoundError` when there is none. */
export async function getUpload(db: Kysely<Database>, uploadId: string): Promise<SurveyUpload> {
  return viewOf(await findRecord(db, uploadId))
}

/**
 * The upload's questionnaire, loaded, for the preview page (any status: previewing stores
 * nothing). It is not in `survey_versions` before it is published, so no partner can load or
 * answer a draft.
 */
export async function previewSurvey(db: Kysely<Database>, uploadId: string): Promise<LoadedSurvey> {
  const row = await findRecord(db, uploadId)
  return loadSurvey(row.survey, JSON.parse(row.definition), `upload ${row.id}`)
}

/** The upload's questionnaire as stored (canonical JSON text), for the preview page to load. */
export async function uploadDefinition(db: Kysely<Database>, uploadId: string): Promise<string> {
  return (await findRecord(db, uploadId)).definition
}

/**
 * Publishes a draft: from now on the current version of its id for every route and command of
 * every process on the database. The version it replaces and its own are recorded in
 * `survey_versions`, so responses to either stay readable and a form opened before keeps
 * working. `ConflictError` unless it is a draft.
 */
export async function publishUpload(
  deps: UploadDeps,
  uploadId: string,
  actor: string,
  now: string,
): Promise<SurveyUpload> {
  const row = await findRecord(deps.db, uploadId)
  if (row.status !== 'draft') {
    throw new ConflictError(`upload ${row.id} is ${row.status}: only a draft can be published`)
  }
  await deps.registry.refresh()
  const served = deps.registry.get(row.survey)
  const replaces = served && served.version !== row.version ? served.version : null
  const versions = [
    ...(served
      ? [{ survey: served.id, version: served.version, definition: served.definition }]
      : []),
    { survey: row.survey, version: row.version, definition: row.definition },
  ]
  const audit: AuditEntry = {
    actor,
    action: 'survey.publish',
    entity: 'survey',
    entityId: row.survey,
    details: { upload: row.id, version: row.version, replaces },
  }
  const change = { replaces, actor, now }
  const notDraft = () => new ConflictError(`upload ${row.id} is no longer a draft`)
  if (onPostgres(deps.db)) {
    // One transaction holding survey_uploads against every other writer of it (another
    // instance publishing too), so the publication number counted in it is unique.
    await deps.db.transaction().execute(async (trx) => {
      await sql`lock table survey_uploads in share row exclusive mode`.execute(trx)
      for (const v of versions) await ensureSurveyVersionKysely(trx, v, now)
      if (!(await markUploadPublished(trx, row.id, change))) throw notDraft()
      await writeAuditKysely(trx, audit, now)
    })
  } else {
    // One synchronous write transaction taken at once: no other connection of this process or
    // another one writes between its statements (the publication number is counted in it).
    await withRawSqlite(deps.db, (raw) =>
      raw
        .transaction(() => {
          for (const v of versions) ensureSurveyVersionRaw(raw, v, now)
          if (!markUploadPublishedRaw(raw, row.id, change)) throw notDraft()
          writeAuditRaw(raw, audit, now)
        })
        .immediate(),
    )
  }
  await deps.registry.refresh()
  return getUpload(deps.db, row.id)
}

/** Discards a draft (it stays listed, never served). `ConflictError` unless it is a draft. */
export async function discardUpload(
  deps: UploadDeps,
  uploadId: string,
  actor: string,
  now: string,
): Promise<SurveyUpload> {
  const row = await findRecord(deps.db, uploadId)
  if (row.status !== 'draft') {
    throw new ConflictError(`upload ${row.id} is ${row.status}: only a draft can be discarded`)
  }
  await deps.db.transaction().execute(async (trx) => {
    const changed = await markUploadDiscarded(trx, row.id, { actor, now })
    if (!changed) throw new ConflictError(`upload ${row.id} is no longer a draft`)
    await writeAudit(
      trx,
      {
        actor,
        action: 'survey.discard',
        entity: 'survey',
        entityId: row.survey,
        details: { upload: row.id, version: row.version },
      },
      now,
    )
  })
  return getUpload(deps.db, row.id)
}
