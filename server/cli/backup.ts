import fs from 'node:fs'
import path from 'node:path'
import { createDb, type Db, sqliteConnection } from '../db/create-db.ts'
import { ensurePrivateFile } from '../db/private-files.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand, UsageError } from './context.ts'
import { copyWithProgress, removeSqliteFile } from './copy.ts'

const HELP = `Usage: gapkit backup --out FILE [--db FILE|URL]

Writes a consistent copy of the database to a SQLite file, safe while the server runs: writers
are not blocked, and the copy is one point in time. On SQLite, by SQLite's online backup; on
PostgreSQL, by the copy of \`gapkit copy\` (one repeatable-read snapshot, the row counts checked
afterwards). \`gapkit copy --from FILE --to postgres://…\` restores it into an empty PostgreSQL
database.
  --out FILE        where to write the copy (must not exist; readable by you only)
${COMMON_HELP}`

/** `gapkit backup` */
export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, { ...COMMON_OPTIONS, out: { type: 'string' } })
  if (values.help) return void console.log(HELP)
  if (!values.out) throw new UsageError('--out FILE is required')
  if (fs.existsSync(values.out)) throw new UsageError(`${values.out} already exists`)
  const ctx = await openContext(values)
  let written = false
  try {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true })
    // Created private (0600) before SQLite writes into it: it holds every answer.
    ensurePrivateFile(values.out)
    if (ctx.db.dialect === 'postgres') await copyToSqlite(ctx.db, values.out)
    else await sqliteConnection(ctx.db, 'backup').backup(values.out)
    written = true
    console.error(`gapkit: backup written to ${values.out} (${fs.statSync(values.out).size} bytes)`)
  } finally {
    await ctx.db.close()
    if (!written) removeSqliteFile(values.out)
  }
}

/** Copies the PostgreSQL database `db` into the new SQLite file `out`. */
async function copyToSqlite(db: Db, out: string): Promise<void> {
  const target = await createDb(out)
  try {
    await copyWithProgress(db, target, 'backup', out)
  } finally {
    // Closing checkpoints the write-ahead log into the file: the backup is the one file.
    await target.close()
  }
}
