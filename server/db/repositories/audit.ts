import type { Kysely } from 'kysely'
import { onPostgres } from '../dialect.ts'
import type { AuditRow, Database } from '../schema.ts'
import { type RawSqlite, withRawSqlite } from '../sqlite/dialect.ts'

export interface AuditEntry {
  actor: string
  action: string
  entity: string
  entityId: string
  details?: unknown
}

const INSERT_AUDIT = `insert into audit_log (at, actor, action, entity, entity_id, details)
  values (?, ?, ?, ?, ?, ?)`

/** Appends one entry to the audit log of writes. */
export function writeAuditRaw(raw: RawSqlite, entry: AuditEntry, now: string): void {
  const details = entry.details === undefined ? null : JSON.stringify(entry.details)
  raw
    .prepare(INSERT_AUDIT)
    .run(now, entry.actor, entry.action, entry.entity, entry.entityId, details)
}

/** Appends one entry (inside `db` when it is a transaction); a prepared statement on SQLite. */
export async function writeAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
  now: string,
): Promise<void> {
  if (onPostgres(db)) await writeAuditKysely(db, entry, now)
  else await withRawSqlite(db, (raw) => writeAuditRaw(raw, entry, now))
}

/** The reference of `writeAuditRaw`, as a Kysely query. */
export async function writeAuditKysely(
  db: Kysely<Database>,
  entry: AuditEntry,
  now: string,
): Promise<void> {
  await db.insertInto('audit_log').values(auditValues(entry, now)).execute()
}

/** The audit_log row of an entry. */
export function auditValues(entry: AuditEntry, now: string) {
  return {
    at: now,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  }
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { entity?: string; entityId?: string } = {},
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll()
  if (filter.entity) q = q.where('entity', '=', filter.entity)
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId)
  return q.orderBy('id').execute()
}

/** Replaces the details of one audit entry: only to take erased answers out of it. */
export async function updateAuditDetails(
  db: Kysely<Database>,
  id: number,
  details: unknown,
): Promise<void> {
  await db
    .updateTable('audit_log')
    .set({ details: details === undefined ? null : JSON.stringify(details) })
    .where('id', '=', id)
    .execute()
}

/** What the audit view filters on; dates are `YYYY-MM-DD` (UTC), both ends included. */
export interface AuditFilter {
  actor?: string
  action?: string
  from?: string
  to?: string
}

/** The day after a `YYYY-MM-DD` date, as the same text. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let q = db.selectFrom('audit_log')
  if (filter.actor) q = q.where('actor', '=', filter.actor)
  if (filter.action) q = q.where('action', '=', filter.action)
  if (filter.from) q = q.where('at', '>=', filter.from)
  if (filter.to) q = q.where('at', '<', nextDay(filter.to))
  return q
}

/** One page of the audit log, newest first, and how many entries match in all. */
export async function listAuditPage(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/**
 * Matching entries oldest first, from after id `afterId`, at most `limit`: an export reads the
 * whole log in such pages without holding it in memory.
 */
export async function listAuditAfter(
  db: Kysely<Database>,
  filter: AuditFilter,
  afterId: number,
  limit: number,
): Promise<AuditRow[]> {
  return filtered(db, filter)
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** The actors and the actions the log holds, sorted (the audit view's filter choices). */
export async function listAuditFacets(
  db: Kysely<Database>,
): Promise<{ actors: string[]; actions: string[] }> {
  const [actors, actions] = await Promise.all([
    db.selectFrom('audit_log').select('actor').distinct().orderBy('actor').execute(),
    db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
  ])
  return { actors: actors.map((r) => r.actor), actions: actions.map((r) => r.action) }
}
