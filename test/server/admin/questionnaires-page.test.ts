/**
 * The dashboard's questionnaires page through the app: uploads as the page's form posts them
 * (multipart, CSRF field), what the page shows (escaped), who may open it, the preview and the
 * draft's questionnaire (owners only, never a partner link), publish and discard.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SurveyJson } from '../../../surveys/types.ts'
import { writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { addUser, type Session, signIn, TEST_SCRYPT } from '../../helpers/accounts.ts'
import { createTestApp, type TestApp } from '../../helpers/test-app.ts'
import { sheet } from '../../surveys/xlsform/helpers.ts'

const FOLDER: SurveyJson = {
  title: 'Folder questionnaire',
  pages: [{ name: 'p1', elements: [{ type: 'text', name: 'org', title: 'Organisation' }] }],
}

/** A questionnaire whose texts try to break out of the page. */
const HOSTILE: SurveyJson = {
  title: '<script>alert("title")</script>',
  pages: [
    {
      name: 'p1',
      elements: [{ type: 'comment', name: 'why', title: 'Why <img src=x onerror=alert(1)>?' }],
    },
  ],
}

let t: TestApp
let owner: Session
let analyst: Session

beforeEach(async () => {
  t = await createTestApp({ folder: FOLDER }, { passwords: TEST_SCRYPT })
  const o = await addUser(t, 'owner', 'olga@example.org')
  const a = await addUser(t, 'analyst', 'anna@example.org')
  owner = await signIn(t, o.email, o.password)
  analyst = await signIn(t, a.email, a.password)
})

afterEach(async () => {
  await t?.close()
})

/** The page's upload form as a browser posts it. */
function upload(
  session: Session,
  file: { name: string; bytes: Uint8Array | string; type?: string } | null,
  fields: Record<string, string> = { csrf: session.csrf },
  headers: Record<string, string> = {},
  lang = 'en',
): Promise<Response> {
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.set(k, v)
  if (file) {
    const part = typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)
    body.set('file', new File([part], file.name, { type: file.type ?? '' }))
  }
  return Promise.resolve(
    t.app.request(`/admin/questionnaires?lang=${lang}`, {
      method: 'POST',
      headers: { Cookie: session.cookie, ...headers },
      body,
    }),
  )
}

function post(session: Session, url: string, fields: Record<string, string>, headers = {}) {
  return Promise.resolve(
    t.app.request(url, {
      method: 'POST',
      headers: { Cookie: session.cookie, ...headers },
      body: new URLSearchParams(fields),
    }),
  )
}

const open = (session: Session | null, url: string) =>
  Promise.resolve(t.app.request(url, { headers: session ? { Cookie: session.cookie } : {} }))

const uploads = () =>
  t.db.kysely.selectFrom('survey_uploads').select(['id', 'survey', 'status']).execute()
const versions = () =>
  t.db.kysely.selectFrom('survey_versions').select(['survey', 'version']).execute()
const audited = (action: string) =>
  t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', action).execute()

const json = (value: unknown) => JSON.stringify(value)

/** Uploads a good JSON questionnaire as the owner; its upload id. */
async function uploaded(id: string, survey: SurveyJson, name = `${id}.json`): Promise<string> {
  const res = await upload(owner, { name, bytes: json(survey), type: 'application/json' })
  expect(res.status).toBe(303)
  const location = res.headers.get('location') ?? ''
  const uploadId = /uploaded=(u_[0-9a-f]{16})/.exec(location)?.[1]
  expect(uploadId, location).toBeTruthy()
  return uploadId ?? ''
}

describe('the questionnaires page', () => {
  it('lists the questionnaires in service and an upload, escaping every text of the file', async () => {
    const id = await uploaded('hostile', HOSTILE, '<img src=x onerror=alert(1)>.json')
    const res = await open(owner, '/admin/questionnaires?lang=en')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<tr data-survey="folder"><th scope="row">Folder questionnaire')
    expect(html).toContain('questionnaire folder')
    expect(html).toContain(`<tr data-upload="${id}" data-status="draft">`)
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;')
    expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt;.json</code>')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img')
    // The navigation of an owner links the page, marked current.
    expect(html).toContain('href="/admin/questionnaires?lang=en" aria-current="page"')
  })

  it('keeps a good upload as a draft and says so after the redirect', async () => {
    const id = await uploaded('second', FOLDER)
    expect(await uploads()).toEqual([{ id, survey: 'second', status: 'draft' }])
    expect(await versions()).toEqual([])
    const res = await open(owner, `/admin/questionnaires?lang=fr&uploaded=${id}`)
    const html = await res.text()
    expect(html).toContain(
      'second.json a passé les vérifications et est gardé comme brouillon de « Folder questionnaire »',
    )
    expect(html).toContain(`action="/admin/questionnaires/uploads/${id}/publish?lang=fr"`)
  })

  it('refuses a broken workbook with its errors by row, in the page language, storing nothing', async () => {
    const bytes = await writeWorkbook({
      survey: sheet([
        { type: 'text', name: 'name', label: 'Name' },
        { type: 'select_one nolist', name: 'pick', label: 'Pick one' },
        { type: 'text', name: 'name', label: 'Name again' },
      ]),
      choices: sheet([{ list_name: 'yn', name: 'yes', label: 'Yes' }]),
    })
    const res = await upload(
      owner,
      { name: 'broken form.xlsx', bytes },
      { csrf: owner.csrf },
      {},
      'fr',
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/broken form\.xlsx n’a pas été téléversé : problèmes à corriger : \d+\./)
    const rows = [...html.matchAll(/<tr data-severity="error"><th scope="row">([^<]*)<\/th>/g)]
    expect(rows.map((m) => m[1])).toContain('feuille survey, ligne 3, colonne type')
    expect(await uploads()).toEqual([])
    expect(await versions()).toEqual([])
    expect(await audited('survey.upload')).toEqual([])
  })

  it('takes the CSV lists a workbook names from its second file input, and an empty one as none', async () => {
    const bytes = await writeWorkbook({
      survey: sheet([
        { type: 'select_one_from_file villages.csv', name: 'village', label: 'Village' },
      ]),
    })
    const send = (beside: File[]) => {
      const body = new FormData()
      body.set('csrf', owner.csrf)
      body.set('file', new File([new Uint8Array(bytes)], 'villages.xlsx'))
      for (const f of beside) body.append('beside', f)
      return Promise.resolve(
        t.app.request('/admin/questionnaires', {
          method: 'POST',
          headers: { Cookie: owner.cookie },
          body,
        }),
      )
    }
    // A browser sends an empty part for a file input left empty.
    const refused = await send([new File([], '')])
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('villages.csv')
    expect(await uploads()).toEqual([])
    const res = await send([new File(['name,label\nkati,Kati\n'], 'villages.csv')])
    expect(res.status).toBe(303)
    expect(await uploads()).toEqual([
      expect.objectContaining({ survey: 'villages', status: 'draft' }),
    ])
    const page = await (await open(owner, '/admin/questionnaires')).text()
    expect(page).toContain('<input id="ak-q-beside" name="beside" type="file" multiple')
  })

  it('refuses a file that is no questionnaire and an empty form', async () => {
    const res = await upload(owner, { name: 'notes.json', bytes: '{"title": "x"' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('notes.json was not uploaded: problems to correct: 1.')
    expect(html).toContain('<th scope="row">the file</th>')
    const empty = await upload(owner, null)
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Choose a file first (.json or .xlsx).')
    expect(await uploads()).toEqual([])
  })

  it('says so when the file is the version already in service', async () => {
    const res = await upload(
      owner,
      { name: 'folder.json', bytes: json(FOLDER) },
      {
        csrf: owner.csrf,
        id: 'folder',
      },
    )
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('folder.json is the version already in service: nothing to publish.')
    // The id typed stays in the form.
    expect(html).toContain('name="id" maxlength="63"')
    expect(html).toMatch(/<input id="ak-q-id"[^>]* value="folder">/)
    expect(await uploads()).toEqual([])
  })

  it('refuses an upload, a publication and a discard without the CSRF token', async () => {
    const foreign = { Origin: 'https://evil.example' }
    const res = await upload(owner, { name: 'a.json', bytes: json(FOLDER) }, {}, foreign)
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('The request did not come from this site')
    expect(await uploads()).toEqual([])

    const id = await uploaded('second', FOLDER)
    for (const what of ['publish', 'discard']) {
      const url = `/admin/questionnaires/uploads/${id}/${what}`
      const wrong = await post(owner, url, { csrf: 'not-the-token' })
      expect(wrong.status).toBe(403)
      const none = await post(owner, url, {}, foreign)
      expect(none.status).toBe(403)
    }
    expect(await uploads()).toEqual([{ id, survey: 'second', status: 'draft' }])
    expect(await audited('survey.publish')).toEqual([])
  })

  it('opens for owners only: not for an analyst, a partner link or no session', async () => {
    const id = await uploaded('second', FOLDER)
    const asAnalyst = await open(analyst, '/admin/questionnaires')
    expect(asAnalyst.status).toBe(403)
    expect(await asAnalyst.text()).toContain('it needs the Owner role or higher')
    expect(await open(null, '/admin/questionnaires')).toHaveProperty('status', 401)
    const partner = await open(null, `/admin/questionnaires?t=${t.partnerA}`)
    expect(partner.status).toBe(403)
    expect(await partner.text()).toContain('This is a partner link token')
    for (const what of ['preview', 'definition']) {
      const url = `/admin/questionnaires/uploads/${id}/${what}`
      expect((await open(analyst, url)).status).toBe(403)
      expect((await open(null, url)).status).toBe(401)
      expect((await open(null, `${url}?t=${t.partnerA}`)).status).toBe(403)
    }
    const publish = await post(analyst, `/admin/questionnaires/uploads/${id}/publish`, {
      csrf: analyst.csrf,
    })
    expect(publish.status).toBe(403)
    expect(await uploads()).toEqual([{ id, survey: 'second', status: 'draft' }])
  })
})

describe('the preview of a draft', () => {
  it('is the form page, reading the draft only through the dashboard', async () => {
    const changed: SurveyJson = { ...FOLDER, title: 'Folder questionnaire, second edition' }
    const id = await uploaded('folder', changed)
    const page = await open(owner, `/admin/questionnaires/uploads/${id}/preview?lang=en`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("form-action 'none'")
    const html = await page.text()
    const data = JSON.parse(
      /<script type="application\/json" id="gk-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}',
    )
    expect(data).toMatchObject({
      survey: 'folder',
      preview: true,
      region: '',
      definition: `/admin/questionnaires/uploads/${id}/definition`,
      title: 'Folder questionnaire, second edition',
    })
    const definition = await open(owner, data.definition)
    expect(definition.status).toBe(200)
    expect(await definition.json()).toEqual(changed)

    // A partner link sees the folder's version, and never the draft's.
    const served = t.registry.get('folder')
    const draft = (
      await t.db.kysely
        .selectFrom('survey_uploads')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version
    expect(draft).not.toBe(served?.version)
    const link = await t.send('GET', `/s/folder/definition/${draft}`, t.partnerA)
    expect(link.status).toBe(404)
    // Nor can it answer the draft: the version is not one the server serves or has stored.
    const answer = await t.send('POST', '/api/surveys/folder/responses', t.partnerA, {
      answers: { org: 'Coop' },
      version: draft,
    })
    expect(answer.status).toBe(400)
    const form = await open(null, `/s/folder?t=${t.partnerA}`)
    expect(await form.text()).not.toContain('second edition')
    // Opening the preview stored nothing: no version, no response.
    expect(await versions()).not.toContainEqual({ survey: 'folder', version: draft })
    expect(await t.count()).toBe(0)
  })

  it('opens after a sign-in with the admin token in the link, without the token', async () => {
    const id = await uploaded('second', FOLDER)
    const preview = `/admin/questionnaires/uploads/${id}/preview`
    const res = await open(null, `${preview}?t=${t.admin}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(preview)
    const list = await open(null, `/admin/questionnaires?t=${t.admin}&lang=sv`)
    expect(list.headers.get('location')).toBe('/admin/questionnaires?lang=sv')
  })

  it('answers 404 in the dashboard for an unknown upload', async () => {
    const res = await open(owner, '/admin/questionnaires/uploads/u_0000000000000000/preview')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('No such upload.')
  })
})

describe('publishing and discarding', () => {
  it('publishes a draft for partner links, and refuses to publish it twice', async () => {
    const id = await uploaded('second', FOLDER)
    const res = await post(owner, `/admin/questionnaires/uploads/${id}/publish?lang=en`, {
      csrf: owner.csrf,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/admin/questionnaires?published=${id}&lang=en`)
    expect(await uploads()).toEqual([{ id, survey: 'second', status: 'published' }])
    const page = await (await open(owner, res.headers.get('location') ?? '')).text()
    expect(page).toMatch(/Version [0-9a-f]{16} of “Folder questionnaire” is published/)
    expect(page).toContain('<tr data-survey="second">')
    expect(page).toContain('uploaded: second.json')
    expect((await open(null, `/s/second?t=${t.partnerA}`)).status).toBe(200)

    const again = await post(owner, `/admin/questionnaires/uploads/${id}/discard`, {
      csrf: owner.csrf,
    })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('This upload is no longer a draft')
    expect(await uploads()).toEqual([{ id, survey: 'second', status: 'published' }])
  })

  it('discards a draft: listed as discarded, never served', async () => {
    const id = await uploaded('second', FOLDER)
    const res = await post(owner, `/admin/questionnaires/uploads/${id}/discard?lang=en`, {
      csrf: owner.csrf,
    })
    expect(res.status).toBe(303)
    expect(await uploads()).toEqual([{ id, survey: 'second', status: 'discarded' }])
    const page = await (await open(owner, res.headers.get('location') ?? '')).text()
    expect(page).toContain('The draft second.json was discarded')
    expect(page).not.toContain(`data-publish="${id}"`)
    expect((await open(null, `/s/second?t=${t.partnerA}`)).status).toBe(404)
  })
})
