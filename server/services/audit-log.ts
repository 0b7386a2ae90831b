/**
 * The audit log as the lead partner reads it: a page of entries with each actor's display name
 * beside the stored actor (a token's name for `token:<id>`, a person's name for an email), the
 * choices of its filters, and the same names for the CSV export.
 */
import type { Kysely } from 'kysely'
import { type AuditFilter, listAuditFacets, listAuditPage } from '../db/repositories/audit.ts'
import { listTokens } from '../db/repositories/tokens.ts'
import { listUsers } from '../db/repositories/users.ts'
import type { AuditRow, Database } from '../db/schema.ts'
import { InvalidInputError } from '../errors.ts'

export type { AuditFilter }

/** One audit entry as shown and exported. */
export interface AuditEntryView {
  id: number
  at: string
  actor: string
  /** The token's or person's name, when the actor is one we know. */
  actorName: string | null
  action: string
  entity: string
  entityId: string
  details: unknown
}

/** A page of the audit log. */
export interface AuditPage {
  entries: AuditEntryView[]
  page: number
  pageSize: number
  total: number
  pages: number
}

/** `token:<id>` and emails → names, from the tokens and accounts (a few dozen rows). */
export async function actorNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const [tokens, users] = await Promise.all([listTokens(db), listUsers(db)])
  return new Map([
    ...tokens.map((t): [string, string] => [`token:${t.id}`, t.name]),
    ...users.filter((u) => u.name !== null).map((u): [string, string] => [u.email, u.name ?? '']),
  ])
}

function parseDetails(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** An audit row with its actor's name and its details parsed. */
export function viewAuditEntry(row: AuditRow, names: Map<string, string>): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorName: names.get(row.actor) ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    details: parseDetails(row.details),
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Checks a filter's dates (`YYYY-MM-DD`, real days, from ≤ to). */
export function checkAuditFilter(filter: AuditFilter): AuditFilter {
  for (const key of ['from', 'to'] as const) {
    const value = filter[key]
    if (value === undefined) continue
    const day = new Date(`${value}T00:00:00.000Z`)
    if (
      !DATE.test(value) ||
      Number.isNaN(day.getTime()) ||
      day.toISOString().slice(0, 10) !== value
    ) {
      throw new InvalidInputError(`"${value}" is not a date (YYYY-MM-DD)`, [
        { field: key, message: 'a date, e.g. 2026-03-01' },
      ])
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new InvalidInputError('"from" is after "to"', [
      { field: 'from', message: 'on or before "to"' },
    ])
  }
  return filter
}

/** A page of matching entries, newest first (`page` is 1-based). */
export async function readAuditPage(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<AuditPage> {
  checkAuditFilter(filter)
  const [{ rows, total }, names] = await Promise.all([
    listAuditPage(db, filter, { offset: (page - 1) * pageSize, limit: pageSize }),
    actorNames(db),
  ])
  return {
    entries: rows.map((r) => viewAuditEntry(r, names)),
    page,
    pageSize,
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  }
}

/** The actors (with their names) and actions the log holds, for the filter menus. */
export async function readAuditFacets(
  db: Kysely<Database>,
): Promise<{ actors: { actor: string; name: string | null }[]; actions: string[] }> {
  const [facets, names] = await Promise.all([listAuditFacets(db), actorNames(db)])
  return {
    actors: facets.actors.map((actor) => ({ actor, name: names.get(actor) ?? null })),
    actions: facets.actions,
  }
}
