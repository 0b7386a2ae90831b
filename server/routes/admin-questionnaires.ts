import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { adminHref, h, renderPage } from '../admin/layout.ts'
import { type PageSession, pageSessions } from '../admin/page-session.ts'
import {
  QUESTIONNAIRES_PATH,
  type QuestionnaireNotice,
  renderQuestionnairesPage,
  uploadPath,
} from '../admin/questionnaires-page.ts'
import { adminText } from '../admin/text.ts'
import type { Database } from '../db/schema.ts'
import { ConflictError, NotFoundError } from '../errors.ts'
import { FORM_CSP, formPage } from '../form/page.ts'
import { actorOf } from '../http/auth.ts'
import { limitBody } from '../http/body-limit.ts'
import { compressResponses } from '../http/compression.ts'
import { pickLocale } from '../http/html.ts'
import { passesCsrf } from '../http/session.ts'
import type { Asset } from '../http/static-assets.ts'
import type { ScryptParams } from '../services/passwords.ts'
import {
  discardUpload,
  filesBeside,
  getUpload,
  type LiveSurveyRegistry,
  listUploads,
  previewSurvey,
  publishUpload,
  SurveyUploadError,
  uploadDefinition,
  uploadFileName,
  uploadSurvey,
} from '../services/survey-uploads.ts'

/** The upload form: the file, an optional questionnaire id, the session's CSRF token. */
export const uploadForm = z.object({
  csrf: z.string().max(200).optional(),
  id: z.string().max(100).optional(),
  file: z.instanceof(File).optional(),
  // The CSV files the workbook's select_one_from_file rows name (the input allows several).
  // (A file input left empty may arrive as an empty string.)
  beside: z
    .union([z.instanceof(File), z.string(), z.array(z.union([z.instanceof(File), z.string()]))])
    .optional(),
})

export const actionForm = z.object({ csrf: z.string().max(200).optional() })

/** Which notice a redirect after an action asks for (`?uploaded=u_…`). */
const noticeQuery = z.object({
  uploaded: z.string().max(40).optional(),
  published: z.string().max(40).optional(),
  discarded: z.string().max(40).optional(),
})

/** Who may upload, preview, publish and discard: what partners are asked is an owner's call. */
const ROLE = 'owner'

export interface QuestionnaireRouteDeps {
  db: Kysely<Database>
  registry: LiveSurveyRegistry
  assets: Map<string, Asset>
  now: () => Date
  /** The largest upload in bytes (the import limit). */
  uploadLimit: number
  passwords?: ScryptParams
}

/**
 * The questionnaires page of the dashboard (owners), mounted at `/admin`: `GET /questionnaires`
 * the list and the upload form, `POST /questionnaires` an upload (multipart, no script needed:
 * refused, the page again with the problems, 422; kept, a redirect to the page), `POST
 * /questionnaires/uploads/:upload/publish|discard`, and `GET …/preview` the draft in the real
 * form page in preview mode (nothing stored) with `GET …/definition` its questionnaire, which
 * only a signed-in owner can read: partner links never see a draft.
 */
export function adminQuestionnaireRoutes(deps: QuestionnaireRouteDeps) {
  const { db, registry, assets, now } = deps
  const { pageSession } = pageSessions(deps)

  const served = (locale: string) =>
    registry.list().map((s) => ({
      id: s.id,
      title: s.title(locale),
      version: s.version,
      locales: s.locales,
      questions: s.questions.length,
      origin: registry.origin(s.id) ?? { kind: 'folder' as const },
    }))

  const page = async (
    c: Context,
    s: PageSession,
    notice?: QuestionnaireNotice,
    status: 200 | 403 | 404 | 409 | 422 = 200,
    id?: string,
  ) => {
    const uploads = await listUploads(db)
    return c.html(
      renderQuestionnairesPage({ ...s, served: served(s.locale), uploads, notice, id, assets }),
      status,
    )
  }

  const back = (s: PageSession, query: Record<string, string>) =>
    adminHref(QUESTIONNAIRES_PATH, s.locale, query)

  /** Publish or discard: the CSRF check, the service, then back to the page with a notice. */
  const act = async (c: Context, what: 'publish' | 'discard') => {
    const s = await pageSession(c, ROLE)
    if ('response' in s) return s.response
    const form = actionForm.safeParse(await c.req.parseBody())
    if (!passesCsrf(c, s.sessionId, form.success ? form.data.csrf : undefined)) {
      return page(c, s, { kind: 'badOrigin' }, 403)
    }
    const change = what === 'publish' ? publishUpload : discardUpload
    try {
      const upload = await change(
        { db, registry },
        c.req.param('upload') ?? '',
        actorOf(s.principal),
        now().toISOString(),
      )
      return c.redirect(back(s, { [`${what}ed`]: upload.id }), 303)
    } catch (error) {
      if (error instanceof NotFoundError) return page(c, s, { kind: 'qNoUpload' }, 404)
      if (error instanceof ConflictError) return page(c, s, { kind: 'qNotDraft' }, 409)
      throw error
    }
  }

  /** A dashboard page saying there is no such upload. */
  const noUpload = (c: Context, s: PageSession) => {
    const text = adminText(s.locale).qNoUpload
    const body = `<p class="ak-alert" role="alert">${h(text)}</p>`
    return c.html(renderPage({ ...s, title: text, path: QUESTIONNAIRES_PATH, body, assets }), 404)
  }

  return (
    new Hono()
      .use('/questionnaires/*', compressResponses())
      // A workbook may be large: the upload gets the import limit, everything else 16 KiB.
      .use('/questionnaires', limitBody(deps.uploadLimit))
      .use('/questionnaires/uploads/*', limitBody(16 * 1024))
      .get('/questionnaires', async (c) => {
        const s = await pageSession(c, ROLE)
        if ('response' in s) return s.response
        const q = noticeQuery.safeParse(c.req.query())
        const given = q.success ? q.data : {}
        for (const kind of ['uploaded', 'published', 'discarded'] as const) {
          const uploadId = given[kind]
          if (uploadId === undefined) continue
          try {
            return page(c, s, { kind, upload: await getUpload(db, uploadId) })
          } catch (error) {
            if (!(error instanceof NotFoundError)) throw error
          }
        }
        return page(c, s)
      })
      .post('/questionnaires', async (c) => {
        const s = await pageSession(c, ROLE)
        if ('response' in s) return s.response
        const form = uploadForm.safeParse(await c.req.parseBody({ all: true }))
        if (!passesCsrf(c, s.sessionId, form.success ? form.data.csrf : undefined)) {
          return page(c, s, { kind: 'badOrigin' }, 403)
        }
        // An empty file input still sends one part with no name and no bytes.
        const beside = (form.success ? [form.data.beside ?? []].flat() : [])
          .filter((f): f is File => f instanceof File && f.size > 0)
          .slice(0, 50)
        const file = form.success ? form.data.file : undefined
        const id = form.success ? form.data.id?.trim() || undefined : undefined
        if (!file || file.size === 0) return page(c, s, { kind: 'qNoFile' }, 422, id)
        const fileName = uploadFileName(file.name)
        try {
          const upload = await uploadSurvey(
            { db, registry },
            {
              fileName,
              bytes: new Uint8Array(await file.arrayBuffer()),
              id,
              readFile: filesBeside(
                await Promise.all(
                  beside.map(async (f) => ({
                    name: f.name,
                    bytes: new Uint8Array(await f.arrayBuffer()),
                  })),
                ),
              ),
            },
            actorOf(s.principal),
            now().toISOString(),
          )
          return c.redirect(back(s, { uploaded: upload.id }), 303)
        } catch (error) {
          if (error instanceof SurveyUploadError) {
            return page(c, s, { kind: 'refused', fileName, problems: error.problems }, 422, id)
          }
          if (error instanceof ConflictError && error.code === 'unchanged') {
            return page(c, s, { kind: 'qUnchanged', fileName }, 409, id)
          }
          throw error
        }
      })
      .post('/questionnaires/uploads/:upload/publish', (c) => act(c, 'publish'))
      .post('/questionnaires/uploads/:upload/discard', (c) => act(c, 'discard'))
      .get('/questionnaires/uploads/:upload/preview', async (c) => {
        const s = await pageSession(c, ROLE)
        if ('response' in s) return s.response
        const uploadId = c.req.param('upload')
        let survey: Awaited<ReturnType<typeof previewSurvey>>
        try {
          survey = await previewSurvey(db, uploadId)
        } catch (error) {
          if (error instanceof NotFoundError) return noUpload(c, s)
          throw error
        }
        // The partner's form page, with its own policy; no region, so nothing is ever stored.
        c.header('Content-Security-Policy', FORM_CSP)
        c.header('Referrer-Policy', 'no-referrer')
        const header = c.req.header('accept-language')
        const locale = pickLocale({ query: c.req.query('lang'), header }, survey.locales)
        return c.html(
          formPage({
            survey,
            locale,
            region: '',
            token: '',
            sent: { count: 0, lastAt: null },
            onePerLink: survey.gapkit.onePerLink,
            assets,
            definition: uploadPath(uploadId, 'definition'),
          }),
        )
      })
      .get('/questionnaires/uploads/:upload/definition', async (c) => {
        const s = await pageSession(c, ROLE)
        if ('response' in s) return s.response
        try {
          const definition = await uploadDefinition(db, c.req.param('upload'))
          c.header('Content-Type', 'application/json; charset=utf-8')
          return c.body(definition)
        } catch (error) {
          if (error instanceof NotFoundError) return noUpload(c, s)
          throw error
        }
      })
  )
}
