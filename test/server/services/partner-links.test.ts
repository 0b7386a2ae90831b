import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { findRegion, upsertRegion } from '../../../server/db/repositories/regions.ts'
import { listTokens } from '../../../server/db/repositories/tokens.ts'
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  ValidationError,
} from '../../../server/errors.ts'
import { hashToken } from '../../../server/http/auth.ts'
import { main } from '../../../server/main.ts'
import {
  createAdminToken,
  createPartnerLink,
  listPartnerLinks,
  revokePartnerLink,
} from '../../../server/services/partner-links.ts'
import { FIXTURES, tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

const NOW = '2026-01-01T00:00:00.000Z'

let dir: string
/** The test database: a SQLite file, or a PostgreSQL URL on a schema of its own. */
let file: string
let db: Db
beforeEach(async () => {
  dir = tempDir()
  file = await testDatabaseTarget(dir)
  db = await createDb(file)
})
afterEach(async () => {
  await db.close()
  await dropTestDatabase(file)
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('partner links service', () => {
  it('creates the region when named, stores only the hash, and audits under the actor', async () => {
    const { token, partner } = await createPartnerLink(
      db.kysely,
      { region: 'IT-BO', regionName: 'Bologna', name: 'Coop', group: 'ngo', wave: '2025' },
      'admin:1',
      NOW,
    )
    expect(partner).toEqual({
      id: partner.id,
      name: 'Coop',
      region: 'IT-BO',
      regionName: 'Bologna',
      group: 'ngo',
      wave: '2025',
      createdAt: NOW,
      revokedAt: null,
    })
    expect(await findRegion(db.kysely, 'IT-BO')).toMatchObject({ name: 'Bologna' })
    const [row] = await listTokens(db.kysely)
    expect(row?.token_hash).toBe(hashToken(token))
    expect(JSON.stringify(row)).not.toContain(token)
    const audit = await listAudit(db.kysely, { entity: 'token' })
    expect(audit.map((a) => [a.actor, a.action, a.entity_id])).toEqual([
      ['admin:1', 'token.create', String(partner.id)],
    ])
    expect(JSON.parse(audit[0]?.details ?? 'null')).toEqual({
      role: 'partner',
      region: 'IT-BO',
      group: 'ngo',
    })
  })

  it('refuses a malformed region id and an unknown region without a name, storing nothing', async () => {
    const bad = createPartnerLink(db.kysely, { region: 'no spaces', name: 'x' }, 'cli', NOW)
    await expect(bad).rejects.toBeInstanceOf(InvalidInputError)
    const unknown = await createPartnerLink(db.kysely, { region: 'XX-1', name: 'x' }, 'cli', NOW)
      .then(() => null)
      .catch((error: unknown) => error)
    expect(unknown).toBeInstanceOf(ValidationError)
    expect(unknown).toMatchObject({
      code: 'unknown_region',
      message: 'no region "XX-1"; give its name to create it',
      details: [{ field: 'regionName', message: 'required for a new region' }],
    })
    expect(await listTokens(db.kysely)).toEqual([])
    expect(await listAudit(db.kysely)).toEqual([])
  })

  it('lists partner links newest first, never admin tokens, and revokes each once', async () => {
    await upsertRegion(db.kysely, { id: 'FR-93', name: 'Seine-Saint-Denis' }, NOW)
    const admin = await createAdminToken(db.kysely, 'boss', 'cli', NOW)
    const first = await createPartnerLink(db.kysely, { region: 'FR-93', name: 'A' }, 'cli', NOW)
    const second = await createPartnerLink(db.kysely, { region: 'FR-93', name: 'B' }, 'cli', NOW)
    const { partners, regions } = await listPartnerLinks(db.kysely)
    expect(partners.map((p) => p.name)).toEqual(['B', 'A'])
    expect(partners[0]?.regionName).toBe('Seine-Saint-Denis')
    expect(regions.map((r) => r.id)).toEqual(['FR-93'])

    const later = '2026-02-01T00:00:00.000Z'
    expect(await revokePartnerLink(db.kysely, first.partner.id, 'admin:1', later)).toEqual({
      id: first.partner.id,
      revokedAt: later,
    })
    await expect(
      revokePartnerLink(db.kysely, first.partner.id, 'admin:1', later),
    ).rejects.toBeInstanceOf(ConflictError)
    // An admin token is not a partner link, whatever its id.
    await expect(revokePartnerLink(db.kysely, admin.id, 'admin:1', later)).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await expect(revokePartnerLink(db.kysely, 999, 'admin:1', later)).rejects.toBeInstanceOf(
      NotFoundError,
    )
    const after = await listPartnerLinks(db.kysely)
    expect(after.partners.map((p) => [p.id, p.revokedAt])).toEqual([
      [second.partner.id, null],
      [first.partner.id, later],
    ])
  })

  it('creates an admin token with its own audit entry', async () => {
    const { token, id } = await createAdminToken(db.kysely, 'boss', 'cli', NOW)
    expect(token).toMatch(/^gka_[\w-]{43}$/)
    const [row] = await listTokens(db.kysely)
    const prefix = token.slice(0, 12)
    expect(row).toMatchObject({ id, role: 'admin', region_id: null, name: 'boss', prefix })
    expect(row?.token_hash).toBe(hashToken(token))
    const [entry] = await listAudit(db.kysely)
    expect(entry).toMatchObject({ actor: 'cli', action: 'token.create', entity_id: String(id) })
    expect(JSON.parse(entry?.details ?? 'null')).toEqual({
      role: 'admin',
      name: 'boss',
      prefix,
      validUntil: null,
    })
  })
})

describe('gapkit partner add and admin-token', () => {
  const run = async (args: string[]) => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {})
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await db.close()
      const code = await main([...args, '--db', file, '--surveys', path.join(FIXTURES, 'surveys')])
      return {
        code,
        stdout: out.mock.calls.map((c) => String(c[0])),
        stderr: err.mock.calls.map((c) => String(c[0])),
      }
    } finally {
      out.mockRestore()
      err.mockRestore()
      db = await createDb(file)
    }
  }

  it('prints the token once and the form link, through the same service as the dashboard', async () => {
    const res = await run([
      'partner',
      'add',
      '--region',
      'SI-HEART',
      '--region-name',
      'Heart of Slovenia',
      '--name',
      ' Partner B ',
    ])
    expect(res.code).toBe(0)
    expect(res.stdout).toHaveLength(1)
    const token = res.stdout[0] ?? ''
    expect(res.stderr).toEqual([expect.stringMatching(new RegExp(`/s/example\\?t=${token}$`))])
    const { partners } = await listPartnerLinks(db.kysely)
    expect(partners).toMatchObject([
      { name: 'Partner B', region: 'SI-HEART', regionName: 'Heart of Slovenia' },
    ])
    const [row] = await listTokens(db.kysely)
    expect(row?.token_hash).toBe(hashToken(token))
    expect((await listAudit(db.kysely)).map((a) => a.actor)).toEqual(['cli'])

    const admin = await run(['admin-token', '--name', 'boss'])
    expect(admin.code).toBe(0)
    expect(admin.stderr).toEqual([expect.stringContaining(`/admin?t=${admin.stdout[0]}`)])
    expect((await listTokens(db.kysely)).map((t) => t.role)).toEqual(['partner', 'admin'])
  })

  it('refuses an unknown region or a malformed id in one line, exit 2', async () => {
    const unknown = await run(['partner', 'add', '--region', 'XX-9', '--name', 'x'])
    expect(unknown).toEqual({
      code: 2,
      stdout: [],
      stderr: ['gapkit partner: no region "XX-9"; give --region-name to create it'],
    })
    const bad = await run([
      'partner',
      'add',
      '--region',
      'a b',
      '--region-name',
      'A',
      '--name',
      'x',
    ])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toEqual([
      'gapkit partner: region "a b" is not a region id (letters, digits, - and _)',
    ])
    expect(await listTokens(db.kysely)).toEqual([])
  })
})
