/**
 * The container image, without Docker (no engine on our machines): its runtime stage's ENV,
 * WORKDIR, ENTRYPOINT, CMD and HEALTHCHECK are read from the Dockerfile and run as the image
 * would run them. The build context goes through .dockerignore into a folder standing for
 * /app, the repository's node_modules for the build stage's, a temporary folder for the volume.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  collect,
  envWithoutGapkit,
  exited,
  freePort,
  isListening,
  stillRunning,
  waitFor,
} from './processes.ts'

const ROOT = path.join(import.meta.dirname, '..', '..')

interface Instruction {
  name: string
  args: string
}

/** The stages of a Dockerfile, each a list of instructions (comments dropped, lines joined). */
function parseDockerfile(text: string): Instruction[][] {
  const stages: Instruction[][] = []
  const logical = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
  for (const line of logical) {
    const match = /^\s*([A-Z]+)\s+(.*)$/.exec(line)
    if (!match) continue
    const instruction = { name: match[1] as string, args: (match[2] as string).trim() }
    if (instruction.name === 'FROM') stages.push([])
    stages.at(-1)?.push(instruction)
  }
  return stages
}

/** An exec-form list (`["node", "x"]`); a shell form would make /bin/sh the process Docker signals. */
function execForm(args: string): string[] {
  const list = JSON.parse(args) as unknown
  if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) {
    throw new Error(`not an exec-form list: ${args}`)
  }
  return list
}

/** What running the image takes, read from its runtime (last) stage. */
function runtimeOf(stages: Instruction[][]) {
  const stage = stages.at(-1) ?? []
  const all = (name: string) => stage.filter((i) => i.name === name).map((i) => i.args)
  const last = (name: string) => all(name).at(-1)
  const env: Record<string, string> = {}
  for (const args of all('ENV')) {
    if (!/^(\w+=\S+\s*)+$/.test(args)) throw new Error(`ENV not as KEY=VALUE: ${args}`)
    for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) env[key as string] = value as string
  }
  const healthcheck = /^((?:--[\w-]+=\S+\s+)*)CMD\s+(\[.*\])$/.exec(last('HEALTHCHECK') ?? '')
  if (!healthcheck) throw new Error('no HEALTHCHECK … CMD ["…"] in the runtime stage')
  const options = Object.fromEntries(
    [...(healthcheck[1] as string).matchAll(/--([\w-]+)=(\S+)/g)].map((m) => [m[1], m[2]]),
  )
  return {
    env,
    workdir: last('WORKDIR'),
    user: last('USER'),
    volumes: all('VOLUME').flatMap(execForm),
    exposed: all('EXPOSE'),
    copies: all('COPY'),
    entrypoint: execForm(last('ENTRYPOINT') ?? '[]'),
    command: [...execForm(last('ENTRYPOINT') ?? '[]'), ...execForm(last('CMD') ?? '[]')],
    healthcheck: { options, command: execForm(healthcheck[2] as string) },
  }
}

/** .dockerignore's patterns as one test of a path relative to the context. */
function dockerIgnore(text: string): (relative: string) => boolean {
  const patterns = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  if (patterns.some((p) => p.startsWith('!'))) throw new Error('exceptions (!) are not read here')
  const regexes = patterns.map((pattern) => {
    const glob: Record<string, string> = { '**/': '(?:.*/)?', '*': '[^/]*', '?': '[^/]' }
    const source = pattern
      .replace(/\/+$/, '')
      .split(/(\*\*\/|\*|\?)/)
      .map((part) => glob[part] ?? part.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
      .join('')
    // A pattern that names a folder leaves out everything in it.
    return new RegExp(`^${source}(?:/.*)?$`)
  })
  return (relative) => regexes.some((regex) => regex.test(relative))
}

/** Seconds of a Docker duration (`30s`, `1m`). */
function seconds(duration: string | undefined, fallback: number): number {
  const match = /^(\d+)(s|m)$/.exec(duration ?? '')
  if (!match) return fallback
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1)
}

const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
const stages = parseDockerfile(dockerfile)
const image = runtimeOf(stages)
const dirs: string[] = []
const started: ChildProcess[] = []
afterAll(() => {
  for (const child of started) {
    if (child.pid && stillRunning([child.pid]).length > 0) child.kill('SIGKILL')
  }
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describe('Dockerfile', () => {
  it('builds in two stages: production dependencies compiled, then a runtime without compilers', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
    const build = stages[0]?.map((i) => `${i.name} ${i.args}`).join('\n')
    expect(build).toMatch(/RUN .*apt-get install .*python3.*make.*g\+\+/)
    expect(build).toMatch(/RUN npm ci --omit=dev/)
    expect(image.copies).toContain('--from=build /app/node_modules ./node_modules')
    expect(image.copies).toContain('. .')
  })

  it('runs as a user other than root, data in the volume, on the exposed port, on every interface', () => {
    expect(image.user).toBeTruthy()
    expect(image.user).not.toMatch(/^(root|0)(:|$)/)
    const db = image.env.GAPKIT_DB as string
    expect(image.volumes.some((volume) => path.posix.dirname(db) === volume)).toBe(true)
    expect(image.exposed).toEqual([image.env.PORT])
    expect(image.env.GAPKIT_HOST).toBe('0.0.0.0')
    expect(image.command[0]).toBe('node')
    expect(image.healthcheck.command[0]).toBe('node')
  })
})

describe('the image’s command, run as the container runs it', () => {
  let app: string
  let volume: string
  let env: NodeJS.ProcessEnv
  let port: number

  /** `argv` as the image runs it: `node` is this Node, relative paths are under WORKDIR. */
  const run = (argv: string[]) => {
    const child = spawn(process.execPath, argv.slice(1), {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    started.push(child)
    return child
  }

  beforeAll(async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-container-'))
    dirs.push(base)
    app = path.join(base, 'app')
    volume = path.join(base, 'volume')
    fs.mkdirSync(volume, { mode: 0o700 })
    // COPY . . through .dockerignore; the build stage's node_modules.
    const ignored = dockerIgnore(fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8'))
    fs.cpSync(ROOT, app, {
      recursive: true,
      filter: (source) => {
        const relative = path.relative(ROOT, source).split(path.sep).join('/')
        return relative === '' || !ignored(relative)
      },
    })
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'))
    port = await freePort()
    const [mount] = image.volumes
    const inVolume = (value: string) =>
      mount && (value === mount || value.startsWith(`${mount}/`))
        ? path.join(volume, value.slice(mount.length))
        : value
    env = {
      ...envWithoutGapkit(),
      ...Object.fromEntries(Object.entries(image.env).map(([k, v]) => [k, inVolume(v)])),
      // `docker run -e PORT=…`: a port free on this machine.
      PORT: String(port),
    }
  })

  it('leaves tests, data and generated files out of the build context, not the sources', () => {
    for (const left of ['.git', 'test', 'bench', 'data', 'out', 'test-output']) {
      expect(fs.existsSync(path.join(app, left)), left).toBe(false)
    }
    for (const kept of ['bin/gapkit.js', 'server/main.ts', 'surveys/definitions', 'package.json']) {
      expect(fs.existsSync(path.join(app, kept)), kept).toBe(true)
    }
  })

  it('serves, turns healthy, takes a CLI command on its volume, and stops cleanly on SIGTERM', async () => {
    const server = run(image.command)
    const output = collect(server)
    const healthcheck = async () => {
      const check = run(image.healthcheck.command)
      const timeout = setTimeout(
        () => check.kill('SIGKILL'),
        seconds(image.healthcheck.options.timeout, 30) * 1000,
      )
      const end = await exited(check)
      clearTimeout(timeout)
      return end.code === 0
    }
    const startPeriod = seconds(image.healthcheck.options['start-period'], 0)
    const healthy = await waitFor(() => {
      if (server.exitCode !== null) throw new Error(`the server ended: ${output.stderr}`)
      return healthcheck()
    }, Math.max(startPeriod, 90) * 1000)
    expect(healthy, output.stderr).toBe(true)
    // The database is in the volume, readable by its owner only.
    const db = path.join(
      volume,
      path.posix.relative(image.volumes[0] as string, image.env.GAPKIT_DB as string),
    )
    expect(fs.statSync(db).mode & 0o777).toBe(0o600)

    // `docker exec <container> gapkit admin-token` (or `docker run … gapkit admin-token`): the
    // same image, environment and volume.
    const cli = run([...image.entrypoint, 'admin-token', '--name', 'container'])
    const cliOutput = collect(cli)
    expect((await exited(cli)).code, cliOutput.stderr).toBe(0)
    const token = cliOutput.stdout.trim()
    const surveys = await fetch(`http://127.0.0.1:${port}/api/surveys`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(surveys.status).toBe(200)

    server.kill('SIGTERM')
    const end = await exited(server)
    expect(end, output.stderr).toEqual({ code: 0, signal: null })
    expect(output.stderr).toContain('gapkit: stopped')
    expect(await isListening(port)).toBe(false)
    expect(await healthcheck()).toBe(false)
  }, 150_000)
})
