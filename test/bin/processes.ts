/** What the process tests of test/bin share: free ports, the process tree, waiting for a server. */
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** The parent and state of a running process, from /proc; null when there is none. */
function procStat(pid: number): { ppid: number; state: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (command) state ppid …": the command may hold spaces and parentheses.
    const [state = '', ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(ppid), state }
  } catch {
    return null
  }
}

/** Every process below `pid` (children, their children, …), from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = procStat(Number(entry))
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)])
  }
  const found: number[] = []
  const visit = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child)
      visit(child)
    }
  }
  visit(pid)
  return found
}

/** The processes of `pids` still running (a zombie has ended, only not been reaped yet). */
export function stillRunning(pids: number[]): number[] {
  return pids.filter((pid) => {
    const stat = procStat(pid)
    return stat !== null && stat.state !== 'Z'
  })
}

/** Polls `check` every 100 ms until it returns true or `ms` have passed; returns its last answer. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return check()
}

/** Resolves once GET /healthz answers 200; rejects if `child` ends first or after `ms`. */
export async function waitForHealth(child: ChildProcess, port: number, ms = 90_000) {
  let ended = false
  child.once('exit', () => {
    ended = true
  })
  const healthy = async () => {
    if (ended) throw new Error('the server ended before /healthz answered')
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok
    } catch {
      return false
    }
  }
  if (!(await waitFor(healthy, ms))) throw new Error(`no /healthz on port ${port} after ${ms} ms`)
}

/** Collects a child's piped output as text. */
export function collect(child: ChildProcess): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' }
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out.stdout += d
  })
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    out.stderr += d
  })
  return out
}

/** The exit code and signal a child ended with. */
export function exited(child: ChildProcess) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode })
    } else child.once('exit', (code, signal) => resolve({ code, signal }))
  })
}

/** The environment of this process without the variables that configure gapkit. */
export function envWithoutGapkit(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('GAPKIT_') && name !== 'PORT' && name !== 'DATABASE_URL',
    ),
  )
}
