/**
 * `gapkit publish`: prints a link under GAPKIT_BASE_URL that opens the report without a token,
 * lists the published reports (never a token), revokes one by id or prefix (the link then
 * answers 410), and refuses bad input in one line.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../../server/db/repositories/audit.ts'
import { seedHostile } from '../../fixtures/report/hostile.ts'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'

const SURVEYS = path.join(FIXTURES, 'surveys')
const BASE = 'https://reports.example.org'

let t: TestApp
let db: string

beforeAll(async () => {
  t = await createTestApp(SURVEYS)
  await seedHostile(t)
  db = t.db.target
}, 60_000)

afterAll(async () => {
  await t.close()
})

const publish = (...args: string[]) =>
  runCli(['publish', ...args, '--db', db, '--surveys', SURVEYS], {
    env: { GAPKIT_BASE_URL: BASE },
  })

describe('gapkit publish', () => {
  let link: string

  it('prints the link once, under the base URL, and the way to revoke it', async () => {
    const run = await publish('example', '--lang', 'fr', '--name', 'Ministère')
    expect(run.code, run.stderr).toBe(0)
    link = run.stdout.trim()
    expect(link).toMatch(/^https:\/\/reports\.example\.org\/r\/gkr_[A-Za-z0-9_-]{43}$/)
    expect(run.stderr).toContain('gapkit publish --revoke 1')
  })

  it('opens the report without a token', async () => {
    const res = await t.app.request(new URL(link).pathname)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('Intégrer les graphiques')
  }, 60_000)

  it('lists the published reports with their settings and state, never a token', async () => {
    await publish('example', '--by', 'stakeholder', '--wave', 'all')
    const run = await publish('--list')
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^id\s+survey\s+prefix\s+lang\s+by\s+wave\s+created \(UTC\)\s+state/)
    expect(lines[1]).toMatch(
      /^1\s+example\s+gkr_\S{8}\s+fr\s+region\s+latest\s+.*live\s+Ministère$/,
    )
    expect(lines[2]).toMatch(/^2\s+example\s+gkr_\S{8}\s+en\s+stakeholder\s+all\s+.*live$/)
    expect(run.stdout).not.toContain(link.split('/r/')[1])
    const json = await publish('--list', 'example', '--json')
    const listed = JSON.parse(json.stdout) as { published: { id: number; prefix: string }[] }
    expect(listed.published.map((p) => p.id)).toEqual([1, 2])
    expect(json.stdout).not.toContain('token')
  })

  it('revokes by id or prefix; the link then answers 410', async () => {
    const token = link.split('/r/')[1] ?? ''
    const run = await publish('--revoke', token.slice(0, 12))
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('revoked published report 1')
    expect((await t.app.request(new URL(link).pathname)).status).toBe(410)
    const again = await publish('--revoke', '1')
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/already revoked/)
    expect((await publish('--revoke', '2')).code).toBe(0)
    const list = await publish('--list')
    expect(list.stdout.match(/revoked \d{4}-\d\d-\d\d/g)).toHaveLength(2)
    const audit = await listAudit(t.db.kysely, { entity: 'published_report' })
    expect(audit.map((a) => `${a.action} ${a.entity_id} ${a.actor}`)).toEqual([
      'report.publish 1 cli',
      'report.publish 2 cli',
      'report.unpublish 1 cli',
      'report.unpublish 2 cli',
    ])
  })

  it('refuses bad input in one line, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['nope'], /no questionnaire "nope"/],
      [['example', '--by', 'nowhere'], /Unknown grouping "nowhere"/],
      [['example', '--wave', '1999'], /no responses in wave "1999"/],
      [['example', '--lang', 'french'], /language must be like en or fr/],
      [[], /usage: gapkit publish <survey>/],
      [['--list', '--lang', 'fr'], /are for a new link/],
      [['--revoke', '99'], /no published report 99/],
      [['--revoke', 'gkr'], /too short/],
    ]
    for (const [args, message] of cases) {
      const run = await publish(...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(message)
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })

  it('explains itself', async () => {
    const run = await runCli(['publish', '--help'])
    expect(run.stdout).toContain('gapkit publish --revoke ID|PREFIX')
    const all = await runCli(['--help'])
    expect(all.stdout).toMatch(/publish\s+publish <survey>/)
  })
})
