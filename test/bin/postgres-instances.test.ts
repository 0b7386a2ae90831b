/**
 * Several instances on one PostgreSQL database (issue 14): two real `gapkit serve` processes on
 * one schema, each on its own port, nothing in front. Submissions with their retries spread over
 * both, a kill -9 of one under load, a dashboard session, a publication and the chart cache
 * seen across them. The kill (b) runs last: c, d and e need both instances. Needs PostgreSQL
 * whatever the run's database: skipped only when it is not reachable on a SQLite run.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoResponses } from '../../demo/index.ts'
import { createDb } from '../../server/db/create-db.ts'
import { createAdminToken, createPartnerLink } from '../../server/services/partner-links.ts'
import { loadSurveyRegistry } from '../../surveys/registry.ts'
import { DEFINITIONS, FIXTURES } from '../helpers/test-app.ts'
import {
  createTestSchema,
  dropTestDatabase,
  postgresAvailable,
  SHOWN_POSTGRES_URL,
} from '../helpers/test-db.ts'
import { envWithoutGapkit, exited } from './processes.ts'

const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'gapkit.js')
const SURVEY = 'microfinance-gap'
const ROUTE = `/api/surveys/${SURVEY}/responses`

const POSTGRES_UP = await postgresAvailable()
const shownUrl = SHOWN_POSTGRES_URL
if (!POSTGRES_UP) {
  console.warn(`postgres-instances: skipped, PostgreSQL not reachable at ${shownUrl}`)
}

type Server = ChildProcessByStdio<null, null, Readable>
interface Instance {
  name: string
  child: Server
  port: number
  base: string
}

/** `gapkit serve --db URL` on a free port, limits and request log off. */
async function startInstance(name: string, url: string): Promise<Instance> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', url], {
    env: { ...envWithoutGapkit(), GAPKIT_RATE_LIMITS: 'off', GAPKIT_LOG: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let started = ''
  const port = await new Promise<number>((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(
      () => reject(new Error(`${name}: no port after 30 s: ${seen}`)),
      30_000,
    )
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      seen += d
      const match = /\(port (\d+)\)/.exec(seen)
      if (match) {
        clearTimeout(timer)
        started = seen
        resolve(Number(match[1]))
      }
    })
    child.on('close', () => reject(new Error(`${name} stopped: ${seen}`)))
  })
  // The start line names the database, its password hidden.
  expect(started).toMatch(/\(port \d+\), PostgreSQL postgres:\/\/\w+:\*\*\*@/)
  return { name, child, port, base: `http://127.0.0.1:${port}` }
}

interface Answer {
  status: number
  id?: string
  created?: boolean
}

/** One submission of `key`; status 0 when the connection failed (nothing acknowledged). */
async function submit(to: Instance, token: string, answers: string, key: string): Promise<Answer> {
  try {
    const res = await fetch(`${to.base}${ROUTE}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"answers":${answers},"submissionKey":"${key}"}`,
    })
    const text = await res.text()
    if (!res.ok) return { status: res.status }
    const body = JSON.parse(text) as { id?: string }
    return { status: res.status, id: body.id, created: res.status === 201 }
  } catch {
    return { status: 0 }
  }
}

describe.skipIf(!POSTGRES_UP)(
  `two gapkit serve instances on one PostgreSQL schema${POSTGRES_UP ? '' : ` (skipped: PostgreSQL not reachable at ${shownUrl}; set GAPKIT_TEST_POSTGRES_URL or start it)`}`,
  () => {
    let url = ''
    let token = ''
    let admin = ''
    let a: Instance
    let b: Instance
    let sql: pg.Client
    const answers: string[] = []
    /** Every answer of every key: what the database must agree with at the end. */
    const seen = new Map<string, Answer[]>()
    const record = (key: string, answer: Answer) => {
      seen.set(key, [...(seen.get(key) ?? []), answer])
    }

    beforeAll(async () => {
      url = await createTestSchema()
      const db = await createDb(url)
      const now = new Date().toISOString()
      const region = { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'load' }
      token = (await createPartnerLink(db.kysely, region, 'cli', now)).token
      admin = (await createAdminToken(db.kysely, 'admin', 'cli', now)).token
      await db.close()
      const registry = loadSurveyRegistry(DEFINITIONS)
      for (const d of generateDemoResponses(registry.list(), { responses: 200, seed: 14 })) {
        if (d.survey === SURVEY && !d.draft) answers.push(JSON.stringify(d.answers))
      }
      ;[a, b] = await Promise.all([startInstance('A', url), startInstance('B', url)])
      sql = new pg.Client({ connectionString: url })
      await sql.connect()
    }, 60_000)

    afterAll(async () => {
      for (const i of [a, b]) {
        if (i && i.child.exitCode === null && i.child.signalCode === null) {
          i.child.kill('SIGKILL')
          await exited(i.child)
        }
      }
      await sql?.end()
      if (url) await dropTestDatabase(url)
    })

    /** Rows per submission key of this test's keys, and their ids. */
    async function stored(): Promise<Map<string, string[]>> {
      const { rows } = await sql.query<{ key: string; id: string }>(
        'select submission_key as key, id from responses where survey = $1',
        [SURVEY],
      )
      const byKey = new Map<string, string[]>()
      for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.id])
      return byKey
    }

    /**
     * The database against every answer seen: each key sent is stored exactly once, and every
     * 2xx of that key named that one row.
     */
    async function checkStored(keys: string[]) {
      const byKey = await stored()
      const problems: string[] = []
      for (const key of keys) {
        const ids = byKey.get(key) ?? []
        const acked = (seen.get(key) ?? []).filter((x) => x.status >= 200 && x.status < 300)
        if (ids.length !== 1) problems.push(`${key}: ${ids.length} rows`)
        for (const x of acked) {
          if (x.id !== ids[0]) problems.push(`${key}: acknowledged ${x.id}, stored ${ids[0]}`)
        }
      }
      expect(problems).toEqual([])
    }

    it('a. 50 clients on both, each key retried on the other instance: stored once, one id', async () => {
      const perClient = 12
      const keys: string[] = []
      const client = async (c: number) => {
        const own = c % 2 === 0 ? a : b
        const other = own === a ? b : a
        for (let j = 0; j < perClient; j++) {
          const key = `a-${c}-${j}`
          keys.push(key)
          const body = answers[(c * perClient + j) % answers.length] ?? '{}'
          // The first try on its own instance and a retry on the other, at the same time.
          const both = await Promise.all([
            submit(own, token, body, key),
            submit(other, token, body, key),
          ])
          for (const x of both) record(key, x)
        }
      }
      await Promise.all(Array.from({ length: 50 }, (_, c) => client(c)))
      // Afterwards, every key once more on the instance it was not first sent to.
      await Promise.all(
        Array.from({ length: 50 }, async (_, c) => {
          const other = c % 2 === 0 ? b : a
          for (let j = 0; j < perClient; j++) {
            const key = `a-${c}-${j}`
            const body = answers[(c * perClient + j) % answers.length] ?? '{}'
            record(key, await submit(other, token, body, key))
          }
        }),
      )
      expect(keys).toHaveLength(600)
      const failed = keys.flatMap((k) =>
        (seen.get(k) ?? [])
          .filter((x) => x.status < 200 || x.status > 299)
          .map((x) => `${k}: ${x.status}`),
      )
      expect(failed, 'every submission of a live instance is answered with a 2xx').toEqual([])
      // Exactly one 201 per key (the insert that won), every other answer 200 with its id.
      const firsts = keys.filter(
        (k) => (seen.get(k) ?? []).filter((x) => x.status === 201).length !== 1,
      )
      expect(firsts, 'keys without exactly one 201').toEqual([])
      await checkStored(keys)
      const total = await sql.query<{ n: number }>(
        'select count(*)::int as n from responses where submission_key like $1',
        ['a-%'],
      )
      expect(total.rows[0]?.n).toBe(600)
    }, 60_000)

    it('c. a dashboard session opened on A is valid on B', async () => {
      const login = await fetch(`${a.base}/admin/login`, {
        method: 'POST',
        body: new URLSearchParams({ token: admin, lang: 'en' }),
        redirect: 'manual',
      })
      expect(login.status).toBe(303)
      const cookie = /gapkit_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1]
      expect(cookie, 'a session cookie from A').toBeTruthy()
      const page = (i: Instance, headers: Record<string, string> = {}) =>
        fetch(`${i.base}/admin/surveys/${SURVEY}`, { headers, redirect: 'manual' })
      const signedIn = await page(b, { cookie: `gapkit_session=${cookie}` })
      const html = await signedIn.text()
      expect(signedIn.status, html.slice(0, 300)).toBe(200)
      expect(html).toContain('action="/admin/logout"')
      // Without the cookie, B shows the sign-in form instead.
      const anonymous = await page(b)
      expect(await anonymous.text()).not.toContain('action="/admin/logout"')
    })

    it('d. a questionnaire published on A is served by B within 2 s', async () => {
      const json = readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8')
      const bearer = (t: string) => ({ authorization: `Bearer ${t}` })
      const onB = () => fetch(`${b.base}/api/surveys/field-visit`, { headers: bearer(token) })
      expect((await onB()).status, 'B before the upload').toBe(404)
      const uploaded = await fetch(`${a.base}/api/surveys?id=field-visit`, {
        method: 'POST',
        headers: { ...bearer(admin), 'content-type': 'application/json' },
        body: json,
      })
      expect(uploaded.status, await uploaded.clone().text()).toBe(201)
      const { upload, publishUrl } = (await uploaded.json()) as {
        upload: { version: string }
        publishUrl: string
      }
      const published = await fetch(`${a.base}${publishUrl}`, {
        method: 'POST',
        headers: bearer(admin),
      })
      expect(published.status, await published.clone().text()).toBe(200)
      const since = performance.now()
      let served: { version?: string } = {}
      while (performance.now() - since < 5000) {
        const res = await onB()
        if (res.status === 200) {
          served = (await res.json()) as { version?: string }
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const ms = performance.now() - since
      expect(served.version, 'B serves the published version').toBe(upload.version)
      expect(ms).toBeLessThan(2000)
      // The form page on B too.
      const form = await fetch(`${b.base}/s/field-visit?t=${token}`)
      expect(form.status).toBe(200)
    })

    it('e. a chart on B reflects a response submitted on A (the chart cache keys on the data)', async () => {
      const chart = `${b.base}/api/surveys/${SURVEY}/charts/${SURVEY}.response-progress.all.vl.json`
      /** Respondents in the response-progress chart, summed over its groups. */
      const respondents = async () => {
        const res = await fetch(chart, { headers: { authorization: `Bearer ${admin}` } })
        expect(res.status).toBe(200)
        const spec = (await res.json()) as { layer?: { data?: { values?: unknown[] } }[] }
        // The bars' layer (the labels' layer repeats the same rows).
        const rows = (spec.layer ?? [])
          .map((l) => (l.data?.values ?? []) as { group?: string; n?: number }[])
          .find((values) => values.some((r) => r.group !== undefined))
        return (rows ?? []).reduce((sum, r) => sum + (r.n ?? 0), 0)
      }
      const before = await respondents()
      expect(before).toBeGreaterThan(0)
      expect(await respondents(), 'the same answer twice (cached)').toBe(before)
      const added = await submit(a, token, answers[0] ?? '{}', 'e-new')
      expect(added.status).toBe(201)
      expect(await respondents()).toBe(before + 1)
      // The analysis document on B counts it too.
      const doc = await fetch(`${b.base}/api/surveys/${SURVEY}/analysis`, {
        headers: { authorization: `Bearer ${admin}` },
      })
      const groups = ((await doc.json()) as { groups: { n: number }[] }).groups
      expect(groups.reduce((sum, g) => sum + g.n, 0)).toBe(before + 1)
    })

    it('b. kill -9 of A under load: nothing acknowledged is lost, its clients finish on B', async () => {
      const keys: string[] = []
      const retried: string[] = []
      let ackedByA = 0
      let ackedByB = 0
      let stop = false
      const client = async (c: number) => {
        let to = c % 2 === 0 ? a : b
        for (let j = 0; !stop; j++) {
          const key = `b-${c}-${j}`
          keys.push(key)
          const body = answers[(c * 31 + j) % answers.length] ?? '{}'
          let answer = await submit(to, token, body, key)
          record(key, answer)
          if (answer.status >= 200 && answer.status < 300) {
            if (to === a) ackedByA++
            else ackedByB++
            continue
          }
          // Not acknowledged: A died under it. Retry the key on B, and carry on there.
          expect(to, `${key}: ${answer.status} from B`).toBe(a)
          to = b
          retried.push(key)
          answer = await submit(b, token, body, key)
          record(key, answer)
          expect(answer.status, `${key} retried on B`).toBeGreaterThanOrEqual(200)
          expect(answer.status, `${key} retried on B`).toBeLessThan(300)
        }
      }
      const clients = Array.from({ length: 50 }, (_, c) => client(c))
      while (ackedByA < 150 || ackedByB < 150) {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      const ackedBeforeKill = ackedByA + ackedByB
      a.child.kill('SIGKILL')
      expect((await exited(a.child)).signal).toBe('SIGKILL')
      // B alone for a while, the killed instance's clients with it.
      const atKill = ackedByB
      while (ackedByB < atKill + 300) await new Promise((resolve) => setTimeout(resolve, 10))
      stop = true
      await Promise.all(clients)
      expect(retried.length, 'clients of A lost their connection').toBeGreaterThan(0)
      expect(ackedByA + ackedByB).toBeGreaterThan(ackedBeforeKill)
      await checkStored(keys)
      // Every key sent ended acknowledged, by A before it died or by B.
      const unacked = keys.filter(
        (k) => !(seen.get(k) ?? []).some((x) => x.status >= 200 && x.status < 300),
      )
      expect(unacked).toEqual([])
    }, 60_000)
  },
)
