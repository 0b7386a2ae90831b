import { Hono } from 'hono'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

/** `GET /healthz` (mounted at `/healthz`): liveness and a database round trip. */
export function healthRoutes(db: Kysely<Database>) {
  return new Hono().get('/', async (c) => {
    try {
      await sql`select 1`.execute(db)
      return c.json({ status: 'ok', database: 'ok' })
    } catch {
      return c.json({ status: 'error', database: 'unreachable' }, 503)
    }
  })
}
