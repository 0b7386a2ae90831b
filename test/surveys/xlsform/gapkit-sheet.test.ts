// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AnalysisDocument } from '../../../analysis/types.ts'
import { writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { runCli } from '../../helpers/cli.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'
import { convert, expectUsable, lines, sheet, tempDir } from './helpers.ts'

const SCALE = [1, 2, 3, 4, 5].map((n) => ({
  list_name: 'scale',
  name: n,
  'label::English (en)': ['none', 'weak', 'fair', 'good', 'strong'][n - 1],
  'label::French (fr)': ['nul', 'faible', 'moyen', 'bon', 'fort'][n - 1],
}))

const SURVEY = sheet([
  {
    type: 'select_one role',
    name: 'role',
    'label::English (en)': 'Role',
    'label::French (fr)': 'Rôle',
  },
  {
    type: 'select_one scale',
    name: 'trust_now',
    'label::English (en)': 'Trust now',
    'label::French (fr)': 'Confiance',
    appearance: 'likert',
  },
  {
    type: 'select_one scale',
    name: 'trust_goal',
    'label::English (en)': 'Trust needed',
    'label::French (fr)': 'Confiance visée',
    appearance: 'likert',
  },
  {
    type: 'range',
    name: 'records_now',
    'label::English (en)': 'Record keeping',
    'label::French (fr)': 'Tenue des registres',
    parameters: 'start=0 end=4',
  },
  {
    type: 'range',
    name: 'records_goal',
    'label::English (en)': 'Record keeping needed',
    'label::French (fr)': 'Registres visés',
    parameters: 'start=0 end=4',
  },
  { type: 'select_one scale', name: 'plain_choice', 'label::English (en)': 'Plain' },
  { type: 'text', name: 'comment', 'label::English (en)': 'Comment' },
  { type: 'begin repeat', name: 'loan', 'label::English (en)': 'Loan' },
  { type: 'integer', name: 'loan_rate', 'label::English (en)': 'Rate' },
  { type: 'end repeat' },
])

const CHOICES = sheet([
  ...SCALE,
  {
    list_name: 'role',
    name: 'member',
    'label::English (en)': 'Member',
    'label::French (fr)': 'Membre',
  },
  {
    list_name: 'role',
    name: 'officer',
    'label::English (en)': 'Officer',
    'label::French (fr)': 'Responsable',
  },
])

const GAPKIT = sheet([
  {
    type: 'dimension',
    id: 'trust',
    'label::English (en)': 'Trust in the cooperative',
    'label::French (fr)': 'Confiance dans la coopérative',
    kind: 'current-target',
    current: 'trust_now',
    target: '${trust_goal}',
  },
  {
    id: 'records',
    'label::English (en)': 'Record keeping',
    kind: 'importance-performance',
    current: 'records_now',
    target: 'records_goal',
  },
  { type: 'suppress_below', value: 3 },
  { type: 'group_by', value: 'role' },
  { type: 'one_per_link', value: 'no' },
])

describe('the gapkit sheet', () => {
  it('becomes the gapkit block, labels in every language', async () => {
    const result = await convert({ survey: SURVEY, choices: CHOICES, gapkit: GAPKIT })
    const json = expectUsable(result)
    const { import: _note, ...block } = json.gapkit as Record<string, unknown>
    expect(block).toEqual({
      dimensions: [
        {
          id: 'trust',
          label: { default: 'Trust in the cooperative', fr: 'Confiance dans la coopérative' },
          kind: 'current-target',
          current: 'trust_now',
          target: 'trust_goal',
        },
        {
          id: 'records',
          label: 'Record keeping',
          kind: 'importance-performance',
          current: 'records_now',
          target: 'records_goal',
        },
      ],
      suppressBelow: 3,
      groupBy: ['role'],
      onePerLink: false,
    })
    expect(result.summary.dimensions).toBe(2)
  })

  it('reports each fault on its row', async () => {
    const result = await convert({
      survey: SURVEY,
      choices: CHOICES,
      gapkit: sheet([
        { type: 'dimension', id: 'a', current: 'nobody', target: 'trust_goal' },
        { id: 'b', current: 'plain_choice', target: 'comment' },
        { id: 'c', current: 'loan_rate', target: 'trust_goal' },
        { id: 'trust', kind: 'gap', current: 'trust_now', target: 'trust_goal' },
        { id: 'trust', current: 'trust_now', target: 'trust_goal' },
        { id: 'trust', current: 'trust_now', target: 'trust_goal' },
        { current: 'trust_now', target: 'trust_goal' },
        { type: 'suppress_below', value: 'few' },
        { type: 'group_by', value: 'comment' },
        { type: 'analysis', value: 'poll' },
        { type: 'colour', value: 'blue' },
        { id: 'd', current: 'trust_now', target: 'trust_goal', weight: 2 },
      ]),
    })
    expect(result.usable).toBe(false)
    expect(lines(result.problems)).toEqual([
      'error gapkit 2 current: "nobody" names no question of the survey sheet',
      'error gapkit 3 current: "plain_choice" is not a number question: a dimension reads integer, decimal, range, or select_one with number choice names and the likert appearance',
      'error gapkit 3 target: "comment" is not a number question: a dimension reads integer, decimal, range, or select_one with number choice names and the likert appearance',
      'error gapkit 4 current: "loan_rate" is inside the repeat "loan": a dimension reads one answer per respondent',
      'error gapkit 5 kind: kind must be current-target or importance-performance',
      'error gapkit 7 id: the dimension "trust" is declared twice',
      'error gapkit 8 id: a dimension needs an id',
      'error gapkit 9 value: "gapkit.suppressBelow" must be a positive integer',
      'error gapkit 10 value: gapkit.groupBy: "comment" is a text question; only single-choice questions (radiogroup, dropdown, buttongroup, boolean) can group respondents',
      'error gapkit 11 value: "gapkit.analysis" kind must be vote, codesign, indicators (got "poll")',
      'error gapkit 12 type: unknown row type "colour" (dimension, suppress_below, analysis, analysis_role, group_by, one_per_link)',
      'warning gapkit 13 weight: this column is not converted: ignored',
    ])
  })
})

describe('an XLSForm with a gapkit sheet, analysed', () => {
  const dir = tempDir('gapkit-xlsform-')
  let db = ''
  afterAll(async () => {
    if (db) await dropTestDatabase(db)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('yields an analysis document with its dimensions and gaps', async () => {
    const surveys = path.join(dir, 'surveys')
    fs.mkdirSync(surveys)
    const workbook = path.join(dir, 'gaps.xlsx')
    fs.writeFileSync(
      workbook,
      await writeWorkbook({ survey: SURVEY, choices: CHOICES, gapkit: GAPKIT }),
    )
    db = await testDatabaseTarget(dir, 'gapkit.db')
    const converted = await runCli(['xlsform', workbook, '--out', path.join(surveys, 'gaps.json')])
    expect(converted.code, converted.stderr).toBe(0)

    // Four respondents per region: trust 2 → 4 in Ségou, 3 → 4 in Sikasso; records 1 → 3.
    const responses = ['ML-SEG', 'ML-SIK'].flatMap((region, r) =>
      [0, 1, 2, 3].map((i) => ({
        region,
        wave: '2026',
        language: 'fr',
        answers: {
          role: i % 2 === 0 ? 'member' : 'officer',
          trust_now: String(2 + r),
          trust_goal: '4',
          records_now: 1,
          records_goal: 3,
        },
      })),
    )
    const file = path.join(dir, 'responses.json')
    fs.writeFileSync(
      file,
      JSON.stringify({
        survey: 'gaps',
        regions: [
          { id: 'ML-SEG', name: 'Ségou' },
          { id: 'ML-SIK', name: 'Sikasso' },
        ],
        responses,
      }),
    )
    const imported = await runCli(['import', 'gaps', file, '--db', db, '--surveys', surveys])
    expect(imported.code, imported.stderr).toBe(0)
    const run = await runCli(['analyze', 'gaps', '--json', '--db', db, '--surveys', surveys])
    expect(run.code, run.stderr).toBe(0)
    const doc = JSON.parse(run.stdout) as AnalysisDocument
    expect(doc.n).toBe(8)
    expect(doc.dimensions.map((d) => [d.id, d.label, d.kind])).toEqual([
      ['trust', 'Trust in the cooperative', 'current-target'],
      ['records', 'Record keeping', 'importance-performance'],
    ])
    const [trust, records] = doc.dimensions
    expect(trust?.overall).toMatchObject({ n: 8, gap: 1.5 })
    expect(trust?.groups['ML-SEG']).toMatchObject({ n: 4, gap: 2 })
    expect(trust?.groups['ML-SIK']).toMatchObject({ n: 4, gap: 1 })
    expect(records?.overall).toMatchObject({ n: 8, gap: 2 })
    const french = await runCli([
      'analyze',
      'gaps',
      '--json',
      '--lang',
      'fr',
      '--db',
      db,
      '--surveys',
      surveys,
    ])
    expect((JSON.parse(french.stdout) as AnalysisDocument).dimensions[0]?.label).toBe(
      'Confiance dans la coopérative',
    )
  })
})
