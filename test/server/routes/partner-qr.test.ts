import { encode } from 'uqr'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(async () => {
  await t.close()
})

/** The dark modules of an SVG drawn by uqr, as "x,y" cells (quiet zone included). */
function darkModules(svg: string): Set<string> {
  const d = /<path fill="black" d="([^"]*)"/.exec(svg)?.[1] ?? ''
  return new Set(
    [...d.matchAll(/M(\d+),(\d+)h/g)].map((m) => `${Number(m[1]) / 10},${Number(m[2]) / 10}`),
  )
}

describe('QR codes of new partner links', () => {
  it('come with each form link, encoding exactly that URL, titles in the dashboard language', async () => {
    const res = await t.send('POST', '/api/admin/partners?lang=fr', t.admin, {
      region: 'FR-93',
      name: 'Atelier de Bamako',
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      forms: { survey: string; title: string; url: string; qrSvg: string }[]
    }
    const gap = body.forms.find((f) => f.survey === 'microfinance-gap')
    expect(gap?.title).toBe("Analyse des écarts de l'écosystème de la microfinance")
    expect(gap?.qrSvg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+">/,
    )
    // The drawn modules are those of the link's own QR code (error correction M, quiet zone 4).
    const expected = encode(gap?.url ?? '', { ecc: 'M', border: 4 })
    const cells = new Set<string>()
    expected.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) cells.add(`${x},${y}`)
      })
    })
    expect(darkModules(gap?.qrSvg ?? '')).toEqual(cells)
    expect(cells.size).toBeGreaterThan(100)
  })
})

describe('gapkit partner add --qr', () => {
  it('prints the form URL as a QR code in the terminal, the token alone on stdout', async () => {
    const db = t.db.target
    const run = await runCli([
      'partner',
      'add',
      '--region',
      'FR-93',
      '--name',
      'Workshop',
      '--qr',
      '--db',
      db,
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^gkp_\S+\n$/)
    const lines = run.stderr.trimEnd().split('\n')
    const url = /^form: (\S+)$/.exec(lines[0] ?? '')?.[1] ?? ''
    expect(url).toContain(`?t=${run.stdout.trim()}`)
    const qr = lines.slice(1)
    const size = encode(url, { ecc: 'M', border: 2 }).size
    expect(qr).toHaveLength(Math.ceil(size / 2))
    for (const line of qr) expect(line).toMatch(new RegExp(`^[█▀▄ ]{${size}}$`))
    const plain = await runCli([
      'partner',
      'add',
      '--region',
      'FR-93',
      '--name',
      'Plain',
      '--db',
      db,
    ])
    expect(plain.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect((await runCli(['partner', '--help'])).stdout).toContain('--qr')
  })
})
