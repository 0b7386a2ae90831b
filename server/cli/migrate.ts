/** `gapkit migrate`: brings a database's schema up to date, and says where it stands. */
import { migrationNames } from '../db/create-db.ts'
import { redactUrl } from '../db/dialect.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand } from './context.ts'

const HELP = `Usage: gapkit migrate [--db FILE|URL]

Applies the migrations a database lacks (every command, serve included, does so when it opens
the database; this one does only that) and lists them. Several processes may migrate the same
PostgreSQL database at once: one applies, the others wait and find nothing left to do.
${COMMON_HELP}`

/** `gapkit migrate` */
export async function migrateCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, COMMON_OPTIONS)
  if (values.help) return void console.log(HELP)
  const ctx = await openContext(values)
  try {
    const { migrated, dialect, target } = ctx.db
    for (const name of migrated) console.log(`applied ${name}`)
    const total = migrationNames().length
    console.error(
      `gapkit: ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database ${redactUrl(target)} is up to date (${total} migrations, ${migrated.length} applied now)`,
    )
  } finally {
    await ctx.db.close()
  }
}
