import { type Kysely, sql } from 'kysely'
import type { Database } from '../schema.ts'

/**
 * The size in bytes of a response's stored answers (UTF-8 JSON), or null when there is no such
 * response. What a partner link's daily quota charges a draft for only when it grows.
 */
export async function storedAnswerBytes(db: Kysely<Database>, id: string): Promise<number | null> {
  const row = await db
    .selectFrom('responses')
    // The byte length of the UTF-8 text: both SQLite (3.43+) and PostgreSQL have octet_length.
    .select(sql<number>`octet_length(answers)`.as('bytes'))
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? Number(row.bytes) : null
}
