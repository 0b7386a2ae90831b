import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisDocument, DimensionCell, SuppressedCell } from '../../../analysis/types.ts'
import { runCli } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

// `gapkit analyze` and `report` on the demo (waves 2024 and 2025) plus the first response of
// wave 2026, imported as a lead partner would.

const dir = tempDir('gapkit-analyze-')
let db = ''

async function cli(args: string[]) {
  return runCli([...args, '--db', db])
}

async function json(args: string[]): Promise<AnalysisDocument> {
  const run = await cli(['analyze', 'microfinance-gap', '--json', ...args])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as AnalysisDocument
}

beforeAll(async () => {
  db = await testDatabaseTarget(dir, 'demo.db')
  const demo = await cli(['demo', '--responses', '300', '--seed', '1'])
  expect(demo.code, demo.stderr).toBe(0)
  const exported = path.join(dir, 'export.json')
  const out = await cli(['export', 'microfinance-gap', '--format', 'json', '--out', exported])
  expect(out.code, out.stderr).toBe(0)
  const document = JSON.parse(readFileSync(exported, 'utf8'))
  const first = document.responses.find((r: { status: string }) => r.status === 'submitted')
  const { answers, language } = first
  const next = { ...document, responses: [{ region: 'FR-93', wave: '2026', language, answers }] }
  writeFileSync(path.join(dir, 'wave-2026.json'), JSON.stringify(next))
  const imported = await cli(['import', 'microfinance-gap', path.join(dir, 'wave-2026.json')])
  expect(imported.code, imported.stderr).toBe(0)
}, 120_000)

afterAll(async () => {
  await dropTestDatabase(db)
  rmSync(dir, { recursive: true, force: true })
})

describe('gapkit analyze', () => {
  it('reads the latest wave with enough respondents and compares 2024 → 2025', async () => {
    const run = await cli(['analyze', 'microfinance-gap'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^\d+ respondents by region, wave 2025; /m)
    expect(run.stdout).toContain(
      '\nWaves compared: 2024 → 2025 (the two latest with enough respondents; not compared yet: 2026: 1).\n',
    )
    const all = await cli(['analyze', 'microfinance-gap', '--wave', 'all'])
    expect(all.stdout).toMatch(/^\d+ respondents by region, all waves; /m)
    const none = await cli(['analyze', 'microfinance-gap', '--waves', '2025,2026'])
    expect(none.stdout).toMatch(
      /\nNo comparison between waves yet: it needs two waves with at least 5 respondents who answered both sides of a dimension \(2025: \d+, 2026: 1\)\.\n/,
    )
  })

  it('prints "hidden", not "n<5", for a cell hidden by complementary suppression', async () => {
    const run = await cli(['analyze', 'microfinance-gap', '--wave', '2024'])
    const doc = await json(['--wave', '2024'])
    const cells = doc.dimensions.flatMap((d) => [d.overall, ...Object.values(d.groups)])
    const reason = (c: DimensionCell | SuppressedCell) =>
      'suppressed' in c ? (c.reason ?? 'small') : 'shown'
    const complementary = cells.filter((c) => reason(c) === 'complementary').length
    const small = cells.filter((c) => reason(c) === 'small').length
    expect(complementary).toBeGreaterThan(0)
    const table = run.stdout.split('\n\n').find((block) => block.startsWith('Gaps ')) ?? ''
    expect(table.match(/ hidden/g)?.length).toBe(complementary)
    expect(table.match(/ n<5/g)?.length).toBe(small)
  })

  it('says how many more tests have p < 0.05 than it lists', async () => {
    const run = await cli(['analyze', 'microfinance-gap', '--wave', 'all'])
    const doc = await json(['--wave', 'all'])
    const notable = doc.questions.filter((q) => q.test?.pHolm != null && q.test.pHolm < 0.05)
    expect(notable.length).toBeGreaterThan(15)
    expect(run.stdout).toContain(`; ${notable.length} with Holm-adjusted p < 0.05:\n`)
    expect(run.stdout).toContain(
      `\n  … and ${notable.length - 15} more (--json lists every test)\n`,
    )
    const listed = run.stdout.split('\n').filter((l) => / p=.* \(Holm /.test(l))
    expect(listed).toHaveLength(15)
  })

  it('refuses a malformed or unknown wave in one line, exit code 2', async () => {
    const cases: [string[], string][] = [
      [['--waves', '2024'], '--waves takes two waves separated by a comma, e.g. 2024,2025'],
      [['--waves', '2024,2024'], '--waves must name two different waves (got 2024 twice)'],
      [['--wave', ' '], '--wave must name a wave, or "all" for every wave'],
      [['--wave', '2027'], 'wave "2027" has no counted responses; waves with counted responses:'],
    ]
    for (const [args, message] of cases) {
      const run = await cli(['analyze', 'microfinance-gap', ...args])
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(`gapkit analyze: ${message}`)
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })

  it('documents --wave and --waves in --help', async () => {
    for (const command of ['analyze', 'report']) {
      const run = await runCli([command, '--help'])
      expect(run.stdout).toContain('--wave W          the wave of the figures, or "all"')
      expect(run.stdout).toContain('--waves A,B       the two waves the wave comparison compares')
    }
  })
})

describe('gapkit report --lang fr', () => {
  it('prints the median reference year as a year, never 2023,5', async () => {
    const out = path.join(dir, 'report-fr')
    const run = await cli([
      'report',
      'microfinance-gap',
      '--out',
      out,
      '--lang',
      'fr',
      '--format',
      'md',
      '--wave',
      'all',
    ])
    expect(run.code, run.stderr).toBe(0)
    const md = readFileSync(path.join(out, 'report.md'), 'utf8')
    const row = md.split('\n').find((line) => line.startsWith('| Année de référence des chiffres'))
    expect(row).toMatch(/^\| Année de référence des chiffres \| 202[3-5] \(\d+\) \|/)
    expect(row).not.toMatch(/\d,\d/)
    expect(md).toContain('· toutes les vagues')
  }, 120_000)
})
