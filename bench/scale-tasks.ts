/**
 * The child processes of `bench/analysis-scale.ts`, one measurement each:
 * `node --import tsx bench/scale-tasks.ts <task> <db file> <size>` prints one JSON line.
 * Tasks: generate, analysis, floor-parse, floor-raw, duckdb-export, duckdb. The floors and the
 * DuckDB export read SQLite directly (benchmark only; the application reads through its
 * repositories).
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from '../server/db/sqlite/driver.ts'

// The application's modules are imported by the tasks that use them, so that a floor's peak
// RSS is the floor's own and not that of survey-core and danfo.

/** What a child reports. */
export interface ChildResult {
  seconds?: number
  cpuSeconds?: number
  maxRssMb?: number
  fileMb?: number
  querySeconds?: number
  tallySeconds?: number
  n?: number
  /** RSS just before the measured call (modules loaded, questionnaires read). */
  startRssMb?: number
}

const SURVEY = 'microfinance-gap'
async function registry() {
  const { loadSurveyRegistry } = await import('../surveys/registry.ts')
  return loadSurveyRegistry(path.join(import.meta.dirname, '..', 'surveys', 'definitions'))
}

function clock() {
  const wall = performance.now()
  const cpu = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(cpu)
    return {
      seconds: (performance.now() - wall) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
    }
  }
}

const peakMb = () => process.resourceUsage().maxRSS / 1024

async function generate(file: string, size: number): Promise<ChildResult> {
  const { fillScaleDatabase } = await import('./scale-data.ts')
  const done = await fillScaleDatabase(file, await registry(), size, 1)
  return { seconds: done.seconds, fileMb: fs.statSync(file).size / 2 ** 20, maxRssMb: peakMb() }
}

async function analysis(file: string): Promise<ChildResult> {
  const { buildAnalysis } = await import('../server/services/analysis.ts')
  const { createDb } = await import('../server/db/create-db.ts')
  const surveys = await registry()
  const db = await createDb(file)
  const startRssMb = process.memoryUsage().rss / 2 ** 20
  const stop = clock()
  const document = await buildAnalysis(db.kysely, surveys, SURVEY, {})
  const time = stop()
  await db.close()
  return { ...time, n: document.n, maxRssMb: peakMb(), startRssMb }
}

function floor(file: string, parse: boolean): ChildResult {
  const db = new SQLite(file, { readonly: true })
  const stop = clock()
  let n = 0
  // What each answer yields is summed, so the work cannot be optimised away.
  let seen = 0
  const answers = db.prepare('select answers from responses where survey = ?').pluck()
  for (const text of answers.iterate(SURVEY)) {
    if (typeof text !== 'string') continue
    n++
    seen += parse ? Object.keys(JSON.parse(text)).length : text.length
  }
  const time = stop()
  db.close()
  return { ...time, n: seen > 0 ? n : 0, maxRssMb: peakMb() }
}

/** The counted responses' numeric answers as CSV (region, then one column per numeric item). */
async function exportCsv(file: string, csv: string): Promise<{ columns: string[]; rows: number }> {
  const { prepareAnalysis } = await import('../analysis/analyze-survey.ts')
  const { CodeReader } = await import('../analysis/tally/code-reader.ts')
  const survey = (await registry()).get(SURVEY)
  if (!survey) throw new Error(`no ${SURVEY}`)
  const { layout, setup } = prepareAnalysis(survey, {})
  const reader = new CodeReader(layout, setup.slots)
  const numeric = layout.items.flatMap((item, j) => (item.kind === 'numeric' ? [{ item, j }] : []))
  const columns = numeric.map((_, c) => `c${c}`)
  const db = new SQLite(file, { readonly: true })
  const out = fs.openSync(csv, 'w')
  let lines: string[] = [['region', ...columns].join(',')]
  let rows = 0
  const select = db.prepare(
    `select region_id, codes from analysis_rows where survey = ? and layout = ?
       and status = 'submitted' and review_status != 'rejected'`,
  )
  for (const row of select.iterate(SURVEY, layout.id) as Iterable<{
    region_id: string
    codes: string
  }>) {
    reader.read(row.codes, null, 0)
    const values = numeric.map(({ item, j }) => {
      const at = reader.index[j] ?? -1
      const v = item.scale ? (at >= 0 ? item.scale[at] : undefined) : reader.value[j]
      return v === undefined || Number.isNaN(v) ? '' : String(v)
    })
    lines.push(`${row.region_id},${values.join(',')}`)
    rows++
    if (lines.length >= 10_000) {
      fs.writeSync(out, `${lines.join('\n')}\n`)
      lines = []
    }
  }
  fs.writeSync(out, `${lines.join('\n')}\n`)
  fs.closeSync(out)
  db.close()
  return { columns, rows }
}

/** Flattens the counted responses to `<file>.csv` for DuckDB (not timed). */
async function duckdbExport(file: string): Promise<ChildResult> {
  const { rows } = await exportCsv(file, `${file}.csv`)
  return { n: rows, maxRssMb: peakMb() }
}

async function duckdb(file: string): Promise<ChildResult> {
  const csv = `${file}.csv`
  const fd = fs.openSync(csv, 'r')
  const start = Buffer.alloc(65_536)
  const read = fs.readSync(fd, start, 0, start.length, 0)
  fs.closeSync(fd)
  const header = start.subarray(0, read).toString('utf8').split('\n')[0] ?? ''
  const columns = header.split(',').slice(1)
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' })
  const conn = await instance.connect()
  await conn.run(`create table answers as select * from read_csv('${csv}', header = true)`)
  fs.rmSync(csv, { force: true })
  const means = `select region, ${columns.map((c) => `count(${c}), avg(${c})`).join(', ')}
    from answers group by region order by region`
  const tally = `select region, item, value, count(*) as n
    from (unpivot answers on ${columns.join(', ')} into name item value value)
    group by all order by all`
  const best = async (sql: string) => {
    let min = Number.POSITIVE_INFINITY
    for (let i = 0; i < 3; i++) {
      const stop = clock()
      await conn.runAndReadAll(sql)
      min = Math.min(min, stop().seconds)
    }
    return min
  }
  const querySeconds = await best(means)
  const tallySeconds = await best(tally)
  return { querySeconds, tallySeconds, maxRssMb: peakMb() }
}

const [task, file, size] = process.argv.slice(2)
if (task && file) {
  const tasks: Record<string, () => Promise<ChildResult> | ChildResult> = {
    generate: () => generate(file, Number(size)),
    analysis: () => analysis(file),
    'floor-parse': () => floor(file, true),
    'floor-raw': () => floor(file, false),
    'duckdb-export': () => duckdbExport(file),
    duckdb: () => duckdb(file),
  }
  const run = tasks[task]
  if (!run) throw new Error(`unknown task ${task}`)
  console.log(JSON.stringify(await run()))
}
