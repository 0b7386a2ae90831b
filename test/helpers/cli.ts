import { type ChildProcessByStdio, spawn } from 'node:child_process'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { format } from 'node:util'
import { main } from '../../server/main.ts'

/** What a command printed and the exit code `main` returned. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  /** Variables set for the run (undefined: unset), restored afterwards. */
  env?: Record<string, string | undefined>
}

type Write = typeof process.stdout.write

let running = false

function capture(chunks: Buffer[]): Write {
  // The shape of Writable#write: (chunk, encoding?, callback?) or (chunk, callback?).
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8'
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk))
    const callback = rest.find((r): r is () => void => typeof r === 'function')
    if (callback) process.nextTick(callback)
    return true
  }) as Write
}

/** Replaces `target[key]` for the run; the returned function puts the original back. */
function swap<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key)
  Object.defineProperty(target, key, { value, configurable: true, writable: true })
  return () => {
    if (own) Object.defineProperty(target, key, own)
    else delete target[key]
  }
}

/**
 * Runs `gapkit <args>` in this process through `main`, as `bin/gapkit.js` does but without a
 * process and tsx start-up of its own (1–2 s each). Output goes to the returned strings, not to
 * the terminal; both streams look piped (no TTY), as under `spawnSync`. Everything the run
 * changes on `process` and `console` is restored, so runs do not leak into later tests. Runs
 * patch process-wide state, so one at a time: a second concurrent call throws.
 *
 * @example
 * const { code, stdout } = await runCli(['analyze', 'microfinance-gap', '--json', '--db', db])
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  if (running) throw new Error('runCli: one run at a time (it captures process.stdout)')
  running = true
  const out: Buffer[] = []
  const err: Buffer[] = []
  const toOut = (...values: unknown[]) => {
    out.push(Buffer.from(`${format(...values)}\n`))
  }
  const toErr = (...values: unknown[]) => {
    err.push(Buffer.from(`${format(...values)}\n`))
  }
  const restore = [
    swap(process.stdout, 'write', capture(out)),
    swap(process.stderr, 'write', capture(err)),
    swap(process.stdout, 'isTTY', false),
    swap(process.stderr, 'isTTY', false),
    swap(console, 'log', toOut),
    swap(console, 'info', toOut),
    swap(console, 'error', toErr),
    swap(console, 'warn', toErr),
  ]
  const env = { ...process.env }
  const exitCode = process.exitCode
  const sourceMaps = process.sourceMapsEnabled
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  try {
    const code = await main(args)
    return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }
  } finally {
    for (const undo of restore.reverse()) undo()
    for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name]
    Object.assign(process.env, env)
    process.exitCode = exitCode
    process.setSourceMapsEnabled(sourceMaps)
    running = false
  }
}

const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'gapkit.js')

/** `bin/gapkit.js <args>` as a child process, its output piped; for tests of the process itself. */
export function startBin(args: string[]): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}

/** What a `bin/gapkit.js` process printed and how it ended. */
export interface BinRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs `bin/gapkit.js <args>` in a process of its own, for what only a real process shows: the
 * exit code the shell sees, the bin's own start-up, signals. Costs 1–2 s; prefer `runCli`.
 */
export function runBin(args: string[]): Promise<BinRun> {
  const child = startBin(args)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}
