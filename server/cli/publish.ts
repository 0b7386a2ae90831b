/** `gapkit publish`: read-only public links to a report, made by the published-reports service. */
import {
  listPublished,
  type PublishedReportView,
  publishedPath,
  publishReport,
  revokePublished,
} from '../services/published-reports.ts'
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

const HELP = `Usage: gapkit publish <survey> [--lang L] [--by B] [--wave W|all] [--name N]
       gapkit publish --list [<survey>] [--json]
       gapkit publish --revoke ID|PREFIX

Publishes a questionnaire's gap report at a read-only link anyone can open without signing in
(a ministry, a partner's board): the report as the dashboard shows it, with its small-group
suppression and nothing else of the data, following the data as responses come in. The link
holds an unguessable token, printed once (only its hash and first 12 characters are stored).
Its page ends with an embed snippet per chart (iframe and Vega-Embed) for authors' web pages.
Revoking stops the link and every embedded chart at once.
  --lang L          report language (default en); labels come from the questionnaire
  --by B            region (default), wave, or a single-choice question's name
  --wave W          the wave the report reads, or "all" (default: the latest wave with
                    enough respondents)
  --name N          what you call the link, shown by --list ("Ministry, spring review")
  --list            every published report (or one questionnaire's): id, prefix, settings,
                    creation and state; --json for JSON
  --revoke REF      the published report's id, or its prefix (e.g. gkr_AbCdEfGh)
The link's address starts with GAPKIT_BASE_URL (the server's public address).
${COMMON_HELP}`

const OPTIONS = {
  ...COMMON_OPTIONS,
  lang: { type: 'string' },
  by: { type: 'string' },
  wave: { type: 'string' },
  name: { type: 'string' },
  list: { type: 'boolean' },
  json: { type: 'boolean' },
  revoke: { type: 'string' },
} as const

/** `2026-12-07 10:42` (UTC), or `-`. */
function shown(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '-'
}

/** The published reports as an aligned table, one line each, with a header. */
export function formatPublished(reports: PublishedReportView[]): string {
  const head = ['id', 'survey', 'prefix', 'lang', 'by', 'wave', 'created (UTC)', 'state', 'name']
  const rows = reports.map((r) => [
    String(r.id),
    r.survey,
    r.prefix,
    r.lang,
    r.by ?? 'region',
    r.wave ?? 'latest',
    shown(r.createdAt),
    r.state === 'revoked' ? `revoked ${shown(r.revokedAt)}` : r.state,
    r.name ?? '',
  ])
  return textTable(head, rows)
}

/** `gapkit publish` */
export async function publishCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, OPTIONS, true)
  if (values.help) return void console.log(HELP)
  const [survey, ...extra] = positionals
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (see --help)`)
  if (values.list && values.revoke !== undefined)
    throw new UsageError('--list and --revoke go alone')
  const settings = [values.lang, values.by, values.wave, values.name]
  if ((values.list || values.revoke !== undefined) && settings.some((v) => v !== undefined)) {
    throw new UsageError('--lang, --by, --wave and --name are for a new link')
  }
  if (values.revoke !== undefined && survey) {
    throw new UsageError('--revoke takes the id or prefix alone: gapkit publish --revoke ID')
  }
  if (!values.list && values.revoke === undefined && !survey) {
    throw new UsageError('usage: gapkit publish <survey> (or --list, --revoke ID; see --help)')
  }
  if (values.json && !values.list) throw new UsageError('--json goes with --list')
  const ctx = await openContext(values)
  try {
    const db = ctx.db.kysely
    const now = new Date().toISOString()
    if (values.list) {
      if (survey && !ctx.registry.get(survey)) throw new UsageError(`no questionnaire "${survey}"`)
      const reports = await listPublished(db, survey ? { survey } : {})
      if (values.json) return void console.log(JSON.stringify({ published: reports }, null, 2))
      console.log(reports.length > 0 ? formatPublished(reports) : 'no published reports')
      return
    }
    if (values.revoke !== undefined) {
      const revoked = await revokePublished(db, values.revoke, ACTOR, now)
      console.log(
        `revoked published report ${revoked.id} (${revoked.survey}, ${revoked.prefix}): its link and embedded charts no longer open`,
      )
      return
    }
    const { token, report } = await publishReport(
      db,
      ctx.registry,
      {
        survey: survey ?? '',
        lang: values.lang,
        by: values.by,
        wave: values.wave,
        name: values.name,
      },
      ACTOR,
      now,
    )
    console.log(`${ctx.config.baseUrl}${publishedPath(token)}`)
    console.error(
      `published report ${report.id} (${report.survey}, ${report.lang}): the link is shown once; revoke it with gapkit publish --revoke ${report.id}`,
    )
  } finally {
    await ctx.db.close()
  }
}
