import { DEMO_REGIONS, generateDemoResponses } from '../../demo/index.ts'
import { upsertRegion } from '../db/repositories/regions.ts'
import { countResponses } from '../db/repositories/responses.ts'
import { listTokens } from '../db/repositories/tokens.ts'
import type { TokenRow } from '../db/schema.ts'
import {
  createAdminToken,
  createPartnerLink,
  listPartnerLinks,
  revokeTokens,
} from '../services/partner-links.ts'
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

/** The name of the admin token the demo mints. */
const DEMO_ADMIN_NAME = 'demo admin'

/** The name of a demo region's partner link. */
function demoPartnerName(region: { name: string }): string {
  return `${region.name} (demo partner)`
}

/**
 * The live tokens an earlier demo run minted: the admin token named "demo admin" and, in each
 * demo region, the partner link with the demo's name. Links the lead partner made are kept.
 */
function findDemoTokens(tokens: TokenRow[]): TokenRow[] {
  const partners = new Set(DEMO_REGIONS.map((r) => `${r.id}\n${demoPartnerName(r)}`))
  return tokens.filter(
    (t) =>
      t.revoked_at === null &&
      ((t.role === 'admin' && t.name === DEMO_ADMIN_NAME) ||
        (t.role === 'partner' && partners.has(`${t.region_id}\n${t.name}`))),
  )
}

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
  // Tokens are stored hashed, so the links of an earlier run cannot be printed again: revoke
  // them and mint fresh ones, instead of piling up a new set at every start.
  const earlier = findDemoTokens(await listTokens(db))
  const revoked = await revokeTokens(
    db,
    earlier.map((t) => t.id),
    'cli',
    now,
  )
  if (revoked.length > 0) {
    const partners = earlier.filter((t) => t.role === 'partner' && revoked.includes(t.id)).length
    const admins = revoked.length - partners
    print(
      `Revoked the ${partners} demo partner link${partners === 1 ? '' : 's'} and ${admins} demo admin token${admins === 1 ? '' : 's'} of an earlier run.`,
    )
  }
  const admin = await createAdminToken(db, DEMO_ADMIN_NAME, 'cli', now)
  const base = ctx.config.baseUrl
  const first = ctx.registry.get('microfinance-gap') ?? ctx.registry.list()[0]
  print(`Admin token: ${admin.token}`)
  print(`Admin:   ${base}/admin?t=${admin.token}`)
  const minted = new Set<number>()
  for (const r of DEMO_REGIONS) {
    const link = await createPartnerLink(db, { region: r.id, name: demoPartnerName(r) }, 'cli', now)
    minted.add(link.partner.id)
    if (first) print(`Partner ${r.id.padEnd(9)} ${base}/s/${first.id}?t=${link.token}`)
  }
  const others = (await listPartnerLinks(db)).partners.filter(
    (p) => p.revokedAt === null && !minted.has(p.id),
  )
  print(
    `Live partner links: ${minted.size + others.length} (${minted.size} demo, printed above; ${others.length} other${others.length === 1 ? '' : 's'}).`,
  )
  for (const p of others)
    print(`  ${p.region.padEnd(9)} ${p.name} (created ${p.createdAt.slice(0, 10)})`)
  return { loaded }
}

const HELP = `Usage: gapkit demo [--responses N] [--seed S] [--db FILE]

Creates the demo regions (Seine-Saint-Denis, Bologna, Bucharest-Ilfov, Västra Götaland,
Heart of Slovenia, Koulikoro), realistic synthetic responses for every questionnaire — each one
validated and stored exactly like a real submission — an admin token and a partner link per
region, and prints the links. The same seed always gives the same answers.
Run again on the same database, it revokes the demo admin token and demo partner links of the
run before (tokens are stored hashed and cannot be shown again) and prints fresh ones, then
lists every live partner link: links you made yourself are kept.
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
