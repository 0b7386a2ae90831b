import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { loadDemo } from '../../../server/cli/demo.ts'
import { loadConfig } from '../../../server/config.ts'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import { listTokens } from '../../../server/db/repositories/tokens.ts'
import { authenticate } from '../../../server/http/auth.ts'
import { createPartnerLink } from '../../../server/services/partner-links.ts'
import { loadSurveyRegistry } from '../../../surveys/registry.ts'
import { DEFINITIONS, tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

let db: Db | undefined
let dir: string | undefined
afterEach(async () => {
  await db?.close()
  if (db) await dropTestDatabase(db.target)
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  db = undefined
  dir = undefined
})

/** What `gapkit serve --demo` (npm start) does at start-up, with its printed lines. */
async function start(file: string, registry: ReturnType<typeof loadSurveyRegistry>, d: Db) {
  const lines: string[] = []
  const config = loadConfig({ db: file })
  await loadDemo(
    { config, registry, db: d },
    { responses: 12, seed: 1, onlyIfEmpty: true, print: (l) => lines.push(l) },
  )
  const tokens = (prefix: string) =>
    lines.flatMap((l) =>
      [...l.matchAll(new RegExp(`t=(${prefix}_[A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1] ?? ''),
    )
  return { lines, admin: tokens('gka')[0] ?? '', partners: tokens('gkp') }
}

describe('npm start on the same demo database', () => {
  it('revokes the demo links and admin token of the run before instead of piling them up', async () => {
    dir = tempDir()
    const file = await testDatabaseTarget(dir, 'demo.db')
    const registry = loadSurveyRegistry(DEFINITIONS)
    db = await createDb(file)
    const first = await start(file, registry, db)
    expect(first.partners).toHaveLength(6)
    // A link the lead partner made by hand between two starts is not the demo's to revoke.
    const own = await createPartnerLink(
      db.kysely,
      { region: 'FR-93', name: 'Mairie de Bobigny' },
      'cli',
      '2026-01-01T00:00:00.000Z',
    )
    const second = await start(file, registry, db)
    const third = await start(file, registry, db)

    const live = (await listTokens(db.kysely)).filter((t) => t.revoked_at === null)
    expect(live.filter((t) => t.role === 'admin')).toHaveLength(1)
    expect(live.filter((t) => t.role === 'partner')).toHaveLength(7)
    expect(new Set(live.map((t) => `${t.role} ${t.region_id} ${t.name}`)).size).toBe(live.length)

    // Only the latest printed tokens work; the hand-made link still does.
    for (const token of [first.admin, ...first.partners, second.admin, ...second.partners]) {
      expect(await authenticate(db.kysely, token)).toBeNull()
    }
    for (const token of [third.admin, ...third.partners, own.token]) {
      expect(await authenticate(db.kysely, token)).not.toBeNull()
    }
    // It says what it revoked and which links are live.
    expect(third.lines.join('\n')).toContain(
      'Revoked the 6 demo partner links and 1 demo admin token',
    )
    const liveList = third.lines.slice(
      third.lines.findIndex((l) => l.startsWith('Live partner links')),
    )
    expect(liveList[0]).toBe('Live partner links: 7 (6 demo, printed above; 1 other).')
    expect(liveList.join('\n')).toContain('Mairie de Bobigny')
    expect(liveList.join('\n')).toContain('FR-93')
  }, 60_000)
})
