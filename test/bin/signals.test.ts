/**
 * SIGTERM to the process `npm start` (or `npm run dev`) starts, as a process manager sends it:
 * the server finishes the request in flight, closes, frees its port and leaves no process
 * behind. Real processes, a real npm.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  collect,
  descendants,
  envWithoutGapkit,
  exited,
  freePort,
  isListening,
  stillRunning,
  waitFor,
  waitForHealth,
} from './processes.ts'

const ROOT = path.join(import.meta.dirname, '..', '..')
const dirs: string[] = []
const started: number[] = []
afterAll(() => {
  // A failed test may leave its server running: end the processes it started, by their id.
  for (const pid of stillRunning(started)) process.kill(pid, 'SIGKILL')
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

/** `npm run <script>` on a database in a fresh folder and a free port, output piped. */
async function npmRun(script: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-signals-'))
  dirs.push(dir)
  const port = await freePort()
  const child = spawn('npm', ['run', script], {
    cwd: ROOT,
    env: {
      ...envWithoutGapkit(),
      GAPKIT_DB: path.join(dir, 'gapkit.db'),
      PORT: String(port),
      GAPKIT_LOG: 'off',
      npm_config_update_notifier: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return { child, port, output: collect(child) }
}

/**
 * A POST whose body is only half sent: the server is in the middle of this request until
 * `finish` sends the rest, which resolves with the status line once the answer starts.
 */
async function halfSentRequest(port: number) {
  const body = 'email=nobody%40example.org&password=not-the-password'
  const socket = net.connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  let answer = ''
  const answered = new Promise<string>((resolve) => {
    socket.setEncoding('utf8').on('data', (d: string) => {
      answer += d
      if (answer.includes('\r\n')) resolve(answer.slice(0, answer.indexOf('\r\n')))
    })
  })
  socket.write(
    'POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
      body.slice(0, 10),
  )
  return {
    finish: () => {
      socket.write(body.slice(10))
      return answered
    },
  }
}

describe('SIGTERM to npm', () => {
  it('npm start: the request in flight is answered, then the port is freed and no process is left', async () => {
    const { child, port, output } = await npmRun('start')
    const npm = child.pid as number
    started.push(npm)
    await waitForHealth(child, port)
    const tree = descendants(npm)
    started.push(...tree)
    expect(tree.length).toBeGreaterThan(0)

    const request = await halfSentRequest(port)
    // The request has reached the server's handler, which waits for the rest of its body.
    await new Promise((resolve) => setTimeout(resolve, 300))
    child.kill('SIGTERM')
    expect(await waitFor(() => output.stderr.includes('SIGTERM, finishing'), 5000)).toBe(true)
    // No new connection is taken while the one in flight finishes.
    expect(await waitFor(async () => !(await isListening(port)), 3000)).toBe(true)
    expect(await request.finish()).toMatch(/^HTTP\/1\.1 [2-4]\d\d /)
    const answered = Date.now()
    const end = await exited(child)
    // Not the 5 s a keep-alive connection stays open after its answer.
    expect(Date.now() - answered).toBeLessThan(3000)
    expect(end, output.stderr).toEqual({ code: 0, signal: null })
    expect(output.stderr).toContain('gapkit: stopped')
    expect(output.stderr).not.toMatch(/npm error|Error:/)
    expect(await isListening(port)).toBe(false)
    expect(await waitFor(() => stillRunning(tree).length === 0, 3000), String(tree)).toBe(true)
  }, 120_000)

  it('npm run dev (tsx watch): the port is freed and no process is left', async () => {
    const { child, port, output } = await npmRun('dev')
    const npm = child.pid as number
    started.push(npm)
    await waitForHealth(child, port)
    const tree = descendants(npm)
    started.push(...tree)

    child.kill('SIGTERM')
    const end = await exited(child)
    expect(end, output.stderr).toEqual({ code: 0, signal: null })
    expect(output.stderr).toContain('gapkit: stopped')
    expect(await waitFor(async () => !(await isListening(port)), 3000)).toBe(true)
    expect(await waitFor(() => stillRunning(tree).length === 0, 3000), String(tree)).toBe(true)
  }, 120_000)
})
