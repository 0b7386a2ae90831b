/**
 * Copies one Gapkit database into another, row for row, between SQLite and PostgreSQL in either
 * direction (`gapkit copy`, and `gapkit backup` on PostgreSQL).
 *
 * The source is read in one consistent snapshot (a read transaction on SQLite, `repeatable read,
 * read only` on PostgreSQL), each table in pages by primary key; each page is written to the
 * target in a transaction of its own as multi-row inserts. Ids are kept, and each identity
 * sequence is set past the highest id the source used (erased rows' ids included). The target
 * must be empty: its migrations are applied by `createDb`, and the migrator's own tables are not
 * copied.
 */
import { type Kysely, sql } from 'kysely'
import { DomainError } from '../errors.ts'
import type { Db } from './create-db.ts'
import type { DialectName } from './dialect.ts'
import type { Database } from './schema.ts'

/**
 * Every table with its primary key, in foreign-key order (a table after those it references).
 * `satisfies` makes a table added to `Database` and missing here a type error. `responses` comes
 * before `analysis_rows` and `analysis_pending`: its insert triggers queue each response in
 * `analysis_pending` and delete its `analysis_rows`, and the copy then puts the source's back.
 */
export const PRIMARY_KEYS = {
  regions: ['id'],
  tokens: ['id'],
  users: ['id'],
  survey_versions: ['survey', 'version'],
  responses: ['id'],
  response_history: ['id'],
  audit_log: ['id'],
  admin_sessions: ['id_hash'],
  collection_targets: ['survey', 'region_id', 'wave'],
  published_reports: ['id'],
  survey_uploads: ['id'],
  analysis_rows: ['survey', 'response_id'],
  analysis_pending: ['survey', 'response_id'],
} as const satisfies Record<keyof Database, readonly string[]>

export type TableName = keyof typeof PRIMARY_KEYS

/** The tables in the order they are copied. */
export const COPY_TABLES = Object.keys(PRIMARY_KEYS) as TableName[]

/** The tables whose `id` the database numbers (an identity column, or SQLite AUTOINCREMENT). */
const IDENTITY_TABLES = [
  'tokens',
  'users',
  'response_history',
  'audit_log',
  'published_reports',
] as const satisfies readonly TableName[]

/** Kysely's migrator tables: each database has its own, written by `createDb`. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

/** Rows read and written at a time. */
const DEFAULT_PAGE_SIZE = 500

/** Bound parameters per insert statement, below SQLite's limit (32766) and PostgreSQL's (65535). */
const MAX_PARAMETERS = 16_000

/** Rows per table. */
export type RowCounts = Record<TableName, number>

/** The target of a copy already holds rows. */
export class TargetNotEmptyError extends DomainError {
  override name = 'TargetNotEmptyError'
}

export interface CopyOptions {
  /** Rows read and written at a time (default 500). */
  pageSize?: number
  /** Told after each table, with the rows copied; the copy waits for it. */
  onTable?: (table: TableName, rows: number) => void | Promise<void>
  /** What the target is called in messages (default "TARGET"). */
  targetName?: string
}

export interface CopyResult {
  /** Rows of each table in the source's snapshot. */
  source: RowCounts
  /** Rows of each table in the target after the copy. */
  target: RowCounts
  /** Tables whose counts differ (empty when the copy is complete). */
  mismatched: TableName[]
  /** Rows copied in all. */
  rows: number
  milliseconds: number
}

type AnyDb = Kysely<Database>
type Row = Record<string, unknown>

/** The rows of every table of `db`. */
export async function countRows(db: AnyDb): Promise<RowCounts> {
  const counts = {} as RowCounts
  for (const table of COPY_TABLES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      table,
    )}`.execute(db)
    counts[table] = Number(rows[0]?.n ?? 0)
  }
  return counts
}

/** "12 responses, 3 tokens": the tables with rows, in copy order. */
export function describeCounts(counts: RowCounts): string {
  return COPY_TABLES.filter((t) => counts[t] > 0)
    .map((t) => `${counts[t]} ${t}`)
    .join(', ')
}

/** The tables of the database `db` works in, but the migrator's. */
async function listTables(db: AnyDb, dialect: DialectName): Promise<string[]> {
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and substr(name, 1, 7) <> 'sqlite_'`.execute(db)
  return rows.map((r) => r.name).filter((name) => !MIGRATOR_TABLES.has(name))
}

/**
 * Refuses a source holding a table the copy does not know (one a newer Gapkit added, or not
 * Gapkit's): it would be left behind silently.
 */
async function checkTables(db: AnyDb, dialect: DialectName, what: string): Promise<void> {
  const known = new Set<string>(COPY_TABLES)
  const unknown = (await listTables(db, dialect)).filter((name) => !known.has(name)).sort()
  if (unknown.length > 0) {
    throw new Error(
      `${what} has ${unknown.length === 1 ? 'a table' : 'tables'} this Gapkit does not copy: ${unknown.join(', ')}`,
    )
  }
}

/**
 * The highest id each identity table has handed out (0: none): on SQLite from
 * `sqlite_sequence`, on PostgreSQL from the column's sequence. Higher than `max(id)` when the
 * latest rows were deleted; the target goes on from there, so an id is never used twice.
 */
async function readSequences(
  db: AnyDb,
  dialect: DialectName,
): Promise<Record<(typeof IDENTITY_TABLES)[number], number>> {
  const last = {} as Record<(typeof IDENTITY_TABLES)[number], number>
  for (const table of IDENTITY_TABLES) {
    const { rows } =
      dialect === 'postgres'
        ? await sql<{ seq: number | string | null }>`select pg_sequence_last_value(
              pg_get_serial_sequence(${table}, 'id')::regclass) as seq`.execute(db)
        : await sql<{
            seq: number | string | null
          }>`select seq from sqlite_sequence where name = ${table}`.execute(db)
    last[table] = Number(rows[0]?.seq ?? 0)
  }
  return last
}

/** Sets each identity sequence of the target past its highest id and the source's last one. */
async function writeSequences(
  db: AnyDb,
  dialect: DialectName,
  last: Record<(typeof IDENTITY_TABLES)[number], number>,
): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    const seq = last[table]
    if (dialect === 'postgres') {
      // setval(seq, n, true): the next id is n + 1; setval(seq, 1, false): the next is 1.
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'),
          greatest(coalesce(max(id), 0), ${seq}::bigint, 1),
          greatest(coalesce(max(id), 0), ${seq}::bigint) > 0)
        from ${sql.table(table)}`.execute(db)
    } else if (seq > 0) {
      // The inserts set sqlite_sequence to max(id) already; only a higher last id is written.
      await sql`insert into sqlite_sequence (name, seq) select ${table}, ${seq}
        where not exists (select 1 from sqlite_sequence where name = ${table})`.execute(db)
      await sql`update sqlite_sequence set seq = ${seq}
        where name = ${table} and seq < ${seq}`.execute(db)
    }
  }
}

/** Copies one table's rows from `from` (in its snapshot) to `to`, a page at a time. */
async function copyTable(
  from: AnyDb,
  to: AnyDb,
  table: TableName,
  pageSize: number,
): Promise<number> {
  const keys = sql.join(PRIMARY_KEYS[table].map((k) => sql.ref(k)))
  let after: unknown[] | null = null
  let copied = 0
  for (;;) {
    const where = after ? sql`where (${keys}) > (${sql.join(after)})` : sql``
    const { rows } = await sql<Row>`select * from ${sql.table(table)} ${where}
      order by ${keys} limit ${sql.lit(pageSize)}`.execute(from)
    if (rows.length === 0) break
    const columns = Object.keys(rows[0] as Row).length
    const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / columns))
    await to.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += perInsert) {
        // biome-ignore lint/suspicious/noExplicitAny: any table's rows, as read from the source
        await (trx as Kysely<any>)
          .insertInto(table)
          .values(rows.slice(i, i + perInsert))
          .execute()
      }
    })
    copied += rows.length
    const last = rows[rows.length - 1] as Row
    after = PRIMARY_KEYS[table].map((k) => last[k])
    if (rows.length < pageSize) break
  }
  return copied
}

/**
 * Copies every row of `source` into the empty `target` (both opened by `createDb`, so both
 * migrated), then counts the rows of both. Throws `TargetNotEmptyError` before writing anything
 * when the target holds rows. The caller compares `mismatched`.
 */
export async function copyDatabase(
  source: Db,
  target: Db,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const started = performance.now()
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
  const existing = await countRows(target.kysely)
  if (COPY_TABLES.some((t) => existing[t] > 0)) {
    throw new TargetNotEmptyError(
      `${options.targetName ?? 'TARGET'} is not empty (${describeCounts(existing)}); copy into an empty database`,
    )
  }
  // The target's other tables, if any, are none of the copy's business.
  await checkTables(source.kysely, source.dialect, 'the source')

  const { counts, sequences, rows } = await source.kysely.connection().execute(async (conn) => {
    // One snapshot for every read: on SQLite a deferred read transaction (the snapshot is taken
    // at its first read), on PostgreSQL repeatable read. Writers of the source go on meanwhile.
    await sql
      .raw(
        source.dialect === 'postgres'
          ? 'begin isolation level repeatable read, read only'
          : 'begin',
      )
      .execute(conn)
    try {
      const counts = await countRows(conn)
      let rows = 0
      for (const table of COPY_TABLES) {
        // The responses' insert triggers queued every copied response; the queue is the source's.
        if (table === 'analysis_pending') await target.kysely.deleteFrom(table).execute()
        const copied = await copyTable(conn, target.kysely, table, pageSize).catch((error) => {
          throw new Error(`copying ${table}: ${(error as Error).message}`, { cause: error })
        })
        rows += copied
        await options.onTable?.(table, copied)
      }
      const sequences = await readSequences(conn, source.dialect)
      await sql`commit`.execute(conn)
      return { counts, sequences, rows }
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {})
      throw error
    }
  })
  await writeSequences(target.kysely, target.dialect, sequences)
  const after = await countRows(target.kysely)
  return {
    source: counts,
    target: after,
    mismatched: COPY_TABLES.filter((t) => counts[t] !== after[t]),
    rows,
    milliseconds: performance.now() - started,
  }
}
