/**
 * Kysely's introspection of a PostgreSQL database, kept to the schema Gapkit works in.
 *
 * Kysely's own PostgresIntrospector lists the columns of every schema of the database and checks
 * `has_schema_privilege` on each by name; a schema dropped by someone else while that query
 * runs makes it fail ("schema … does not exist"). Kysely's migrator asks it whether its tables
 * exist, so every `gapkit` command and `gapkit serve` could fail to start while another schema
 * of the same database was being dropped (as tests on schemas of their own do all the time).
 * Gapkit only ever works in `current_schema()`, which exists while it works in it.
 */
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  type Kysely,
  PostgresDialect,
  PostgresIntrospector,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely'

interface ColumnRow {
  column: string
  not_null: boolean
  has_default: boolean
  table: string
  table_type: string
  schema: string
  type: string
  type_schema: string
  column_description: string | null
  auto_incrementing: string | null
}

/** The tables and views of `current_schema()`, as Kysely's PostgresIntrospector describes them. */
export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>
  readonly #schemas: PostgresIntrospector

  constructor(db: Kysely<unknown>) {
    this.#db = db
    this.#schemas = new PostgresIntrospector(db)
  }

  getSchemas(): Promise<SchemaMetadata[]> {
    // A plain read of pg_namespace: no lookup by name, no race with a schema being dropped.
    return this.#schemas.getSchemas()
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const internal = options.withInternalKyselyTables
      ? sql`true`
      : sql`c.relname not in (${DEFAULT_MIGRATION_TABLE}, ${DEFAULT_MIGRATION_LOCK_TABLE})`
    const { rows } = await sql<ColumnRow>`select a.attname as column, a.attnotnull as not_null,
        a.atthasdef as has_default, c.relname as table, c.relkind as table_type,
        ns.nspname as schema, typ.typname as type, dtns.nspname as type_schema,
        col_description(a.attrelid, a.attnum) as column_description,
        pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname),
          a.attname) as auto_incrementing
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on a.attrelid = c.oid
      join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
      join pg_catalog.pg_type typ on a.atttypid = typ.oid
      join pg_catalog.pg_namespace dtns on typ.typnamespace = dtns.oid
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
        and a.attnum >= 0 and not a.attisdropped and ${internal}
      order by c.relname, a.attnum`.execute(this.#db)
    const tables = new Map<
      string,
      TableMetadata & { columns: TableMetadata['columns'][number][] }
    >()
    for (const row of rows) {
      let table = tables.get(row.table)
      if (!table) {
        table = { name: row.table, schema: row.schema, isView: row.table_type === 'v', columns: [] }
        tables.set(row.table, table)
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: !row.not_null,
        isAutoIncrementing: row.auto_incrementing !== null,
        hasDefaultValue: row.has_default,
        comment: row.column_description ?? undefined,
      })
    }
    return [...tables.values()]
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) }
  }
}

/** Kysely's PostgresDialect, introspecting the current schema only. */
export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db)
  }
}
