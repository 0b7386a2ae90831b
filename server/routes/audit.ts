import { PassThrough } from 'node:stream'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { writeAudit } from '../db/repositories/audit.ts'
import type { Database } from '../db/schema.ts'
import { writeAuditCsv } from '../exports/audit-csv.ts'
import { ExportAborted, toWebStream } from '../exports/output.ts'
import { type AuthEnv, actorOf, requireRole } from '../http/auth.ts'
import { parseQuery } from '../http/request.ts'
import { type AuditFilter, checkAuditFilter, readAuditPage } from '../services/audit-log.ts'

export const filterQuery = z.strictObject({
  actor: z.string().max(300).optional(),
  action: z.string().max(100).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  t: z.string().optional(),
})

export const pageQuery = filterQuery.extend({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})

function filterOf(q: z.infer<typeof filterQuery>): AuditFilter {
  return checkAuditFilter({ actor: q.actor, action: q.action, from: q.from, to: q.to })
}

/**
 * The audit log for owners and analysts: `GET /audit` (a page, newest first, filtered by actor,
 * action and UTC dates) and `GET /audit.csv` (every matching entry, formula-safe CSV; the
 * export is itself audited). Mounted at `/api/admin`.
 */
export function auditRoutes(db: Kysely<Database>, now: () => Date) {
  const analyst = requireRole(db, 'analyst', now)
  return new Hono<AuthEnv>()
    .get('/audit', analyst, async (c) => {
      const q = parseQuery(c, pageQuery)
      c.header('Cache-Control', 'no-store')
      return c.json(await readAuditPage(db, filterOf(q), q.page, q.pageSize))
    })
    .get('/audit.csv', analyst, async (c) => {
      const filter = filterOf(parseQuery(c, filterQuery))
      const at = now()
      await writeAudit(
        db,
        {
          actor: actorOf(c.var.principal),
          action: 'audit.export',
          entity: 'audit',
          entityId: 'log',
          details: { format: 'csv', ...filter },
        },
        at.toISOString(),
      )
      const out = new PassThrough()
      writeAuditCsv(db, filter, out).catch((error: unknown) => {
        if (!(error instanceof ExportAborted)) console.error('gapkit: audit export failed:', error)
        out.destroy(error instanceof Error ? error : undefined)
      })
      const day = at.toISOString().slice(0, 10)
      return c.body(toWebStream(out), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="gapkit-audit-${day}.csv"`,
        'Cache-Control': 'no-store',
      })
    })
}
