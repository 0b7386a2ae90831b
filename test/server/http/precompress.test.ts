import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { acceptedEncodings, createCompressor } from '../../../server/http/precompress.ts'
import { loadAssets } from '../../../server/http/static-assets.ts'
import { assetRoutes } from '../../../server/routes/assets.ts'
import { tempDir } from '../../helpers/test-app.ts'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

describe('acceptedEncodings', () => {
  it('reads the names with a non-zero q-value', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br'])
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip'])
    expect([...acceptedEncodings(undefined)]).toEqual([])
  })
})

describe('precompressed copies', () => {
  it('serve the best copy ready: gzip first, brotli once made, identity when none is accepted', async () => {
    const compressor = createCompressor({ cacheDir: null })
    const body = Buffer.from('gapkit '.repeat(20_000))
    const copy = compressor.add(body)
    const early = await copy.pick('gzip, br')
    // Whichever is ready: each decodes to the body.
    const decode = early.encoding === 'br' ? brotliDecompressSync : gunzipSync
    expect(decode(early.body).equals(body)).toBe(true)
    await copy.ready
    const late = await copy.pick('gzip, br')
    expect(late.encoding).toBe('br')
    expect(brotliDecompressSync(late.body).equals(body)).toBe(true)
    expect((await copy.pick('gzip')).encoding).toBe('gzip')
    expect((await copy.pick('identity')).encoding).toBe(null)
    expect((await copy.pick('br')).encoding).toBe('br')
  })

  it('are kept in the cache folder for the next process', async () => {
    const dir = tempDir('gapkit-br-')
    dirs.push(dir)
    const body = Buffer.from('{"title":"x"}'.repeat(5_000))
    await createCompressor({ cacheDir: dir }).add(body).ready
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.br'))).toHaveLength(1)
    const again = createCompressor({ cacheDir: dir }).add(body)
    await again.ready
    const picked = await again.pick('br')
    expect(brotliDecompressSync(picked.body).equals(body)).toBe(true)
  })
})

describe('serving the SurveyJS bundle right after a cold start', () => {
  it('never blocks the event loop for a compression (the first request once took 3–14 s)', async () => {
    const dir = tempDir('gapkit-cold-')
    dirs.push(dir)
    // The cache folder is empty: brotli at quality 11 of 1.4 MB runs now, on the thread pool.
    const assets = loadAssets({ cacheDir: dir })
    const app = new Hono().route('/assets', assetRoutes(assets))
    const core = assets.get('survey.core.min.js')
    if (!core) throw new Error('no SurveyJS bundle')
    const started = performance.now()
    // The main thread's busy time between two ticks of a 5 ms timer (event loop utilisation):
    // a compression run on it shows as that long busy, while time this process merely waited
    // for a CPU (a machine shared with Chromium and other test files) counts as idle.
    const busy: number[] = []
    let last = performance.eventLoopUtilization()
    const timer = setInterval(() => {
      const now = performance.eventLoopUtilization()
      busy.push(performance.eventLoopUtilization(now, last).active)
      last = now
    }, 5)
    const res = await app.request(core.url, { headers: { 'Accept-Encoding': 'br, gzip' } })
    const bytes = Buffer.from(await res.arrayBuffer())
    const answeredAfter = performance.now() - started
    // Keep measuring while its brotli copy is made (the first one, in the background).
    await core.compressed.ready
    clearInterval(timer)
    expect(res.status).toBe(200)
    const encoding = res.headers.get('content-encoding')
    const decode = encoding === 'br' ? brotliDecompressSync : gunzipSync
    expect(decode(bytes).equals(core.body)).toBe(true)
    expect(answeredAfter).toBeLessThan(2_000)
    expect(busy.length).toBeGreaterThan(10)
    // The synchronous quality-11 brotli kept the thread busy for seconds.
    expect(Math.max(...busy)).toBeLessThan(250)
    // The next request gets brotli, read from memory.
    const br = await app.request(core.url, { headers: { 'Accept-Encoding': 'br, gzip' } })
    expect(br.headers.get('content-encoding')).toBe('br')
  }, 60_000)
})
