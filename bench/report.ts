/**
 * Report scenario: the full demo report of microfinance-gap (every chart as SVG and PNG, plus
 * HTML and Markdown), timed as a user runs it: `gapkit report` on a demo database.
 * Run: npx tsx bench/report.ts [--runs 2]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { appendSection, machine } from './report-file.ts'

const at = process.argv.indexOf('--runs')
const runs = at >= 0 ? Number(process.argv[at + 1]) : 2
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-report-bench-'))
const db = path.join(dir, 'demo.db')
const gapkit = (args: string[]) => {
  const started = performance.now()
  const r = spawnSync(process.execPath, ['bin/gapkit.js', ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`gapkit ${args[0]} failed: ${r.stderr}`)
  return (performance.now() - started) / 1000
}

gapkit(['demo', '--responses', '300', '--seed', '1', '--db', db])
// The command's own start (loading questionnaires, tsx) is part of what a user waits for, so
// it is reported too: `analyze --json` on the same data is the baseline without charts.
const times: number[] = []
const baseline: number[] = []
let charts = 0
for (let i = 0; i < runs; i++) {
  baseline.push(gapkit(['analyze', 'microfinance-gap', '--json', '--db', db]))
  const out = path.join(dir, `out-${i}`)
  times.push(gapkit(['report', 'microfinance-gap', '--out', out, '--db', db]))
  charts = fs.readdirSync(path.join(out, 'charts')).filter((f) => f.endsWith('.svg')).length
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const table = [
  '| run | report s | analyze --json s |',
  '| --- | --- | --- |',
  ...times.map((t, i) => `| ${i + 1} | ${t.toFixed(1)} | ${(baseline[i] ?? 0).toFixed(1)} |`),
].join('\n')
const summary = `Full demo report of microfinance-gap: **${charts} charts** (each .vl.json, .svg, .png) plus report.html and report.md in a median **${median(times).toFixed(1)} s** (target: under 5 s for 30 charts); \`analyze --json\` alone, same process start-up: ${median(baseline).toFixed(1)} s.`
console.log(table)
console.log(summary)
appendSection(
  'Report',
  `Command: \`npx tsx bench/report.ts --runs ${runs}\` (${machine()})\n\n${summary}\n\n${table}`,
)
fs.rmSync(dir, { recursive: true, force: true })
