/**
 * Every table of a test database and its rows, read through Kysely on SQLite and PostgreSQL alike:
 * what a test reads to show what is stored (no plaintext token, nothing left of an erased
 * response, nothing changed by a refused request). Kysely's own migration tables are left out.
 */
import { sql } from 'kysely'
import type { Db } from '../../server/db/create-db.ts'

/** The names of the tables of `db`, sorted (without Kysely's migration tables). */
export async function listTables(db: Db): Promise<string[]> {
  const { rows } =
    db.dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db.kysely)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db.kysely)
  return rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith('kysely_migration'))
    .sort()
}

/** Every table of `db` with all its rows (in no particular order). */
export async function dumpTables(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {}
  for (const name of await listTables(db)) {
    out[name] = (
      await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db.kysely)
    ).rows
  }
  return out
}

/**
 * `dumpTables` as one text, each value as it is stored (text as is, bytes as Latin-1), for a
 * search for a secret or an erased answer anywhere in the database.
 */
export async function dumpText(db: Db): Promise<string> {
  const parts: string[] = []
  for (const [name, rows] of Object.entries(await dumpTables(db))) {
    parts.push(`[${name}]`)
    for (const row of rows) {
      for (const value of Object.values(row)) {
        parts.push(
          value instanceof Uint8Array
            ? Buffer.from(value).toString('latin1')
            : typeof value === 'object' && value !== null && !(value instanceof Date)
              ? JSON.stringify(value)
              : String(value),
        )
      }
    }
  }
  return parts.join('\n')
}

/** The number of rows of every table of `db`. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const name of await listTables(db)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      name,
    )}`.execute(db.kysely)
    out[name] = Number(rows[0]?.n)
  }
  return out
}
