/**
 * The SVG worker of `draw/pool.ts`: renders each chart spec it is sent, one at a time, with
 * the same `renderSvg` as the main thread, so a chart gives the same bytes wherever it is drawn.
 * Also the message shapes every chart worker speaks.
 */
import { type MessagePort, parentPort } from 'node:worker_threads'
import type { TopLevelSpec } from 'vega-lite'
import { renderSvg } from './svg.ts'

/** A job for a chart worker; `id` pairs the reply with it. */
export interface WorkerRequest<J> {
  id: number
  job: J
}

/** A chart worker's result, or why there is none. */
export type WorkerReply<R> = { id: number; result: R } | { id: number; error: string }

/** Answers SVG jobs (a Vega-Lite spec each) arriving on `port` until the worker ends. */
export function serveRenderJobs(port: MessagePort | null = parentPort): void {
  if (!port) throw new Error('serveRenderJobs runs inside a worker thread')
  port.on('message', async ({ id, job }: WorkerRequest<TopLevelSpec>) => {
    let reply: WorkerReply<string>
    try {
      reply = { id, result: await renderSvg(job) }
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(reply)
  })
}
