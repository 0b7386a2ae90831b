import path from 'node:path'

/** Everything the process reads from its environment, parsed once. */
export interface Config {
  /** SQLite file, or `:memory:`. */
  dbPath: string
  /** PostgreSQL URL when set (`DATABASE_URL=postgres://…`). */
  databaseUrl: string | null
  surveysDir: string
  port: number
  host: string
  /** Public base URL used in printed links. */
  baseUrl: string
  /** Wave given to responses whose link and body name none. */
  defaultWave: string
  /** Maximum accepted request body in bytes. */
  bodyLimit: number
}

/** Flags shared by every command (`--db`, `--surveys`, `--port`). */
export interface CommonFlags {
  db?: string
  surveys?: string
  port?: string
  host?: string
}

const DEFAULT_DB = './data/gapkit.db'
const DEFAULT_SURVEYS = 'surveys/definitions'

/** Reads config from flags first, then `GAPKIT_*` variables, then defaults. */
export function loadConfig(
  flags: CommonFlags = {},
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Config {
  const port = Number(flags.port ?? env.PORT ?? env.GAPKIT_PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`--port must be an integer 0–65535, got "${flags.port ?? env.PORT}"`)
  }
  const host = flags.host ?? env.GAPKIT_HOST ?? '127.0.0.1'
  const surveysDir = path.resolve(flags.surveys ?? env.GAPKIT_SURVEYS ?? defaultSurveysDir())
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host
  return {
    dbPath: flags.db ?? env.GAPKIT_DB ?? DEFAULT_DB,
    databaseUrl: env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null,
    surveysDir,
    port,
    host,
    baseUrl: (env.GAPKIT_BASE_URL ?? `http://${shownHost}:${port}`).replace(/\/+$/, ''),
    defaultWave: env.GAPKIT_WAVE ?? String(now.getUTCFullYear()),
    bodyLimit: Number(env.GAPKIT_BODY_LIMIT ?? 1024 * 1024),
  }
}

/** The shipped questionnaires, found relative to this package so `npx gapkit` works anywhere. */
function defaultSurveysDir(): string {
  return path.join(path.dirname(new URL(import.meta.url).pathname), '..', DEFAULT_SURVEYS)
}

/** A configuration value that cannot be used. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
