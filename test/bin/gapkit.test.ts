import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBin } from '../helpers/cli.ts'

// The few things only a real `bin/gapkit.js` process shows: its own start-up (tsx, the modules
// it loads first, which it skips for --help) and the exit code a shell sees. Everything else
// about the commands runs in process through runCli.
describe('bin/gapkit.js', () => {
  it('prints help with exit 0, also with no command, and exits 2 with one line on bad usage', async () => {
    const [help, commandHelp, none, unknown, badFlag] = await Promise.all([
      runBin(['--help']),
      runBin(['export', '--help']),
      runBin([]),
      runBin(['nope']),
      runBin(['analyze', 'microfinance-gap', '--nope']),
    ])
    expect(help.code, help.stderr).toBe(0)
    expect(help.stdout).toMatch(/^Usage: gapkit <command>/)
    expect(help.stdout).toContain('  export ')
    expect(help.stdout).toContain('--version')
    expect(commandHelp.code, commandHelp.stderr).toBe(0)
    expect(commandHelp.stdout).toMatch(/^Usage: gapkit export/)
    expect(none.code, none.stderr).toBe(0)
    expect(none.stdout).toBe(help.stdout)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('gapkit: unknown command "nope" (try gapkit --help)\n')
    expect(badFlag.code).toBe(2)
    expect(badFlag.stderr).toMatch(/^gapkit analyze: [^\n]*'--nope'[^\n]*\n$/)
  }, 60_000)

  it('prints its version from package.json with --version and -V, exit 0', async () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    )
    const runs = await Promise.all([runBin(['--version']), runBin(['-V'])])
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toBe(`gapkit ${pkg.version}\n`)
      expect(run.stderr).toBe('')
    }
  }, 60_000)
})
