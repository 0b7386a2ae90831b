import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/** An encoding a static body is kept in, besides its identity. */
export type Encoding = 'br' | 'gzip'

/** A body and its compressed copies, made off the event loop. */
export interface Precompressed {
  body: Buffer
  /**
   * The smallest copy the client accepts; right after a start it waits for the quick copy (a
   * tenth of a second for the largest file), never compressing on the caller's thread.
   */
  pick(acceptEncoding: string | undefined): Promise<{ encoding: Encoding | null; body: Buffer }>
  /** Settles when every copy is made (or failed: the identity body is then served). */
  ready: Promise<void>
}

/**
 * Compresses bodies in a background thread, one at a time: first a quick copy of each (gzip,
 * and brotli at quality 9: a tenth of a second for the SurveyJS bundle), then the best brotli
 * (quality 11: seconds, 10 % smaller), so the first visitors after a start already get brotli.
 */
export interface Compressor {
  add(body: Buffer): Precompressed
  /** Settles when everything added so far is compressed. */
  idle(): Promise<void>
}

export interface CompressorOptions {
  /**
   * Folder keeping the copies between processes, keyed by content hash: brotli at its best
   * quality takes seconds for the 1.4 MB SurveyJS bundle. Null keeps nothing on disk.
   */
  cacheDir: string | null
}

/** Encodings the client accepts with a non-zero q-value (`br;q=0` refuses brotli). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
    if (name && (q === undefined || Number(q) > 0)) out.add(name)
  }
  return out
}

/**
 * The compressing thread: plain JavaScript (no TypeScript loader to start), at a lower CPU
 * priority (on Linux a nice value is per thread), so on a small machine requests keep a core;
 * not the lowest, as a request may wait for a quick copy right after a start.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads')
const os = require('node:os')
const zlib = require('node:zlib')
try { os.setPriority(10) } catch {}
const C = zlib.constants
parentPort.on('message', ({ id, kind, body }) => {
  try {
    const out = kind === 'gzip'
      ? zlib.gzipSync(body, { level: 9 })
      : zlib.brotliCompressSync(body, { params: { [C.BROTLI_PARAM_SIZE_HINT]: body.length,
          [C.BROTLI_PARAM_QUALITY]: kind === 'br' ? 11 : 9, [C.BROTLI_PARAM_LGWIN]: 24 } })
    parentPort.postMessage({ id, body: out })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) })
  }
})
`

/** `brFast` is brotli at quality 9, `br` at 11. */
type Kind = 'gzip' | 'brFast' | 'br'

interface Job {
  body: Buffer
  kind: Kind
  done(result: Buffer | null): void
}

async function readCached(file: string | null): Promise<Buffer | null> {
  if (!file) return null
  try {
    return await fs.readFile(file)
  } catch {
    return null
  }
}

async function writeCached(file: string | null, body: Buffer): Promise<void> {
  if (!file) return
  try {
    await fs.mkdir(path.dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
    await fs.writeFile(tmp, body)
    await fs.rename(tmp, file)
  } catch {
    // A read-only folder only costs the next process the same work.
  }
}

/**
 * A compressor whose work runs in one background thread, started when there is work and ended
 * when there is none (copies found in the cache folder need no thread at all): the event loop
 * only reads files and hands buffers over.
 */
export function createCompressor(options: CompressorOptions): Compressor {
  // Quick copies of everything first, then the best ones.
  const quick: Job[] = []
  const best: Job[] = []
  const pending = new Set<Promise<void>>()
  let worker: Worker | null = null
  let running = false
  let nextId = 0
  const waiting = new Map<number, (result: Buffer | null) => void>()

  const thread = () => {
    if (worker) return worker
    const w = new Worker(WORKER, { eval: true, execArgv: [] })
    w.unref()
    w.on('message', (m: { id: number; body?: Uint8Array; error?: string }) => {
      const resolve = waiting.get(m.id)
      waiting.delete(m.id)
      resolve?.(m.body ? Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength) : null)
    })
    w.on('error', () => {
      for (const resolve of waiting.values()) resolve(null)
      waiting.clear()
      worker = null
    })
    worker = w
    return w
  }
  const compress = (job: Job) =>
    new Promise<Buffer | null>((resolve) => {
      const id = nextId++
      waiting.set(id, resolve)
      thread().postMessage({ id, kind: job.kind, body: job.body })
    })

  const cacheFile = (body: Buffer, kind: Kind) => {
    if (!options.cacheDir) return null
    const hash = createHash('sha256').update(body).digest('hex')
    return path.join(options.cacheDir, `${hash}.${kind === 'gzip' ? 'l9.gz' : 'q11w24.br'}`)
  }

  const drain = async () => {
    if (running) return
    running = true
    try {
      for (let job = quick.shift() ?? best.shift(); job; job = quick.shift() ?? best.shift()) {
        // The quick brotli is never kept: the best one, once on disk, stands in for it.
        const file = cacheFile(job.body, job.kind)
        let made = await readCached(file)
        if (!made) {
          made = await compress(job)
          if (made && job.kind !== 'brFast') await writeCached(file, made)
        }
        job.done(made)
      }
    } finally {
      running = false
      const w = worker
      worker = null
      // Idle: the thread goes; the next job starts another.
      if (w) void w.terminate()
    }
  }

  return {
    add(body) {
      const copies: Partial<Record<Encoding, Buffer>> = {}
      let bestBrotli = false
      const made = (queue: Job[], kind: Kind, keep: (result: Buffer) => void) =>
        new Promise<void>((resolve) => {
          queue.push({
            body,
            kind,
            done: (result) => {
              if (result) keep(result)
              resolve()
            },
          })
        })
      // Every browser of this decade takes brotli: its quick copy comes first.
      const fastDone = made(quick, 'brFast', (r) => {
        if (!bestBrotli) copies.br = r
      })
      const gzipDone = made(quick, 'gzip', (r) => {
        copies.gzip = r
      })
      const brDone = made(best, 'br', (r) => {
        bestBrotli = true
        copies.br = r
      })
      void drain()
      const ready = Promise.all([gzipDone, fastDone, brDone]).then(() => undefined)
      pending.add(ready)
      void ready.then(() => pending.delete(ready))
      return {
        body,
        ready,
        async pick(header) {
          const accepts = acceptedEncodings(header)
          if (accepts.has('br')) {
            await fastDone
            if (copies.br) return { encoding: 'br', body: copies.br }
          }
          if (accepts.has('gzip')) {
            await gzipDone
            if (copies.gzip) return { encoding: 'gzip', body: copies.gzip }
          }
          return { encoding: null, body }
        },
      }
    },
    async idle() {
      await Promise.all([...pending])
    },
  }
}
