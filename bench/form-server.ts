/**
 * The server of bench/form-offline.ts, in its own process so its start is a cold one: a fresh
 * database, and a fresh asset cache folder (`--cache DIR`), so every compressed copy is made
 * after the start, while the first browser loads the form. It measures its own event loop
 * (perf_hooks.monitorEventLoopDelay, 10 ms resolution) from the moment it listens, and answers
 * `report` and `reset` messages from its parent.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { serve } from '@hono/node-server'
import { createApp } from '../server/app.ts'
import { NO_LIMITS } from '../server/config.ts'
import { createDb } from '../server/db/create-db.ts'
import { loadAssets } from '../server/http/static-assets.ts'
import { createPartnerLink } from '../server/services/partner-links.ts'
import { loadSurveyRegistry } from '../surveys/registry.ts'

const cacheAt = process.argv.indexOf('--cache')
const cacheDir = cacheAt >= 0 ? (process.argv[cacheAt + 1] ?? null) : null
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-bench-form-'))
const db = await createDb(path.join(dir, 'bench.db'))
const registry = loadSurveyRegistry('surveys/definitions')
const partner = await createPartnerLink(
  db.kysely,
  { region: 'ML-KOULIKORO', regionName: 'Koulikoro', name: 'bench' },
  'cli',
  '2026-01-01T00:00:00.000Z',
)
const histogram = monitorEventLoopDelay({ resolution: 10 })
// The event loop's own CPU time between ticks 10 ms apart (Linux schedstat of the main thread):
// on a shared machine the wall-clock delay above also counts waiting for a CPU.
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`
const threadNs = () => {
  try {
    return Number(fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[0])
  } catch {
    return null
  }
}
let busy: number[] = []
let lastNs = threadNs()
const ticker = setInterval(() => {
  const now = threadNs()
  if (now !== null && lastNs !== null) busy.push((now - lastNs) / 1e6)
  lastNs = now
}, 10)
const app = createApp({
  db: db.kysely,
  registry,
  defaultWave: '2026',
  assets: loadAssets({ cacheDir }),
  limits: NO_LIMITS,
})
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  histogram.enable()
  process.send?.({ type: 'listening', port: info.port, token: partner.token })
})

// Idle connections stay open as long as the benchmark: with the link's delay, a connection
// the server closed after its 5 s default could be reused by the browser before it learns so.
if ('keepAliveTimeout' in server) server.keepAliveTimeout = 120_000

const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10
const round = (x: number) => Math.round(x * 10) / 10
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
process.on('message', async (message) => {
  if (message === 'report') {
    const submitted = await db.kysely
      .selectFrom('responses')
      .select(['status'])
      .where('status', '=', 'submitted')
      .execute()
    process.send?.({
      type: 'report',
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      samples: histogram.count,
      cpuP99: round(quantile(busy, 0.99)),
      cpuMax: round(Math.max(0, ...busy)),
      submitted: submitted.length,
    })
  } else if (message === 'reset') {
    histogram.reset()
    busy = []
  } else if (message === 'stop') {
    histogram.disable()
    clearInterval(ticker)
    server.close()
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  }
})
