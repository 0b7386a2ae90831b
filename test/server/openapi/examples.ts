/**
 * One or more real requests per operation of the API document, keyed `METHOD /openapi/path`:
 * the main success answer first, then the error answers that are cheap to provoke. Each says
 * the status it gets; `refused` marks a 400 for the request's shape, which the document's
 * schemas must refuse too.
 */
import { type Fixtures, type Person, SMALL_SURVEY, SURVEY } from './fixtures.ts'

export type Sender = 'admin' | 'partnerA' | 'partnerB' | 'nobody' | Person

export interface Example {
  status: number
  url: string
  /** Who sends it (default: the admin token). */
  as?: Sender
  json?: unknown
  form?: Record<string, string>
  /** A body of another media type. */
  raw?: { type: string; text: string }
  /** A multipart/form-data body: text fields, and files as `{ name, type, text }`. */
  multipart?: Record<string, string | { name: string; type: string; text: string }>
  headers?: Record<string, string>
  /** The request breaks the documented parameters (`query`) or body (`body`). */
  refused?: 'query' | 'body'
}

const S = `/api/surveys/${SURVEY}`
const NO_RESPONSE = '0123456789abcdef0123456789abcdef'

const page = (url: string, as: Person = 'owner'): Example => ({ status: 200, url, as })
const session = (as: Person) => ({ as })
const csrfWrong = { headers: { 'X-Gapkit-CSRF': 'wrong' } }

/** Every operation's examples, made from the fixtures. */
export const EXAMPLES: Record<string, (f: Fixtures) => Example[]> = {
  'GET /healthz': () => [{ status: 200, url: '/healthz', as: 'nobody' }],
  'GET /assets/{hash}/{name}': (f) => [
    { status: 200, url: f.asset.url, as: 'nobody' },
    { status: 304, url: f.asset.url, as: 'nobody', headers: { 'If-None-Match': f.asset.etag } },
    { status: 404, url: '/assets/000000000000/api-docs.js', as: 'nobody' },
  ],
  'GET /s/{survey}': (f) => [
    { status: 200, url: `/s/${SURVEY}?t=${f.t.partnerA}&lang=fr`, as: 'nobody' },
    { status: 401, url: `/s/${SURVEY}?t=gkp_not-a-token`, as: 'nobody' },
    { status: 404, url: `/s/no-such-survey?t=${f.t.partnerA}`, as: 'nobody' },
  ],
  'GET /s/{survey}/definition/{version}': (f) => [
    { status: 200, url: `/s/${SURVEY}/definition/${f.version}`, as: 'partnerA' },
    {
      status: 304,
      url: `/s/${SURVEY}/definition/${f.version}`,
      as: 'partnerA',
      headers: { 'If-None-Match': `"${f.version}"` },
    },
    { status: 404, url: `/s/${SURVEY}/definition/0000000000000000`, as: 'partnerA' },
  ],
  'GET /s/sw.js': (f) => [
    { status: 200, url: '/s/sw.js', as: 'nobody' },
    { status: 304, url: '/s/sw.js', as: 'nobody', headers: { 'If-None-Match': f.workerEtag } },
  ],
  'GET /api/surveys': () => [
    { status: 200, url: '/api/surveys', as: 'partnerA' },
    { status: 200, url: '/api/surveys?lang=fr', as: 'viewer' },
  ],
  'GET /api/surveys/{id}': () => [
    { status: 200, url: S, as: 'partnerA' },
    { status: 404, url: '/api/surveys/no-such-survey', as: 'partnerA' },
  ],
  'POST /api/surveys/{id}/responses': (f) => [
    {
      status: 201,
      url: `${S}/responses`,
      as: 'partnerA',
      json: { answers: f.answers, submissionKey: 'openapi-1', language: 'fr' },
    },
    {
      status: 200,
      url: `${S}/responses`,
      as: 'partnerA',
      json: { answers: f.answers, submissionKey: 'openapi-1', language: 'fr' },
    },
    {
      status: 201,
      url: `${S}/responses`,
      as: 'analyst',
      json: { answers: f.answers, region: 'SE-VG', wave: '2026' },
    },
    { status: 400, url: `${S}/responses`, as: 'partnerA', json: {}, refused: 'body' },
    {
      status: 400,
      url: `${S}/responses`,
      as: 'partnerA',
      json: { answers: {}, draft: 'yes' },
      refused: 'body',
    },
    { status: 403, url: `${S}/responses`, as: 'partnerA', json: { answers: {}, region: 'FR-93' } },
    { status: 403, url: `${S}/responses`, as: 'viewer', json: { answers: f.answers } },
    {
      status: 404,
      url: '/api/surveys/no-such-survey/responses',
      as: 'partnerA',
      json: { answers: {} },
    },
    {
      status: 413,
      url: `${S}/responses`,
      as: 'partnerA',
      json: { answers: { note: 'x'.repeat(1_100_000) } },
    },
    { status: 415, url: `${S}/responses`, as: 'partnerA', raw: { type: 'text/plain', text: '{}' } },
    {
      status: 422,
      url: `${S}/responses`,
      as: 'partnerA',
      json: { answers: { no_such_question: 1 } },
    },
  ],
  'GET /api/surveys/{id}/responses': () => [
    { status: 200, url: `${S}/responses?format=json&status=submitted`, as: 'analyst' },
    { status: 200, url: `/api/surveys/${SMALL_SURVEY}/responses?format=csv&delimiter=%3B` },
    { status: 200, url: `/api/surveys/${SMALL_SURVEY}/responses?format=xlsx&labels=fr` },
    { status: 200, url: `${S}/responses?format=json`, as: 'partnerA' },
    { status: 400, url: `${S}/responses?format=pdf`, refused: 'query' },
    { status: 403, url: `${S}/responses?region=SI-HEART`, as: 'partnerA' },
    { status: 403, url: `${S}/responses`, as: 'reviewer' },
    { status: 404, url: '/api/surveys/no-such-survey/responses' },
  ],
  'POST /api/surveys/{id}/imports': (f) => [
    {
      status: 200,
      url: `/api/surveys/${SMALL_SURVEY}/imports?dryRun=true`,
      as: 'analyst',
      json: f.importJson,
    },
    {
      status: 200,
      url: `/api/surveys/${SMALL_SURVEY}/imports?dryRun=1&skipInvalid=true`,
      raw: { type: 'text/csv', text: f.importCsv },
    },
    {
      status: 400,
      url: `/api/surveys/${SMALL_SURVEY}/imports`,
      json: { survey: SMALL_SURVEY },
      refused: 'body',
    },
    {
      status: 400,
      url: `/api/surveys/${SMALL_SURVEY}/imports?dryRun=maybe`,
      json: f.importJson,
      refused: 'query',
    },
    {
      status: 403,
      url: `/api/surveys/${SMALL_SURVEY}/imports`,
      as: 'partnerA',
      json: f.importJson,
    },
    { status: 404, url: '/api/surveys/no-such-survey/imports', json: f.importJson },
    {
      status: 415,
      url: `/api/surveys/${SMALL_SURVEY}/imports`,
      raw: { type: 'text/plain', text: 'hello' },
    },
    {
      status: 422,
      url: `/api/surveys/${SMALL_SURVEY}/imports?dryRun=true`,
      json: {
        ...f.importJson,
        responses: [{ region: 'FR-93', wave: '2026', answers: { no_such_question: 1 } }],
      },
    },
  ],
  'GET /api/responses/{id}': (f) => [
    { status: 200, url: `/api/responses/${f.responses.submitted}`, as: 'partnerA' },
    { status: 200, url: `/api/responses/${f.responses.submitted}`, as: 'reviewer' },
    { status: 403, url: `/api/responses/${f.responses.submitted}`, as: 'partnerB' },
    { status: 403, url: `/api/responses/${f.responses.submitted}`, as: 'viewer' },
    { status: 404, url: `/api/responses/${NO_RESPONSE}`, as: 'partnerA' },
  ],
  'PUT /api/responses/{id}': (f) => [
    {
      status: 200,
      url: `/api/responses/${f.responses.draft}`,
      as: 'partnerA',
      json: { answers: { ...f.answers }, draft: true },
    },
    {
      status: 422,
      url: `/api/responses/${f.responses.draft}`,
      as: 'partnerA',
      json: { answers: { no_such_question: 1 } },
    },
    {
      status: 200,
      url: `/api/responses/${f.responses.draft}`,
      as: 'partnerA',
      json: { answers: f.answers },
    },
    {
      status: 409,
      url: `/api/responses/${f.responses.draft}`,
      as: 'partnerA',
      json: { answers: f.answers },
    },
    {
      status: 400,
      url: `/api/responses/${f.responses.draft}`,
      as: 'partnerA',
      json: { answers: {}, region: 'FR-93' },
      refused: 'body',
    },
    {
      status: 403,
      url: `/api/responses/${f.responses.draft}`,
      as: 'partnerB',
      json: { answers: {} },
    },
    { status: 404, url: `/api/responses/${NO_RESPONSE}`, as: 'partnerA', json: { answers: {} } },
  ],
  'PATCH /api/responses/{id}': (f) => [
    {
      status: 200,
      url: `/api/responses/${f.responses.toCorrect}?lang=fr`,
      as: 'analyst',
      json: { answers: { ...f.answers }, note: 'typo' },
    },
    {
      status: 409,
      url: `/api/responses/${f.responses.draftNotCorrectable}`,
      json: { answers: f.answers },
    },
    {
      status: 409,
      url: `/api/responses/${f.responses.toCorrect}`,
      json: { answers: f.answers, updatedAt: '2000-01-01T00:00:00.000Z' },
    },
    {
      status: 422,
      url: `/api/responses/${f.responses.toCorrect}`,
      json: { answers: { no_such_question: 1 } },
    },
    {
      status: 400,
      url: `/api/responses/${f.responses.toCorrect}?language=fr`,
      json: { answers: f.answers },
      refused: 'query',
    },
    {
      status: 403,
      url: `/api/responses/${f.responses.toCorrect}`,
      as: 'partnerA',
      json: { answers: {} },
    },
    {
      status: 403,
      url: `/api/responses/${f.responses.toCorrect}`,
      as: 'reviewer',
      json: { answers: {} },
    },
    { status: 404, url: `/api/responses/${NO_RESPONSE}`, json: { answers: f.answers } },
  ],
  'DELETE /api/responses/{id}': (f) => [
    {
      status: 400,
      url: `/api/responses/${f.responses.toErase}?reason=${'x'.repeat(501)}`,
      refused: 'query',
    },
    { status: 403, url: `/api/responses/${f.responses.toErase}`, as: 'analyst' },
    {
      status: 200,
      url: `/api/responses/${f.responses.toErase}?reason=erasure%20request`,
      as: 'owner',
    },
    { status: 404, url: `/api/responses/${f.responses.toErase}` },
  ],
  'GET /api/responses/{id}/history': (f) => [
    { status: 200, url: `/api/responses/${f.responses.toCorrect}/history`, as: 'reviewer' },
    { status: 403, url: `/api/responses/${f.responses.submitted}/history`, as: 'partnerA' },
    { status: 404, url: `/api/responses/${NO_RESPONSE}/history` },
  ],
  'POST /api/surveys/{id}/reviews': (f) => [
    {
      status: 200,
      url: `${S}/reviews`,
      as: 'reviewer',
      json: { ids: [f.responses.submitted, NO_RESPONSE], status: 'approved', note: 'checked' },
    },
    {
      status: 409,
      url: `${S}/reviews`,
      json: { ids: [f.responses.draftNotCorrectable], status: 'rejected' },
    },
    { status: 400, url: `${S}/reviews`, json: { ids: [], status: 'approved' }, refused: 'body' },
    {
      status: 403,
      url: `${S}/reviews`,
      as: 'viewer',
      json: { ids: [f.responses.submitted], status: 'approved' },
    },
    {
      status: 404,
      url: '/api/surveys/no-such-survey/reviews',
      json: { ids: [f.responses.submitted], status: 'approved' },
    },
  ],
  'GET /api/surveys/{id}/analysis': () => [
    { status: 200, url: `${S}/analysis`, as: 'viewer' },
    { status: 200, url: `${S}/analysis?by=wave&wave=all&lang=fr&seed=7&review=approved` },
    { status: 200, url: '/api/surveys/best-practice-vote/analysis' },
    { status: 400, url: `${S}/analysis?wave=2024,2025` },
    { status: 400, url: `${S}/analysis?colour=blue`, refused: 'query' },
    { status: 403, url: `${S}/analysis`, as: 'partnerA' },
    { status: 404, url: '/api/surveys/no-such-survey/analysis' },
  ],
  'GET /api/surveys/{id}/charts': () => [
    { status: 200, url: `${S}/charts` },
    { status: 400, url: `${S}/charts?seed=x`, refused: 'query' },
    { status: 403, url: `${S}/charts`, as: 'partnerA' },
    { status: 404, url: '/api/surveys/no-such-survey/charts' },
  ],
  'GET /api/surveys/{id}/charts/{chart}': () => [
    { status: 200, url: `${S}/charts/${SURVEY}.gap-heatmap.all.svg` },
    { status: 200, url: `${S}/charts/${SURVEY}.gap-heatmap.all.png` },
    { status: 200, url: `${S}/charts/${SURVEY}.gap-heatmap.all.vl.json` },
    {
      status: 304,
      url: `${S}/charts/${SURVEY}.gap-heatmap.all.svg`,
      headers: { 'If-None-Match': '*' },
    },
    { status: 400, url: `${S}/charts/${SURVEY}.gap-heatmap.all.svg?drafts=yes`, refused: 'query' },
    { status: 403, url: `${S}/charts/${SURVEY}.gap-heatmap.all.svg`, as: 'partnerA' },
    { status: 404, url: `${S}/charts/${SURVEY}.no-such-chart.svg` },
    { status: 404, url: `${S}/charts/${SURVEY}.gap-heatmap.all.gif` },
  ],
  'GET /api/surveys/{id}/report.html': () => [
    { status: 200, url: `${S}/report.html`, as: 'viewer' },
    { status: 304, url: `${S}/report.html`, headers: { 'If-None-Match': '*' } },
    { status: 400, url: `${S}/report.html?waves=2024` },
    { status: 403, url: `${S}/report.html`, as: 'partnerA' },
    { status: 404, url: '/api/surveys/no-such-survey/report.html' },
  ],
  'GET /api/surveys/{id}/report.md': () => [
    { status: 200, url: `${S}/report.md?lang=fr` },
    { status: 304, url: `${S}/report.md?lang=fr`, headers: { 'If-None-Match': '*' } },
    { status: 400, url: `${S}/report.md?lang=x`, refused: 'query' },
    { status: 403, url: `${S}/report.md`, as: 'partnerA' },
    { status: 404, url: '/api/surveys/no-such-survey/report.md' },
  ],
  'GET /api/surveys/{id}/report.docx': () => [
    { status: 200, url: `/api/surveys/${SMALL_SURVEY}/report.docx?lang=fr`, as: 'viewer' },
    { status: 400, url: `${S}/report.docx?colour=blue`, refused: 'query' },
    { status: 403, url: `${S}/report.docx`, as: 'partnerA' },
    { status: 404, url: '/api/surveys/no-such-survey/report.docx' },
  ],
  'GET /api/surveys/{id}/report.zip': () => [
    { status: 200, url: `/api/surveys/${SMALL_SURVEY}/report.zip` },
    { status: 403, url: `/api/surveys/${SMALL_SURVEY}/report.zip`, as: 'partnerA' },
  ],
  'GET /api/surveys/{id}/publications': () => [
    { status: 200, url: `${S}/publications`, as: 'analyst' },
    // Any lead role lists them (only analysts and owners publish or revoke).
    { status: 200, url: `${S}/publications`, as: 'viewer' },
    { status: 403, url: `${S}/publications`, as: 'partnerA' },
    { status: 404, url: '/api/surveys/no-such-survey/publications' },
  ],
  'POST /api/surveys/{id}/publications': () => [
    {
      status: 201,
      url: `${S}/publications`,
      as: 'analyst',
      json: { lang: 'fr', by: 'wave', wave: 'all', name: 'Workshop handout' },
    },
    { status: 400, url: `${S}/publications`, json: { lang: 'french' }, refused: 'body' },
    { status: 400, url: `${S}/publications`, json: { by: 'no_such_question' } },
    { status: 403, url: `${S}/publications`, as: 'reviewer', json: {} },
    { status: 404, url: '/api/surveys/no-such-survey/publications', json: {} },
  ],
  'DELETE /api/surveys/{id}/publications/{ref}': (f) => [
    { status: 403, url: `${S}/publications/${f.publications.toRevoke}`, as: 'reviewer' },
    { status: 200, url: `${S}/publications/${f.publications.toRevoke}`, as: 'analyst' },
    { status: 409, url: `${S}/publications/${f.publications.toRevoke}` },
    { status: 404, url: `${S}/publications/999999` },
  ],
  'POST /api/surveys': (f) => [
    { status: 201, url: '/api/surveys?id=uploaded-new&fileName=new.json', json: f.uploadJson },
    {
      status: 400,
      url: '/api/surveys?id=Not_An_Id',
      json: f.uploadJson,
      refused: 'query',
    },
    { status: 403, url: '/api/surveys?id=uploaded-new', as: 'analyst', json: f.uploadJson },
    { status: 409, url: `/api/surveys?id=${SMALL_SURVEY}`, json: f.uploadJson },
    { status: 415, url: '/api/surveys', raw: { type: 'text/plain', text: '{}' } },
    {
      status: 422,
      url: '/api/surveys?id=uploaded-new',
      json: {
        pages: [
          {
            name: 'p',
            elements: [
              { type: 'text', name: 'a' },
              { type: 'text', name: 'a' },
            ],
          },
        ],
      },
    },
    {
      status: 422,
      url: '/api/surveys?fileName=form.xlsx',
      raw: {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        text: 'not a workbook',
      },
    },
  ],
  'GET /api/surveys/uploads': () => [
    { status: 200, url: '/api/surveys/uploads', as: 'viewer' },
    { status: 403, url: '/api/surveys/uploads', as: 'partnerA' },
  ],
  'GET /api/surveys/uploads/{upload}': (f) => [
    { status: 200, url: `/api/surveys/uploads/${f.uploads.toPublish}`, as: 'analyst' },
    { status: 404, url: '/api/surveys/uploads/u_0000000000000000' },
  ],
  'POST /api/surveys/uploads/{upload}/publish': (f) => [
    { status: 403, url: `/api/surveys/uploads/${f.uploads.toPublish}/publish`, as: 'analyst' },
    { status: 200, url: `/api/surveys/uploads/${f.uploads.toPublish}/publish`, as: 'owner' },
    { status: 409, url: `/api/surveys/uploads/${f.uploads.toPublish}/publish` },
    { status: 404, url: '/api/surveys/uploads/u_0000000000000000/publish' },
  ],
  'POST /api/surveys/uploads/{upload}/discard': (f) => [
    { status: 200, url: `/api/surveys/uploads/${f.uploads.toDiscard}/discard` },
    { status: 409, url: `/api/surveys/uploads/${f.uploads.toDiscard}/discard` },
    { status: 404, url: '/api/surveys/uploads/u_0000000000000000/discard' },
  ],
  'GET /r/{token}': (f) => [
    { status: 200, url: `/r/${f.publications.live}`, as: 'nobody' },
    { status: 404, url: '/r/gkr_not-a-token', as: 'nobody' },
    { status: 410, url: `/r/${f.publications.revoked}`, as: 'nobody' },
  ],
  'GET /r/{token}/charts/{file}': (f) =>
    ['svg', 'png', 'vl.json', 'html']
      .map(
        (ext): Example => ({
          status: 200,
          url: `/r/${f.publications.live}/charts/${SURVEY}.gap-heatmap.all.${ext}`,
          as: 'nobody',
        }),
      )
      .concat([
        { status: 404, url: `/r/${f.publications.live}/charts/no-such-chart.svg`, as: 'nobody' },
        {
          status: 404,
          url: `/r/gkr_not-a-token/charts/${SURVEY}.gap-heatmap.all.svg`,
          as: 'nobody',
        },
        {
          status: 410,
          url: `/r/${f.publications.revoked}/charts/${SURVEY}.gap-heatmap.all.svg`,
          as: 'nobody',
        },
      ]),
  'GET /api/admin/progress': () => [
    { status: 200, url: '/api/admin/progress', as: 'viewer' },
    { status: 200, url: `/api/admin/progress?survey=${SURVEY}` },
    { status: 400, url: '/api/admin/progress?region=FR-93', refused: 'query' },
    { status: 403, url: '/api/admin/progress', as: 'partnerA' },
  ],
  'GET /api/admin/partners': () => [
    { status: 200, url: '/api/admin/partners', as: 'analyst' },
    { status: 403, url: '/api/admin/partners', as: 'reviewer' },
  ],
  'POST /api/admin/partners': () => [
    {
      status: 201,
      url: '/api/admin/partners?lang=fr',
      as: 'analyst',
      json: { region: 'FR-93', name: 'Second FR link', group: 'ngo', wave: '2026' },
    },
    {
      status: 201,
      url: '/api/admin/partners',
      json: { region: 'ES-MD', regionName: 'Madrid', name: 'New' },
    },
    {
      status: 400,
      url: '/api/admin/partners',
      json: { region: 'no spaces', name: 'X' },
      refused: 'body',
    },
    {
      status: 403,
      url: '/api/admin/partners',
      as: 'reviewer',
      json: { region: 'FR-93', name: 'X' },
    },
    { status: 422, url: '/api/admin/partners', json: { region: 'XX-NEW', name: 'X' } },
  ],
  'DELETE /api/admin/partners/{id}': (f) => [
    { status: 403, url: `/api/admin/partners/${f.linkToRevoke}`, as: 'reviewer' },
    { status: 200, url: `/api/admin/partners/${f.linkToRevoke}`, as: 'analyst' },
    { status: 409, url: `/api/admin/partners/${f.linkToRevoke}` },
    { status: 404, url: '/api/admin/partners/999999' },
  ],
  'GET /api/admin/surveys/{id}/responses': () => [
    {
      status: 200,
      url: `/api/admin/surveys/${SURVEY}/responses?page=2&pageSize=10&lang=fr&status=submitted`,
      as: 'reviewer',
    },
    { status: 400, url: `/api/admin/surveys/${SURVEY}/responses?pageSize=501`, refused: 'query' },
    { status: 403, url: `/api/admin/surveys/${SURVEY}/responses`, as: 'viewer' },
    { status: 404, url: '/api/admin/surveys/no-such-survey/responses' },
  ],
  'GET /': () => [
    { status: 200, url: '/', as: 'nobody' },
    { status: 200, url: '/?lang=fr', as: 'nobody' },
  ],
  'GET /admin': (f) => [
    page('/admin?lang=fr'),
    { status: 200, url: '/admin', as: 'nobody' },
    { status: 303, url: `/admin?t=${f.t.admin}`, as: 'nobody' },
    { status: 401, url: '/admin?t=gka_not-a-token', as: 'nobody' },
    { status: 403, url: `/admin?t=${f.t.partnerA}`, as: 'nobody' },
  ],
  'GET /admin/questionnaires': () => [
    page('/admin/questionnaires?lang=fr'),
    { status: 403, url: '/admin/questionnaires', ...session('analyst') },
  ],
  'POST /admin/questionnaires': (f): Example[] => {
    const file = (text: string) => ({ name: 'form.json', type: 'application/json', text })
    const json = JSON.stringify(f.uploadJson)
    return [
      {
        status: 303,
        url: '/admin/questionnaires',
        as: 'owner',
        multipart: { id: 'page-new', file: file(json) },
      },
      {
        status: 403,
        url: '/admin/questionnaires',
        as: 'owner',
        ...csrfWrong,
        multipart: { file: file(json) },
      },
      { status: 403, url: '/admin/questionnaires', as: 'analyst', multipart: { file: file(json) } },
      {
        status: 409,
        url: '/admin/questionnaires',
        as: 'owner',
        multipart: { id: SMALL_SURVEY, file: file(json) },
      },
      {
        status: 422,
        url: '/admin/questionnaires?lang=fr',
        as: 'owner',
        multipart: { id: 'page-new', file: file('{"pages": 3}') },
      },
    ]
  },
  'POST /admin/questionnaires/uploads/{upload}/publish': (f) => [
    {
      status: 403,
      url: `/admin/questionnaires/uploads/${f.pageUploads.toPublish}/publish`,
      as: 'owner',
      ...csrfWrong,
      form: {},
    },
    {
      status: 303,
      url: `/admin/questionnaires/uploads/${f.pageUploads.toPublish}/publish`,
      as: 'owner',
      form: {},
    },
    {
      status: 409,
      url: `/admin/questionnaires/uploads/${f.pageUploads.toPublish}/publish`,
      as: 'owner',
      form: {},
    },
    {
      status: 404,
      url: '/admin/questionnaires/uploads/u_0000000000000000/publish',
      as: 'owner',
      form: {},
    },
  ],
  'POST /admin/questionnaires/uploads/{upload}/discard': (f) => [
    {
      status: 303,
      url: `/admin/questionnaires/uploads/${f.pageUploads.toDiscard}/discard`,
      as: 'owner',
      form: {},
    },
    {
      status: 409,
      url: `/admin/questionnaires/uploads/${f.pageUploads.toDiscard}/discard`,
      as: 'owner',
      form: {},
    },
    {
      status: 404,
      url: '/admin/questionnaires/uploads/u_0000000000000000/discard',
      as: 'owner',
      form: {},
    },
  ],
  'GET /admin/questionnaires/uploads/{upload}/preview': (f) => [
    page(`/admin/questionnaires/uploads/${f.pageUploads.toPreview}/preview?lang=en`),
    {
      status: 403,
      url: `/admin/questionnaires/uploads/${f.pageUploads.toPreview}/preview`,
      ...session('analyst'),
    },
    {
      status: 404,
      url: '/admin/questionnaires/uploads/u_0000000000000000/preview',
      ...session('owner'),
    },
  ],
  'GET /admin/questionnaires/uploads/{upload}/definition': (f) => [
    page(`/admin/questionnaires/uploads/${f.pageUploads.toPreview}/definition`),
    {
      status: 403,
      url: `/admin/questionnaires/uploads/${f.pageUploads.toPreview}/definition`,
      ...session('analyst'),
    },
    {
      status: 404,
      url: '/admin/questionnaires/uploads/u_0000000000000000/definition',
      ...session('owner'),
    },
  ],
  'GET /admin/partners': () => [
    page('/admin/partners', 'analyst'),
    { status: 403, url: '/admin/partners', ...session('reviewer') },
  ],
  'GET /admin/surveys/{id}': () => [
    page(`/admin/surveys/${SURVEY}`, 'viewer'),
    { status: 404, url: '/admin/surveys/no-such-survey', ...session('viewer') },
  ],
  'GET /admin/surveys/{id}/responses/{rid}': (f) => [
    page(`/admin/surveys/${SURVEY}/responses/${f.responses.submitted}?lang=fr`, 'reviewer'),
    {
      status: 403,
      url: `/admin/surveys/${SURVEY}/responses/${f.responses.submitted}`,
      ...session('viewer'),
    },
    { status: 404, url: `/admin/surveys/${SURVEY}/responses/${NO_RESPONSE}`, ...session('owner') },
  ],
  'POST /admin/login': (f): Example[] => [
    {
      status: 303,
      url: '/admin/login',
      as: 'nobody',
      form: { email: 'viewer@example.org', password: 'viewer password 123', lang: 'en' },
    },
    {
      status: 303,
      url: '/admin/login',
      as: 'nobody',
      form: { token: f.t.admin, next: '/admin/partners' },
    },
    {
      status: 401,
      url: '/admin/login',
      as: 'nobody',
      form: { email: 'viewer@example.org', password: 'not the password' },
    },
    { status: 403, url: '/admin/login', as: 'nobody', form: { token: f.t.partnerA } },
  ],
  'POST /admin/logout': () => [
    { status: 403, url: '/admin/logout', ...session('owner'), ...csrfWrong, form: {} },
    { status: 303, url: '/admin/logout', ...session('leaver'), form: {} },
  ],
  'GET /api/openapi.json': () => [{ status: 200, url: '/api/openapi.json', as: 'nobody' }],
  'GET /api/docs': () => [{ status: 200, url: '/api/docs', as: 'nobody' }],
  'GET /api/admin/users': () => [
    { status: 200, url: '/api/admin/users', as: 'owner' },
    { status: 403, url: '/api/admin/users', as: 'analyst' },
  ],
  'POST /api/admin/users': () => [
    {
      status: 201,
      url: '/api/admin/users',
      as: 'owner',
      json: { email: 'new@example.org', role: 'reviewer', name: 'New Person' },
    },
    { status: 409, url: '/api/admin/users', json: { email: 'new@example.org', role: 'viewer' } },
    {
      status: 400,
      url: '/api/admin/users',
      json: { email: 'x@example.org', role: 'king' },
      refused: 'body',
    },
    {
      status: 403,
      url: '/api/admin/users',
      as: 'analyst',
      json: { email: 'y@example.org', role: 'viewer' },
    },
  ],
  'PATCH /api/admin/users/{id}': (f) => [
    {
      status: 200,
      url: `/api/admin/users/${f.users.toChange}`,
      json: { name: null, role: 'analyst' },
    },
    // The document cannot say "at least one field" (a zod refine): only the route refuses it.
    { status: 400, url: `/api/admin/users/${f.users.toChange}`, json: {} },
    {
      status: 400,
      url: `/api/admin/users/${f.users.toChange}`,
      json: { disabled: 'no' },
      refused: 'body',
    },
    {
      status: 403,
      url: `/api/admin/users/${f.users.toChange}`,
      as: 'analyst',
      json: { name: 'X' },
    },
    { status: 404, url: '/api/admin/users/999999', json: { name: 'X' } },
    { status: 409, url: `/api/admin/users/${f.users.owner}`, json: { role: 'viewer' } },
  ],
  'POST /api/admin/users/{id}/password': (f) => [
    { status: 200, url: `/api/admin/users/${f.users.toReset}/password`, as: 'owner' },
    { status: 403, url: `/api/admin/users/${f.users.toReset}/password`, as: 'analyst' },
    { status: 404, url: '/api/admin/users/999999/password' },
  ],
  'GET /api/admin/audit': () => [
    { status: 200, url: '/api/admin/audit?page=1&pageSize=5', as: 'analyst' },
    { status: 200, url: '/api/admin/audit?action=user.create&from=2026-01-01&to=2100-12-31' },
    { status: 400, url: '/api/admin/audit?from=yesterday' },
    { status: 400, url: '/api/admin/audit?pageSize=0', refused: 'query' },
    { status: 403, url: '/api/admin/audit', as: 'reviewer' },
  ],
  'GET /api/admin/audit.csv': () => [
    { status: 200, url: '/api/admin/audit.csv?actor=cli', as: 'analyst' },
    { status: 400, url: '/api/admin/audit.csv?from=yesterday' },
    { status: 400, url: '/api/admin/audit.csv?page=2', refused: 'query' },
    { status: 403, url: '/api/admin/audit.csv', as: 'reviewer' },
  ],
  'GET /admin/account': (f) => [
    page('/admin/account', 'viewer'),
    { status: 303, url: `/admin/account?t=${f.t.admin}`, as: 'nobody' },
  ],
  'POST /admin/account/password': (f) => [
    {
      status: 403,
      url: '/admin/account/password',
      ...session('changer'),
      ...csrfWrong,
      form: {
        current: f.changerPassword,
        password: 'a new password 456',
        confirm: 'a new password 456',
      },
    },
    {
      status: 422,
      url: '/admin/account/password',
      ...session('changer'),
      form: { current: 'not it', password: 'a new password 456', confirm: 'a new password 456' },
    },
    {
      status: 303,
      url: '/admin/account/password?lang=fr',
      ...session('changer'),
      form: {
        current: f.changerPassword,
        password: 'a new password 456',
        confirm: 'a new password 456',
      },
    },
  ],
  'POST /admin/logout-everywhere': () => [
    {
      status: 403,
      url: '/admin/logout-everywhere',
      ...session('everywhere'),
      ...csrfWrong,
      form: {},
    },
    { status: 303, url: '/admin/logout-everywhere', ...session('everywhere'), form: {} },
  ],
  'GET /admin/users': () => [
    page('/admin/users', 'owner'),
    { status: 403, url: '/admin/users', ...session('analyst') },
  ],
  'GET /admin/audit': () => [
    page('/admin/audit?action=user.create&page=1', 'analyst'),
    { status: 400, url: '/admin/audit?from=yesterday', ...session('owner') },
    { status: 403, url: '/admin/audit', ...session('reviewer') },
  ],
  'GET /api/admin/targets': () => [
    { status: 200, url: `/api/admin/targets?survey=${SURVEY}`, as: 'viewer' },
    { status: 400, url: '/api/admin/targets?wave=2026', refused: 'query' },
    { status: 404, url: '/api/admin/targets?survey=no-such-survey' },
  ],
  'PUT /api/admin/targets/{survey}/{region}/{wave}': () => [
    {
      status: 200,
      url: `/api/admin/targets/${SURVEY}/FR-93/2026`,
      as: 'analyst',
      json: { expected: 30 },
    },
    {
      status: 400,
      url: `/api/admin/targets/${SURVEY}/FR-93/2026`,
      json: { expected: 0 },
      refused: 'body',
    },
    { status: 400, url: `/api/admin/targets/${SURVEY}/XX-NONE/2026`, json: { expected: 3 } },
    {
      status: 403,
      url: `/api/admin/targets/${SURVEY}/FR-93/2026`,
      as: 'viewer',
      json: { expected: 3 },
    },
    { status: 404, url: '/api/admin/targets/no-such-survey/FR-93/2026', json: { expected: 3 } },
  ],
  'DELETE /api/admin/targets/{survey}/{region}/{wave}': () => [
    { status: 403, url: `/api/admin/targets/${SURVEY}/FR-93/2026`, as: 'viewer' },
    { status: 200, url: `/api/admin/targets/${SURVEY}/FR-93/2026`, as: 'analyst' },
    { status: 404, url: `/api/admin/targets/${SURVEY}/FR-93/2026` },
  ],
}

/**
 * What an operation answers without any credentials, when it is not 401: public pages, the
 * dashboard's home (its sign-in form), and sign-outs with nothing to end.
 */
export const WITHOUT_CREDENTIALS: Record<string, number> = {
  'GET /admin': 200,
  'POST /admin/logout': 303,
  'POST /admin/logout-everywhere': 303,
}
