/**
 * The report's "practices worth transferring" come from the questionnaire whose gapkit block
 * declares a vote, whatever its file name.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../reports/report/render-markdown.ts'
import { buildReport } from '../../../server/services/report.ts'
import { isRecord } from '../../../surveys/json.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { walkElements } from '../../../surveys/walk.ts'
import { createTestApp, DEFINITIONS, type TestApp } from '../../helpers/test-app.ts'

const read = (id: string): SurveyJson =>
  JSON.parse(fs.readFileSync(path.join(DEFINITIONS, `${id}.json`), 'utf8'))

const cells = (n: number) => ({
  relevance: n,
  evidence: n,
  sustainability: n,
  transferability: n,
  vulnerable_reach: n,
  innovation: n,
})

/** The practice codes: the rows of the vote's `scores` matrix. */
function voteRows(json: SurveyJson | undefined): string[] {
  const found = [...walkElements(json ?? {})].find((e) => e.element.name === 'scores')
  const rows = found?.element.rows
  if (!Array.isArray(rows)) throw new Error('no scores matrix')
  return rows.map((r) => (isRecord(r) ? String(r.value) : String(r)))
}

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

async function voteSummary(surveys: Record<string, SurveyJson>, voteId: string | null) {
  t = await createTestApp(surveys)
  if (voteId) {
    // Every other region's practice is scored (the form requires it); a partner never scores
    // its own region's (FR-93 for partner A).
    const rows = voteRows(surveys[voteId]).filter((code) => !code.startsWith('FR-93:'))
    const scores = Object.fromEntries(
      rows.map((code) => [code, cells(code === 'IT-BO:permicro' ? 5 : 3)]),
    )
    const ballot = { scores, top3: ['IT-BO:permicro', 'SE-VG:jak-bank'] }
    const res = await t.send('POST', `/api/surveys/${voteId}/responses`, t.partnerA, {
      answers: ballot,
    })
    expect(res.status, await res.clone().text()).toBe(201)
  }
  const { model } = await buildReport(t.db.kysely, t.registry, 'microfinance-gap', {})
  return renderMarkdown(model)
}

describe('the vote in the gap report', () => {
  it('is read from a vote questionnaire saved under another name', async () => {
    const md = await voteSummary(
      {
        'microfinance-gap': read('microfinance-gap'),
        'partner-ballot': read('best-practice-vote'),
      },
      'partner-ballot',
    )
    expect(md).toContain('Practices worth transferring')
    expect(md).toMatch(/\| 1 \| PerMicro/)
    expect(md).not.toContain('No good-practice vote results')
  })

  it('says no questionnaire declares a vote when none does', async () => {
    const { gapkit: _, ...undeclared } = read('best-practice-vote')
    const md = await voteSummary(
      { 'microfinance-gap': read('microfinance-gap'), 'best-practice-vote': undeclared },
      null,
    )
    expect(md).toContain(
      'No good-practice vote results were available for this report: no questionnaire declares a vote',
    )
  })
})
