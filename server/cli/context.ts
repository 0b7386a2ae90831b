import fs from 'node:fs'
import path from 'node:path'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { parseWave, parseWavePair, WaveError } from '../../analysis/choose-waves.ts'
import type { AnalysisOptions } from '../../analysis/input.ts'
import { loadSurveyRegistry, type SurveyRegistry } from '../../surveys/registry.ts'
import { type CommonFlags, type Config, loadConfig } from '../config.ts'
import { createDb, type Db } from '../db/create-db.ts'
import { createLiveRegistry, type LiveSurveyRegistry } from '../services/live-registry.ts'

/** A command's bad input: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The flags every command takes. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  surveys: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

export const COMMON_HELP = `  --db FILE|URL     SQLite file or postgres:// URL (default: DATABASE_URL, GAPKIT_DB, or
                    ./data/gapkit.db)
  --surveys DIR     questionnaire folder (default surveys/definitions, or GAPKIT_SURVEYS)
  -h, --help        this help`

/** The flags choosing what an analysis counts: `analyze` and `report` take them all. */
export const ANALYSIS_OPTIONS = {
  by: { type: 'string' },
  wave: { type: 'string' },
  waves: { type: 'string' },
  drafts: { type: 'boolean' },
  'approved-only': { type: 'boolean' },
  seed: { type: 'string' },
} as const satisfies ParseArgsConfig['options']

export const ANALYSIS_HELP = `  --by B            region (default), wave, or a single-choice question's name
  --wave W          the wave of the figures, or "all" for every wave (default: the latest
                    wave with at least suppressBelow respondents; every wave with --by wave
                    or for an indicator questionnaire)
  --waves A,B       the two waves the wave comparison compares (default: the two latest
                    waves with at least suppressBelow respondents who answered both sides of
                    a dimension); the comparison reads both whatever --wave is
  --drafts          count drafts too (default: submitted responses only)
  --approved-only   count approved responses only (default: all but rejected)
  --seed S          seed of the bootstrap and permutation tests (default 1)`

/**
 * The analysis options of parsed ANALYSIS_OPTIONS flags; a bad seed or a malformed wave is a
 * usage error (a wave without responses is found out by the analysis).
 */
export function analysisOptions(values: {
  by?: string
  wave?: string
  waves?: string
  drafts?: boolean
  'approved-only'?: boolean
  seed?: string
}): Omit<AnalysisOptions, 'locale'> & { review: 'approved' | 'not-rejected' } {
  const seed = values.seed === undefined ? undefined : Number(values.seed)
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new UsageError('--seed must be an integer')
  }
  let wave: string | null | undefined
  let waves: [string, string] | undefined
  try {
    wave = values.wave === undefined ? undefined : parseWave(values.wave)
    waves = values.waves === undefined ? undefined : parseWavePair(values.waves)
  } catch (error) {
    if (error instanceof WaveError) throw new UsageError(`--${error.message}`)
    throw error
  }
  return {
    by: values.by,
    wave,
    waves,
    includeDrafts: values.drafts === true,
    review: values['approved-only'] ? 'approved' : 'not-rejected',
    seed,
  }
}

/** Parses argv strictly: an unknown flag is a usage error, not silently ignored. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments')
  }
}

/** Everything a command works with, opened from its flags. */
export interface CommandContext {
  config: Config
  /** The questionnaires: from `openContext`, the folder's and the published uploads. */
  registry: SurveyRegistry
  db: Db
}

/**
 * Loads config and the folder's questionnaires (refusing broken ones), opens the database, and
 * adds the questionnaires published by upload, which replace the folder's of the same id.
 */
export async function openContext(
  flags: CommonFlags,
): Promise<CommandContext & { registry: LiveSurveyRegistry }> {
  const config = loadConfig(flags)
  const folder = loadSurveyRegistry(config.surveysDir)
  const db = await createDb(config.database, { synchronous: config.synchronous })
  const registry = createLiveRegistry(db.kysely, folder)
  await registry.refresh()
  return { config, registry, db }
}

/** Whether progress lines should be drawn (a terminal, not a pipe). */
export function isInteractive(): boolean {
  return Boolean(process.stderr.isTTY)
}

/** Rows as left-aligned columns two spaces apart, the head first (for `--list` outputs). */
export function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  return [head, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/**
 * Reads a file named on the command line; a missing file or a folder is a usage error naming
 * it (`what` says what the file should have been: "a workbook").
 */
export function readInputFile(file: string, what: string): Uint8Array {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file`)
    if (code === 'EISDIR') throw new UsageError(`${file}: a folder, not ${what}`)
    throw new UsageError(`${file}: cannot read (${(error as Error).message})`)
  }
}

/**
 * A file a workbook names (`select_one_from_file`), read from the workbook's folder only: a
 * name with a folder in it is none.
 */
export function readBeside(workbook: string, name: string): Uint8Array | undefined {
  if (name !== path.basename(name)) return undefined
  try {
    return fs.readFileSync(path.join(path.dirname(workbook), name))
  } catch {
    return undefined
  }
}
