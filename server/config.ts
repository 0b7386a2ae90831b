import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

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
const DEFAULT_BODY_LIMIT = 1024 * 1024

/** A value as given, and the name it was given under (`--port`, `PORT`, `GAPKIT_PORT`). */
interface Given {
  name: string
  value: string
}

/**
 * What each setting must be: its schema and, for the error, what is expected. Every value
 * arrives as a string; a number is all digits, so `1mb`, `1e6` or ` 80` are refused rather than
 * read as `NaN` or something else than meant.
 */
const SETTINGS = {
  port: {
    schema: z
      .string()
      .regex(/^\d{1,5}$/)
      .transform(Number)
      .pipe(z.number().max(65535)),
    expected: 'an integer 0–65535',
  },
  host: {
    schema: z.string().regex(/^\S+$/),
    expected: 'a host name or address, e.g. 127.0.0.1',
  },
  db: {
    schema: z.string().min(1),
    expected: 'a database file path or :memory:',
  },
  surveys: {
    schema: z.string().min(1),
    expected: 'a folder of questionnaires',
  },
  baseUrl: {
    schema: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
    expected: 'an http(s) URL, e.g. https://surveys.example.org',
  },
  wave: {
    schema: z.string().trim().min(1).max(64),
    expected: 'a wave name of 1–64 characters, e.g. 2026',
  },
  bodyLimit: {
    schema: z
      .string()
      .regex(/^[1-9]\d*$/)
      .transform(Number)
      .refine(Number.isSafeInteger),
    expected: `a number of bytes, e.g. ${DEFAULT_BODY_LIMIT}`,
  },
} satisfies Record<string, { schema: z.ZodType<unknown, string>; expected: string }>

type Setting = keyof typeof SETTINGS
type Value<S extends Setting> = z.output<(typeof SETTINGS)[S]['schema']>

/**
 * The first source that holds a value: a flag counts even when empty (`--db ''` is a mistake to
 * report), an empty variable counts as unset (`PORT=` in a shell script or a compose file).
 */
function given(flag: [string, string | undefined] | null, ...vars: [string, string | undefined][]) {
  if (flag && flag[1] !== undefined) return { name: flag[0], value: flag[1] }
  for (const [name, value] of vars) if (value !== undefined && value !== '') return { name, value }
  return undefined
}

/**
 * Reads config from flags first, then `GAPKIT_*` variables, then defaults. Every bad value is
 * a `ConfigError` naming where it came from and what is expected; all of them, in one line.
 */
export function loadConfig(
  flags: CommonFlags = {},
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Config {
  const problems: string[] = []
  const read = <S extends Setting>(setting: S, source: Given | undefined, fallback: Value<S>) => {
    if (!source) return fallback
    const { schema, expected } = SETTINGS[setting]
    const parsed = schema.safeParse(source.value)
    if (parsed.success) return parsed.data as Value<S>
    problems.push(`${source.name} must be ${expected} (got ${JSON.stringify(source.value)})`)
    return fallback
  }
  const port = read(
    'port',
    given(['--port', flags.port], ['PORT', env.PORT], ['GAPKIT_PORT', env.GAPKIT_PORT]),
    3000,
  )
  const host = read(
    'host',
    given(['--host', flags.host], ['GAPKIT_HOST', env.GAPKIT_HOST]),
    '127.0.0.1',
  )
  const dbPath = read('db', given(['--db', flags.db], ['GAPKIT_DB', env.GAPKIT_DB]), DEFAULT_DB)
  const surveys = read(
    'surveys',
    given(['--surveys', flags.surveys], ['GAPKIT_SURVEYS', env.GAPKIT_SURVEYS]),
    defaultSurveysDir(),
  )
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host
  const baseUrl = read(
    'baseUrl',
    given(null, ['GAPKIT_BASE_URL', env.GAPKIT_BASE_URL]),
    `http://${shownHost}:${port}`,
  )
  const defaultWave = read(
    'wave',
    given(null, ['GAPKIT_WAVE', env.GAPKIT_WAVE]),
    String(now.getUTCFullYear()),
  )
  const bodyLimit = read(
    'bodyLimit',
    given(null, ['GAPKIT_BODY_LIMIT', env.GAPKIT_BODY_LIMIT]),
    DEFAULT_BODY_LIMIT,
  )
  if (problems.length > 0) throw new ConfigError(problems.join('; '))
  return {
    dbPath,
    databaseUrl: env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null,
    surveysDir: path.resolve(surveys),
    port,
    host,
    baseUrl,
    defaultWave,
    bodyLimit,
  }
}

/** Whether a failed command prints its stack (`GAPKIT_DEBUG` set to anything). */
export function isDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.GAPKIT_DEBUG)
}

/** The shipped questionnaires, found relative to this package so `npx gapkit` works anywhere. */
function defaultSurveysDir(): string {
  // fileURLToPath, not URL.pathname: a folder named "my surveys" is `my%20surveys` in a URL.
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', DEFAULT_SURVEYS)
}

/** A configuration value that cannot be used. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
