// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SurveyJson } from '../../../surveys/types.ts'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'
import { convert, expectUsable, sheet } from '../../surveys/xlsform/helpers.ts'

// Round trip with KoboToolbox's headers: answers submitted through the API, exported with
// `headers=kobo` (CSV: Kobo's main sheet; XLSX: a sheet per repeat), imported into a fresh
// database: the stored answers are the originals (a CSV carries no repeats, and says so).

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const FORM = {
  survey: sheet([
    { type: 'text', name: 'coop', label: 'Cooperative' },
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
    { type: 'begin repeat', name: 'payment', label: 'Payment' },
    { type: 'integer', name: 'paid', label: 'Paid' },
    { type: 'end repeat' },
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

const ANSWERS = [
  {
    coop: 'Sanankoroba',
    age: 34,
    member: 'yes',
    village: 'Kati',
    crops: ['maize', 'other'],
    crops_other: 'sorghum',
    loan: [
      { amount: 50000, months: 6, payment: [{ paid: 1000 }, { paid: 2000 }] },
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
    loan: [{ amount: 10000, months: 12, payment: [{ paid: 500 }] }],
    total: 10000,
  },
]

let json: SurveyJson
let survey: string
const apps: TestApp[] = []

async function open(): Promise<TestApp> {
  let tick = 0
  // Whole seconds: Kobo's `_submission_time` keeps the second, not the millisecond.
  const t = await createTestApp(
    { [survey]: json },
    { now: () => new Date(Date.UTC(2026, 2, 1, 9, 0, 0) + tick++ * 1000) },
  )
  apps.push(t)
  return t
}

beforeEach(async () => {
  const result = await convert(FORM)
  json = expectUsable(result)
  survey = result.id
})
afterEach(async () => {
  for (const t of apps.splice(0)) await t.close()
})

/** Submits ANSWERS (and a draft), approves the first with a note. */
async function seed(t: TestApp): Promise<void> {
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
}

async function download(t: TestApp, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const url = `/api/surveys/${survey}/responses?format=${format}&headers=kobo&status=all&review=all`
  const res = await t.send('GET', url, t.admin)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

async function upload(t: TestApp, body: Uint8Array | string, type: string, query = '') {
  const res = await t.app.request(`/api/surveys/${survey}/imports${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${t.admin}`, 'Content-Type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
  return { status: res.status, body: await res.json() }
}

interface Stored {
  id: string
  answers: Record<string, unknown>
  [key: string]: unknown
}

async function stored(t: TestApp): Promise<Stored[]> {
  const rows = await t.db.kysely.selectFrom('responses').selectAll().orderBy('id').execute()
  return rows.map(({ token_id: _token, answers, ...meta }) => ({
    ...meta,
    answers: JSON.parse(answers),
  }))
}

/** What the target should hold: the source's rows, reviewed by the import, maybe without `loan`. */
function expected(rows: Stored[], repeats: boolean): Stored[] {
  return rows.map((r) => {
    const { loan: _loan, ...flat } = r.answers
    return {
      ...r,
      answers: repeats ? r.answers : flat,
      ...(r.review_status === 'pending' ? {} : { reviewed_by: 'import' }),
    }
  })
}

async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.read(Readable.from([Buffer.from(bytes)]))
  return book
}

async function writeBook(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** Sets the cell under `column` (a header name) in data row `row` (1-based) of `name`. */
function setCell(
  book: ExcelJS.Workbook,
  name: string,
  column: string,
  row: number,
  value: unknown,
) {
  const ws = book.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  const header = ws.getRow(1).values
  const at = Array.isArray(header) ? header.indexOf(column) : -1
  if (at < 1) throw new Error(`no column ${column} in ${name}`)
  ws.getRow(row + 1).getCell(at).value = value as ExcelJS.CellValue
}

/** Adds a column `name` to sheet `sheet`, with `value` in data row `row`. */
function addColumn(
  book: ExcelJS.Workbook,
  sheet: string,
  name: string,
  row: number,
  value: unknown,
) {
  const ws = book.getWorksheet(sheet)
  if (!ws) throw new Error(`no sheet ${sheet}`)
  const at = ws.getRow(1).cellCount + 1
  ws.getRow(1).getCell(at).value = name
  ws.getRow(row + 1).getCell(at).value = value as ExcelJS.CellValue
}

describe('importing a file with KoboToolbox headers', () => {
  // Kobo's `_submission_time` has no zone and means UTC: read in another zone, it must not move.
  const zone = process.env.TZ
  beforeAll(() => {
    process.env.TZ = 'Europe/Paris'
  })
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it('gives back every answer and its metadata from the XLSX export, nested repeats included', async () => {
    const source = await open()
    await seed(source)
    const before = await stored(source)
    expect(before).toHaveLength(3)
    expect(before.some((r) => Array.isArray(r.answers.loan))).toBe(true)
    const target = await open()
    const bytes = await download(source, 'xlsx')
    const res = await upload(target, bytes, XLSX_TYPE)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ rows: 3, imported: 3, invalid: 0, issues: [], notes: [] })
    expect(await stored(target)).toEqual(expected(before, true))
    // Importing it again adds nothing: ids and `_uuid` (the submission key) are kept.
    const again = await upload(target, bytes, XLSX_TYPE)
    expect(again.body).toMatchObject({ imported: 0, existing: 3 })
  })

  it('gives back everything but the repeats from the CSV export, and says the CSV has none', async () => {
    const source = await open()
    await seed(source)
    const before = await stored(source)
    const target = await open()
    const text = (await download(source, 'csv')).toString('utf8')
    expect(text.split('\r\n')[0]).toContain('profile/address/village')
    const res = await upload(target, text, 'text/csv')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ rows: 3, imported: 3, invalid: 0 })
    expect(res.body.notes).toEqual([
      'a CSV holds no repeats (loan, payment): the responses are imported without them; import the XLSX export to keep them',
    ])
    expect(await stored(target)).toEqual(expected(before, false))
  })

  it('reads the 0/1 option columns when the joined column is empty, as for Gapkit’s own', async () => {
    const source = await open()
    await seed(source)
    const book = await readBook(await download(source, 'xlsx'))
    // Row 2 chose millet: its joined cell emptied, its 0/1 cells say maize and millet.
    setCell(book, TITLE, 'crops', 2, null)
    setCell(book, TITLE, 'crops/maize', 2, 1)
    // Row 1 keeps its joined cell: a contradicting 0/1 cell is not read.
    setCell(book, TITLE, 'crops/millet', 1, 1)
    const target = await open()
    const res = await upload(target, await writeBook(book), XLSX_TYPE)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const crops = (await stored(target)).map((r) => [r.answers.coop, r.answers.crops])
    expect(crops).toEqual(
      expect.arrayContaining([
        ['Sanankoroba', ['maize', 'other']],
        ['Faso Jigi', ['maize', 'millet']],
      ]),
    )
  })

  it('refuses unknown columns, unknown codes and bad review states by row and column, storing nothing', async () => {
    const source = await open()
    await seed(source)
    const book = await readBook(await download(source, 'xlsx'))
    addColumn(book, TITLE, 'profile/income', 1, 12)
    addColumn(book, 'payment', 'loan/payment/extra', 1, 'x')
    setCell(book, TITLE, 'profile/member', 2, 'maybe')
    setCell(book, TITLE, '_validation_status', 3, 'validation_status_pending_forever')
    const target = await open()
    const res = await upload(target, await writeBook(book), XLSX_TYPE)
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('invalid_import')
    const details = res.body.error.details as { field: string; question: string; message: string }[]
    expect(details.map((d) => [d.field, d.question])).toEqual([
      ['row 1', 'profile/income'],
      ['row 1', 'loan/payment/extra'],
      ['row 2', 'profile/member'],
      ['row 3', '_validation_status'],
    ])
    expect(details[0]?.message).toContain('not a column of questionnaire version')
    expect(details[1]?.message).toContain('sheet "payment" line 2')
    expect(details[2]?.message).toContain('not one of the available choices')
    expect(await target.count()).toBe(0)

    // With skipInvalid, the valid rows go in: none here.
    const skipped = await upload(target, await writeBook(book), XLSX_TYPE, '?skipInvalid=true')
    expect(skipped.status).toBe(200)
    expect(skipped.body).toMatchObject({ rows: 3, imported: 0, invalid: 3 })
  })

  it('refuses a repeat row whose parent row is missing, naming the sheet, line and column', async () => {
    const source = await open()
    await seed(source)
    const book = await readBook(await download(source, 'xlsx'))
    setCell(book, 'payment', '_parent_index', 3, 9)
    const target = await open()
    const res = await upload(target, await writeBook(book), XLSX_TYPE)
    expect(res.status).toBe(400)
    expect(res.body.error.message).toBe(
      'sheet "payment" line 4: _parent_index: "9" is no _index of sheet "loan"',
    )
    expect(await target.count()).toBe(0)
  })

  it('refuses a CSV row with an unknown column or code', async () => {
    const source = await open()
    await seed(source)
    const [header = '', ...lines] = (await download(source, 'csv')).toString('utf8').split('\r\n')
    const target = await open()
    const bad = [
      `${header},profile/income`,
      `${lines[0]},12`,
      `${lines[1]?.replace(',no,', ',maybe,')},`,
    ]
    const refused = await upload(target, `${bad.join('\r\n')}\r\n`, 'text/csv')
    expect(refused.status).toBe(422)
    const flagged = refused.body.error.details.map((d: { field: string; question: string }) => [
      d.field,
      d.question,
    ])
    expect(flagged).toEqual([
      ['row 1', 'profile/income'],
      ['row 2', 'profile/member'],
    ])
    expect(await target.count()).toBe(0)
  })

  it('reads KoboToolbox’s own CSV: quoted, by semicolons, with Kobo’s version, status and extra columns', async () => {
    const source = await open()
    await seed(source)
    const before = await stored(source)
    // The XLSX's main sheet holds the values as typed: written out the way Kobo writes its CSV.
    const book = await readBook(await download(source, 'xlsx'))
    const rows: string[][] = []
    book.getWorksheet(TITLE)?.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : []
      rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))))
    })
    const [header = [], ...data] = rows
    const at = (name: string) => header.indexOf(name)
    const version = String(before[0]?.version ?? '')
    const kobo = [
      ['start', 'end', ...header, '_notes', '_tags'],
      ...data.map((r) => {
        const cells = header.map((_, i) => r[i] ?? '')
        cells[at('__version__')] =
          cells[at('__version__')] === version ? 'vGqkFRtzWH8hUZ3oXjP2bw' : ''
        if (cells[at('_status')] === 'submitted') cells[at('_status')] = 'submitted_via_web'
        if (cells[at('_validation_status')] !== '') cells[at('_validation_status')] = 'Approved'
        return [
          '2026-03-01T09:59:00.000+00:00',
          '2026-03-01T10:03:00.000+00:00',
          ...cells,
          '[]',
          '',
        ]
      }),
    ]
    const text = kobo
      .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(';'))
      .join('\r\n')
    expect(text).toContain('"=SUM(A1)"')
    const target = await open()
    const res = await upload(target, text, 'text/csv')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ imported: 3, invalid: 0 })
    expect(res.body.notes).toEqual([
      "3 rows name a __version__ that is not a Gapkit version (KoboToolbox's own): they were checked against the current questionnaire",
      'a CSV holds no repeats (loan, payment): the responses are imported without them; import the XLSX export to keep them',
      "columns Gapkit has no place for were ignored: start, end, _notes (KoboToolbox's own, and the form's metadata rows)",
    ])
    expect(await stored(target)).toEqual(expected(before, false))
  })

  it('gapkit import reads both files and says on stderr that the CSV leaves the repeats out', async () => {
    const source = await open()
    await seed(source)
    const target = await open()
    const surveys = path.join(target.dir, 'surveys')
    fs.mkdirSync(surveys)
    fs.writeFileSync(path.join(surveys, `${survey}.json`), JSON.stringify(json))
    const common = ['--db', target.db.target, '--surveys', surveys]
    const csv = path.join(target.dir, 'kobo.csv')
    fs.writeFileSync(csv, await download(source, 'csv'))
    const first = await runCli(['import', survey, csv, ...common])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toBe(
      'note: a CSV holds no repeats (loan, payment): the responses are imported without them; import the XLSX export to keep them\n',
    )
    expect(first.stdout).toContain('imported 3 of 3 responses')
    // The XLSX holds the same responses: already there (it does not add the repeats to them).
    const xlsx = path.join(target.dir, 'kobo.xlsx')
    fs.writeFileSync(xlsx, await download(source, 'xlsx'))
    const second = await runCli(['import', survey, xlsx, ...common])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain('imported 0 of 3 responses')
  })
})
