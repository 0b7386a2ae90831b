import type { Kysely } from 'kysely'
import { writeAudit } from '../db/repositories/audit.ts'
import { findRegion, upsertRegion } from '../db/repositories/regions.ts'
import { insertToken } from '../db/repositories/tokens.ts'
import type { Database } from '../db/schema.ts'
import { generateToken, hashToken } from '../http/auth.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand, UsageError } from './context.ts'

/** Creates an admin token; returns the token (shown once) and its row id. */
export async function createAdminToken(
  db: Kysely<Database>,
  name: string,
  now: string,
): Promise<{ token: string; id: number }> {
  const token = generateToken('admin')
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertToken(trx, {
      token_hash: hashToken(token),
      role: 'admin',
      region_id: null,
      name,
      group_name: null,
      wave: null,
      created_at: now,
      revoked_at: null,
    })
    await writeAudit(
      trx,
      {
        actor: 'cli',
        action: 'token.create',
        entity: 'token',
        entityId: String(id),
        details: { role: 'admin', name },
      },
      now,
    )
    return id
  })
  return { token, id }
}

export interface PartnerLinkInput {
  region: string
  regionName?: string
  name: string
  group?: string
  wave?: string
}

/** Creates a partner token bound to a region (created when a name is given). */
export async function createPartnerToken(
  db: Kysely<Database>,
  input: PartnerLinkInput,
  now: string,
): Promise<{ token: string; id: number }> {
  const token = generateToken('partner')
  const id = await db.transaction().execute(async (trx) => {
    if (input.regionName) await upsertRegion(trx, { id: input.region, name: input.regionName }, now)
    else if (!(await findRegion(trx, input.region))) {
      throw new UsageError(`no region "${input.region}"; give --region-name to create it`)
    }
    const id = await insertToken(trx, {
      token_hash: hashToken(token),
      role: 'partner',
      region_id: input.region,
      name: input.name,
      group_name: input.group ?? null,
      wave: input.wave ?? null,
      created_at: now,
      revoked_at: null,
    })
    await writeAudit(
      trx,
      {
        actor: 'cli',
        action: 'token.create',
        entity: 'token',
        entityId: String(id),
        details: { role: 'partner', region: input.region, group: input.group ?? null },
      },
      now,
    )
    return id
  })
  return { token, id }
}

const ADMIN_HELP = `Usage: gapkit admin-token [--name NAME] [--db FILE]

Creates an admin token and prints it once (only its hash is stored).
  --name NAME       who holds it (default "admin")
${COMMON_HELP}`

/** `gapkit admin-token` */
export async function adminTokenCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, { ...COMMON_OPTIONS, name: { type: 'string' } })
  if (values.help) return void console.log(ADMIN_HELP)
  const ctx = await openContext(values)
  try {
    const { token } = await createAdminToken(
      ctx.db.kysely,
      values.name ?? 'admin',
      new Date().toISOString(),
    )
    console.log(token)
    console.error(`admin: ${ctx.config.baseUrl}/admin?t=${token}`)
  } finally {
    await ctx.db.close()
  }
}

const PARTNER_HELP = `Usage: gapkit partner add --region ID --name NAME [--group G] [--region-name NAME] [--wave W] [--survey ID]

Creates a partner link bound to one region and prints its token and form URL once.
  --region ID         region id, e.g. SI-HEART
  --region-name NAME  create the region (or rename it) with this display name
  --name NAME         the partner organisation or person
  --group G           stakeholder group recorded with its responses
  --wave W            collection wave of its responses (default: the current year)
  --survey ID         questionnaire for the printed URL (default: the first one)
${COMMON_HELP}`

/** `gapkit partner add` */
export async function partnerCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...COMMON_OPTIONS,
      region: { type: 'string' },
      'region-name': { type: 'string' },
      name: { type: 'string' },
      group: { type: 'string' },
      wave: { type: 'string' },
      survey: { type: 'string' },
    },
    true,
  )
  if (values.help) return void console.log(PARTNER_HELP)
  if (positionals[0] !== 'add' || positionals.length !== 1) {
    throw new UsageError('usage: gapkit partner add --region ID --name NAME (see --help)')
  }
  if (!values.region || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(values.region)) {
    throw new UsageError('--region ID is required (letters, digits, - and _)')
  }
  if (!values.name?.trim()) throw new UsageError('--name NAME is required')
  const ctx = await openContext(values)
  try {
    const survey = values.survey ? ctx.registry.get(values.survey) : ctx.registry.list()[0]
    if (!survey) throw new UsageError(`no questionnaire "${values.survey}"`)
    const { token } = await createPartnerToken(
      ctx.db.kysely,
      {
        region: values.region,
        regionName: values['region-name'],
        name: values.name.trim(),
        group: values.group,
        wave: values.wave,
      },
      new Date().toISOString(),
    )
    console.log(token)
    console.error(`form: ${ctx.config.baseUrl}/s/${survey.id}?t=${token}`)
  } finally {
    await ctx.db.close()
  }
}
