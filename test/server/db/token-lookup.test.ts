/**
 * The token lookup every API request makes, on the run's database. On PostgreSQL a partner link
 * found is remembered for a second per database handle (a round trip per submission saved): a
 * revocation in the same process is seen at once, one made elsewhere (another instance, a
 * command) within the second; admin tokens are never remembered.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../../server/db/create-db.ts'
import { findActiveTokenByHash, revokeToken } from '../../../server/db/repositories/tokens.ts'
import { hashToken } from '../../../server/http/auth.ts'
import { createAdminToken, createPartnerLink } from '../../../server/services/partner-links.ts'
import { tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, ON_POSTGRES, testDatabaseTarget } from '../../helpers/test-db.ts'

const NOW = '2026-03-01T10:00:00.000Z'
const at = (ms: number) => new Date(Date.parse(NOW) + ms)

let dir: string | undefined
let target = ''
const dbs: Db[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close()
  if (dir) {
    await dropTestDatabase(target)
    fs.rmSync(dir, { recursive: true, force: true })
    dir = undefined
  }
})

async function twoHandles(): Promise<[Db, Db]> {
  dir = tempDir()
  target = await testDatabaseTarget(dir)
  const a = await createDb(target)
  const b = await createDb(target)
  dbs.push(a, b)
  return [a, b]
}

describe('the token lookup', () => {
  it('refuses a link revoked in the same process at once', async () => {
    const [a] = await twoHandles()
    const { token, partner } = await createPartnerLink(
      a.kysely,
      { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'A' },
      'test',
      NOW,
    )
    const hash = hashToken(token)
    expect((await findActiveTokenByHash(a.kysely, hash, at(0)))?.id).toBe(partner.id)
    expect(await revokeToken(a.kysely, partner.id, NOW)).toBe(true)
    expect(await findActiveTokenByHash(a.kysely, hash, at(10))).toBeUndefined()
  })

  it.runIf(ON_POSTGRES)(
    'sees a revocation made by another handle within a second, an admin token at once',
    async () => {
      const [a, b] = await twoHandles()
      const { token } = await createPartnerLink(
        a.kysely,
        { region: 'FR-93', regionName: 'Seine-Saint-Denis', name: 'A' },
        'test',
        NOW,
      )
      const admin = await createAdminToken(a.kysely, 'admin', 'test', NOW)
      const hash = hashToken(token)
      const adminHash = hashToken(admin.token)
      expect(await findActiveTokenByHash(a.kysely, hash, at(0))).toBeDefined()
      expect(await findActiveTokenByHash(a.kysely, adminHash, at(0))).toBeDefined()
      // Another instance revokes both (revokeToken runs on its own handle: `b`).
      await b.kysely.updateTable('tokens').set({ revoked_at: NOW }).execute()
      expect(await findActiveTokenByHash(a.kysely, adminHash, at(1))).toBeUndefined()
      expect(await findActiveTokenByHash(a.kysely, hash, at(999))).toBeDefined()
      expect(await findActiveTokenByHash(a.kysely, hash, at(1000))).toBeUndefined()
    },
  )
})
