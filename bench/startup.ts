/**
 * Start-up: how long `gapkit --help` takes, and how long `gapkit serve` takes from spawn to its
 * first 200 on /healthz (fresh database each time), for this checkout and, side by side in the
 * same run, for another checkout given with `--before DIR` (e.g. a `git worktree` of an older
 * commit with its own node_modules). Runs alternate between the two so load affects both alike.
 *
 *   npx tsx bench/startup.ts [--runs 7] [--before /tmp/gapkit-before]
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { appendSection, machine } from './report-file.ts'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, before: { type: 'string' } },
})
const runs = Number(values.runs)
const here = path.resolve(import.meta.dirname, '..')
const checkouts: [string, string][] = [['this checkout', here]]
if (values.before) checkouts.unshift(['before', path.resolve(values.before)])

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function helpSeconds(dir: string): number {
  const started = performance.now()
  const run = spawnSync(process.execPath, [path.join(dir, 'bin/gapkit.js'), '--help'])
  if (run.status !== 0 && run.status !== 2) throw new Error(`--help failed in ${dir}`)
  return (performance.now() - started) / 1000
}

/** Seconds from spawn to the first 200 from /healthz, on an empty database. */
async function healthzSeconds(dir: string): Promise<number> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-startup-'))
  const port = await freePort()
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [
      path.join(dir, 'bin/gapkit.js'),
      'serve',
      '--port',
      String(port),
      '--db',
      path.join(data, 'g.db'),
    ],
    { cwd: dir, stdio: 'ignore', env: { ...process.env, GAPKIT_LOG: 'off' } },
  )
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode} in ${dir}`)
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
      if (ok) return (performance.now() - started) / 1000
      if (performance.now() - started > 60_000) throw new Error(`no /healthz within 60 s in ${dir}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(data, { recursive: true, force: true })
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const at = (i: number) => s[i] ?? Number.NaN
  return s.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

const samples = new Map(
  checkouts.map(([name]) => [name, { help: [] as number[], healthz: [] as number[] }]),
)
const samplesOf = (name: string) => samples.get(name) ?? { help: [], healthz: [] }
const loads: number[] = []
for (let i = 0; i < runs; i++) {
  for (const [name, dir] of checkouts) {
    const s = samplesOf(name)
    s.help.push(helpSeconds(dir))
    s.healthz.push(await healthzSeconds(dir))
  }
  const load = os.loadavg()[0] ?? 0
  loads.push(load)
  console.log(`run ${i + 1}/${runs} (load ${load.toFixed(1)})`)
}

const rows = checkouts.map(([name]) => {
  const s = samplesOf(name)
  return { name, help: median(s.help), healthz: median(s.healthz) }
})
const table = [
  '| checkout | `--help` s (median) | `serve` to /healthz s (median) |',
  '| --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${r.help.toFixed(2)} | ${r.healthz.toFixed(2)} |`),
]
const [first, second] = rows
const ratio =
  first && second
    ? `\n\nThis checkout against before: \`--help\` ${(second.help / first.help).toFixed(2)}×, \`serve\` to /healthz ${(second.healthz / first.healthz).toFixed(2)}× the time.`
    : ''
const body = `Command: \`npx tsx bench/startup.ts --runs ${runs}${values.before ? ' --before DIR' : ''}\` (${machine()}); ${runs} alternating runs per checkout, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.${values.before ? ` Before: ${checkoutName(values.before)}.` : ''}\n\n${table.join('\n')}${ratio}`
console.log(body)
appendSection('Start-up', body)

function checkoutName(dir: string): string {
  const rev = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' })
  return rev.status === 0 ? `\`${rev.stdout.trim().slice(0, 80)}\`` : dir
}
