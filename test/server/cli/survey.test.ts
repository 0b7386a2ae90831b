/**
 * `gapkit survey add|list`: publishes a JSON file or a workbook into the database (or keeps a
 * draft), prints what was not converted by row, refuses a broken file with exit 1 storing
 * nothing, and the other commands (`analyze`, `export`) and a running app see what it stored.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SurveyJson } from '../../../surveys/types.ts'
import { writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { runCli } from '../../helpers/cli.ts'
import { rowCounts as countRows } from '../../helpers/dump-tables.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'
import { sheet } from '../../surveys/xlsform/helpers.ts'

const SURVEYS = path.join(FIXTURES, 'surveys')
const example = JSON.parse(
  fs.readFileSync(path.join(SURVEYS, 'example.json'), 'utf8'),
) as SurveyJson

let t: TestApp
let db: string
beforeEach(async () => {
  t = await createTestApp(SURVEYS)
  db = t.db.target
})
afterEach(async () => {
  await t.close()
})

const survey = (...args: string[]) => runCli(['survey', ...args, '--db', db, '--surveys', SURVEYS])

const rowCounts = () => countRows(t.db)

describe('gapkit survey', () => {
  it('publishes a JSON file; analyze, export, list and a running app see it', async () => {
    const file = path.join(t.dir, 'field-visit.json')
    fs.writeFileSync(file, JSON.stringify(example))
    const run = await survey('add', file)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^u_[0-9a-f]{16}\tpublished\n$/)
    expect(run.stderr).toContain('published questionnaire "field-visit"')
    // The app opened before the command serves it at its next request.
    const res = await t.send('POST', '/api/surveys/field-visit/responses', t.partnerA, {
      answers: exampleAnswers(),
    })
    expect(res.status).toBe(201)
    const analyze = await runCli([
      'analyze',
      'field-visit',
      '--json',
      '--wave',
      'all',
      '--db',
      db,
      '--surveys',
      SURVEYS,
    ])
    expect(analyze.code, analyze.stderr).toBe(0)
    expect(JSON.parse(analyze.stdout)).toMatchObject({ survey: 'field-visit' })
    const exported = await runCli([
      'export',
      'field-visit',
      '--format',
      'json',
      '--db',
      db,
      '--surveys',
      SURVEYS,
    ])
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toContain('field-visit')
    const list = await survey('list')
    expect(list.code, list.stderr).toBe(0)
    const lines = list.stdout.split('\n')
    expect(lines[0]).toMatch(/^id\s+version\s+source\s+questions\s+languages\s+title$/)
    expect(lines.find((l) => l.startsWith('example '))).toMatch(/ folder /)
    expect(lines.find((l) => l.startsWith('field-visit '))).toMatch(/ uploaded /)
    expect(list.stdout).toMatch(
      /u_[0-9a-f]{16}\s+field-visit\s+[0-9a-f]{16}\s+published\s+field-visit\.json/,
    )
    const json = await survey('list', '--json')
    const parsed = JSON.parse(json.stdout) as {
      surveys: { id: string; source: string }[]
      uploads: { status: string }[]
    }
    expect(parsed.surveys.map((s) => [s.id, s.source])).toEqual([
      ['example', 'folder'],
      ['field-visit', 'uploaded'],
    ])
    expect(parsed.uploads.map((u) => u.status)).toEqual(['published'])
  })

  it('keeps a workbook as a draft with --draft, printing what was not converted', async () => {
    const file = path.join(t.dir, 'coop.xlsx')
    fs.writeFileSync(
      file,
      await writeWorkbook({
        survey: sheet([
          { type: 'text', name: 'coop', label: 'Cooperative' },
          { type: 'geopoint', name: 'where', label: 'Where?' },
        ]),
      }),
    )
    const run = await survey('add', file, '--id', 'coop-visit', '--draft')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^u_[0-9a-f]{16}\tdraft\n$/)
    expect(run.stderr).toMatch(/^not converted: survey sheet, row 3, column type — /m)
    const res = await t.send('GET', '/api/surveys', t.admin)
    const { surveys } = (await res.json()) as { surveys: { id: string }[] }
    expect(surveys.map((s) => s.id)).toEqual(['example'])
    const list = await survey('list')
    expect(list.stdout).toMatch(/coop-visit\s+[0-9a-f]{16}\s+draft\s+coop\.xlsx/)
  })

  it('reads the choices of select_one_from_file beside the workbook', async () => {
    const file = path.join(t.dir, 'villages-form.xlsx')
    fs.writeFileSync(
      file,
      await writeWorkbook({
        survey: sheet([
          { type: 'select_one_from_file villages.csv', name: 'village', label: 'Village' },
        ]),
      }),
    )
    const without = await survey('add', file)
    expect(without.code).toBe(1)
    expect(without.stderr).toContain('villages.csv')
    fs.writeFileSync(path.join(t.dir, 'villages.csv'), 'name,label\nkati,Kati\nsegou,Ségou\n')
    const run = await survey('add', file)
    expect(run.code, run.stderr).toBe(0)
    const res = await t.send('GET', '/api/surveys/villages-form', t.admin)
    expect(JSON.stringify(await res.json())).toContain('Ségou')
  })

  it('refuses a broken workbook with its errors by row, exit 1, nothing stored', async () => {
    const file = path.join(t.dir, 'broken.xlsx')
    fs.writeFileSync(
      file,
      await writeWorkbook({
        survey: sheet([
          { type: 'text', name: 'coop', label: 'Cooperative' },
          { type: 'select_one colours', name: 'colour', label: 'Colour' },
        ]),
      }),
    )
    const before = await rowCounts()
    const run = await survey('add', file)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^error: survey sheet, row 3, column type — .*colours/m)
    expect(run.stderr).toContain('not stored, 1 error(s) above; nothing changed')
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses bad usage in one line', async () => {
    expect((await survey()).code).toBe(2)
    expect((await survey('remove', 'x')).code).toBe(2)
    const missing = await survey('add', path.join(t.dir, 'nope.json'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no such file')
    const help = await survey('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('gapkit survey add FILE [--id ID] [--draft]')
  })
})
