/**
 * Published reports: a read-only public link to a questionnaire's report (`gapkit publish`, the
 * dashboard's Publish button) that opens without any sign-in, and each chart of it for authors'
 * web pages (an iframe page and the Vega-Lite spec). The link shows exactly what the report
 * shows — aggregated figures under its small-group suppression, the open answers it quotes —
 * and follows the data as the dashboard does. Only the token's hash is stored, with its first
 * characters to name it; revoking stops the link at once. Every change is audited.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import { ALL_WAVES } from '../../analysis/choose-waves.ts'
import { GroupingError, resolveGrouping } from '../../analysis/group-responses.ts'
import { readQuestionItems } from '../../analysis/questions.ts'
import { escapeHtml } from '../../reports/escape.ts'
import type { ReportModel, ReportSection } from '../../reports/report/model.ts'
import { inlineSvg, renderHtml } from '../../reports/report/render-html.ts'
import type { LoadedSurvey, SurveyRegistry } from '../../surveys/registry.ts'
import { writeAudit } from '../db/repositories/audit.ts'
import { listWaves } from '../db/repositories/progress.ts'
import {
  findPublishedReportByHash,
  insertPublishedReport,
  listPublishedReports,
  reportDataStamps,
  revokePublishedReport,
} from '../db/repositories/published-reports.ts'
import type { Database, PublishedReportRow } from '../db/schema.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts'
import { hashToken } from '../http/auth.ts'
import type { AnalysisRequest } from './analysis.ts'
import { createPromiseCache } from './promise-cache.ts'

/** A published report's token: `gkr_` and 43 base64url characters (256 random bits). */
export const PUBLISHED_TOKEN = /^gkr_[A-Za-z0-9_-]{43}$/

/** How many characters of a token are kept to name it: `gkr_` and 8 of the random ones. */
const PREFIX_LENGTH = 12

/** A published report as listed: never its token. */
export interface PublishedReportView {
  id: number
  survey: string
  /** The token's first characters, to recognise the link. */
  prefix: string
  name: string | null
  lang: string
  /** The grouping; null: by region. */
  by: string | null
  /** The wave, or `all`; null: the latest wave with enough respondents. */
  wave: string | null
  createdAt: string
  createdBy: string
  revokedAt: string | null
  state: 'live' | 'revoked'
}

/** What publishing needs; everything but the questionnaire has a default. */
export interface NewPublication {
  survey: string
  /** Report language (default `en`). */
  lang?: string
  /** `region` (default), `wave` or a single-choice question. */
  by?: string
  /** A wave, or `all`; default the latest wave with enough respondents. */
  wave?: string
  /** What the author calls the link. */
  name?: string
}

/** The path of a published report: `/r/<token>` (the dashboard and the CLI add the origin). */
export function publishedPath(token: string): string {
  return `/r/${token}`
}

function toView(row: PublishedReportRow): PublishedReportView {
  return {
    id: row.id,
    survey: row.survey,
    prefix: row.prefix,
    name: row.name,
    lang: row.lang,
    by: row.group_by,
    wave: row.wave,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    state: row.revoked_at === null ? 'live' : 'revoked',
  }
}

function checkLang(lang: string): string {
  if (!/^[a-z]{2}(-[A-Za-z]{2})?$/.test(lang)) {
    throw new InvalidInputError(`the language must be like en or fr (got "${lang}")`, [
      { field: 'lang', message: 'a language code such as en or fr' },
    ])
  }
  return lang
}

/** `by` as stored: null for the default (region); a usable grouping, or 400 saying which are. */
function checkGrouping(survey: LoadedSurvey, by: string | undefined, lang: string): string | null {
  if (by === undefined || by === '' || by === 'region') return null
  try {
    resolveGrouping(by, readQuestionItems(survey.json, lang).items, survey.gapkit.groupBy)
  } catch (error) {
    if (!(error instanceof GroupingError)) throw error
    throw new InvalidInputError(error.message, [{ field: 'by', message: error.message }])
  }
  return by
}

/** `wave` as stored: null for the default, `all`, or a wave that has responses. */
async function checkWave(
  db: Kysely<Database>,
  survey: string,
  wave: string | undefined,
): Promise<string | null> {
  const chosen = wave?.trim()
  if (chosen === undefined || chosen === '') return null
  if (chosen === ALL_WAVES) return ALL_WAVES
  const waves = await listWaves(db, survey)
  if (!waves.includes(chosen)) {
    const message = `no responses in wave "${chosen}" (waves: ${waves.join(', ') || 'none yet'})`
    throw new InvalidInputError(message, [{ field: 'wave', message }])
  }
  return chosen
}

/**
 * Publishes a questionnaire's report, audited under `actor`. Returns the token, shown once and
 * never stored: the link is `publishedPath(token)`.
 */
export async function publishReport(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  input: NewPublication,
  actor: string,
  now: string,
): Promise<{ token: string; report: PublishedReportView }> {
  const survey = registry.get(input.survey)
  if (!survey) throw new NotFoundError(`no questionnaire "${input.survey}"`)
  const lang = checkLang(input.lang ?? 'en')
  const name = input.name?.trim() || null
  if (name !== null && name.length > 200) {
    throw new InvalidInputError('the name has more than 200 characters', [
      { field: 'name', message: 'at most 200 characters' },
    ])
  }
  const row = {
    survey: survey.id,
    prefix: '',
    token_hash: '',
    name,
    lang,
    group_by: checkGrouping(survey, input.by, lang),
    wave: await checkWave(db, survey.id, input.wave),
    created_at: now,
    created_by: actor,
    revoked_at: null,
  }
  const token = `gkr_${randomBytes(32).toString('base64url')}`
  row.token_hash = hashToken(token)
  row.prefix = token.slice(0, PREFIX_LENGTH)
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertPublishedReport(trx, row)
    const { survey: s, prefix, lang: l, group_by: by, wave } = row
    await writeAudit(
      trx,
      {
        actor,
        action: 'report.publish',
        entity: 'published_report',
        entityId: String(id),
        details: { survey: s, prefix, name, lang: l, by, wave },
      },
      now,
    )
    return id
  })
  return { token, report: toView({ ...row, id }) }
}

/** Every published report (or a questionnaire's), oldest first, revoked ones included. */
export async function listPublished(
  db: Kysely<Database>,
  filter: { survey?: string } = {},
): Promise<PublishedReportView[]> {
  return (await listPublishedReports(db, filter)).map(toView)
}

/**
 * The published report `ref` names: its id (`3`) or the start of its token (`gkr_AbC…`, at
 * least 8 characters). 404 without a match (or outside `survey` when given), 400 when a prefix
 * names several.
 */
async function findPublished(
  db: Kysely<Database>,
  ref: string,
  survey?: string,
): Promise<PublishedReportRow> {
  const rows = await listPublishedReports(db, survey === undefined ? {} : { survey })
  if (/^\d+$/.test(ref)) {
    const byId = rows.find((r) => r.id === Number(ref))
    if (!byId) throw new NotFoundError(`no published report ${ref}`)
    return byId
  }
  if (ref.length < 8) {
    throw new InvalidInputError(`"${ref}" is too short: give the id or at least 8 characters`)
  }
  const start = ref.slice(0, PREFIX_LENGTH)
  const matches = rows.filter((r) => r.prefix.startsWith(start))
  const [only] = matches
  if (!only) throw new NotFoundError(`no published report starts with "${start}"`)
  if (matches.length > 1) {
    throw new InvalidInputError(
      `"${start}" names ${matches.length} published reports (ids ${matches.map((r) => r.id).join(', ')}): give the id`,
    )
  }
  return only
}

/**
 * Revokes a published report (by id or token prefix), audited under `actor`: its link and
 * every chart embedded from it stop at once. 409 when it was already revoked.
 */
export async function revokePublished(
  db: Kysely<Database>,
  ref: string,
  actor: string,
  now: string,
  survey?: string,
): Promise<PublishedReportView> {
  return db.transaction().execute(async (trx) => {
    const row = await findPublished(trx, ref.trim(), survey)
    if (row.revoked_at !== null) {
      throw new ConflictError(`published report ${row.id} was already revoked on ${row.revoked_at}`)
    }
    if (!(await revokePublishedReport(trx, row.id, now))) {
      throw new NotFoundError(`no published report ${ref}`)
    }
    await writeAudit(
      trx,
      {
        actor,
        action: 'report.unpublish',
        entity: 'published_report',
        entityId: String(row.id),
        details: { survey: row.survey, prefix: row.prefix },
      },
      now,
    )
    return toView({ ...row, revoked_at: now })
  })
}

/** What a token opens: a live published report, a revoked one, or nothing. */
export type PublishedLookup =
  | { state: 'live'; row: PublishedReportRow }
  | { state: 'revoked' }
  | { state: 'unknown' }

/** Looks a token up by its hash (compared in constant time, as for every token). */
export async function lookupPublished(
  db: Kysely<Database>,
  token: string,
): Promise<PublishedLookup> {
  if (!PUBLISHED_TOKEN.test(token)) return { state: 'unknown' }
  const hash = hashToken(token)
  const row = await findPublishedReportByHash(db, hash)
  if (!row) return { state: 'unknown' }
  if (!timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) {
    return { state: 'unknown' }
  }
  return row.revoked_at === null ? { state: 'live', row } : { state: 'revoked' }
}

/** One chart of a published report. */
export interface PublishedChart {
  id: string
  title: string
  /** Its figure number in the report. */
  number: number
  vlJson: string
  svg: string
  /** Its PNG, drawn when first asked for. */
  png: () => Promise<Uint8Array>
}

/** A published report's composed model and drawn charts, as of the data when it was built. */
export interface PublishedContent {
  model: ReportModel
  charts: Map<string, PublishedChart>
}

/** The analysis request of a published report: its language, grouping and wave. */
function requestOf(row: PublishedReportRow): AnalysisRequest {
  return {
    locale: row.lang,
    by: row.group_by ?? undefined,
    // Stored null: the default (latest wave with enough respondents); `all`: every wave.
    wave: row.wave === null ? undefined : row.wave === ALL_WAVES ? null : row.wave,
  }
}

/** Published reports' contents, rebuilt only when the data they read has changed. */
export interface PublishedCache {
  content: (row: PublishedReportRow) => Promise<PublishedContent>
}

/**
 * A cache of published reports' contents: the key holds the link, the questionnaire versions
 * and the responses and regions the report reads (its questionnaire's, and the vote's whose
 * tally it quotes), so a change of the data gives a fresh report; the last `size` are kept.
 */
export function createPublishedCache(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  size = 4,
): PublishedCache {
  const cached = createPromiseCache<PublishedContent>(size)
  return {
    content: async (row) => {
      const read = registry
        .list()
        .filter((s) => s.id === row.survey || s.gapkit.analysis?.kind === 'vote')
      const stamps = await reportDataStamps(
        db,
        read.map((s) => s.id),
      )
      const key = createHash('sha256')
        .update(JSON.stringify([row.id, read.map((s) => [s.id, s.version]), stamps]))
        .digest('hex')
      return cached(key, () => buildContent(db, registry, row))
    },
  }
}

async function buildContent(
  db: Kysely<Database>,
  registry: SurveyRegistry,
  row: PublishedReportRow,
): Promise<PublishedContent> {
  // The analysis and the chart drawing load only when a report is built: listing, publishing
  // and revoking (the command line) never need them.
  const { buildReport, renderCharts } = await import('./report.ts')
  const { renderPngAsync } = await import('../../reports/draw/png.ts')
  const bundle = await buildReport(db, registry, row.survey, requestOf(row))
  const files = await renderCharts(bundle.charts, { png: false })
  const numbers = new Map<string, number>()
  for (const section of bundle.model.sections) {
    for (const block of section.blocks)
      if (block.kind === 'chart') numbers.set(block.id, block.number)
  }
  const charts = new Map<string, PublishedChart>()
  for (const chart of bundle.charts) {
    const file = files.get(chart.id)
    if (!file) continue
    let png: Promise<Uint8Array> | undefined
    charts.set(chart.id, {
      id: chart.id,
      title: chart.title,
      number: numbers.get(chart.id) ?? 0,
      vlJson: file.vlJson,
      svg: file.svg,
      png: () => {
        png ??= renderPngAsync(file.svg).then((b) => new Uint8Array(b))
        return png
      },
    })
  }
  return { model: bundle.model, charts }
}

/** Where a published report is reached from: the origin the reader used, and its token. */
export interface PublishedLinks {
  /** `https://gapkit.example.org` */
  origin: string
  token: string
}

/** A chart file's absolute URL under a published report. */
export function chartUrl(links: PublishedLinks, id: string, ext: string): string {
  return `${links.origin}${publishedPath(links.token)}/charts/${id}.${ext}`
}

/**
 * The published report's page: the report as `renderHtml` makes it (self-contained, every text
 * escaped), its chart links under the published link, and an annex with each chart's embed
 * snippets.
 */
export function publishedHtml(content: PublishedContent, links: PublishedLinks): string {
  const svgs = new Map([...content.charts].map(([id, c]) => [id, c.svg]))
  const model = {
    ...content.model,
    sections: [...content.model.sections, embedAnnex(content, links)],
  }
  // Relative to /r/: the page is /r/<token>, its charts /r/<token>/charts/<id>.<ext>.
  return renderHtml(model, { svgs, chartHref: (id, ext) => `${links.token}/charts/${id}.${ext}` })
}

/** The annex of embed snippets, in the report's language (English when it has none). */
function embedAnnex(content: PublishedContent, links: PublishedLinks): ReportSection {
  const text = EMBED_TEXT[content.model.lang] ?? EMBED_EN
  const charts = [...content.charts.values()].sort((a, b) => a.number - b.number)
  return {
    id: 'embed',
    title: text.title,
    blocks: [
      { kind: 'paragraph', text: text.intro },
      ...charts.flatMap((chart) => [
        {
          kind: 'subheading' as const,
          text: `${content.model.figureLabel} ${chart.number}. ${chart.title}`,
        },
        {
          kind: 'facts' as const,
          items: [
            { term: 'iframe', text: iframeSnippet(chart, links) },
            { term: 'Vega-Embed', text: vegaEmbedSnippet(chart, links) },
          ],
        },
      ]),
    ],
  }
}

/** The width and height an SVG of `renderSvg` declares (its drawn size in CSS pixels). */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const read = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(tag)?.[1] ?? 0)
  return { width: Math.ceil(read('width')), height: Math.ceil(read('height')) }
}

/** An iframe of the chart's page, at the chart's size. */
export function iframeSnippet(chart: PublishedChart, links: PublishedLinks): string {
  const { width, height } = svgSize(chart.svg)
  return `<iframe src="${escapeHtml(chartUrl(links, chart.id, 'html'))}" title="${escapeHtml(chart.title)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
}

/** The chart drawn in the author's page by Vega-Embed from its Vega-Lite spec. */
export function vegaEmbedSnippet(chart: PublishedChart, links: PublishedLinks): string {
  const target = `gapkit-${chart.id.replace(/[^a-z0-9-]/g, '-')}`
  const cdn = 'https://cdn.jsdelivr.net/npm'
  return [
    `<div id="${target}"></div>`,
    `<script src="${cdn}/vega@6"></script>`,
    `<script src="${cdn}/vega-lite@6"></script>`,
    `<script src="${cdn}/vega-embed@7"></script>`,
    `<script>vegaEmbed(${JSON.stringify(`#${target}`)}, ${JSON.stringify(chartUrl(links, chart.id, 'vl.json'))}, { actions: false })</script>`,
  ].join('')
}

/**
 * The page an iframe shows: the chart's SVG alone, self-contained (no script, nothing loaded
 * from elsewhere), with its title for screen readers.
 */
export function chartPage(chart: PublishedChart, lang: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(chart.title)}</title>`,
    '<style>html,body{margin:0;background:#fff}svg{display:block;max-width:100%;height:auto}</style>',
    '</head>',
    '<body>',
    inlineSvg(chart.svg, 'c', chart.id),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

interface EmbedText {
  title: string
  intro: string
}

const EMBED_EN: EmbedText = {
  title: 'Embedding the charts',
  intro:
    'Each chart of this report can be shown on another web page, with the figures of this published report: paste its iframe (the chart as drawn here) or its Vega-Embed snippet (the chart drawn in the page from its Vega-Lite specification). Both stop working when the report is no longer published.',
}

/** The embed annex's strings in each report language. */
const EMBED_TEXT: Record<string, EmbedText> = {
  en: EMBED_EN,
  fr: {
    title: 'Intégrer les graphiques',
    intro:
      'Chaque graphique de ce rapport peut être affiché sur une autre page web, avec les chiffres de ce rapport publié : collez son iframe (le graphique tel qu’il est dessiné ici) ou son extrait Vega-Embed (le graphique dessiné dans la page à partir de sa spécification Vega-Lite). Les deux cessent de fonctionner quand le rapport n’est plus publié.',
  },
  it: {
    title: 'Incorporare i grafici',
    intro:
      'Ogni grafico di questo rapporto può essere mostrato su un’altra pagina web, con i dati di questo rapporto pubblicato: incollate il suo iframe (il grafico come appare qui) o il suo frammento Vega-Embed (il grafico disegnato nella pagina dalla sua specifica Vega-Lite). Entrambi smettono di funzionare quando il rapporto non è più pubblicato.',
  },
  ro: {
    title: 'Încorporarea graficelor',
    intro:
      'Fiecare grafic din acest raport poate fi afișat pe o altă pagină web, cu cifrele acestui raport publicat: lipiți iframe-ul său (graficul așa cum este desenat aici) sau fragmentul său Vega-Embed (graficul desenat în pagină din specificația sa Vega-Lite). Ambele nu mai funcționează când raportul nu mai este publicat.',
  },
  sv: {
    title: 'Bädda in diagrammen',
    intro:
      'Varje diagram i rapporten kan visas på en annan webbsida, med siffrorna i den här publicerade rapporten: klistra in dess iframe (diagrammet som det ritas här) eller dess Vega-Embed-kod (diagrammet ritat på sidan utifrån dess Vega-Lite-specifikation). Båda slutar fungera när rapporten inte längre är publicerad.',
  },
  sl: {
    title: 'Vdelava grafikonov',
    intro:
      'Vsak grafikon tega poročila je mogoče prikazati na drugi spletni strani s podatki tega objavljenega poročila: prilepite njegov iframe (grafikon, kot je narisan tukaj) ali njegov delček Vega-Embed (grafikon, narisan na strani iz njegove specifikacije Vega-Lite). Oba prenehata delovati, ko poročilo ni več objavljeno.',
  },
}
