import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

const dir = tempDir()
let db = ''
beforeAll(async () => {
  db = await testDatabaseTarget(dir, 'targets.db')
  const demo = await runCli(['demo', '--responses', '40', '--db', db])
  expect(demo.code, demo.stderr).toBe(0)
}, 120_000)
afterAll(async () => {
  await dropTestDatabase(db)
  fs.rmSync(dir, { recursive: true, force: true })
})

const cli = (...args: string[]) => runCli(['target', ...args, '--db', db])

describe('gapkit target', () => {
  it('explains itself with --help', async () => {
    const help = await runCli(['target', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('gapkit target set <survey> --region ID --expected N [--wave W]')
    expect(help.stdout).toContain('gapkit target list [<survey>] [--json]')
    const top = await runCli(['--help'])
    expect(top.stdout).toMatch(/^ {2}target +target set/m)
  })

  it('sets, lists against the responses counted, replaces and removes targets', async () => {
    const set = await cli(
      'set',
      'microfinance-gap',
      '--region',
      'FR-93',
      '--wave',
      '2025',
      '--expected',
      '30',
    )
    expect(set.code, set.stderr).toBe(0)
    expect(set.stdout).toBe(
      'microfinance-gap · Seine-Saint-Denis (FR-93) · wave 2025: 30 responses expected\n',
    )
    expect(
      (await cli('set', 'good-practice', '--region', 'ML-KK', '--wave', '2025', '--expected', '4'))
        .code,
    ).toBe(0)
    expect(
      (
        await cli(
          'set',
          'microfinance-gap',
          '--region',
          'FR-93',
          '--wave',
          '2025',
          '--expected',
          '20',
        )
      ).code,
    ).toBe(0)

    const json = await cli('list', '--json')
    expect(json.code, json.stderr).toBe(0)
    const { targets } = JSON.parse(json.stdout) as {
      targets: { survey: string; region: string; wave: string; expected: number; counted: number }[]
    }
    expect(targets.map((t) => [t.survey, t.region, t.wave, t.expected])).toEqual([
      ['good-practice', 'ML-KK', '2025', 4],
      ['microfinance-gap', 'FR-93', '2025', 20],
    ])
    // Counted: the region's submitted responses of that wave that are not rejected.
    const fr = targets[1]
    expect(fr?.counted).toBeGreaterThan(0)

    const table = await cli('list', 'microfinance-gap')
    expect(table.stdout.split('\n')[0]).toMatch(/^survey +region +wave +counted +expected +%$/)
    expect(table.stdout).toContain(`microfinance-gap  FR-93   2025`)
    expect(table.stdout).toMatch(
      new RegExp(`${fr?.counted} +20 +${Math.round((100 * (fr?.counted ?? 0)) / 20)}%`),
    )
    expect(table.stdout).not.toContain('good-practice')

    const removed = await cli('remove', 'good-practice', '--region', 'ML-KK', '--wave', '2025')
    expect(removed.code, removed.stderr).toBe(0)
    expect((await cli('list', 'good-practice')).stdout).toBe('no targets for good-practice\n')
  })

  it('refuses bad input in one line with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['set', 'microfinance-gap', '--region', 'FR-93', '--expected', '0'],
        /--expected must be a whole number from 1 to 100000 \(got "0"\)/,
      ],
      [
        ['set', 'microfinance-gap', '--region', 'FR-93', '--expected', '2.5'],
        /--expected must be a whole number/,
      ],
      [['set', 'microfinance-gap', '--region', 'FR-93'], /--expected N is required/],
      [['set', 'microfinance-gap', '--expected', '3'], /--region ID is required/],
      [['set', 'nope', '--region', 'FR-93', '--expected', '3'], /no questionnaire "nope"/],
      [['set', 'microfinance-gap', '--region', 'XX', '--expected', '3'], /no region "XX"/],
      [
        ['remove', 'microfinance-gap', '--region', 'FR-93', '--wave', '1999'],
        /no target for microfinance-gap in FR-93, wave 1999/,
      ],
      [['list', 'nope'], /no questionnaire "nope"/],
      [['frobnicate'], /usage: gapkit target set\|list\|remove/],
      [['list', '--expected', '3'], /--expected belongs to "gapkit target set"/],
    ]
    for (const [args, message] of cases) {
      const run = await cli(...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr, args.join(' ')).toMatch(message)
    }
  })
})
