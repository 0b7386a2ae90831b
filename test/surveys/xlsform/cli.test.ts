import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSurveyFile } from '../../../surveys/registry.ts'
import { writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { runCli } from '../../helpers/cli.ts'
import { sheet, tempDir } from './helpers.ts'

const dir = tempDir('gapkit-xlsform-cli-')
const at = (name: string) => path.join(dir, name)

beforeAll(async () => {
  const survey = sheet([
    { type: 'text', name: 'coop', label: 'Cooperative' },
    { type: 'select_one_from_file villages.csv', name: 'village', label: 'Village' },
    { type: 'begin_score', name: 'score', label: 'Kobo score' },
  ])
  fs.writeFileSync(
    at('form.xlsx'),
    await writeWorkbook({ survey, settings: sheet([{ form_id: 'coop_visit' }]) }),
  )
  fs.writeFileSync(at('villages.csv'), 'name,label\ndioro,Dioro\n')
  fs.writeFileSync(at('sheet.xlsx'), await writeWorkbook({ Sheet1: [['a'], ['b']] }))
  fs.writeFileSync(
    at('broken.xlsx'),
    await writeWorkbook({ survey: sheet([{ type: 'select_one nolist', name: 'q', label: 'Q' }]) }),
  )
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('gapkit xlsform', () => {
  it('explains itself', async () => {
    const run = await runCli(['xlsform', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: gapkit xlsform <form.xlsx> \[--out FILE.json\] \[--id ID\]/)
    const top = await runCli(['--help'])
    expect(top.stdout).toContain('  xlsform       xlsform <form.xlsx> [--out FILE.json]')
  })

  it('prints the questionnaire on stdout and what was not converted on stderr, by row', async () => {
    const run = await runCli(['xlsform', at('form.xlsx')])
    expect(run.code, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(json.pages[0].elements.map((e: { name: string }) => e.name)).toEqual(['coop', 'village'])
    expect(json.pages[0].elements[1].choices).toEqual([{ value: 'dioro', text: 'Dioro' }])
    expect(run.stderr.split('\n')).toEqual([
      'not converted: survey row 4, type: begin_score — the type "begin_score" is unknown: the row is left out',
      `gapkit xlsform: ${at('form.xlsx')} → questionnaire "coop-visit": 2 question(s), languages en, 0 gap dimension(s), 1 thing(s) not converted (above)`,
      '',
    ])
  })

  it('writes the file the questionnaire folder loads, named by its id', async () => {
    const out = at('surveys/visit.json')
    const run = await runCli(['xlsform', at('form.xlsx'), '--out', out])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(loadSurveyFile(out).id).toBe('visit')
    const folder = await runCli(['xlsform', at('form.xlsx'), '--out', at('surveys'), '--id', 'x1'])
    expect(folder.code, folder.stderr).toBe(0)
    expect(loadSurveyFile(at('surveys/x1.json')).json.title).toBe('coop_visit')
  })

  it('refuses bad input in one line, and writes nothing for an unusable workbook', async () => {
    const missing = await runCli(['xlsform', at('nowhere.xlsx')])
    expect(missing).toMatchObject({ code: 2, stdout: '' })
    expect(missing.stderr).toBe(`gapkit xlsform: ${at('nowhere.xlsx')}: no such file\n`)

    const notForm = await runCli(['xlsform', at('sheet.xlsx'), '--out', at('out/sheet.json')])
    expect(notForm.code).toBe(1)
    expect(notForm.stderr).toBe(
      `error: workbook — the workbook has no "survey" sheet (its sheets: "Sheet1"): it is not an XLSForm\ngapkit xlsform: ${at('sheet.xlsx')}: not converted, 1 error(s) above; nothing written\n`,
    )
    expect(fs.existsSync(at('out/sheet.json'))).toBe(false)

    const broken = await runCli(['xlsform', at('broken.xlsx')])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toBe('')
    expect(broken.stderr).toContain(
      'error: survey row 2, type: select_one nolist — the choices sheet has no list "nolist"',
    )

    const notXlsx = await runCli(['xlsform', at('villages.csv')])
    expect(notXlsx.code).toBe(1)
    expect(notXlsx.stderr).toMatch(/^error: workbook — not an XLSX workbook/)

    const usage = [
      [['xlsform'], 'usage: gapkit xlsform <form.xlsx> [--out FILE.json] [--id ID]'],
      [
        ['xlsform', at('form.xlsx'), '--out', at('x.txt')],
        '--out must be a .json file or a folder',
      ],
      [
        ['xlsform', at('form.xlsx'), '--out', at('a.json'), '--id', 'b'],
        `--id b and --out ${at('a.json')} disagree: the file name is the questionnaire's id`,
      ],
      [['xlsform', at('form.xlsx'), '--colour'], "Unknown option '--colour'"],
    ] as const
    for (const [args, message] of usage) {
      const run = await runCli([...args])
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toContain(message)
    }
  })
})
