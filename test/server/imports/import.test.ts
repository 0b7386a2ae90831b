import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_REGIONS, generateDemoResponses } from '../../../demo/index.ts'
import { findRegion, upsertRegion } from '../../../server/db/repositories/regions.ts'
import { setReviewStatus } from '../../../server/db/repositories/responses.ts'
import { exportRoutes } from '../../../server/routes/exports.ts'
import { createSubmission } from '../../../server/services/submissions.ts'
import { surveyVersion } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, DEFINITIONS, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

const SURVEYS = path.join(FIXTURES, 'surveys')
const IMPORTS = '/api/surveys/example/imports'

const apps: TestApp[] = []
afterEach(async () => {
  for (const t of apps.splice(0)) await t.close()
})

/** A test app with the export and import routes (mounted here until the lead wires them). */
async function open(surveys: string | Record<string, SurveyJson> = SURVEYS): Promise<TestApp> {
  const t = await createTestApp(surveys)
  apps.push(t)
  if (!t.app.routes.some((r) => r.path === '/api/surveys/:id/imports')) {
    t.app.route(
      '/api/surveys',
      exportRoutes({
        db: t.db.kysely,
        registry: t.registry,
        now: () => new Date('2026-03-01T00:00:00.000Z'),
        defaultWave: '2026',
      }),
    )
  }
  return t
}

async function post(
  t: TestApp,
  url: string,
  body: string | Uint8Array,
  type: string,
  token = t.admin,
) {
  const res = await t.app.request(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
  return { status: res.status, body: await res.json() }
}

const CSV_HEADER =
  'id,region,status,consent,stakeholder,satisfaction,barriers,performance.regulation'
const csv = (...rows: string[]) => `${[CSV_HEADER, ...rows].join('\r\n')}\r\n`
const GOOD = 'r1,FR-93,submitted,true,mfi,4,cost;collateral,2'
const MISSING = 'r2,FR-93,submitted,true,mfi,,cost,2'
const ALIEN = 'r3,FR-93,submitted,true,alien,3,,dk'

interface Stored {
  id: string
  answers: unknown
  [key: string]: unknown
}

async function stored(t: TestApp): Promise<Stored[]> {
  const rows = await t.db.kysely.selectFrom('responses').selectAll().orderBy('id').execute()
  return rows.map(({ token_id: _token, answers, ...meta }) => ({
    ...meta,
    answers: JSON.parse(answers),
  }))
}

describe('POST /api/surveys/:id/imports', () => {
  it('reports every invalid row and stores nothing', async () => {
    const t = await open()
    const res = await post(t, IMPORTS, csv(GOOD, MISSING, ALIEN), 'text/csv')
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('invalid_import')
    expect(res.body.error.message).toContain('2 of 3 rows are invalid; nothing was imported')
    const flagged = res.body.error.details.map((d: { field: string; question: string }) => [
      d.field,
      d.question,
    ])
    expect(flagged).toEqual([
      ['row 2', 'satisfaction'],
      ['row 3', 'stakeholder'],
    ])
    expect(await t.count()).toBe(0)
  })

  it('keeps a review given in the file and refuses an unknown review status', async () => {
    const t = await open()
    const header = `${CSV_HEADER},review_status,review_note,reviewed_at`
    const file = (...rows: string[]) => `${[header, ...rows].join('\r\n')}\r\n`
    const bad = await post(t, IMPORTS, file(`${GOOD},maybe,,`), 'text/csv')
    expect(bad.status).toBe(422)
    expect(bad.body.error.details[0]).toMatchObject({ field: 'row 1', question: 'review_status' })
    const ok = await post(
      t,
      IMPORTS,
      file(`${GOOD},rejected,duplicate,2026-02-02T10:00:00Z`, `${MISSING.replace(',,', ',3,')},,,`),
      'text/csv',
    )
    expect(ok.status).toBe(200)
    const rows = await stored(t)
    expect(
      rows.map((r) => [r.id, r.review_status, r.review_note, r.reviewed_at, r.reviewed_by]),
    ).toEqual([
      ['r1', 'rejected', 'duplicate', '2026-02-02T10:00:00.000Z', 'import'],
      ['r2', 'pending', null, null, null],
    ])
  })

  it('imports the valid rows with skipInvalid, once, with an audit entry each', async () => {
    const t = await open()
    const first = await post(
      t,
      `${IMPORTS}?skipInvalid=true`,
      csv(GOOD, MISSING, ALIEN),
      'text/csv',
    )
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ rows: 3, imported: 1, existing: 0, invalid: 2 })
    expect(first.body.issues.map((i: { row: number }) => i.row)).toEqual([2, 3])
    const [row] = await stored(t)
    expect(row).toMatchObject({
      id: 'r1',
      region_id: 'FR-93',
      status: 'submitted',
      wave: '2026',
      language: 'en',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      answers: {
        consent: true,
        stakeholder: 'mfi',
        satisfaction: 4,
        barriers: ['cost', 'collateral'],
        performance: { regulation: 2 },
      },
    })
    expect(row?.submitted_at).toBe(row?.created_at)
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', 'r1')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['response.import'])

    const again = await post(t, `${IMPORTS}?skipInvalid=true`, csv(GOOD), 'text/csv')
    expect(again.body).toMatchObject({ imported: 0, existing: 1, invalid: 0 })
    expect(await t.count()).toBe(1)
  })

  it('checks drafts without completeness, and a dry run stores nothing', async () => {
    const t = await open()
    const draft = 'd1,FR-93,draft,,bank,,,'
    const dry = await post(t, `${IMPORTS}?dryRun=true`, csv(GOOD, draft), 'text/csv')
    expect(dry.body).toMatchObject({ dryRun: true, imported: 2, invalid: 0 })
    expect(await t.count()).toBe(0)
    const done = await post(t, IMPORTS, csv(GOOD, draft), 'text/csv')
    expect(done.body).toMatchObject({ dryRun: false, imported: 2 })
    expect((await stored(t)).find((r) => r.id === 'd1')).toMatchObject({
      status: 'draft',
      submitted_at: null,
      answers: { stakeholder: 'bank' },
    })
  })

  it('lists unknown regions, creates named ones, and fills a missing region from region=', async () => {
    const t = await open()
    const unknown = await post(t, IMPORTS, csv('x1,XX-1,submitted,true,mfi,4,,'), 'text/csv')
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.message).toContain('unknown regions: XX-1')

    const named = `id,region,region_name,consent,stakeholder,satisfaction\r\nx1,XX-1,Somewhere,true,mfi,4\r\n`
    const created = await post(t, IMPORTS, named, 'text/csv')
    expect(created.body).toMatchObject({ imported: 1, createdRegions: ['XX-1'] })
    expect((await findRegion(t.db.kysely, 'XX-1'))?.name).toBe('Somewhere')

    const noRegion = 'id,consent,stakeholder,satisfaction\r\nn1,true,bank,2\r\n'
    expect((await post(t, IMPORTS, noRegion, 'text/csv')).status).toBe(422)
    const filled = await post(t, `${IMPORTS}?region=SI-HEART`, noRegion, 'text/csv')
    expect(filled.body.imported).toBe(1)
    expect((await stored(t)).find((r) => r.id === 'n1')?.region_id).toBe('SI-HEART')
    const clash = await post(t, `${IMPORTS}?region=SI-HEART`, csv(GOOD), 'text/csv')
    expect(clash.status).toBe(422)
    expect(clash.body.error.details[0]).toMatchObject({ field: 'row 1', question: 'region' })
  })

  it('is for the admin only, and refuses what is not an export', async () => {
    const t = await open()
    expect((await post(t, IMPORTS, csv(GOOD), 'text/csv', t.partnerA)).status).toBe(403)
    const anonymous = await t.app.request(IMPORTS, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: csv(GOOD),
    })
    expect(anonymous.status).toBe(401)
    expect((await post(t, IMPORTS, csv(GOOD), 'text/plain')).status).toBe(415)
    const wrongSurvey = await post(
      t,
      IMPORTS,
      JSON.stringify({ survey: 'other', responses: [] }),
      'application/json',
    )
    expect(wrongSurvey.status).toBe(400)
    expect(wrongSurvey.body.error.message).toContain('not "example"')
    const broken = await post(t, IMPORTS, 'id,consent\r\n"r1,true\r\n', 'text/csv')
    expect(broken.status).toBe(400)
    expect(broken.body.error.message).toContain('never closed')
    expect((await post(t, '/api/surveys/nope/imports', csv(GOOD), 'text/csv')).status).toBe(404)
    expect(await t.count()).toBe(0)
  })

  it('validates old answers against the version the JSON export carries', async () => {
    const t = await open()
    const old = JSON.parse(fs.readFileSync(path.join(SURVEYS, 'example.json'), 'utf8'))
    old.pages[0].elements.push({ type: 'text', name: 'old_question', isRequired: true })
    const version = surveyVersion(old)
    const response = {
      id: 'old-1',
      version,
      region: 'FR-93',
      answers: { consent: true, stakeholder: 'mfi', satisfaction: 3, old_question: 'kept' },
    }
    const doc = {
      survey: 'example',
      versions: [{ version, definition: old }],
      responses: [response],
    }
    const res = await post(t, IMPORTS, JSON.stringify(doc), 'application/json')
    expect(res.status).toBe(200)
    expect((await stored(t))[0]).toMatchObject({ version, answers: { old_question: 'kept' } })

    const forged = { ...doc, versions: [{ version: 'aaaaaaaaaaaaaaaa', definition: old }] }
    forged.responses = [{ ...response, id: 'old-2', version: 'aaaaaaaaaaaaaaaa' }]
    const refused = await post(t, IMPORTS, JSON.stringify(forged), 'application/json')
    expect(refused.status).toBe(422)
    expect(refused.body.error.details[0].message).toContain('does not match that version')
  })
})

describe('round trip', () => {
  async function demoSource(): Promise<TestApp> {
    const t = await open(DEFINITIONS)
    for (const r of DEMO_REGIONS) await upsertRegion(t.db.kysely, r, '2025-01-01T00:00:00.000Z')
    let tick = 0
    const deps = {
      db: t.db.kysely,
      registry: t.registry,
      now: () => new Date(Date.UTC(2025, 5, 1) + (tick++ % 40) * 60_000),
      defaultWave: '2025',
    }
    const demo = generateDemoResponses(t.registry.list(), { responses: 120, seed: 3 })
    for (const [i, r] of demo.entries()) {
      await createSubmission(deps, null, {
        survey: r.survey,
        answers: r.answers,
        draft: r.draft,
        language: r.language,
        region: r.region,
        wave: r.wave,
        group: r.group,
        submissionKey: `demo-${i}`,
      })
    }
    // Some reviewed responses, one note with a formula: the review travels with the export.
    for (const survey of t.registry.list()) {
      const ids = (
        await t.db.kysely
          .selectFrom('responses')
          .select('id')
          .where('survey', '=', survey.id)
          .where('status', '=', 'submitted')
          .orderBy('id')
          .limit(5)
          .execute()
      ).map((r) => r.id)
      const by = 'token:1'
      const at = '2025-07-01T08:00:00.000Z'
      await setReviewStatus(t.db.kysely, survey.id, ids.slice(0, 3), {
        status: 'approved',
        note: '=HYPERLINK("http://x","ok"), vérifié',
        by,
        at,
      })
      await setReviewStatus(t.db.kysely, survey.id, ids.slice(3), {
        status: 'rejected',
        note: null,
        by,
        at,
      })
    }
    return t
  }

  const TYPES = {
    json: 'application/json',
    csv: 'text/csv',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }
  for (const format of ['json', 'csv', 'xlsx'] as const) {
    it(`gives identical answers and metadata through a ${format} export`, async () => {
      const source = await demoSource()
      const target = await open(DEFINITIONS)
      const type = TYPES[format]
      let imported = 0
      for (const survey of source.registry.list()) {
        const url = `/api/surveys/${survey.id}/responses?format=${format}&status=all&review=all`
        const got = await source.send('GET', url, source.admin)
        const file = format === 'xlsx' ? new Uint8Array(await got.arrayBuffer()) : await got.text()
        const res = await post(
          target,
          `/api/surveys/${survey.id}/imports`,
          file,
          type,
          target.admin,
        )
        expect(res.status).toBe(200)
        expect(res.body.invalid).toBe(0)
        imported += res.body.imported
      }
      expect(imported).toBe(120)
      const before = await stored(source)
      expect(before.some((r) => r.status === 'draft')).toBe(true)
      expect(JSON.stringify(before)).toContain('=HYPERLINK')
      expect(before.filter((r) => r.review_status === 'approved').length).toBeGreaterThan(0)
      expect(before.filter((r) => r.review_status === 'rejected').length).toBeGreaterThan(0)
      // Who reviewed stays with the source server; the target records the import.
      expect(await stored(target)).toEqual(
        before.map((r) => (r.review_status === 'pending' ? r : { ...r, reviewed_by: 'import' })),
      )
      const regions = await target.db.kysely
        .selectFrom('regions')
        .select(['id', 'name'])
        .orderBy('id')
        .execute()
      expect(regions).toEqual(
        await source.db.kysely.selectFrom('regions').select(['id', 'name']).orderBy('id').execute(),
      )
    }, 120_000)
  }
})

describe('gapkit import', () => {
  const gapkit = (...args: string[]) => runCli(args)

  it('imports a file once, reports invalid rows, and refuses bad input in one line', async () => {
    const t = await open()
    const common = ['--db', t.db.target, '--surveys', SURVEYS]
    const good = path.join(t.dir, 'good.csv')
    fs.writeFileSync(good, `\uFEFF${csv(GOOD)}`)
    const first = await gapkit('import', 'example', good, ...common)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout.trim()).toBe(
      'imported 1 of 1 responses to example (0 already present, 0 invalid skipped)',
    )
    const again = await gapkit('import', 'example', good, ...common)
    expect(again.stdout).toContain('imported 0 of 1 responses to example (1 already present')

    const bad = path.join(t.dir, 'bad.csv')
    fs.writeFileSync(bad, csv(MISSING, ALIEN))
    const refused = await gapkit('import', 'example', bad, ...common)
    expect(refused.code).toBe(1)
    const lines = refused.stderr.trim().split('\n')
    expect(lines[0]).toMatch(/^row 1: satisfaction: /)
    expect(lines[1]).toMatch(/^row 2: stakeholder: /)
    expect(lines.at(-1)).toBe(
      'gapkit import: 2 of 2 rows are invalid; nothing was imported (skip them with --skip-invalid)',
    )
    expect(await t.count()).toBe(1)

    for (const [file, message] of [
      [path.join(t.dir, 'missing.csv'), 'cannot read'],
      [path.join(t.dir, 'data.txt'), 'give a .csv, .xlsx or .json export'],
    ]) {
      const res = await gapkit('import', 'example', file ?? '', ...common)
      expect(res.code).toBe(2)
      expect(res.stderr.trim().split('\n')).toHaveLength(1)
      expect(res.stderr).toContain(message)
    }
  }, 120_000)
})
