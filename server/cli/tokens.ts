/** `gapkit admin-token` and `gapkit partner add`: tokens made by the partner-links service. */
import { ValidationError } from '../errors.ts'
import {
  type AdminTokenView,
  createAdminToken,
  createPartnerLink,
  listAdminTokens,
  revokeAdminToken,
} from '../services/partner-links.ts'
import { qrTerminal } from '../services/qr-codes.ts'
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  openContext,
  parseCommand,
  textTable,
  UsageError,
} from './context.ts'

/** Whom the audit log names for what the command line does. */
const ACTOR = 'cli'

const ADMIN_HELP = `Usage: gapkit admin-token [--name NAME] [--expires 90d] [--db FILE]
       gapkit admin-token --list
       gapkit admin-token --revoke ID|PREFIX

Creates an admin token and prints it once (only its hash and its first 12 characters are
stored); lists the admin tokens; or revokes one, which also ends its dashboard sessions.
  --name NAME       who holds it (default "admin")
  --expires WHEN    it stops working after 90d, 12h, 8w, or on a date (2027-01-31);
                    default: never
  --list            id, name, prefix, created, last use, expiry and state of every admin token
  --revoke REF      the token's id, its prefix (at least 6 characters, e.g. gka_AbCdEfGh),
                    or the token itself
${COMMON_HELP}`

const UNITS: Record<string, number> = { h: 3600_000, d: 86_400_000, w: 7 * 86_400_000 }

/** `--expires`: a duration from now (`90d`, `12h`, `8w`) or a date, as an ISO time. */
export function parseExpiry(value: string, now: Date): string {
  const duration = /^(\d{1,5})([hdw])$/.exec(value.trim())
  if (duration) {
    const amount = Number(duration[1])
    if (amount === 0) throw new UsageError('--expires must be in the future (e.g. 90d)')
    return new Date(now.getTime() + amount * (UNITS[duration[2] ?? 'd'] ?? 0)).toISOString()
  }
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
    ? new Date(`${value.trim()}T00:00:00Z`)
    : null
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.trim()) {
    throw new UsageError(
      `--expires must be a duration (90d, 12h, 8w) or a date (2027-01-31); got "${value}"`,
    )
  }
  if (date <= now) throw new UsageError(`--expires ${value} is not in the future`)
  return date.toISOString()
}

/** `2026-12-07 10:42` (UTC), or `-`. */
function shown(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '-'
}

/** The admin tokens as an aligned table, one line each, with a header. */
export function formatAdminTokens(tokens: AdminTokenView[]): string {
  const head = ['id', 'name', 'prefix', 'created (UTC)', 'last use', 'expires', 'state']
  const rows = tokens.map((t) => [
    String(t.id),
    t.name,
    t.prefix ?? '-',
    shown(t.createdAt),
    shown(t.lastUsedAt),
    shown(t.validUntil),
    t.state === 'revoked' ? `revoked ${shown(t.revokedAt)}` : t.state,
  ])
  return textTable(head, rows)
}

/** `gapkit admin-token` */
export async function adminTokenCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, {
    ...COMMON_OPTIONS,
    name: { type: 'string' },
    expires: { type: 'string' },
    list: { type: 'boolean' },
    revoke: { type: 'string' },
  })
  if (values.help) return void console.log(ADMIN_HELP)
  const modes = [values.list, values.revoke !== undefined].filter(Boolean).length
  if (modes > 1) throw new UsageError('--list and --revoke go alone')
  if (modes === 1 && (values.name !== undefined || values.expires !== undefined)) {
    throw new UsageError('--name and --expires are for a new token, not with --list or --revoke')
  }
  const now = new Date()
  const validUntil = values.expires === undefined ? null : parseExpiry(values.expires, now)
  const ctx = await openContext(values)
  try {
    if (values.list) {
      const tokens = await listAdminTokens(ctx.db.kysely, now.toISOString())
      console.log(tokens.length > 0 ? formatAdminTokens(tokens) : 'no admin tokens')
      return
    }
    if (values.revoke !== undefined) {
      const revoked = await revokeAdminToken(ctx.db.kysely, values.revoke, ACTOR, now.toISOString())
      console.log(
        `revoked admin token ${revoked.id} (${revoked.name}${revoked.prefix ? `, ${revoked.prefix}` : ''}); its dashboard sessions are over`,
      )
      return
    }
    const { token } = await createAdminToken(
      ctx.db.kysely,
      values.name ?? 'admin',
      ACTOR,
      now.toISOString(),
      validUntil,
    )
    console.log(token)
    console.error(`admin: ${ctx.config.baseUrl}/admin?t=${token}`)
    if (validUntil) console.error(`expires: ${shown(validUntil)} UTC`)
  } finally {
    await ctx.db.close()
  }
}

const PARTNER_HELP = `Usage: gapkit partner add --region ID --name NAME [--group G] [--region-name NAME] [--wave W] [--survey ID] [--qr]

Creates a partner link bound to one region and prints its token and form URL once.
  --region ID         region id, e.g. SI-HEART
  --region-name NAME  create the region (or rename it) with this display name
  --name NAME         the partner organisation or person
  --group G           stakeholder group recorded with its responses
  --wave W            collection wave of its responses (default: the current year)
  --survey ID         questionnaire for the printed URL (default: the first one)
  --qr                also print the URL as a QR code (Unicode blocks, on standard error,
                      drawn for a dark terminal), to scan with a phone at a workshop
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
      qr: { type: 'boolean' },
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
    const url = `${ctx.config.baseUrl}/s/${survey.id}?t=${token}`
    console.error(`form: ${url}`)
    if (values.qr) console.error(qrTerminal(url))
  } finally {
    await ctx.db.close()
  }
}
