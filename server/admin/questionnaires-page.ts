/**
 * `GET /admin/questionnaires` (owners): the questionnaires in service, the uploads with their
 * status, the upload form, and after a refused upload its problems by sheet, row and column or
 * by question. Every action is a plain POST form with the session's CSRF token: no script needed.
 */
import type { Asset } from '../http/static-assets.ts'
import type { SurveyOrigin } from '../services/live-registry.ts'
import type { SurveyUpload, UploadProblem } from '../services/survey-uploads.ts'
import { adminHref, h, renderPage, type Who } from './layout.ts'
import { shortTime } from './progress-page.ts'
import { type AdminLocale, type AdminText, adminText, fill } from './text.ts'

/** The page's own path; the upload form posts to it. */
export const QUESTIONNAIRES_PATH = '/admin/questionnaires'

/** Where an upload's preview, definition and actions live. */
export function uploadPath(
  uploadId: string,
  what: 'preview' | 'definition' | 'publish' | 'discard',
) {
  return `${QUESTIONNAIRES_PATH}/uploads/${encodeURIComponent(uploadId)}/${what}`
}

/** A questionnaire partner links open now. */
export interface ServedQuestionnaire {
  id: string
  title: string
  version: string
  locales: string[]
  questions: number
  origin: SurveyOrigin
}

/** What the page says above everything, after an action. */
export type QuestionnaireNotice =
  | { kind: 'uploaded' | 'published' | 'discarded'; upload: SurveyUpload }
  | { kind: 'refused'; fileName: string; problems: UploadProblem[] }
  | { kind: 'qNoFile' | 'qNoUpload' | 'qNotDraft' | 'qUnchanged' | 'badOrigin'; fileName?: string }

/** Where a problem is, in the page language: sheet, row and column, or question. */
export function problemPlace(p: UploadProblem, t: AdminText): string {
  const parts = [
    p.sheet ? fill(t.qSheet, { sheet: p.sheet }) : '',
    p.row === undefined ? '' : fill(t.qRow, { row: p.row }),
    p.column ? fill(t.qColumn, { column: p.column }) : '',
    p.question ? fill(t.qQuestion, { question: p.question }) : '',
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : t.qWholeFile
}

function problemTable(problems: UploadProblem[], t: AdminText, id: string): string {
  const rows = problems
    .map(
      (p) =>
        `<tr data-severity="${h(p.severity)}"><th scope="row">${h(problemPlace(p, t))}</th><td>${h(p.severity === 'error' ? t.qError : t.qWarning)}</td><td>${h(p.message)}</td></tr>`,
    )
    .join('\n')
  return `<div class="ak-scroll"><table class="ak-table" id="${id}">
<thead><tr><th scope="col">${h(t.qWhere)}</th><th scope="col">${h(t.qKind)}</th><th scope="col">${h(t.qProblem)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
}

function noticeHtml(notice: QuestionnaireNotice | undefined, t: AdminText): string {
  if (!notice) return ''
  switch (notice.kind) {
    case 'uploaded':
      return `<p class="ak-status" data-kind="ok" role="status" id="ak-q-notice">${h(fill(t.qUploadedOk, { file: notice.upload.fileName, survey: notice.upload.title }))}</p>`
    case 'published':
      return `<p class="ak-status" data-kind="ok" role="status" id="ak-q-notice">${h(fill(t.qPublishedOk, { survey: notice.upload.title, version: notice.upload.version }))}</p>`
    case 'discarded':
      return `<p class="ak-status" data-kind="ok" role="status" id="ak-q-notice">${h(fill(t.qDiscardedOk, { file: notice.upload.fileName }))}</p>`
    case 'refused': {
      const errors = notice.problems.filter((p) => p.severity === 'error').length
      return `<section class="ak-card" aria-labelledby="ak-q-refused">
<p class="ak-alert" role="alert" id="ak-q-refused">${h(fill(t.qRefused, { file: notice.fileName, n: errors }))}</p>
${problemTable(notice.problems, t, 'ak-q-problems')}
</section>`
    }
    default: {
      const text = notice.kind === 'badOrigin' ? t.badOrigin : t[notice.kind]
      return `<p class="ak-alert" role="alert" id="ak-q-notice">${h(fill(text, { file: notice.fileName ?? '' }))}</p>`
    }
  }
}

function servedRow(s: ServedQuestionnaire, t: AdminText): string {
  const source =
    s.origin.kind === 'upload'
      ? `${h(fill(t.qFromUpload, { file: s.origin.fileName }))} <span class="ak-muted"><time datetime="${h(s.origin.publishedAt)}">${h(shortTime(s.origin.publishedAt))}</time></span>`
      : h(t.qFromFolder)
  return `<tr data-survey="${h(s.id)}"><th scope="row">${h(s.title)} <span class="ak-id">${h(s.id)}</span></th><td><code>${h(s.version)}</code></td><td>${h(s.locales.join(', '))}</td><td class="ak-num">${s.questions}</td><td>${source}</td></tr>`
}

const BADGE: Record<SurveyUpload['status'], string> = {
  draft: 'ak-pending',
  published: 'ak-approved',
  discarded: 'ak-rejected',
}

function uploadRow(
  u: SurveyUpload,
  t: AdminText,
  input: { locale: AdminLocale; csrf: string; inService: boolean },
): string {
  const warnings =
    u.problems.length === 0
      ? ''
      : `<details class="ak-details"><summary>${h(fill(t.qWarnings, { n: u.problems.length }))}</summary>${problemTable(u.problems, t, `ak-q-warnings-${u.id}`)}</details>`
  const replaces = u.replaces ? fill(t.qReplaces, { version: u.replaces }) : t.qNew
  const status = `<span class="ak-badge ${BADGE[u.status]}">${h(t[`qStatus_${u.status}`])}</span>${input.inService ? ` <span class="ak-muted">(${h(t.qCurrent)})</span>` : ''}`
  const form = (what: 'publish' | 'discard', text: string, cls: string) =>
    `<form method="post" action="${h(adminHref(uploadPath(u.id, what), input.locale))}"><input type="hidden" name="csrf" value="${h(input.csrf)}"><button type="submit" class="${cls}" data-${what}="${h(u.id)}">${h(text)}</button></form>`
  const preview = `<a class="ak-button" href="${h(adminHref(uploadPath(u.id, 'preview'), input.locale))}" title="${h(t.qPreviewHint)}" data-preview="${h(u.id)}">${h(t.qPreview)}</a>`
  const actions =
    u.status === 'draft'
      ? `<div class="ak-actions">${preview}${form('publish', t.qPublish, 'ak-primary')}${form('discard', t.qDiscard, 'ak-danger')}</div>`
      : `<div class="ak-actions">${preview}</div>`
  const when = `<time datetime="${h(u.uploadedAt)}">${h(shortTime(u.uploadedAt))}</time> <span class="ak-muted">${h(u.uploadedBy)}</span>`
  return `<tr data-upload="${h(u.id)}" data-status="${h(u.status)}"><th scope="row"><code>${h(u.fileName)}</code>${warnings}</th><td>${h(u.title)} <span class="ak-id">${h(u.survey)}</span></td><td><code>${h(u.version)}</code><br><span class="ak-muted">${h(replaces)}</span></td><td class="ak-num">${u.questions}</td><td>${h(u.locales.join(', '))}</td><td>${status}</td><td class="ak-nowrap">${when}</td><td>${actions}</td></tr>`
}

export interface QuestionnairesPageInput {
  locale: AdminLocale
  csrf: string
  who?: Who
  served: ServedQuestionnaire[]
  uploads: SurveyUpload[]
  notice?: QuestionnaireNotice
  /** The id typed in the form, kept after a refused upload. */
  id?: string
  assets: Map<string, Asset>
}

export function renderQuestionnairesPage(input: QuestionnairesPageInput): string {
  const t = adminText(input.locale)
  const served = input.served.map((s) => servedRow(s, t)).join('\n')
  const current = new Set(
    input.served.flatMap((s) => (s.origin.kind === 'upload' ? [s.origin.upload] : [])),
  )
  const uploads = input.uploads
    .map((u) =>
      uploadRow(u, t, { locale: input.locale, csrf: input.csrf, inService: current.has(u.id) }),
    )
    .join('\n')
  const body = `<h1>${h(t.qTitle)}</h1>
<p class="ak-muted">${h(t.qIntro)}</p>
${noticeHtml(input.notice, t)}
<section class="ak-card" aria-labelledby="ak-q-upload-title">
<h2 id="ak-q-upload-title">${h(t.qUploadTitle)}</h2>
<p class="ak-muted">${h(t.qUploadIntro)}</p>
<form id="ak-q-upload" class="ak-grid" method="post" action="${h(adminHref(QUESTIONNAIRES_PATH, input.locale))}" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="${h(input.csrf)}">
<div class="ak-field"><label for="ak-q-file">${h(t.qFile)}</label><input id="ak-q-file" name="file" type="file" accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></div>
<div class="ak-field"><label for="ak-q-beside">${h(t.qBeside)} <span class="ak-muted">(${h(t.qBesideHint)})</span></label><input id="ak-q-beside" name="beside" type="file" multiple accept=".csv,text/csv"></div>
<div class="ak-field"><label for="ak-q-id">${h(t.qId)} <span class="ak-muted">(${h(t.qIdHint)})</span></label><input id="ak-q-id" name="id" maxlength="63" pattern="[a-z0-9][a-z0-9\\-]{0,62}" autocomplete="off" spellcheck="false" value="${h(input.id ?? '')}"></div>
<div class="ak-actions"><button type="submit" class="ak-primary">${h(t.qUpload)}</button></div>
</form>
</section>
<section class="ak-card" aria-labelledby="ak-q-uploads-title">
<h2 id="ak-q-uploads-title">${h(t.qUploads)}</h2>
<div class="ak-scroll"><table class="ak-table" id="ak-q-uploads">
<thead><tr><th scope="col">${h(t.qFile)}</th><th scope="col">${h(t.questionnaire)}</th><th scope="col">${h(t.qVersion)}</th><th scope="col">${h(t.qQuestions)}</th><th scope="col">${h(t.qLanguages)}</th><th scope="col">${h(t.statusCol)}</th><th scope="col">${h(t.qUploaded)}</th><th scope="col"><span class="ak-sr">${h(t.actions)}</span></th></tr></thead>
<tbody>
${uploads || `<tr><td colspan="8" class="ak-muted">${h(t.qNoUploads)}</td></tr>`}
</tbody>
</table></div>
</section>
<section class="ak-card" aria-labelledby="ak-q-served-title">
<h2 id="ak-q-served-title">${h(t.qInService)}</h2>
<div class="ak-scroll"><table class="ak-table" id="ak-q-served">
<thead><tr><th scope="col">${h(t.questionnaire)}</th><th scope="col">${h(t.qVersion)}</th><th scope="col">${h(t.qLanguages)}</th><th scope="col">${h(t.qQuestions)}</th><th scope="col">${h(t.qSource)}</th></tr></thead>
<tbody>
${served}
</tbody>
</table></div>
</section>`
  return renderPage({
    locale: input.locale,
    title: t.qTitle,
    path: QUESTIONNAIRES_PATH,
    csrf: input.csrf,
    who: input.who,
    body,
    assets: input.assets,
  })
}
