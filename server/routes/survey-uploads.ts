import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { SURVEY_ID_PATTERN } from '../../surveys/registry.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, badRequest } from '../errors.ts'
import { type AuthEnv, actorOf, requireAdmin, requireRole } from '../http/auth.ts'
import { parseQuery, zodIssues } from '../http/request.ts'
import type { LiveSurveyRegistry } from '../services/live-registry.ts'
import {
  discardUpload,
  filesBeside,
  getUpload,
  listUploads,
  publishUpload,
  type SurveyUpload,
  uploadPreviewPath,
  uploadSurvey,
} from '../services/survey-uploads.ts'

/** Content types of the two formats; `multipart/form-data` carries either in a `file` field. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const idField = z
  .string()
  .max(63, 'at most 63 characters')
  .regex(SURVEY_ID_PATTERN, 'lowercase letters, digits and dashes')

export const uploadQuery = z.strictObject({
  id: idField.optional(),
  fileName: z.string().max(200).optional(),
  t: z.string().optional(),
})

const uploadForm = z.object({
  file: z.instanceof(File, { error: 'a file is required (field "file")' }),
  id: z.union([idField, z.literal('')]).optional(),
  // The CSV files a workbook's select_one_from_file rows name, as many as it needs.
  // (An empty file part may arrive as an empty string: it is no file.)
  beside: z
    .union([
      z.instanceof(File),
      z.string(),
      z.array(z.union([z.instanceof(File), z.string()])).max(50, 'at most 50 files'),
    ])
    .optional(),
})

/** What the API answers for an upload: the upload and where to preview and publish it. */
function answerOf(upload: SurveyUpload) {
  return {
    upload,
    previewUrl: uploadPreviewPath(upload.id),
    publishUrl: `/api/surveys/uploads/${upload.id}/publish`,
  }
}

/** The file of a request: the body itself (JSON or a workbook) or a multipart `file` part. */
async function readFile(
  type: string,
  req: {
    arrayBuffer(): Promise<ArrayBuffer>
    parseBody(options: { all: true }): Promise<Record<string, unknown>>
  },
): Promise<{
  bytes: Uint8Array
  fileName?: string
  id?: string
  readFile?: (name: string) => Uint8Array | undefined
}> {
  if (/^multipart\/form-data\s*;/i.test(type)) {
    const parsed = uploadForm.safeParse(await req.parseBody({ all: true }))
    if (!parsed.success) {
      throw badRequest(
        'the form needs a questionnaire file in the field "file"',
        zodIssues(parsed.error, '(form)'),
      )
    }
    const { file, id } = parsed.data
    const beside = [parsed.data.beside ?? []]
      .flat()
      .filter((f): f is File => f instanceof File && f.size > 0)
    return {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name || undefined,
      id: id || undefined,
      readFile: filesBeside(
        await Promise.all(
          beside.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
        ),
      ),
    }
  }
  const json = /^application\/json\s*(;|$)/i.test(type)
  const xlsx = type.toLowerCase().startsWith(XLSX_TYPE) || /^application\/octet-stream/i.test(type)
  if (!json && !xlsx) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `send SurveyJS JSON as application/json, an XLSForm workbook as ${XLSX_TYPE}, or either as the field "file" of multipart/form-data`,
    )
  }
  return { bytes: new Uint8Array(await req.arrayBuffer()) }
}

/**
 * Uploaded questionnaires (mounted at `/api/surveys`, before the questionnaire routes): `POST /`
 * uploads a draft, `GET /uploads` and `GET /uploads/:upload` read them (any lead partner),
 * `POST /uploads/:upload/publish` and `/discard` decide. Changing the questionnaires is the
 * owner's (the admin token acts as one): it changes what every partner answers.
 */
export function surveyUploadRoutes(deps: {
  db: Kysely<Database>
  registry: LiveSurveyRegistry
  now: () => Date
}) {
  const { db, now } = deps
  // Every answer is about one moment's state: never cached.
  const noStore = createMiddleware(async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  const owner = requireRole(db, 'owner', now)
  const lead = requireAdmin(db, now)
  // Middleware by route, not by path: `GET /` (mounted at /api/surveys) is the questionnaire
  // list every token reads, and must not need the admin role.
  return new Hono<AuthEnv>()
    .post('/', noStore, owner, async (c) => {
      const query = parseQuery(c, uploadQuery)
      const file = await readFile(c.req.header('content-type') ?? '', c.req)
      if (file.bytes.length === 0) {
        throw badRequest('the body is empty: send the questionnaire file', [
          { field: 'file', message: 'empty' },
        ])
      }
      const type = c.req.header('content-type') ?? ''
      const fallback = /^application\/json/i.test(type)
        ? 'questionnaire.json'
        : 'questionnaire.xlsx'
      const upload = await uploadSurvey(
        deps,
        {
          bytes: file.bytes,
          fileName: file.fileName ?? query.fileName ?? fallback,
          id: query.id ?? file.id,
          readFile: file.readFile,
        },
        actorOf(c.var.principal),
        now().toISOString(),
      )
      return c.json(answerOf(upload), 201)
    })
    .get('/uploads', noStore, lead, async (c) => c.json({ uploads: await listUploads(db) }))
    .get('/uploads/:upload', noStore, lead, async (c) =>
      c.json({ upload: await getUpload(db, c.req.param('upload')) }),
    )
    .post('/uploads/:upload/publish', noStore, owner, async (c) => {
      const upload = await publishUpload(
        deps,
        c.req.param('upload'),
        actorOf(c.var.principal),
        now().toISOString(),
      )
      return c.json({ upload })
    })
    .post('/uploads/:upload/discard', noStore, owner, async (c) => {
      const upload = await discardUpload(
        deps,
        c.req.param('upload'),
        actorOf(c.var.principal),
        now().toISOString(),
      )
      return c.json({ upload })
    })
}
