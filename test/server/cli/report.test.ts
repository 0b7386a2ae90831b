import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../../server/db/create-db.ts'
import { chartRoutes } from '../../../server/routes/charts.ts'
import { createAdminToken } from '../../../server/services/partner-links.ts'
import { loadSurveyRegistry } from '../../../surveys/registry.ts'
import { launchBrowser } from '../../helpers/browser.ts'
import { type CliRun, runCli } from '../../helpers/cli.ts'
import { DEFINITIONS, tempDir } from '../../helpers/test-app.ts'
import { dropTestDatabase, testDatabaseTarget } from '../../helpers/test-db.ts'

interface Run extends CliRun {
  ms: number
}

async function run(args: string[]): Promise<Run> {
  const started = Date.now()
  const result = await runCli(args)
  return { ...result, ms: Date.now() - started }
}

/** Every file under a folder with the SHA-256 of its bytes, sorted by path. */
function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex')
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)))
}

const dir = tempDir('gapkit-report-')
let db = ''
const out = { en: path.join(dir, 'en'), again: path.join(dir, 'again'), fr: path.join(dir, 'fr') }
const runs: Record<string, Run> = {}

beforeAll(async () => {
  db = await testDatabaseTarget(dir, 'demo.db')
  const demo = await run(['demo', '--responses', '300', '--seed', '1', '--db', db])
  expect(demo.code, demo.stderr).toBe(0)
  // Two identical English reports (determinism) and a French one.
  const report = (to: string, extra: string[] = []) =>
    run(['report', 'microfinance-gap', '--out', to, '--db', db, ...extra])
  runs.en = await report(out.en)
  runs.again = await report(out.again)
  runs.fr = await report(out.fr, ['--lang', 'fr', '--format', 'md,html'])
}, 240_000)

afterAll(async () => {
  await dropTestDatabase(db)
  rmSync(dir, { recursive: true, force: true })
})

describe('gapkit report on the demo', () => {
  it('writes report.html, report.md and three files per chart, quietly when piped', () => {
    for (const [name, r] of Object.entries(runs)) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0)
      expect(r.stderr, name).toBe('')
      expect(r.stdout, name).toBe('')
    }
    const files = readdirSync(out.en)
    expect(files.sort()).toEqual(['charts', 'report.html', 'report.md'])
    const charts = readdirSync(path.join(out.en, 'charts'))
    const ids = charts.filter((f) => f.endsWith('.vl.json')).map((f) => f.slice(0, -8))
    expect(ids.length).toBeGreaterThan(30)
    expect(charts.length).toBe(ids.length * 3)
    const md = readFileSync(path.join(out.en, 'report.md'), 'utf8')
    const html = readFileSync(path.join(out.en, 'report.html'), 'utf8')
    for (const id of ids) {
      expect(charts).toContain(`${id}.svg`)
      expect(charts).toContain(`${id}.png`)
      expect(md).toContain(`](charts/${id}.svg)`)
      expect(html).toContain(`href="charts/${id}.png"`)
      const spec = readFileSync(path.join(out.en, 'charts', `${id}.vl.json`), 'utf8')
      expect(spec.startsWith('{\n  "$schema"')).toBe(true)
      // Data inline: no URL to fetch.
      expect(spec).toContain('"values": [')
      expect(spec).not.toMatch(/"url":/)
    }
    expect((html.match(/<figure /g) ?? []).length).toBe(ids.length)
    expect((html.match(/<svg /g) ?? []).length).toBe(ids.length)
    console.info(`report: ${ids.length} charts, ${runs.en?.ms} ms`)
  })

  it('gives byte-identical files for the same data', () => {
    const a = hashTree(out.en)
    expect(Object.keys(a).length).toBeGreaterThan(90)
    expect(hashTree(out.again)).toEqual(a)
  })

  it('has the report sections in order', () => {
    const md = readFileSync(path.join(out.en, 'report.md'), 'utf8')
    const headings = md.match(/^## .*$/gm) ?? []
    expect(headings).toEqual([
      '## Contents',
      '## 1\\. Summary',
      '## 2\\. Method',
      '## 3\\. Figures reported by respondents',
      '## 4\\. Comparison by dimension',
      '## 5\\. Importance–performance analysis',
      '## 6\\. Maturity today and target',
      '## 7\\. Change between waves',
      '## 8\\. Target groups',
      '## 9\\. Barriers',
      '## 10\\. Other results',
      '## 11\\. Open answers',
      '## Annex A: full tables',
      '## Annex B: codebook',
      '## Annex C: charts and analysis notes',
    ])
    expect(md).toContain('Practices worth transferring')
    expect(md).toMatch(/\| 1 \| PerMicro/)
    expect(md).toMatch(/\*\*Counted respondents by stakeholder type and region\*\*/)
    expect(md).toContain('n \\< 5')
  })

  it('serves the same report.md over HTTP as the CLI writes', async () => {
    const handle = await createDb(db)
    try {
      const admin = await createAdminToken(handle.kysely, 'test', 'cli', '2026-01-01T00:00:00.000Z')
      const registry = loadSurveyRegistry(DEFINITIONS)
      const app = new Hono()
      app.route('/api/surveys', chartRoutes({ db: handle.kysely, registry }))
      const headers = { Authorization: `Bearer ${admin.token}` }
      for (const [url, file] of [
        ['/api/surveys/microfinance-gap/report.md', path.join(out.en, 'report.md')],
        ['/api/surveys/microfinance-gap/report.md?lang=fr', path.join(out.fr, 'report.md')],
      ] as const) {
        const res = await app.request(url, { headers })
        expect(res.status).toBe(200)
        const body = await res.text()
        const expected = readFileSync(file, 'utf8')
        // With a query, chart links carry it so the images match the report's language.
        expect(body).toBe(
          url.includes('?')
            ? expected.replace(/(charts\/[a-z0-9.-]+\.(svg|png|vl\.json))\)/g, '$1?lang=fr)')
            : expected,
        )
      }
    } finally {
      await handle.close()
    }
  })

  it('writes French text and French numbers with --lang fr', () => {
    const md = readFileSync(path.join(out.fr, 'report.md'), 'utf8')
    const html = readFileSync(path.join(out.fr, 'report.html'), 'utf8')
    expect(html).toContain('<html lang="fr">')
    expect(md).toContain('## 1\\. Synthèse')
    expect(md).toContain("# Analyse des écarts de l'écosystème de la microfinance")
    expect(md).toContain('Cadre politique et réglementaire du microcrédit')
    // A gap in a table: sign, decimal comma; an interval with the French separator.
    expect(md).toMatch(/\| [+−]\d,\d\d \|/)
    expect(md).toMatch(/\\\[\d,\d\d ; \d,\d\d\\\]/)
    // Percentages with a no-break space before %.
    expect(md).toMatch(/\d,\d[\u00a0\u202f]%/)
    expect(md).not.toMatch(/\| [+−]?\d\.\d\d \|/)
    const chart = readFileSync(
      path.join(out.fr, 'charts', 'microfinance-gap.gap-heatmap.all.vl.json'),
      'utf8',
    )
    expect(JSON.stringify(JSON.parse(chart).title)).toContain('Écart par région')
  })

  it('opens in Chromium with no request at all, no console error and no script', async () => {
    const browser = await launchBrowser()
    try {
      const file = path.join(out.en, 'report.html')
      const page = await browser.newPage()
      const requests: string[] = []
      const errors: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(String(e)))
      await page.goto(`file://${file}`)
      expect(requests).toEqual([`file://${file}`])
      expect(errors).toEqual([])
      const dom = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        svgs: document.querySelectorAll('figure svg').length,
        charset: document.characterSet,
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      }))
      expect(dom.scripts).toBe(0)
      expect(dom.charset).toBe('UTF-8')
      expect(dom.svgs).toBeGreaterThan(30)
      // Inline SVGs must not share gradient or clip ids.
      expect(new Set(dom.ids).size).toBe(dom.ids.length)
      await page.emulateMedia({ media: 'print' })
      const pdf = await page.pdf({ format: 'A4' })
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    } finally {
      await browser.close()
    }
  })

  it('fails in one line with a non-zero exit on bad input', async () => {
    const blocker = path.join(dir, 'a-file')
    writeFileSync(blocker, '')
    const x = path.join(dir, 'x')
    const cases: [string[], RegExp][] = [
      [['report', 'nope', '--out', x], /^gapkit report: no questionnaire "nope"$/],
      [
        ['report', 'microfinance-gap', '--out', x, '--format', 'odt'],
        /--format takes html, md, docx, pdf/,
      ],
      [['report', 'microfinance-gap'], /--out DIR is required/],
      [
        ['report', 'microfinance-gap', '--out', path.join(blocker, 'sub')],
        /cannot write to .*ENOTDIR/,
      ],
      [['report', 'microfinance-gap', '--out', x, '--by', 'nowhere'], /Unknown grouping "nowhere"/],
      [['report', 'microfinance-gap', '--out', x, '--lang', '<b>'], /--lang/],
    ]
    for (const [args, pattern] of cases) {
      const { code, stderr } = await runCli([...args, '--db', db])
      expect(code, args.join(' ')).toBe(2)
      // One line: the message and its line end, nothing more.
      expect(stderr.endsWith('\n'), stderr).toBe(true)
      const line = stderr.slice(0, -1)
      expect(line.split('\n').length).toBe(1)
      expect(line).toMatch(pattern)
    }
    // Nothing was written for a failed report.
    expect(readdirSync(dir)).not.toContain('x')
  })
})
