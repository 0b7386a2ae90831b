/**
 * Export scenario: seeds N microfinance-gap responses (default 100k) into a fresh SQLite file,
 * then exports CSV, JSON and XLSX, each in its own process so its peak memory is its own.
 * Run: npx tsx bench/export.ts [--responses 100000]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { appendSection, machine } from './report-file.ts'

const at = process.argv.indexOf('--responses')
const n = at >= 0 ? Number(process.argv[at + 1]) : 100_000
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-export-bench-'))
const db = path.join(dir, 'bench.db')
const script = path.join(import.meta.dirname, 'export-responses.ts')

function run(args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`export-responses ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout.trim()
}

console.log(run(['seed', db, String(n)]))
const rows: string[] = []
for (const format of ['csv', 'json', 'xlsx']) {
  const line =
    run(['export', db, format, path.join(dir, `out.${format}`)])
      .split('\n')
      .pop() ?? '{}'
  const r = JSON.parse(line) as Record<string, number | string>
  console.log(r)
  rows.push(
    `| ${format} | ${r.responses} | ${r.seconds} | ${r.outputMB} | ${r.rssBeforeMB} | ${r.peakRssMB} |`,
  )
}
const table = [
  '| format | responses | seconds | file MB | RSS before export MB | peak RSS MB |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
].join('\n')
appendSection(
  'Export',
  `Command: \`npx tsx bench/export.ts --responses ${n}\` (${machine()}). Streaming in pages of 1,000 rows by (created_at, id); the process holds the loaded questionnaires (~200 MB) before the export starts, so the growth is peak minus "before".\n\n${table}`,
)
fs.rmSync(dir, { recursive: true, force: true })
