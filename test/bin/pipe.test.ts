import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { tempDir } from '../helpers/test-app.ts'

const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'gapkit.js')

/**
 * `gapkit <args> | head -c 100` through a real shell pipe. The shell prints the exit code
 * gapkit's process ended with on stderr, after gapkit's own stderr.
 */
function pipeIntoHead(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const script = '{ "$0" "$@"; echo "exit $?" >&2; } | head -c 100'
  const child = spawn('sh', ['-c', script, process.execPath, BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', () => resolve({ stdout, stderr }))
  })
}

// Each output is several times a pipe's 64 KiB buffer, so gapkit is still writing when head
// has read its 100 bytes and gone.
describe('gapkit piped into head', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    dir = tempDir('gapkit-pipe-')
    db = path.join(dir, 'gapkit.db')
    const demo = await runCli(['demo', '--db', db])
    expect(demo.code, demo.stderr).toBe(0)
  }, 60_000)
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('analyze --json | head ends quietly with exit 0 (no EPIPE, no stack)', async () => {
    const { stdout, stderr } = await pipeIntoHead([
      'analyze',
      'microfinance-gap',
      '--json',
      '--db',
      db,
    ])
    expect(stdout).toHaveLength(100)
    expect(stdout).toMatch(/^\{\n {2}"survey": "microfinance-gap"/)
    expect(stderr).toBe('exit 0\n')
  }, 60_000)

  it('export (csv, streamed) | head ends quietly with exit 0', async () => {
    const { stdout, stderr } = await pipeIntoHead([
      'export',
      'microfinance-gap',
      '--format',
      'csv',
      '--db',
      db,
    ])
    expect(stdout).toMatch(/^\uFEFFid,survey,version,/)
    expect(stderr).toBe('exit 0\n')
  }, 60_000)
})
