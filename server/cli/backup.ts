import fs from 'node:fs'
import path from 'node:path'
import { sqliteConnection } from '../db/create-db.ts'
import { ensurePrivateFile } from '../db/private-files.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand, UsageError } from './context.ts'

const HELP = `Usage: gapkit backup --out FILE [--db FILE]

Writes a consistent copy of the SQLite database, safe while the server runs (SQLite's online
backup: writers are not blocked, the copy is one point in time).
  --out FILE        where to write the copy (must not exist; readable by you only)
${COMMON_HELP}`

/** `gapkit backup` */
export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, { ...COMMON_OPTIONS, out: { type: 'string' } })
  if (values.help) return void console.log(HELP)
  if (!values.out) throw new UsageError('--out FILE is required')
  if (fs.existsSync(values.out)) throw new UsageError(`${values.out} already exists`)
  const ctx = await openContext(values)
  try {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true })
    // Created private (0600) before SQLite writes into it: it holds every answer.
    ensurePrivateFile(values.out)
    await sqliteConnection(ctx.db, 'backup').backup(values.out)
    console.error(`gapkit: backup written to ${values.out} (${fs.statSync(values.out).size} bytes)`)
  } finally {
    await ctx.db.close()
  }
}
