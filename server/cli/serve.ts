import { serve } from '@hono/node-server'
import { createApp } from '../app.ts'
import { listAccounts } from '../services/users.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand } from './context.ts'
import { loadDemo } from './demo.ts'

const HELP = `Usage: gapkit serve [--port 3000] [--host 127.0.0.1] [--db FILE] [--surveys DIR] [--demo]

Runs the web server: partner forms (/s/:survey?t=TOKEN), the API (/api/…) and /healthz.
Stops cleanly on Ctrl-C or SIGTERM: in-flight requests finish, then the database closes.
  --port N          port (default 3000, or PORT)
  --host ADDR       address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --demo            load the demo regions and responses first when the database has none,
                    and print an admin link and partner links (those of an earlier --demo
                    start are revoked, so restarts do not pile up links)
${COMMON_HELP}

Prints one line per request on stderr (GAPKIT_LOG=off silences it). Rate limits, per-link
daily quotas and durability are set by GAPKIT_* variables: see the README, "Limits".`

/** `gapkit serve` */
export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, {
    ...COMMON_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
  })
  if (values.help) return void console.log(HELP)
  const ctx = await openContext(values)
  if (values.demo) await loadDemo(ctx, { responses: 300, seed: 1, onlyIfEmpty: true })
  const app = createApp({
    db: ctx.db.kysely,
    registry: ctx.registry,
    defaultWave: ctx.config.defaultWave,
    bodyLimit: ctx.config.bodyLimit,
    limits: ctx.config.limits,
    log: ctx.config.requestLog ? (line) => process.stderr.write(`${line}\n`) : undefined,
  })
  if ((await listAccounts({ db: ctx.db.kysely, now: () => new Date() })).length === 0) {
    console.error(
      'gapkit: no dashboard accounts yet: add the first owner with `gapkit user add --email you@example.org --role owner`',
    )
  }
  const server = serve(
    { fetch: app.fetch, port: ctx.config.port, hostname: ctx.config.host },
    (info) => {
      console.error(
        `gapkit: serving ${ctx.registry.list().length} questionnaire(s) on ${ctx.config.baseUrl} (port ${info.port})`,
      )
    },
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    let stopping = false
    const stop = (signal: string) => {
      if (stopping) return
      stopping = true
      console.error(`gapkit: ${signal}, finishing in-flight requests…`)
      // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
      if ('closeIdleConnections' in server) server.closeIdleConnections()
      server.close(async () => {
        await ctx.db.close()
        console.error('gapkit: stopped')
        resolve()
      })
    }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
}
