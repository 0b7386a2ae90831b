/**
 * Form page weight: bytes transferred (compressed) for a first load of /s/microfinance-gap and
 * for a second load with a warm cache, as a browser with brotli support would fetch them.
 * Run: npx tsx bench/page-weight.ts
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../server/app.ts'
import { createDb } from '../server/db/create-db.ts'
import { loadAssets } from '../server/http/static-assets.ts'
import { createPartnerLink } from '../server/services/partner-links.ts'
import { loadSurveyRegistry } from '../surveys/registry.ts'
import { appendSection, machine } from './report-file.ts'

const SURVEY = process.argv[2] ?? 'microfinance-gap'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-bench-'))
const db = await createDb(path.join(dir, 'bench.db'))
const registry = loadSurveyRegistry('surveys/definitions')
const partner = await createPartnerLink(
  db.kysely,
  { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'bench' },
  'cli',
  '2026-01-01T00:00:00.000Z',
)
// The compressed copies are made at start-up in the background: weigh them once all are made.
const staticAssets = loadAssets()
await Promise.all([...staticAssets.values()].map((a) => a.compressed.ready))
const app = createApp({ db: db.kysely, registry, defaultWave: '2026', assets: staticAssets })
const headers = { 'Accept-Encoding': 'br, gzip', 'Accept-Language': 'fr-FR,fr;q=0.9' }

interface Fetched {
  url: string
  status: number
  bytes: number
  encoding: string
  cache: string
}

async function get(url: string, extra: Record<string, string> = {}): Promise<Fetched> {
  const res = await app.request(url, { headers: { ...headers, ...extra } })
  const body = new Uint8Array(await res.arrayBuffer())
  // Hono's compress() streams; the body read here is what goes over the wire.
  return {
    url,
    status: res.status,
    bytes: body.byteLength,
    encoding: res.headers.get('content-encoding') ?? 'identity',
    cache: res.headers.get('cache-control') ?? '',
  }
}

const page = await get(`/s/${SURVEY}?t=${partner.token}`)
const html = await (
  await app.request(`/s/${SURVEY}?t=${partner.token}`, { headers: { 'Accept-Language': 'fr' } })
).text()
// The assets, and the questionnaire version the page preloads (an immutable URL of its own).
const assetUrls = [
  ...html.matchAll(/(?:src|href)="(\/assets\/[^"]+|\/s\/[^"]+\/definition\/[^"]+)"/g),
].map((m) => m[1] ?? '')
const assets = await Promise.all(assetUrls.map((u) => get(u)))
const first = [page, ...assets]
const firstBytes = first.reduce((s, f) => s + f.bytes, 0)
// A second load: the page again (no-store), assets from the browser cache (immutable, so no
// revalidation request at all).
const revalidated = assets.filter((a) => !/immutable/.test(a.cache))
const second = [await get(`/s/${SURVEY}?t=${partner.token}`)]
const secondBytes = second.reduce((s, f) => s + f.bytes, 0)

const rows = first.map(
  (f) =>
    `| ${f.url.replace(/\?t=.*/, '?t=…')} | ${f.status} | ${f.encoding} | ${(f.bytes / 1024).toFixed(1)} | ${f.cache} |`,
)
const table = [
  '| request | status | encoding | KiB | cache-control |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n')
const summary = [
  `First load: ${first.length} requests, **${(firstBytes / 1024).toFixed(1)} KiB** transferred (target ≤ 400 KB).`,
  `Second load: ${second.length} request (the page itself, ${(secondBytes / 1024).toFixed(1)} KiB); ${revalidated.length} asset(s) revalidated — versioned assets are \`immutable\`.`,
].join('\n')
console.log(table)
console.log(summary)
appendSection(
  'Form page weight',
  `Command: \`npx tsx bench/page-weight.ts\` (${machine()})\n\n${summary}\n\n${table}`,
)
await db.close()
fs.rmSync(dir, { recursive: true, force: true })
