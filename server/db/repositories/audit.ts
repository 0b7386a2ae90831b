import type { Kysely } from 'kysely'
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

/** `writeAuditRaw` on `db` (inside it when `db` is a transaction). */
export async function writeAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
  now: string,
): Promise<void> {
  await withRawSqlite(db, (raw) => writeAuditRaw(raw, entry, now))
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
