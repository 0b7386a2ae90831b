import fs from 'node:fs'
import path from 'node:path'
import { COPY_TABLES, type CopyResult, copyDatabase, TargetNotEmptyError } from '../db/copy.ts'
import { createDb, type Db } from '../db/create-db.ts'
import { isPostgresUrl, redactUrl } from '../db/dialect.ts'
import { parseCommand, textTable, UsageError } from './context.ts'

const HELP = `Usage: gapkit copy --from SOURCE --to TARGET

Copies a whole Gapkit database into an empty one, row for row: SQLite to PostgreSQL, PostgreSQL
to SQLite, or either to its own kind. SOURCE and TARGET are each a SQLite file or a PostgreSQL
URL (postgres://user:password@host:5432/database). Both are brought to this Gapkit's schema
first (a new TARGET file is created). The source is read in one consistent snapshot, so it may
be copied while the server runs; ids are kept. A TARGET that holds any rows is refused. The
rows of each table are counted on both sides afterwards: the counts are printed, and any
difference is an error (exit 1).
  --from SOURCE     the database to copy (a SQLite file that exists, or a PostgreSQL URL)
  --to TARGET       the empty database to copy it into
  -h, --help        this help`

/** A database named on the command line, for messages: a PostgreSQL URL without its password. */
function shown(target: string): string {
  return redactUrl(target)
}

/** The same database twice: one file by its path, or one URL. */
function sameDatabase(a: string, b: string): boolean {
  if (isPostgresUrl(a) || isPostgresUrl(b)) return a === b
  return path.resolve(a) === path.resolve(b)
}

/** Removes a SQLite file the command created, with its companions. */
export function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    fs.rmSync(`${file}${suffix}`, { force: true })
}

/**
 * Copies `source` into `target`, telling each table's rows on stderr as `gapkit COMMAND: …`;
 * throws when the counts of the two sides differ afterwards.
 */
export async function copyWithProgress(
  source: Db,
  target: Db,
  command: string,
  targetName?: string,
): Promise<CopyResult> {
  const result = await copyDatabase(source, target, {
    targetName,
    onTable: (table, rows) =>
      console.error(`gapkit ${command}: ${table}: ${rows} row${rows === 1 ? '' : 's'}`),
  })
  if (result.mismatched.length > 0) {
    const differ = result.mismatched
      .map((t) => `${t} ${result.source[t]} → ${result.target[t]}`)
      .join(', ')
    throw new Error(`the row counts differ after the copy (${differ})`)
  }
  return result
}

/** The rows of each table on both sides, as a text table. */
export function countsTable(result: CopyResult): string {
  return textTable(
    ['table', 'source', 'target'],
    COPY_TABLES.map((t) => [t, String(result.source[t]), String(result.target[t])]),
  )
}

/** `gapkit copy` */
export async function copyCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help) return void console.log(HELP)
  const from = values.from
  const to = values.to
  if (!from) throw new UsageError('--from SOURCE is required')
  if (!to) throw new UsageError('--to TARGET is required')
  for (const [flag, target] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (target === ':memory:') throw new UsageError(`${flag} takes a file or a PostgreSQL URL`)
  }
  if (!isPostgresUrl(from) && !fs.existsSync(from)) throw new UsageError(`${from}: no such file`)
  if (sameDatabase(from, to)) throw new UsageError('SOURCE and TARGET are the same database')
  const newFile = !isPostgresUrl(to) && !fs.existsSync(to)

  let source: Db | undefined
  let target: Db | undefined
  let failed = true
  try {
    source = await createDb(from)
    target = await createDb(to)
    const result = await copyWithProgress(source, target, 'copy')
    console.log(countsTable(result))
    console.error(
      `gapkit copy: ${result.rows} rows in ${COPY_TABLES.length} tables copied from ${shown(from)} to ${shown(to)} in ${(result.milliseconds / 1000).toFixed(1)} s; the counts match`,
    )
    failed = false
  } catch (error) {
    // Half a copy in a database that was there before stays: say so (a new file is removed).
    if (target && !newFile && !(error instanceof TargetNotEmptyError)) {
      throw new Error(
        `${(error as Error).message} (${shown(to)} now holds part of the copy: empty it before copying again)`,
        { cause: error },
      )
    }
    throw error
  } finally {
    await source?.close()
    await target?.close()
    // A file this command created holds half a copy: gone, so that the command can run again.
    if (failed && newFile) removeSqliteFile(to)
  }
}
