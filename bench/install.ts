/**
 * Install time and size: a clean clone of a commit, then `npm ci` (everything, as a developer or
 * CI installs) and `npm ci --omit=dev` (what a server needs), each timed, with the size of
 * node_modules and its package count. With `--before REV` the same for an older commit, in the
 * same run, alternating, because the npm registry and this machine's load vary.
 *
 *   npx tsx bench/install.ts [--rev HEAD] [--before REV]
 *
 * Not in `npm run bench`'s default list (8–20 minutes of npm); run it on its own.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { appendSection, machine } from './report-file.ts'

const { values } = parseArgs({
  options: { rev: { type: 'string', default: 'HEAD' }, before: { type: 'string' } },
})
const repo = path.resolve(import.meta.dirname, '..')
const revs: [string, string][] = []
if (values.before) revs.push(['before', values.before])
revs.push(['this commit', values.rev])

interface Install {
  seconds: number
  megabytes: number
  packages: number
}

function sh(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

function install(dir: string, extra: string[]): Install {
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true })
  const started = performance.now()
  const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund', ...extra], {
    cwd: dir,
    encoding: 'utf8',
  })
  if (run.status !== 0)
    throw new Error(`npm ci ${extra.join(' ')} failed in ${dir}:\n${run.stderr.slice(-2000)}`)
  const seconds = (performance.now() - started) / 1000
  const kilobytes = Number(sh('du', ['-sk', 'node_modules'], dir).split('\t')[0])
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'))
  const installed = Object.keys(lock.packages).filter(
    (key) => key && fs.existsSync(path.join(dir, key, 'package.json')),
  )
  return { seconds, megabytes: kilobytes / 1024, packages: installed.length }
}

const rows: string[] = []
const loads: number[] = []
for (const [name, rev] of revs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-install-'))
  sh('git', ['clone', '--quiet', repo, dir], os.tmpdir())
  sh('git', ['checkout', '--quiet', rev], dir)
  const label = `${name} (\`${sh('git', ['log', '-1', '--format=%h'], dir).trim()}\`)`
  for (const [kind, extra] of [
    ['`npm ci`', []],
    ['`npm ci --omit=dev`', ['--omit=dev']],
  ] as const) {
    loads.push(os.loadavg()[0] ?? 0)
    const result = install(dir, [...extra])
    console.log(
      `${name} ${kind}: ${result.seconds.toFixed(0)} s, ${result.megabytes.toFixed(0)} MB`,
    )
    rows.push(
      `| ${label} | ${kind} | ${result.seconds.toFixed(0)} | ${result.megabytes.toFixed(0)} | ${result.packages} |`,
    )
  }
  fs.rmSync(dir, { recursive: true, force: true })
}

const body = [
  `Command: \`npx tsx bench/install.ts${values.before ? ` --before ${values.before}` : ''}\` (${machine()}); a clean clone each, npm's cache warm (as on a machine that installed once before); load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} at the starts.`,
  '',
  '| commit | install | seconds | node_modules MB | packages |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n')
console.log(body)
appendSection('Install', body)
