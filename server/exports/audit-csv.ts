/**
 * The audit log as CSV, in the shape of the responses export: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting, and any text a spreadsheet would run as a formula
 * neutralised (an actor, a note or a partner's name is typed by someone). Oldest entry first,
 * read in pages so a long log needs constant memory.
 */
import type { Writable } from 'node:stream'
import type { Kysely } from 'kysely'
import { type AuditFilter, listAuditAfter } from '../db/repositories/audit.ts'
import type { Database } from '../db/schema.ts'
import { actorNames, checkAuditFilter, viewAuditEntry } from '../services/audit-log.ts'
import { csvField } from './cells.ts'
import { finish, TextWriter, yieldToLoop } from './output.ts'

/** The columns of the audit CSV, in order. */
export const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'details',
] as const

const PAGE = 1000

/** Writes the matching audit entries as CSV to `out` and ends it; returns how many. */
export async function writeAuditCsv(
  db: Kysely<Database>,
  filter: AuditFilter,
  out: Writable,
): Promise<number> {
  checkAuditFilter(filter)
  const names = await actorNames(db)
  const writer = new TextWriter(out)
  await writer.write(`\uFEFF${AUDIT_COLUMNS.join(',')}\r\n`)
  let after = 0
  let written = 0
  for (;;) {
    const rows = await listAuditAfter(db, filter, after, PAGE)
    for (const row of rows) {
      const e = viewAuditEntry(row, names)
      const details = row.details ?? null
      const cells = [e.id, e.at, e.actor, e.actorName, e.action, e.entity, e.entityId, details]
      await writer.write(`${cells.map(csvField).join(',')}\r\n`)
    }
    written += rows.length
    const last = rows.at(-1)
    if (!last || rows.length < PAGE) break
    after = last.id
    await yieldToLoop()
  }
  await writer.flush()
  await finish(out)
  return written
}
