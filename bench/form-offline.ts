/**
 * The partner form on a slow phone link: microfinance-gap in French on a 390 px touch screen,
 * 400 kbit/s down and up, 300 ms round trip, in headless Chromium.
 * - first load right after a cold start of the server (fresh database and asset cache, so the
 *   compressed copies are still being made): time to first text (first contentful paint), to the
 *   title, and until the form is usable (SurveyJS rendered: `body[data-ready]`), bytes carried;
 * - repeat visit (the service worker installed), and opening with no connection at all;
 * - the same first load with Chrome's own emulation (CDP Network.emulateNetworkConditions), as a
 *   cross-check of the proxy (bench/form-throttle.ts, which also slows the worker's requests);
 * - the server's event-loop delay (perf_hooks.monitorEventLoopDelay, in its process) from its
 *   start through those first requests, and the slowest /healthz asked every 100 ms meanwhile.
 * Run: npx tsx bench/form-offline.ts [--runs 3]
 */
import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { loadAssets } from '../server/http/static-assets.ts'
import { throttleLink } from './form-throttle.ts'
import { appendSection, machine } from './report-file.ts'

const RTT = 300
const BYTES_PER_SECOND = 50_000 // 400 kbit/s
const SURVEY = 'microfinance-gap'
const runsAt = process.argv.indexOf('--runs')
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 3
/** Only the cold first load (for a release without the service worker, to compare). */
const FIRST_ONLY = process.argv.includes('--first-only')

interface Load {
  fcp: number
  title: number
  /** The first question can be answered: the page's own inputs, or SurveyJS. */
  answerable: number
  /** SurveyJS rendered: every page of the form can be reached. */
  ready: number
  kib: number
}
interface ServerReport {
  p50: number
  p99: number
  max: number
  samples: number
  /** The main thread's own CPU ms between 10 ms ticks (waiting for a CPU left out). */
  cpuP99: number
  cpuMax: number
}

/** Records, in the page, when the questionnaire title is first on screen and when SurveyJS is. */
const RECORDER = `(() => {
  const gk = (window.__gk = {})
  const look = () => {
    const body = document.body
    if (body && gk.title === undefined && /Analyse des écarts/.test(body.innerText || '')) gk.title = performance.now()
    if (gk.answerable === undefined && (document.querySelector('#gk-early input') || body?.dataset.ready === 'true')) gk.answerable = performance.now()
    if (body && gk.ready === undefined && body.dataset.ready === 'true') gk.ready = performance.now()
    if (gk.ready === undefined) requestAnimationFrame(look)
  }
  requestAnimationFrame(look)
})()`

async function startServer(
  cacheDir: string,
): Promise<{ child: ChildProcess; port: number; token: string }> {
  const child = fork(path.join(import.meta.dirname, 'form-server.ts'), ['--cache', cacheDir], {
    execArgv: ['--import', 'tsx'],
    // Its temporary folder too is fresh: a release that kept its copies there starts cold too.
    env: { ...process.env, TMPDIR: cacheDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; token: string }))
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)))
  })
  return { child, ...ready }
}

const ask = (child: ChildProcess, message: string) =>
  new Promise<ServerReport>((resolve) => {
    child.once('message', (m) => resolve(m as ServerReport))
    child.send(message)
  })

async function load(
  context: BrowserContext,
  url: string,
  setup?: (page: Page) => Promise<void>,
): Promise<Load> {
  const page = await context.newPage()
  await setup?.(page)
  let bytes = 0
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength
  })
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  await page.waitForFunction(
    () => (window as unknown as { __gk: { ready?: number } }).__gk.ready,
    null,
    {
      timeout: 120_000,
      polling: 100,
    },
  )
  const m = await page.evaluate(() => {
    const gk = (
      window as unknown as { __gk: { title?: number; answerable?: number; ready: number } }
    ).__gk
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
    return {
      fcp,
      title: gk.title ?? Number.NaN,
      answerable: gk.answerable ?? gk.ready,
      ready: gk.ready,
    }
  })
  await cdp.detach()
  return { ...m, kib: bytes / 1024 }
}

async function newContext(browser: Awaited<ReturnType<typeof chromium.launch>>) {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  await context.addInitScript(RECORDER)
  return context
}

async function oneRun(browser: Awaited<ReturnType<typeof chromium.launch>>) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-bench-cold-'))
  const { child, port, token } = await startServer(cacheDir)
  const link = await throttleLink(port, { rttMs: RTT, bytesPerSecond: BYTES_PER_SECOND })
  try {
    return await measure(browser, child, port, token, link.port)
  } finally {
    child.kill()
    await link.close()
    fs.rmSync(cacheDir, { recursive: true, force: true })
  }
}

async function measure(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  child: ChildProcess,
  port: number,
  token: string,
  linkPort: number,
) {
  const slowUrl = `http://127.0.0.1:${linkPort}/s/${SURVEY}?t=${token}`
  // The server's liveness while it starts: /healthz every 100 ms, straight to it.
  let health = 0
  let probing = true
  const probe = (async () => {
    while (probing) {
      const t0 = performance.now()
      await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.arrayBuffer())
      health = Math.max(health, performance.now() - t0)
      await new Promise((r) => setTimeout(r, 100))
    }
  })()
  const context = await newContext(browser)
  const first = await load(context, slowUrl)
  probing = false
  await probe
  const cold = await ask(child, 'report')
  if (FIRST_ONLY) {
    await context.close()
    return { first, cold, health, load: os.loadavg()[0]?.toFixed(1) ?? '?' }
  }
  // The worker keeps the link (page, version, languages) once the form is ready.
  const page = context.pages()[0]
  await page?.waitForSelector('#gk-offline:not([hidden])', { timeout: 120_000 })
  await page?.close()
  const repeat = await load(context, slowUrl)
  await context.setOffline(true)
  const offline = await load(context, slowUrl)
  await context.close()
  // Chrome's own emulation of the same link, straight to the (now warm) server, for comparison.
  const cdpContext = await newContext(browser)
  const cdpFirst = await load(
    cdpContext,
    `http://127.0.0.1:${port}/s/${SURVEY}?t=${token}`,
    async (p) => {
      const cdp = await cdpContext.newCDPSession(p)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: RTT,
        downloadThroughput: BYTES_PER_SECOND,
        uploadThroughput: BYTES_PER_SECOND,
      })
    },
  )
  await cdpContext.close()
  const after = await ask(child, 'report')
  const loadAverage = os.loadavg()[0]?.toFixed(1) ?? '?'
  return { first, repeat, offline, cdpFirst, cold, after, health, load: loadAverage }
}

/**
 * What bounds the whole form on this link: SurveyJS's own files, compressed at their best, at
 * the link's rate before any round trip; and what the server's own work was.
 */
async function floorNote(): Promise<string> {
  const assets = loadAssets()
  let bytes = 0
  for (const name of [
    'survey.core.min.js',
    'survey-js-ui.min.js',
    'survey-core.fontless.min.css',
  ]) {
    const asset = assets.get(name)
    if (!asset) continue
    await asset.compressed.ready
    bytes += (await asset.compressed.pick('br')).body.length
  }
  const cpuMax = Math.max(...runs.map((r) => r.cold.cpuMax))
  return [
    `SurveyJS's scripts and stylesheet are ${(bytes / 1024).toFixed(0)} KiB at their best compression: ${(bytes / BYTES_PER_SECOND).toFixed(1)} s at ${BYTES_PER_SECOND / 1000} KB/s before any round trip, so on this link the whole SurveyJS form cannot come within 6 s; the page's own first questions (answerable at once, handed over to SurveyJS when it arrives) are the form's answer to that target.`,
    `A cold start serves a quick brotli (quality 9) while the best copies are made, hence more KiB on the first row than on the warm one.`,
    `The server's own work (its main thread's CPU time) never exceeded ${cpuMax} ms in a 10 ms tick from its start; wall-clock delays and /healthz times above that are the process waiting for a CPU on this shared machine (load average in the table; the /healthz probe runs in the bench process, which also runs the throttling proxy).`,
  ].join(' ')
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
  ],
})
const runs: Awaited<ReturnType<typeof oneRun>>[] = []
for (let i = 0; i < RUNS; i++) {
  const run = await oneRun(browser)
  runs.push(run)
  console.log(`run ${i + 1}:`, JSON.stringify(run))
}
await browser.close()

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN
}
const sec = (ms: number) => (ms / 1000).toFixed(2)
const row = (
  name: string,
  pick: (r: (typeof runs)[number]) => Load | undefined,
  target: string,
) => {
  const loads = runs.flatMap((r) => pick(r) ?? [])
  if (loads.length === 0) return []
  const m = (f: (l: Load) => number) => sec(median(loads.map(f)))
  return [
    `| ${name} | ${m((l) => l.fcp)} | ${m((l) => l.title)} | ${m((l) => l.answerable)} | ${m((l) => l.ready)} | ${median(loads.map((l) => l.kib)).toFixed(0)} | ${target} |`,
  ]
}
const table = [
  '| load (median of runs) | first text s | title s | first question answerable s | whole form (SurveyJS) s | KiB received | target |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...row('first, cold server (proxy)', (r) => r.first, 'text < 1.5, usable < 6'),
  ...row(
    'first, warm server (CDP emulation)',
    (r) => ('cdpFirst' in r ? r.cdpFirst : undefined),
    'same',
  ),
  ...row('repeat visit (service worker)', (r) => ('repeat' in r ? r.repeat : undefined), '< 1.5'),
  ...row('no connection', (r) => ('offline' in r ? r.offline : undefined), '< 1'),
].join('\n')
const loop = [
  '| server, from its start to the first load done | delay p50 ms | delay p99 ms | delay max ms | own CPU per 10 ms tick, p99 / max ms | slowest /healthz ms | load average |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...runs.map(
    (r, i) =>
      `| run ${i + 1} | ${r.cold.p50} | ${r.cold.p99} | ${r.cold.max} | ${r.cold.cpuP99} / ${r.cold.cpuMax} | ${r.health.toFixed(0)} | ${r.load} |`,
  ),
].join('\n')
console.log(table)
console.log(loop)
// A comparison run of another release prints its figures only.
if (!FIRST_ONLY)
  appendSection(
    'Form on a slow link',
    [
      `Command: \`npx tsx bench/form-offline.ts --runs ${RUNS}\` (${machine()}). microfinance-gap in French, Chromium ${browser.version()} at 390 px with touch, 400 kbit/s each way and 300 ms round trip through a throttling proxy (bench/form-throttle.ts: one shared link, one round trip per new connection) that also carries the service worker's requests; the cross-check row uses Chrome's CDP emulation instead. Every run starts the server cold (fresh database, empty asset cache: the compressed copies are made while the first load runs). Times are from navigation start; "first question answerable" is the page's own first questions (server/form/first-page.ts) on screen, "whole form" SurveyJS rendered (every page reachable). KiB: bytes the page received (CDP encodedDataLength; 0 when served by the worker).`,
      '',
      table,
      '',
      loop,
      '',
      await floorNote(),
    ].join('\n'),
  )
