/**
 * `npm run bench`: every scenario in turn, each in its own process so one's memory does not
 * weigh on the next. Each scenario prints a table and rewrites its section of bench/README.md.
 * Options: `--only name,name` to pick scenarios; extra flags go to every scenario.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const SCENARIOS = ['ingest', 'analysis-scale', 'report', 'page-weight', 'export']

const args = process.argv.slice(2)
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : null
const passOn = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args

let failed = 0
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
  console.log(
    `=== ${name}: ${run.status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  if (run.status !== 0) failed++
}
process.exitCode = failed > 0 ? 1 : 0
