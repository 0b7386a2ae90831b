/** Partner links managed from the dashboard: list, create (token shown once), revoke. */
import type { Kysely } from 'kysely'
import { writeAudit } from '../db/repositories/audit.ts'
import { findRegion, listRegions, upsertRegion } from '../db/repositories/regions.ts'
import { insertToken, listTokens, revokeToken } from '../db/repositories/tokens.ts'
import type { Database, Region, TokenRow } from '../db/schema.ts'
import { ApiError, conflict, notFound } from '../errors.ts'
import { generateToken, hashToken } from '../http/auth.ts'

/** A partner link as the dashboard lists it (never its token). */
export interface PartnerLink {
  id: number
  name: string
  region: string
  regionName: string
  group: string | null
  wave: string | null
  createdAt: string
  revokedAt: string | null
}

/** What creating a link needs; `regionName` creates (or renames) the region. */
export interface NewPartnerLink {
  region: string
  regionName?: string
  name: string
  group?: string
  wave?: string
}

function toLink(row: TokenRow, regions: Map<string, string>): PartnerLink {
  const region = row.region_id ?? ''
  return {
    id: row.id,
    name: row.name,
    region,
    regionName: regions.get(region) ?? region,
    group: row.group_name,
    wave: row.wave,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }
}

/** Every partner link, newest first, and every region (for the create form). */
export async function listPartnerLinks(
  db: Kysely<Database>,
): Promise<{ partners: PartnerLink[]; regions: Region[] }> {
  const [tokens, regions] = await Promise.all([listTokens(db), listRegions(db)])
  const names = new Map(regions.map((r) => [r.id, r.name]))
  const partners = tokens
    .filter((t) => t.role === 'partner')
    .map((t) => toLink(t, names))
    .reverse()
  return { partners, regions }
}

/**
 * Creates a partner link bound to a region and audits it under the admin's name. A region that
 * does not exist needs a `regionName` (422 otherwise). Returns the token, which is never stored.
 */
export async function createPartnerLink(
  db: Kysely<Database>,
  input: NewPartnerLink,
  actor: string,
  now: string,
): Promise<{ token: string; partner: PartnerLink }> {
  const token = generateToken('partner')
  const partner = await db.transaction().execute(async (trx) => {
    if (input.regionName) {
      await upsertRegion(trx, { id: input.region, name: input.regionName }, now)
    } else if (!(await findRegion(trx, input.region))) {
      throw new ApiError(
        422,
        'unknown_region',
        `no region "${input.region}"; give its name to create it`,
        [{ field: 'regionName', message: 'required for a new region' }],
      )
    }
    const row = {
      token_hash: hashToken(token),
      role: 'partner' as const,
      region_id: input.region,
      name: input.name,
      group_name: input.group ?? null,
      wave: input.wave ?? null,
      created_at: now,
      revoked_at: null,
    }
    const id = await insertToken(trx, row)
    await writeAudit(
      trx,
      {
        actor,
        action: 'token.create',
        entity: 'token',
        entityId: String(id),
        details: { role: 'partner', region: input.region, group: input.group ?? null },
      },
      now,
    )
    const region = await findRegion(trx, input.region)
    return toLink({ ...row, id }, new Map([[input.region, region?.name ?? input.region]]))
  })
  return { token, partner }
}

/** Revokes a partner link at once; 404 without such a partner link, 409 when already revoked. */
export async function revokePartnerLink(
  db: Kysely<Database>,
  id: number,
  actor: string,
  now: string,
): Promise<{ id: number; revokedAt: string }> {
  return db.transaction().execute(async (trx) => {
    // A handful of links per project: reading them all is simpler than one more query.
    const token = (await listTokens(trx)).find((t) => t.id === id)
    if (token?.role !== 'partner') throw notFound(`no partner link ${id}`)
    if (token.revoked_at !== null) throw conflict(`partner link ${id} is already revoked`)
    if (!(await revokeToken(trx, id, now))) throw notFound(`no partner link ${id}`)
    await writeAudit(
      trx,
      { actor, action: 'token.revoke', entity: 'token', entityId: String(id) },
      now,
    )
    return { id, revokedAt: now }
  })
}
