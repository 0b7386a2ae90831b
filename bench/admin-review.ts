/**
 * Dashboard review click: `gapkit serve --demo` (300 demo responses) in its own process, the
 * questionnaire page in headless Chromium, and the time from a click on Approve/Reject in the
 * responses table to that row showing the new review, in the page's own clock. Also counts the
 * analysis and chart requests the clicks caused (the analysis panel is out of view).
 * Run: npx tsx bench/admin-review.ts [--clicks 24]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { appendSection, machine } from './report-file.ts'

const SURVEY = 'microfinance-gap'
const clicksAt = process.argv.indexOf('--clicks')
const CLICKS = clicksAt >= 0 ? Number(process.argv[clicksAt + 1]) : 24
if (!Number.isInteger(CLICKS) || CLICKS < 2) throw new Error('--clicks must be an integer ≥ 2')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Starts the server on a free port; resolves with its URL and the printed admin token. */
async function startServer(
  db: string,
): Promise<{ url: string; admin: string; child: ChildProcess }> {
  const bin = path.join(import.meta.dirname, '..', 'bin', 'gapkit.js')
  const child = spawn(process.execPath, [bin, 'serve', '--demo', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  return new Promise((resolve, reject) => {
    const check = () => {
      const admin = /Admin token: (\S+)/.exec(out)?.[1]
      const port = /\(port (\d+)\)/.exec(err)?.[1]
      if (admin && port) resolve({ url: `http://127.0.0.1:${port}`, admin, child })
    }
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d
      check()
    })
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      err += d
      check()
    })
    child.once('close', (code) => reject(new Error(`gapkit serve exited (${code}): ${err}`)))
  })
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-bench-review-'))
const server = await startServer(path.join(dir, 'bench.db'))
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const times: number[] = []
let analysisRequests = 0
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('request', (r) => {
    if (/\/api\/surveys\/[^/]+\/(analysis|charts)(\?|$)/.test(r.url())) analysisRequests++
  })
  await page.goto(`${server.url}/admin?t=${server.admin}`)
  await page.waitForSelector('body[data-ready="true"]')
  await page.goto(`${server.url}/admin/surveys/${SURVEY}`)
  await page.waitForSelector('#ak-rows tr[data-response]')
  // Let the page settle (its first requests done) before counting.
  await page.waitForLoadState('networkidle')
  const before = analysisRequests
  const ids = await page
    .locator('#ak-rows tr[data-status="submitted"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-response') ?? ''))
  for (let i = 0; i < CLICKS; i++) {
    const id = ids[i % ids.length] ?? ''
    // Every click changes the review: approve on the first pass, reject on the next, …
    const status = Math.floor(i / ids.length) % 2 === 0 ? 'approved' : 'rejected'
    const ms = await page.evaluate(
      ({ id, status }) =>
        new Promise<number>((resolve, reject) => {
          const rows = document.getElementById('ak-rows')
          const selector = `tr[data-response="${id}"]`
          const button = rows?.querySelector(`${selector} button[data-act="${status}"]`)
          if (!rows || !(button instanceof HTMLButtonElement)) return reject(new Error('no button'))
          const updated = `${selector}[data-review="${status}"]`
          const started = performance.now()
          // No named function in here: tsx would wrap it in a helper the page does not have.
          const observer = new MutationObserver(() => {
            if (rows.querySelector(updated) === null) return
            observer.disconnect()
            resolve(performance.now() - started)
          })
          observer.observe(rows, { subtree: true, childList: true, attributes: true })
          button.click()
          setTimeout(() => {
            observer.disconnect()
            const status = document.getElementById('ak-review-status')?.textContent
            reject(new Error(`row not updated after 10 s: ${status}`))
          }, 10_000)
        }),
      { id, status },
    )
    times.push(ms)
    await page.waitForTimeout(150)
  }
  // Anything the clicks started (a debounced analysis reload) has had time to go out.
  await page.waitForTimeout(1000)
  analysisRequests -= before
} finally {
  await browser.close()
  server.child.kill('SIGTERM')
  fs.rmSync(dir, { recursive: true, force: true })
}

const row = (label: string, ms: number) => `| ${label} | ${ms.toFixed(0)} |`
const table = [
  '| click → row updated | ms |',
  '| --- | --- |',
  row('median', median(times)),
  row('p90', quantile(times, 0.9)),
  row('max', Math.max(...times)),
].join('\n')
console.log(table)
console.log(`analysis or chart-list requests caused by the ${CLICKS} clicks: ${analysisRequests}`)
appendSection(
  'Dashboard review click',
  [
    `Command: \`npx tsx bench/admin-review.ts\` (${machine()}): \`gapkit serve --demo\` (300 demo responses) in its own process, the ${SURVEY} page in headless Chromium (1280 × 900, the analysis panel below the table, out of view), ${CLICKS} clicks on Approve/Reject in the responses table, each timed in the page from the click to its row showing the new review.`,
    '',
    table,
    '',
    `Median **${median(times).toFixed(0)} ms** (target < 300 ms). Analysis or chart-list requests caused by the clicks: **${analysisRequests}** (the analysis reloads when its panel is in view, once after a burst of reviews).`,
  ].join('\n'),
)
