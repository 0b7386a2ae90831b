import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb } from '../../../server/db/create-db.ts'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { findUserByEmail } from '../../../server/db/repositories/users.ts'
import { verifyPassword } from '../../../server/services/passwords.ts'
import { runCli } from '../../helpers/cli.ts'
import { dumpText } from '../../helpers/dump-tables.ts'
import { tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, ON_POSTGRES, testDatabaseTarget } from '../../helpers/test-db.ts'

let dir: string
let db: string
beforeEach(async () => {
  dir = tempDir()
  db = await testDatabaseTarget(dir, 'g.db')
})
afterEach(async () => {
  await dropTestDatabase(db)
  fs.rmSync(dir, { recursive: true, force: true })
})

async function user(email: string) {
  const handle = await createDb(db)
  try {
    return await findUserByEmail(handle.kysely, email)
  } finally {
    await handle.close()
  }
}

/** Whether `text` is stored anywhere: in the SQLite file, or in any row of the PostgreSQL schema. */
async function stored(text: string): Promise<boolean> {
  if (!ON_POSTGRES) return fs.readFileSync(db).includes(Buffer.from(text))
  const handle = await createDb(db)
  try {
    return (await dumpText(handle)).includes(text)
  } finally {
    await handle.close()
  }
}

describe('gapkit user', () => {
  it('adds an account with a one-time password printed once, hashed in the database', async () => {
    const run = await runCli([
      'user',
      'add',
      '--email',
      'Ana@Example.org',
      '--role',
      'owner',
      '--name',
      'Ana Pop',
      '--db',
      db,
    ])
    expect(run.code).toBe(0)
    const password = run.stdout.trim()
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/)
    expect(run.stderr).toContain('ana@example.org (owner): one-time password above, shown once')
    const row = await user('ana@example.org')
    expect(row).toMatchObject({ name: 'Ana Pop', role: 'owner', must_change_password: 1 })
    expect(row?.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/)
    expect(row?.password_hash).not.toContain(password)
    expect(await verifyPassword(password, row?.password_hash ?? '')).toBe(true)
    expect(await stored(password)).toBe(false)
    expect(await stored('ana@example.org')).toBe(true) // the check sees what is stored
  })

  it('lists, changes roles, disables and enables, each audited as cli', async () => {
    await runCli(['user', 'add', '--email', 'ana@example.org', '--role', 'owner', '--db', db])
    await runCli(['user', 'add', '--email', 'bo@example.org', '--role', 'viewer', '--db', db])
    const role = await runCli([
      'user',
      'role',
      '--email',
      'BO@example.org',
      '--role',
      'analyst',
      '--db',
      db,
    ])
    expect(role.code).toBe(0)
    expect(role.stderr).toMatch(/^bo@example\.org\tanalyst\tone-time password\t/)
    expect((await runCli(['user', 'disable', '--email', 'bo@example.org', '--db', db])).code).toBe(
      0,
    )
    const list = await runCli(['user', 'list', '--db', db])
    expect(list.stdout.split('\n').filter(Boolean)).toEqual([
      'ana@example.org\towner\tone-time password\t\tnever signed in',
      'bo@example.org\tanalyst\tdisabled\t\tnever signed in',
    ])
    expect((await runCli(['user', 'enable', '--email', 'bo@example.org', '--db', db])).code).toBe(0)
    const json = JSON.parse((await runCli(['user', 'list', '--json', '--db', db])).stdout) as {
      email: string
      disabled: boolean
    }[]
    expect(json.map((u) => [u.email, u.disabled])).toEqual([
      ['ana@example.org', false],
      ['bo@example.org', false],
    ])
    const handle = await createDb(db)
    try {
      const audit = await listAudit(handle.kysely, { entity: 'user' })
      expect(audit.map((a) => [a.actor, a.action, a.entity_id])).toEqual([
        ['cli', 'user.create', 'ana@example.org'],
        ['cli', 'user.create', 'bo@example.org'],
        ['cli', 'user.role', 'bo@example.org'],
        ['cli', 'user.disable', 'bo@example.org'],
        ['cli', 'user.enable', 'bo@example.org'],
      ])
    } finally {
      await handle.close()
    }
  })

  it('resets a password to a new one-time password', async () => {
    const first = await runCli([
      'user',
      'add',
      '--email',
      'ana@example.org',
      '--role',
      'owner',
      '--db',
      db,
    ])
    const reset = await runCli(['user', 'password', '--email', 'ana@example.org', '--db', db])
    expect(reset.code).toBe(0)
    const next = reset.stdout.trim()
    expect(next).not.toBe(first.stdout.trim())
    const row = await user('ana@example.org')
    expect(await verifyPassword(next, row?.password_hash ?? '')).toBe(true)
    expect(await verifyPassword(first.stdout.trim(), row?.password_hash ?? '')).toBe(false)
  })

  it('refuses bad input with one line and exit code 2, changing nothing', async () => {
    await runCli(['user', 'add', '--email', 'ana@example.org', '--role', 'owner', '--db', db])
    const cases: [string[], string][] = [
      [['user'], 'usage: gapkit user add|list|role|disable|enable|password'],
      [['user', 'remove', '--email', 'a@b.org'], 'unknown action "remove"'],
      [['user', 'add', '--role', 'owner'], '--email E is required'],
      [
        ['user', 'add', '--email', 'x@example.org'],
        '--role is required (owner|analyst|reviewer|viewer)',
      ],
      [['user', 'add', '--email', 'x@example.org', '--role', 'boss'], '"boss" is not a role'],
      [['user', 'add', '--email', 'not-an-email', '--role', 'viewer'], 'is not an email address'],
      [
        ['user', 'add', '--email', 'ANA@example.org', '--role', 'viewer'],
        'an account "ana@example.org" exists already',
      ],
      [
        ['user', 'role', '--email', 'ana@example.org', '--role', 'viewer'],
        'the last owner who can sign in',
      ],
      [['user', 'disable', '--email', 'nobody@example.org'], 'no account "nobody@example.org"'],
      [['user', 'list', '--password-stdin'], '--password-stdin goes with add or password'],
      [
        ['user', 'add', '--email', 'x@example.org', '--role', 'viewer', '--password', 'p'],
        "Unknown option '--password'",
      ],
    ]
    for (const [args, message] of cases) {
      const run = await runCli([...args, '--db', db])
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(message)
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    const list = await runCli(['user', 'list', '--db', db])
    expect(list.stdout.trim().split('\n')).toHaveLength(1)
    expect(list.stdout).toContain('ana@example.org\towner')
  })

  it('explains every action in --help', async () => {
    const help = await runCli(['user', '--help'])
    expect(help.code).toBe(0)
    for (const part of [
      'user add --email E',
      'user list',
      'user role',
      'user disable',
      'user enable',
      'user password',
      '--password-stdin',
      'one-time password',
    ]) {
      expect(help.stdout).toContain(part)
    }
  })

  it('reads a chosen password from standard input, ready to use, never from the arguments', async () => {
    const bin = path.join(import.meta.dirname, '..', '..', '..', 'bin', 'gapkit.js')
    const add = (input: string, email: string) =>
      spawnSync(
        process.execPath,
        [bin, 'user', 'add', '--email', email, '--role', 'viewer', '--password-stdin', '--db', db],
        { input, encoding: 'utf8' },
      )
    const ok = add('ünïcode passphrase\r\n', 'ana@example.org')
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toBe('')
    expect(ok.stderr).toContain('ana@example.org (viewer) can sign in')
    const row = await user('ana@example.org')
    expect(row?.must_change_password).toBe(0)
    expect(await verifyPassword('ünïcode passphrase', row?.password_hash ?? '')).toBe(true)
    const short = add('short\n', 'bo@example.org')
    expect(short.status).toBe(2)
    expect(short.stderr).toContain('a password needs at least 10 characters')
  })
})
