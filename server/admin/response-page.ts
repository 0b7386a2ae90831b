/**
 * `GET /admin/surveys/:id/responses/:rid`: one response, whole. Every answer under its question
 * text with choice labels (not codes), in the dashboard's language where the questionnaire has
 * it, read with the questionnaire version the response answered; its region, wave, language,
 * version, status and review. admin-response.js adds its history, the correction (the SurveyJS
 * form of that version, sent to `PATCH /api/responses/:id`) and the erasure (`DELETE`).
 */
import type { Kysely } from 'kysely'
import { isRecord, parseStoredAnswers } from '../../surveys/json.ts'
import type { LoadedSurvey } from '../../surveys/registry.ts'
import { createModel } from '../../surveys/survey-model.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { findRegion } from '../db/repositories/regions.ts'
import { findResponse } from '../db/repositories/responses.ts'
import { findSurveyVersion } from '../db/repositories/survey-versions.ts'
import type { Database, ResponseRow } from '../db/schema.ts'
import type { Asset } from '../http/static-assets.ts'
import { shortResponseId } from '../ids.ts'
import { adminHref, h, mayOpen, renderPage, type Who } from './layout.ts'
import { shortTime } from './progress-page.ts'
import { type AdminLocale, type AdminText, adminText, fill } from './text.ts'

/** An answered question (or matrix row, or cell): its text and its answer as labels. */
export interface AnsweredItem {
  name: string
  title: string
  /** The answer as shown to a reader; absent when the answer is made of `items`. */
  value?: string
  items?: AnsweredItem[]
}

interface PlainNode {
  name: unknown
  title: unknown
  displayValue: unknown
  data?: PlainNode[]
}

function isPlainNode(v: unknown): v is PlainNode {
  return isRecord(v) && 'title' in v && 'displayValue' in v
}

function shown(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join(', ')
  }
  return null
}

function toItem(node: PlainNode, columns?: Map<string, string>): AnsweredItem | null {
  const title = String(node.title ?? node.name ?? '')
  const value = shown(node.displayValue)
  if (value !== null) return { name: String(node.name), title, value }
  // A matrix, or a row of a matrixdropdown: `{row or column text: answer}`. Its keys are the
  // texts a reader knows (survey-core's own cell titles read "row …, column …").
  const dv = node.displayValue
  if (isRecord(dv) && Object.values(dv).every((v) => shown(v) !== null)) {
    const children = (node.data ?? []).filter(isPlainNode)
    const items = Object.entries(dv).map(([text, v], i) => ({
      name: String(children[i]?.name ?? text),
      title: columns?.get(text) ?? text,
      value: shown(v) ?? '',
    }))
    return items.length > 0 ? { name: String(node.name), title, items } : null
  }
  const items = (node.data ?? []).filter(isPlainNode).flatMap((n) => toItem(n, columns) ?? [])
  return items.length > 0 ? { name: String(node.name), title, items } : null
}

/**
 * The answers of a response as question texts and labels, in `locale` where the questionnaire
 * has it (its default texts otherwise), by survey-core's own display values: choice labels,
 * "Yes"/"No", matrix rows and cells under their texts. Only answered questions.
 */
export function readAnswered(
  definition: SurveyJson,
  answers: Record<string, unknown>,
  locale: string,
): AnsweredItem[] {
  const model = createModel(definition)
  model.locale = locale
  model.data = answers
  // A matrixdropdown's rows name their cells by column name: show the columns' texts.
  const columns = new Map<string, Map<string, string>>()
  for (const q of model.getAllQuestions()) {
    const cols: unknown = Reflect.get(q, 'columns')
    if (!Array.isArray(cols)) continue
    const texts = new Map<string, string>()
    for (const c of cols) {
      const name: unknown = Reflect.get(c, 'name')
      const text: unknown = Reflect.get(c, 'title')
      if (typeof name === 'string' && typeof text === 'string') texts.set(name, text)
    }
    columns.set(q.name, texts)
  }
  const plain: unknown[] = model.getPlainData({ includeEmpty: false })
  return plain.filter(isPlainNode).flatMap((n) => toItem(n, columns.get(String(n.name))) ?? [])
}

/** Everything the page shows of one response. */
export interface ResponsePageData {
  row: ResponseRow
  regionName: string
  definition: SurveyJson
  /** Whether the response answered the questionnaire's current version. */
  current: boolean
  versionSeenAt: string | null
  answers: Record<string, unknown>
}

/** Reads a response of `survey` and the version it answered; undefined when there is none. */
export async function loadResponsePage(
  db: Kysely<Database>,
  survey: LoadedSurvey,
  id: string,
): Promise<ResponsePageData | undefined> {
  const row = await findResponse(db, id)
  if (!row || row.survey !== survey.id) return undefined
  const current = row.version === survey.version
  const stored = await findSurveyVersion(db, survey.id, row.version)
  let definition: SurveyJson = survey.json
  if (!current && stored) {
    const json: unknown = JSON.parse(stored.definition)
    if (isRecord(json)) definition = json
  }
  const region = await findRegion(db, row.region_id)
  return {
    row,
    regionName: region?.name ?? row.region_id,
    definition,
    current,
    versionSeenAt: stored?.first_seen_at ?? null,
    answers: parseStoredAnswers(row.answers),
  }
}

function itemHtml(item: AnsweredItem, depth: number): string {
  const title = `<dt>${h(item.title)}</dt>`
  if (item.value !== undefined) {
    return `${title}<dd data-question="${h(item.name)}">${h(item.value)}</dd>`
  }
  const inner = (item.items ?? []).map((i) => itemHtml(i, depth + 1)).join('')
  return `${title}<dd data-question="${h(item.name)}"><dl class="ak-answers ak-nested">${inner}</dl></dd>`
}

function languageName(code: string, locale: AdminLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

function metaTable(d: ResponsePageData, locale: AdminLocale, t: AdminText): string {
  const r = d.row
  const status = r.status === 'draft' ? t.statusDraft : t.statusSubmitted
  const review = { pending: t.pending, approved: t.approved, rejected: t.rejected }[r.review_status]
  const version = d.current
    ? `${h(r.version)} <span class="ak-muted">(${h(t.versionCurrent)})</span>`
    : `${h(r.version)} <span class="ak-muted">(${h(fill(t.versionOlder, { date: shortTime(d.versionSeenAt) }))})</span>`
  const rows: [string, string][] = [
    [t.region, `${h(d.regionName)} <span class="ak-id">${h(r.region_id)}</span>`],
    [t.wave, h(r.wave)],
    [t.group, h(r.group_name ?? '—')],
    [t.languageCol, h(languageName(r.language, locale))],
    [t.questionnaireVersion, version],
    [t.status, `<span class="ak-badge ak-${h(r.status)}">${h(status)}</span>`],
    [t.submittedAt, h(shortTime(r.submitted_at))],
    [t.lastChange, h(shortTime(r.updated_at))],
    [
      t.review,
      `<span class="ak-badge ak-${h(r.review_status)}" id="ak-r-review">${h(review)}</span>${
        r.review_note ? ` <span class="ak-note">${h(r.review_note)}</span>` : ''
      }${r.reviewed_at ? ` <span class="ak-muted">${h(shortTime(r.reviewed_at))}</span>` : ''}`,
    ],
  ]
  return `<dl class="ak-meta">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('')}</dl>`
}

/** The page of one response. */
export function renderResponsePage(input: {
  locale: AdminLocale
  csrf: string
  /** Who is signed in: Correct shows from analyst up, Erase for an owner (the API checks too). */
  who?: Who
  survey: LoadedSurvey
  data: ResponsePageData
  assets: Map<string, Asset>
}): string {
  const { locale, survey, data } = input
  const t = adminText(locale)
  const r = data.row
  const short = shortResponseId(r.id)
  const items = readAnswered(data.definition, data.answers, locale)
  const hasLocale = survey.locales.includes(locale)
  const surveyHref = adminHref(`/admin/surveys/${survey.id}`, locale)
  const answered = Object.keys(data.answers).length
  const css = input.assets.get('survey-core.fontless.min.css')?.url
  const body = `<p><a href="${h(surveyHref)}#ak-responses">← ${h(survey.title(locale))}</a></p>
<h1>${h(fill(t.responseTitle, { id: short }))}</h1>
<p class="ak-muted"><span class="ak-id" id="ak-r-id">${h(r.id)}</span></p>
<p id="ak-r-flash" class="ak-status" role="status" aria-live="polite"></p>
<section class="ak-card" aria-labelledby="ak-r-about">
<h2 id="ak-r-about">${h(t.aboutResponse)}</h2>
${metaTable(data, locale, t)}
</section>
<section class="ak-card" aria-labelledby="ak-r-answers-title" id="ak-r-answers-card">
<div class="ak-row"><h2 id="ak-r-answers-title">${h(t.answersTitle)}</h2>
<div class="ak-actions">${r.status === 'submitted' && mayOpen(input.who, 'analyst') ? `<button type="button" id="ak-r-correct">${h(t.correctAnswers)}</button>` : ''}
${mayOpen(input.who, 'owner') ? `<button type="button" class="ak-danger" id="ak-r-erase">${h(t.eraseResponse)}</button>` : ''}</div></div>
${hasLocale ? '' : `<p class="ak-muted">${h(fill(t.noSurveyLanguage, { language: languageName(locale, locale) }))}</p>`}
<p class="ak-muted">${h(fill(t.answeredCount, { n: items.length }))}</p>
<div id="ak-r-erase-panel" class="ak-confirm" hidden>
<p class="ak-alert ak-warn" id="ak-r-erase-what">${h(fill(t.eraseWhat, { id: short, region: `${data.regionName} (${r.region_id})`, wave: r.wave, n: answered }))}</p>
<label class="ak-field" for="ak-r-erase-reason">${h(t.eraseReason)}<input id="ak-r-erase-reason" maxlength="500" autocomplete="off"></label>
<div class="ak-actions"><button type="button" class="ak-danger" id="ak-r-erase-confirm">${h(t.eraseConfirm)}</button><button type="button" id="ak-r-erase-cancel">${h(t.cancel)}</button></div>
</div>
<div id="ak-r-editor-panel" hidden>
${css ? `<link rel="stylesheet" href="${h(css)}">` : ''}
<p class="ak-muted">${h(t.correctIntro)}</p>
<label class="ak-field" for="ak-r-note">${h(t.correctNote)}<input id="ak-r-note" maxlength="2000" autocomplete="off"></label>
<ul id="ak-r-errors" class="ak-errors" role="alert"></ul>
<div id="ak-r-editor"></div>
<div class="ak-actions"><button type="button" class="ak-primary" id="ak-r-save">${h(t.saveCorrection)}</button><button type="button" id="ak-r-cancel">${h(t.cancel)}</button></div>
</div>
<dl class="ak-answers" id="ak-r-answers">${items.map((i) => itemHtml(i, 0)).join('')}</dl>
</section>
<section class="ak-card" aria-labelledby="ak-r-history-title">
<h2 id="ak-r-history-title">${h(t.historyTitle)}</h2>
<ol id="ak-r-history" class="ak-history"><li class="ak-muted">${h(t.loading)}</li></ol>
</section>`
  const i18n = locale === 'en' ? [] : [`i18n-${locale}.min.js`]
  return renderPage({
    locale,
    title: fill(t.responseTitle, { id: short }),
    path: `/admin/surveys/${survey.id}/responses/${r.id}`,
    csrf: input.csrf,
    who: input.who,
    body,
    scripts: [
      'admin.js',
      'survey.core.min.js',
      ...i18n.filter((name) => input.assets.has(name)),
      'survey-js-ui.min.js',
      'admin-response.js',
    ],
    data: {
      page: 'response',
      locale,
      text: t,
      survey: survey.id,
      surveyHref,
      response: {
        id: r.id,
        shortId: short,
        status: r.status,
        updatedAt: r.updated_at,
        answers: data.answers,
      },
      definition: data.definition,
      surveyLocale: hasLocale ? locale : '',
    },
    assets: input.assets,
  })
}
