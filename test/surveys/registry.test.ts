import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadSurveyRegistry, SurveyDefinitionError } from '../../surveys/registry.ts'
import { DEFINITIONS, FIXTURES, tempDir } from '../helpers/test-app.ts'

const example = () =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'))
const voteJson = () =>
  JSON.parse(fs.readFileSync(path.join(DEFINITIONS, 'best-practice-vote.json'), 'utf8'))

const dirs: string[] = []
function folder(files: Record<string, string>): string {
  const dir = tempDir()
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function loadError(files: Record<string, string>): string {
  try {
    loadSurveyRegistry(folder(files))
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyDefinitionError)
    return (error as Error).message
  }
  throw new Error('expected the folder to be refused')
}

describe('questionnaire registry', () => {
  it('loads a folder, with locales, dimensions and a content-hash version', () => {
    const registry = loadSurveyRegistry(path.join(FIXTURES, 'surveys'))
    const s = registry.get('example')
    expect(s?.locales).toEqual(['en', 'fr'])
    expect(s?.gapkit.dimensions.map((d) => d.id)).toEqual([
      'regulation',
      'guarantees',
      'maturity-coordination',
    ])
    expect(s?.gapkit.dimensions[2]?.kind).toBe('current-target')
    expect(s?.version).toMatch(/^[0-9a-f]{16}$/)
    expect(s?.title('fr')).toBe("Diagnostic d'écosystème (exemple)")
  })

  it('gives a changed file a new version and ignores whitespace', () => {
    const json = example()
    const v1 = loadSurveyRegistry(folder({ 'x.json': JSON.stringify(json) })).get('x')?.version
    const v1b = loadSurveyRegistry(folder({ 'x.json': JSON.stringify(json, null, 4) })).get(
      'x',
    )?.version
    json.title.default = 'Changed'
    const v2 = loadSurveyRegistry(folder({ 'x.json': JSON.stringify(json) })).get('x')?.version
    expect(v1).toBe(v1b)
    expect(v2).not.toBe(v1)
  })

  it('rebuilds an older version from its stored JSON', () => {
    const json = example()
    const registry = loadSurveyRegistry(folder({ 'x.json': JSON.stringify(json) }))
    const old = { ...json, title: { default: 'Old', fr: 'Ancien' } }
    const stored = JSON.stringify(old)
    const oldVersion = registry.version('x', 'whatever', stored)
    expect(oldVersion?.title()).toBe('Old')
    expect(registry.version('x', 'unknown')).toBeUndefined()
  })

  it('refuses invalid JSON, naming the file', () => {
    expect(loadError({ 'bad.json': '{"pages": [' })).toMatch(/bad\.json: invalid JSON/)
  })

  it('refuses survey-core jsonErrors', () => {
    const json = example()
    json.pages[0].elements.push({ type: 'no-such-type', name: 'odd' })
    expect(loadError({ 'odd.json': JSON.stringify(json) })).toMatch(/odd\.json: .*no-such-type/)
  })

  it('refuses duplicate question names', () => {
    const json = example()
    json.pages[1].elements.push({ type: 'text', name: 'stakeholder' })
    expect(loadError({ 'dup.json': JSON.stringify(json) })).toMatch(
      /dup\.json: duplicate question name\(s\): stakeholder/,
    )
  })

  it('refuses a gapkit path that names no question, row or column', () => {
    for (const [pathText, problem] of [
      ['nothing.regulation', 'names no question'],
      ['performance.nowhere', 'has no row "nowhere"'],
      ['maturity.coordination.wished', 'has no column "wished"'],
    ]) {
      const json = example()
      json.gapkit.dimensions[0].current = pathText
      expect(loadError({ 'gap.json': JSON.stringify(json) })).toContain(problem)
    }
  })

  it('reads a declared special analysis: a kind alone means the default roles', () => {
    const vote = voteJson()
    vote.gapkit.analysis = 'vote'
    const plain = loadSurveyRegistry(folder({ 'ballot.json': JSON.stringify(vote) }))
    expect(plain.get('ballot')?.gapkit.analysis).toEqual({
      kind: 'vote',
      roles: { scores: 'scores', ranking: 'top3', tieBreak: 'transferability' },
    })
    const registry = loadSurveyRegistry(DEFINITIONS)
    expect(registry.get('codesign-challenge')?.gapkit.analysis?.kind).toBe('codesign')
    expect(registry.get('mfi-indicators')?.gapkit.analysis?.kind).toBe('indicators')
    expect(registry.get('microfinance-gap')?.gapkit.analysis).toBeNull()
    expect(registry.get('good-practice')?.gapkit.analysis).toBeNull()
    expect(loadSurveyRegistry(path.join(FIXTURES, 'surveys')).get('example')?.gapkit.analysis).toBe(
      null,
    )
  })

  it('refuses a broken gapkit.analysis block with the path and the reason', () => {
    const cases: [unknown, string][] = [
      ['poll', '"gapkit.analysis" kind must be vote, codesign, indicators (got "poll")'],
      ['toString', 'kind must be vote, codesign, indicators (got "toString")'],
      [{ roles: {} }, 'kind must be vote, codesign, indicators (got none)'],
      [{ kind: 'vote', role: {} }, '"gapkit.analysis" has an unknown key "role"'],
      [
        { kind: 'vote', roles: { ranking: 'top5' } },
        'gapkit.analysis.roles.ranking: "top5" names no question',
      ],
      [
        { kind: 'vote', roles: { ranking: 'comments' } },
        'gapkit.analysis.roles.ranking: "comments" is a comment question, not ranking',
      ],
      [
        { kind: 'vote', roles: { tieBreak: 'price' } },
        'gapkit.analysis.roles.tieBreak: question "scores" has no column "price"',
      ],
      [
        { kind: 'vote', roles: { scores: null } },
        'gapkit.analysis.roles.scores must be a question name',
      ],
      [
        { kind: 'vote', roles: { podium: 'top3' } },
        'gapkit.analysis.roles: vote has no role "podium" (roles: scores, ranking, tieBreak)',
      ],
      ['codesign', 'gapkit.analysis.roles.subgroup: "subgroup" names no question'],
    ]
    for (const [analysis, message] of cases) {
      const json = voteJson()
      json.gapkit.analysis = analysis
      const error = loadError({ 'ballot.json': JSON.stringify(json) })
      expect(error).toMatch(/ballot\.json: /)
      expect(error).toContain(message)
    }
  })

  it('reads gapkit.groupBy, and refuses a list that names anything but single-choice questions', () => {
    const registry = loadSurveyRegistry(DEFINITIONS)
    expect(registry.get('microfinance-gap')?.gapkit.groupBy).toEqual([
      'stakeholder_type',
      'experience',
      'guarantee_scheme',
    ])
    expect(registry.get('good-practice')?.gapkit.groupBy).toBeUndefined()
    const cases: [unknown, string][] = [
      ['stakeholder', '"gapkit.groupBy" must be an array of question names'],
      [[3], 'gapkit.groupBy[0] must be a question name'],
      [['sector'], 'gapkit.groupBy: "sector" names no question'],
      [
        ['barriers'],
        'gapkit.groupBy: "barriers" is a checkbox question; only single-choice questions',
      ],
      [['stakeholder', 'stakeholder'], 'gapkit.groupBy: "stakeholder" is listed twice'],
    ]
    for (const [groupBy, message] of cases) {
      const json = example()
      json.gapkit.groupBy = groupBy
      const error = loadError({ 'gap.json': JSON.stringify(json) })
      expect(error).toMatch(/gap\.json: /)
      expect(error).toContain(message)
    }
  })

  it('stops `gapkit serve` with one line naming the broken file', () => {
    const dir = folder({ 'ok.json': JSON.stringify(example()), 'broken.json': '{ nope' })
    const db = path.join(tempDir(), 'x.db')
    const run = spawnSync(
      process.execPath,
      ['bin/gapkit.js', 'serve', '--surveys', dir, '--db', db, '--port', '0'],
      { encoding: 'utf8', timeout: 20_000 },
    )
    expect(run.status).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(path.join(dir, 'broken.json'))
  })
})
