import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type AppDeps, createApp } from '../../server/app.ts'
import { createDb, type Db } from '../../server/db/create-db.ts'
import { countResponses } from '../../server/db/repositories/responses.ts'
import { createAdminToken, createPartnerLink } from '../../server/services/partner-links.ts'
import {
  createRegistry,
  loadSurvey,
  loadSurveyRegistry,
  type SurveyRegistry,
} from '../../surveys/registry.ts'
import type { SurveyJson } from '../../surveys/types.ts'
import { dropTestDatabase, testDatabaseTarget } from './test-db.ts'

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures')
export const DEFINITIONS = path.join(import.meta.dirname, '..', '..', 'surveys', 'definitions')

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'gapkit-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export interface TestApp {
  app: ReturnType<typeof createApp>
  db: Db
  registry: SurveyRegistry
  dir: string
  admin: string
  /** Partner of FR-93. */
  partnerA: string
  /** Partner of SI-HEART. */
  partnerB: string
  count(filter?: { survey?: string; region?: string }): Promise<number>
  /** A JSON request with a bearer token. */
  send(method: string, url: string, token: string | null, body?: unknown): Promise<Response>
  close(): Promise<void>
}

/**
 * A test application on its own temporary database (a SQLite file, or a PostgreSQL schema when
 * `GAPKIT_TEST_DATABASE=postgres`), with two regions, an admin token and a
 * partner token per region. `surveys` is a folder or a map of id → definition.
 */
export async function createTestApp(
  surveys: string | Record<string, SurveyJson> = DEFINITIONS,
  options: Pick<
    AppDeps,
    'bodyLimit' | 'limits' | 'now' | 'log' | 'passwords' | 'registryMaxAge'
  > = {},
): Promise<TestApp> {
  const dir = tempDir()
  const db = await createDb(await testDatabaseTarget(dir))
  const registry =
    typeof surveys === 'string'
      ? loadSurveyRegistry(surveys)
      : createRegistry(Object.entries(surveys).map(([id, json]) => loadSurvey(id, json)))
  const now = '2026-01-01T00:00:00.000Z'
  const admin = await createAdminToken(db.kysely, 'test admin', 'cli', now)
  const a = await createPartnerLink(
    db.kysely,
    { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'Partner A', group: 'mfi' },
    'cli',
    now,
  )
  const b = await createPartnerLink(
    db.kysely,
    { region: 'SI-HEART', regionName: 'Heart of Slovenia', name: 'Partner B' },
    'cli',
    now,
  )
  const app = createApp({
    db: db.kysely,
    registry,
    defaultWave: '2026',
    ...options,
  })
  return {
    app,
    db,
    registry,
    dir,
    admin: admin.token,
    partnerA: a.token,
    partnerB: b.token,
    count: (filter = {}) => countResponses(db.kysely, filter),
    send: (method, url, token, body) =>
      Promise.resolve(
        app.request(url, {
          method,
          headers: {
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    async close() {
      await db.close()
      await dropTestDatabase(db.target)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
