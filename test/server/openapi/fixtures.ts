/**
 * The world the OpenAPI examples run in: the shipped questionnaires with demo data loaded the
 * way `gapkit demo` loads it, a person per role signed in, and the responses, links and
 * accounts each example needs for itself (an example that erases or revokes owns its target).
 */
import { expect } from 'vitest'
import { DEMO_REGIONS, type DemoResponse, generateDemoResponses } from '../../../demo/index.ts'
import { upsertRegion } from '../../../server/db/repositories/regions.ts'
import { createPartnerLink } from '../../../server/services/partner-links.ts'
import { createSubmission } from '../../../server/services/submissions.ts'
import type { Answers } from '../../../surveys/types.ts'
import { addUser, type Session, signIn, TEST_SCRYPT } from '../../helpers/accounts.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'

export const SURVEY = 'microfinance-gap'
/** A questionnaire with few questions, for imports and exports. */
export const SMALL_SURVEY = 'good-practice'

export type Person =
  | 'owner'
  | 'analyst'
  | 'reviewer'
  | 'viewer'
  | 'leaver'
  | 'everywhere'
  | 'changer'

export interface Fixtures {
  t: TestApp
  sessions: Record<Person, Session>
  /** The password of `changer`, whose example changes it. */
  changerPassword: string
  /** Accounts: the one owner, one to change, one whose password is reset. */
  users: { owner: number; toChange: number; toReset: number }
  /** The current version of SURVEY. */
  version: string
  /** Valid answers to SURVEY (a demo respondent's). */
  answers: Answers
  /** Partner A's responses to SURVEY, each for the example that needs it. */
  responses: {
    submitted: string
    draft: string
    toCorrect: string
    draftNotCorrectable: string
    toErase: string
  }
  linkToRevoke: number
  /** Published reports of SURVEY: one live, one to withdraw, one withdrawn. */
  publications: { live: string; toRevoke: number; revoked: string }
  asset: { url: string; etag: string }
  workerEtag: string
  /** A JSON document and a CSV file of SMALL_SURVEY, as the export gives them. */
  importJson: { survey: string; regions: unknown[]; responses: unknown[] }
  importCsv: string
  /** SMALL_SURVEY's definition, to upload; drafts of it for the upload examples. */
  uploadJson: unknown
  uploads: { toPublish: string; toDiscard: string }
  /** Drafts of another id for the dashboard's questionnaires page. */
  pageUploads: { toPublish: string; toDiscard: string; toPreview: string }
}

async function loadDemo(t: TestApp): Promise<DemoResponse[]> {
  const now = new Date().toISOString()
  for (const r of DEMO_REGIONS) await upsertRegion(t.db.kysely, r, now)
  const demo = generateDemoResponses(t.registry.list(), { responses: 150, seed: 18 })
  const deps = { db: t.db.kysely, registry: t.registry, now: () => new Date(), defaultWave: '2026' }
  for (const [i, r] of demo.entries()) {
    await createSubmission(deps, null, { ...r, submissionKey: `demo-${i}` })
  }
  return demo
}

async function okJson<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status)
  return (await res.json()) as T
}

/** Signs in a new account of `role` (a cheap scrypt cost). */
async function person(
  t: TestApp,
  role: 'owner' | 'analyst' | 'reviewer' | 'viewer',
  email: string,
) {
  const user = await addUser(t, role, email)
  return { id: user.id, session: await signIn(t, user.email, user.password), user }
}

export async function prepareFixtures(): Promise<Fixtures> {
  const t = await createTestApp(undefined, { passwords: TEST_SCRYPT })
  const demo = await loadDemo(t)
  const answers = demo.find((d) => d.survey === SURVEY && !d.draft)?.answers
  if (!answers) throw new Error(`no demo answers to ${SURVEY}`)

  const owner = await person(t, 'owner', 'owner@example.org')
  const changer = await person(t, 'viewer', 'changer@example.org')
  const sessions: Record<Person, Session> = {
    owner: owner.session,
    analyst: (await person(t, 'analyst', 'analyst@example.org')).session,
    reviewer: (await person(t, 'reviewer', 'reviewer@example.org')).session,
    viewer: (await person(t, 'viewer', 'viewer@example.org')).session,
    leaver: (await person(t, 'viewer', 'leaver@example.org')).session,
    everywhere: (await person(t, 'viewer', 'everywhere@example.org')).session,
    changer: changer.session,
  }
  const toChange = await addUser(t, 'viewer', 'to-change@example.org')
  const toReset = await addUser(t, 'viewer', 'to-reset@example.org')

  const post = async (draft: boolean) =>
    (
      await okJson<{ id: string }>(
        await t.send('POST', `/api/surveys/${SURVEY}/responses`, t.partnerA, { answers, draft }),
        201,
      )
    ).id
  const responses = {
    submitted: await post(false),
    draft: await post(true),
    toCorrect: await post(false),
    draftNotCorrectable: await post(true),
    toErase: await post(false),
  }

  const link = await createPartnerLink(
    t.db.kysely,
    { region: 'IT-BO', name: 'To revoke' },
    'cli',
    new Date().toISOString(),
  )
  const publish = async () =>
    okJson<{ token: string; publication: { id: number } }>(
      await t.send('POST', `/api/surveys/${SURVEY}/publications`, t.admin, {}),
      201,
    )
  const live = await publish()
  const toRevoke = await publish()
  const revoked = await publish()
  await okJson(
    await t.send(
      'DELETE',
      `/api/surveys/${SURVEY}/publications/${revoked.publication.id}`,
      t.admin,
    ),
  )
  const publications = {
    live: live.token,
    toRevoke: toRevoke.publication.id,
    revoked: revoked.token,
  }
  const { version } = await okJson<{ version: string }>(
    await t.send('GET', `/api/surveys/${SURVEY}`, t.admin),
  )
  const docs = await (await t.app.request('/api/docs')).text()
  const assetUrl = /src="(\/assets\/[0-9a-f]+\/api-docs\.js)"/.exec(docs)?.[1] ?? ''
  const assetEtag = (await t.app.request(assetUrl)).headers.get('etag') ?? ''
  const workerEtag = (await t.app.request('/s/sw.js')).headers.get('etag') ?? ''
  const exported = await t.send('GET', `/api/surveys/${SMALL_SURVEY}/responses?format=csv`, t.admin)
  const importCsv = await exported.text()
  const importJson = {
    survey: SMALL_SURVEY,
    regions: DEMO_REGIONS.map((r) => ({ id: r.id, name: r.name })),
    responses: demo
      .filter((d) => d.survey === SMALL_SURVEY)
      .slice(0, 5)
      .map((d) => ({ region: d.region, wave: d.wave, language: d.language, answers: d.answers })),
  }
  const uploadJson = t.registry.get(SMALL_SURVEY)?.json
  const draft = async (id = 'uploaded-form') =>
    (
      await okJson<{ upload: { id: string } }>(
        await t.send('POST', `/api/surveys?id=${id}`, t.admin, uploadJson),
        201,
      )
    ).upload.id
  const uploads = { toPublish: await draft(), toDiscard: await draft() }
  const pageUploads = {
    toPublish: await draft('page-form'),
    toDiscard: await draft('page-form'),
    toPreview: await draft('page-form'),
  }
  return {
    t,
    sessions,
    changerPassword: changer.user.password,
    users: { owner: owner.id, toChange: toChange.id, toReset: toReset.id },
    version,
    answers,
    responses,
    linkToRevoke: link.partner.id,
    publications,
    asset: { url: assetUrl, etag: assetEtag },
    workerEtag,
    importJson,
    importCsv,
    uploadJson,
    uploads,
    pageUploads,
  }
}
