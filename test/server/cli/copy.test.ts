import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COPY_TABLES, copyDatabase, countRows, PRIMARY_KEYS } from '../../../server/db/copy.ts'
import { createDb } from '../../../server/db/create-db.ts'
import { isPostgresUrl } from '../../../server/db/dialect.ts'
import { XLSX_TYPE } from '../../../server/routes/survey-uploads.ts'
import { writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { addUser, signIn, TEST_SCRYPT } from '../../helpers/accounts.ts'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, DEFINITIONS, type TestApp, tempDir } from '../../helpers/test-app.ts'
import {
  createTestSchema,
  dropTestDatabase,
  postgresAvailable,
  SHOWN_POSTGRES_URL,
} from '../../helpers/test-db.ts'
import { sheet } from '../../surveys/xlsform/helpers.ts'

// `gapkit copy` and `gapkit backup` between SQLite and PostgreSQL, whatever database the run is
// on: a source with a row in every table, built through the API and the command line, is copied
// to a SQLite file, to PostgreSQL, back to SQLite, and backed up from PostgreSQL and restored.

const SURVEY = 'microfinance-gap'

const POSTGRES_UP = await postgresAvailable()
const shownUrl = SHOWN_POSTGRES_URL

let t: TestApp
const dir = tempDir('gapkit-copy-')
/** The copies, in the order made: SQLite, PostgreSQL, SQLite; a backup of the PostgreSQL copy and its restore. */
const first = path.join(dir, 'first.db')
const last = path.join(dir, 'last.db')
const backup = path.join(dir, 'backup.db')
let postgres = ''
/** The id of the questionnaire uploaded as a workbook. */
let uploaded = ''
let restored = ''
const schemas: string[] = []
/** Each database's rows, table by table (ordered by primary key), as JSON: read right after the copies. */
const dumps = new Map<string, Record<string, string>>()

async function ok(args: string[]) {
  const run = await runCli(args)
  expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0)
  return run
}

async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  const res = await t.send(method, url, t.admin, body)
  expect(res.status, `${method} ${url}: ${await res.clone().text()}`).toBeLessThan(300)
  return res.json()
}

/** Every row of every table, ordered by primary key, as JSON text per table. */
async function dump(target: string): Promise<Record<string, string>> {
  const db = await createDb(target)
  try {
    const out: Record<string, string> = {}
    for (const table of COPY_TABLES) {
      const keys = sql.join(PRIMARY_KEYS[table].map((k) => sql.ref(k)))
      const { rows } = await sql`select * from ${sql.table(table)} order by ${keys}`.execute(
        db.kysely,
      )
      out[table] = JSON.stringify(rows)
    }
    return out
  } finally {
    await db.close()
  }
}

/** The last id of `response_history`, erased rows included (the sequence, not max(id)). */
async function historySequence(target: string): Promise<number> {
  const db = await createDb(target)
  try {
    const { rows } = isPostgresUrl(target)
      ? await sql<{ seq: number | null }>`select pg_sequence_last_value(
          pg_get_serial_sequence('response_history', 'id')::regclass) as seq`.execute(db.kysely)
      : await sql<{
          seq: number | null
        }>`select seq from sqlite_sequence where name = 'response_history'`.execute(db.kysely)
    return Number(rows[0]?.seq ?? 0)
  } finally {
    await db.close()
  }
}

/** A small XLSForm workbook: an upload whose original bytes are kept (a blob, bytea). */
const workbook = () =>
  writeWorkbook({
    survey: sheet([
      { type: 'select_one yn', name: 'has_group', label: 'Is there a savings group?' },
      { type: 'integer', name: 'members', label: 'Members' },
    ]),
    choices: sheet([
      { list_name: 'yn', name: 'yes', label: 'Yes' },
      { list_name: 'yn', name: 'no', label: 'No' },
    ]),
    settings: sheet([{ form_id: 'savings_check', form_title: 'Savings check' }]),
  })

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!POSTGRES_UP)(
  `gapkit copy${POSTGRES_UP ? '' : ` (skipped: PostgreSQL not reachable at ${shownUrl}; set GAPKIT_TEST_POSTGRES_URL or start it)`}`,
  () => {
    beforeAll(async () => {
      t = await createTestApp(DEFINITIONS, { passwords: TEST_SCRYPT })
      const source = t.db.target
      await ok(['demo', '--responses', '120', '--seed', '3', '--db', source])
      const submitted = await t.db.kysely
        .selectFrom('responses')
        .select(['id', 'answers', 'language'])
        .where('survey', '=', SURVEY)
        .where('status', '=', 'submitted')
        .orderBy('id')
        .limit(4)
        .execute()
      expect(submitted).toHaveLength(4)
      const [a, b, c, d] = submitted as [
        (typeof submitted)[0],
        (typeof submitted)[0],
        (typeof submitted)[0],
        (typeof submitted)[0],
      ]
      // A partner's own submission, a review of each kind, two corrections (history) of which the
      // later one's response is then erased: the history's last id is above its max(id).
      const res = await t.send('POST', `/api/surveys/${SURVEY}/responses`, t.partnerA, {
        answers: JSON.parse(a.answers),
        language: a.language,
      })
      expect(res.status, await res.clone().text()).toBe(201)
      await send('POST', `/api/surveys/${SURVEY}/reviews`, { ids: [a.id], status: 'approved' })
      await send('POST', `/api/surveys/${SURVEY}/reviews`, {
        ids: [b.id],
        status: 'rejected',
        note: 'Doublon — « même coopérative »',
      })
      for (const r of [c, d]) {
        const answers = JSON.parse(r.answers)
        const other = { ...answers, ...(await changedAnswer(r.id)) }
        await send('PATCH', `/api/responses/${r.id}`, { answers: other, note: 'typo' })
      }
      await send('DELETE', `/api/responses/${d.id}?reason=asked`)
      await send('PUT', `/api/admin/targets/${SURVEY}/FR-93/2026`, { expected: 30 })
      // A questionnaire uploaded as a workbook and published, and one left a draft.
      const upload = await t.app.request('/api/surveys?fileName=savings.xlsx', {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.admin}`, 'Content-Type': XLSX_TYPE },
        body: new Uint8Array(await workbook()),
      })
      expect(upload.status, await upload.clone().text()).toBe(201)
      const { upload: u } = (await upload.json()) as { upload: { id: string; survey: string } }
      uploaded = u.survey
      await send('POST', `/api/surveys/uploads/${u.id}/publish`)
      await send('POST', `/api/surveys/${SURVEY}/publications`, { name: 'Ministry review' })
      const analyst = await addUser(t, 'analyst')
      await signIn(t, analyst.email, analyst.password)
      // The analysis encodes this questionnaire's responses; the others' stay queued.
      await ok(['analyze', SURVEY, '--json', '--db', source])

      await ok(['copy', '--from', source, '--to', first])
      postgres = await createTestSchema()
      schemas.push(postgres)
      await ok(['copy', '--from', first, '--to', postgres])
      await ok(['copy', '--from', postgres, '--to', last])
      await ok(['backup', '--db', postgres, '--out', backup])
      restored = await createTestSchema()
      schemas.push(restored)
      await ok(['copy', '--from', backup, '--to', restored])
      for (const target of [source, first, postgres, last, backup, restored]) {
        dumps.set(target, await dump(target))
      }
    }, 180_000)

    /** Answers of response `id` with its biggest gap said otherwise. */
    async function changedAnswer(id: string): Promise<Record<string, unknown>> {
      const row = await t.db.kysely
        .selectFrom('responses')
        .select('answers')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const answers = JSON.parse(row.answers) as Record<string, unknown>
      return { biggest_gap: `${answers.biggest_gap ?? 'Guarantees'} (corrected)` }
    }

    afterAll(async () => {
      await t?.close()
      for (const schema of schemas) await dropTestDatabase(schema)
    })

    it('copies every table row for row: SQLite → PostgreSQL → SQLite, and a backup restored', () => {
      const source = dumps.get(t.db.target) as Record<string, string>
      // The source has rows in every table, so that every table's copy is checked.
      for (const table of COPY_TABLES) {
        expect(JSON.parse(source[table] as string).length, table).toBeGreaterThan(0)
      }
      // The first and the last SQLite file, as JSON.
      expect(dumps.get(last)).toEqual(dumps.get(first))
      for (const target of [postgres, backup, restored]) {
        for (const table of COPY_TABLES) {
          expect(JSON.parse(dumps.get(target)?.[table] ?? ''), table).toEqual(
            JSON.parse(source[table] as string),
          )
        }
      }
      // The workbook's bytes came through both ways (blob, bytea).
      const uploads = JSON.parse(dumps.get(last)?.survey_uploads ?? '[]') as {
        original: { type: string; data: number[] } | null
      }[]
      expect(uploads[0]?.original?.data.slice(0, 2)).toEqual([0x50, 0x4b])
    })

    it('keeps each identity sequence past the ids of erased rows', async () => {
      const expected = await historySequence(t.db.target)
      const kept = JSON.parse(dumps.get(first)?.response_history ?? '[]') as { id: number }[]
      expect(expected).toBeGreaterThan(Math.max(...kept.map((h) => h.id)))
      for (const target of [first, postgres, last, backup, restored]) {
        expect(await historySequence(target), target).toBe(expected)
      }
    })

    it('gives byte-identical exports and analyses from the source and every copy', async () => {
      const outputs = async (target: string) => {
        const csv = await ok(['export', SURVEY, '--format', 'csv', '--db', target])
        const json = await ok(['export', SURVEY, '--format', 'json', '--db', target])
        const upload = await ok(['export', uploaded, '--format', 'json', '--db', target])
        const analysis = await ok(['analyze', SURVEY, '--json', '--db', target])
        const all = await ok(['analyze', SURVEY, '--wave', 'all', '--db', target])
        return [csv.stdout, json.stdout, upload.stdout, analysis.stdout, all.stdout]
      }
      const expected = await outputs(t.db.target)
      expect(expected[0]?.length).toBeGreaterThan(1000)
      for (const target of [postgres, last, restored]) {
        expect(await outputs(target), target).toEqual(expected)
      }
    })

    it('writes the same report, byte for byte, from SQLite and from PostgreSQL', async () => {
      const report = async (target: string, out: string) => {
        await ok([
          'report',
          SURVEY,
          '--out',
          out,
          '--lang',
          'fr',
          '--format',
          'html,md',
          '--db',
          target,
        ])
        const files: Record<string, string> = {}
        for (const name of fs.readdirSync(out, { recursive: true }).map(String).sort()) {
          const file = path.join(out, name)
          if (fs.statSync(file).isFile()) {
            files[name] = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
          }
        }
        return files
      }
      const fromSqlite = await report(first, path.join(dir, 'report-sqlite'))
      expect(Object.keys(fromSqlite).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(5)
      expect(await report(postgres, path.join(dir, 'report-postgres'))).toEqual(fromSqlite)
    }, 120_000)

    it('refuses a target that holds rows, and changes nothing', async () => {
      for (const target of [last, postgres]) {
        const before = await dump(target)
        const run = await runCli(['copy', '--from', first, '--to', target])
        expect(run.code).toBe(2)
        expect(run.stderr).toMatch(
          /^gapkit copy: TARGET is not empty \(\d+ regions, \d+ tokens, .*\d+ responses, .*\); copy into an empty database\n$/,
        )
        expect(await dump(target)).toEqual(before)
      }
    })

    it('says what is wrong with its arguments in one line', async () => {
      const cases: [string[], string][] = [
        [['--to', last], '--from SOURCE is required'],
        [['--from', first], '--to TARGET is required'],
        [['--from', path.join(dir, 'none.db'), '--to', path.join(dir, 'x.db')], 'no such file'],
        [['--from', first, '--to', first], 'SOURCE and TARGET are the same database'],
      ]
      for (const [args, message] of cases) {
        const run = await runCli(['copy', ...args])
        expect(run.code, args.join(' ')).toBe(2)
        expect(run.stderr).toContain(message)
      }
      expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false)
      const help = await runCli(['copy', '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain('Usage: gapkit copy --from SOURCE --to TARGET')
    })

    it('reads the source in one snapshot, in pages, while it is written to', async () => {
      const fromSqlite = path.join(dir, 'snapshot.db')
      fs.copyFileSync(first, fromSqlite)
      const fromPostgres = await createTestSchema()
      schemas.push(fromPostgres)
      await ok(['copy', '--from', first, '--to', fromPostgres])
      const expected = dumps.get(first)
      for (const [i, from] of [fromSqlite, fromPostgres].entries()) {
        const source = await createDb(from)
        const writer = await createDb(from)
        const target = await createDb(path.join(dir, `snapshot-copy-${i}.db`))
        try {
          const before = await countRows(writer.kysely)
          // Pages of 7 rows, so that every table takes several; after the regions, another
          // connection adds a region and an audit entry, which the snapshot does not see.
          const result = await copyDatabase(source, target, {
            pageSize: 7,
            onTable: async (table) => {
              if (table !== 'regions') return
              const at = '2026-12-07T00:00:00.000Z'
              await writer.kysely
                .insertInto('regions')
                .values({ id: 'ZZ-NEW', name: 'New', created_at: at })
                .execute()
              await writer.kysely
                .insertInto('audit_log')
                .values({
                  at,
                  actor: 'cli',
                  action: 'test',
                  entity: 'region',
                  entity_id: 'ZZ-NEW',
                  details: null,
                })
                .execute()
            },
          })
          expect(result.mismatched).toEqual([])
          expect(result.source).toEqual(before)
          expect(result.target).toEqual(before)
          const now = await countRows(writer.kysely)
          expect([now.regions, now.audit_log]).toEqual([before.regions + 1, before.audit_log + 1])
        } finally {
          await Promise.all([source.close(), writer.close(), target.close()])
        }
        expect(await dump(path.join(dir, `snapshot-copy-${i}.db`)), from).toEqual(expected)
      }
    })

    it('writes the backup of PostgreSQL as one private SQLite file', () => {
      expect(fs.statSync(backup).mode & 0o777).toBe(0o600)
      for (const suffix of ['-wal', '-shm']) expect(fs.existsSync(`${backup}${suffix}`)).toBe(false)
    })

    it('removes a TARGET file it created when the copy fails, and names a partial copy', async () => {
      // A source whose response names a token that is not there (written with foreign keys
      // off): the target's foreign key refuses it halfway through the copy.
      const broken = path.join(dir, 'broken.db')
      fs.copyFileSync(first, broken)
      const db = await createDb(broken)
      const raw = db.sqlite as NonNullable<typeof db.sqlite>
      raw.pragma('foreign_keys = OFF')
      raw
        .prepare('update responses set token_id = 9999 where id = (select max(id) from responses)')
        .run()
      await db.close()
      const file = path.join(dir, 'half.db')
      const toFile = await runCli(['copy', '--from', broken, '--to', file])
      expect(toFile.code).toBe(1)
      expect(toFile.stderr).toMatch(/^gapkit copy: copying responses: FOREIGN KEY/m)
      expect(fs.existsSync(file)).toBe(false)
      const schema = await createTestSchema()
      schemas.push(schema)
      const toPostgres = await runCli(['copy', '--from', broken, '--to', schema])
      expect(toPostgres.code).toBe(1)
      expect(toPostgres.stderr).toMatch(/foreign key/i)
      expect(toPostgres.stderr).toContain(
        'now holds part of the copy: empty it before copying again',
      )
      // A table this Gapkit does not know is not left behind silently.
      const extra = await createDb(broken)
      await sql`create table notes (id integer primary key, body text)`.execute(extra.kysely)
      await extra.close()
      const refused = await runCli(['copy', '--from', broken, '--to', path.join(dir, 'n.db')])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('the source has a table this Gapkit does not copy: notes')
    })
  },
)
