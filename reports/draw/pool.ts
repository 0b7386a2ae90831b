/**
 * Charts drawn in worker threads, so that drawing 40 charts uses every core and the main
 * thread never loads Vega. SVGs come from workers running `renderSvg` (Vega is synchronous
 * JavaScript: one chart at a time per thread), PNGs from workers running resvg; the SVG workers
 * start loading Vega at once, while the main thread is still busy with the analysis.
 */
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ResvgRenderOptions } from '@resvg/resvg-js'
import type { TopLevelSpec } from 'vega-lite'
import { pngOptions, type RenderPngOptions } from './png.ts'
import type { WorkerReply, WorkerRequest } from './worker.ts'

/** Options of `createRenderPool`. */
export interface RenderPoolOptions {
  /** Threads drawing SVGs. Default: half the available cores, at least 1, at most 4. */
  svgWorkers?: number
  /** Threads drawing PNGs. Default: the available cores, at most 8. */
  pngWorkers?: number
}

/** Worker threads drawing charts; `close` ends them (pending charts are rejected). */
export interface RenderPool {
  /** The chart's SVG: the same bytes as `renderSvg(spec)` in this thread. */
  renderSvg: (spec: TopLevelSpec) => Promise<string>
  /** The SVG as PNG: the same bytes as `renderPng(svg, options)` in this thread. */
  renderPng: (svg: string, options?: RenderPngOptions) => Promise<Buffer>
  close: () => Promise<void>
}

/** The heaviest modules, which SVG workers load before TypeScript support is switched on. */
const PRELOAD = ['vega', 'vega-lite', '@resvg/resvg-js']

/**
 * An SVG worker loads the renderers first, then tsx (to read the TypeScript of render.ts),
 * then waits for jobs. tsx sends every import through its loader thread, which doubles the
 * time Vega's few hundred modules take to load; loaded before it, they are simply reused. An
 * evaluated script rather than a file, as a worker file would need tsx before it could run.
 */
const SVG_BOOT = `
const { workerData } = require('node:worker_threads')
;(async () => {
  for (const url of workerData.preload) await import(url)
  const { register } = await import(workerData.tsx)
  register()
  process.setSourceMapsEnabled(workerData.sourceMaps)
  const { serveRenderJobs } = await import(workerData.entry)
  serveRenderJobs()
})()
`

/**
 * A PNG worker is `renderPng` of draw/png.ts with the resvg options computed by the caller:
 * plain JavaScript, so no tsx to load, and ready in a few milliseconds.
 */
const PNG_BOOT = `
const { parentPort, workerData } = require('node:worker_threads')
const { Resvg } = require(workerData.resvg)
parentPort.on('message', ({ id, job }) => {
  try {
    parentPort.postMessage({ id, result: new Resvg(job.svg, job.options).render().asPng() })
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
`

/** What a PNG worker is sent. */
interface PngJob {
  svg: string
  options: ResvgRenderOptions
}

/** Workers running one script, each given one job at a time, in order of arrival. */
interface Workers<J, R> {
  run: (job: J) => Promise<R>
  close: () => Promise<void>
}

interface Pending<J, R> {
  request: WorkerRequest<J>
  resolve: (result: R) => void
  reject: (error: Error) => void
}

function startWorkers<J, R>(count: number, boot: string, workerData: unknown): Workers<J, R> {
  const slots: { worker: Worker; current: Pending<J, R> | null }[] = []
  const queue: Pending<J, R>[] = []
  let nextId = 0
  let failure: Error | null = null
  let closed = false

  const fail = (error: Error) => {
    failure ??= error
    for (const slot of slots) {
      slot.current?.reject(error)
      slot.current = null
    }
    for (const pending of queue.splice(0)) pending.reject(error)
  }
  const dispatch = () => {
    for (const slot of slots) {
      if (slot.current) continue
      const next = queue.shift()
      if (!next) break
      slot.current = next
      // A busy worker keeps the process alive; an idle one never holds it open.
      slot.worker.ref()
      slot.worker.postMessage(next.request)
    }
  }
  for (let i = 0; i < count; i++) {
    // Own execArgv: an inherited `--import tsx` would load Vega through tsx after all.
    const worker = new Worker(boot, { eval: true, workerData, execArgv: [] })
    const slot: (typeof slots)[number] = { worker, current: null }
    slots.push(slot)
    worker.unref()
    worker.on('message', (reply: WorkerReply<R>) => {
      const pending = slot.current
      if (!pending || pending.request.id !== reply.id) return
      slot.current = null
      worker.unref()
      if ('error' in reply) pending.reject(new Error(reply.error))
      else pending.resolve(reply.result)
      dispatch()
    })
    worker.on('error', (error) => fail(error))
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`chart worker stopped (exit code ${code})`))
    })
  }
  return {
    run: (job) =>
      new Promise<R>((resolve, reject) => {
        if (closed || failure) return reject(failure ?? new Error('render pool is closed'))
        queue.push({ request: { id: nextId++, job }, resolve, reject })
        dispatch()
      }),
    close: async () => {
      if (closed) return
      closed = true
      fail(new Error('render pool is closed'))
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    },
  }
}

/**
 * Starts the workers at once (SVG workers load Vega in the background) and draws each chart on
 * the first free one. The bytes do not depend on which worker draws a chart or in which order:
 * `renderSvg` resets Vega's id counters for every chart, and resvg keeps no state.
 * @example
 * const pool = createRenderPool()
 * try { png = await pool.renderPng(await pool.renderSvg(spec)) } finally { await pool.close() }
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const cores = os.availableParallelism()
  const svg = startWorkers<TopLevelSpec, string>(
    Math.max(1, options.svgWorkers ?? Math.min(4, Math.floor(cores / 2))),
    SVG_BOOT,
    {
      preload: PRELOAD.map((name) => import.meta.resolve(name)),
      tsx: import.meta.resolve('tsx/esm/api'),
      entry: new URL('./worker.ts', import.meta.url).href,
      sourceMaps: process.sourceMapsEnabled,
    },
  )
  const png = startWorkers<PngJob, Uint8Array>(
    Math.max(1, options.pngWorkers ?? Math.min(8, cores)),
    PNG_BOOT,
    { resvg: fileURLToPath(import.meta.resolve('@resvg/resvg-js')) },
  )
  return {
    renderSvg: (spec) => svg.run(spec),
    renderPng: async (text, renderOptions = {}) => {
      const bytes = await png.run({ svg: text, options: pngOptions(renderOptions) })
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    },
    close: async () => {
      await Promise.all([svg.close(), png.close()])
    },
  }
}
