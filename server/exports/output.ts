/**
 * Writing an export to a Node stream with backpressure, and handing that stream to an HTTP
 * response, so an export of any size needs constant memory.
 */
import type { Readable, Writable } from 'node:stream'

/** The reader went away (a closed download, a destroyed stream): stop quietly. */
export class ExportAborted extends Error {
  override name = 'ExportAborted'
}

/** Resolves when `out` can take more data; rejects with `ExportAborted` when it closes first. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new ExportAborted('closed'))
  if (!out.writableNeedDrain) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = () => {
      cleanup()
      resolve()
    }
    const fail = () => {
      cleanup()
      reject(new ExportAborted('the output closed before the export ended'))
    }
    const cleanup = () => {
      out.off('drain', done)
      out.off('close', fail)
      out.off('error', fail)
    }
    out.on('drain', done)
    out.on('close', fail)
    out.on('error', fail)
  })
}

/** Collects text into chunks of about `size` bytes and writes them with backpressure. */
export class TextWriter {
  private parts: string[] = []
  private length = 0

  constructor(
    private readonly out: Writable,
    private readonly size = 64 * 1024,
  ) {}

  /** Queues text; waits when a full chunk is written and the reader is slower. */
  async write(text: string): Promise<void> {
    this.parts.push(text)
    this.length += text.length
    if (this.length >= this.size) await this.flush()
  }

  /** Writes what is queued. */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return
    const chunk = this.parts.join('')
    this.parts = []
    this.length = 0
    if (this.out.destroyed) throw new ExportAborted('closed')
    if (!this.out.write(chunk, 'utf8')) await drained(this.out)
  }
}

/** Ends `out` and resolves once everything is handed over (`finish`). */
export function finish(out: Writable): Promise<void> {
  if (out.writableFinished) return Promise.resolve()
  return new Promise((resolve, reject) => {
    out.once('finish', () => resolve())
    out.once('error', reject)
    out.end()
  })
}

/**
 * A web `ReadableStream` over a Node stream that reads only when the HTTP client does;
 * cancelling it (a closed download) destroys the source.
 */
export function toWebStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else if (typeof next.value === 'string') controller.enqueue(Buffer.from(next.value))
      else if (next.value instanceof Uint8Array) controller.enqueue(next.value)
    },
    cancel() {
      source.destroy()
    },
  })
}

/** Lets other work run (zip compression, other requests) between pages of an export. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
