/**
 * The dashboard in its six languages: every page, rendered through the app with a session, and
 * no English template string left in the fr, it, ro, sv and sl pages apart from proper names.
 * The English strings are every string value of the English tables (`server/admin/text/en.ts`),
 * cut at their `{placeholders}`. A page's text is its element text, its aria-label, title,
 * placeholder and alt attributes, and the strings it embeds for its scripts (`#ak-data`).
 * Questionnaire labels come from the questionnaire in the page's language, else its default.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../reports/escape.ts'
import { readAnswered } from '../../../server/admin/response-page.ts'
import { groupByOptions } from '../../../server/admin/survey-page.ts'
import * as en from '../../../server/admin/text/en.ts'
import { ADMIN_LOCALES, type AdminLocale, adminText } from '../../../server/admin/text.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { addUser, cookieOf, type Session, signIn, TEST_SCRYPT } from '../../helpers/accounts.ts'
import { createTestApp, DEFINITIONS, type TestApp } from '../../helpers/test-app.ts'

/** A questionnaire translated into Italian only: its labels fall back to the default elsewhere. */
const PARTIAL: SurveyJson = {
  title: { default: 'Access to credit', it: 'Accesso al credito' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'sector',
          title: { default: 'Which sector do you work in?', it: 'In quale settore lavorate?' },
          choices: [
            { value: 'bank', text: { default: 'Commercial bank', it: 'Banca commerciale' } },
            { value: 'mfi', text: { default: 'Microfinance', it: 'Microfinanza' } },
          ],
        },
        {
          type: 'comment',
          name: 'story',
          title: { default: 'Tell us more', it: 'Raccontateci di più' },
        },
      ],
    },
  ],
}

/**
 * Words a language writes exactly as English does, so they are no leftover there: the right
 * word although the check would flag it (French "Questionnaire", Italian "Password", Swedish
 * "Region", the "Token" of Italian, Romanian and Swedish software).
 */
const SHARED: Record<Exclude<AdminLocale, 'en'>, string[]> = {
  fr: [
    'Action',
    'Actions',
    'Codes',
    'Format',
    'Page',
    'Questionnaire',
    'Questionnaires',
    'Questions',
    'Total',
    'Version',
    'question',
  ],
  it: ['File', 'Password', 'Token', '(token)'],
  ro: ['Format', 'Token', 'Total', '(token)'],
  sv: ['Format', 'Problem', 'Region', 'Status', 'Token', 'Version', '(token)'],
  sl: [],
}

/** Names that are the same in every language. */
const EVERYWHERE = ['API', 'Gapkit']

/** Every English template fragment of the dashboard's tables, longest first. */
function englishFragments(): string[] {
  const found = new Set<string>()
  for (const table of [en.admin, en.publish, en.landing]) {
    for (const text of Object.values(table)) {
      for (const part of text.split(/\{\w+\}/)) {
        const trimmed = part.trim()
        if (/[A-Za-z]{3,}/.test(trimmed)) found.add(trimmed)
      }
    }
  }
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Every string in a value, at any depth. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/**
 * A page's readable text, in segments: each element text, each aria-label, title, placeholder
 * and alt attribute, each string of its script data (the questionnaire and the answers it
 * carries aside: they are data). The audit log's rows are data too (action codes, entity
 * names, details).
 */
function segments(html: string): string[] {
  const json = /<script type="application\/json" id="ak-data">([\s\S]*?)<\/script>/.exec(html)
  const data = json?.[1] ? (JSON.parse(json[1]) as Record<string, unknown>) : {}
  const { definition: _definition, response: _response, ...shown } = data
  const page = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/(<table class="ak-table" id="ak-audit">[\s\S]*?<tbody>)[\s\S]*?(<\/tbody>)/, '$1$2')
  const attributes = [...page.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map(
    (m) => m[1] ?? '',
  )
  const texts = page.split(/<[^>]*>/)
  // The placeholders of the embedded templates are names, not words: `{expected}`.
  return [...strings(shown), ...attributes, ...texts].map((s) =>
    unescapeHtml(s)
      .replace(/\{\w+\}/g, ' ')
      .trim(),
  )
}

/**
 * The page's text without the segments that are a name (a questionnaire text, a region, a
 * person), or a name behind an arrow ("← title"): a name is left out only where it stands
 * whole, so a template string that happens to equal one is still found elsewhere.
 */
function readable(html: string, names: Set<string>): string {
  return segments(html)
    .filter((s) => !names.has(s.replace(/^← |\s→$/g, '')))
    .join('\n')
}

/** Whole-word occurrences of English fragments in a text. */
function leftovers(text: string, english: string[], shared: string[]): string[] {
  const edge = (c: string) => /[\p{L}\p{N}]/u.test(c)
  return english.filter((fragment) => {
    if (shared.includes(fragment)) return false
    const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const before = edge(fragment.charAt(0)) ? '(?<![\\p{L}\\p{N}])' : ''
    const after = edge(fragment.charAt(fragment.length - 1)) ? '(?![\\p{L}\\p{N}])' : ''
    return new RegExp(`${before}${escaped}${after}`, 'u').test(text)
  })
}

let t: TestApp
let owner: Session
let viewer: Session
/** A dashboard session opened with the admin token (the navigation names the token). */
let token: Session
/** A submitted response to PARTIAL and a draft of microfinance-gap. */
const ids = { partial: '', draft: '' }
const surveys: Record<string, SurveyJson> = { partial: PARTIAL }

beforeAll(async () => {
  for (const file of fs.readdirSync(DEFINITIONS).filter((f) => f.endsWith('.json'))) {
    surveys[path.basename(file, '.json')] = JSON.parse(
      fs.readFileSync(path.join(DEFINITIONS, file), 'utf8'),
    ) as SurveyJson
  }
  t = await createTestApp(surveys, { passwords: TEST_SCRYPT })
  const sent = await t.send('POST', '/api/surveys/partial/responses', t.partnerA, {
    answers: { sector: 'bank', story: 'Credit unions lend to women farmers' },
  })
  ids.partial = ((await sent.json()) as { id: string }).id
  const draft = await t.send('POST', '/api/surveys/microfinance-gap/responses', t.partnerB, {
    answers: {},
    draft: true,
  })
  ids.draft = ((await draft.json()) as { id: string }).id
  const target = await t.send('PUT', '/api/admin/targets/partial/FR-93/2026', t.admin, {
    expected: 30,
  })
  expect(target.status).toBe(200)
  // The questionnaires page lists a draft (a new version of PARTIAL) and a discarded upload.
  for (const [fileName, discard] of [
    ['partial-v2.json', false],
    ['partial-v3.json', true],
  ] as const) {
    const json = { ...PARTIAL, description: fileName }
    const sent = await t.send('POST', `/api/surveys?id=partial&fileName=${fileName}`, t.admin, json)
    expect(sent.status).toBe(201)
    const { upload } = (await sent.json()) as { upload: { id: string } }
    if (discard) await t.send('POST', `/api/surveys/uploads/${upload.id}/discard`, t.admin)
  }
  const o = await addUser(t, 'owner', 'ana.novak@example.org')
  const v = await addUser(t, 'viewer', 'ivo.rossi@example.org')
  owner = await signIn(t, o.email, o.password)
  viewer = await signIn(t, v.email, v.password)
  const opened = await t.app.request(`/admin?t=${t.admin}`)
  token = { email: '', cookie: cookieOf(opened), csrf: '' }
})

afterAll(async () => {
  await t?.close()
})

interface Page {
  name: string
  status: number
  html: string
}

/** Every dashboard page in one language, as its people would open them. */
async function pages(locale: AdminLocale): Promise<Page[]> {
  const open = async (name: string, url: string, session: Session | null, init?: RequestInit) => {
    const headers = session ? { Cookie: session.cookie } : undefined
    const res = await t.app.request(url, { headers, ...init })
    return { name, status: res.status, html: await res.text() }
  }
  const q = `lang=${locale}`
  const surveyPages = Object.keys(surveys).map((id) =>
    open(`survey ${id}`, `/admin/surveys/${id}?${q}`, owner),
  )
  return Promise.all([
    open('landing', `/?${q}`, null),
    open('sign-in', `/admin?${q}`, null),
    open('sign-in refused', '/admin/login', null, {
      method: 'POST',
      body: new URLSearchParams({ email: 'nobody@example.org', password: 'x', lang: locale }),
    }),
    open('progress', `/admin?${q}`, owner),
    open('partners', `/admin/partners?${q}`, owner),
    ...surveyPages,
    open('response', `/admin/surveys/partial/responses/${ids.partial}?${q}`, owner),
    open('draft', `/admin/surveys/microfinance-gap/responses/${ids.draft}?${q}`, owner),
    open('users', `/admin/users?${q}`, owner),
    open('audit', `/admin/audit?${q}`, owner),
    open('account', `/admin/account?${q}`, owner),
    open('questionnaires', `/admin/questionnaires?${q}`, owner),
    open('no survey', `/admin/surveys/nope?${q}`, owner),
    open('no response', `/admin/surveys/partial/responses/nope?${q}`, owner),
    open('role too low', `/admin/partners?${q}`, viewer),
    open('signed in by token', `/admin/account?${q}`, token),
  ])
}

const STATUS: Record<string, number> = {
  'sign-in refused': 401,
  'no survey': 404,
  'no response': 404,
  'role too low': 403,
}

/**
 * Proper names on the pages: questionnaire texts in every language (the grouping questions as
 * the page cuts them), regions, people. A name that is also an English template string is left
 * out: it would hide that string wherever it stands whole.
 */
function names(locale: AdminLocale, english: string[]): Set<string> {
  const questions = Object.entries(surveys).flatMap(([id, json]) => {
    const survey = t.registry.get(id)
    const grouping = survey ? groupByOptions(survey, locale, adminText(locale)).slice(2) : []
    return [id, ...strings(json), ...grouping.map((o) => o.label)]
  })
  const answered = readAnswered(PARTIAL, { sector: 'bank' }, locale).flatMap((i) => [
    i.title,
    i.value ?? '',
  ])
  const people = ['Seine-Saint-Denis', 'Heart of Slovenia', 'Partner A', 'Partner B', 'test admin']
  const uploads = ['partial-v2.json', 'partial-v3.json', 'token:1']
  const accounts = ['ana.novak@example.org', 'ivo.rossi@example.org', 'The owner', 'The viewer']
  const all = [...questions, ...answered, ...people, ...accounts, ...uploads].map((n) => n.trim())
  return new Set(all.filter((n) => !english.includes(n)))
}

const rendered = new Map<AdminLocale, Page[]>()
async function rendering(locale: AdminLocale): Promise<Page[]> {
  const cached = rendered.get(locale)
  if (cached) return cached
  const list = await pages(locale)
  rendered.set(locale, list)
  return list
}

describe('the dashboard in six languages', () => {
  const english = englishFragments()

  it.each(ADMIN_LOCALES)('renders every page in %s', async (locale) => {
    for (const page of await rendering(locale)) {
      expect(page.status, page.name).toBe(STATUS[page.name] ?? 200)
      expect(page.html, page.name).toContain(`<html lang="${locale}">`)
    }
  })

  it('finds every English template string on the English pages (the check reads them all)', async () => {
    const text = (await rendering('en')).map((p) => readable(p.html, new Set())).join('\n')
    expect(leftovers(text, english, []).length).toBe(english.length)
  })

  it.each(ADMIN_LOCALES.filter((l) => l !== 'en'))(
    'leaves no English template string on the %s pages',
    async (locale) => {
      const shared = [...SHARED[locale as Exclude<AdminLocale, 'en'>], ...EVERYWHERE]
      const found = (await rendering(locale)).flatMap((page) =>
        leftovers(readable(page.html, names(locale, english)), english, shared).map(
          (fragment) => `${page.name}: ${fragment}`,
        ),
      )
      expect(found).toEqual([])
    },
  )

  it('names a signed-in admin token in the page language', async () => {
    const account = async (locale: AdminLocale) =>
      (await rendering(locale)).find((p) => p.name === 'signed in by token')?.html ?? ''
    expect(await account('sl')).toContain(
      '>test admin (žeton) <span class="ak-badge">Lastnik</span>',
    )
    expect(await account('fr')).toContain(
      '>test admin (jeton) <span class="ak-badge">Propriétaire</span>',
    )
  })

  it('lists all six languages in the switch, each named in itself', async () => {
    const html = (await rendering('sl')).find((p) => p.name === 'progress')?.html ?? ''
    const codes = [...html.matchAll(/<a href="[^"]*" hreflang="(\w+)" lang="\w+" title="([^"]+)"/g)]
    expect(codes.map((m) => [m[1], m[2]])).toEqual([
      ['en', 'English'],
      ['fr', 'Français'],
      ['it', 'Italiano'],
      ['ro', 'Română'],
      ['sv', 'Svenska'],
    ])
    expect(html).toContain('<strong aria-current="true" title="Slovenščina">SL</strong>')
  })

  it.each(ADMIN_LOCALES)(
    'gives the report downloads and the published link the page language (%s)',
    async (locale) => {
      const html = (await rendering(locale)).find((p) => p.name === 'survey microfinance-gap')
      for (const ext of ['html', 'md', 'docx', 'zip']) {
        expect(html?.html).toContain(
          `href="/api/surveys/microfinance-gap/report.${ext}?lang=${locale}"`,
        )
      }
      // admin-survey.js and admin-downloads.js send `data.locale` as the report's and the
      // published link's language.
      expect(html?.html).toContain(`"locale":"${locale}"`)
    },
  )

  it('opens the report of the Slovenian page in Slovenian', async () => {
    const html = (await rendering('sl')).find((p) => p.name === 'survey partial')?.html ?? ''
    const href = /data-report="html" href="([^"]+)"/.exec(html)?.[1] ?? ''
    const report = await asOwner(href.replace(/&amp;/g, '&'))
    expect(report).toContain('<html lang="sl">')
    expect(report).toContain('Poročilo o analizi vrzeli')
  })
})

describe('questionnaire labels in the dashboard language', () => {
  const page = async (locale: AdminLocale, name: string) =>
    (await rendering(locale)).find((p) => p.name === name)?.html ?? ''

  it('come from the questionnaire in that language where it has one', async () => {
    expect(await page('it', 'progress')).toContain('>Accesso al credito</h2>')
    const survey = await page('it', 'survey partial')
    expect(survey).toContain('<h1>Accesso al credito</h1>')
    expect(survey).toContain('<option value="sector">In quale settore lavorate?</option>')
    const response = await page('it', 'response')
    expect(response).toContain('<dt>In quale settore lavorate?</dt>')
    expect(response).toContain('<dd data-question="sector">Banca commerciale</dd>')
    expect(response).not.toContain('<p class="ak-muted">Questo questionario non ha testi')
    const rows = await asOwner(`/api/admin/surveys/partial/responses?lang=it`)
    expect(rows).toContain('sector: Banca commerciale')
  })

  it('fall back to its default text where it has none, and the response page says so', async () => {
    expect(await page('sl', 'progress')).toContain('>Access to credit</h2>')
    const survey = await page('sl', 'survey partial')
    expect(survey).toContain('<option value="sector">Which sector do you work in?</option>')
    const response = await page('sl', 'response')
    expect(response).toContain('<dd data-question="sector">Commercial bank</dd>')
    expect(response).toContain(
      '<p class="ak-muted">Ta vprašalnik nima besedil v jeziku »slovenščina«: vprašanja so prikazana v njegovem privzetem jeziku.</p>',
    )
    const rows = await asOwner(`/api/admin/surveys/partial/responses?lang=sl`)
    expect(rows).toContain('sector: Commercial bank')
  })

  it('come from a shipped questionnaire in each of its languages', async () => {
    const json = surveys['microfinance-gap'] as { title: Record<string, string> }
    for (const locale of ADMIN_LOCALES) {
      const title = json.title[locale] ?? json.title.default ?? ''
      expect(await page(locale, 'survey microfinance-gap')).toContain(
        `<h1>${escapeHtml(title)}</h1>`,
      )
    }
  })
})

async function asOwner(url: string): Promise<string> {
  const res = await t.app.request(url, { headers: { Cookie: owner.cookie } })
  expect(res.status).toBe(200)
  return res.text()
}
