/** `gapkit admin-token` and `gapkit partner add`: tokens made by the partner-links service. */
import { ValidationError } from '../errors.ts'
import { createAdminToken, createPartnerLink } from '../services/partner-links.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand, UsageError } from './context.ts'

/** Whom the audit log names for what the command line does. */
const ACTOR = 'cli'

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
      ACTOR,
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
  if (!values.region) throw new UsageError('--region ID is required (letters, digits, - and _)')
  if (!values.name?.trim()) throw new UsageError('--name NAME is required')
  const ctx = await openContext(values)
  try {
    const survey = values.survey ? ctx.registry.get(values.survey) : ctx.registry.list()[0]
    if (!survey) throw new UsageError(`no questionnaire "${values.survey}"`)
    const region = values.region
    const { token } = await createPartnerLink(
      ctx.db.kysely,
      {
        region,
        regionName: values['region-name'],
        name: values.name.trim(),
        group: values.group,
        wave: values.wave,
      },
      ACTOR,
      new Date().toISOString(),
    ).catch((error: unknown) => {
      // The service names the dashboard's field; here the same fix is a flag.
      if (error instanceof ValidationError && error.code === 'unknown_region') {
        throw new UsageError(`no region "${region}"; give --region-name to create it`)
      }
      throw error
    })
    console.log(token)
    console.error(`form: ${ctx.config.baseUrl}/s/${survey.id}?t=${token}`)
  } finally {
    await ctx.db.close()
  }
}
