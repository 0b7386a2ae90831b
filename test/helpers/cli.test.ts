import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli.ts'
import { tempDir } from './test-app.ts'

// runCli patches process-wide state; a leak would change every later test in the same worker.
describe('runCli', () => {
  it('runs with the given variables, captures both streams, and restores everything', async () => {
    const dir = tempDir()
    const missing = path.join(dir, 'no-such-folder')
    process.env.GAPKIT_TEST_KEPT = 'before'
    const before = {
      env: { ...process.env },
      log: console.log,
      error: console.error,
      stdout: process.stdout.write,
      stderr: process.stderr.write,
      tty: Object.getOwnPropertyDescriptor(process.stdout, 'isTTY'),
      exitCode: process.exitCode,
      sourceMaps: process.sourceMapsEnabled,
    }
    const run = await runCli(['analyze', 'example'], {
      env: { GAPKIT_SURVEYS: missing, GAPKIT_TEST_KEPT: undefined, GAPKIT_TEST_NEW: 'x' },
    })
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `gapkit analyze: broken questionnaire ${missing}: questionnaire folder not found\n`,
    })
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: gapkit <command>[\s\S]*\n$/)
    expect(help.stderr).toBe('')
    expect({
      env: { ...process.env },
      log: console.log,
      error: console.error,
      stdout: process.stdout.write,
      stderr: process.stderr.write,
      tty: Object.getOwnPropertyDescriptor(process.stdout, 'isTTY'),
      exitCode: process.exitCode,
      sourceMaps: process.sourceMapsEnabled,
    }).toEqual(before)
    delete process.env.GAPKIT_TEST_KEPT
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a second run while one is going', async () => {
    const first = runCli(['--help'])
    await expect(runCli(['--help'])).rejects.toThrow('one run at a time')
    expect((await first).code).toBe(0)
  })
})
