/**
 * PostgreSQL beside SQLite, in the same run: (i) HTTP ingest of real `gapkit serve` processes —
 * one on a SQLite file, one on PostgreSQL, two on one PostgreSQL schema with the clients split
 * between them — with the same number of concurrent clients and the same duration, in turn
 * (the order rotated each round); (ii) the analysis of the same data on both: `gapkit demo`
 * into a SQLite file, `gapkit copy` of it into PostgreSQL, then the analysis service timed in
 * this process (the first call encodes the responses, later ones read them encoded) and the
 * `gapkit analyze --json` command end to end, alternating. Where the time goes: CPU of the serve
 * processes and of PostgreSQL per acknowledged response, and the round trips one submission
 * makes (the app in this process, `pg` queries counted).
 *
 * Every server keeps its durability settings: SQLite synchronous=FULL, PostgreSQL
 * synchronous_commit as the server has it (on by default). Each PostgreSQL target is a schema
 * of its own (`gapkit_bench_…`, dropped at the end) in the database of `--postgres`, default
 * GAPKIT_BENCH_POSTGRES_URL or postgres://gapkit:gapkit@localhost:5432/gapkit_test.
 *
 * Run: npx tsx bench/postgres.ts [--duration 10] [--connections 50] [--rounds 3]
 *      [--responses 6500] [--postgres URL]
 */
import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { generateDemoResponses } from '../demo/index.ts'
import { createApp } from '../server/app.ts'
import { NO_LIMITS } from '../server/config.ts'
import { createDb } from '../server/db/create-db.ts'
import SQLite from '../server/db/sqlite/driver.ts'
import { buildAnalysis } from '../server/services/analysis.ts'
import { createPartnerLink } from '../server/services/partner-links.ts'
import { isRecord } from '../surveys/json.ts'
import { loadSurveyRegistry } from '../surveys/registry.ts'
import { autocannon } from './autocannon.ts'
import { appendSection, machine } from './report-file.ts'

const SURVEY = 'microfinance-gap'
const ROUTE = `/api/surveys/${SURVEY}/responses`
const BIN = path.join(import.meta.dirname, '..', 'bin', 'gapkit.js')
const SCHEMA_PREFIX = 'gapkit_bench_'

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    responses: { type: 'string', default: '6500' },
    postgres: {
      type: 'string',
      default:
        process.env.GAPKIT_BENCH_POSTGRES_URL ||
        'postgres://gapkit:gapkit@localhost:5432/gapkit_test',
    },
  },
  strict: false,
})

const POSTGRES = String(args.postgres)

/** The URL without its password, for the record. */
function shown(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  u.search = ''
  return u.toString()
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A new schema and a URL whose connections work in it. */
async function createSchema(): Promise<{ schema: string; url: string }> {
  const schema = `${SCHEMA_PREFIX}${randomBytes(5).toString('hex')}`
  await admin((c) => c.query(`create schema ${schema}`))
  const url = new URL(POSTGRES)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return { schema, url: url.toString() }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

type Kind = 'sqlite' | 'pg1' | 'pg2'
const LABELS: Record<Kind, string> = {
  sqlite: 'SQLite, one instance',
  pg1: 'PostgreSQL, one instance',
  pg2: 'PostgreSQL, two instances',
}

interface Instance {
  child: ChildProcessByStdio<null, null, Readable>
  port: number
}

/** A database under test: its target, a partner token, its serve processes. */
interface Setup {
  kind: Kind
  target: string
  token: string
  instances: Instance[]
  acked: Set<string>
}

/** `gapkit serve --db target` on a free port, limits and request log off. */
async function startServe(target: string): Promise<Instance> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('GAPKIT_') && k !== 'PORT' && k !== 'DATABASE_URL',
    ),
  )
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', target], {
    env: { ...env, GAPKIT_RATE_LIMITS: 'off', GAPKIT_LOG: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let seen = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      seen += d
      const match = /\(port (\d+)\)/.exec(seen)
      if (match) resolve(Number(match[1]))
    })
    child.on('close', () => reject(new Error(`serve stopped: ${seen}`)))
  })
  return { child, port }
}

async function prepare(kind: Kind, target: string): Promise<Setup> {
  const db = await createDb(target)
  const region = { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'bench' }
  const token = (await createPartnerLink(db.kysely, region, 'cli', new Date().toISOString())).token
  await db.close()
  const count = kind === 'pg2' ? 2 : 1
  const instances = await Promise.all(Array.from({ length: count }, () => startServe(target)))
  return { kind, target, token, instances, acked: new Set() }
}

/** Ids stored in a database. */
async function storedIds(target: string): Promise<Set<string>> {
  if (target.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: target })
    await client.connect()
    const { rows } = await client.query<{ id: string }>('select id from responses')
    await client.end()
    return new Set(rows.map((r) => r.id))
  }
  const db = new SQLite(target, { readonly: true })
  const rows: unknown[] = db.prepare('select id from responses').all()
  db.close()
  return new Set(rows.map((r) => (isRecord(r) ? String(r.id) : '')))
}

interface Load {
  /** Acknowledged (2xx) responses per second, all instances together. */
  rate: number
  /** CPU ms per acknowledged response: the serve processes, PostgreSQL's processes. */
  gapkitCpu: number
  postgresCpu: number
  p50: number
  p99: number
  ok: number
  failed: number
}

/**
 * What one submission asks of PostgreSQL, counted in this process (the app on a pool, each
 * `query` call of `pg` one round trip): one at a time, then 50 at a time (group commit).
 */
async function profileStatements(url: string) {
  const db = await createDb(url)
  const region = { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'profile' }
  const token = (await createPartnerLink(db.kysely, region, 'cli', new Date().toISOString())).token
  const registry = loadSurveyRegistry('surveys/definitions')
  const app = createApp({ db: db.kysely, registry, defaultWave: '2026', limits: NO_LIMITS })
  const demo = generateDemoResponses(registry.list(), { responses: 300, seed: 5 }).filter(
    (d) => d.survey === SURVEY && !d.draft,
  )
  let n = 0
  const post = async () => {
    const answers = JSON.stringify(demo[n % demo.length]?.answers)
    const res = await app.request(ROUTE, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"answers":${answers},"submissionKey":"profile-${n++}"}`,
    })
    if (res.status !== 201) throw new Error(`profile: ${res.status} ${await res.text()}`)
  }
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }
  const original = proto.query
  let statements = 0
  let begins = 0
  proto.query = function (this: unknown, ...a: unknown[]) {
    statements++
    const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string } | undefined)?.text
    if (text && /^\s*begin/i.test(text)) begins++
    return original.apply(this, a)
  }
  try {
    for (let i = 0; i < 5; i++) await post() // the version record, the first registry look
    statements = 0
    begins = 0
    const single = 100
    for (let i = 0; i < single; i++) await post()
    const alone = { statements: statements / single, transactions: begins / single }
    statements = 0
    begins = 0
    for (let wave = 0; wave < 4; wave++) await Promise.all(Array.from({ length: 50 }, post))
    const together = { statements: statements / 200, perTransaction: 200 / Math.max(begins, 1) }
    return { alone, together }
  } finally {
    proto.query = original
    await db.close()
  }
}

/** CPU time (ms) of a process so far, from /proc (user + system); 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}

/** CPU time (ms) of every PostgreSQL process of this machine, by pid. */
function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue
    } catch {
      continue
    }
    out.set(Number(entry), cpuMs(Number(entry)))
  }
  return out
}

/** CPU (ms) the PostgreSQL processes used between two looks (those that ended not counted). */
function postgresCpuSince(before: Map<number, number>): number {
  let sum = 0
  for (const [pid, ms] of postgresCpu()) sum += ms - (before.get(pid) ?? 0)
  return sum
}

async function ingest(
  setups: Setup[],
  o: { duration: number; connections: number; rounds: number },
) {
  const registry = loadSurveyRegistry('surveys/definitions')
  const survey = registry.get(SURVEY)
  if (!survey) throw new Error(`no ${SURVEY}`)
  const demo = generateDemoResponses(registry.list(), { responses: 600, seed: 42 }).filter(
    (d) => d.survey === SURVEY && !d.draft,
  )
  const bodies = demo.map((d) => {
    const language = survey.locales.includes(d.language) ? d.language : 'en'
    return `{"answers":${JSON.stringify(d.answers)},"language":"${language}","submissionKey":"`
  })
  let sent = 0
  const prefix = randomUUID().slice(0, 8)
  /** The clients split evenly over the setup's instances, all for the same time. */
  const load = async (s: Setup, seconds: number): Promise<Load> => {
    const share = Math.floor(o.connections / s.instances.length)
    const gapkitBefore = s.instances.map((i) => cpuMs(i.child.pid ?? 0))
    const postgresBefore = postgresCpu()
    const results = await Promise.all(
      s.instances.map((instance, i) =>
        autocannon({
          url: `http://127.0.0.1:${instance.port}`,
          // The first instance takes the remainder of an odd split.
          connections: i === 0 ? o.connections - share * (s.instances.length - 1) : share,
          duration: seconds,
          requests: [
            {
              method: 'POST',
              path: ROUTE,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
              setupRequest: (req) => {
                req.body = `${bodies[sent % bodies.length]}${prefix}-${sent++}"}`
                return req
              },
              onResponse: (status, body) => {
                if (status < 200 || status > 299) return
                const parsed: unknown = JSON.parse(body)
                if (isRecord(parsed) && typeof parsed.id === 'string') s.acked.add(parsed.id)
              },
            },
          ],
        }),
      ),
    )
    const ok = results.reduce((sum, r) => sum + r['2xx'], 0)
    const gapkitCpu = s.instances.reduce(
      (sum, i, n) => sum + cpuMs(i.child.pid ?? 0) - (gapkitBefore[n] ?? 0),
      0,
    )
    return {
      rate: ok / seconds,
      gapkitCpu: gapkitCpu / Math.max(ok, 1),
      postgresCpu: postgresCpuSince(postgresBefore) / Math.max(ok, 1),
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      ok,
      failed: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    }
  }

  for (const s of setups) await load(s, 2) // warm-up; its responses are checked too
  const runs: { round: number; kind: Kind; load: Load }[] = []
  for (let round = 1; round <= o.rounds; round++) {
    // Rotated each round, so that no setup always follows the same one.
    const order = setups.map((_, i) => setups[(i + round - 1) % setups.length] as Setup)
    for (const s of order) {
      const result = await load(s, o.duration)
      runs.push({ round, kind: s.kind, load: result })
      console.log(
        `${s.kind} #${round}: ${result.rate.toFixed(0)} acknowledged/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
      )
    }
  }
  const storage = await Promise.all(
    setups.map(async (s) => {
      const stored = await storedIds(s.target)
      const missing = [...s.acked].filter((id) => !stored.has(id)).length
      return { kind: s.kind, acked: s.acked.size, missing, stored: stored.size }
    }),
  )
  return { runs, storage }
}

/** `gapkit <args>` in its own process; its wall time in ms. */
function cli(cliArgs: string[]): { ms: number; stdout: string } {
  const started = performance.now()
  const run = spawnSync(process.execPath, [BIN, ...cliArgs], {
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  })
  const ms = performance.now() - started
  if (run.status !== 0) throw new Error(`gapkit ${cliArgs[0]} failed: ${run.stderr}`)
  return { ms, stdout: run.stdout }
}

async function analysis(responses: number, dir: string, pgUrl: string) {
  const file = path.join(dir, 'analysis.db')
  cli(['demo', '--responses', String(responses), '--seed', '3', '--db', file])
  cli(['copy', '--from', file, '--to', pgUrl])
  const registry = loadSurveyRegistry('surveys/definitions')
  // The analysis code loads at its first use: one analysis of a copy first, not timed.
  const spare = path.join(dir, 'spare.db')
  cli(['copy', '--from', file, '--to', spare])
  const warmUp = await createDb(spare)
  await buildAnalysis(warmUp.kysely, registry, SURVEY, {})
  await warmUp.close()
  const dbs = { sqlite: await createDb(file), postgres: await createDb(pgUrl) }
  const count = async (d: typeof dbs.sqlite) =>
    Number(
      (
        await d.kysely
          .selectFrom('responses')
          .select((e) => e.fn.countAll().as('n'))
          .where('survey', '=', SURVEY)
          .executeTakeFirstOrThrow()
      ).n,
    )
  const rows = { sqlite: await count(dbs.sqlite), postgres: await count(dbs.postgres) }
  const time = async (d: typeof dbs.sqlite) => {
    const started = performance.now()
    const doc = await buildAnalysis(d.kysely, registry, SURVEY, {})
    return { ms: performance.now() - started, doc }
  }
  // The first call encodes every response (the analysis queue); later calls read them encoded.
  const first = { sqlite: await time(dbs.sqlite), postgres: await time(dbs.postgres) }
  const same = JSON.stringify(first.sqlite.doc) === JSON.stringify(first.postgres.doc)
  const warm: Record<'sqlite' | 'postgres', number[]> = { sqlite: [], postgres: [] }
  for (let i = 0; i < 7; i++) {
    warm.sqlite.push((await time(dbs.sqlite)).ms)
    warm.postgres.push((await time(dbs.postgres)).ms)
  }
  await dbs.sqlite.close()
  await dbs.postgres.close()
  const command: Record<'sqlite' | 'postgres', number[]> = { sqlite: [], postgres: [] }
  for (let i = 0; i < 3; i++) {
    command.sqlite.push(cli(['analyze', SURVEY, '--json', '--db', file]).ms)
    command.postgres.push(cli(['analyze', SURVEY, '--json', '--db', pgUrl]).ms)
  }
  return {
    rows,
    same,
    first: { sqlite: first.sqlite.ms, postgres: first.postgres.ms },
    warm: { sqlite: median(warm.sqlite), postgres: median(warm.postgres) },
    command: { sqlite: median(command.sqlite), postgres: median(command.postgres) },
  }
}

async function main(): Promise<void> {
  const duration = Number(args.duration)
  const connections = Number(args.connections)
  const rounds = Number(args.rounds)
  const responses = Number(args.responses)
  try {
    await admin((c) => c.query('select 1'))
  } catch (error) {
    console.log(
      `bench/postgres: skipped, PostgreSQL not reachable at ${shown(POSTGRES)} (${(error as Error).message}); pass --postgres URL`,
    )
    return
  }
  const settings = await admin(async (c) => {
    const read = async (name: string) =>
      (await c.query<{ v: string }>(`select current_setting('${name}') as v`)).rows[0]?.v
    return {
      version: await read('server_version'),
      synchronousCommit: await read('synchronous_commit'),
      fsync: await read('fsync'),
      sharedBuffers: await read('shared_buffers'),
    }
  })
  const loadStart = os.loadavg()[0] ?? 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-bench-pg-'))
  const schemas: string[] = []
  const setups: Setup[] = []
  try {
    const pg1 = await createSchema()
    const pg2 = await createSchema()
    const forAnalysis = await createSchema()
    const forProfile = await createSchema()
    schemas.push(pg1.schema, pg2.schema, forAnalysis.schema, forProfile.schema)
    const profile = await profileStatements(forProfile.url)
    console.log(`profile: ${JSON.stringify(profile)}`)
    setups.push(await prepare('sqlite', path.join(dir, 'ingest.db')))
    setups.push(await prepare('pg1', pg1.url))
    setups.push(await prepare('pg2', pg2.url))
    const { runs, storage } = await ingest(setups, { duration, connections, rounds })
    for (const s of setups) for (const i of s.instances) i.child.kill('SIGTERM')
    const loadAfterIngest = os.loadavg()[0] ?? 0
    console.log('analysis: loading the demo into SQLite, copying it to PostgreSQL…')
    const a = await analysis(responses, dir, forAnalysis.url)
    const loadEnd = os.loadavg()[0] ?? 0
    const text = describe(runs, storage, a, profile, {
      duration,
      connections,
      rounds,
      responses,
      settings,
      load: [loadStart, loadAfterIngest, loadEnd],
    })
    console.log(`\n${text}`)
    appendSection('PostgreSQL beside SQLite', text)
    if (storage.some((s) => s.missing > 0)) process.exitCode = 1
  } finally {
    for (const s of setups) for (const i of s.instances) i.child.kill('SIGTERM')
    fs.rmSync(dir, { recursive: true, force: true })
    await admin(async (c) => {
      for (const schema of schemas) await c.query(`drop schema if exists ${schema} cascade`)
    })
  }
}

function describe(
  runs: { round: number; kind: Kind; load: Load }[],
  storage: { kind: Kind; acked: number; missing: number; stored: number }[],
  a: Awaited<ReturnType<typeof analysis>>,
  p: Awaited<ReturnType<typeof profileStatements>>,
  o: {
    duration: number
    connections: number
    rounds: number
    responses: number
    settings: Record<string, string | undefined>
    load: number[]
  },
): string {
  const kinds: Kind[] = ['sqlite', 'pg1', 'pg2']
  const of = (kind: Kind) => runs.filter((r) => r.kind === kind)
  const rate = (kind: Kind) => median(of(kind).map((r) => r.load.rate))
  const pct = (x: number, y: number) => (y > 0 ? `${((x / y) * 100).toFixed(0)}%` : '-')
  const perRound = (x: Kind, y: Kind) =>
    [...new Set(runs.map((r) => r.round))]
      .map((round) => {
        const pick = (k: Kind) => runs.find((r) => r.round === round && r.kind === k)?.load.rate
        return pct(pick(x) ?? 0, pick(y) ?? 0)
      })
      .join(', ')
  const cpu = (kind: Kind, pick: (l: Load) => number) =>
    median(of(kind).map((r) => pick(r.load))).toFixed(1)
  const rows = runs.map(
    (r) =>
      `| ${r.round} | ${LABELS[r.kind]} | ${r.load.rate.toFixed(0)} | ${r.load.p50} | ${r.load.p99} | ${r.load.ok} | ${r.load.failed} | ${r.load.gapkitCpu.toFixed(1)} | ${r.kind === 'sqlite' ? '-' : r.load.postgresCpu.toFixed(1)} |`,
  )
  const summary = kinds.map(
    (k) =>
      `| ${LABELS[k]} | ${rate(k).toFixed(0)} | ${median(of(k).map((r) => r.load.p50))} | ${median(of(k).map((r) => r.load.p99))} | ${pct(rate(k), rate('sqlite'))} | ${cpu(k, (l) => l.gapkitCpu)} | ${k === 'sqlite' ? '-' : cpu(k, (l) => l.postgresCpu)} |`,
  )
  const checks = storage.map(
    (s) =>
      `${s.kind}: ${s.acked} acknowledged, ${s.acked - s.missing} of them stored (${s.stored} rows)`,
  )
  const ms = (x: number) => x.toFixed(0)
  const command = `npx tsx bench/postgres.ts --duration ${o.duration} --connections ${o.connections} --rounds ${o.rounds} --responses ${o.responses}`
  const [l0, l1, l2] = o.load.map((x) => x.toFixed(1))
  const s = o.settings
  return [
    `Command: \`${command}\` (PostgreSQL at ${shown(POSTGRES)})`,
    `Machine: ${machine()}; shared, load average ${l0} at the start, ${l1} after the ingest runs, ${l2} at the end — compare within this run only.`,
    `PostgreSQL ${s.version} on the same machine, synchronous_commit=${s.synchronousCommit}, fsync=${s.fsync}, shared_buffers ${s.sharedBuffers}; Gapkit's pool of 10 connections per instance (the default); SQLite synchronous=FULL (the default).`,
    '',
    `Ingest: \`POST ${ROUTE}\` of real \`gapkit serve\` processes (rate limits off), microfinance-gap demo answers with a new submissionKey each, autocannon in this process, ${o.connections} connections in all (split evenly over two instances), ${o.duration} s per run, the setups in turn, the order rotated each round. Rate = acknowledged (2xx) responses per second, all instances together; latency p50/p99 of the slower instance.`,
    '',
    '| round | setup | acknowledged/s | p50 ms | p99 ms | 2xx | non-2xx + errors | gapkit CPU ms/response | PostgreSQL CPU ms/response |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '| medians | acknowledged/s | p50 ms | p99 ms | of SQLite | gapkit CPU ms/response | PostgreSQL CPU ms/response |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...summary,
    '',
    `Issue 14's acceptance (two PostgreSQL instances take at least the rate of one SQLite instance): ${rate('pg2') >= rate('sqlite') ? '**met**' : '**not met**'} in this run (${rate('pg2').toFixed(0)} against ${rate('sqlite').toFixed(0)} acknowledged/s, medians).`,
    '',
    `Two PostgreSQL instances against one SQLite instance, round by round: ${perRound('pg2', 'sqlite')}; one PostgreSQL instance against SQLite: ${perRound('pg1', 'sqlite')}. CPU per response: user + system time of the serve processes, and of every PostgreSQL process of the machine (other databases' work included), during the run, over its acknowledged responses.`,
    '',
    `Round trips (\`pg\` queries) per submission, the app in this process on PostgreSQL: one at a time ${p.alone.statements.toFixed(1)} (${p.alone.transactions.toFixed(2)} transactions each); 50 at a time ${p.together.statements.toFixed(1)}, ${p.together.perTransaction.toFixed(1)} responses per group-commit transaction.`,
    '',
    `Storage check (warm-up included): ${checks.join('; ')}. Rows beyond the acknowledged ones are the requests in flight when a run's time was up (autocannon drops their answers: at most one per connection per run).`,
    '',
    `Analysis: \`gapkit demo --responses ${o.responses} --seed 3\` into SQLite (${a.rows.sqlite} microfinance-gap responses), \`gapkit copy\` of it into PostgreSQL (${a.rows.postgres}); the same document from both: ${a.same ? 'yes' : 'NO'}.`,
    '',
    '| analysis of microfinance-gap | SQLite ms | PostgreSQL ms | PostgreSQL / SQLite |',
    '| --- | --- | --- | --- |',
    `| first call (encodes every response) | ${ms(a.first.sqlite)} | ${ms(a.first.postgres)} | ${(a.first.postgres / a.first.sqlite).toFixed(2)} |`,
    `| later calls, median of 7 (alternating) | ${ms(a.warm.sqlite)} | ${ms(a.warm.postgres)} | ${(a.warm.postgres / a.warm.sqlite).toFixed(2)} |`,
    `| \`gapkit analyze ${SURVEY} --json\`, its own process, median of 3 | ${ms(a.command.sqlite)} | ${ms(a.command.postgres)} | ${(a.command.postgres / a.command.sqlite).toFixed(2)} |`,
  ].join('\n')
}

await main()
