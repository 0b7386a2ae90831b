/**
 * Access tokens, the one place that makes them: partner links (create with their region, list,
 * revoke) for the dashboard, `gapkit partner add` and the demo, and admin tokens (create with an
 * optional expiry, list, revoke) for `gapkit admin-token`. Only a token's hash is stored, with
 * its first characters to name it; every change is audited.
 */
import type { Kysely } from 'kysely'
import { writeAudit } from '../db/repositories/audit.ts'
import { findRegion, listRegions, REGION_ID, upsertRegion } from '../db/repositories/regions.ts'
import { insertToken, listTokens, revokeToken } from '../db/repositories/tokens.ts'
import type { Database, NewToken, Region, TokenRow } from '../db/schema.ts'
import { ConflictError, InvalidInputError, NotFoundError, ValidationError } from '../errors.ts'
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

/** An admin token as `gapkit admin-token --list` shows it (never the token). */
export interface AdminTokenView {
  id: number
  name: string
  /** The token's first characters (`gka_` and 8 more); null for tokens made before they were kept. */
  prefix: string | null
  createdAt: string
  lastUsedAt: string | null
  validUntil: string | null
  revokedAt: string | null
  /** `live`, or why it no longer works. */
  state: 'live' | 'expired' | 'revoked'
}

/** How many characters of a new token are kept to name it: `gka_` and 8 of its 43 random ones. */
const PREFIX_LENGTH = 12

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

/** Stores a token's hash and audits its creation, in the caller's transaction. */
async function storeToken(
  trx: Kysely<Database>,
  row: NewToken,
  actor: string,
  details: Record<string, unknown>,
  now: string,
): Promise<number> {
  const id = await insertToken(trx, row)
  await writeAudit(
    trx,
    { actor, action: 'token.create', entity: 'token', entityId: String(id), details },
    now,
  )
  return id
}

/**
 * Creates a partner link bound to a region and audits it under `actor` (an admin, or `cli`).
 * A region that does not exist needs a `regionName`, which creates it (or renames an existing
 * one). Returns the token, which is never stored.
 */
export async function createPartnerLink(
  db: Kysely<Database>,
  input: NewPartnerLink,
  actor: string,
  now: string,
): Promise<{ token: string; partner: PartnerLink }> {
  if (!REGION_ID.test(input.region)) {
    throw new InvalidInputError(
      `region "${input.region}" is not a region id (letters, digits, - and _)`,
      [{ field: 'region', message: 'letters, digits, - and _ only' }],
    )
  }
  const token = generateToken('partner')
  const partner = await db.transaction().execute(async (trx) => {
    if (input.regionName) {
      await upsertRegion(trx, { id: input.region, name: input.regionName }, now)
    } else if (!(await findRegion(trx, input.region))) {
      throw new ValidationError(
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
      prefix: token.slice(0, PREFIX_LENGTH),
      valid_until: null,
      last_used_at: null,
    }
    const details = { role: 'partner', region: input.region, group: input.group ?? null }
    const id = await storeToken(trx, row, actor, details, now)
    const region = await findRegion(trx, input.region)
    return toLink({ ...row, id }, new Map([[input.region, region?.name ?? input.region]]))
  })
  return { token, partner }
}

/**
 * Creates an admin token, audited under `actor`, that stops working at `validUntil` (ISO time;
 * never when absent); returns the token (never stored), its id and its prefix.
 */
export async function createAdminToken(
  db: Kysely<Database>,
  name: string,
  actor: string,
  now: string,
  validUntil: string | null = null,
): Promise<{ token: string; id: number; prefix: string }> {
  if (validUntil !== null && !(validUntil > now)) {
    throw new InvalidInputError(`the expiry ${validUntil} is not in the future`)
  }
  const token = generateToken('admin')
  const prefix = token.slice(0, PREFIX_LENGTH)
  const row: NewToken = {
    token_hash: hashToken(token),
    role: 'admin',
    region_id: null,
    name,
    group_name: null,
    wave: null,
    created_at: now,
    revoked_at: null,
    prefix,
    valid_until: validUntil,
  }
  const details = { role: 'admin', name, prefix, validUntil }
  const id = await db.transaction().execute((trx) => storeToken(trx, row, actor, details, now))
  return { token, id, prefix }
}

function toAdminView(row: TokenRow, now: string): AdminTokenView {
  const expired = row.valid_until !== null && row.valid_until <= now
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    validUntil: row.valid_until,
    revokedAt: row.revoked_at,
    state: row.revoked_at !== null ? 'revoked' : expired ? 'expired' : 'live',
  }
}

/** Every admin token, oldest first, with its state at `now`. */
export async function listAdminTokens(
  db: Kysely<Database>,
  now: string,
): Promise<AdminTokenView[]> {
  const tokens = await listTokens(db)
  return tokens.filter((t) => t.role === 'admin').map((t) => toAdminView(t, now))
}

/**
 * The admin token `ref` names: its id (`7`), the start of its prefix (`gka_AbC`, at least 6
 * characters), or the whole token. 404 without a match, 400 when a prefix matches several.
 */
function findAdminToken(tokens: TokenRow[], ref: string): TokenRow {
  const admins = tokens.filter((t) => t.role === 'admin')
  if (/^\d+$/.test(ref)) {
    const byId = admins.find((t) => t.id === Number(ref))
    if (!byId) throw new NotFoundError(`no admin token ${ref}`)
    return byId
  }
  if (ref.length > PREFIX_LENGTH) {
    const byHash = admins.find((t) => t.token_hash === hashToken(ref))
    if (byHash) return byHash
  }
  if (ref.length < 6) {
    throw new InvalidInputError(
      `"${ref}" is too short: give the token's id or at least 6 characters of it`,
    )
  }
  const start = ref.slice(0, PREFIX_LENGTH)
  const matches = admins.filter((t) => t.prefix?.startsWith(start))
  const [only] = matches
  if (!only) throw new NotFoundError(`no admin token starts with "${start}"`)
  if (matches.length > 1) {
    throw new InvalidInputError(
      `"${start}" names ${matches.length} admin tokens (ids ${matches.map((t) => t.id).join(', ')}): give the id`,
    )
  }
  return only
}

/**
 * Revokes an admin token named by `ref` (id, prefix or the token itself), audited under
 * `actor`: it stops working at once, and so does every dashboard session it opened (a session
 * lives only while its token does). 409 when it was already revoked.
 */
export async function revokeAdminToken(
  db: Kysely<Database>,
  ref: string,
  actor: string,
  now: string,
): Promise<AdminTokenView> {
  return db.transaction().execute(async (trx) => {
    const token = findAdminToken(await listTokens(trx), ref.trim())
    if (token.revoked_at !== null) {
      throw new ConflictError(`admin token ${token.id} was already revoked on ${token.revoked_at}`)
    }
    if (!(await revokeToken(trx, token.id, now))) throw new NotFoundError(`no admin token ${ref}`)
    await writeAudit(
      trx,
      { actor, action: 'token.revoke', entity: 'token', entityId: String(token.id) },
      now,
    )
    return toAdminView({ ...token, revoked_at: now }, now)
  })
}

/**
 * Revokes live tokens (admin or partner) at once, each audited under `actor`, in one
 * transaction; returns the ids it revoked (a token already revoked is skipped).
 */
export async function revokeTokens(
  db: Kysely<Database>,
  ids: number[],
  actor: string,
  now: string,
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const revoked: number[] = []
    for (const id of ids) {
      if (!(await revokeToken(trx, id, now))) continue
      await writeAudit(
        trx,
        { actor, action: 'token.revoke', entity: 'token', entityId: String(id) },
        now,
      )
      revoked.push(id)
    }
    return revoked
  })
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
    if (token?.role !== 'partner') throw new NotFoundError(`no partner link ${id}`)
    if (token.revoked_at !== null) throw new ConflictError(`partner link ${id} is already revoked`)
    if (!(await revokeToken(trx, id, now))) throw new NotFoundError(`no partner link ${id}`)
    await writeAudit(
      trx,
      { actor, action: 'token.revoke', entity: 'token', entityId: String(id) },
      now,
    )
    return { id, revokedAt: now }
  })
}
