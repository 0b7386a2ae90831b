import type { Kysely } from 'kysely'
import type { AuditRow, Database } from '../schema.ts'

export interface AuditEntry {
  actor: string
  action: string
  entity: string
  entityId: string
  details?: unknown
}

/** Appends one entry to the audit log of writes. */
export async function writeAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
  now: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute()
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
