/**
 * Durability of acknowledged submissions with the default synchronous=FULL: a real
 * `gapkit serve` under concurrent submissions is killed with SIGKILL, twice, on the same
 * database; every response acknowledged with a 2xx is stored after each restart.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { generateDemoResponses } from '../../demo/index.ts'
import SQLite from '../../server/db/sqlite/driver.ts'
import { loadSurveyRegistry } from '../../surveys/registry.ts'
import { runCli } from '../helpers/cli.ts'
import { DEFINITIONS, tempDir } from '../helpers/test-app.ts'

const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'gapkit.js')
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

type Server = ChildProcessByStdio<null, null, Readable>

/** `gapkit serve` on a free port, limits off (one address, one link, hundreds of writes). */
async function startServer(db: string): Promise<{ server: Server; port: number }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('GAPKIT_') && k !== 'PORT'),
  )
  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], {
    env: { ...env, GAPKIT_RATE_LIMITS: 'off', GAPKIT_LOG: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let seen = ''
    server.stderr.on('data', (d) => {
      seen += d
      const match = /\(port (\d+)\)/.exec(seen)
      if (match) resolve(Number(match[1]))
    })
    server.on('close', () => reject(new Error(`serve stopped: ${seen}`)))
  })
  return { server, port }
}

describe('kill -9 under load', () => {
  it('loses no acknowledged submission (synchronous=FULL, two kills)', async () => {
    const dir = tempDir('gapkit-kill-')
    dirs.push(dir)
    const db = path.join(dir, 'gapkit.db')
    const made = await runCli([
      'partner',
      'add',
      '--db',
      db,
      '--region',
      'FR-93',
      '--region-name',
      'Seine-Saint-Denis',
      '--name',
      'load',
    ])
    expect(made.code, made.stderr).toBe(0)
    const token = made.stdout.trim()
    const registry = loadSurveyRegistry(DEFINITIONS)
    const answers = generateDemoResponses(registry.list(), { responses: 200, seed: 9 })
      .filter((d) => d.survey === 'microfinance-gap' && !d.draft)
      .map((d) => JSON.stringify(d.answers))
    expect(answers.length).toBeGreaterThan(10)

    const acked = new Set<string>()
    let sent = 0
    for (let round = 0; round < 2; round++) {
      const { server, port } = await startServer(db)
      const closed = new Promise((resolve) => server.on('close', resolve))
      let stop = false
      const worker = async () => {
        while (!stop) {
          const i = sent++
          try {
            const res = await fetch(
              `http://127.0.0.1:${port}/api/surveys/microfinance-gap/responses`,
              {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: `{"answers":${answers[i % answers.length]},"submissionKey":"k-${i}"}`,
              },
            )
            const body = (await res.json()) as { id?: string }
            if (res.ok && body.id) acked.add(body.id)
          } catch {
            // The connection died with the server: not acknowledged.
          }
        }
      }
      const workers = Array.from({ length: 16 }, worker)
      const before = acked.size
      // Killed mid-stream, once a good number of submissions were acknowledged.
      while (acked.size < before + 100) await new Promise((resolve) => setTimeout(resolve, 10))
      server.kill('SIGKILL')
      await closed
      stop = true
      await Promise.all(workers)
      const sqlite = new SQLite(db)
      const stored = new Set(
        (sqlite.prepare('select id from responses').all() as { id: string }[]).map((r) => r.id),
      )
      const integrity = sqlite.pragma('integrity_check', { simple: true })
      sqlite.close()
      expect(integrity).toBe('ok')
      const lost = [...acked].filter((id) => !stored.has(id))
      expect(lost, `round ${round}: ${acked.size} acknowledged`).toEqual([])
    }
    expect(acked.size).toBeGreaterThanOrEqual(200)
  }, 120_000)
})
