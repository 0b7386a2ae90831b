import fs from 'node:fs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createApp } from '../../../server/app.ts'
import { createDb } from '../../../server/db/create-db.ts'
import { createAdminToken, createPartnerLink } from '../../../server/services/partner-links.ts'
import { loadSurveyRegistry } from '../../../surveys/registry.ts'
import { runCli } from '../../helpers/cli.ts'
import { DEFINITIONS, tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

interface Row {
  submission_key: string | null
  survey: string
  region_id: string
  wave: string
  language: string
  status: string
  group_name: string | null
  answers: string
  version: string
}

async function readRows(target: string): Promise<Row[]> {
  const db = await createDb(target)
  try {
    return await db.kysely
      .selectFrom('responses')
      .select([
        'submission_key',
        'survey',
        'region_id',
        'wave',
        'language',
        'status',
        'group_name',
        'answers',
        'version',
      ])
      .orderBy('submission_key')
      .execute()
  } finally {
    await db.close()
  }
}

describe('gapkit demo', () => {
  it('gives identical answers for the same seed in two fresh databases, all valid', async () => {
    const dir = tempDir()
    const targetA = await testDatabaseTarget(dir, 'a.db')
    const targetB = await testDatabaseTarget(dir, 'b.db')
    onTestFinished(async () => {
      await dropTestDatabase(targetA)
      await dropTestDatabase(targetB)
      fs.rmSync(dir, { recursive: true, force: true })
    })
    const demo = (db: string) => runCli(['demo', '--responses', '300', '--seed', '1', '--db', db])
    const a = await demo(targetA)
    const b = await demo(targetB)
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    expect(a.stdout).toMatch(/Admin: +http:\/\/\S+\/admin\?t=gka_/)
    expect(a.stdout).toMatch(/Partner FR-93 +http:\/\/\S+\/s\/microfinance-gap\?t=gkp_/)

    const rowsA = await readRows(targetA)
    const rowsB = await readRows(targetB)
    expect(rowsA.length).toBe(300)
    expect(rowsB).toEqual(rowsA)

    // Every stored response passes the validator again (they went through the same path).
    const registry = loadSurveyRegistry(DEFINITIONS)
    for (const r of rowsA) {
      const survey = registry.get(r.survey)
      expect(survey?.version).toBe(r.version)
      const verdict = survey?.validator.validate(JSON.parse(r.answers), {
        mode: r.status === 'draft' ? 'draft' : 'submit',
        locale: r.language,
        variables: { region: r.region_id },
      })
      expect(verdict?.ok, JSON.stringify(verdict)).toBe(true)
    }

    const regions = new Set(
      rowsA.filter((r) => r.survey === 'microfinance-gap').map((r) => r.region_id),
    )
    expect([...regions].sort()).toEqual(['FR-93', 'IT-BO', 'ML-KK', 'RO-BI', 'SE-VG', 'SI-HEART'])
    const k = registry.get('microfinance-gap')?.gapkit.suppressBelow ?? 5
    const sizes = new Map<string, number>()
    for (const r of rowsA) {
      if (r.survey !== 'microfinance-gap' || r.status !== 'submitted') continue
      const key = `${r.region_id}/${r.wave}`
      sizes.set(key, (sizes.get(key) ?? 0) + 1)
    }
    expect([...sizes.values()].some((n) => n < k)).toBe(true)
    expect(rowsA.some((r) => r.answers.includes('"dk"'))).toBe(true)

    // The analysis of the demo is the same document twice, and the API serves the same one.
    const analyze = () => runCli(['analyze', 'microfinance-gap', '--json', '--db', targetA])
    const first = await analyze()
    const second = await analyze()
    expect(first.code, first.stderr).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    const doc = JSON.parse(first.stdout)
    expect(doc.groups.some((g: { suppressed: boolean }) => g.suppressed) || doc.waves).toBeTruthy()

    const db = await createDb(targetA)
    try {
      const admin = await createAdminToken(db.kysely, 'test', 'cli', '2026-01-01T00:00:00.000Z')
      const partner = await createPartnerLink(
        db.kysely,
        { region: 'FR-93', name: 'p' },
        'cli',
        '2026-01-01T00:00:00.000Z',
      )
      const app = createApp({ db: db.kysely, registry, defaultWave: '2026' })
      const url = '/api/surveys/microfinance-gap/analysis'
      const res = await app.request(url, { headers: { Authorization: `Bearer ${admin.token}` } })
      expect(res.status).toBe(200)
      expect(`${JSON.stringify(await res.json(), null, 2)}\n`).toBe(first.stdout)
      const forbidden = await app.request(url, {
        headers: { Authorization: `Bearer ${partner.token}` },
      })
      expect(forbidden.status).toBe(403)
      expect((await app.request(url)).status).toBe(401)
      const badBy = await app.request(`${url}?by=nope`, {
        headers: { Authorization: `Bearer ${admin.token}` },
      })
      expect(badBy.status).toBe(400)
    } finally {
      await db.close()
    }
  }, 240_000)
})
