import { type Kysely, sql } from 'kysely'
import type { Database } from '../schema.ts'

/**
 * The size in bytes of a response's stored answers (UTF-8 JSON), or null when there is no such
 * response. What a partner link's daily quota charges a draft for only when it grows.
 */
export async function storedAnswerBytes(db: Kysely<Database>, id: string): Promise<number | null> {
  const row = await db
    .selectFrom('responses')
    .select(sql<number>`length(cast(answers as blob))`.as('bytes'))
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? Number(row.bytes) : null
}
