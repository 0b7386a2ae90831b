import { DEMO_REGIONS, generateDemoResponses } from '../../demo/index.ts'
import { upsertRegion } from '../db/repositories/regions.ts'
import { countResponses } from '../db/repositories/responses.ts'
import { createAdminToken, createPartnerLink } from '../services/partner-links.ts'
import { createSubmission } from '../services/submissions.ts'
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  type CommandContext,
  isInteractive,
  openContext,
  parseCommand,
  UsageError,
} from './context.ts'

export interface DemoOptions {
  responses: number
  seed: number
  /** Skip loading responses when the database already has some (links are still printed). */
  onlyIfEmpty?: boolean
  /** Where links are printed (default stdout). */
  print?: (line: string) => void
}

/**
 * Loads the demo regions and synthetic responses through the same validation and storage path
 * as a real submission, creates an admin token and one partner link per region, and prints them.
 */
export async function loadDemo(
  ctx: CommandContext,
  opts: DemoOptions,
): Promise<{ loaded: number }> {
  const print = opts.print ?? ((line: string) => console.log(line))
  const db = ctx.db.kysely
  const now = new Date().toISOString()
  for (const r of DEMO_REGIONS) await upsertRegion(db, r, now)
  let loaded = 0
  const existing = await countResponses(db)
  if (opts.onlyIfEmpty && existing > 0) {
    print(`Demo data already present (${existing} responses); not loading more.`)
  } else {
    const demo = generateDemoResponses(ctx.registry.list(), {
      responses: opts.responses,
      seed: opts.seed,
    })
    const deps = {
      db,
      registry: ctx.registry,
      now: () => new Date(),
      defaultWave: ctx.config.defaultWave,
    }
    const tty = isInteractive()
    for (const [i, r] of demo.entries()) {
      await createSubmission(deps, null, {
        survey: r.survey,
        answers: r.answers,
        draft: r.draft,
        language: r.language,
        region: r.region,
        wave: r.wave,
        group: r.group,
        submissionKey: `demo-${opts.seed}-${i}`,
      })
      loaded++
      if (tty && (i % 25 === 0 || i === demo.length - 1)) {
        process.stderr.write(`\rloading demo responses ${i + 1}/${demo.length}`)
      }
    }
    if (tty) process.stderr.write('\n')
    print(`Loaded ${loaded} demo responses for ${DEMO_REGIONS.length} regions.`)
  }
  const admin = await createAdminToken(db, 'demo admin', 'cli', now)
  const base = ctx.config.baseUrl
  const first = ctx.registry.get('microfinance-gap') ?? ctx.registry.list()[0]
  print(`Admin token: ${admin.token}`)
  print(`Admin:   ${base}/admin?t=${admin.token}`)
  for (const r of DEMO_REGIONS) {
    const link = await createPartnerLink(
      db,
      { region: r.id, name: `${r.name} (demo partner)` },
      'cli',
      now,
    )
    if (first) print(`Partner ${r.id.padEnd(9)} ${base}/s/${first.id}?t=${link.token}`)
  }
  return { loaded }
}

const HELP = `Usage: gapkit demo [--responses N] [--seed S] [--db FILE]

Creates the demo regions (Seine-Saint-Denis, Bologna, Bucharest-Ilfov, Västra Götaland,
Heart of Slovenia, Koulikoro), realistic synthetic responses for every questionnaire — each one
validated and stored exactly like a real submission — an admin token and a partner link per
region, and prints the links. The same seed always gives the same answers.
  --responses N     about how many responses in all (default 300)
  --seed S          random seed (default 1)
${COMMON_HELP}`

/** `gapkit demo` */
export async function demoCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, {
    ...COMMON_OPTIONS,
    responses: { type: 'string' },
    seed: { type: 'string' },
  })
  if (values.help) return void console.log(HELP)
  const responses = Number(values.responses ?? 300)
  const seed = Number(values.seed ?? 1)
  if (!Number.isInteger(responses) || responses < 1 || responses > 1_000_000) {
    throw new UsageError('--responses must be an integer from 1 to 1000000')
  }
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer')
  const ctx = await openContext(values)
  try {
    await loadDemo(ctx, { responses, seed })
  } finally {
    await ctx.db.close()
  }
}
