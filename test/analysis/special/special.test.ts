import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AnalysisInput, AnalysisResponse } from '../../../analysis/input.ts'
import { specialTallies } from '../../../analysis/special/index.ts'
import { type LoadedSurvey, loadSurveyRegistry } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { sheets } from '../../fixtures/special/codesign-sheets.ts'
import { reports } from '../../fixtures/special/indicator-reports.ts'
import { buildInput, readDefinition } from '../../fixtures/special/inputs.ts'
import { ballots } from '../../fixtures/special/vote-ballots.ts'

const cases = [
  ['best-practice-vote', ballots, 'vote'],
  ['codesign-challenge', sheets, 'codesign'],
  ['mfi-indicators', reports, 'indicators'],
] as const

describe('specialTallies', () => {
  it.each(cases)('picks the tally of %s', (id, responses, kind) => {
    expect(specialTallies(buildInput(id, [...responses]))?.kind).toBe(kind)
  })

  it.each(cases)('is deterministic and plain JSON for %s', (id, responses) => {
    const first = JSON.stringify(specialTallies(buildInput(id, [...responses])))
    const second = JSON.stringify(specialTallies(buildInput(id, [...responses])))
    expect(second).toBe(first)
    // NaN and Infinity would come back as null: a lossless round trip proves there are none.
    expect(JSON.parse(first)).toEqual(specialTallies(buildInput(id, [...responses])))
    expect(first).not.toMatch(/\d\.\d{5,}/)
  })

  it.each(cases)('tallies no responses at all for %s', (id) => {
    const tally = specialTallies(buildInput(id, []))
    expect(tally?.notes.at(-1)).toMatch(/^No counted/)
  })

  it('returns null for a questionnaire that declares no special analysis', () => {
    expect(specialTallies(buildInput('microfinance-gap', []))).toBeNull()
    expect(specialTallies(buildInput('good-practice', []))).toBeNull()
    const input = buildInput('best-practice-vote', ballots)
    const gapkit = { ...input.survey.gapkit, analysis: null }
    expect(specialTallies({ ...input, survey: { ...input.survey, gapkit } })).toBeNull()
  })
})

describe('specialTallies of a questionnaire loaded from a file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapkit-special-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  /** The files loaded through the registry, as the server does. */
  function load(files: Record<string, SurveyJson>): (id: string) => LoadedSurvey {
    const folder = fs.mkdtempSync(path.join(dir, 'defs-'))
    for (const [id, json] of Object.entries(files)) {
      fs.writeFileSync(path.join(folder, `${id}.json`), JSON.stringify(json))
    }
    const registry = loadSurveyRegistry(folder)
    return (id) => {
      const survey = registry.get(id)
      if (!survey) throw new Error(`${id} not loaded`)
      return survey
    }
  }
  function tally(survey: LoadedSurvey, responses: AnalysisResponse[]) {
    const { id, version, json, gapkit } = survey
    const base = buildInput('best-practice-vote', responses)
    const input: AnalysisInput = { ...base, survey: { id, version, json, gapkit } }
    return specialTallies(input)
  }

  it('gives a copy of best-practice-vote under another name the same vote tally', () => {
    const json = readDefinition('best-practice-vote')
    const get = load({ 'best-practice-vote': json, 'partner-ballot': json })
    const original = tally(get('best-practice-vote'), ballots)
    const copy = tally(get('partner-ballot'), ballots)
    expect(original?.kind).toBe('vote')
    expect(copy).toEqual({ ...original, survey: 'partner-ballot' })
  })

  it('reads the questions the roles name', () => {
    const text = JSON.stringify(readDefinition('best-practice-vote'))
      .replaceAll('"name":"scores"', '"name":"grid"')
      .replaceAll('"name":"top3"', '"name":"podium"')
      .replaceAll('"name":"transferability"', '"name":"portability"')
    const json = JSON.parse(text)
    json.gapkit.analysis = {
      kind: 'vote',
      roles: { scores: 'grid', ranking: 'podium', tieBreak: 'portability' },
    }
    const renamed = ballots.map((b) => {
      const { scores, top3, ...rest } = b.answers
      const grid = JSON.parse(
        JSON.stringify(scores ?? {}).replaceAll('transferability', 'portability'),
      )
      return { ...b, answers: { ...rest, grid, podium: top3 } }
    })
    const get = load({ 'best-practice-vote': readDefinition('best-practice-vote'), ours: json })
    const original = tally(get('best-practice-vote'), ballots)
    const ours = tally(get('ours'), renamed)
    if (original?.kind !== 'vote' || ours?.kind !== 'vote') throw new Error('expected votes')
    expect(ours.notes).toEqual(original.notes)
    expect(ours.ranking).toEqual(original.ranking)
    expect(ours.ranking.some((r) => r.tieBreak === 'transferability')).toBe(true)
    expect(ours.practices.map((p) => [p.value, p.nScored, p.meanScore, p.borda])).toEqual(
      original.practices.map((p) => [p.value, p.nScored, p.meanScore, p.borda]),
    )
  })

  it('gives a questionnaire without the block no special tally, whatever its name', () => {
    const json = readDefinition('best-practice-vote')
    json.gapkit = { suppressBelow: 3 }
    expect(tally(load({ 'best-practice-vote': json })('best-practice-vote'), ballots)).toBeNull()
  })
})
