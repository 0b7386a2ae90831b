import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../server/app.ts'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import { createLiveRegistry } from '../../../server/services/live-registry.ts'
import { createRegistry, loadSurvey } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'

const example = JSON.parse(
  readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'),
) as SurveyJson

/** The example without its stakeholder question: a version the analysis tells apart. */
function withoutStakeholder(): SurveyJson {
  const copy = structuredClone(example)
  for (const page of copy.pages as { elements: { name: string }[] }[]) {
    page.elements = page.elements.filter((e) => e.name !== 'stakeholder')
  }
  return copy
}

let t: TestApp
let other: Db
let second: ReturnType<typeof createApp>
beforeEach(async () => {
  // Every request looks at the publications (registryMaxAge 0), so each step sees the last
  // one at once; the default second of delay is tested on its own below.
  t = await createTestApp({ example }, { registryMaxAge: 0 })
  // A second server process on the same database (the SQLite file, or the PostgreSQL URL and
  // schema): its own connection, app and registry.
  other = await createDb(t.db.target)
  second = createApp({
    db: other.kysely,
    registry: createRegistry([loadSurvey('example', example)]),
    defaultWave: '2026',
    registryMaxAge: 0,
  })
})
afterEach(async () => {
  await other.close()
  await t.close()
})

const get = async (app: { request: TestApp['app']['request'] }, url: string, token: string) => {
  const res = await app.request(url, { headers: { Authorization: `Bearer ${token}` } })
  expect(res.status, `${url}: ${await res.clone().text()}`).toBe(200)
  return res.json()
}

async function publish(json: SurveyJson, id: string): Promise<string> {
  const res = await t.app.request(`/api/surveys?id=${id}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${t.admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  })
  expect(res.status).toBe(201)
  const { upload } = (await res.json()) as { upload: { id: string; version: string } }
  const done = await t.send('POST', `/api/surveys/uploads/${upload.id}/publish`, t.admin)
  expect(done.status).toBe(200)
  return upload.version
}

describe('a publication reaches every process on the database', () => {
  it('shows a new questionnaire on the second instance at its next request', async () => {
    const before = (await get(second, '/api/surveys', t.partnerA)) as { surveys: { id: string }[] }
    expect(before.surveys.map((s) => s.id)).toEqual(['example'])
    const version = await publish(example, 'field-visit')
    const after = (await get(second, '/api/surveys', t.partnerA)) as {
      surveys: { id: string; version: string }[]
    }
    expect(after.surveys).toContainEqual(expect.objectContaining({ id: 'field-visit', version }))
    // And a partner submits to it there, at that version.
    const res = await second.request('/api/surveys/field-visit/responses', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.partnerA}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: exampleAnswers() }),
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { version: string }).version).toBe(version)
  })

  it('does not serve the analysis of the replaced version from its caches', async () => {
    const folderVersion = loadSurvey('example', example).version
    for (const token of [t.partnerA, t.partnerB]) {
      const res = await t.send('POST', '/api/surveys/example/responses', token, {
        answers: exampleAnswers(),
      })
      expect(res.status).toBe(201)
    }
    const charts = '/api/surveys/example/charts?wave=all'
    const first = (await get(second, charts, t.admin)) as { version: string }
    expect(first.version).toBe(folderVersion)
    const analysis = (await get(second, '/api/surveys/example/analysis?wave=all', t.admin)) as {
      version: string
    }
    expect(JSON.stringify(analysis)).toContain('"stakeholder"')
    const version = await publish(withoutStakeholder(), 'example')
    const again = (await get(second, charts, t.admin)) as { version: string }
    expect(again.version).toBe(version)
    const now = (await get(second, '/api/surveys/example/analysis?wave=all', t.admin)) as {
      version: string
    }
    expect(now.version).toBe(version)
    expect(JSON.stringify(now)).not.toContain('"stakeholder"')
    // The responses keep the version they answered.
    const stored = await other.kysely.selectFrom('responses').select('version').execute()
    expect(stored.map((r) => r.version)).toEqual([folderVersion, folderVersion])
  })

  it('numbers publications made at once by two processes apart, and both serve the last', async () => {
    const draft = async (json: SurveyJson) => {
      const res = await t.app.request('/api/surveys?id=example', {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(json),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { upload: { id: string; version: string } }).upload
    }
    const a = await draft(withoutStakeholder())
    const retitled = { ...example, title: 'Example, second title' }
    const b = await draft(retitled)
    const publishOn = (app: typeof second, id: string) =>
      app.request(`/api/surveys/uploads/${id}/publish`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.admin}` },
      })
    const [ra, rb] = await Promise.all([publishOn(t.app, a.id), publishOn(second, b.id)])
    expect([ra.status, rb.status]).toEqual([200, 200])
    const rows = await other.kysely
      .selectFrom('survey_uploads')
      .select(['id', 'published_seq'])
      .orderBy('published_seq')
      .execute()
    expect(rows.map((r) => r.published_seq)).toEqual([1, 2])
    const last = rows[1]?.id === a.id ? a.version : b.version
    for (const app of [t.app, second]) {
      const { surveys } = (await get(app, '/api/surveys', t.partnerA)) as {
        surveys: { id: string; version: string }[]
      }
      expect(surveys).toEqual([expect.objectContaining({ id: 'example', version: last })])
    }
  })

  it('with the default, sees another process’s publication within a second, looking at most that often', async () => {
    const third = createApp({
      db: other.kysely,
      registry: createRegistry([loadSurvey('example', example)]),
      defaultWave: '2026',
    })
    const ids = async () =>
      ((await get(third, '/api/surveys', t.partnerA)) as { surveys: { id: string }[] }).surveys.map(
        (s) => s.id,
      )
    expect(await ids()).toEqual(['example'])
    await publish(example, 'field-visit')
    // Seen once the look made before the publication is a second old (the age itself is
    // tested with a clock below).
    await vi.waitFor(async () => expect(await ids()).toContain('field-visit'), {
      timeout: 5_000,
      interval: 50,
    })
  })

  it('looks again only when its last look is older than the given age', async () => {
    let clock = 0
    const registry = createLiveRegistry(
      other.kysely,
      createRegistry([loadSurvey('example', example)]),
      { now: () => clock },
    )
    await registry.refresh(1000)
    await publish(example, 'field-visit')
    clock = 999
    await registry.refresh(1000)
    expect(registry.get('field-visit')).toBeUndefined()
    clock = 1000
    await registry.refresh(1000)
    expect(registry.get('field-visit')?.id).toBe('field-visit')
  })

  it('reads the published uploads once per publication, not at every look', async () => {
    const registry = createLiveRegistry(
      other.kysely,
      createRegistry([loadSurvey('example', example)]),
    )
    await registry.refresh()
    expect(registry.origin('example')).toEqual({ kind: 'folder' })
    const version = await publish(withoutStakeholder(), 'example')
    expect(registry.get('example')?.version).not.toBe(version)
    await registry.refresh()
    const served = registry.get('example')
    expect(served?.version).toBe(version)
    expect(registry.origin('example')).toMatchObject({ kind: 'upload' })
    await registry.refresh()
    // Unchanged publication number: the very same loaded questionnaire.
    expect(registry.get('example')).toBe(served)
    // The folder's version stays resolvable by its hash.
    const folderVersion = loadSurvey('example', example).version
    expect(registry.version('example', folderVersion)?.version).toBe(folderVersion)
  })
})
