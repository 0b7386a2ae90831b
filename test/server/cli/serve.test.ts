import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBin } from '../../helpers/cli.ts'
import { FIXTURES, tempDir } from '../../helpers/test-app.ts'

let dir = ''
let child: ReturnType<typeof startBin> | undefined
afterEach(() => {
  // A failed test leaves no server behind.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('gapkit serve', () => {
  // A real process: listening, and stopping on a signal, are what this command is for.
  it('listens, answers, and stops cleanly on SIGTERM with exit 0', async () => {
    dir = tempDir()
    const db = path.join(dir, 'serve.db')
    const surveys = path.join(FIXTURES, 'surveys')
    const server = startBin(['serve', '--port', '0', '--db', db, '--surveys', surveys])
    child = server
    let stderr = ''
    const exited = new Promise<number | null>((resolve) => server.once('close', resolve))
    const port = await new Promise<number>((resolve, reject) => {
      server.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d
        const serving = /serving 1 questionnaire\(s\) on \S+ \(port (\d+)\)/.exec(stderr)
        if (serving) resolve(Number(serving[1]))
      })
      server.once('close', () =>
        reject(new Error(`gapkit serve ended before listening: ${stderr}`)),
      )
    })
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(health.status).toBe(200)
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toContain('gapkit: SIGTERM, finishing in-flight requests…')
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('gapkit: stopped')
  }, 60_000)
})
