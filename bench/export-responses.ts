/**
 * Export benchmark: 100k demo-like responses to microfinance-gap, exported as CSV, JSON and
 * XLSX, each in a fresh process so peak memory is per format.
 *
 *   npx tsx bench/export-responses.ts seed /tmp/bench.db 100000
 *   npx tsx bench/export-responses.ts export /tmp/bench.db csv /tmp/out.csv
 */
import fs from 'node:fs'
import { PassThrough } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { DEMO_REGIONS, generateDemoResponses } from '../demo/index.ts'
import { createDb } from '../server/db/create-db.ts'
import { upsertRegion } from '../server/db/repositories/regions.ts'
import { ensureSurveyVersion } from '../server/db/repositories/survey-versions.ts'
import { EXPORT_FORMATS, prepareExport, writeExport } from '../server/exports/export-responses.ts'
import { type LoadedSurvey, loadSurveyRegistry } from '../surveys/registry.ts'

const [mode, file = '/tmp/bench.db', arg = '', out = '/tmp/bench.out'] = process.argv.slice(2)
const registry = loadSurveyRegistry('surveys/definitions')
const found = registry.get('microfinance-gap')
if (!found) throw new Error('microfinance-gap is missing')
const survey: LoadedSurvey = found
const db = await createDb(file)

async function seed(n: number) {
  const now = '2025-01-01T00:00:00.000Z'
  for (const r of DEMO_REGIONS) await upsertRegion(db.kysely, r, now)
  await ensureSurveyVersion(
    db.kysely,
    { survey: survey.id, version: survey.version, definition: survey.definition },
    now,
  )
  // 1000 validated-shape demo answers, repeated: the export cost does not depend on variety.
  const demo = generateDemoResponses([survey], { responses: 1000, seed: 7 })
  for (let i = 0; i < n; i += 500) {
    const batch = []
    for (let j = i; j < Math.min(n, i + 500); j++) {
      const d = demo[j % demo.length]
      if (!d) continue
      const at = new Date(Date.UTC(2025, 0, 1) + j * 1000).toISOString()
      batch.push({
        id: `r-${String(j).padStart(7, '0')}`,
        survey: survey.id,
        version: survey.version,
        region_id: d.region,
        wave: d.wave,
        language: d.language,
        status: d.draft ? ('draft' as const) : ('submitted' as const),
        answers: JSON.stringify(d.answers),
        group_name: d.group ?? null,
        token_id: null,
        created_at: at,
        updated_at: at,
        submitted_at: d.draft ? null : at,
        submission_key: `k-${j}`,
      })
    }
    await db.kysely.insertInto('responses').values(batch).execute()
  }
  console.log(`seeded ${n} responses, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`)
}

async function exportOnce(format: string) {
  const f = EXPORT_FORMATS.find((x) => x === format)
  if (!f) throw new Error(`format must be one of ${EXPORT_FORMATS.join(', ')}`)
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 50)
  const start = performance.now()
  const prepared = await prepareExport(db.kysely, registry, {
    survey: survey.id,
    format: f,
    status: 'all',
  })
  const base = process.memoryUsage.rss()
  const stream = new PassThrough()
  const [n] = await Promise.all([
    writeExport(db.kysely, prepared, stream),
    pipeline(stream, fs.createWriteStream(out)),
  ])
  clearInterval(timer)
  console.log(
    JSON.stringify({
      format: f,
      responses: n,
      columns: prepared.plan.columns.length + 13,
      seconds: Number(((performance.now() - start) / 1000).toFixed(1)),
      outputMB: Number((fs.statSync(out).size / 1e6).toFixed(1)),
      rssBeforeMB: Math.round(base / 1e6),
      peakRssMB: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1e6),
    }),
  )
}

if (mode === 'seed') await seed(Number(arg) || 100_000)
else await exportOnce(arg)
await db.close()
