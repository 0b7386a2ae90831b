/**
 * Files holding respondents' answers are readable by their owner only: the database, its WAL
 * and SHM, backups and CLI exports (they were 0644 under umask 022). And the database commits
 * with synchronous=FULL unless told otherwise.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, sqliteConnection } from '../../../server/db/create-db.ts'
import { runCli } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/test-app.ts'

const dirs: string[] = []
let umask = 0
beforeAll(() => {
  // The usual umask: what a fresh file gets unless the code says otherwise.
  umask = process.umask(0o022)
})
afterAll(() => {
  process.umask(umask)
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

function dir(): string {
  const made = tempDir('gapkit-modes-')
  dirs.push(made)
  return made
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777

describe('private files', () => {
  it('creates the database, its WAL and its SHM with mode 0600', async () => {
    const file = path.join(dir(), 'new', 'gapkit.db')
    const db = await createDb(file)
    try {
      sqliteConnection(db).exec('create table t (x); insert into t values (1)')
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(fs.existsSync(f), f).toBe(true)
        expect(modeOf(f), f).toBe(0o600)
      }
      expect(modeOf(path.dirname(file))).toBe(0o700)
    } finally {
      await db.close()
    }
  })

  it('narrows an existing database left readable by others', async () => {
    const file = path.join(dir(), 'old.db')
    const first = await createDb(file)
    sqliteConnection(first).exec('create table t (x); insert into t values (1)')
    await first.close()
    fs.chmodSync(file, 0o644)
    fs.writeFileSync(`${file}-wal`, '')
    fs.chmodSync(`${file}-wal`, 0o644)
    const db = await createDb(file)
    await db.close()
    expect(modeOf(file)).toBe(0o600)
  })

  it('writes backups and exports with mode 0600', async () => {
    const root = dir()
    const db = path.join(root, 'gapkit.db')
    expect((await runCli(['demo', '--db', db, '--responses', '5'])).code).toBe(0)
    const backup = path.join(root, 'copy.db')
    const made = await runCli(['backup', '--db', db, '--out', backup])
    expect(made.code, made.stderr).toBe(0)
    expect(modeOf(backup)).toBe(0o600)
    const copy = await createDb(backup)
    const rows = sqliteConnection(copy).prepare('select count(*) as n from responses').get() as {
      n: number
    }
    await copy.close()
    expect(rows.n).toBeGreaterThan(0)
    for (const format of ['csv', 'json', 'xlsx']) {
      const out = path.join(root, `export.${format}`)
      const run = await runCli(['export', 'microfinance-gap', '--db', db, '--out', out])
      expect(run.code, run.stderr).toBe(0)
      expect(modeOf(out), format).toBe(0o600)
    }
  }, 60_000)
})

describe('durability', () => {
  it('commits with synchronous=FULL by default, NORMAL when asked', async () => {
    const root = dir()
    const full = await createDb(path.join(root, 'full.db'))
    const normal = await createDb(path.join(root, 'normal.db'), { synchronous: 'normal' })
    try {
      expect(sqliteConnection(full).pragma('synchronous', { simple: true })).toBe(2)
      expect(sqliteConnection(normal).pragma('synchronous', { simple: true })).toBe(1)
    } finally {
      await full.close()
      await normal.close()
    }
  })
})
