/**
 * `npm run bench`: every scenario in turn, each in its own process so one's memory does not
 * weigh on the next. Each scenario prints a table and rewrites its section of bench/README.md.
 * Options: `--only name,name` to pick scenarios; extra flags go to every scenario.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { appendSection, machine } from './report-file.ts'

const SCENARIOS = [
  'ingest',
  // Skips itself (exit 0, README untouched) when PostgreSQL is not reachable: see its header.
  'postgres',
  'analysis-scale',
  'report',
  'page-weight',
  'form-offline',
  'export',
  'admin-review',
]

const args = process.argv.slice(2)
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : null
const passOn = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args

let failed = 0
const times: [string, number][] = []
const begun = Date.now()
for (const name of SCENARIOS) {
  if (only && !only.includes(name)) continue
  const file = path.join(import.meta.dirname, `${name}.ts`)
  if (!fs.existsSync(file)) {
    console.error(`bench: ${name}: no bench/${name}.ts`)
    failed++
    continue
  }
  console.log(`\n=== ${name} ===`)
  const started = Date.now()
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...passOn], {
    stdio: 'inherit',
  })
  const seconds = (Date.now() - started) / 1000
  console.log(`=== ${name}: ${run.status === 0 ? 'done' : 'FAILED'} in ${seconds.toFixed(1)} s`)
  times.push([name, seconds])
  if (run.status !== 0) failed++
}
const total = (Date.now() - begun) / 1000
console.log(`\n=== all: ${(total / 60).toFixed(1)} min`)
// The whole-run record only for a complete, successful run of every scenario.
if (!only && failed === 0) {
  const extra = passOn.length > 0 ? ` -- ${passOn.join(' ')}` : ''
  appendSection(
    'Whole run',
    [
      `Command: \`npm run bench${extra}\` (${machine()}): every scenario in turn, each in its own process, **${(total / 60).toFixed(1)} min** in all (the 1M-response analysis included).`,
      '',
      '| scenario | seconds |',
      '| --- | --- |',
      ...times.map(([name, s]) => `| ${name} | ${s.toFixed(0)} |`),
    ].join('\n'),
  )
}
process.exitCode = failed > 0 ? 1 : 0
