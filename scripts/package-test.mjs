// The package as a user gets it: `npm pack`, install the tarball in an empty folder (no
// overrides, no lock file, nothing from this checkout), then `npx gapkit demo` and
// `npx gapkit serve`, and check that the server answers and stops on SIGTERM.
// Run: node scripts/package-test.mjs  (npm run test:package); it takes 3–5 minutes, mostly
// the install. Exits non-zero with the reason when a step fails.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-package-'))
const started = Date.now()

function step(message) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`)
}

function fail(message) {
  console.error(`package-test: ${message}`)
  process.exit(1)
}

/** stdout of a command; on failure, the command and the end of its stderr. */
function run(command, args, cwd) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    })
  } catch (error) {
    fail(
      `${command} ${args.join(' ')} failed (${error.status ?? error.code}):\n${String(error.stderr ?? '').slice(-2000)}`,
    )
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url, child, seconds, stderr) {
  for (let waited = 0; waited < seconds * 10; waited++) {
    if (child.exitCode !== null) {
      fail(`gapkit serve exited with ${child.exitCode} before answering:\n${stderr()}`)
    }
    try {
      const res = await fetch(url)
      if (res.ok) return res.json()
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  fail(`no answer from ${url} within ${seconds} s`)
}

step(`npm pack into ${work}`)
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root))[0]
const tarball = path.join(work, packed.filename)
const shipped = packed.files.map((f) => f.path)
const unwanted = shipped.filter((f) => /^(test|bench|\.ci|scripts)\//.test(f))
if (unwanted.length > 0)
  fail(`the tarball ships ${unwanted.length} files it should not: ${unwanted[0]}…`)
for (const needed of [
  'bin/gapkit.js',
  'server/main.ts',
  'surveys/definitions/microfinance-gap.json',
]) {
  if (!shipped.includes(needed)) fail(`the tarball lacks ${needed}`)
}
step(`${packed.filename}: ${(packed.size / 1e6).toFixed(1)} MB, ${packed.entryCount} files`)

const app = path.join(work, 'app')
fs.mkdirSync(app)
fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "consumer", "private": true }\n')
step('npm install <tarball> in an empty folder')
run('npm', ['install', '--no-audit', '--no-fund', tarball], app)

const version = run('npx', ['gapkit', '--version'], app).trim()
if (version !== `gapkit ${packed.version}`) fail(`--version printed "${version}"`)
step(`npx gapkit --version: ${version}`)

const demo = run('npx', ['gapkit', 'demo'], app)
const link = demo.match(/http:\/\/\S+\/s\/microfinance-gap\?t=\S+/)?.[0]
if (!link) fail(`gapkit demo printed no partner link:\n${demo}`)
step('npx gapkit demo: demo data and partner links')

const port = await freePort()
// The installed command itself (as a process manager or a container runs it), not through npx:
// npx does not pass SIGTERM on, it dies of it.
const server = spawn(
  path.join(app, 'node_modules', '.bin', 'gapkit'),
  ['serve', '--port', String(port)],
  {
    cwd: app,
    stdio: ['ignore', 'ignore', 'pipe'],
  },
)
let stderr = ''
server.stderr.on('data', (chunk) => {
  stderr += chunk
})
const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, server, 60, () => stderr)
if (health.status !== 'ok') fail(`/healthz said ${JSON.stringify(health)}`)
const form = await fetch(link.replace(/:\/\/[^/]+/, `://127.0.0.1:${port}`))
if (form.status !== 200) fail(`the partner form answered ${form.status}`)
const analysis = JSON.parse(run('npx', ['gapkit', 'analyze', 'microfinance-gap', '--json'], app))
if (!(analysis.n > 0 && analysis.dimensions?.length > 0)) fail('gapkit analyze: no responses')
step(`gapkit serve: /healthz ok, partner form 200; npx gapkit analyze: ok`)

server.kill('SIGTERM')
const code = await new Promise((resolve) => server.on('exit', (c, signal) => resolve(c ?? signal)))
if (code !== 0) fail(`gapkit serve exited with ${code} on SIGTERM:\n${stderr}`)
step('SIGTERM: the server stopped cleanly')
fs.rmSync(work, { recursive: true, force: true })
