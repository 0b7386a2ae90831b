// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listKoboSheets } from '../../../server/exports/kobo.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'
import { convert, expectUsable, sheet } from './helpers.ts'

// Round trip: a form converted from XLSForm, answered through Gapkit's API, exports the columns
// KoboToolbox writes for the same form with "XML values and headers" and groups in the headers
// (its API's default; separator "/"), with Kobo's values: a select_multiple is its codes joined
// by spaces plus one 0/1 column per option (empty when unanswered), pyxform's `or_other` text is
// `crops_other`, a calculation has its column where its row stands, and a repeat is a sheet of
// its own (XLSX) whose rows name their parent by `_index`, `_parent_table_name` (the form's
// title, which also names Kobo's main sheet) and `_parent_index`. Notes have no column.

const FORM = {
  survey: sheet([
    { type: 'text', name: 'coop', label: 'Cooperative' },
    { type: 'note', name: 'intro', label: 'Welcome' },
    // A field-list group at the top becomes a page of its own in SurveyJS, not a panel: its
    // name still prefixes its questions, from the converter's gapkit.import.xmlPaths.
    { type: 'begin group', name: 'profile', label: 'Profile', appearance: 'field-list' },
    { type: 'integer', name: 'age', label: 'Age' },
    { type: 'select_one yn', name: 'member', label: 'Member' },
    { type: 'begin group', name: 'address', label: 'Address' },
    { type: 'text', name: 'village', label: 'Village' },
    { type: 'end group' },
    { type: 'end group' },
    { type: 'select_multiple crop or_other', name: 'crops', label: 'Crops' },
    { type: 'begin repeat', name: 'loan', label: 'Loan' },
    { type: 'decimal', name: 'amount', label: 'Amount' },
    { type: 'begin group', name: 'terms', label: 'Terms' },
    { type: 'integer', name: 'months', label: 'Months' },
    { type: 'end group' },
    { type: 'end repeat' },
    { type: 'calculate', name: 'total', calculation: 'sum(${amount})' },
    { type: 'text', name: 'comments', label: 'Comments' },
  ]),
  choices: sheet([
    { list_name: 'yn', name: 'yes', label: 'Yes' },
    { list_name: 'yn', name: 'no', label: 'No' },
    { list_name: 'crop', name: 'maize', label: 'Maize' },
    { list_name: 'crop', name: 'millet', label: 'Millet' },
  ]),
  settings: sheet([{ form_title: 'Crédit rural 2026', form_id: 'credit_rural' }]),
}

const TITLE = 'Crédit rural 2026'

/** Kobo's answer columns of the main sheet for FORM (the loan repeat has a sheet of its own). */
const KOBO_ANSWERS = [
  'coop',
  'profile/age',
  'profile/member',
  'profile/address/village', // nested groups: every group's name, outermost first
  'crops', // the codes chosen, joined by spaces
  'crops/maize', // one column per option of the list, in the list's order…
  'crops/millet',
  'crops/other', // …with the "other" option pyxform adds for or_other
  'crops_other', // pyxform's "specify other" text
  'total', // the calculate row, where it stands in the sheet
  'comments',
]

/**
 * Kobo's metadata columns that Gapkit holds too, in Kobo's order (Kobo writes `_notes` after
 * `_validation_status`, `_submitted_by` and `_tags` after `_status`: Gapkit has no such thing).
 */
const KOBO_META = [
  '__version__',
  '_id',
  '_uuid',
  '_submission_time',
  '_validation_status',
  '_status',
]

/** Gapkit's own metadata, named Kobo's way (a leading `_`), before Kobo's `_index`. */
const GAPKIT_META = [
  '_survey',
  '_region',
  '_region_name',
  '_wave',
  '_group',
  '_language',
  '_created_at',
  '_updated_at',
  '_review_note',
  '_reviewed_at',
]

const MAIN_HEADER = [...KOBO_ANSWERS, ...KOBO_META, ...GAPKIT_META, '_index']

/** Kobo's sheet of the loan repeat: the repeat's path in each name, then the links to the parent. */
const LOAN_HEADER = [
  'loan/amount',
  'loan/terms/months', // a group inside the repeat
  '_index',
  '_parent_table_name',
  '_parent_index',
  '_submission__id',
  '_submission__uuid',
  '_submission__submission_time',
  '_submission__validation_status',
  '_submission__status',
]

/** What the respondents answered: one row of each sheet per answer, Kobo's values (XLSX types). */
const ANSWERS = [
  {
    coop: 'Sanankoroba',
    age: 34,
    member: 'yes',
    village: 'Kati',
    crops: ['maize', 'other'],
    crops_other: 'sorghum',
    loan: [
      { amount: 50000, months: 6 },
      { amount: 25000.5, months: 3 },
    ],
    total: 75000.5,
    comments: '=SUM(A1)',
  },
  {
    coop: 'Faso Jigi',
    age: 51,
    member: 'no',
    crops: ['millet'],
    loan: [{ amount: 10000, months: 12 }],
    total: 10000,
  },
]

type Value = string | number | null

/** The answer cells Kobo writes for ANSWERS, in KOBO_ANSWERS order. */
const KOBO_ANSWER_ROWS: Value[][] = [
  ['Sanankoroba', 34, 'yes', 'Kati', 'maize other', 1, 0, 1, 'sorghum', 75000.5, '=SUM(A1)'],
  // Not answered: empty, the option columns too (0 only when the question was answered).
  ['Faso Jigi', 51, 'no', null, 'millet', 0, 1, 0, null, 10000, null],
]

/** The loan rows: amount, months, the row's own _index and its parent's _index. */
const KOBO_LOAN_ROWS: Value[][] = [
  [50000, 6, 1, TITLE, 1],
  [25000.5, 3, 2, TITLE, 1],
  [10000, 12, 3, TITLE, 2],
]

/** A response as the JSON export has it, for the metadata a test cannot know beforehand. */
interface Exported {
  id: string
  version: string
  region: string
  wave: string
  group: string | null
  language: string
  status: string
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  submissionKey: string | null
  review: { status: string; note: string | null; at: string | null }
}

const REGION_NAMES: Record<string, string> = {
  'FR-93': 'Seine-Saint-Denis',
  'SI-HEART': 'Heart of Slovenia',
}

const VALIDATION: Record<string, string | null> = {
  approved: 'validation_status_approved',
  rejected: 'validation_status_not_approved',
  pending: null,
}

/** Kobo's metadata for a response: `_submission_time` to the second, without a zone. */
function koboMeta(r: Exported): Value[] {
  return [
    r.version,
    r.id,
    r.submissionKey,
    r.submittedAt?.slice(0, 19) ?? null,
    VALIDATION[r.review.status] ?? null,
    r.status,
  ]
}

function gapkitMeta(r: Exported, survey: string): Value[] {
  return [
    survey,
    r.region,
    REGION_NAMES[r.region] ?? null,
    r.wave,
    r.group,
    r.language,
    r.createdAt,
    r.updatedAt,
    r.review.note,
    r.review.at,
  ]
}

/** Every expected sheet, in XLSX types (numbers as numbers, empty as null). */
function expectedSheets(exported: Exported[], survey: string) {
  const main = exported.map((r, i) => [
    ...(KOBO_ANSWER_ROWS[i] ?? []),
    ...koboMeta(r),
    ...gapkitMeta(r, survey),
    i + 1,
  ])
  const loan = KOBO_LOAN_ROWS.map((row) => {
    const parent = exported[Number(row[4]) - 1]
    if (!parent) throw new Error('no parent')
    return [...row, ...koboMeta(parent).slice(1)]
  })
  return { main, loan }
}

// The same cells as CSV text: numbers in JavaScript's spelling (Kobo's for these values), empty
// as "", and formula-like text neutralised with a leading quote, as every Gapkit CSV does
// (Kobo writes it as typed: the one difference, on purpose).
function asCsv(rows: Value[][]): string[][] {
  return rows.map((row) =>
    row.map((v) => {
      if (v === null) return ''
      if (typeof v === 'number') return String(v)
      return /^[=+\-@]/.test(v) ? `'${v}` : v
    }),
  )
}

let t: TestApp
let json: SurveyJson
let survey: string

beforeEach(async () => {
  const result = await convert(FORM)
  json = expectUsable(result)
  survey = result.id
  let tick = 0
  // A clock a second further at every call: responses come in the order they were sent.
  t = await createTestApp(
    { [survey]: json },
    { now: () => new Date(Date.UTC(2026, 2, 1, 9, 0, 0) + tick++ * 1000) },
  )
})
afterEach(async () => {
  await t.close()
})

/** Submits ANSWERS through the API (and a draft), approves the first: the JSON export's view. */
async function seed(): Promise<Exported[]> {
  const url = `/api/surveys/${survey}/responses`
  const ids: string[] = []
  for (const [i, answers] of ANSWERS.entries()) {
    const token = i === 0 ? t.partnerA : t.partnerB
    const res = await t.send('POST', url, token, { answers, submissionKey: `key-${i + 1}` })
    expect(res.status, await res.clone().text()).toBe(201)
    ids.push(((await res.json()) as { id: string }).id)
  }
  const draft = await t.send('POST', url, t.partnerA, { answers: { coop: 'x' }, draft: true })
  expect(draft.status).toBe(201)
  const review = await t.send('POST', `/api/surveys/${survey}/reviews`, t.admin, {
    ids: [ids[0]],
    status: 'approved',
    note: 'checked',
  })
  expect(review.status).toBe(200)
  const res = await t.send('GET', `${url}?format=json&status=submitted`, t.admin)
  expect(res.status).toBe(200)
  const { responses } = (await res.json()) as { responses: Exported[] }
  expect(responses.map((r) => r.id)).toEqual(ids)
  return responses
}

async function download(query: string) {
  const res = await t.send('GET', `/api/surveys/${survey}/responses?${query}`, t.admin)
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

/** The audit log's export entries, newest first: what was taken, in which headers. */
async function exportsAudited(): Promise<unknown[]> {
  const res = await t.send('GET', '/api/admin/audit?action=response.export', t.admin)
  expect(res.status).toBe(200)
  const page = (await res.json()) as { entries: { details: unknown }[] }
  return page.entries.map((e) => e.details)
}

function readCsv(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes).toString('utf8'), { bom: true })
}

async function readXlsx(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.read(Readable.from([Buffer.from(bytes)]))
  const sheets = new Map<string, (Value | boolean)[][]>()
  book.eachSheet((ws) => {
    const width = ws.getRow(1).cellCount
    const rows: (Value | boolean)[][] = []
    ws.eachRow((row) => {
      const cells: (Value | boolean)[] = []
      for (let c = 1; c <= width; c++) {
        const v = row.getCell(c).value
        // A formula, a date or rich text would not be the plain value Kobo writes.
        const plain = ['string', 'number', 'boolean'].includes(typeof v)
        if (v !== null && v !== undefined && !plain) {
          throw new Error(`${ws.name} cell ${c}: not a plain value: ${JSON.stringify(v)}`)
        }
        cells.push(
          typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null,
        )
      }
      rows.push(cells)
    })
    sheets.set(ws.name, rows)
  })
  return sheets
}

async function expectKoboCsv(bytes: Uint8Array, exported: Exported[]) {
  const [header, ...rows] = readCsv(bytes)
  expect(header).toEqual(MAIN_HEADER)
  expect(rows).toEqual(asCsv(expectedSheets(exported, survey).main))
}

async function expectKoboXlsx(bytes: Uint8Array, exported: Exported[]) {
  const sheets = await readXlsx(bytes)
  // Kobo names its main sheet after the form's title; then a sheet per repeat; then Gapkit's own.
  expect([...sheets.keys()]).toEqual([TITLE, 'loan', 'codebook', 'versions'])
  const expected = expectedSheets(exported, survey)
  expect(sheets.get(TITLE)).toEqual([MAIN_HEADER, ...expected.main])
  expect(sheets.get('loan')).toEqual([LOAN_HEADER, ...expected.loan])
}

describe('a converted form’s export, headers as Kobo writes them', () => {
  it('is the default of the export route, in CSV (the main sheet) and XLSX (a sheet per repeat)', async () => {
    const exported = await seed()
    const csv = await download('format=csv')
    expect(csv.res.status).toBe(200)
    await expectKoboCsv(csv.bytes, exported)
    // Asked for by name, it is the same file.
    const named = await download('format=csv&headers=kobo')
    expect(named.bytes.equals(csv.bytes)).toBe(true)

    const xlsx = await download('format=xlsx')
    expect(xlsx.res.status).toBe(200)
    await expectKoboXlsx(xlsx.bytes, exported)
    expect((await exportsAudited())[0]).toMatchObject({ format: 'xlsx', headers: 'kobo' })
  })

  it('is the default of gapkit export, which says on stderr that CSV leaves the repeats out', async () => {
    const exported = await seed()
    const surveys = path.join(t.dir, 'surveys')
    fs.mkdirSync(surveys)
    fs.writeFileSync(path.join(surveys, `${survey}.json`), JSON.stringify(json))
    const db = t.db.target
    const common = ['--db', db, '--surveys', surveys]

    const csv = await runCli(['export', survey, '--format', 'csv', ...common])
    expect(csv.code, csv.stderr).toBe(0)
    await expectKoboCsv(Buffer.from(csv.stdout), exported)
    expect(csv.stderr).toContain("the CSV holds Kobo's main sheet only; the repeats (loan)")

    const out = path.join(t.dir, 'export.xlsx')
    const xlsx = await runCli(['export', survey, '--out', out, '--headers', 'kobo', ...common])
    expect(xlsx.code, xlsx.stderr).toBe(0)
    expect(xlsx.stderr).toBe('')
    await expectKoboXlsx(fs.readFileSync(out), exported)
  })

  it('gives way to Gapkit’s own names on request: dotted options, a repeat as one JSON column', async () => {
    const [first] = await seed()
    const { res, bytes } = await download('format=csv&headers=gapkit')
    expect(res.status).toBe(200)
    const [header = [], ...rows] = readCsv(bytes)
    expect(header.slice(0, 2)).toEqual(['id', 'survey'])
    expect(header.slice(16)).toEqual([
      'coop',
      'age',
      'member',
      'village',
      'crops',
      'crops.maize',
      'crops.millet',
      'crops.other',
      'crops_other',
      'loan',
      'comments',
    ])
    expect(rows[0]?.[0]).toBe(first?.id)
    expect(rows[0]?.slice(16)).toEqual([
      'Sanankoroba',
      '34',
      'yes',
      'Kati',
      'maize;other',
      '1',
      '0',
      '1',
      'sorghum',
      JSON.stringify(ANSWERS[0]?.loan),
      "'=SUM(A1)",
    ])
  })

  it('refuses an unknown header style and headers for JSON, changing nothing', async () => {
    await seed()
    const before = await exportsAudited()
    const unknown = await download('format=csv&headers=spss')
    expect(unknown.res.status).toBe(400)
    const json = await download('format=json&headers=kobo')
    expect(json.res.status).toBe(400)
    expect(JSON.parse(json.bytes.toString('utf8'))).toMatchObject({
      error: { message: expect.stringContaining('headers are for csv and xlsx') },
    })
    const cli = await runCli(['export', survey, '--format', 'csv', '--headers', 'spss'])
    expect(cli.code).not.toBe(0)
    expect(cli.stderr).toContain('--headers must be kobo or gapkit')
    expect(await exportsAudited()).toEqual(before)
  })

  it('names a SurveyJS questionnaire’s columns by its panels on request, nested repeats on sheets of their own', async () => {
    // Not converted from XLSForm: panels stand for groups and dynamic panels for repeats.
    const households: SurveyJson = {
      title: 'Households',
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'panel', name: 'place', elements: [{ type: 'text', name: 'village' }] },
            {
              type: 'paneldynamic',
              name: 'household',
              templateElements: [
                { type: 'text', name: 'head' },
                {
                  type: 'paneldynamic',
                  name: 'member',
                  templateElements: [{ type: 'text', name: 'age', inputType: 'number' }],
                },
              ],
            },
          ],
        },
      ],
    }
    await t.close()
    let tick = 0
    t = await createTestApp(
      { households },
      { now: () => new Date(Date.UTC(2026, 2, 1) + tick++ * 1000) },
    )
    const url = '/api/surveys/households/responses'
    for (const answers of [
      {
        village: 'Kati',
        household: [
          { head: 'Awa', member: [{ age: 30 }, { age: 5 }] },
          { head: 'Bakary', member: [{ age: 40 }] },
        ],
      },
      { household: [{ head: 'Coumba' }] },
    ]) {
      expect((await t.send('POST', url, t.partnerA, { answers })).status).toBe(201)
    }
    // Gapkit's names stay the default of a questionnaire not converted from XLSForm.
    const plain = await t.send('GET', `${url}?format=csv`, t.admin)
    expect(readCsv(Buffer.from(await plain.arrayBuffer()))[0]?.slice(0, 1)).toEqual(['id'])

    const res = await t.send('GET', `${url}?format=xlsx&headers=kobo`, t.admin)
    expect(res.status).toBe(200)
    const sheets = await readXlsx(Buffer.from(await res.arrayBuffer()))
    expect([...sheets.keys()]).toEqual([
      'Households',
      'household',
      'member',
      'codebook',
      'versions',
    ])
    const main = sheets.get('Households') ?? []
    expect(main[0]).toEqual(['place/village', ...KOBO_META, ...GAPKIT_META, '_index'])
    expect(main.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ['Kati', 1],
      [null, 2],
    ])
    const link = (rows: (Value | boolean)[][] = []) => rows.map((r) => r.slice(0, 4))
    expect(link(sheets.get('household'))).toEqual([
      ['household/head', '_index', '_parent_table_name', '_parent_index'],
      ['Awa', 1, 'Households', 1],
      ['Bakary', 2, 'Households', 1],
      ['Coumba', 3, 'Households', 2],
    ])
    // A repeat inside a repeat names the outer repeat's sheet and row.
    expect(link(sheets.get('member'))).toEqual([
      ['household/member/age', '_index', '_parent_table_name', '_parent_index'],
      [30, 1, 'household', 1],
      [5, 2, 'household', 1],
      [40, 3, 'household', 2],
    ])
  })

  it('has no column for the hidden count the converter adds to bind a repeat_count to a calculation', async () => {
    const converted = await convert({
      survey: sheet([
        { type: 'integer', name: 'size', label: 'Household size' },
        { type: 'calculate', name: 'n', calculation: '${size}' },
        { type: 'begin repeat', name: 'member', label: 'Member', repeat_count: '${n}' },
        { type: 'text', name: 'first', label: 'First name' },
        { type: 'end repeat' },
      ]),
    })
    const main = listKoboSheets(expectUsable(converted))
    // Kobo: the integer and the calculation, and the repeat's sheet.
    expect(main.columns.map((c) => c.name)).toEqual(['size', 'n'])
    expect(main.children.map((c) => [c.name, c.columns.map((x) => x.name)])).toEqual([
      ['member', ['member/first']],
    ])
  })
})
