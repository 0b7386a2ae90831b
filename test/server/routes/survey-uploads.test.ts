// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes references as ${name}
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { XLSX_TYPE } from '../../../server/routes/survey-uploads.ts'
import { surveyVersion } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { writeWorkbook } from '../../../surveys/xlsform/write.ts'
import { addUser, asUser, signIn, TEST_SCRYPT } from '../../helpers/accounts.ts'
import { rowCounts as countRows } from '../../helpers/dump-tables.ts'
import { createTestApp, FIXTURES, type TestApp } from '../../helpers/test-app.ts'
import { exampleAnswers } from '../../helpers/valid-answers.ts'
import { sheet } from '../../surveys/xlsform/helpers.ts'

const example = JSON.parse(
  readFileSync(path.join(FIXTURES, 'surveys', 'example.json'), 'utf8'),
) as SurveyJson

/** The example without its e-mail question: another version of the same questionnaire. */
function withoutEmail(json: SurveyJson): SurveyJson {
  const copy = structuredClone(json)
  for (const page of copy.pages as { elements: { name: string }[] }[]) {
    page.elements = page.elements.filter((e) => e.name !== 'email')
  }
  return copy
}

const goodWorkbook = () =>
  writeWorkbook({
    survey: sheet([
      { type: 'select_one yn', name: 'has_group', label: 'Is there a savings group?' },
      { type: 'integer', name: 'members', label: 'Members', relevant: "${has_group} = 'yes'" },
      { type: 'geopoint', name: 'where', label: 'Where is it?' },
    ]),
    choices: sheet([
      { list_name: 'yn', name: 'yes', label: 'Yes' },
      { list_name: 'yn', name: 'no', label: 'No' },
    ]),
    settings: sheet([{ form_id: 'savings_check', form_title: 'Savings check' }]),
  })

/** Two errors: a choice list the choices sheet lacks (row 3), a name used twice (row 4). */
const brokenWorkbook = () =>
  writeWorkbook({
    survey: sheet([
      { type: 'text', name: 'coop', label: 'Cooperative' },
      { type: 'select_one colours', name: 'colour', label: 'Colour' },
      { type: 'integer', name: 'coop', label: 'Members' },
    ]),
    choices: sheet([{ list_name: 'yn', name: 'yes', label: 'Yes' }]),
  })

let t: TestApp
beforeEach(async () => {
  t = await createTestApp({ example }, { passwords: TEST_SCRYPT })
})
afterEach(async () => {
  await t.close()
})

function upload(
  body: BodyInit | Uint8Array,
  type: string | null,
  query = '',
  token: string | null = t.admin,
): Promise<Response> {
  return Promise.resolve(
    t.app.request(`/api/surveys${query}`, {
      method: 'POST',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(type ? { 'Content-Type': type } : {}),
      },
      body: body instanceof Uint8Array ? new Uint8Array(body) : body,
    }),
  )
}

const uploadJson = (json: unknown, query = '?id=field-visit', token: string | null = t.admin) =>
  upload(JSON.stringify(json), 'application/json', query, token)

interface UploadAnswer {
  upload: { id: string; survey: string; version: string; status: string; replaces: string | null }
  previewUrl: string
  publishUrl: string
}

async function created(res: Response): Promise<UploadAnswer> {
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as UploadAnswer
}

/** Rows of every table, to show that a refused upload changed nothing (on either database). */
const rowCounts = () => countRows(t.db)

const surveyList = async (token = t.admin) => {
  const res = await t.send('GET', '/api/surveys', token)
  expect(res.status).toBe(200)
  return ((await res.json()) as { surveys: { id: string; version: string }[] }).surveys
}

const auditActions = async () =>
  (await t.db.kysely.selectFrom('audit_log').select('action').orderBy('id').execute())
    .map((r) => r.action)
    .filter((a) => a.startsWith('survey.'))

describe('POST /api/surveys uploads a draft', () => {
  it('takes SurveyJS JSON, stores a draft that nobody is served yet', async () => {
    const before = await surveyList()
    const { upload: u, previewUrl, publishUrl } = await created(await uploadJson(example))
    expect(u).toMatchObject({
      survey: 'field-visit',
      version: surveyVersion(example),
      status: 'draft',
      replaces: null,
    })
    expect(u.id).toMatch(/^u_[0-9a-f]{16}$/)
    expect(previewUrl).toContain(u.id)
    expect(publishUrl).toBe(`/api/surveys/uploads/${u.id}/publish`)
    // A draft is no questionnaire yet: not listed, not answerable, its definition not served.
    expect(await surveyList()).toEqual(before)
    const submit = await t.send('POST', '/api/surveys/field-visit/responses', t.partnerA, {
      answers: exampleAnswers(),
    })
    expect(submit.status).toBe(404)
    const definition = await t.send('GET', `/s/field-visit/definition/${u.version}`, t.partnerA)
    expect(definition.status).toBe(404)
    const listed = await t.send('GET', '/api/surveys/uploads', t.admin)
    expect(listed.status).toBe(200)
    const { uploads } = (await listed.json()) as { uploads: { id: string }[] }
    expect(uploads.map((x) => x.id)).toEqual([u.id])
    expect(await auditActions()).toEqual(['survey.upload'])
  })

  it('takes an XLSForm workbook as the body and as a multipart file, with its warnings', async () => {
    const bytes = await goodWorkbook()
    const res = await upload(bytes, XLSX_TYPE, '?fileName=savings.xlsx')
    const { upload: u } = await created(res)
    const one = await t.send('GET', `/api/surveys/uploads/${u.id}`, t.admin)
    expect(one.status).toBe(200)
    const { upload: full } = (await one.json()) as {
      upload: {
        kind: string
        fileName: string
        title: string
        questions: number
        problems: unknown[]
      }
    }
    expect(full).toMatchObject({
      kind: 'xlsform',
      fileName: 'savings.xlsx',
      title: 'Savings check',
      questions: 3,
    })
    expect(u.survey).toBe('savings-check')
    // The geopoint row is asked as text, and said so, by row.
    expect(full.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        sheet: 'survey',
        row: 4,
        where: expect.stringMatching(/^survey sheet, row 4/),
      }),
    ])
    const form = new FormData()
    form.set('file', new File([new Uint8Array(bytes)], 'coop.xlsx', { type: XLSX_TYPE }))
    form.set('id', 'coop-savings')
    const multipart = await created(await upload(form, null))
    expect(multipart.upload).toMatchObject({ survey: 'coop-savings', status: 'draft' })
  })

  it('reads the CSV lists a workbook names from the files sent beside it', async () => {
    const bytes = await writeWorkbook({
      survey: sheet([
        { type: 'select_one_from_file villages.csv', name: 'village', label: 'Village' },
        { type: 'select_one_from_file crops.csv', name: 'crop', label: 'Crop' },
      ]),
    })
    const formWith = (...beside: File[]) => {
      const form = new FormData()
      form.set('file', new File([new Uint8Array(bytes)], 'villages.xlsx', { type: XLSX_TYPE }))
      for (const f of beside) form.append('beside', f)
      return form
    }
    const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' })
    // Only one of the two lists: refused, naming the missing file, nothing stored.
    const before = await rowCounts()
    const refused = await upload(formWith(csv('villages.csv', 'name,label\nkati,Kati\n')), null)
    expect(refused.status).toBe(422)
    const body = (await refused.json()) as { error: { details: { message: string }[] } }
    expect(body.error.details.map((d) => d.message).join(' ')).toContain('crops.csv')
    expect(await rowCounts()).toEqual(before)
    // Both, one of them sent with a folder in its name as some browsers do.
    const res = await upload(
      formWith(
        csv('villages.csv', 'name,label\nkati,Kati\nsegou,Ségou\n'),
        csv('lists/crops.csv', 'name,label\nmaize,Maize\n'),
      ),
      null,
    )
    const { upload: u } = await created(res)
    const published = await t.send('POST', `/api/surveys/uploads/${u.id}/publish`, t.admin)
    expect(published.status).toBe(200)
    const served = await t.send('GET', `/api/surveys/${u.survey}`, t.admin)
    const json = JSON.stringify(((await served.json()) as { definition: unknown }).definition)
    expect(json).toContain('Ségou')
    expect(json).toContain('Maize')
  })

  it('refuses a broken workbook with its errors by row, and changes nothing', async () => {
    const before = await rowCounts()
    const res = await upload(await brokenWorkbook(), XLSX_TYPE, '?fileName=broken.xlsx')
    expect(res.status).toBe(422)
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { field: string; message: string }[] }
    }
    expect(body.error.code).toBe('invalid_questionnaire')
    expect(body.error.message).toMatch(/2 errors/)
    expect(body.error.details).toEqual([
      { field: 'survey sheet, row 3, column type', message: expect.stringContaining('colours') },
      { field: 'survey sheet, row 4, column name', message: expect.stringContaining('coop') },
    ])
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses duplicate question names, naming the question, and stores nothing', async () => {
    const json = structuredClone(example)
    const first = (json.pages as { elements: Record<string, unknown>[] }[])[0]
    first?.elements.push({ type: 'text', name: 'stakeholder' })
    const before = await rowCounts()
    const res = await uploadJson(json)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { details: unknown[] } }
    expect(body.error.details).toEqual([
      {
        field: 'question "stakeholder"',
        question: 'stakeholder',
        message: expect.stringContaining('more than once'),
      },
    ])
    expect(await rowCounts()).toEqual(before)
  })

  it('answers every other bad request with a clear 4xx and stores nothing', async () => {
    const before = await rowCounts()
    const badId = await uploadJson(example, '?id=Field_Visit')
    expect(badId.status).toBe(400)
    expect(JSON.stringify(await badId.json())).toContain('lowercase letters, digits and dashes')
    // A file name that gives no usable id.
    const noId = await uploadJson(example, '?fileName=%E2%9C%93%E2%9C%93.json')
    expect(noId.status).toBe(422)
    expect(
      ((await noId.json()) as { error: { details: { field: string }[] } }).error.details,
    ).toEqual([expect.objectContaining({ field: 'id' })])
    const reserved = await uploadJson(example, '?id=uploads')
    expect(reserved.status).toBe(422)
    const empty = await upload('', 'application/json')
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/empty/)
    const notJson = await upload('{"title": ', 'application/json')
    expect(notJson.status).toBe(422)
    expect(JSON.stringify(await notJson.json())).toContain('invalid JSON')
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const binary = await upload(png, XLSX_TYPE, '?fileName=photo.xlsx')
    expect(binary.status).toBe(422)
    const refused = (await binary.json()) as {
      error: { code: string; details: { field: string }[] }
    }
    expect(refused.error.code).toBe('invalid_questionnaire')
    expect(refused.error.details[0]?.field).toBe('workbook')
    const text = await upload('title,pages', 'text/plain')
    expect(text.status).toBe(415)
    const noFile = new FormData()
    noFile.set('id', 'field-visit')
    const missing = await upload(noFile, null)
    expect(missing.status).toBe(400)
    expect(JSON.stringify(await missing.json())).toContain('"file"')
    // 70 MB: over the import limit (64 MiB), refused before anything is read.
    const huge = await upload(new Uint8Array(70 * 1000 * 1000), XLSX_TYPE)
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    )
    expect(await rowCounts()).toEqual(before)
  })

  it('stores hostile text as data and returns it unchanged', async () => {
    const hostile = structuredClone(example)
    hostile.title = '<script>alert(1)</script>'
    const first = (hostile.pages as { elements: Record<string, unknown>[] }[])[0]
    if (first?.elements[0]) first.elements[0].title = '=HYPERLINK("http://evil.example","click")'
    const { upload: u } = await created(await uploadJson(hostile))
    const one = await t.send('GET', `/api/surveys/uploads/${u.id}`, t.admin)
    expect(one.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await one.json()) as { upload: { title: string } }).upload.title).toBe(
      '<script>alert(1)</script>',
    )
    const published = await t.send('POST', `/api/surveys/uploads/${u.id}/publish`, t.admin)
    expect(published.status).toBe(200)
    const res = await t.send('GET', '/api/surveys/field-visit', t.admin)
    const { definition } = (await res.json()) as { definition: SurveyJson }
    expect(definition.title).toBe('<script>alert(1)</script>')
    const elements = (definition.pages as { elements: { title?: unknown }[] }[])[0]?.elements
    expect(elements?.[0]?.title).toBe('=HYPERLINK("http://evil.example","click")')
  })
})

describe('publishing', () => {
  it('serves the new questionnaire; partners answer it at that version', async () => {
    const { upload: u } = await created(await uploadJson(example))
    const res = await t.send('POST', `/api/surveys/uploads/${u.id}/publish`, t.admin)
    expect(res.status).toBe(200)
    const { upload: done } = (await res.json()) as {
      upload: { status: string; publishedAt: string }
    }
    expect(done.status).toBe('published')
    expect(done.publishedAt).toBeTruthy()
    expect(await surveyList(t.partnerA)).toContainEqual(
      expect.objectContaining({ id: 'field-visit', version: u.version }),
    )
    const submit = await t.send('POST', '/api/surveys/field-visit/responses', t.partnerA, {
      answers: exampleAnswers(),
    })
    expect(submit.status).toBe(201)
    const { id } = (await submit.json()) as { id: string }
    const row = await t.db.kysely
      .selectFrom('responses')
      .select(['survey', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ survey: 'field-visit', version: u.version })
    const definition = await t.send('GET', `/s/field-visit/definition/${u.version}`, t.partnerA)
    expect(definition.status).toBe(200)
    expect(await auditActions()).toEqual(['survey.upload', 'survey.publish'])
  })

  it('publishes a second version: earlier responses keep theirs, the analysis reads both', async () => {
    const first = await created(await uploadJson(example))
    await t.send('POST', `/api/surveys/uploads/${first.upload.id}/publish`, t.admin)
    const early = await t.send('POST', '/api/surveys/field-visit/responses', t.partnerA, {
      answers: exampleAnswers(),
    })
    expect(early.status).toBe(201)
    const earlyId = ((await early.json()) as { id: string }).id

    const second = await created(await uploadJson(withoutEmail(example)))
    expect(second.upload.replaces).toBe(first.upload.version)
    const res = await t.send('POST', `/api/surveys/uploads/${second.upload.id}/publish`, t.admin)
    expect(res.status).toBe(200)
    expect(await surveyList()).toContainEqual(
      expect.objectContaining({ id: 'field-visit', version: second.upload.version }),
    )
    const { email: _, ...answers } = exampleAnswers()
    const late = await t.send('POST', '/api/surveys/field-visit/responses', t.partnerB, {
      answers,
    })
    expect(late.status).toBe(201)
    // A form opened before the publication still submits against the version it showed.
    const queued = await t.send('POST', '/api/surveys/field-visit/responses', t.partnerA, {
      answers: exampleAnswers(),
      version: first.upload.version,
    })
    expect(queued.status).toBe(201)
    const versions = await t.db.kysely
      .selectFrom('responses')
      .select(['id', 'version'])
      .where('survey', '=', 'field-visit')
      .execute()
    expect(versions.find((r) => r.id === earlyId)?.version).toBe(first.upload.version)
    expect(versions.map((r) => r.version).sort()).toEqual(
      [first.upload.version, first.upload.version, second.upload.version].sort(),
    )
    const analysis = await t.send('GET', '/api/surveys/field-visit/analysis?wave=all', t.admin)
    expect(analysis.status, await analysis.clone().text()).toBe(200)
    const doc = (await analysis.json()) as { responses?: number; n?: number }
    expect(JSON.stringify(doc)).toContain('"stakeholder"')
  })

  it('replaces a questionnaire of the folder, whose version stays readable', async () => {
    const folderVersion = t.registry.get('example')?.version
    const changed = await created(await uploadJson(withoutEmail(example), '?id=example'))
    expect(changed.upload.replaces).toBe(folderVersion)
    await t.send('POST', `/api/surveys/uploads/${changed.upload.id}/publish`, t.admin)
    const listed = await surveyList()
    expect(listed.filter((s) => s.id === 'example')).toEqual([
      expect.objectContaining({ version: changed.upload.version }),
    ])
    const stored = await t.db.kysely
      .selectFrom('survey_versions')
      .select('version')
      .where('survey', '=', 'example')
      .orderBy('version')
      .execute()
    expect(stored.map((r) => r.version).sort()).toEqual(
      [folderVersion, changed.upload.version].sort(),
    )
    // The same file again is nothing new.
    const again = await uploadJson(withoutEmail(example), '?id=example')
    expect(again.status).toBe(409)
  })

  it('publishes or discards a draft once; a discarded draft is never served', async () => {
    const a = await created(await uploadJson(example))
    const discard = await t.send('POST', `/api/surveys/uploads/${a.upload.id}/discard`, t.admin)
    expect(discard.status).toBe(200)
    expect(((await discard.json()) as { upload: { status: string } }).upload.status).toBe(
      'discarded',
    )
    expect(
      (await t.send('POST', `/api/surveys/uploads/${a.upload.id}/publish`, t.admin)).status,
    ).toBe(409)
    expect((await surveyList()).map((s) => s.id)).not.toContain('field-visit')
    const b = await created(await uploadJson(example))
    expect(
      (await t.send('POST', `/api/surveys/uploads/${b.upload.id}/publish`, t.admin)).status,
    ).toBe(200)
    expect(
      (await t.send('POST', `/api/surveys/uploads/${b.upload.id}/publish`, t.admin)).status,
    ).toBe(409)
    expect(
      (await t.send('POST', `/api/surveys/uploads/${b.upload.id}/discard`, t.admin)).status,
    ).toBe(409)
    expect((await t.send('GET', '/api/surveys/uploads/u_0000000000000000', t.admin)).status).toBe(
      404,
    )
    expect((await t.send('GET', '/api/surveys/uploads/nonsense', t.admin)).status).toBe(404)
    expect(await auditActions()).toEqual([
      'survey.upload',
      'survey.discard',
      'survey.upload',
      'survey.publish',
    ])
  })
})

describe('who may upload', () => {
  it('refuses no token (401), a partner link and roles below owner (403)', async () => {
    expect((await uploadJson(example, '?id=field-visit', null)).status).toBe(401)
    expect((await uploadJson(example, '?id=field-visit', t.partnerA)).status).toBe(403)
    expect((await t.send('GET', '/api/surveys/uploads', t.partnerA)).status).toBe(403)
    expect((await t.send('GET', '/api/surveys/uploads', null)).status).toBe(401)
    const { upload: u } = await created(await uploadJson(example))
    expect((await t.send('POST', `/api/surveys/uploads/${u.id}/publish`, t.partnerA)).status).toBe(
      403,
    )
    const analyst = await addUser(t, 'analyst')
    const session = await signIn(t, analyst.email, analyst.password)
    // An analyst reads the uploads but changes no questionnaire.
    expect((await asUser(t, session, 'GET', '/api/surveys/uploads')).status).toBe(200)
    expect((await asUser(t, session, 'POST', `/api/surveys/uploads/${u.id}/publish`)).status).toBe(
      403,
    )
    expect((await asUser(t, session, 'POST', '/api/surveys', example)).status).toBe(403)
    const owner = await addUser(t, 'owner')
    const ownerSession = await signIn(t, owner.email, owner.password)
    const res = await asUser(t, ownerSession, 'POST', `/api/surveys/uploads/${u.id}/publish`)
    expect(res.status).toBe(200)
    // A partner still lists the questionnaires (the upload routes share the prefix).
    expect((await surveyList(t.partnerA)).map((s) => s.id)).toContain('field-visit')
  })
})
