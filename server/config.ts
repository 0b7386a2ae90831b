import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** Everything the process reads from its environment, parsed once. */
export interface Config {
  /**
   * The database: a PostgreSQL URL (`postgres://…`), a SQLite file, or `:memory:`. From `--db`,
   * else `DATABASE_URL`, else `GAPKIT_DB`, else `./data/gapkit.db`.
   */
  database: string
  surveysDir: string
  port: number
  host: string
  /** Public base URL used in printed links. */
  baseUrl: string
  /** Wave given to responses whose link and body name none. */
  defaultWave: string
  /** Maximum accepted request body in bytes. */
  bodyLimit: number
  /** Rate limits and per-link daily quotas (`GAPKIT_RATE_LIMITS=off` turns them all off). */
  limits: LimitSettings
  /**
   * SQLite's `synchronous`: `full` (the default) makes every acknowledged submission survive a
   * power cut or an OS crash; `normal` is faster and survives a crash of the process only.
   */
  synchronous: Synchronous
  /** One line per request on stderr (`serve`); `GAPKIT_LOG=off` silences it. */
  requestLog: boolean
}

/** SQLite's durability setting: see `Config.synchronous`. */
export type Synchronous = 'full' | 'normal'

/**
 * Rate limits (token buckets: N a minute, up to N at once) and daily quotas (per UTC day,
 * counted by the running server). 0 turns one off.
 */
export interface LimitSettings {
  /** Writes (POST, PUT, PATCH, DELETE under /api) per token or dashboard session a minute. */
  writesPerToken: number
  /** Writes per client address a minute. */
  writesPerAddress: number
  /** Sign-in attempts (a token given to /admin) per client address a minute. */
  signInsPerAddress: number
  /** New responses per partner link a day. */
  linkResponsesPerDay: number
  /** Bytes of answers a partner link may add a day (new responses and drafts that grow). */
  linkBytesPerDay: number
  /** The client address is the last `X-Forwarded-For` entry (a reverse proxy in front). */
  trustProxy: boolean
}

/** Limits suited to real use: a workshop of 20 people typing on one link and one network. */
export const DEFAULT_LIMITS: LimitSettings = {
  writesPerToken: 600,
  writesPerAddress: 1200,
  signInsPerAddress: 10,
  linkResponsesPerDay: 1000,
  linkBytesPerDay: 50 * 1024 * 1024,
  trustProxy: false,
}

/** Every limit off: for load tests and benchmarks that send thousands of requests. */
export const NO_LIMITS: LimitSettings = {
  writesPerToken: 0,
  writesPerAddress: 0,
  signInsPerAddress: 0,
  linkResponsesPerDay: 0,
  linkBytesPerDay: 0,
  trustProxy: false,
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
    // A path, or a postgres:// URL; any other scheme (mysql://, sqlite://) is a mistake.
    schema: z
      .string()
      .min(1)
      .refine((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^postgres(ql)?:\/\//i.test(s)),
    expected: 'a SQLite file path, :memory: or a postgres:// URL',
  },
  databaseUrl: {
    schema: z.string().regex(/^postgres(ql)?:\/\/\S+$/i),
    expected: 'a PostgreSQL URL, postgres://user:password@host:5432/database',
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
  count: {
    schema: z.string().regex(/^\d+$/).transform(Number).refine(Number.isSafeInteger),
    expected: 'a whole number (0 for no limit)',
  },
  onOff: {
    schema: z
      .string()
      .regex(/^(on|off|true|false|1|0|yes|no)$/i)
      .transform((v) => /^(on|true|1|yes)$/i.test(v)),
    expected: 'on or off',
  },
  synchronous: {
    schema: z
      .string()
      .regex(/^(full|normal)$/i)
      .transform((v) => v.toLowerCase() as Synchronous),
    expected: 'full or normal',
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
  const dbFlag = given(['--db', flags.db])
  const dbUrl = dbFlag ? undefined : given(null, ['DATABASE_URL', env.DATABASE_URL])
  const database = dbUrl
    ? read('databaseUrl', dbUrl, DEFAULT_DB)
    : read('db', dbFlag ?? given(null, ['GAPKIT_DB', env.GAPKIT_DB]), DEFAULT_DB)
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
  const limitsOn = read('onOff', given(null, ['GAPKIT_RATE_LIMITS', env.GAPKIT_RATE_LIMITS]), true)
  const base = limitsOn ? DEFAULT_LIMITS : NO_LIMITS
  const count = (name: string, fallback: number) =>
    read('count', given(null, [name, env[name]]), fallback)
  const limits: LimitSettings = {
    writesPerToken: count('GAPKIT_WRITES_PER_MINUTE', base.writesPerToken),
    writesPerAddress: count('GAPKIT_WRITES_PER_MINUTE_PER_ADDRESS', base.writesPerAddress),
    signInsPerAddress: count('GAPKIT_SIGNINS_PER_MINUTE', base.signInsPerAddress),
    linkResponsesPerDay: count('GAPKIT_LINK_RESPONSES_PER_DAY', base.linkResponsesPerDay),
    linkBytesPerDay: count('GAPKIT_LINK_BYTES_PER_DAY', base.linkBytesPerDay),
    trustProxy: read('onOff', given(null, ['GAPKIT_TRUST_PROXY', env.GAPKIT_TRUST_PROXY]), false),
  }
  const synchronous = read(
    'synchronous',
    given(null, ['GAPKIT_SYNCHRONOUS', env.GAPKIT_SYNCHRONOUS]),
    'full',
  )
  const requestLog = read('onOff', given(null, ['GAPKIT_LOG', env.GAPKIT_LOG]), true)
  if (problems.length > 0) throw new ConfigError(problems.join('; '))
  return {
    database,
    surveysDir: path.resolve(surveys),
    port,
    host,
    baseUrl,
    defaultWave,
    bodyLimit,
    limits,
    synchronous,
    requestLog,
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
