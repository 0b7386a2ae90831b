import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'
import { runCli } from '../helpers/cli.ts'
import { DEFINITIONS, tempDir } from '../helpers/test-app.ts'

const ROOT = path.join(import.meta.dirname, '..', '..')
const NOW = new Date('2026-05-01T00:00:00Z')

/** The environment of a child, without any GAPKIT_* or PORT setting of the one running tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('GAPKIT_') && k !== 'PORT'),
  )
  return { ...env, ...extra }
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function collect(child: ChildProcess): Promise<Run> {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d) => {
      stdout += d
    })
    child.stderr?.on('data', (d) => {
      stderr += d
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describe('loadConfig', () => {
  it('reads flags before variables before defaults', () => {
    const env = { PORT: '8080', GAPKIT_PORT: '9090', GAPKIT_HOST: '0.0.0.0', GAPKIT_DB: 'env.db' }
    const config = loadConfig({ db: 'flag.db' }, env, NOW)
    expect(config).toMatchObject({
      database: 'flag.db',
      port: 8080,
      host: '0.0.0.0',
      baseUrl: 'http://localhost:8080',
      defaultWave: '2026',
      bodyLimit: 1048576,
    })
    expect(loadConfig({ port: '0' }, env, NOW).port).toBe(0)
    expect(loadConfig({}, { GAPKIT_PORT: '9090' }, NOW).port).toBe(9090)
    expect(
      loadConfig({}, { GAPKIT_BASE_URL: 'https://s.example.org/x//', GAPKIT_BODY_LIMIT: '2048' }),
    ).toMatchObject({ baseUrl: 'https://s.example.org/x', bodyLimit: 2048 })
  })

  it('finds the shipped questionnaires from its own file, whatever the working folder', () => {
    expect(loadConfig({}, {}, NOW).surveysDir).toBe(DEFINITIONS)
    expect(loadConfig({ surveys: 'x' }, {}, NOW).surveysDir).toBe(path.resolve('x'))
  })

  it('takes an empty variable as unset, and an empty flag as a mistake', () => {
    expect(loadConfig({}, { PORT: '', GAPKIT_BODY_LIMIT: '' }, NOW)).toMatchObject({
      port: 3000,
      bodyLimit: 1048576,
    })
    expect(() => loadConfig({ db: '' }, {}, NOW)).toThrow('--db must be')
  })

  it('refuses every bad value, naming where it came from and what is expected', () => {
    const bad: [Parameters<typeof loadConfig>[0], Record<string, string>, string][] = [
      [
        {},
        { GAPKIT_BODY_LIMIT: 'abc' },
        'GAPKIT_BODY_LIMIT must be a number of bytes, e.g. 1048576 (got "abc")',
      ],
      [{}, { GAPKIT_BODY_LIMIT: '1mb' }, 'GAPKIT_BODY_LIMIT must be a number of bytes'],
      [{}, { GAPKIT_BODY_LIMIT: '0' }, 'GAPKIT_BODY_LIMIT must be a number of bytes'],
      [{}, { GAPKIT_BODY_LIMIT: '1e6' }, 'GAPKIT_BODY_LIMIT must be a number of bytes'],
      [{ port: 'http' }, {}, '--port must be an integer 0–65535 (got "http")'],
      [{}, { PORT: '65536' }, 'PORT must be an integer 0–65535 (got "65536")'],
      [{}, { GAPKIT_PORT: '-1' }, 'GAPKIT_PORT must be an integer 0–65535'],
      [{}, { GAPKIT_HOST: 'my host' }, 'GAPKIT_HOST must be a host name or address'],
      [{}, { GAPKIT_BASE_URL: 'localhost:3000' }, 'GAPKIT_BASE_URL must be an http(s) URL'],
      [{}, { GAPKIT_BASE_URL: 'ftp://example.org' }, 'GAPKIT_BASE_URL must be an http(s) URL'],
      [{}, { GAPKIT_WAVE: 'x'.repeat(65) }, 'GAPKIT_WAVE must be a wave name of 1–64 characters'],
    ]
    for (const [flags, env, message] of bad) {
      expect(() => loadConfig(flags, env, NOW), JSON.stringify(env)).toThrow(ConfigError)
      expect(() => loadConfig(flags, env, NOW), JSON.stringify(env)).toThrow(message)
    }
  })

  it('names all bad values at once, in one line', () => {
    let error: unknown
    try {
      loadConfig({ port: 'x' }, { GAPKIT_BODY_LIMIT: 'abc', GAPKIT_BASE_URL: 'nope' }, NOW)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message.split('; ').map((p) => p.split(' ')[0])).toEqual([
      '--port',
      'GAPKIT_BASE_URL',
      'GAPKIT_BODY_LIMIT',
    ])
  })
})

describe('gapkit serve configuration', () => {
  it('refuses to start on a bad variable: exit code 2 and one line on stderr', async () => {
    const db = path.join(tempDir(), 'never.db')
    dirs.push(path.dirname(db))
    // In process: what is tested is the command's answer, not the process around it (the bin
    // only hands main's exit code to the process: test/bin/gapkit.test.ts).
    const unset = Object.fromEntries(
      Object.keys(process.env)
        .filter((k) => k.startsWith('GAPKIT_') || k === 'PORT')
        .map((k) => [k, undefined]),
    )
    const limit = await runCli(['serve', '--db', db], {
      env: { ...unset, GAPKIT_BODY_LIMIT: 'abc' },
    })
    const several = await runCli(['serve', '--db', db], {
      env: { ...unset, GAPKIT_PORT: '80a', GAPKIT_WAVE: ' ' },
    })
    expect(limit.code).toBe(2)
    expect(limit.stdout).toBe('')
    expect(limit.stderr).toBe(
      'gapkit serve: GAPKIT_BODY_LIMIT must be a number of bytes, e.g. 1048576 (got "abc")\n',
    )
    expect(several.code).toBe(2)
    expect(several.stderr).toBe(
      'gapkit serve: GAPKIT_PORT must be an integer 0–65535 (got "80a"); ' +
        'GAPKIT_WAVE must be a wave name of 1–64 characters, e.g. 2026 (got " ")\n',
    )
    // Nothing was opened: the database file was never made.
    expect(fs.existsSync(db)).toBe(false)
  })

  it('serves the shipped questionnaires from a checkout under a folder with a space, stops on SIGTERM', async () => {
    const tmp = tempDir()
    dirs.push(tmp)
    const root = path.join(tmp, 'with space')
    for (const entry of ['server', 'surveys', 'demo', 'analysis', 'reports', 'bin']) {
      fs.cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true })
    }
    for (const file of ['package.json', 'tsconfig.json']) {
      fs.copyFileSync(path.join(ROOT, file), path.join(root, file))
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir')
    const bin = path.join(root, 'bin', 'gapkit.js')
    const db = path.join(root, 'data', 'test.db')
    // The token is made in process: only serving has to run from the copy.
    const made = await runCli(['admin-token', '--db', db])
    expect(made.code, made.stderr).toBe(0)
    const token = made.stdout.trim()
    expect(token).toMatch(/^gka_/)

    const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', db], {
      cwd: tmp,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const done = collect(server)
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let seen = ''
        server.stderr.on('data', (d) => {
          seen += d
          const match = /\(port (\d+)\)/.exec(seen)
          if (match) resolve(Number(match[1]))
        })
        server.on('close', () => reject(new Error(`serve stopped: ${seen}`)))
      })
      const res = await fetch(`http://127.0.0.1:${port}/api/surveys`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      expect(res.status).toBe(200)
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
      const body = (await res.json()) as { surveys: { id: string }[] }
      const shipped = fs
        .readdirSync(path.join(root, 'surveys', 'definitions'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .sort()
      expect(shipped.length).toBeGreaterThan(0)
      expect(body.surveys.map((s) => s.id).sort()).toEqual(shipped)
      const form = await fetch(`http://127.0.0.1:${port}/s/${shipped[0]}?t=${token}`)
      expect(form.status).toBe(200)
      expect(await form.text()).toContain('id="gk-data"')
    } finally {
      server.kill('SIGTERM')
    }
    const stopped = await done
    // A real process, so stopping on a signal is tested here too: cleanly, exit 0.
    expect(stopped.code, stopped.stderr).toBe(0)
    expect(stopped.stderr).toContain('gapkit: SIGTERM, finishing in-flight requests…')
    expect(stopped.stderr.trimEnd().split('\n').at(-1)).toBe('gapkit: stopped')
  }, 60_000)
})
