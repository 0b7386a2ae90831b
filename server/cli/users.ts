/** `gapkit user …`: named lead-partner accounts, made and changed by the users service. */
import { resetPassword } from '../services/credentials.ts'
import {
  changeAccount,
  createAccount,
  findAccount,
  listAccounts,
  USER_ROLES,
  type UserView,
} from '../services/users.ts'
import { COMMON_HELP, COMMON_OPTIONS, openContext, parseCommand, UsageError } from './context.ts'

/** Whom the audit log names for what the command line does. */
const ACTOR = 'cli'

const ROLES = USER_ROLES.join('|')

const HELP = `Usage: gapkit user <action> [options]

Named accounts of the lead partner, who sign in to /admin with their email and password.

  gapkit user add --email E --role ${ROLES} [--name N] [--password-stdin]
      Creates an account. By default Gapkit makes a one-time password (about 99 bits),
      prints it once on stdout and asks for a new one at the first sign-in: hand it over
      privately. With --password-stdin the password is read from standard input instead
      (piped, e.g. from a password manager; never typed as an argument, where it would land
      in the shell history and the process list) and no change is asked for.
  gapkit user list [--json]
      Every account: email, role, state, last sign-in.
  gapkit user role --email E --role ${ROLES}
      Changes the role; open sessions get it at their next request.
  gapkit user disable --email E
      Stops the account from signing in and ends its sessions at once.
  gapkit user enable --email E
  gapkit user password --email E [--password-stdin]
      Sets a new password (a one-time one by default) and ends the account's sessions: the
      way back in for a person who forgot theirs.

Roles: owner (everything, users and admin tokens included), analyst (analysis, charts,
reports, raw-data exports and imports, partner links, review and corrections), reviewer
(reads and reviews responses; analysis, charts, reports), viewer (progress, analysis, charts
and reports, aggregated). The last owner who can sign in cannot be demoted or disabled.
Every change is in the audit log, by "cli".

Options:
  --email E         the person's email address (their sign-in name; it never changes)
  --role R          ${ROLES}
  --name N          their name, shown in the dashboard and the audit log
  --password-stdin  read the password from standard input (at least 10 characters)
  --json            list as JSON
${COMMON_HELP}`

const OPTIONS = {
  ...COMMON_OPTIONS,
  email: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
} as const

/** The password piped in: all of standard input, less one final line break. */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      '--password-stdin reads a piped password (e.g. `pass show gapkit | gapkit user add …`); leave it out to get a one-time password',
    )
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    if (chunks.reduce((n, c) => n + c.length, 0) > 4096) {
      throw new UsageError('the password on standard input is too long (at most 200 characters)')
    }
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (text === '') throw new UsageError('no password on standard input')
  return text
}

function describe(u: UserView): string {
  const state = u.disabled ? 'disabled' : u.mustChangePassword ? 'one-time password' : 'active'
  const seen = u.lastSignInAt
    ? `last sign-in ${u.lastSignInAt.slice(0, 16).replace('T', ' ')}`
    : 'never signed in'
  return `${u.email}\t${u.role}\t${state}\t${u.name ?? ''}\t${seen}`
}

function needEmail(email: string | undefined): string {
  if (!email?.trim()) throw new UsageError('--email E is required')
  return email
}

function needRole(role: string | undefined): string {
  if (!role) throw new UsageError(`--role is required (${ROLES})`)
  return role
}

/** `gapkit user <action>` */
export async function userCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, OPTIONS, true)
  if (values.help) return void console.log(HELP)
  const action = positionals[0]
  if (positionals.length !== 1 || action === undefined) {
    throw new UsageError('usage: gapkit user add|list|role|disable|enable|password (see --help)')
  }
  const known = ['add', 'list', 'role', 'disable', 'enable', 'password']
  if (!known.includes(action)) {
    throw new UsageError(`unknown action "${action}": ${known.join(', ')} (see --help)`)
  }
  // Checked before the database opens, so a bad call changes nothing and waits for nothing.
  const email = action === 'list' ? '' : needEmail(values.email)
  const role = action === 'add' || action === 'role' ? needRole(values.role) : ''
  const piped =
    values['password-stdin'] && (action === 'add' || action === 'password')
      ? await readPasswordFromStdin()
      : undefined
  if (values['password-stdin'] && piped === undefined) {
    throw new UsageError(`--password-stdin goes with add or password, not ${action}`)
  }
  const ctx = await openContext(values)
  const deps = { db: ctx.db.kysely, now: () => new Date() }
  try {
    if (action === 'list') {
      const users = await listAccounts(deps)
      if (values.json) return void console.log(JSON.stringify(users, null, 2))
      if (users.length === 0) return void console.error('no accounts yet: gapkit user add --help')
      for (const u of users) console.log(describe(u))
      return
    }
    if (action === 'add') {
      const { user, password } = await createAccount(
        deps,
        { email, role, name: values.name, password: piped },
        ACTOR,
      )
      if (password) {
        console.log(password)
        console.error(
          `${user.email} (${user.role}): one-time password above, shown once; they choose their own at the first sign-in at ${ctx.config.baseUrl}/admin`,
        )
      } else
        console.error(`${user.email} (${user.role}) can sign in at ${ctx.config.baseUrl}/admin`)
      return
    }
    const account = await findAccount(deps, email)
    if (action === 'password') {
      const { password } = await resetPassword(deps, account.id, ACTOR, piped)
      if (password) {
        console.log(password)
        console.error(`${account.email}: new one-time password above, shown once; sessions ended`)
      } else console.error(`${account.email}: password set; sessions ended`)
      return
    }
    const change = action === 'role' ? { role } : { disabled: action === 'disable' }
    const user = await changeAccount(deps, account.id, change, ACTOR)
    console.error(describe(user))
  } finally {
    await ctx.db.close()
  }
}
