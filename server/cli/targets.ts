/** `gapkit target …`: collection targets, set and listed through the targets service. */
import { listProgress } from '../db/repositories/progress.ts'
import {
  listCollectionTargets,
  MAX_EXPECTED,
  removeTarget,
  setTarget,
} from '../services/targets.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand, UsageError } from './context.ts'

/** Whom the audit log names for what the command line does. */
const ACTOR = 'cli'

const HELP = `Usage: gapkit target <action> [options]

How many responses the lead partner expects of a questionnaire in a region and wave. The
dashboard's progress view shows each region against its target ("16 of 30 expected"), counting
submitted responses that are not rejected.

  gapkit target set <survey> --region ID --expected N [--wave W]
      Sets the target (replacing an earlier one). N is a whole number from 1 to ${MAX_EXPECTED}.
  gapkit target list [<survey>] [--json]
      Every target (or one questionnaire's) with the responses counted so far.
  gapkit target remove <survey> --region ID [--wave W]
      Removes a target.

Every change is in the audit log, by "cli".

Options:
  --region ID       region id, e.g. SI-HEART
  --wave W          collection wave (default: the current wave, GAPKIT_WAVE or the year)
  --expected N      responses expected
  --json            list as JSON
${COMMON_HELP}`

const OPTIONS = {
  ...COMMON_OPTIONS,
  region: { type: 'string' },
  wave: { type: 'string' },
  expected: { type: 'string' },
  json: { type: 'boolean' },
} as const

function parseExpected(text: string | undefined): number {
  if (text === undefined) throw new UsageError('--expected N is required (responses expected)')
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_EXPECTED) {
    throw new UsageError(
      `--expected must be a whole number from 1 to ${MAX_EXPECTED} (got "${text}"); use "gapkit target remove" to drop a target`,
    )
  }
  return n
}

/** `gapkit target set|list|remove` */
export async function targetCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, OPTIONS, true)
  if (values.help) return void console.log(HELP)
  const [action, survey, ...extra] = positionals
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (see --help)`)
  if (action !== 'set' && action !== 'list' && action !== 'remove') {
    throw new UsageError('usage: gapkit target set|list|remove (see --help)')
  }
  if (action !== 'list') {
    if (!survey) throw new UsageError(`usage: gapkit target ${action} <survey> --region ID`)
    if (!values.region) throw new UsageError('--region ID is required')
  }
  const expected = action === 'set' ? parseExpected(values.expected) : undefined
  if (action !== 'set' && values.expected !== undefined) {
    throw new UsageError(`--expected belongs to "gapkit target set", not "${action}"`)
  }
  const ctx = await openContext(values)
  try {
    const db = ctx.db.kysely
    const now = new Date().toISOString()
    const wave = values.wave ?? ctx.config.defaultWave
    if (action === 'set' && survey && values.region && expected !== undefined) {
      const target = await setTarget(
        db,
        ctx.registry,
        { survey, region: values.region, wave, expected },
        ACTOR,
        now,
      )
      console.log(
        `${target.survey} · ${target.regionName} (${target.region}) · wave ${target.wave}: ${target.expected} responses expected`,
      )
      return
    }
    if (action === 'remove' && survey && values.region) {
      await removeTarget(db, { survey, region: values.region, wave }, ACTOR, now)
      console.log(`removed the target of ${survey} in ${values.region}, wave ${wave}`)
      return
    }
    if (survey && !ctx.registry.get(survey)) throw new UsageError(`no questionnaire "${survey}"`)
    const [targets, progress] = await Promise.all([
      listCollectionTargets(db, { survey }),
      listProgress(db, { survey }),
    ])
    const counted = new Map(
      progress.map((p) => [`${p.survey}\n${p.region}\n${p.wave}`, p.submitted - p.rejected]),
    )
    const rows = targets.map((t) => ({
      ...t,
      counted: counted.get(`${t.survey}\n${t.region}\n${t.wave}`) ?? 0,
    }))
    if (values.json) return void console.log(JSON.stringify({ targets: rows }, null, 2))
    if (rows.length === 0) {
      console.log(survey ? `no targets for ${survey}` : 'no targets')
      return
    }
    const table = [
      ['survey', 'region', 'wave', 'counted', 'expected', '%'],
      ...rows.map((r) => [
        r.survey,
        r.region,
        r.wave,
        String(r.counted),
        String(r.expected),
        `${Math.round((100 * r.counted) / r.expected)}%`,
      ]),
    ]
    const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)))
    for (const row of table) {
      console.log(
        row
          .map((cell, i) =>
            i >= 3 ? cell.padStart(widths?.[i] ?? 0) : cell.padEnd(widths?.[i] ?? 0),
          )
          .join('  ')
          .trimEnd(),
      )
    }
  } finally {
    await ctx.db.close()
  }
}
