import { serve } from '@hono/node-server'
import { createApp } from '../app.ts'
import { databaseLabel } from '../db/create-db.ts'
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
        `gapkit: serving ${ctx.registry.list().length} questionnaire(s) on ${ctx.config.baseUrl} (port ${info.port}), ${databaseLabel(ctx.db)}`,
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
      const closing = closeConnectionsWhenDone(server)
      server.close(async () => {
        clearInterval(closing)
        await ctx.db.close()
        console.error('gapkit: stopped')
        resolve()
      })
    }
    // `once`: a second Ctrl-C or SIGTERM ends the process at once, as without a handler.
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
}

/** How long in-flight requests may take once a stop is asked for. */
const STOP_GRACE_MS = 8000

/**
 * close() lets connections end by themselves, and a keep-alive connection that served a
 * request during the stop then waits out its idle timeout (5 s); a slow client holds it open
 * for as long as it likes. Each connection is closed as soon as it is idle, and all of them
 * after STOP_GRACE_MS, within the 10 s a container manager (docker stop) waits before SIGKILL,
 * so the database is always closed cleanly. Returns the timer, to clear once the server closed
 * (none for an HTTP/2 server, which has neither method).
 */
function closeConnectionsWhenDone(server: ReturnType<typeof serve>): NodeJS.Timeout | undefined {
  if (!('closeIdleConnections' in server)) return undefined
  const started = Date.now()
  const timer = setInterval(() => {
    if (Date.now() - started >= STOP_GRACE_MS) server.closeAllConnections()
    else server.closeIdleConnections()
  }, 50)
  server.closeIdleConnections()
  return timer
}
